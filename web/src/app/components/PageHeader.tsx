import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';

/** Page title with an optional description, breadcrumb and actions on the right. */
export function PageHeader({ title, description, extra, crumbs }: { title: ReactNode; description?: ReactNode; extra?: ReactNode; crumbs?: string[] }) {
  return (
    <div style={{ marginBottom: 16 }}>
      {crumbs && crumbs.length > 0 && <Breadcrumb style={{ marginBottom: 8 }} items={crumbs.map((c) => ({ title: c }))} />}
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {description && (
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {description}
            </Typography.Paragraph>
          )}
        </div>
        {extra}
      </Flex>
    </div>
  );
}

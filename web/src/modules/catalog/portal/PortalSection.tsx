import type { ReactNode } from 'react';
import { Breadcrumb, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n/index.tsx';
import { useDocumentTitle } from '../../../app/hooks/useDocumentTitle.ts';

export interface Crumb {
  title: string;
  to?: string;
}

/** A catalog page of the public portal: centred column, breadcrumb from the home page, title and actions. */
export function PortalSection({
  title,
  description,
  crumbs = [],
  extra,
  children,
  width = 1200,
  hideTitle = false,
}: {
  title: ReactNode;
  description?: ReactNode;
  crumbs?: Crumb[];
  extra?: ReactNode;
  children: ReactNode;
  width?: number;
  /** The page draws its own title block (the breadcrumb and the tab title still use `title`). */
  hideTitle?: boolean;
}) {
  const { t } = useI18n();
  useDocumentTitle([typeof title === 'string' ? title : (crumbs[crumbs.length - 1]?.title ?? ''), t('portal.section')]);
  const items = [{ title: <Link to="/">{t('portal.nav.home')}</Link> }, ...crumbs.map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))];
  return (
    <div style={{ maxWidth: width, margin: '0 auto', padding: '16px 16px 48px', minWidth: 0 }}>
      <Breadcrumb style={{ marginBottom: 12 }} items={items} />
      {!hideTitle && (
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Title level={3} style={{ margin: 0 }} className="tb-wrap">
            {title}
          </Typography.Title>
          {description && (
            <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
              {description}
            </Typography.Paragraph>
          )}
        </div>
        {extra}
      </Flex>
      )}
      {children}
    </div>
  );
}

import type { ReactNode } from 'react';
import { Empty, Flex, Skeleton, Typography } from 'antd';

export interface Row {
  key: string | number;
  title: ReactNode;
  description?: ReactNode;
  avatar?: ReactNode;
  actions?: ReactNode[];
  testId?: string;
}

/** A plain list of rows (title, description, actions on the right), wrapping on narrow screens. */
export function RowList({ rows, loading, empty, testId, footer }: { rows: Row[]; loading?: boolean; empty?: ReactNode; testId?: string; footer?: ReactNode }) {
  if (loading && rows.length === 0) return <Skeleton active />;
  if (rows.length === 0) return <div data-testid={testId}>{typeof empty === 'string' || !empty ? <Empty description={empty} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : empty}</div>;
  return (
    <div data-testid={testId}>
      {rows.map((r, i) => (
        <Flex key={r.key} gap={12} align="flex-start" justify="space-between" wrap data-testid={r.testId} style={{ padding: '10px 0', borderTop: i === 0 ? undefined : '1px solid rgba(5,5,5,0.06)' }}>
          <Flex gap={10} align="flex-start" style={{ minWidth: 0, flex: '1 1 320px' }}>
            {r.avatar}
            <div style={{ minWidth: 0 }}>
              <Typography.Text strong>{r.title}</Typography.Text>
              {r.description && <div style={{ color: 'rgba(0,0,0,0.55)', marginTop: 2 }}>{r.description}</div>}
            </div>
          </Flex>
          {r.actions && r.actions.length > 0 && (
            <Flex gap={8} wrap>
              {r.actions}
            </Flex>
          )}
        </Flex>
      ))}
      {footer}
    </div>
  );
}

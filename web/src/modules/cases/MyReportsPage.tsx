import { Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../app/i18n/index.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle.ts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { formatInstant } from '../../app/format.ts';
import { casesApi } from './cases.api.ts';
import { StateTag } from './CaseTags.tsx';

/** 我的反映: a signed-in citizen's or enterprise's own reports and their progress (no internal routing shown). */
export function MyReportsPage() {
  const { t } = useI18n();
  useDocumentTitle([t('cases.mine.title')]);
  const list = useRemote((signal) => casesApi.myReports(0, signal), []);
  return (
    <div style={{ maxWidth: 880 }}>
      <PageHeader
        title={t('cases.mine.title')}
        description={t('cases.mine.description')}
        extra={
          <Link to="/report">
            <Button type="primary" icon={<PlusOutlined />} data-testid="my-reports-new">
              {t('cases.public.nav')}
            </Button>
          </Link>
        }
      />
      {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error && <Skeleton active />}
      {list.data && list.data.items.length === 0 && <Empty description={t('cases.mine.empty')} />}
      <Flex vertical gap={10} data-testid="my-reports">
        {list.data?.items.map((c) => (
          <Card key={c.id} size="small" data-testid="my-report" data-case-no={c.caseNo}>
            <Flex justify="space-between" gap={8} wrap align="center">
              <Typography.Text strong>{c.category.name}</Typography.Text>
              <StateTag state={c.state} label={c.stateLabel} />
            </Flex>
            {c.description && (
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0' }}>
                {c.description}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.caseNo} · {t('cases.detail.reportedAt')} {formatInstant(c.reportedAt)}
              {c.closedAt ? ` · ${t('cases.detail.closedAt')} ${formatInstant(c.closedAt)}` : ''}
            </Typography.Text>
          </Card>
        ))}
      </Flex>
    </div>
  );
}

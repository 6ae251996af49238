import { Alert, Flex, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { formatInstant } from '../../app/format.ts';
import { casesApi } from './cases.api.ts';

/** Unread case notices of my inbox (dispatched to my unit, urged, returned, escalated); opening one marks it read. */
export function CaseNotices({ onOpen, tick }: { onOpen(caseId: number): void; tick?: number }) {
  const { t } = useI18n();
  const pick = useBilingual();
  const remote = useRemote(async (signal) => (await casesApi.unreadNotices(signal)).items.filter((n) => n.subjectType === 'case' && n.subjectId), [tick]);
  const items = remote.data ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      icon={<BellOutlined />}
      style={{ marginBottom: 12 }}
      data-testid="case-notices"
      title={t('cases.notices.title', { n: items.length })}
      description={
        <Flex vertical gap={2}>
          {items.slice(0, 5).map((n) => (
            <Typography.Link
              key={n.id}
              data-testid="case-notice"
              onClick={() => {
                onOpen(Number(n.subjectId));
                void casesApi.markRead(n.id).then(remote.reload, () => undefined);
              }}
            >
              {pick(n.title, n.titleEn)}
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {formatInstant(n.createdAt)}
              </Typography.Text>
            </Typography.Link>
          ))}
        </Flex>
      }
    />
  );
}

import { Card, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMe } from '../../auth/AuthProvider.tsx';
import { useBilingual, useI18n } from '../../i18n/index.tsx';
import { formatDate } from '../../../modules/clock/format.ts';
import { GrantScope } from '../../../modules/org/GrantScope.tsx';

function greeting(hour: number): 'workbench.greet.morning' | 'workbench.greet.afternoon' | 'workbench.greet.evening' {
  if (hour < 12) return 'workbench.greet.morning';
  if (hour < 18) return 'workbench.greet.afternoon';
  return 'workbench.greet.evening';
}

/** Greeting, today's date, and each role with the scope it was granted for. */
export function WelcomeCard() {
  const me = useMe();
  const { t, lang } = useI18n();
  const pick = useBilingual();
  const now = dayjs();
  return (
    <Card>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="welcome">
            {t(greeting(now.hour()), { name: me.displayName })}
          </Typography.Title>
          <Typography.Text type="secondary">{formatDate(now.format('YYYY-MM-DD'), lang)}</Typography.Text>
        </div>
      </Flex>
      <div style={{ marginTop: 16, display: 'flex', flexDirection: 'column', gap: 8 }}>
        {me.roles.map((r, i) => (
          <div key={`${r.role}-${i}`} style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {pick(r.label, r.labelEn)}
            </Tag>
            <Typography.Text type="secondary">
              <GrantScope regionCode={r.regionCode} orgId={r.orgId} />
            </Typography.Text>
          </div>
        ))}
      </div>
    </Card>
  );
}

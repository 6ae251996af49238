import { Card, Descriptions, Flex, Tag, Timeline, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleFilled, CloseCircleFilled, StopFilled, SwapOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import type { Verdict, VerifyResult } from './licenses.api.ts';
import { actionKey, VERDICT_COLOURS, verdictKey } from './labels.ts';

const ICONS: Record<Verdict, typeof CheckCircleFilled> = {
  valid: CheckCircleFilled,
  revoked: CloseCircleFilled,
  cancelled: StopFilled,
  expired: ClockCircleFilled,
  transferred: SwapOutlined,
  withdrawn: StopFilled,
  tampered: CloseCircleFilled,
  unknown: CloseCircleFilled,
};

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', wordBreak: 'break-all' as const };

/** The answer of a verification: one large verdict, the two checks, the licence facts and the history. */
export function VerdictCard({ result }: { result: VerifyResult }) {
  const { t } = useI18n();
  const pick = useBilingual();
  const colour = VERDICT_COLOURS[result.verdict];
  const Icon = ICONS[result.verdict];
  const l = result.licence;
  const ok = (good: boolean, yes: string, no: string) => <Tag color={good ? 'success' : 'error'}>{good ? yes : no}</Tag>;

  return (
    <Card style={{ borderColor: colour, borderWidth: 2 }} data-testid="licence-verdict-card">
      <Flex align="center" gap={16} style={{ marginBottom: 16 }}>
        <Icon style={{ fontSize: 48, color: colour }} />
        <div>
          <Typography.Title level={2} style={{ margin: 0, color: colour }} data-testid="licence-verdict" data-verdict={result.verdict}>
            {t(verdictKey(result.verdict))}
          </Typography.Title>
          {l && <Typography.Text type="secondary">{l.type}</Typography.Text>}
        </div>
      </Flex>
      <Descriptions
        column={1}
        bordered
        size="small"
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'checked', label: t('licenses.verify.checked'), children: t(`licenses.verify.kind.${result.kind}`) },
          { key: 'sig', label: t('licenses.verify.signature'), children: ok(result.signatureValid, t('licenses.verify.signatureOk'), t('licenses.verify.signatureBad')) },
          { key: 'intact', label: t('licenses.verify.intact'), children: ok(result.documentIntact, t('licenses.verify.intactOk'), t('licenses.verify.intactBad')) },
          ...(result.licenceNo ? [{ key: 'no', label: t('licenses.field.licenceNo'), children: <span style={mono}>{result.licenceNo}</span> }] : []),
          ...(l
            ? [
                { key: 'state', label: t('licenses.field.state'), children: <Tag color={VERDICT_COLOURS[l.state]}>{pick(l.stateLabel.zh, l.stateLabel.en)}</Tag> },
                { key: 'type', label: t('licenses.field.type'), children: l.type },
                { key: 'holder', label: t('licenses.field.holder'), children: l.holder.name },
                { key: 'holderId', label: t('licenses.field.holderId'), children: <span style={mono}>{l.holder.idNumber}</span> },
                { key: 'issuer', label: t('licenses.field.issuer'), children: l.issuer.name },
                { key: 'validity', label: t('licenses.field.validity'), children: `${l.validFrom} — ${l.validUntil ?? t('licenses.field.longTerm')}` },
              ]
            : []),
        ]}
      />
      {result.reasons.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('licenses.verify.reasons')}</Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid="licence-reasons">
            {result.reasons.map((r) => (
              <li key={r.code}>{pick(r.zh, r.en)}</li>
            ))}
          </ul>
        </div>
      )}
      {l && l.history.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('licenses.verify.history')}</Typography.Text>
          <Timeline
            style={{ marginTop: 12 }}
            items={l.history.map((h, i) => ({
              key: i,
              color: VERDICT_COLOURS[h.toState as Verdict] ?? 'gray',
              content: `${dayjs(h.at).format('YYYY-MM-DD HH:mm')} · ${t(actionKey(h.action))}`,
            }))}
          />
        </div>
      )}
    </Card>
  );
}

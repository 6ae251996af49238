import { Alert, Descriptions, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useBilingual, useI18n } from '../../app/i18n/index.tsx';
import type { IdentifierKind, ResidentIdDetails, UsccDetails, ValidationResult } from './ids.api.ts';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/** The value with the offending character highlighted. */
function Marked({ value, position }: { value: string; position?: number }) {
  if (!position || position > value.length) return <>{value}</>;
  return (
    <>
      {value.slice(0, position - 1)}
      <mark style={{ background: '#fecdca', color: '#b42318', padding: '0 1px', borderRadius: 2 }}>{value[position - 1]}</mark>
      {value.slice(position)}
    </>
  );
}

function Details({ kind, details }: { kind: IdentifierKind; details: UsccDetails | ResidentIdDetails }) {
  const { t } = useI18n();
  const pick = useBilingual();
  const items =
    kind === 'uscc'
      ? (() => {
          const d = details as UsccDetails;
          return [
            { key: 'a', label: t('ids.d.authority'), children: `${d.authority.code} · ${pick(d.authority.zh, d.authority.en)}` },
            { key: 'k', label: t('ids.d.kind'), children: `${d.kind.code} · ${pick(d.kind.zh, d.kind.en)}` },
            { key: 'r', label: t('ids.d.region'), children: d.regionCode },
            { key: 'o', label: t('ids.d.orgCode'), children: d.orgCode },
          ];
        })()
      : (() => {
          const d = details as ResidentIdDetails;
          return [
            { key: 'p', label: t('ids.d.province'), children: pick(d.province.zh, d.province.en) },
            { key: 'r', label: t('ids.d.region'), children: d.regionCode },
            { key: 'b', label: t('ids.d.birthDate'), children: d.birthDate },
            { key: 's', label: t('ids.d.sex'), children: t(d.sex === 'male' ? 'ids.d.male' : 'ids.d.female') },
          ];
        })();
  return <Descriptions column={1} size="small" bordered items={items} style={{ marginTop: 12 }} styles={{ label: { width: 150 } }} />;
}

export function IdentifierResult({ kind, result }: { kind: IdentifierKind; result: ValidationResult }) {
  const { t } = useI18n();
  const ok = result.valid;
  return (
    <div style={{ marginTop: 20 }} data-testid="id-result">
      <div style={{ padding: 16, borderRadius: 6, background: ok ? '#f0f9f2' : '#fdf2f2', border: `1px solid ${ok ? '#b7e4c1' : '#f5c2c0'}` }}>
        <Typography.Text strong style={{ fontSize: 15, color: ok ? '#237a3b' : '#b42318' }}>
          {ok ? <CheckCircleFilled /> : <CloseCircleFilled />} {ok ? t('ids.valid') : t('ids.invalid')}
        </Typography.Text>
        <div style={{ fontFamily: MONO, fontSize: 16, letterSpacing: 1, margin: '8px 0', wordBreak: 'break-all' }}>
          <Marked value={result.value} position={ok ? undefined : result.position} />
        </div>
        {!ok && result.error && <Typography.Text data-testid="id-error">{result.error}</Typography.Text>}
      </div>
      {ok && result.details && <Details kind={kind} details={result.details} />}
      {ok && result.warnings?.map((w) => <Alert key={w.code} type="warning" showIcon title={w.message} style={{ marginTop: 12 }} />)}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { Alert, App, Button, Card } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMe } from '../../app/auth/AuthProvider.tsx';
import { can } from '../../app/auth/home.ts';
import { useCapabilities } from '../../app/capabilities.tsx';
import { useI18n } from '../../app/i18n/index.tsx';
import { errorText } from '../../app/errors.ts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { listAudit, verifyAudit, type AuditEntry, type AuditFilter, type VerifyResult } from './audit.api.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';

/** The audit log within my region scope, newest first; chain verification for audit:verify. */
export function AuditPage() {
  const me = useMe();
  const { t } = useI18n();
  const { has } = useCapabilities();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [verifying, setVerifying] = useState(false);
  const [verified, setVerified] = useState<VerifyResult | null>(null);

  const load = async (after: string | null, signal?: AbortSignal) => {
    setLoading(true);
    setError(null);
    try {
      const page = await listAudit({ ...filter, cursor: after ?? undefined, limit: 50 }, signal);
      setRows((prev) => (after ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      if (!signal?.aborted) setError(e);
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  };

  useEffect(() => {
    const ctrl = new AbortController();
    void load(null, ctrl.signal);
    return () => ctrl.abort();
  }, [filter]);

  const verify = async () => {
    setVerifying(true);
    try {
      setVerified(await verifyAudit());
    } catch (e) {
      message.error(errorText(e, t));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('workbench.nav.audit')}
        description={t('audit.description')}
        extra={
          can(me, 'audit:verify') &&
          has('POST /api/audit/verify') && (
            <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
              {t('audit.verify')}
            </Button>
          )
        }
      />
      {verified && (
        <Alert
          closable={{ onClose: () => setVerified(null) }}
          showIcon
          style={{ marginBottom: 16 }}
          type={verified.ok ? 'success' : 'error'}
          title={verified.ok ? t('audit.verifyOk', { n: verified.entries }) : t('audit.verifyBroken', { seq: verified.seq })}
          description={verified.ok ? `${t('audit.head')}：${verified.headHash}` : verified.reason}
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <AuditFilters onChange={setFilter} />
      </Card>
      {error ? (
        <LoadError error={error} onRetry={() => void load(null)} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <AuditTable rows={rows} loading={loading && rows.length === 0} />
          {cursor && (
            <div style={{ textAlign: 'center', padding: 12 }}>
              <Button onClick={() => void load(cursor)} loading={loading}>
                {t('common.loadMore')}
              </Button>
            </div>
          )}
        </Card>
      )}
    </>
  );
}

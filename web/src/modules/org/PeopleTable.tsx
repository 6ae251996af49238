import { useEffect, useState } from 'react';
import { Button, Input, Table, Tooltip, Typography } from 'antd';
import { EyeOutlined, SearchOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n/index.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { listPeople } from './org.api.ts';
import type { Person } from './org.types.ts';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/** People of one organisation (optionally with those below it), loaded page by page. */
export function PeopleTable({ orgId, subtree = false, compact = false }: { orgId: number; subtree?: boolean; compact?: boolean }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<Person[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = async (after: string | null, signal?: AbortSignal) => {
    setLoading(true);
    setError(null);
    try {
      const page = await listPeople({ orgId, subtree: subtree || undefined, q: search || undefined, cursor: after ?? undefined, limit: 50 }, signal);
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
    setRows([]);
    void load(null, ctrl.signal);
    return () => ctrl.abort();
  }, [orgId, subtree, search]);

  const revealed = rows.some((r) => r.residentId && !r.residentIdMasked);
  if (error) return <LoadError error={error} onRetry={() => void load(null)} />;
  return (
    <>
      <div style={{ display: 'flex', gap: 12, marginBottom: 12, alignItems: 'center', flexWrap: 'wrap' }}>
        <Input.Search
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('people.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => setSearch(v.trim())}
          style={{ maxWidth: compact ? '100%' : 280 }}
        />
        {revealed && (
          <Tooltip title={t('people.revealedHelp')}>
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              <EyeOutlined /> {t('people.revealed')}
            </Typography.Text>
          </Tooltip>
        )}
      </div>
      <Table<Person>
        rowKey="id"
        size={compact ? 'small' : 'middle'}
        loading={loading && rows.length === 0}
        dataSource={rows}
        pagination={false}
        scroll={compact ? undefined : { x: 640 }}
        locale={{ emptyText: t('people.empty') }}
        columns={[
          { title: t('people.name'), dataIndex: 'name', width: 110, fixed: compact ? undefined : 'left', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
          { title: t('people.post'), dataIndex: 'post' },
          ...(subtree ? [{ title: t('people.org'), dataIndex: 'orgName' }] : []),
          { title: t('people.phone'), dataIndex: 'phone', render: (v: string | null) => <span style={{ fontFamily: MONO }}>{v ?? '—'}</span> },
          ...(compact ? [] : [{ title: t('people.residentId'), dataIndex: 'residentId', render: (v: string | null) => <span style={{ fontFamily: MONO }}>{v ?? '—'}</span> }]),
        ]}
      />
      {cursor && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void load(cursor)} loading={loading}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </>
  );
}

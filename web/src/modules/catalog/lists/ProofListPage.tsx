import { Card, Col, Input, Row, Select, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { LoadError } from '../../../app/components/LoadError.tsx';
import { useI18n } from '../../../app/i18n/index.tsx';
import { listProofs } from '../catalog.api.ts';
import type { Proof, ProofReplacement } from '../catalog.types.ts';
import { REPLACEMENT_LABEL, labelOf } from '../labels.ts';
import { PortalSection } from '../portal/PortalSection.tsx';
import { useItemPages } from '../portal/useItemPages.ts';
import { ListsNav } from './ListsNav.tsx';
import { MoreButton } from './MoreButton.tsx';

const wide = (min: number, max: number) => (v: string) => <div style={{ minWidth: min, maxWidth: max, whiteSpace: 'pre-wrap' }}>{v}</div>;

/** 证明事项清单: the only proofs that may be asked for, who asks, who issues, how to get them. */
export function ProofListPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? undefined;
  const replacement = (params.get('replacement') as ProofReplacement | null) ?? undefined;
  const list = useItemPages<Proof>((cursor, signal) => listProofs({ q, replacement, cursor, limit: 100 }, signal), `${q}|${replacement}`);
  const set = (k: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  return (
    <PortalSection title={t('catalog.nav.proofs')} description={t('catalog.proof.description')} crumbs={[{ title: t('catalog.lists.title') }, { title: t('catalog.nav.proofs') }]}>
      <ListsNav />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[8, 8]}>
          <Col xs={24} md={12}>
            <Input.Search defaultValue={q} allowClear placeholder={t('catalog.proof.search')} onSearch={(v) => set('q', v.trim() || undefined)} />
          </Col>
          <Col xs={24} md={8}>
            <Select
              style={{ width: '100%' }}
              allowClear
              placeholder={t('catalog.proof.replacement')}
              value={replacement}
              onChange={(v?: string) => set('replacement', v)}
              options={(Object.keys(REPLACEMENT_LABEL) as ProofReplacement[]).map((r) => ({ value: r, label: t(REPLACEMENT_LABEL[r]) }))}
            />
          </Col>
        </Row>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : (
          <>
            <Table<Proof>
              rowKey="code"
              size="middle"
              loading={list.loading && list.rows.length === 0}
              dataSource={list.rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              data-testid="proof-table"
              columns={[
                { title: t('catalog.proof.code'), dataIndex: 'code', width: 100, render: (v: string) => <Typography.Text style={{ fontSize: 12 }}>{v}</Typography.Text> },
                { title: t('catalog.proof.name'), dataIndex: 'name', render: wide(120, 180) },
                { title: t('catalog.proof.basis'), dataIndex: 'basis', render: wide(160, 240) },
                { title: t('catalog.proof.requestingUnit'), dataIndex: 'requestingUnit', render: wide(100, 160) },
                { title: t('catalog.proof.issuingUnit'), dataIndex: 'issuingUnit', render: wide(100, 160) },
                { title: t('catalog.proof.guide'), dataIndex: 'guide', render: wide(180, 280) },
                {
                  title: t('catalog.proof.replacement'),
                  dataIndex: 'replacement',
                  width: 140,
                  render: (v: ProofReplacement) => (v === 'none' ? labelOf(REPLACEMENT_LABEL, v, t) : <Tag color="green">{labelOf(REPLACEMENT_LABEL, v, t)}</Tag>),
                },
              ]}
            />
            <MoreButton list={list} />
          </>
        )}
      </Card>
    </PortalSection>
  );
}

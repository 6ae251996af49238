import { useEffect } from 'react';
import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n/index.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { PageHeader } from '../../app/components/PageHeader.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { getOrg, getOrgTree, mapLimited } from './org.api.ts';
import { OrgPicker } from './OrgPicker.tsx';
import { StaffingTable } from './StaffingTable.tsx';
import { StaffingChart } from './StaffingChart.tsx';
import { rowsOf, totalsOf } from './staffing.ts';
import type { OrgTreeNode } from './org.types.ts';

const hasChildren = (n: OrgTreeNode) => n.children.length > 0;

/** Staffing figures of the organisations under one parent (?org=), with totals and a chart. */
export function StaffingPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tree = useRemote((signal) => getOrgTree(signal), []);
  const roots = tree.data?.items ?? [];
  const parentId = Number(params.get('org')) || undefined;

  useEffect(() => {
    if (!parentId && roots.length) setParams({ org: String(roots[0].id) }, { replace: true });
  }, [parentId, roots, setParams]);

  const figures = useRemote(
    parentId
      ? async (signal) => {
          const parent = await getOrg(parentId, signal);
          const units = parent.children.length ? await mapLimited(parent.children, 6, (c) => getOrg(c.id, signal)) : [parent];
          return { parent, rows: rowsOf(units) };
        }
      : null,
    [parentId],
  );
  const rows = figures.data?.rows ?? [];
  const totals = totalsOf(rows);
  const error = tree.error ?? figures.error;

  return (
    <>
      <PageHeader
        title={t('workbench.nav.staffing')}
        description={t('staffing.page.description')}
        extra={
          roots.length > 0 && (
            <div style={{ width: 300, maxWidth: '100%' }}>
              <OrgPicker tree={roots} value={parentId} onChange={(id) => setParams({ org: String(id) })} only={hasChildren} />
            </div>
          )
        }
      />
      {error ? (
        <LoadError error={error} onRetry={() => (tree.error ? tree.reload() : figures.reload())} />
      ) : !figures.data || figures.loading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 10 }} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card title={figures.data.parent.name}>
              <Row gutter={[16, 16]}>
                <Col xs={12} md={8} xl={4}><Statistic title={t('staffing.units')} value={rows.length} /></Col>
                <Col xs={12} md={8} xl={4}><Statistic title={t('staffing.quota')} value={totals.quota} /></Col>
                <Col xs={12} md={8} xl={4}><Statistic title={t('staffing.actual')} value={totals.actual} /></Col>
                <Col xs={12} md={8} xl={4}><Statistic title={t('staffing.vacancies')} value={totals.vacancies} /></Col>
                <Col xs={12} md={8} xl={4}><Statistic title={t('staffing.leaders')} value={totals.leaderActual} suffix={`/ ${totals.leaderQuota}`} /></Col>
                <Col xs={12} md={8} xl={4}><Statistic title={t('staffing.overUnits')} value={totals.over} styles={{ content: totals.over ? { color: '#b42318' } : undefined }} /></Col>
              </Row>
            </Card>
          </Col>
          <Col xs={24} xxl={16}>
            <Card title={t('staffing.byUnit')} styles={{ body: { padding: 0 } }}>
              <StaffingTable rows={rows} totals={totals} onOpen={(id) => navigate(`/workbench/orgs?org=${id}`)} />
            </Card>
          </Col>
          <Col xs={24} xxl={8}>
            <Card title={t('staffing.chart')}>
              <StaffingChart rows={rows} />
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}

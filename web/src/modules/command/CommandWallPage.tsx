import { useMemo, useRef, useState } from 'react';
import { Breadcrumb, Col, Empty, Row, Skeleton, Space, Switch } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import { LoadError } from '../../app/components/LoadError.tsx';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle.ts';
import { Panel } from '../../app/shells/command/Panel.tsx';
import { CaseList } from './CaseList.tsx';
import { CaseTraceDrawer } from './CaseTraceDrawer.tsx';
import { CommandNav } from './CommandNav.tsx';
import { CategoryChart, SourceChart, StatusChart } from './FigureCharts.tsx';
import { FigureTiles } from './FigureTiles.tsx';
import { GridMap } from './GridMap.tsx';
import { LiveBadge } from './LiveBadge.tsx';
import { RankingTable } from './RankingTable.tsx';
import { useLiveOverview } from './useLiveOverview.ts';
import { useWallHeight } from './useWallHeight.ts';
import { stepOf, useGridView, type GridStep } from './useGridView.ts';
import './command.css';

/**
 * 一网统管 command screen for the wall (1920×1080) and laptops: live
 * figures, the grid map coloured by open cases with overdue markers,
 * counts by status, source and category, town and department rankings,
 * and drill-down county → town → grid → cases → one case's trace.
 */
export function CommandWallPage() {
  const { t } = useI18n();
  useDocumentTitle([t('cmd.title')]);
  const [path, setPath] = useState<GridStep[]>([]);
  // the figures follow the drill-down: a town grid's code is the town's region code
  const live = useLiveOverview({ region: path[0]?.code });
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [caseId, setCaseId] = useState<number | null>(null);
  const view = useGridView(path, live.version);
  const labels = useMemo(() => ({ open: t('cmd.map.open'), overdue: t('cmd.map.overdue'), legend: t('cmd.map.legend') }), [t]);
  const o = live.overview;
  // the main row fills the screen under the figures at 1920×1080; a laptop scrolls a little
  const wall = useWallHeight(272, 540);
  /** Chart heights of the left column: its three panels share the row (each panel's title and padding take 77 px). */
  const side = wall - 3 * 77 - 24;

  const pick = (f: Parameters<typeof stepOf>[0]) => {
    const step = stepOf(f);
    setPath((p) => (step.level === 1 ? [step] : step.level === 2 ? [p[0], step] : [p[0], p[1], step]).filter(Boolean));
  };
  const pickTown = (regionCode: string) => {
    if (path.length > 0) return;
    const f = view.shapes.data?.features.find((x) => x.properties.code === regionCode);
    if (f) pick(f);
  };
  const deepest = path[path.length - 1];
  // the breadcrumb's root is the caller's whole area, named from the figures before any drill-down
  const rootName = useRef<string | null>(null);
  if (path.length === 0 && o) rootName.current = o.region.name;

  const crumbs = [
    { title: <a onClick={() => setPath([])}>{rootName.current ?? t('cmd.map.county')}</a> },
    ...path.map((s, i) => ({ title: i === path.length - 1 ? <span>{s.name}</span> : <a onClick={() => setPath(path.slice(0, i + 1))}>{s.name}</a> })),
  ];

  return (
    <div data-testid="command-wall">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <CommandNav />
        <LiveBadge status={live.status} updatedAt={live.updatedAt} />
        {o && <span style={{ color: '#9cc3ff', fontSize: 13 }}>{t('cmd.period', { from: o.period.from, to: o.period.to })}</span>}
      </div>
      {!o ? (
        live.status === 'offline' ? (
          <Empty description={t('cmd.offline')} />
        ) : (
          <Skeleton active paragraph={{ rows: 12 }} />
        )
      ) : (
        <Row gutter={[12, 12]}>
          <Col span={24}>
            <FigureTiles totals={o.totals} />
          </Col>
          <Col xs={24} xl={6}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Panel title={t('cmd.byStatus')} testId="panel-status">
                <StatusChart overview={o} height={Math.max(200, side * 0.38)} />
              </Panel>
              <Panel title={t('cmd.bySource')} testId="panel-source">
                <SourceChart overview={o} height={Math.max(170, side * 0.27)} />
              </Panel>
              <Panel title={t('cmd.byCategory')} testId="panel-category">
                <CategoryChart overview={o} height={Math.max(220, side * 0.35)} />
              </Panel>
            </Space>
          </Col>
          <Col xs={24} xl={12}>
            <Panel
              title={t('cmd.map')}
              testId="panel-map"
              extra={<Breadcrumb items={crumbs} style={{ fontSize: 13 }} data-testid="map-crumbs" />}
            >
              {view.shapes.error ? (
                <LoadError error={view.shapes.error} onRetry={view.shapes.reload} />
              ) : !view.shapes.data ? (
                <Skeleton active paragraph={{ rows: 10 }} />
              ) : view.shapes.data.features.length === 0 ? (
                <Empty description={t('cmd.map.none')} />
              ) : (
                <>
                  <GridMap mapKey={view.mapKey} shapes={view.shapes.data} density={view.density} selected={view.selected} labels={labels} height={wall - 118} onPick={pick} />
                  <div style={{ color: '#6f8fbf', fontSize: 12, textAlign: 'right' }}>{t('cmd.map.hint')}</div>
                </>
              )}
            </Panel>
          </Col>
          <Col xs={24} xl={6}>
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Panel title={t('cmd.ranking')} testId="panel-ranking">
                <RankingTable overview={o} compact height={Math.max(160, (wall - 12) * 0.42 - 150)} onTown={pickTown} />
              </Panel>
              <Panel
                title={deepest ? t('cmd.cases.of', { name: deepest.name }) : t('cmd.cases')}
                testId="panel-cases"
                extra={
                  <Space size={6}>
                    <span style={{ color: '#9cc3ff', fontSize: 12 }}>{t('cmd.cases.overdueOnly')}</span>
                    <Switch size="small" checked={overdueOnly} onChange={setOverdueOnly} data-testid="overdue-only" />
                  </Space>
                }
              >
                <CaseList compact query={{ grid: deepest?.code, open: true, overdue: overdueOnly || undefined }} version={live.version} onOpen={setCaseId} height={Math.max(200, (wall - 12) * 0.58 - 160)} />
              </Panel>
            </Space>
          </Col>
        </Row>
      )}
      <CaseTraceDrawer caseId={caseId} version={live.version} onClose={() => setCaseId(null)} />
    </div>
  );
}

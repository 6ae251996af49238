import { useMemo, useState } from 'react';
import { Col, Empty, Row, Skeleton } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useCommandData } from './useCommandData.ts';
import { tierCounts, type CentreNode } from './commandTree.ts';
import { KpiTiles, type Kpi } from './KpiTiles.tsx';
import { HierarchyChart } from './HierarchyChart.tsx';
import { CentrePanel } from './CentrePanel.tsx';
import { CentreTable } from './CentreTable.tsx';
import { Panel } from './Panel.tsx';

function index(roots: CentreNode[]) {
  const nodes = new Map<number, { node: CentreNode; parent?: CentreNode }>();
  const walk = (list: CentreNode[], parent?: CentreNode) =>
    list.forEach((n) => {
      nodes.set(n.org.id, { node: n, parent });
      walk(n.children, n);
    });
  walk(roots);
  return nodes;
}

/** The command-centre hierarchy ("1+8+75+N") with its people, for dispatchers and leaders. */
export function CommandScreen() {
  const { t } = useI18n();
  const data = useCommandData();
  const [picked, setPicked] = useState<number | undefined>();
  const nodes = useMemo(() => index(data.data?.roots ?? []), [data.data]);

  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  if (!data.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  const { centres, people, roots } = data.data;
  if (centres.length === 0) return <Empty description={t('command.none')} style={{ marginTop: 80 }} />;

  const selected = picked ?? roots[0]?.org.id;
  const current = selected !== undefined ? nodes.get(selected) : undefined;
  const tiers = tierCounts(centres);
  const formula = [tiers.county, tiers.town, tiers.village].filter((n) => n > 0).join(' + ');
  const kpis: Kpi[] = [
    { label: 'command.kpi.centres', value: centres.length, accent: '#f5b301' },
    ...(tiers.county ? [{ label: 'command.kpi.county' as const, value: tiers.county }] : []),
    ...(tiers.town ? [{ label: 'command.kpi.town' as const, value: tiers.town }] : []),
    ...(tiers.village ? [{ label: 'command.kpi.village' as const, value: tiers.village }] : []),
    { label: 'command.kpi.people', value: [...people.values()].reduce((a, b) => a + b, 0), accent: '#5be3a7' },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <KpiTiles items={kpis} />
      </Col>
      <Col xs={24} xl={15}>
        <Panel title={t('command.hierarchy')} extra={<span style={{ color: '#f5b301', fontSize: 18, fontWeight: 600, letterSpacing: 1 }}>{formula}</span>} testId="hierarchy">
          <HierarchyChart roots={roots} selected={selected} onSelect={setPicked} peopleLabel={t('command.people')} />
        </Panel>
      </Col>
      <Col xs={24} xl={9}>
        <CentrePanel node={current?.node} parent={current?.parent} />
      </Col>
      <Col span={24}>
        <Panel title={t('command.list')}>
          <CentreTable centres={centres} people={people} selected={selected} onSelect={setPicked} />
        </Panel>
      </Col>
    </Row>
  );
}

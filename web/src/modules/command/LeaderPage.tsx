import { useState } from 'react';
import { Col, Empty, Row, Skeleton } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import { useDocumentTitle } from '../../app/hooks/useDocumentTitle.ts';
import { Panel } from '../../app/shells/command/Panel.tsx';
import { CaseList } from './CaseList.tsx';
import { CaseTraceDrawer } from './CaseTraceDrawer.tsx';
import { CommandNav } from './CommandNav.tsx';
import { FigureTiles } from './FigureTiles.tsx';
import { LiveBadge } from './LiveBadge.tsx';
import { RankingTable } from './RankingTable.tsx';
import { useLiveOverview } from './useLiveOverview.ts';
import './command.css';

/** The leader's view: what is overdue now (longest first, with its trace) and how towns and departments rank. Live. */
export function LeaderPage() {
  const { t } = useI18n();
  useDocumentTitle([t('cmd.leader.title')]);
  const live = useLiveOverview({});
  const [caseId, setCaseId] = useState<number | null>(null);
  const o = live.overview;
  return (
    <div data-testid="leader-view">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 12 }}>
        <CommandNav />
        <LiveBadge status={live.status} updatedAt={live.updatedAt} />
        <span style={{ color: '#fff', fontSize: 16, fontWeight: 600 }}>{t('cmd.leader.title')}</span>
      </div>
      {!o ? (
        live.status === 'offline' ? <Empty description={t('cmd.offline')} /> : <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Row gutter={[12, 12]}>
          <Col span={24}>
            <FigureTiles totals={o.totals} keys={['overdue', 'open', 'received', 'onTimeRate', 'reworkRate', 'extensionRate', 'score']} />
          </Col>
          <Col xs={24} xxl={13}>
            <Panel title={t('cmd.leader.overdue')} testId="panel-overdue">
              <CaseList query={{ overdue: true }} version={live.version} onOpen={setCaseId} height={560} testId="overdue-list" />
            </Panel>
          </Col>
          <Col xs={24} xxl={11}>
            <Panel title={t('cmd.ranking')} testId="panel-ranking">
              <RankingTable overview={o} />
            </Panel>
          </Col>
        </Row>
      )}
      <CaseTraceDrawer caseId={caseId} version={live.version} onClose={() => setCaseId(null)} />
    </div>
  );
}

import { Card, Col, Row, Statistic } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { getOrg, getOrgTree, mapLimited } from './org.api.ts';
import { flatten } from './treeData.ts';

/** Counts for the organisations within the account's scope: organisations, people, towns and streets, command centres. */
export function ScopeFigures() {
  const { t } = useI18n();
  const figures = useRemote(async (signal) => {
    const roots = (await getOrgTree(signal)).items;
    const all = flatten(roots);
    const heads = await mapLimited(roots.slice(0, 20), 4, (r) => getOrg(r.id, signal));
    return {
      orgs: all.length,
      people: heads.reduce((s, h) => s + h.peopleCountSubtree, 0),
      towns: all.filter((o) => o.type === 'town_government' || o.type === 'street_office').length,
      centres: all.filter((o) => o.type === 'command_centre').length,
    };
  }, []);
  if (figures.error) return null;
  const f = figures.data;
  return (
    <Card title={t('workbench.scope.title')} loading={!f} data-testid="scope-figures">
      {f && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('workbench.scope.orgs')} value={f.orgs} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('workbench.scope.people')} value={f.people} />
          </Col>
          {f.towns > 0 && (
            <Col xs={12} md={6}>
              <Statistic title={t('workbench.scope.towns')} value={f.towns} />
            </Col>
          )}
          {f.centres > 0 && (
            <Col xs={12} md={6}>
              <Statistic title={t('workbench.scope.centres')} value={f.centres} />
            </Col>
          )}
        </Row>
      )}
    </Card>
  );
}

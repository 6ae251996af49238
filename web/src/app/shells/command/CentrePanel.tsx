import { Descriptions, Empty, Tag } from 'antd';
import { useI18n } from '../../i18n/index.tsx';
import { orgLevelKey } from '../../../modules/org/orgLabels.tsx';
import { PeopleTable } from '../../../modules/org/PeopleTable.tsx';
import type { CentreNode } from './commandTree.ts';
import { Panel } from './Panel.tsx';

/** The selected centre: where it sits and who works there. */
export function CentrePanel({ node, parent }: { node?: CentreNode; parent?: CentreNode }) {
  const { t } = useI18n();
  if (!node)
    return (
      <Panel title={t('command.centre')}>
        <Empty description={t('command.pick')} />
      </Panel>
    );
  const o = node.org;
  return (
    <Panel title={o.name} extra={<Tag color="blue">{t(orgLevelKey(o.level))}</Tag>} testId="centre-panel">
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 12 }}
        items={[
          { key: 'region', label: t('org.region'), children: `${o.regionName}（${o.regionCode}）` },
          { key: 'parent', label: t('command.parentCentre'), children: parent?.org.name ?? '—' },
          { key: 'sub', label: t('command.subCentres'), children: node.children.length },
          { key: 'people', label: t('command.people'), children: node.people },
        ]}
      />
      <PeopleTable orgId={o.id} compact />
    </Panel>
  );
}

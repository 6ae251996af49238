import { useMemo, useState, type Key } from 'react';
import { Card, Empty, Input, Tree, type TreeDataNode } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useI18n } from '../../app/i18n/index.tsx';
import { filterTree } from './treeData.ts';
import { orgTypeIcon } from './orgLabels.tsx';
import type { OrgTreeNode } from './org.types.ts';

const toData = (nodes: OrgTreeNode[]): TreeDataNode[] =>
  nodes.map((n) => ({
    key: n.id,
    title: n.active ? n.name : `${n.name}（停用）`,
    icon: orgTypeIcon(n.type),
    children: toData(n.children),
  }));

/** The organisation hierarchy with a name filter. */
export function OrgTreePanel({ tree, selected, onSelect, loading }: { tree: OrgTreeNode[]; selected?: number; onSelect(id: number): void; loading: boolean }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const defaultExpanded = useMemo(() => tree.map((r) => r.id), [tree]);
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const filtered = useMemo(() => filterTree(tree, q), [tree, q]);
  const data = useMemo(() => toData(filtered.nodes), [filtered]);

  return (
    <Card title={t('org.tree.title')} loading={loading} styles={{ body: { padding: 12 } }} style={{ height: '100%' }}>
      <Input allowClear prefix={<SearchOutlined />} placeholder={t('org.tree.search')} value={q} onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 12 }} />
      {data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('org.tree.empty')} />
      ) : (
        <div style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}>
          <Tree
            showIcon
            blockNode
            treeData={data}
            selectedKeys={selected ? [selected] : []}
            expandedKeys={q ? filtered.expand : (expanded ?? defaultExpanded)}
            onExpand={(keys) => setExpanded(keys)}
            onSelect={(keys) => keys.length && onSelect(Number(keys[0]))}
            data-testid="org-tree"
          />
        </div>
      )}
    </Card>
  );
}

import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useI18n } from '../../app/i18n/index.tsx';
import type { OrgTreeNode } from './org.types.ts';

interface Option {
  value: number;
  title: string;
  children: Option[];
}

const toOptions = (nodes: OrgTreeNode[], only?: (n: OrgTreeNode) => boolean): Option[] =>
  nodes.filter((n) => !only || only(n)).map((n) => ({ value: n.id, title: n.name, children: toOptions(n.children, only) }));

/** A compact organisation chooser (phones, and the staffing page). */
export function OrgPicker({ tree, value, onChange, only }: { tree: OrgTreeNode[]; value?: number; onChange(id: number): void; only?: (n: OrgTreeNode) => boolean }) {
  const { t } = useI18n();
  const options = useMemo(() => toOptions(tree, only), [tree, only]);
  return (
    <TreeSelect
      showSearch={{ treeNodeFilterProp: 'title' }}
      style={{ width: '100%' }}
      value={value}
      treeData={options}
      treeDefaultExpandedKeys={tree.map((r) => r.id)}
      placeholder={t('org.picker.placeholder')}
      onChange={(v: number) => onChange(v)}
      popupMatchSelectWidth={false}
      data-testid="org-picker"
    />
  );
}

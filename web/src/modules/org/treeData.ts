import type { OrgTreeNode } from './org.types.ts';

/** Flattens the tree, parents first. */
export function flatten(nodes: OrgTreeNode[]): OrgTreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** Keeps the nodes whose name matches, with their ancestors; returns the ids to expand. */
export function filterTree(nodes: OrgTreeNode[], q: string): { nodes: OrgTreeNode[]; expand: number[] } {
  const needle = q.trim().toLowerCase();
  if (!needle) return { nodes, expand: [] };
  const expand: number[] = [];
  const walk = (list: OrgTreeNode[]): OrgTreeNode[] =>
    list.flatMap((n) => {
      const kids = walk(n.children);
      const hit = n.name.toLowerCase().includes(needle) || (n.shortName ?? '').toLowerCase().includes(needle) || n.code.toLowerCase().includes(needle);
      if (!hit && kids.length === 0) return [];
      if (kids.length) expand.push(n.id);
      return [{ ...n, children: kids }];
    });
  return { nodes: walk(nodes), expand };
}

import type { OrgLevel, OrgSummary } from '../../../modules/org/org.types.ts';

export interface CentreNode {
  org: OrgSummary;
  people: number;
  children: CentreNode[];
}

const RANK: Record<OrgLevel, number> = { county: 0, town: 1, village: 2 };

/** Region code without trailing zero groups: 320281000 → 320281 (a subtree prefix). */
export function regionPrefix(code: string): string {
  let c = code;
  while (c.length > 2 && c.endsWith('000')) c = c.slice(0, -3);
  while (c.length > 2 && c.endsWith('00')) c = c.slice(0, -2);
  return c;
}

/**
 * The command hierarchy ("1+8+75+N"): a centre's parent is its parent
 * organisation when that is a centre, else the nearest higher-level centre
 * whose region contains the centre's region.
 */
export function buildHierarchy(centres: OrgSummary[], people: Map<number, number>): CentreNode[] {
  const byId = new Map(centres.map((c) => [c.id, { org: c, people: people.get(c.id) ?? 0, children: [] as CentreNode[] }]));
  const roots: CentreNode[] = [];
  for (const node of byId.values()) {
    const c = node.org;
    let parent = c.parentId !== null ? byId.get(c.parentId) : undefined;
    if (!parent) {
      let best: { node: CentreNode; len: number } | undefined;
      for (const other of byId.values()) {
        if (other === node || RANK[other.org.level] >= RANK[c.level]) continue;
        const p = regionPrefix(other.org.regionCode);
        if (c.regionCode.startsWith(p) && (!best || p.length > best.len)) best = { node: other, len: p.length };
      }
      parent = best?.node;
    }
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (list: CentreNode[]) => {
    list.sort((a, b) => RANK[a.org.level] - RANK[b.org.level] || a.org.regionCode.localeCompare(b.org.regionCode) || a.org.sort - b.org.sort);
    list.forEach((n) => order(n.children));
  };
  order(roots);
  return roots;
}

export function tierCounts(centres: OrgSummary[]): Record<OrgLevel, number> {
  const out: Record<OrgLevel, number> = { county: 0, town: 0, village: 0 };
  for (const c of centres) out[c.level] += 1;
  return out;
}

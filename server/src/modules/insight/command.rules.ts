/**
 * Pure rules of the command screen (指挥屏): which region a caller may look
 * at, the reporting period, rates, and the server-sent-events wire format.
 */
import { regionCovers, regionPrefix, ROLE_PERMISSIONS, type Actor, type Permission } from '../../platform/access/index.ts';

/** Either permission opens the command screen (dispatcher and leader: case:supervise; leader, staffing: insight:read). */
export const COMMAND_PERMISSIONS: readonly Permission[] = ['case:supervise', 'insight:read'];

/** Region-scoped grants that carry a command-screen permission (organisation-limited grants do not open the county-wide screen). */
function commandGrants(actor: Actor) {
  return actor.grants.filter((g) => g.orgId === null && ROLE_PERMISSIONS[g.role].some((p) => COMMAND_PERMISSIONS.includes(p)));
}

export function canViewCommand(actor: Actor): boolean {
  return COMMAND_PERMISSIONS.some((p) => actor.permissions.has(p));
}

/**
 * The region the caller looks at: the requested one when one of their grants
 * covers it, else (nothing requested) their widest grant's region; `''` means
 * the whole country (an unscoped grant). Returns null when the request lies
 * outside every grant, which callers report like a missing region.
 */
export function commandRegion(actor: Actor, requested?: string | null): string | null {
  const grants = commandGrants(actor);
  if (grants.length === 0) return null;
  if (requested) return grants.some((g) => regionCovers(g.regionCode, requested)) ? requested : null;
  if (grants.some((g) => g.regionCode === null)) return '';
  const widest = grants.map((g) => g.regionCode as string).sort((a, b) => regionPrefix(a).length - regionPrefix(b).length)[0];
  return widest;
}

/** The default reporting period: from 1 January of the current year (China time) to today. */
export function defaultPeriod(now: Date): { from: string; to: string } {
  const local = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return { from: `${local.slice(0, 4)}-01-01`, to: local };
}

export const MAX_PERIOD_DAYS = 3 * 366;

/** Problems with a period (field name and message in both languages), or none. */
export function periodProblem(from: string, to: string): { field: 'from' | 'to'; zh: string; en: string } | null {
  if (from > to) return { field: 'to', zh: '结束日期不能早于开始日期', en: 'The end date is before the start date' };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days > MAX_PERIOD_DAYS) return { field: 'from', zh: `统计区间不能超过 ${MAX_PERIOD_DAYS} 天`, en: `The period may not exceed ${MAX_PERIOD_DAYS} days` };
  return null;
}

/** n / d rounded to four decimals, or null when there is nothing to divide by. */
export function rate(n: number, d: number): number | null {
  if (!d) return null;
  return Math.round((n / d) * 10_000) / 10_000;
}

/** One server-sent event: `event:`, `id:` and the JSON data on one `data:` line, ended by a blank line. */
export function sseEvent(event: string, data: unknown, id?: string | number): string {
  const head = `event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}`;
  // JSON.stringify never emits a raw newline, so one data line suffices
  return `${head}data: ${JSON.stringify(data)}\n\n`;
}

/** A comment line (heartbeat): ignored by EventSource, keeps proxies from closing the connection. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/** The reconnection delay the browser should use after a dropped stream. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}

/** What changed in a figure set, ignoring when it was computed: equal digests mean nothing to push. */
export function overviewDigest(overview: unknown): string {
  return JSON.stringify(overview, (key, value: unknown) => (key === 'generatedAt' ? undefined : value));
}

/** Ranks by score (nulls last), then by received; equal scores share a rank. */
export function rankByScore<T extends { score: number | null; received: number }>(rows: T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || b.received - a.received);
  let rank = 0;
  let prev: number | null | undefined;
  return sorted.map((r, i) => {
    if (r.score === null) return { ...r, rank: null };
    if (r.score !== prev) rank = i + 1;
    prev = r.score;
    return { ...r, rank };
  });
}

/** China-time day bounds of a period as instants: [from 00:00, day after `to` 00:00). */
export function periodBounds(from: string, to: string): { fromAt: string; toAt: string } {
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { fromAt: `${from}T00:00:00+08:00`, toAt: `${next}T00:00:00+08:00` };
}

/** The code length of grids at a level: 9 (town), 12, 15. */
export function gridCodeLength(level: 1 | 2 | 3): 9 | 12 | 15 {
  return level === 1 ? 9 : level === 2 ? 12 : 15;
}

/** Is `parent` a valid parent for grids of `level` (a level-1 code of 9 digits for level 2, 12 digits for level 3)? */
export function parentFits(level: 1 | 2 | 3, parent: string | undefined | null): boolean {
  if (level === 1) return !parent;
  if (!parent) return true;
  return parent.length === gridCodeLength((level - 1) as 1 | 2);
}

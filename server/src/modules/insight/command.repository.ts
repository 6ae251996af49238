/**
 * Platform-table reads of the command screen: the change stamp (audit log)
 * and a case's trace (workflow history). Both tables belong to the platform,
 * which every module may read.
 */
import { sql } from 'drizzle-orm';
import { inArray } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import { organisations, regions } from '../org/index.ts';

/** Audit entity types whose changes can move the command screen's figures. */
export const CASE_ENTITY_PREFIX = 'case';

/** The highest audit entry id (primary-key lookup). */
export async function auditHead(ex: Executor): Promise<number> {
  const [row] = await query<{ id: number }>(ex, sql`select coalesce(max(id), 0)::float8 as id from audit_entries`);
  return Number(row.id);
}

/**
 * Case-related audit entries after `base`: their count and highest id. A
 * new entry in the window (also one committed late with a lower id) changes
 * the pair. Reads only the primary-key range above `base`.
 */
export async function caseChangesSince(ex: Executor, base: number): Promise<{ n: number; max: number }> {
  const [row] = await query<{ n: number; max: number }>(
    ex,
    sql`select count(*)::int as n, coalesce(max(id), 0)::float8 as max
          from audit_entries where id > ${base} and entity_type like ${`${CASE_ENTITY_PREFIX}%`}`,
  );
  return { n: Number(row.n), max: Number(row.max) };
}

export interface TraceRow {
  id: number;
  action: string;
  from_state: string;
  to_state: string;
  actor_name: string;
  note: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

/** A workflow item's history, oldest first. */
export async function workflowTrace(ex: Executor, workflow: string, subjectId: string): Promise<TraceRow[]> {
  return query<TraceRow>(
    ex,
    sql`select id::float8 as id, action, from_state, to_state, actor_name, note, data, at
          from workflow_history where workflow = ${workflow} and subject_id = ${subjectId} order by id`,
  );
}

/** Names of regions by code. */
export async function regionNames(ex: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await (ex as Executor).select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

export interface OrgName {
  id: number;
  name: string;
  shortName: string | null;
  level: string;
  type: string;
}

/** Names and tiers of organisations by id. */
export async function orgNames(ex: Executor, ids: number[]): Promise<Map<number, OrgName>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .select({ id: organisations.id, name: organisations.name, shortName: organisations.shortName, level: organisations.level, type: organisations.type })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

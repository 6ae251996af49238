/** SQL of the services module: applications, materials, notices, countersigns, proxy authorisations. */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import { organisations } from '../org/index.ts';
import { applicationCountersigns, applicationMaterials, applicationNotices, applications, proxyAuthorisations, type NoticeKind } from './services.schema.ts';

export type ApplicationRow = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;
export type MaterialRow = typeof applicationMaterials.$inferSelect;
export type NewMaterial = typeof applicationMaterials.$inferInsert;
export type NoticeRow = typeof applicationNotices.$inferSelect;
export type CountersignRow = typeof applicationCountersigns.$inferSelect;
export type ProxyRow = typeof proxyAuthorisations.$inferSelect;

export async function nextSerial(ex: Executor): Promise<number> {
  const [row] = await query<{ n: number }>(ex, sql`select nextval('application_no_seq')::float8 as n`);
  return Number(row.n);
}

export async function insertApplication(ex: Executor, row: NewApplication): Promise<ApplicationRow> {
  const [out] = await ex.insert(applications).values(row).returning();
  return out;
}

export async function findApplication(ex: Executor, id: number, lock = false): Promise<ApplicationRow | undefined> {
  if (lock) {
    // the row lock serialises the bundle join with concurrent sub-application decisions
    await query(ex, sql`select id from applications where id = ${id} for update`);
  }
  const [row] = await ex.select().from(applications).where(eq(applications.id, id));
  return row;
}

export async function findByNumber(ex: Executor, no: string): Promise<ApplicationRow | undefined> {
  const [row] = await ex.select().from(applications).where(eq(applications.applicationNo, no));
  return row;
}

export async function updateApplication(ex: Executor, id: number, set: Partial<NewApplication>): Promise<void> {
  await ex
    .update(applications)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(applications.id, id));
}

/** Optimistic draft edit: changes the row only at the version the caller read; returns the new version or null. */
export async function updateDraft(ex: Executor, id: number, version: number, set: Partial<NewApplication>): Promise<number | null> {
  const rows = await ex
    .update(applications)
    .set({ ...set, version: sql`${applications.version} + 1`, updatedAt: new Date() })
    .where(and(eq(applications.id, id), eq(applications.version, version), eq(applications.state, 'draft')))
    .returning({ version: applications.version });
  return rows[0]?.version ?? null;
}

export async function subApplications(ex: Executor, parentId: number): Promise<ApplicationRow[]> {
  return ex.select().from(applications).where(eq(applications.parentId, parentId)).orderBy(asc(applications.id));
}

export interface ListFilter {
  where: SQL;
  afterId?: number;
  limit: number;
}

export async function listApplications(ex: Executor, f: ListFilter): Promise<ApplicationRow[]> {
  const conds: SQL[] = [f.where];
  if (f.afterId !== undefined) conds.push(sql`${applications.id} < ${f.afterId}`);
  return ex
    .select()
    .from(applications)
    .where(and(...conds))
    .orderBy(desc(applications.id))
    .limit(f.limit + 1);
}

// ── materials ──────────────────────────────────────────────────────────────

export async function insertMaterials(ex: Executor, rows: NewMaterial[]): Promise<void> {
  if (rows.length) await ex.insert(applicationMaterials).values(rows);
}

export async function materialsOf(ex: Executor, applicationId: number): Promise<MaterialRow[]> {
  return ex.select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, applicationId)).orderBy(asc(applicationMaterials.sort), asc(applicationMaterials.id));
}

export async function updateMaterial(ex: Executor, id: number, set: Partial<NewMaterial>): Promise<MaterialRow> {
  const [row] = await ex
    .update(applicationMaterials)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(applicationMaterials.id, id))
    .returning();
  return row;
}

/** The same material (by key) of a bundle's sub-applications. */
export async function updateSubMaterials(ex: Executor, parentId: number, key: string, set: Partial<NewMaterial>): Promise<void> {
  await ex
    .update(applicationMaterials)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(applicationMaterials.key, key), sql`${applicationMaterials.applicationId} in (select id from applications where parent_id = ${parentId})`));
}

/** An earlier material of the same name the same applicant handed in (a file), newest first. */
export async function earlierMaterial(ex: Executor, idNumber: string, name: string, excludeApplicationId: number, materialId?: number): Promise<MaterialRow | undefined> {
  const rows = await query<{ id: number }>(
    ex,
    sql`select m.id from application_materials m join applications a on a.id = m.application_id
        where a.applicant_id_number = ${idNumber} and m.name = ${name} and m.status = 'provided' and m.file_id is not null
          and a.id <> ${excludeApplicationId} and a.state <> 'draft' and a.kind <> 'sub'
          ${materialId !== undefined ? sql`and m.id = ${materialId}` : sql``}
        order by m.id desc limit 1`,
  );
  if (!rows[0]) return undefined;
  const [row] = await ex.select().from(applicationMaterials).where(eq(applicationMaterials.id, rows[0].id));
  return row;
}

// ── notices ────────────────────────────────────────────────────────────────

export async function insertNotice(
  ex: Executor,
  n: { applicationId: number; regionCode: string; kind: NoticeKind; number: string; content: Record<string, unknown>; issuedAt: Date; issuedBy: number | null },
): Promise<NoticeRow> {
  const [row] = await ex.insert(applicationNotices).values(n).returning();
  return row;
}

export async function noticesOf(ex: Executor, applicationIds: number[]): Promise<NoticeRow[]> {
  if (applicationIds.length === 0) return [];
  return ex.select().from(applicationNotices).where(inArray(applicationNotices.applicationId, applicationIds)).orderBy(asc(applicationNotices.id));
}

export async function noticeCount(ex: Executor, applicationId: number): Promise<number> {
  const [row] = await query<{ n: number }>(ex, sql`select count(*)::int as n from application_notices where application_id = ${applicationId}`);
  return row.n;
}

export async function findNotice(ex: Executor, number: string): Promise<NoticeRow | undefined> {
  const [row] = await ex.select().from(applicationNotices).where(eq(applicationNotices.number, number));
  return row;
}

// ── countersigns ───────────────────────────────────────────────────────────

export async function insertCountersigns(ex: Executor, rows: (typeof applicationCountersigns.$inferInsert)[]): Promise<CountersignRow[]> {
  if (!rows.length) return [];
  return ex.insert(applicationCountersigns).values(rows).returning();
}

export async function countersignsOf(ex: Executor, applicationId: number): Promise<CountersignRow[]> {
  return ex.select().from(applicationCountersigns).where(eq(applicationCountersigns.applicationId, applicationId)).orderBy(asc(applicationCountersigns.id));
}

export async function findCountersign(ex: Executor, id: number): Promise<CountersignRow | undefined> {
  const [row] = await ex.select().from(applicationCountersigns).where(eq(applicationCountersigns.id, id));
  return row;
}

export async function answerCountersign(ex: Executor, id: number, version: number, set: Partial<typeof applicationCountersigns.$inferInsert>): Promise<CountersignRow | undefined> {
  const [row] = await ex
    .update(applicationCountersigns)
    .set({ ...set, version: sql`${applicationCountersigns.version} + 1` })
    .where(and(eq(applicationCountersigns.id, id), eq(applicationCountersigns.version, version), eq(applicationCountersigns.state, 'pending')))
    .returning();
  return row;
}

export async function pendingCountersigns(ex: Executor, applicationId: number): Promise<number> {
  const [row] = await query<{ n: number }>(ex, sql`select count(*)::int as n from application_countersigns where application_id = ${applicationId} and state = 'pending'`);
  return row.n;
}

// ── proxy authorisations ───────────────────────────────────────────────────

export async function insertProxy(ex: Executor, row: typeof proxyAuthorisations.$inferInsert): Promise<ProxyRow> {
  const [out] = await ex.insert(proxyAuthorisations).values(row).returning();
  return out;
}

export async function validProxy(ex: Executor, agentAccountId: number, firmUscc: string, at: Date): Promise<ProxyRow | undefined> {
  const rows = await query<{ id: number }>(
    ex,
    sql`select id from proxy_authorisations where agent_account_id = ${agentAccountId} and firm_uscc = ${firmUscc}
        and revoked_at is null and valid_until > ${at.toISOString()} order by valid_until desc limit 1`,
  );
  if (!rows[0]) return undefined;
  const [row] = await ex.select().from(proxyAuthorisations).where(eq(proxyAuthorisations.id, rows[0].id));
  return row;
}

export async function revokeProxy(ex: Executor, id: number, firmAccountId: number): Promise<ProxyRow | undefined> {
  const [row] = await ex
    .update(proxyAuthorisations)
    .set({ revokedAt: new Date() })
    .where(and(eq(proxyAuthorisations.id, id), eq(proxyAuthorisations.firmAccountId, firmAccountId), sql`${proxyAuthorisations.revokedAt} is null`))
    .returning();
  return row;
}

export async function proxiesOf(ex: Executor, accountId: number): Promise<ProxyRow[]> {
  return ex
    .select()
    .from(proxyAuthorisations)
    .where(sql`${proxyAuthorisations.firmAccountId} = ${accountId} or ${proxyAuthorisations.agentAccountId} = ${accountId}`)
    .orderBy(desc(proxyAuthorisations.id));
}

// ── organisations and accounts (read through the org module's table export) ─

export interface OrgFacts {
  id: number;
  name: string;
  path: number[];
  regionCode: string;
}

export async function findOrg(ex: Executor, id: number): Promise<OrgFacts | undefined> {
  const [row] = await ex
    .select({ id: organisations.id, name: organisations.name, path: organisations.path, regionCode: organisations.regionCode })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row;
}

export interface AccountFacts {
  id: number;
  kind: 'staff' | 'person' | 'legal';
  username: string;
  display_name: string;
  resident_id: string | null;
  uscc: string | null;
  org_id: number | null;
}

export async function findAccount(ex: Executor, where: { id?: number; username?: string; residentId?: string; uscc?: string }): Promise<AccountFacts | undefined> {
  const cond =
    where.id !== undefined
      ? sql`id = ${where.id}`
      : where.username !== undefined
        ? sql`username = ${where.username}`
        : where.residentId !== undefined
          ? sql`resident_id = ${where.residentId}`
          : sql`uscc = ${where.uscc ?? ''}`;
  const [row] = await query<AccountFacts>(ex, sql`select id, kind, username, display_name, resident_id, uscc, org_id from accounts where ${cond}`);
  return row;
}

export interface HistoryRow {
  action: string;
  from_state: string;
  to_state: string;
  version: number;
  actor_name: string;
  note: string | null;
  data: Record<string, unknown> | null;
  at: string;
}

/** The application's workflow history, oldest first (read in the current transaction, if any). */
export async function historyOf(ex: Executor, id: number): Promise<HistoryRow[]> {
  return query<HistoryRow>(
    ex,
    sql`select action, from_state, to_state, version, actor_name, note, data, at from workflow_history
        where workflow = 'application' and subject_id = ${String(id)} order by id`,
  );
}

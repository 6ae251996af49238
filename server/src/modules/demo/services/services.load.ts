/**
 * What the services demo needs from the seeded county: staff to act, the
 * templates (items and bundles as the services module's own `target` builds
 * them for a new application) and a pool of applicants from the registry,
 * a share of them registered on the portal.
 */
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../../platform/access/index.ts';
import { hashPassword } from '../../../platform/auth/index.ts';
import { query, type Executor } from '../../../platform/db/index.ts';
import type { Rng } from '../../../platform/ids/index.ts';
import type { AppContext } from '../../../context.ts';
import { BundleService, defaultAnswers } from '../../catalog/index.ts';
import { servicesOf } from '../../services/index.ts';
import { DEMO_PASSWORD } from '../demo.accounts.ts';
import type { Staff, Template } from './services.plan.ts';

export const COUNTY = '320281';

export interface Applicant {
  kind: 'person' | 'legal';
  name: string;
  idNumber: string;
  accountId: number | null;
}

export interface StaffSet {
  clerk: Staff;
  supervisor: Staff;
  system: Staff;
  /** The approver of an organisation (by org id), else the county approval bureau's. */
  reviewerOf(orgId: number | null): Staff;
}

export async function loadStaff(ex: Executor): Promise<StaffSet | null> {
  const rows = await query<{ id: number; username: string; org_id: number | null }>(
    ex,
    sql`select id, username::text as username, org_id from accounts where kind = 'staff' and (username in ('clerk', 'leader', 'approver') or username like 'approver\_%')`,
  );
  const by = new Map(rows.map((r) => [r.username, r]));
  const clerk = by.get('clerk');
  const approver = by.get('approver');
  if (!clerk || !approver) return null;
  const byOrg = new Map<number, Staff>();
  for (const r of rows) if (r.username.startsWith('approver') && r.org_id !== null && !byOrg.has(r.org_id)) byOrg.set(r.org_id, { id: r.id, username: r.username });
  const leader = by.get('leader') ?? approver;
  return {
    clerk: { id: clerk.id, username: clerk.username },
    supervisor: { id: leader.id, username: leader.username },
    system: { id: null, username: 'system' },
    reviewerOf: (orgId) => (orgId !== null && byOrg.get(orgId)) || { id: approver.id, username: approver.username },
  };
}

async function orgFacts(ex: Executor, ids: number[]): Promise<Map<number, { name: string; path: number[] }>> {
  if (ids.length === 0) return new Map();
  const rows = await query<{ id: number; name: string; path: number[] }>(ex, sql`select id, name, path from organisations where id = any(${sql.raw(`array[${ids.map(Number).join(',')}]::int[]`)})`);
  return new Map(rows.map((r) => [r.id, { name: r.name, path: r.path }]));
}

type Target = Awaited<ReturnType<ReturnType<typeof servicesOf>['apply']['target']>>;

function templateOf(t: Target, org: { name: string; path: number[] } | undefined, weight: number, staff: StaffSet): Template {
  return {
    kind: t.kind,
    itemId: t.itemId,
    implCode: t.implCode,
    baseCode: t.baseCode,
    itemName: t.itemName,
    bundleCode: t.bundleCode,
    regionCode: t.regionCode,
    org: { id: t.handlingOrgId, name: org?.name ?? t.handlingOrgName, path: org?.path ?? [] },
    promisedDays: t.promisedDays,
    statutoryDays: t.statutoryDays,
    decisionDays: t.decisionDays,
    snapshot: t.snapshot as Template['snapshot'],
    answers: t.answers,
    materials: t.materials,
    applicantKinds: t.applicantKinds,
    formFields: (t.snapshot.formFields ?? []).map((f) => ({ key: f.key, type: f.type, options: f.options })),
    subs: [],
    weight,
    reviewer: staff.reviewerOf(t.handlingOrgId),
  };
}

/**
 * The most requested service items of the county (weighted by their
 * popularity) and the published bundles (一件事), as application templates.
 */
export async function loadTemplates(ctx: AppContext, ex: Executor, staff: StaffSet, opts: { items: number }): Promise<Template[]> {
  const s = servicesOf(ctx);
  const items = await query<{ id: number; popularity: number }>(
    ex,
    sql`select id, popularity from catalog_items
        where status = 'published' and region_code = ${COUNTY} and popularity > 0
          and item_type in ('licensing', 'public_service', 'filing', 'confirmation', 'benefit')
        order by popularity desc, id limit ${opts.items}`,
  );
  const targets: { t: Target; weight: number }[] = [];
  for (const it of items) {
    try {
      targets.push({ t: await s.apply.target(SYSTEM_ACTOR, { itemId: it.id }), weight: it.popularity });
    } catch {
      // an item that cannot be applied for (no longer in force) is left out
    }
  }
  const itemWeight = targets.reduce((a, x) => a + x.weight, 0);
  const bundles = new BundleService(ctx.db);
  const codes = await query<{ code: string }>(ex, sql`select code from catalog_bundles where status = 'published' and region_code = ${COUNTY} order by code`);
  const bundleTargets: { t: Target; members: Target[] }[] = [];
  for (const { code } of codes) {
    try {
      const b = await bundles.get(SYSTEM_ACTOR, code);
      const answers: Record<string, string[]> = { ...(defaultAnswers(b.questions) as Record<string, string[]>) };
      for (const q of b.questions as { key: string; options?: { id: string }[] }[]) if (!answers[q.key]?.length && q.options?.length) answers[q.key] = [q.options[0].id];
      const t = await s.apply.target(SYSTEM_ACTOR, { bundleCode: code, answers });
      const members: Target[] = [];
      for (const m of t.snapshot.members ?? []) members.push(await s.apply.target(SYSTEM_ACTOR, { itemId: m.itemId }));
      bundleTargets.push({ t, members });
    } catch {
      // a bundle whose questions cannot be answered by default is left out
    }
  }
  const orgIds = [...new Set([...targets.map((x) => x.t.handlingOrgId), ...bundleTargets.flatMap((b) => [b.t.handlingOrgId, ...b.members.map((m) => m.handlingOrgId)])].filter((x): x is number => x !== null))];
  const orgs = await orgFacts(ex, orgIds);
  const out = targets.map((x) => templateOf(x.t, orgs.get(x.t.handlingOrgId ?? -1), x.weight, staff));
  // the five bundles together: about 8% of the applications
  const each = bundleTargets.length ? (itemWeight * 0.08) / 0.92 / bundleTargets.length : 0;
  for (const b of bundleTargets) {
    const parent = templateOf(b.t, orgs.get(b.t.handlingOrgId ?? -1), each, staff);
    parent.subs = b.members.map((m) => {
      const sub = templateOf(m, orgs.get(m.handlingOrgId ?? -1), 0, staff);
      return { ...sub, kind: 'sub', bundleCode: parent.bundleCode, materials: parent.materials.filter((x) => x.itemIds.includes(m.itemId ?? -1)).map((x) => ({ ...x, itemIds: [m.itemId ?? 0] })), snapshot: { ...sub.snapshot, commitmentAllowed: false } };
    });
    out.push(parent);
  }
  return out;
}

/** Window intake organisations: the county centre and the towns' service centres. */
export async function loadCentres(ex: Executor): Promise<{ county: number | null; towns: number[] }> {
  const rows = await query<{ id: number; code: string }>(ex, sql`select id, code from organisations where type = 'service_centre' and region_code like ${`${COUNTY}%`} order by code`);
  return { county: rows.find((r) => r.code === `${COUNTY}.zwfw`)?.id ?? null, towns: rows.filter((r) => r.code !== `${COUNTY}.zwfw`).map((r) => r.id) };
}

/**
 * Applicants from the registry: citizens and market entities of the county;
 * the first `registered` of each kind get a portal account (password the demo
 * password, username the resident ID / USCC) so they can apply online and rate.
 */
export async function loadApplicants(ex: Executor, rng: Rng, opts: { persons: number; firms: number; registered: number }): Promise<{ persons: Applicant[]; firms: Applicant[] }> {
  const persons = await query<{ id_number: string; name: string; account_id: number | null }>(
    ex,
    sql`select c.resident_id as id_number, c.name, a.id as account_id from citizens c left join accounts a on a.resident_id = c.resident_id
        where c.region_code like ${`${COUNTY}%`} order by c.id limit ${opts.persons}`,
  );
  const firms = await query<{ id_number: string; name: string; account_id: number | null }>(
    ex,
    sql`select e.uscc as id_number, e.name, a.id as account_id from entities e left join accounts a on a.uscc = e.uscc
        where e.region_code like ${`${COUNTY}%`} and e.status = 'active' order by e.id limit ${opts.firms}`,
  );
  const hash = await hashPassword(DEMO_PASSWORD);
  const register = async (rows: typeof persons, kind: 'person' | 'legal') => {
    const fresh = rows.slice(0, opts.registered).filter((r) => r.account_id === null);
    if (fresh.length === 0) return;
    const payload = fresh.map((r) => ({ username: r.id_number, kind, display_name: r.name, resident_id: kind === 'person' ? r.id_number : null, uscc: kind === 'legal' ? r.id_number : null }));
    const made = await query<{ id: number; username: string }>(
      ex,
      sql`insert into accounts (username, kind, display_name, password_hash, resident_id, uscc, password_changed_at)
          select v.username, v.kind, v.display_name, ${hash}, v.resident_id, v.uscc, now()
          from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(username text, kind text, display_name text, resident_id text, uscc text)
          on conflict do nothing
          returning id, username::text as username`,
    );
    if (made.length) {
      await ex.execute(sql`insert into role_grants (account_id, role, region_code, org_id)
        select id, 'applicant', null, null from unnest(${sql.raw(`array[${made.map((m) => Number(m.id)).join(',')}]::int[]`)}) as id`);
    }
    const ids = new Map(made.map((m) => [m.username, m.id]));
    for (const r of rows) if (r.account_id === null && ids.has(r.id_number)) r.account_id = ids.get(r.id_number)!;
  };
  await register(persons, 'person');
  await register(firms, 'legal');
  void rng;
  const as = (kind: 'person' | 'legal') => (r: (typeof persons)[number]): Applicant => ({ kind, name: r.name, idNumber: r.id_number, accountId: r.account_id });
  return { persons: persons.map(as('person')), firms: firms.map(as('legal')) };
}

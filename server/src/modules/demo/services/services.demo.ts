/**
 * A year of historical 一网通办 applications for the demo county, written in
 * bulk: application rows, materials, notices, workflow history and SLA
 * clocks exactly as the live workflow would have left them (planned by
 * ./services.plan.ts with the platform calendar), e-licences through the
 * licences module's bulk issuing (issueMany), ratable matters through the
 * ratings module's bulk recordMatters, then ratings through its demo seed. One transaction
 * for the record, one audit entry for the seed; deterministic for a given
 * `now` and seed; skipped when done before.
 */
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../../platform/access/index.ts';
import { recordAudit } from '../../../platform/audit/index.ts';
import { inTransaction, query, type Executor, type Tx } from '../../../platform/db/index.ts';
import { isoOf, localDayOf } from '../../../platform/clock/index.ts';
import { createRng, type Rng } from '../../../platform/ids/index.ts';
import type { AppContext } from '../../../context.ts';
import { applicationNumber, noticeNumber, APPLICATION_WORKFLOW } from '../../services/index.ts';
import { issueMany, type ApplicationApproved } from '../../licenses/index.ts';
import { ratingModule, seedRatingsDemo, type RatingsDemoResult } from '../../ratings/index.ts';
import * as repo from '../demo.repository.ts';
import { COUNTY, loadApplicants, loadCentres, loadStaff, loadTemplates, type Applicant } from './services.load.ts';
import { Planner, type Planned, type Template } from './services.plan.ts';

export const SERVICES_MARKER = 'jiangyin.services';

/** Applications per scale (the large figure is a busy county's year). */
export const SERVICES_DEMO_SCALES = {
  default: { applications: 3000, persons: 1500, firms: 1500, registered: 400, items: 120, ratings: 200 },
  large: { applications: 50_000, persons: 20_000, firms: 20_000, registered: 4000, items: 300, ratings: 5000 },
} as const;

export interface ServicesDemoOptions {
  scale?: 'default' | 'large';
  /** Override the number of applications (tests). */
  applications?: number;
  now?: Date;
  seed?: string;
  /** Rate the completed matters (default true). */
  ratings?: boolean;
  /** How many of the newest matters the ratings seed takes (default per scale). */
  ratingLimit?: number;
  log?: (line: string) => void;
}

export interface ServicesDemoResult {
  seeded: boolean;
  applications: number;
  subApplications: number;
  open: number;
  licences: number;
  matters: number;
  ratings: RatingsDemoResult | null;
  counts: Record<string, number>;
  ms: number;
}

const CHUNK = 400;

function pickWeighted<T extends { weight: number }>(rng: Rng, list: readonly T[], total: number): T {
  let x = rng.next() * total;
  for (const t of list) {
    x -= t.weight;
    if (x < 0) return t;
  }
  return list[list.length - 1];
}

/** Bulk insert through jsonb_to_recordset, CHUNK rows per statement (the same SQL on both back ends). */
async function bulk(ex: Executor, table: string, cols: [string, string][], rows: Record<string, unknown>[]): Promise<void> {
  const names = cols.map(([c]) => `"${c}"`).join(', ');
  const defs = cols.map(([c, t]) => `"${c}" ${t}`).join(', ');
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    await ex.execute(sql`insert into ${sql.identifier(table)} (${sql.raw(names)}) select ${sql.raw(names)} from jsonb_to_recordset(${json}::jsonb) as v(${sql.raw(defs)})`);
  }
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** A minimal one-page PDF standing for a scanned material (content-addressed: one file per material name). */
function demoPdf(label: string): Buffer {
  const text = `Tongban demo material ${label}`.replace(/[()\\]/g, '');
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

function formDataOf(t: Template, a: Applicant, rng: Rng, day: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of t.formFields) {
    switch (f.type) {
      case 'number':
        out[f.key] = rng.int(1, 500);
        break;
      case 'date':
        out[f.key] = day;
        break;
      case 'boolean':
        out[f.key] = true;
        break;
      case 'select':
        if (f.options?.length) out[f.key] = f.options[0];
        break;
      case 'resident_id':
        if (a.kind === 'person') out[f.key] = a.idNumber;
        break;
      case 'uscc':
        if (a.kind === 'legal') out[f.key] = a.idNumber;
        break;
      case 'phone':
        out[f.key] = `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
        break;
      default:
        out[f.key] = a.name;
    }
  }
  return out;
}

/**
 * Seeds the historical applications once (marker `jiangyin.services`).
 * Runs its own transaction, so call it after the county, catalog and
 * accounts are committed; the ratings follow in their own transactions.
 */
export async function seedServicesDemo(ctx: Pick<AppContext, 'db'> & Partial<AppContext>, opts: ServicesDemoOptions = {}): Promise<ServicesDemoResult> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const none: ServicesDemoResult = { seeded: false, applications: 0, subApplications: 0, open: 0, licences: 0, matters: 0, ratings: null, counts: {}, ms: 0 };
  if (!ctx.workflows || !ctx.calendar || !ctx.files || !ctx.jobs) return none;
  const full = ctx as AppContext;
  const scale = SERVICES_DEMO_SCALES[opts.scale ?? 'default'];
  const now = opts.now ?? new Date();
  const rng = createRng(opts.seed ?? 'demo-services');

  const result = await inTransaction(full.db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7318558)`);
    if (await repo.findMarker(tx, SERVICES_MARKER)) return null;
    const staff = await loadStaff(tx);
    if (!staff) return null;
    const tl = performance.now();
    const templates = await loadTemplates(full, tx, staff, { items: scale.items });
    log(`办件模板 templates: ${templates.length} (${Math.round(performance.now() - tl)} ms)`);
    if (templates.length === 0) return null;
    const centres = await loadCentres(tx);
    const pool = await loadApplicants(tx, rng, { persons: scale.persons, firms: scale.firms, registered: scale.registered });
    const cal = await full.calendar.current(tx);
    const planner = new Planner({ cal, rng, now, clerk: staff.clerk, supervisor: staff.supervisor, system: staff.system });
    const total = templates.reduce((a, t) => a + t.weight, 0);
    const n = opts.applications ?? scale.applications;

    // plan every application (received over the past 365 days)
    const planned: { p: Planned; a: Applicant }[] = [];
    for (let i = 0; i < n; i++) {
      const t = pickWeighted(rng, templates, total);
      const kinds = t.applicantKinds.length ? t.applicantKinds : ['person', 'legal'];
      const kind = rng.pick(kinds) as 'person' | 'legal';
      const list = kind === 'person' ? pool.persons : pool.firms;
      let channel: 'online' | 'window' = rng.next() < 0.62 ? 'online' : 'window';
      let a = rng.pick(list);
      if (channel === 'online' && a.accountId === null) {
        const registered = list.slice(0, scale.registered).filter((x) => x.accountId !== null);
        if (registered.length) a = rng.pick(registered);
        else channel = 'window';
      }
      const intakeOrgId = channel === 'window' ? (rng.next() < 0.6 || centres.towns.length === 0 ? centres.county : rng.pick(centres.towns)) : null;
      const receivedAt = planner.receiptDay(channel, Math.floor(rng.next() * 365), t.decisionDays <= 2);
      planned.push({ p: planner.plan(t, channel, intakeOrgId, receivedAt), a });
    }
    planned.sort((x, y) => x.p.receivedAt.getTime() - y.p.receivedAt.getTime());

    // ids and numbers as the live path draws them (serial ids, application_no_seq)
    const subCount = planned.reduce((s, x) => s + x.p.subs.length, 0);
    const ids = (await query<{ id: number }>(tx, sql`select nextval(pg_get_serial_sequence('applications', 'id'))::int as id from generate_series(1, ${n + subCount})`)).map((r) => Number(r.id));
    const serials = (await query<{ s: number }>(tx, sql`select nextval('application_no_seq')::int as s from generate_series(1, ${n})`)).map((r) => Number(r.s));

    // one stored file per material name, reused by every application that hands it in
    const tf = performance.now();
    const files = new Map<string, { id: string; name: string; sha256: string }>();
    const materialNames = new Set(planned.flatMap((x) => x.p.t.materials.map((m) => m.name)));
    for (const name of materialNames) {
      const f = await full.files.store({ data: demoPdf(String(files.size + 1)), name: `${name.slice(0, 60)}.pdf`, kinds: ['pdf'], who: { actor: SYSTEM_ACTOR }, regionCode: COUNTY });
      files.set(name, { id: f.id, name: f.name, sha256: f.sha256 });
    }

    log(`材料文件 material files: ${files.size} (${Math.round(performance.now() - tf)} ms)`);
    const appRows: Record<string, unknown>[] = [];
    const matRows: Record<string, unknown>[] = [];
    const noticeRows: Record<string, unknown>[] = [];
    const historyRows: Record<string, unknown>[] = [];
    const clockRows: Record<string, unknown>[] = [];
    const approvals: ApplicationApproved[] = [];
    const completions: Record<string, unknown>[] = [];
    let next = 0;
    const counts: Record<string, number> = {};
    const bump = (k: string) => (counts[k] = (counts[k] ?? 0) + 1);

    const write = (p: Planned, a: Applicant, id: number, no: string, parent: { id: number; no: string } | null, materialStatus: Map<string, string>) => {
      const t = p.t;
      const last = p.history.at(-1);
      const formData = formDataOf(t, a, rng, isoOf(localDayOf(p.receivedAt)));
      appRows.push({
        id,
        application_no: no,
        kind: t.kind,
        parent_id: parent?.id ?? null,
        item_id: t.itemId,
        impl_code: t.implCode,
        base_code: t.baseCode,
        item_name: t.itemName,
        bundle_code: t.bundleCode,
        item_snapshot: t.snapshot,
        applicant_account_id: a.accountId,
        applicant_kind: a.kind,
        applicant_name: a.name,
        applicant_id_number: a.idNumber,
        channel: p.channel,
        intake_org_id: p.intakeOrgId,
        handling_org_id: t.org.id,
        handling_org_name: t.org.name,
        handling_org_path: t.org.path,
        region_code: t.regionCode,
        form_data: formData,
        answers: t.answers,
        state: p.state,
        version: 1 + p.history.length,
        step_index: p.stepIndex,
        promised_days: t.promisedDays,
        statutory_days: t.statutoryDays,
        decision_days: t.decisionDays,
        received_at: iso(p.receivedAt),
        accepted_at: iso(p.acceptedAt),
        acceptance: p.acceptance,
        correction_issued: p.correctionIssued,
        decided_at: iso(p.decidedAt),
        outcome: p.outcome === 'joined' ? (p.decisionReason ?? 'approved') : p.outcome,
        decision_reason: p.outcome === 'joined' ? null : p.decisionReason,
        decision_basis: p.decisionBasis,
        extension_days: p.extensionDays,
        extension_reason: p.extensionReason,
        extension_requested_by: p.extensionRequestedBy,
        special: p.special,
        warned_at: iso(p.warnedAt),
        overdue_at: iso(p.overdueAt),
        overdue_explanation: p.explanation?.text ?? null,
        overdue_explained_at: iso(p.explanation?.at),
        overdue_explained_by: p.explanation?.by ?? null,
        created_by: p.channel === 'window' ? (staffId(p.history[0]?.actor) ?? a.accountId) : a.accountId,
        created_at: iso(t.kind === 'sub' ? p.acceptedAt : p.createdAt),
        updated_at: iso(last?.at ?? p.createdAt),
        submitted_at: iso(p.receivedAt),
      });
      t.materials.forEach((m, i) => {
        const status = materialStatus.get(m.key) ?? 'missing';
        const f = status === 'provided' ? files.get(m.name) : undefined;
        matRows.push({
          application_id: id,
          region_code: t.regionCode,
          key: m.key,
          name: m.name,
          requirement: m.requirement,
          deferrable: m.deferrable,
          license_type: m.licenseType,
          item_ids: m.itemIds,
          sort: i,
          status: f ? 'provided' : 'missing',
          file_id: f?.id ?? null,
          file_name: f?.name ?? null,
          sha256: f?.sha256 ?? null,
          updated_at: iso(p.receivedAt),
        });
      });
      p.notices.forEach((nt, i) => {
        const number = noticeNumber(nt.kind, no, i + 1);
        noticeRows.push({
          application_id: id,
          region_code: t.regionCode,
          kind: nt.kind,
          number,
          content: {
            applicationNo: no,
            itemName: t.itemName,
            applicant: a.name,
            handlingOrg: t.org.name,
            verifyPath: `/verify/notice/${number}`,
            statusPath: `/my/applications/${parent?.id ?? id}`,
            ...nt.content,
          },
          issued_at: iso(nt.at),
          issued_by: nt.by.id,
        });
      });
      p.history.forEach((h, i) => {
        historyRows.push({
          workflow: APPLICATION_WORKFLOW,
          subject_id: String(id),
          region_code: t.regionCode,
          action: h.action,
          from_state: h.from,
          to_state: h.to,
          version: i + 2,
          actor_id: h.actor.id ?? (h.actor.username === 'applicant' ? a.accountId : null),
          actor_name: h.actor.username === 'applicant' ? (a.accountId ? a.idNumber : 'applicant') : h.actor.username,
          note: h.note,
          data: h.action === 'decide' && parent ? { ...h.data, parent: parent.no } : h.data,
          at: iso(h.at),
        });
      });
      for (const c of p.clocks) {
        clockRows.push({
          subject_type: APPLICATION_WORKFLOW,
          subject_id: String(id),
          purpose: c.purpose,
          region_code: t.regionCode,
          unit: 'working_days',
          budget: c.budget,
          started_at: iso(c.startedAt),
          start_date: c.startDate,
          state: c.state,
          paused_total: c.pausedTotal,
          pause_started_at: iso(c.pauseStartedAt),
          warn_before: c.warnBefore,
          due_at: iso(c.dueAt),
          due_date: c.dueDate,
          warn_at: iso(c.warnAt),
          provisional: c.provisional,
          stopped_at: iso(c.stoppedAt),
          overdue: c.overdue,
          warned_at: iso(c.warnedAt),
          overdue_at: iso(c.overdueAt),
          version: c.version,
          created_at: iso(c.startedAt),
          updated_at: iso(c.stoppedAt ?? c.pauseStartedAt ?? c.startedAt),
        });
      }
      const decidedAt = p.decidedAt;
      if (decidedAt && t.kind !== 'bundle' && p.outcome === 'approved' && t.snapshot.result?.licenseType && t.org.id !== null) {
        approvals.push({
          applicationId: id,
          applicationNo: no,
          parentApplicationNo: parent?.no ?? null,
          itemId: t.itemId ?? 0,
          itemName: t.itemName,
          implCode: t.implCode,
          baseCode: t.baseCode,
          licence: { type: t.snapshot.result.licenseType, validYears: t.snapshot.result.validYears ?? null },
          holder: { kind: a.kind, name: a.name, idNumber: a.idNumber, accountId: a.accountId },
          issuer: { orgId: t.org.id, name: t.org.name, regionCode: t.regionCode },
          decidedAt: decidedAt.toISOString(),
          commitment: p.acceptance === 'commitment',
          formData,
        });
      }
      if (decidedAt && t.kind !== 'sub' && p.outcome) {
        completions.push({
          applicationId: id,
          applicationNo: no,
          itemName: t.itemName,
          handlingOrgId: t.org.id,
          handlingOrgName: t.org.name,
          intakeOrgId: p.intakeOrgId,
          channel: p.channel,
          applicantAccountId: a.accountId,
          regionCode: t.regionCode,
          completedAt: decidedAt.toISOString(),
          outcome: p.outcome === 'joined' ? (p.subs.every((s) => s.outcome === 'denied') ? 'denied' : 'approved') : p.outcome,
        });
      }
      bump(`state:${p.state}`);
      for (const m of p.marks) bump(m);
    };

    for (const [i, { p, a }] of planned.entries()) {
      const id = ids[next++];
      const no = applicationNumber('JY', isoOf(localDayOf(p.createdAt)), serials[i]);
      const status = new Map<string, string>();
      for (const m of p.t.materials) status.set(m.key, p.missingKeys.includes(m.key) ? 'missing' : m.requirement === 'required' || rng.next() < 0.6 ? 'provided' : 'missing');
      write(p, a, id, no, null, status);
      p.subs.forEach((s, k) => write(s, a, ids[next++], `${no}-${String(k + 1).padStart(2, '0')}`, { id, no }, status));
    }

    await bulk(tx, 'applications', [
      ['id', 'int'], ['application_no', 'text'], ['kind', 'text'], ['parent_id', 'int'], ['item_id', 'int'], ['impl_code', 'text'], ['base_code', 'text'],
      ['item_name', 'text'], ['bundle_code', 'text'], ['item_snapshot', 'jsonb'], ['applicant_account_id', 'int'], ['applicant_kind', 'text'],
      ['applicant_name', 'text'], ['applicant_id_number', 'text'], ['channel', 'text'], ['intake_org_id', 'int'], ['handling_org_id', 'int'],
      ['handling_org_name', 'text'], ['handling_org_path', 'int[]'], ['region_code', 'text'], ['form_data', 'jsonb'], ['answers', 'jsonb'], ['state', 'text'],
      ['version', 'int'], ['step_index', 'int'], ['promised_days', 'int'], ['statutory_days', 'int'], ['decision_days', 'int'], ['received_at', 'timestamptz'],
      ['accepted_at', 'timestamptz'], ['acceptance', 'text'], ['correction_issued', 'boolean'], ['decided_at', 'timestamptz'], ['outcome', 'text'],
      ['decision_reason', 'text'], ['decision_basis', 'text'], ['extension_days', 'int'], ['extension_reason', 'text'], ['extension_requested_by', 'int'],
      ['special', 'jsonb'], ['warned_at', 'timestamptz'], ['overdue_at', 'timestamptz'], ['overdue_explanation', 'text'], ['overdue_explained_at', 'timestamptz'],
      ['overdue_explained_by', 'int'], ['created_by', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'], ['submitted_at', 'timestamptz'],
    ], appRows);
    await bulk(tx, 'application_materials', [
      ['application_id', 'int'], ['region_code', 'text'], ['key', 'text'], ['name', 'text'], ['requirement', 'text'], ['deferrable', 'boolean'],
      ['license_type', 'text'], ['item_ids', 'int[]'], ['sort', 'int'], ['status', 'text'], ['file_id', 'uuid'], ['file_name', 'text'], ['sha256', 'text'],
      ['updated_at', 'timestamptz'],
    ], matRows);
    await bulk(tx, 'application_notices', [
      ['application_id', 'int'], ['region_code', 'text'], ['kind', 'text'], ['number', 'text'], ['content', 'jsonb'], ['issued_at', 'timestamptz'], ['issued_by', 'int'],
    ], noticeRows);
    await bulk(tx, 'workflow_history', [
      ['workflow', 'text'], ['subject_id', 'text'], ['region_code', 'text'], ['action', 'text'], ['from_state', 'text'], ['to_state', 'text'], ['version', 'int'],
      ['actor_id', 'int'], ['actor_name', 'text'], ['note', 'text'], ['data', 'jsonb'], ['at', 'timestamptz'],
    ], historyRows);
    await bulk(tx, 'sla_clocks', [
      ['subject_type', 'text'], ['subject_id', 'text'], ['purpose', 'text'], ['region_code', 'text'], ['unit', 'text'], ['budget', 'float8'],
      ['started_at', 'timestamptz'], ['start_date', 'date'], ['state', 'text'], ['paused_total', 'float8'], ['pause_started_at', 'timestamptz'],
      ['warn_before', 'float8'], ['due_at', 'timestamptz'], ['due_date', 'date'], ['warn_at', 'timestamptz'], ['provisional', 'boolean'],
      ['stopped_at', 'timestamptz'], ['overdue', 'boolean'], ['warned_at', 'timestamptz'], ['overdue_at', 'timestamptz'], ['version', 'int'],
      ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
    ], clockRows);
    log(`办件 applications: ${n} (+${subCount} 分办子件 sub-applications), 文书 notices: ${noticeRows.length}, 流转记录 history: ${historyRows.length}`);

    // e-licences: the licences module's bulk issuing (the same licences its application.approved subscriber issues; idempotent)
    const t0 = performance.now();
    const issued = await issueMany(full.db, approvals);
    log(`电子证照 e-licences: ${issued.issued} (${Math.round(performance.now() - t0)} ms)`);
    // ratable matters: the ratings module's bulk form of its application.completed subscriber
    const t2 = performance.now();
    const { ratings } = ratingModule(full);
    // newest first, so the ratings seed (which takes matters in id order, up to its limit) rates the recent months
    await ratings.recordMatters(tx as Tx, completions.reverse());
    log(`可评价事项 ratable matters: ${completions.length} (${Math.round(performance.now() - t2)} ms)`);
    const open = planned.filter((x) => !['approved', 'denied', 'refused', 'completed'].includes(x.p.state)).length;
    const summary = { applications: n, subApplications: subCount, open, licences: approvals.length, matters: completions.length, ...counts };
    await recordAudit(tx, { actor: SYSTEM_ACTOR }, { action: 'demo.services_seeded', entityType: 'demo_seed', entityId: SERVICES_MARKER, regionCode: COUNTY, after: summary });
    await repo.saveMarker(tx, { name: SERVICES_MARKER, scale: opts.scale ?? 'default', counts: summary, duration_ms: performance.now() - started });
    return { n, subCount, open, licences: approvals.length, matters: completions.length, counts };
  });
  if (!result) return { ...none, ms: performance.now() - started };

  let rated: RatingsDemoResult | null = null;
  if (opts.ratings !== false) {
    const t1 = performance.now();
    rated = await seedRatingsDemo(full, { share: 0.85, badShare: 0.06, seed: 20_260_101, limit: opts.ratingLimit ?? scale.ratings });
    log(`好差评 ratings: ${rated.rated} (差评 bad ${rated.bad}) (${Math.round(performance.now() - t1)} ms)`);
  }
  return {
    seeded: true,
    applications: result.n,
    subApplications: result.subCount,
    open: result.open,
    licences: result.licences,
    matters: result.matters,
    ratings: rated,
    counts: result.counts,
    ms: performance.now() - started,
  };
}

function staffId(s: { id: number | null } | undefined): number | null {
  return s?.id ?? null;
}

export type { Planned };

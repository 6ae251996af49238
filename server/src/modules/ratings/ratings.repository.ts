import { sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { MatterChannel, RatingChannel, RectificationOutcome, SubjectType } from './ratings.schema.ts';

const ts = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export interface MatterRow {
  id: number;
  subject_type: SubjectType;
  subject_id: string;
  matter_no: string;
  item_name: string;
  handling_org_id: number;
  handling_org_name: string;
  handling_org_path: number[];
  intake_org_id: number | null;
  intake_org_name: string | null;
  intake_org_path: number[] | null;
  channel: MatterChannel;
  applicant_account_id: number | null;
  region_code: string;
  completed_at: string;
  outcome: string;
  rate_by: string;
}

const MATTER_COLS = sql`m.id, m.subject_type, m.subject_id, m.matter_no, m.item_name, m.handling_org_id, m.handling_org_name, m.handling_org_path,
  m.intake_org_id, m.intake_org_name, m.intake_org_path, m.channel, m.applicant_account_id, m.region_code,
  ${ts('m.completed_at')} as completed_at, m.outcome, ${ts('m.rate_by')} as rate_by`;

export interface NewMatter {
  subjectType: SubjectType;
  subjectId: string;
  matterNo: string;
  itemName: string;
  handlingOrgId: number;
  /** Null: taken from the organisation. */
  handlingOrgName: string | null;
  intakeOrgId: number | null;
  intakeOrgName: string | null;
  channel: MatterChannel;
  applicantAccountId: number | null;
  regionCode: string;
  completedAt: string;
  outcome: string;
  rateBy: string;
}

/** Inserts the matter unless the subject already has one (redelivery); returns the new id or null. */
export async function insertMatter(ex: Executor, m: NewMatter): Promise<number | null> {
  const rows = await query<{ id: number }>(
    ex,
    sql`insert into rating_matters (subject_type, subject_id, matter_no, item_name, handling_org_id, handling_org_name, handling_org_path,
          intake_org_id, intake_org_name, intake_org_path, channel, applicant_account_id, region_code, completed_at, outcome, rate_by)
        values (${m.subjectType}, ${m.subjectId}, ${m.matterNo}, ${m.itemName}, ${m.handlingOrgId},
          coalesce(${m.handlingOrgName}::text, (select name from organisations where id = ${m.handlingOrgId}::int), '—'),
          coalesce((select path from organisations where id = ${m.handlingOrgId}), array[${m.handlingOrgId}]::int[]),
          ${m.intakeOrgId}, coalesce(${m.intakeOrgName}::text, (select name from organisations where id = ${m.intakeOrgId}::int)),
          case when ${m.intakeOrgId}::int is null then null else coalesce((select path from organisations where id = ${m.intakeOrgId}), array[${m.intakeOrgId}]::int[]) end,
          ${m.channel}, ${m.applicantAccountId}, ${m.regionCode}, ${m.completedAt}, ${m.outcome}, ${m.rateBy})
        on conflict (subject_type, subject_id) do nothing
        returning id`,
  );
  return rows[0]?.id ?? null;
}

/**
 * Multi-row insertMatter (same defaults from the organisations, same
 * conflict rule), in list order; returns how many were inserted.
 */
export async function insertMatters(ex: Executor, list: readonly NewMatter[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < list.length; i += 500) {
    const json = JSON.stringify(list.slice(i, i + 500));
    const rows = await query<{ id: number }>(
      ex,
      sql`insert into rating_matters (subject_type, subject_id, matter_no, item_name, handling_org_id, handling_org_name, handling_org_path,
            intake_org_id, intake_org_name, intake_org_path, channel, applicant_account_id, region_code, completed_at, outcome, rate_by)
          select v."subjectType", v."subjectId", v."matterNo", v."itemName", v."handlingOrgId",
            coalesce(v."handlingOrgName", h.name, '—'), coalesce(h.path, array[v."handlingOrgId"]::int[]),
            v."intakeOrgId", coalesce(v."intakeOrgName", i.name),
            case when v."intakeOrgId" is null then null else coalesce(i.path, array[v."intakeOrgId"]::int[]) end,
            v.channel, v."applicantAccountId", v."regionCode", v."completedAt", v.outcome, v."rateBy"
          from rows from (jsonb_to_recordset(${json}::jsonb) as ("subjectType" text, "subjectId" text, "matterNo" text, "itemName" text,
              "handlingOrgId" int, "handlingOrgName" text, "intakeOrgId" int, "intakeOrgName" text, channel text, "applicantAccountId" int,
              "regionCode" text, "completedAt" timestamptz, outcome text, "rateBy" timestamptz)) with ordinality as v
          left join organisations h on h.id = v."handlingOrgId"
          left join organisations i on i.id = v."intakeOrgId"
          order by v.ordinality
          on conflict (subject_type, subject_id) do nothing
          returning id`,
    );
    n += rows.length;
  }
  return n;
}

/** Matters with an applicant account and no rating yet, in id order (the demo seed's work list). */
export async function unratedMatters(ex: Executor, limit: number): Promise<MatterRow[]> {
  return query<MatterRow>(
    ex,
    sql`select ${MATTER_COLS} from rating_matters m
        where m.applicant_account_id is not null and not exists (select 1 from ratings r where r.matter_id = m.id)
        order by m.id limit ${limit}`,
  );
}

export async function findMatter(ex: Executor, id: number, forUpdate = false): Promise<MatterRow | undefined> {
  const [row] = await query<MatterRow>(ex, sql`select ${MATTER_COLS} from rating_matters m where m.id = ${id} ${forUpdate ? sql`for update` : sql``}`);
  return row;
}

export async function findMatterBySubject(ex: Executor, subjectType: SubjectType, subjectId: string): Promise<MatterRow | undefined> {
  const [row] = await query<MatterRow>(ex, sql`select ${MATTER_COLS} from rating_matters m where m.subject_type = ${subjectType} and m.subject_id = ${subjectId}`);
  return row;
}

export interface RatingRow {
  id: number;
  matter_id: number;
  channel: RatingChannel;
  visit_id: number | null;
  rating_key: string;
  level: number;
  dimensions: Record<string, number>;
  comment: string | null;
  reasons: string[];
  rater_account_id: number | null;
  named: boolean;
  replaces_id: number | null;
  superseded_at: string | null;
  excluded: boolean;
  handling_org_id: number;
  region_code: string;
  rated_at: string;
}

const RATING_COLS = sql`r.id, r.matter_id, r.channel, r.visit_id, r.rating_key, r.level::int as level, r.dimensions, r.comment, r.reasons,
  r.rater_account_id, r.named, r.replaces_id, ${ts('r.superseded_at')} as superseded_at, r.excluded, r.handling_org_id, r.region_code, ${ts('r.rated_at')} as rated_at`;

export interface NewRating {
  matterId: number;
  channel: RatingChannel;
  visitId: number | null;
  ratingKey: string;
  level: number;
  dimensions: Record<string, number>;
  comment: string | null;
  reasons: string[];
  raterAccountId: number | null;
  replacesId: number | null;
  handlingOrgId: number;
  intakeOrgId: number | null;
  regionCode: string;
  ratedAt: string;
}

/** Inserts a rating; null when the matter already has a current rating with that key (the unique index decides). */
export async function insertRating(ex: Executor, r: NewRating): Promise<number | null> {
  const rows = await query<{ id: number }>(
    ex,
    sql`insert into ratings (matter_id, channel, visit_id, rating_key, level, dimensions, comment, reasons, rater_account_id, named,
          replaces_id, handling_org_id, intake_org_id, region_code, rated_at)
        values (${r.matterId}, ${r.channel}, ${r.visitId}, ${r.ratingKey}, ${r.level}, ${JSON.stringify(r.dimensions)}::jsonb, ${r.comment},
          ${sql`array[${sql.join(r.reasons.map((x) => sql`${x}`), sql`, `)}]::text[]`}, ${r.raterAccountId}, ${r.raterAccountId !== null},
          ${r.replacesId}, ${r.handlingOrgId}, ${r.intakeOrgId}, ${r.regionCode}, ${r.ratedAt})
        on conflict (matter_id, rating_key) where superseded_at is null do nothing
        returning id`,
  );
  return rows[0]?.id ?? null;
}

/** Multi-row insertRating (same conflict rule); returns the new ids keyed `${matterId}|${ratingKey}`. */
export async function insertRatings(ex: Executor, list: readonly NewRating[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < list.length; i += 500) {
    const json = JSON.stringify(list.slice(i, i + 500));
    const rows = await query<{ id: number; matter_id: number; rating_key: string }>(
      ex,
      sql`insert into ratings (matter_id, channel, visit_id, rating_key, level, dimensions, comment, reasons, rater_account_id, named,
            replaces_id, handling_org_id, intake_org_id, region_code, rated_at)
          select v."matterId", v.channel, v."visitId", v."ratingKey", v.level, v.dimensions, v.comment,
            array(select jsonb_array_elements_text(v.reasons)), v."raterAccountId", v."raterAccountId" is not null,
            v."replacesId", v."handlingOrgId", v."intakeOrgId", v."regionCode", v."ratedAt"
          from rows from (jsonb_to_recordset(${json}::jsonb) as ("matterId" int, channel text, "visitId" int, "ratingKey" text, level int,
              dimensions jsonb, comment text, reasons jsonb, "raterAccountId" int, "replacesId" int, "handlingOrgId" int, "intakeOrgId" int,
              "regionCode" text, "ratedAt" timestamptz)) with ordinality as v
          order by v.ordinality
          on conflict (matter_id, rating_key) where superseded_at is null do nothing
          returning id, matter_id, rating_key`,
    );
    for (const r of rows) ids.set(`${r.matter_id}|${r.rating_key}`, r.id);
  }
  return ids;
}

export async function findRating(ex: Executor, id: number): Promise<RatingRow | undefined> {
  const [row] = await query<RatingRow>(ex, sql`select ${RATING_COLS} from ratings r where r.id = ${id}`);
  return row;
}

export async function currentRating(ex: Executor, matterId: number, key: string): Promise<RatingRow | undefined> {
  const [row] = await query<RatingRow>(ex, sql`select ${RATING_COLS} from ratings r where r.matter_id = ${matterId} and r.rating_key = ${key} and r.superseded_at is null`);
  return row;
}

export async function supersede(ex: Executor, id: number, at: string): Promise<void> {
  await ex.execute(sql`update ratings set superseded_at = ${at} where id = ${id}`);
}

export async function excludeRating(ex: Executor, id: number): Promise<void> {
  await ex.execute(sql`update ratings set excluded = true where id = ${id}`);
}

// ── visits ──

export async function insertVisit(ex: Executor, v: { matterId: number; codeHash: string; openedBy: number; expiresAt: string; regionCode: string }): Promise<number> {
  const [row] = await query<{ id: number }>(
    ex,
    sql`insert into rating_visits (matter_id, code_hash, opened_by, expires_at, region_code)
        values (${v.matterId}, ${v.codeHash}, ${v.openedBy}, ${v.expiresAt}, ${v.regionCode}) returning id`,
  );
  return row.id;
}

/** Multi-row insertVisit for visits already used (historical on-site ratings); returns the ids in list order. */
export async function insertUsedVisits(
  ex: Executor,
  list: readonly { matterId: number; codeHash: string; openedBy: number; expiresAt: string; usedAt: string; regionCode: string }[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < list.length; i += 500) {
    const json = JSON.stringify(list.slice(i, i + 500));
    const rows = await query<{ id: number }>(
      ex,
      sql`insert into rating_visits (matter_id, code_hash, opened_by, expires_at, used_at, region_code)
          select v."matterId", v."codeHash", v."openedBy", v."expiresAt", v."usedAt", v."regionCode"
          from rows from (jsonb_to_recordset(${json}::jsonb) as ("matterId" int, "codeHash" text, "openedBy" int, "expiresAt" timestamptz,
              "usedAt" timestamptz, "regionCode" text)) with ordinality as v
          order by v.ordinality
          returning id`,
    );
    // serial ids are drawn in insertion order
    ids.push(...rows.map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}

export async function openVisitOf(ex: Executor, matterId: number, now: string): Promise<{ id: number } | undefined> {
  const [row] = await query<{ id: number }>(ex, sql`select id from rating_visits where matter_id = ${matterId} and used_at is null and expires_at > ${now} limit 1`);
  return row;
}

export async function findVisitByCode(ex: Executor, codeHash: string, forUpdate = false) {
  const [row] = await query<{ id: number; matter_id: number; expires_at: string; used_at: string | null }>(
    ex,
    sql`select id, matter_id, ${ts('expires_at')} as expires_at, ${ts('used_at')} as used_at from rating_visits where code_hash = ${codeHash} ${forUpdate ? sql`for update` : sql``}`,
  );
  return row;
}

export async function useVisit(ex: Executor, id: number, at: string): Promise<void> {
  await ex.execute(sql`update rating_visits set used_at = ${at} where id = ${id}`);
}

// ── rectifications ──

export async function insertRectification(ex: Executor, r: { ratingId: number; matterId: number; regionCode: string; handlingOrgId: number; orgPath: number[]; named: boolean }): Promise<number> {
  const [row] = await query<{ id: number }>(
    ex,
    sql`insert into rating_rectifications (rating_id, matter_id, state, region_code, handling_org_id, org_path, named)
        values (${r.ratingId}, ${r.matterId}, 'new', ${r.regionCode}, ${r.handlingOrgId}, ${sql`array[${sql.join(r.orgPath.map((x) => sql`${x}`), sql`, `)}]::int[]`}, ${r.named})
        returning id`,
  );
  return row.id;
}

export interface RectificationRow {
  id: number;
  rating_id: number;
  matter_id: number;
  state: string;
  version: number;
  region_code: string;
  handling_org_id: number;
  org_path: number[];
  named: boolean;
  callback_due_at: string | null;
  callback_warned: boolean;
  callback_overdue: boolean;
  called_back_at: string | null;
  callback_note: string | null;
  outcome: RectificationOutcome | null;
  outcome_note: string | null;
  fix_by: string | null;
  fixed_at: string | null;
  notified_at: string | null;
  appeal_reason: string | null;
  appealed_by: number | null;
  appeal_decision: string | null;
  appeal_decided_by: number | null;
  closed_at: string | null;
  created_at: string;
}

const RECT_COLS = sql`x.id, x.rating_id, x.matter_id, x.state, x.version, x.region_code, x.handling_org_id, x.org_path, x.named,
  (select ${ts('c.due_at')} from sla_clocks c where c.subject_type = 'rating_rectification' and c.subject_id = x.id::text
     and c.purpose = 'callback' order by c.id desc limit 1) as callback_due_at, x.callback_warned, x.callback_overdue, ${ts('x.called_back_at')} as called_back_at, x.callback_note,
  x.outcome, x.outcome_note, x.fix_by::text as fix_by, ${ts('x.fixed_at')} as fixed_at, ${ts('x.notified_at')} as notified_at,
  x.appeal_reason, x.appealed_by, x.appeal_decision, x.appeal_decided_by, ${ts('x.closed_at')} as closed_at, ${ts('x.created_at')} as created_at`;

export async function findRectification(ex: Executor, id: number): Promise<RectificationRow | undefined> {
  const [row] = await query<RectificationRow>(ex, sql`select ${RECT_COLS} from rating_rectifications x where x.id = ${id}`);
  return row;
}

export async function rectificationOfRating(ex: Executor, ratingId: number): Promise<RectificationRow | undefined> {
  const [row] = await query<RectificationRow>(ex, sql`select ${RECT_COLS} from rating_rectifications x where x.rating_id = ${ratingId}`);
  return row;
}

export async function updateRectification(ex: Executor, id: number, set: SQL): Promise<void> {
  await ex.execute(sql`update rating_rectifications set ${set} where id = ${id}`);
}

/** Rectifications visible under `scope` (a SQL condition over x.region_code and x.org_path), newest first, keyset by id. */
export async function listRectifications(ex: Executor, scope: SQL, f: { states?: readonly string[]; afterId?: number; limit: number }) {
  return query<RectificationRow>(
    ex,
    sql`select ${RECT_COLS} from rating_rectifications x
        where ${scope} and x.state <> 'new'
          ${f.states?.length ? sql`and x.state in (${sql.join(f.states.map((s) => sql`${s}`), sql`, `)})` : sql``}
          ${f.afterId ? sql`and x.id < ${f.afterId}` : sql``}
        order by x.id desc limit ${f.limit}`,
  );
}

export async function setCallbackFlag(ex: Executor, subjectId: string, flag: 'warned' | 'overdue'): Promise<void> {
  const id = Number(subjectId);
  if (!Number.isInteger(id)) return;
  await ex.execute(
    flag === 'overdue'
      ? sql`update rating_rectifications set callback_overdue = true where id = ${id} and state in ('assigned', 'appealed')`
      : sql`update rating_rectifications set callback_warned = true where id = ${id} and state in ('assigned', 'appealed')`,
  );
}

// ── notices ──

export async function insertNotice(ex: Executor, n: { accountId: number; ratingId: number; rectificationId: number; kind: string; zh: string; en: string }): Promise<void> {
  await ex.execute(sql`insert into rating_notices (account_id, rating_id, rectification_id, kind, zh, en)
    values (${n.accountId}, ${n.ratingId}, ${n.rectificationId}, ${n.kind}, ${n.zh}, ${n.en})`);
}

export async function noticesOf(ex: Executor, accountId: number) {
  return query<{ id: number; rating_id: number; rectification_id: number | null; kind: string; zh: string; en: string; created_at: string; read_at: string | null }>(
    ex,
    sql`select id, rating_id, rectification_id, kind, zh, en, ${ts('created_at')} as created_at, ${ts('read_at')} as read_at
        from rating_notices where account_id = ${accountId} order by id desc limit 200`,
  );
}

export async function markNoticesRead(ex: Executor, accountId: number, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await query<{ id: number }>(
    ex,
    sql`update rating_notices set read_at = now() where account_id = ${accountId} and read_at is null
        and id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) returning id`,
  );
  return rows.length;
}

// ── the applicant's matters ──

export async function mattersOf(ex: Executor, accountId: number, limit: number, beforeId?: number) {
  return query<MatterRow>(
    ex,
    sql`select ${MATTER_COLS} from rating_matters m where m.applicant_account_id = ${accountId}
        ${beforeId ? sql`and m.id < ${beforeId}` : sql``} order by m.id desc limit ${limit}`,
  );
}

/** Every rating (history included) of the given matters. */
export async function ratingsOfMatters(ex: Executor, matterIds: number[]): Promise<RatingRow[]> {
  if (matterIds.length === 0) return [];
  return query<RatingRow>(ex, sql`select ${RATING_COLS} from ratings r where r.matter_id in (${sql.join(matterIds.map((i) => sql`${i}`), sql`, `)}) order by r.id`);
}

export async function rectificationsOfRatings(ex: Executor, ratingIds: number[]): Promise<RectificationRow[]> {
  if (ratingIds.length === 0) return [];
  return query<RectificationRow>(ex, sql`select ${RECT_COLS} from rating_rectifications x where x.rating_id in (${sql.join(ratingIds.map((i) => sql`${i}`), sql`, `)})`);
}

// ── raters (platform accounts) ──

export async function raterContact(ex: Executor, accountId: number) {
  const [row] = await query<{ id: number; username: string; kind: string; display_name: string; resident_id: string | null; uscc: string | null; phone: string | null }>(
    ex,
    sql`select id, username, kind, display_name, resident_id, uscc, phone from accounts where id = ${accountId}`,
  );
  return row;
}

// ── statistics ──

export interface StatRow {
  unit_id: number;
  unit_name: string;
  completed: number;
  rated_matters: number;
  ratings: number;
  bad: number;
  satisfied: number;
  level_sum: number;
  loops: number;
  called_back: number;
  fixed: number;
}

/**
 * Published figures per unit ('handling') or per window ('intake') over the
 * matters completed in [from, to) in a region subtree: four grouped scans
 * joined on the unit, each over an index on (region_code, completed_at).
 */
export async function unitStatistics(ex: Executor, by: 'handling' | 'intake', regionPrefix: string, from: string | null, to: string | null): Promise<StatRow[]> {
  const idCol = sql.raw(by === 'handling' ? 'handling_org_id' : 'intake_org_id');
  const nameCol = sql.raw(by === 'handling' ? 'handling_org_name' : 'intake_org_name');
  return query<StatRow>(
    ex,
    sql`with m as (
          select id, ${idCol} as unit_id, ${nameCol} as unit_name from rating_matters
          where region_code like ${`${regionPrefix}%`} and ${idCol} is not null
            ${from ? sql`and completed_at >= ${from}` : sql``} ${to ? sql`and completed_at < ${to}` : sql``}
        ),
        mc as (select unit_id, max(unit_name) as unit_name, count(*)::int as completed from m group by unit_id),
        rc as (
          select m.unit_id, count(distinct r.matter_id)::int as rated_matters, count(*)::int as ratings,
                 count(*) filter (where r.level <= 2)::int as bad, count(*) filter (where r.level >= 3)::int as satisfied,
                 coalesce(sum(r.level), 0)::int as level_sum
          from ratings r join m on m.id = r.matter_id
          where r.superseded_at is null and not r.excluded
          group by m.unit_id
        ),
        lc as (
          select m.unit_id, count(*)::int as loops, count(x.called_back_at)::int as called_back,
                 count(*) filter (where x.state in ('notified', 'closed'))::int as fixed
          from rating_rectifications x join m on m.id = x.matter_id
          where x.state not in ('excluded', 'new')
          group by m.unit_id
        )
        select mc.unit_id, mc.unit_name, mc.completed,
               coalesce(rc.rated_matters, 0) as rated_matters, coalesce(rc.ratings, 0) as ratings, coalesce(rc.bad, 0) as bad,
               coalesce(rc.satisfied, 0) as satisfied, coalesce(rc.level_sum, 0) as level_sum,
               coalesce(lc.loops, 0) as loops, coalesce(lc.called_back, 0) as called_back, coalesce(lc.fixed, 0) as fixed
        from mc left join rc on rc.unit_id = mc.unit_id left join lc on lc.unit_id = mc.unit_id`,
  );
}

/** The follow-up's workflow history, oldest first (read in the current transaction). */
export async function historyOf(ex: Executor, id: number) {
  return query<{ action: string; from_state: string; to_state: string; actor_name: string; note: string | null; at: string }>(
    ex,
    sql`select action, from_state, to_state, actor_name, note, ${ts('at')} as at from workflow_history
        where workflow = 'rating_rectification' and subject_id = ${String(id)} order by id`,
  );
}

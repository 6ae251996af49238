/**
 * Ratable matters and ratings: the completion event makes a matter ratable;
 * its applicant rates it online (one rating per matter), or a window clerk
 * opens an on-site rating that the applicant gives on the window tablet (one
 * per visit). A bad rating starts the rectification workflow in the same
 * transaction.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { executor, inTransaction, type Db, type Tx } from '../../platform/db/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { canAct, SYSTEM_ACTOR, type Actor } from '../../platform/access/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { emit, type OutboxEvent } from '../../platform/jobs/index.ts';
import type { Workflows } from '../../platform/workflow/index.ts';
import { RatingErrors } from './ratings.errors.ts';
import * as repo from './ratings.repository.ts';
import { isBad, LEVELS, rateByOf, ratingProblems, storedDimensions, VISIT_CODE_MINUTES, withinDeadline, type RatingInput, type RatingSettings } from './ratings.rules.ts';
import type { RatingChannel, SubjectType } from './ratings.schema.ts';
import { rectificationFlow, rectificationStore } from './rectification.workflow.ts';

/** The `application.completed` outbox payload (published by the applications module). */
export const ApplicationCompleted = z.object({
  applicationId: z.number().int().positive(),
  applicationNo: z.string().min(1),
  itemName: z.string().min(1),
  /** Null for some bundle parents: the window (intake organisation) is then the rated unit. */
  handlingOrgId: z.number().int().positive().nullable(),
  handlingOrgName: z.string().nullish(),
  intakeOrgId: z.number().int().positive().nullable(),
  /** Not in the contract; looked up from the organisation when absent. */
  intakeOrgName: z.string().nullish(),
  channel: z.enum(['online', 'window']),
  applicantAccountId: z.number().int().positive().nullable(),
  regionCode: z.string().min(2),
  completedAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'completedAt must be a time'),
  outcome: z.enum(['approved', 'denied', 'refused']),
});
export type ApplicationCompleted = z.infer<typeof ApplicationCompleted>;

/** Outbox topic: a rating was recorded (also on re-rating). */
export const RATING_RECORDED = 'rating.recorded';
/** Outbox topic: an appeal was upheld and the rating left the statistics. */
export const RATING_EXCLUDED = 'rating.excluded';

export interface RatingRecordedPayload {
  ratingId: number;
  matterId: number;
  subjectType: string;
  subjectId: string;
  channel: RatingChannel;
  level: number;
  bad: boolean;
  handlingOrgId: number;
  replacesId: number | null;
  rectificationId: number | null;
}

const CHANNEL_LABEL: Record<RatingChannel, { zh: string; en: string }> = { online: { zh: '网上评价', en: 'online' }, onsite: { zh: '现场评价', en: 'on site' } };

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export class RatingService {
  constructor(
    private readonly db: Db,
    private readonly workflows: Workflows,
    private readonly settings: RatingSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Outbox subscriber of `application.completed`: one ratable matter per application, idempotent. */
  async onApplicationCompleted(event: OutboxEvent, tx: Tx): Promise<void> {
    const m = this.matterOf(ApplicationCompleted.parse(event.payload));
    // no unit handled it and no window took it in: nobody to rate
    if (m === null) return;
    await repo.insertMatter(tx, m);
  }

  /**
   * Bulk form of onApplicationCompleted (historical data, demo seeds): the
   * matters of many completions with multi-row inserts, in list order (ids
   * follow it), each exactly the row the subscriber would write; subjects that
   * have a matter already are left alone. Returns how many were written.
   */
  async recordMatters(tx: Tx, completions: readonly unknown[]): Promise<number> {
    const rows = completions.map((c) => this.matterOf(ApplicationCompleted.parse(c))).filter((m): m is repo.NewMatter => m !== null);
    return repo.insertMatters(tx, rows);
  }

  /** The ratable matter of a completion, or null when no unit handled it and no window took it in. */
  private matterOf(p: ApplicationCompleted): repo.NewMatter | null {
    const unitId = p.handlingOrgId ?? p.intakeOrgId;
    if (unitId === null) return null;
    const completedAt = new Date(p.completedAt);
    return {
      subjectType: 'application',
      subjectId: String(p.applicationId),
      matterNo: p.applicationNo,
      itemName: p.itemName,
      handlingOrgId: unitId,
      handlingOrgName: p.handlingOrgId !== null && p.handlingOrgName ? p.handlingOrgName : null,
      intakeOrgId: p.intakeOrgId,
      intakeOrgName: p.intakeOrgId === null ? null : (p.intakeOrgName ?? null),
      channel: p.channel,
      applicantAccountId: p.applicantAccountId,
      regionCode: p.regionCode,
      completedAt: completedAt.toISOString(),
      outcome: p.outcome,
      rateBy: rateByOf(completedAt, this.settings.rateWithinDays).toISOString(),
    };
  }

  /** Online rating of the caller's own matter (one per matter). */
  async rateOnline(who: AuditWho & { actor: Actor }, matterId: number, input: RatingInput) {
    return inTransaction(this.db, async (tx) => {
      const matter = await repo.findMatter(tx, matterId, true);
      if (!matter || matter.applicant_account_id === null || matter.applicant_account_id !== who.actor.id) throw RatingErrors.MATTER_NOT_FOUND();
      return this.record(tx, who, matter, 'online', null, 'online', who.actor.id, input, null);
    });
  }

  /** A window clerk opens an on-site rating for one visit; the applicant rates on the tablet with the code. */
  async openVisit(who: AuditWho & { actor: Actor }, matterId: number) {
    return inTransaction(this.db, async (tx) => {
      const matter = await repo.findMatter(tx, matterId, true);
      const scopes = matter ? [matter.intake_org_path, matter.handling_org_path].filter((p): p is number[] => p !== null) : [];
      if (!matter || !scopes.some((orgIds) => canAct(who.actor, 'application:intake', { regionCode: matter.region_code, orgIds }))) throw RatingErrors.MATTER_NOT_FOUND();
      const now = this.now();
      if (!withinDeadline(new Date(matter.rate_by), now)) throw RatingErrors.DEADLINE_PASSED({ vars: { rateBy: matter.rate_by.slice(0, 10) } });
      if (await repo.openVisitOf(tx, matterId, now.toISOString())) throw RatingErrors.VISIT_ALREADY_OPEN();
      const code = crypto.randomBytes(12).toString('base64url');
      const expiresAt = new Date(now.getTime() + VISIT_CODE_MINUTES * 60_000).toISOString();
      const visitId = await repo.insertVisit(tx, { matterId, codeHash: sha256(code), openedBy: who.actor.id, expiresAt, regionCode: matter.region_code });
      await recordAudit(tx, who, { action: 'rating.visit_opened', entityType: 'rating_matter', entityId: matterId, regionCode: matter.region_code, after: { visitId, expiresAt } });
      return { visitId, code, expiresAt, matter: { id: matter.id, itemName: matter.item_name, handlingOrgName: matter.handling_org_name, intakeOrgName: matter.intake_org_name } };
    });
  }

  /** The same, for the window's own record of the matter (an application id): the intake page need not know the matter id. */
  async openVisitForSubject(who: AuditWho & { actor: Actor }, subjectType: SubjectType, subjectId: string) {
    const m = await repo.findMatterBySubject(executor(this.db), subjectType, subjectId);
    if (!m) throw RatingErrors.MATTER_NOT_FOUND();
    return this.openVisit(who, m.id);
  }

  /** What the tablet shows before the applicant rates (no personal data). */
  async visitInfo(code: string) {
    const visit = await repo.findVisitByCode(executor(this.db), sha256(code));
    const now = this.now();
    if (!visit || visit.used_at !== null || new Date(visit.expires_at) <= now) throw RatingErrors.VISIT_CODE_INVALID();
    const matter = await repo.findMatter(executor(this.db), visit.matter_id);
    if (!matter) throw RatingErrors.VISIT_CODE_INVALID();
    return { itemName: matter.item_name, handlingOrgName: matter.handling_org_name, intakeOrgName: matter.intake_org_name, expiresAt: visit.expires_at };
  }

  /** The on-site rating itself, given with the one-time code (the rater is the matter's applicant, never the clerk). */
  async rateOnsite(who: AuditWho & { actor: Actor }, code: string, input: RatingInput) {
    return inTransaction(this.db, async (tx) => {
      const visit = await repo.findVisitByCode(tx, sha256(code), true);
      const now = this.now();
      if (!visit || new Date(visit.expires_at) <= now) throw RatingErrors.VISIT_CODE_INVALID();
      if (visit.used_at !== null) throw RatingErrors.ALREADY_RATED({ vars: { channel: '现场评价', channelEn: 'on site' } });
      const matter = await repo.findMatter(tx, visit.matter_id, true);
      if (!matter) throw RatingErrors.VISIT_CODE_INVALID();
      await repo.useVisit(tx, visit.id, now.toISOString());
      return this.record(tx, who, matter, 'onsite', visit.id, `visit:${visit.id}`, matter.applicant_account_id, input, null);
    });
  }

  /**
   * Validates and stores a rating, audits it, starts the rectification
   * workflow for a bad first rating and emits rating.recorded.
   */
  async record(
    tx: Tx,
    who: AuditWho & { actor: Actor },
    matter: repo.MatterRow,
    channel: RatingChannel,
    visitId: number | null,
    key: string,
    raterAccountId: number | null,
    input: RatingInput,
    replaces: repo.RatingRow | null,
  ) {
    const problems = ratingProblems(channel, input);
    if (problems.length) throw RatingErrors.INVALID_RATING({ fields: problems });
    const now = this.now();
    if (!replaces && !withinDeadline(new Date(matter.rate_by), now)) throw RatingErrors.DEADLINE_PASSED({ vars: { rateBy: matter.rate_by.slice(0, 10) } });
    if (replaces) await repo.supersede(tx, replaces.id, now.toISOString());
    const row = ratingRowOf(matter, channel, visitId, key, raterAccountId, input, replaces, now);
    const ratingId = await repo.insertRating(tx, row);
    if (ratingId === null) throw RatingErrors.ALREADY_RATED({ vars: { channel: CHANNEL_LABEL[channel].zh, channelEn: CHANNEL_LABEL[channel].en } });
    await recordAudit(tx, who, ratedAudit(ratingId, matter, channel, input, replaces));
    let rectificationId: number | null = null;
    // a bad first rating starts the loop; a re-rating after the loop is final (it replaces the old level in statistics)
    if (isBad(input.level) && !replaces) {
      rectificationId = await repo.insertRectification(tx, {
        ratingId,
        matterId: matter.id,
        regionCode: matter.region_code,
        handlingOrgId: matter.handling_org_id,
        orgPath: matter.handling_org_path,
        named: raterAccountId !== null,
      });
      await this.workflows.transition(rectificationFlow, rectificationStore, rectificationId, 'assign', {
        who: { actor: SYSTEM_ACTOR, ip: who.ip, requestId: who.requestId },
        input: { callbackDays: this.settings.callbackWorkingDays, at: now.toISOString() },
        note: raterAccountId !== null ? '实名差评，100% 回访 (named bad rating: call-back required)' : '匿名差评 (anonymous bad rating)',
      });
    }
    const payload = recordedPayload(ratingId, matter, channel, input, replaces, rectificationId);
    await emit(tx, RATING_RECORDED, payload, { regionCode: matter.region_code });
    return {
      id: ratingId,
      matterId: matter.id,
      channel,
      level: input.level,
      levelLabel: LEVELS[input.level as 1 | 2 | 3 | 4 | 5],
      bad: isBad(input.level),
      rectificationId,
      ratedAt: now.toISOString(),
    };
  }

  /**
   * Bulk form of record() for first ratings that are not bad (historical
   * data, demo seeds: a bad rating starts the rectification workflow and goes
   * through record()). Each rating is validated and stored as record() would,
   * at its own `at`; on-site ones with the used visit the window opened. Same
   * rows, audit entries and rating.recorded events, written with multi-row
   * inserts in the caller's transaction. Returns the new rating ids in order
   * (null where the matter already had that rating).
   */
  async recordFirstRatings(
    tx: Tx,
    entries: readonly { who: AuditWho & { actor: Actor }; opener?: AuditWho & { actor: Actor }; matter: repo.MatterRow; channel: RatingChannel; input: RatingInput; at: Date }[],
  ): Promise<(number | null)[]> {
    for (const e of entries) {
      const problems = ratingProblems(e.channel, e.input);
      if (problems.length) throw RatingErrors.INVALID_RATING({ fields: problems });
      if (isBad(e.input.level)) throw new Error('ratings: a bad rating starts the rectification workflow; use record()');
      if (!withinDeadline(new Date(e.matter.rate_by), e.at)) throw RatingErrors.DEADLINE_PASSED({ vars: { rateBy: e.matter.rate_by.slice(0, 10) } });
    }
    const onsite = entries.filter((e) => e.channel === 'onsite');
    const visitIds = await repo.insertUsedVisits(
      tx,
      onsite.map((e) => ({
        matterId: e.matter.id,
        codeHash: sha256(crypto.randomBytes(12).toString('base64url')),
        openedBy: (e.opener ?? { actor: SYSTEM_ACTOR }).actor.id,
        expiresAt: new Date(e.at.getTime() + VISIT_CODE_MINUTES * 60_000).toISOString(),
        usedAt: e.at.toISOString(),
        regionCode: e.matter.region_code,
      })),
    );
    const visitOf = new Map(onsite.map((e, i) => [e, visitIds[i]]));
    const rows = entries.map((e) => {
      const visitId = visitOf.get(e) ?? null;
      return ratingRowOf(e.matter, e.channel, visitId, visitId === null ? 'online' : `visit:${visitId}`, e.channel === 'onsite' ? e.matter.applicant_account_id : e.who.actor.id, e.input, null, e.at);
    });
    const ids = await repo.insertRatings(tx, rows);
    const out: (number | null)[] = [];
    for (const [i, e] of entries.entries()) {
      const ratingId = ids.get(`${rows[i].matterId}|${rows[i].ratingKey}`) ?? null;
      out.push(ratingId);
      if (ratingId === null) continue;
      const visitId = visitOf.get(e);
      if (visitId !== undefined) {
        await recordAudit(tx, e.opener ?? { actor: SYSTEM_ACTOR }, {
          action: 'rating.visit_opened',
          entityType: 'rating_matter',
          entityId: e.matter.id,
          regionCode: e.matter.region_code,
          after: { visitId, expiresAt: new Date(e.at.getTime() + VISIT_CODE_MINUTES * 60_000).toISOString() },
        });
      }
      await recordAudit(tx, e.who, ratedAudit(ratingId, e.matter, e.channel, e.input, null));
      await emit(tx, RATING_RECORDED, recordedPayload(ratingId, e.matter, e.channel, e.input, null, null), { regionCode: e.matter.region_code });
    }
    return out;
  }

  /** The applicant's matters with their ratings (history kept), the loop's state and notices: 我的评价. */
  async mine(actor: Actor, opts: { limit: number; before?: number }) {
    if (actor.id <= 0) throw CommonErrors.UNAUTHENTICATED();
    const matters = await repo.mattersOf(executor(this.db), actor.id, opts.limit + 1, opts.before);
    const page = matters.slice(0, opts.limit);
    const all = await repo.ratingsOfMatters(executor(this.db), page.map((m) => m.id));
    const rects = await repo.rectificationsOfRatings(executor(this.db), all.map((r) => r.id));
    const now = this.now();
    const items = page.map((m) => {
      const rs = all.filter((r) => r.matter_id === m.id && (r.rater_account_id === actor.id || r.channel === 'onsite'));
      const online = rs.find((r) => r.rating_key === 'online' && r.superseded_at === null) ?? null;
      return {
        id: m.id,
        matterNo: m.matter_no,
        itemName: m.item_name,
        handlingOrgName: m.handling_org_name,
        intakeOrgName: m.intake_org_name,
        channel: m.channel,
        outcome: m.outcome,
        completedAt: m.completed_at,
        rateBy: m.rate_by,
        canRateOnline: online === null && withinDeadline(new Date(m.rate_by), now),
        ratings: rs.map((r) => {
          const x = rects.find((k) => k.rating_id === r.id);
          return {
            ...presentRating(r),
            rectification: x
              ? {
                  id: x.id,
                  state: x.state,
                  stateLabel: rectificationFlow.states[x.state as keyof typeof rectificationFlow.states]?.label ?? { zh: x.state, en: x.state },
                  version: x.version,
                  outcome: x.outcome,
                  outcomeNote: x.outcome_note,
                  fixBy: x.fix_by,
                  calledBackAt: x.called_back_at,
                  notifiedAt: x.notified_at,
                  canRerate: x.state === 'notified' && r.rater_account_id === actor.id && r.superseded_at === null,
                }
              : null,
          };
        }),
      };
    });
    return { items, nextBefore: matters.length > opts.limit ? page[page.length - 1].id : null, notices: (await repo.noticesOf(executor(this.db), actor.id)).map(presentNotice) };
  }

  /** The caller's ratable matter for one of their applications (or cases), with its current online rating. */
  async mySubject(actor: Actor, subjectType: SubjectType, subjectId: string) {
    const m = await repo.findMatterBySubject(executor(this.db), subjectType, subjectId);
    if (!m || m.applicant_account_id === null || m.applicant_account_id !== actor.id) throw RatingErrors.MATTER_NOT_FOUND();
    const online = await repo.currentRating(executor(this.db), m.id, 'online');
    const rect = online ? await repo.rectificationOfRating(executor(this.db), online.id) : undefined;
    return {
      id: m.id,
      itemName: m.item_name,
      handlingOrgName: m.handling_org_name,
      completedAt: m.completed_at,
      rateBy: m.rate_by,
      canRateOnline: !online && withinDeadline(new Date(m.rate_by), this.now()),
      rating: online ? presentRating(online) : null,
      rectification: rect ? { id: rect.id, state: rect.state, version: rect.version } : null,
    };
  }

  async markNoticesRead(actor: Actor, ids: number[]) {
    return { marked: await inTransaction(this.db, (tx) => repo.markNoticesRead(tx, actor.id, ids)) };
  }
}

function ratingRowOf(
  matter: repo.MatterRow,
  channel: RatingChannel,
  visitId: number | null,
  key: string,
  raterAccountId: number | null,
  input: RatingInput,
  replaces: repo.RatingRow | null,
  now: Date,
): repo.NewRating {
  return {
    matterId: matter.id,
    channel,
    visitId,
    ratingKey: key,
    level: input.level,
    dimensions: storedDimensions(channel, input.level, input.dimensions),
    comment: input.comment?.trim() || null,
    reasons: input.reasons ?? [],
    raterAccountId,
    replacesId: replaces?.id ?? null,
    handlingOrgId: matter.handling_org_id,
    intakeOrgId: matter.intake_org_id,
    regionCode: matter.region_code,
    ratedAt: now.toISOString(),
  };
}

function ratedAudit(ratingId: number, matter: repo.MatterRow, channel: RatingChannel, input: RatingInput, replaces: repo.RatingRow | null) {
  return {
    action: replaces ? 'rating.rerated' : 'rating.rated',
    entityType: 'rating',
    entityId: ratingId,
    regionCode: matter.region_code,
    before: replaces ? { ratingId: replaces.id, level: replaces.level } : undefined,
    after: { matterId: matter.id, channel, level: input.level, bad: isBad(input.level) },
  };
}

function recordedPayload(
  ratingId: number,
  matter: repo.MatterRow,
  channel: RatingChannel,
  input: RatingInput,
  replaces: repo.RatingRow | null,
  rectificationId: number | null,
): RatingRecordedPayload {
  return {
    ratingId,
    matterId: matter.id,
    subjectType: matter.subject_type,
    subjectId: matter.subject_id,
    channel,
    level: input.level,
    bad: isBad(input.level),
    handlingOrgId: matter.handling_org_id,
    replacesId: replaces?.id ?? null,
    rectificationId,
  };
}

export function presentRating(r: repo.RatingRow) {
  return {
    id: r.id,
    channel: r.channel,
    level: r.level,
    levelLabel: LEVELS[r.level as 1 | 2 | 3 | 4 | 5],
    bad: isBad(r.level),
    dimensions: r.dimensions,
    comment: r.comment,
    reasons: r.reasons,
    current: r.superseded_at === null,
    excluded: r.excluded,
    replacesId: r.replaces_id,
    ratedAt: r.rated_at,
  };
}

function presentNotice(n: Awaited<ReturnType<typeof repo.noticesOf>>[number]) {
  return { id: n.id, ratingId: n.rating_id, rectificationId: n.rectification_id, kind: n.kind, zh: n.zh, en: n.en, createdAt: n.created_at, read: n.read_at !== null };
}

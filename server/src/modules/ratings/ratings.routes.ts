import { z } from 'zod';
import type { Routes } from '../../platform/http/index.ts';
import { zRegionCode } from '../../platform/ids/index.ts';
import { isIsoDate } from '../../platform/clock/index.ts';
import type { AppContext } from '../../context.ts';
import { BAD_REASONS, CHANNEL_DIMENSIONS, DIMENSIONS, LEVELS } from './ratings.rules.ts';
import { RECTIFICATION_OUTCOMES, SUBJECT_TYPES } from './ratings.schema.ts';
import { RECTIFICATION_STATES, SUPERVISOR_ACTIONS, UNIT_ACTIONS, rectificationFlow } from './rectification.workflow.ts';
import { ratingModule } from './ratings.module.ts';
import type { Actor } from '../../platform/access/index.ts';

const Id = z.coerce.number().int().positive().max(2147483647);
const Limit = z.coerce.number().int().min(1).max(200).optional().meta({ description: 'Page size (default 50)' });
const Before = z.coerce.number().int().positive().max(2147483647).optional().meta({ description: 'nextBefore of the previous page' });
const Version = z.number().int().min(1).meta({ description: 'The version you read (optimistic locking)' });
const Note = z.string().trim().min(2).max(2000);
const Code = z.string().regex(/^[A-Za-z0-9_-]{16}$/, { message: '评价码格式错误（malformed rating code）' });

const RatingBody = z.object({
  level: z.number().int().min(1).max(5).meta({ description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' }),
  dimensions: z.record(z.string().max(40), z.number().int().min(1).max(5)).meta({ description: 'Scores 1–5: online efficiency, guideAccuracy, convenience, usability; on site efficiency, competence, attitude (overall = level)' }),
  comment: z.string().trim().max(500).nullable().optional(),
  reasons: z.array(z.string().max(40)).max(8).optional().meta({ description: `Bad ratings only: ${Object.keys(BAD_REASONS).join(', ')}` }),
});

const RatingOut = z.object({ id: z.number(), matterId: z.number(), channel: z.string(), level: z.number(), bad: z.boolean(), rectificationId: z.number().nullable(), ratedAt: z.string() });

/** Registers the rating endpoints: rating, on-site visits, the bad-rating loop, the rater's identity (audited) and the public statistics. */
export function registerRatingRoutes(routes: Routes, ctx: AppContext): void {
  const { ratings, rectifications, stats } = ratingModule(ctx);
  const who = (caller: { actor: Actor; ip: string; requestId: string }) => ({ actor: caller.actor, ip: caller.ip, requestId: caller.requestId });

  routes.define({
    method: 'GET',
    url: '/api/ratings/meta',
    tags: ['ratings'],
    summary: 'Rating levels, dimensions per channel and bad-rating reasons (for rating forms)',
    access: 'public',
    handler: async () => ({
      levels: Object.entries(LEVELS).map(([level, label]) => ({ level: Number(level), ...label, bad: Number(level) <= 2 })).reverse(),
      dimensions: DIMENSIONS,
      channels: CHANNEL_DIMENSIONS,
      reasons: Object.entries(BAD_REASONS).map(([code, label]) => ({ code, ...label })),
      states: Object.fromEntries(Object.entries(rectificationFlow.states).map(([k, v]) => [k, v.label])),
    }),
  });

  // ── the applicant ──

  routes.define({
    method: 'GET',
    url: '/api/ratings/mine',
    tags: ['ratings'],
    summary: 'My completed matters with their ratings (history kept), follow-ups and notices (我的评价)',
    access: 'rating:rate',
    query: z.object({ limit: Limit, before: Before }),
    handler: async ({ actor, query }) => ratings.mine(actor, { limit: query.limit ?? 50, before: query.before }),
  });

  routes.define({
    method: 'GET',
    url: '/api/ratings/subjects/:subjectType/:subjectId',
    tags: ['ratings'],
    summary: 'The ratable matter of one of my applications (404 until its completion has been processed)',
    access: 'rating:rate',
    params: z.object({ subjectType: z.enum(SUBJECT_TYPES), subjectId: z.string().regex(/^\d{1,12}$/) }),
    handler: async ({ actor, params }) => ratings.mySubject(actor, params.subjectType, params.subjectId),
  });

  routes.define({
    method: 'POST',
    url: '/api/ratings/matters/:id/online',
    tags: ['ratings'],
    summary: 'Rate my completed matter online (one rating per matter; a bad rating starts the call-back loop)',
    access: 'rating:rate',
    status: 201,
    params: z.object({ id: Id }),
    body: RatingBody,
    response: RatingOut,
    handler: async ({ caller, params, body }) => ratings.rateOnline(who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/ratings/:id/rerate',
    tags: ['ratings'],
    summary: 'Re-rate after being told the outcome (the new level replaces the old one in statistics; history kept)',
    access: 'rating:rate',
    params: z.object({ id: Id }),
    body: RatingBody.extend({ version: Version.meta({ description: 'Version of the follow-up (rectification.version)' }) }),
    handler: async ({ caller, params, body }) => rectifications.raterAct(who(caller), params.id, 'rerate', body),
  });

  routes.define({
    method: 'POST',
    url: '/api/ratings/:id/accept',
    tags: ['ratings'],
    summary: 'Accept the outcome of the follow-up without re-rating',
    access: 'rating:rate',
    params: z.object({ id: Id }),
    body: z.object({ version: Version }),
    handler: async ({ caller, params, body }) => rectifications.raterAct(who(caller), params.id, 'accept', body),
  });

  routes.define({
    method: 'POST',
    url: '/api/ratings/notices/read',
    tags: ['ratings'],
    summary: 'Mark my rating notices read',
    access: 'rating:rate',
    body: z.object({ ids: z.array(z.number().int().positive()).min(1).max(200) }),
    handler: async ({ actor, body }) => ratings.markNoticesRead(actor, body.ids),
  });

  // ── on site ──

  routes.define({
    method: 'POST',
    url: '/api/ratings/matters/:id/visits',
    tags: ['ratings'],
    summary: 'Window clerk: open an on-site rating for this visit; the applicant rates on the tablet with the code (valid 15 minutes)',
    access: 'application:intake',
    status: 201,
    params: z.object({ id: Id }),
    handler: async ({ caller, params }) => ratings.openVisit(who(caller), params.id),
  });

  routes.define({
    method: 'POST',
    url: '/api/ratings/subjects/:subjectType/:subjectId/visits',
    tags: ['ratings'],
    summary: 'Window clerk: open an on-site rating for a completed application (by its id) at this visit',
    access: 'application:intake',
    status: 201,
    params: z.object({ subjectType: z.enum(SUBJECT_TYPES), subjectId: z.string().regex(/^\d{1,12}$/) }),
    handler: async ({ caller, params }) => ratings.openVisitForSubject(who(caller), params.subjectType, params.subjectId),
  });

  routes.define({
    method: 'GET',
    url: '/api/ratings/visits/:code',
    tags: ['ratings'],
    summary: 'The tablet: what is being rated (no personal data)',
    access: 'public',
    params: z.object({ code: Code }),
    handler: async ({ params }) => ratings.visitInfo(params.code),
  });

  routes.define({
    method: 'POST',
    url: '/api/ratings/visits/:code',
    tags: ['ratings'],
    summary: 'The tablet: the applicant’s on-site rating (one per visit)',
    access: 'public',
    status: 201,
    params: z.object({ code: Code }),
    body: RatingBody,
    response: RatingOut,
    handler: async ({ caller, params, body }) => ratings.rateOnsite(who(caller), params.code, body),
  });

  // ── the rated unit and the supervisor ──

  routes.define({
    method: 'GET',
    url: '/api/ratings/rectifications',
    tags: ['ratings'],
    summary: 'Bad ratings of my units (差评整改), raters shown by pseudonym only',
    access: 'rating:handle',
    query: z.object({
      state: z.enum(RECTIFICATION_STATES).optional(),
      open: z.enum(['true', 'false']).optional().meta({ description: 'true: only those still under way' }),
      limit: Limit,
      before: Before,
    }),
    handler: async ({ actor, query }) =>
      rectifications.list(actor, { states: query.state ? [query.state] : undefined, open: query.open === 'true', limit: query.limit ?? 50, before: query.before }),
  });

  routes.define({
    method: 'GET',
    url: '/api/ratings/rectifications/:id',
    tags: ['ratings'],
    summary: 'One bad rating with its call-back, outcome, appeal and history',
    access: 'rating:handle',
    params: z.object({ id: Id }),
    handler: async ({ actor, params }) => rectifications.get(actor, params.id),
  });

  routes.define({
    method: 'POST',
    url: '/api/ratings/rectifications/:id/actions/:action',
    tags: ['ratings'],
    summary: 'Unit: callBack (note), resolve (outcome fix_now | log_fix with fixBy | explain, note), completeFix (note), appeal (reason, before the call-back). Supervisor: uphold | rejectAppeal (note)',
    access: 'rating:handle',
    params: z.object({ id: Id, action: z.enum([...UNIT_ACTIONS, ...SUPERVISOR_ACTIONS] as [string, ...string[]]) }),
    body: z.object({
      version: Version,
      note: Note.optional(),
      outcome: z.enum(RECTIFICATION_OUTCOMES).optional(),
      fixBy: z.string().refine(isIsoDate, { message: '应为有效日期 YYYY-MM-DD（must be a valid date YYYY-MM-DD）' }).optional(),
      reason: Note.optional(),
    }),
    handler: async ({ caller, params, body }) => rectifications.act(who(caller), params.id, params.action as never, body),
  });

  routes.define({
    method: 'GET',
    url: '/api/ratings/rectifications/:id/rater',
    tags: ['ratings'],
    summary: 'Supervisor: the rater’s identity (name, account, id number, phone); every read is audited',
    access: 'rating:supervise',
    params: z.object({ id: Id }),
    handler: async ({ caller, params }) => rectifications.raterIdentity(who(caller), params.id),
  });

  // ── published statistics ──

  routes.define({
    method: 'GET',
    url: '/api/ratings/stats',
    tags: ['ratings'],
    summary: 'Published figures per unit or window: ratings, rating rate, bad ratings, call-back and fix rates, satisfaction ranking',
    access: 'public',
    query: z.object({
      regionCode: zRegionCode.optional(),
      period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '应为 YYYY-MM（month YYYY-MM）' }).optional(),
      by: z.enum(['unit', 'window']).default('unit'),
    }),
    handler: async ({ query }) => stats.stats(query),
  });
}

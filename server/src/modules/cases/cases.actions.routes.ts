/** Queues, case detail, workflow actions, photos and indicators of the case loop. */
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { canAct } from '../../platform/access/index.ts';
import type { Caller, Routes } from '../../platform/http/index.ts';
import { attachmentDisposition } from '../../platform/files/index.ts';
import { canonicalRegionCode } from '../org/index.ts';
import { caseServiceOf } from './cases.context.ts';
import { CaseErrors } from './cases.errors.ts';
import { caseIndicators } from './cases.indicators.ts';
import { executor } from '../../platform/db/index.ts';
import { CASE_KINDS, CASE_SOURCES } from './cases.schema.ts';
import { CASE_ACTIONS, CASE_STATES } from './cases.workflow.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const ListQuery = z.object({
  state: z.enum(CASE_STATES).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  source: z.enum(CASE_SOURCES).optional(),
  categoryCode: z.string().max(40).optional(),
  gridId: z.string().max(64).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  offset: z.coerce.number().int().min(0).max(100000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
const ActionBody = z.object({
  version: z.number().int().positive(),
  note: z.string().trim().max(2000).optional(),
  reason: z.string().trim().min(1).max(2000).optional(),
  orgId: z.number().int().positive().optional(),
  amount: z.number().positive().max(240).optional(),
  result: z.string().trim().min(1).max(4000).optional(),
  passed: z.boolean().optional(),
  approved: z.boolean().optional(),
  satisfaction: z.enum(['satisfied', 'unsatisfied']).optional(),
  confirmed: z.boolean().optional(),
  score: z.number().int().min(0).max(100).optional(),
  masterId: z.number().int().positive().optional(),
  photoFileIds: z.array(z.string().max(64)).max(9).optional(),
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  at: z.string().max(40).optional(),
});
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, { message: '应为日期 YYYY-MM-DD 或 ISO 时间' });

const who = (caller: Caller) => ({ actor: caller.actor, ip: caller.ip, requestId: caller.requestId });

export function registerCaseActionRoutes(routes: Routes, ctx: AppContext): void {
  const cases = caseServiceOf(ctx);

  routes.define({
    method: 'GET',
    url: '/api/cases',
    tags: ['cases'],
    summary: 'Cases in my scope / 案件列表',
    access: 'authenticated',
    query: ListQuery,
    handler: async ({ query, actor }) => cases.queues.list(actor, query),
  });
  routes.define({
    method: 'GET',
    url: '/api/cases/queue',
    tags: ['cases'],
    summary: "Command centre's queue / 指挥中心待办（待立案、待派遣、退单、待仲裁）",
    access: 'case:dispatch',
    query: ListQuery,
    handler: async ({ query, actor }) => cases.queues.dispatchQueue(actor, query),
  });
  routes.define({
    method: 'GET',
    url: '/api/cases/mine',
    tags: ['cases'],
    summary: 'My unit’s cases by urgency (overdue first, due soonest) / 本单位待办',
    access: 'case:handle',
    query: ListQuery,
    handler: async ({ query, actor }) => cases.queues.myCases(actor, query),
  });
  routes.define({
    method: 'GET',
    url: '/api/cases/grid',
    tags: ['cases'],
    summary: "My grid's cases / 网格案件（mine=true：我上报的）",
    access: 'case:report',
    query: ListQuery.extend({ mine: z.enum(['true', 'false']).optional() }),
    handler: async ({ query, actor }) => cases.queues.gridCases(actor, { ...query, mine: query.mine === 'true' }),
  });
  routes.define({
    method: 'GET',
    url: '/api/cases/overdue',
    tags: ['cases'],
    summary: 'Overdue cases / 超期案件',
    access: 'case:supervise',
    query: ListQuery,
    handler: async ({ query, actor }) => cases.queues.overdue(actor, query),
  });
  routes.define({
    method: 'GET',
    url: '/api/cases/my-reports',
    tags: ['cases'],
    summary: 'My reports and complaints / 我的诉求',
    access: 'authenticated',
    query: ListQuery,
    handler: async ({ query, actor }) => cases.queues.myReports(actor, query),
  });
  routes.define({
    method: 'GET',
    url: '/api/cases/callers',
    tags: ['cases'],
    summary: "12345: a caller's earlier requests by phone / 来电人历史诉求",
    access: 'case:dispatch',
    query: z.object({ phone: z.string().trim().min(5).max(20) }),
    handler: async ({ query, caller }) => cases.queues.callerHistory(who(caller), query.phone),
  });
  routes.define({
    method: 'GET',
    url: '/api/cases/indicators',
    tags: ['cases'],
    summary: 'Case indicators for a region and period / 案件指标（结案率、按期结案率、返工率、延期率、综合评分）',
    access: 'case:supervise',
    query: z.object({ regionCode: z.string().regex(/^\d{6}(\d{3})?$/, { message: '应为 6 或 9 位区划代码' }), from: day, to: day }),
    handler: async ({ query, actor }) => {
      const regionCode = canonicalRegionCode(query.regionCode) ?? query.regionCode;
      if (!canAct(actor, 'case:supervise', { regionCode })) throw CaseErrors.NOT_FOUND();
      return caseIndicators(executor(ctx.db), { regionCode, from: query.from, to: query.to });
    },
  });
  routes.define({
    method: 'GET',
    url: '/api/cases/:id',
    tags: ['cases'],
    summary: 'A case with its trace, photos, routing and my actions / 案件详情与全流程轨迹',
    access: 'authenticated',
    params: IdParams,
    handler: async ({ params, actor }) => cases.get(actor, params.id),
  });
  routes.define({
    method: 'GET',
    url: '/api/cases/:id/duplicates',
    tags: ['cases'],
    summary: 'Likely duplicates (same sub-class, nearby, recent) / 疑似重复案件',
    access: 'authenticated',
    params: IdParams,
    handler: async ({ params, actor }) => cases.duplicates(actor, params.id),
  });
  routes.define({
    method: 'POST',
    url: '/api/cases/:id/actions/:action',
    tags: ['cases'],
    summary: 'Take a workflow action / 案件操作（立案、派遣、签收、退单、反馈、核查、回访、延期、督办、合并…）',
    description: 'Send the version you read; a stale version is 409. `lng`/`lat` record where you are; `at` back-dates the step (never the future).',
    access: 'authenticated',
    params: z.object({ id: z.coerce.number().int().positive(), action: z.enum(CASE_ACTIONS) }),
    body: ActionBody,
    handler: async ({ params, body, caller }) => cases.act(who(caller), params.id, params.action, body),
  });
  routes.define({
    method: 'POST',
    url: '/api/cases/:id/reveal-phone',
    tags: ['cases'],
    summary: "The requester's full phone number for a call-back (audited) / 查看完整联系电话（留痕）",
    access: 'case:dispatch',
    params: IdParams,
    handler: async ({ params, caller }) => cases.queues.revealPhone(who(caller), params.id),
  });
  routes.define({
    method: 'GET',
    url: '/api/cases/:id/photos/:fileId',
    tags: ['cases'],
    summary: 'A photo of the case / 案件照片',
    access: 'authenticated',
    params: z.object({ id: z.coerce.number().int().positive(), fileId: z.uuid() }),
    handler: async ({ params, actor, reply }) => {
      const c = await cases.get(actor, params.id);
      const photos = 'photos' in c ? c.photos : [];
      if (!photos.some((p) => p.fileId === params.fileId)) throw CaseErrors.NOT_FOUND();
      const { meta, data } = await ctx.files.read(params.fileId);
      return reply.header('content-type', meta.mediaType).header('content-disposition', attachmentDisposition(meta.name, true)).header('x-content-type-options', 'nosniff').send(data);
    },
  });
}

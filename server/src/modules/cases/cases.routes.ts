/**
 * Intake and category routes of the case loop. Every channel ends in
 * CaseService.intake; the routes only say who the reporter is.
 */
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Caller, Routes } from '../../platform/http/index.ts';
import { readUpload } from '../../platform/files/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { caseCategoryServiceOf, caseServiceOf } from './cases.context.ts';
import { CaseErrors } from './cases.errors.ts';
import type { CaseIntakeInput } from './cases.intake.ts';
import { presentForRequester } from './cases.present.ts';
import { CATEGORY_KINDS, HOTLINE_KINDS, LIMIT_UNITS, URGENCIES } from './cases.schema.ts';
import { registerCaseActionRoutes } from './cases.actions.routes.ts';

const Place = {
  lng: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
  address: z.string().trim().max(300).optional(),
  townRegionCode: z.string().regex(/^\d{9}$/, { message: '应为 9 位镇（街道）区划代码' }).optional(),
  regionCode: z.string().regex(/^\d{6}$/, { message: '应为 6 位县级区划代码' }).optional(),
};
const Base = z.object({
  categoryCode: z.string().trim().min(1).max(40),
  description: z.string().trim().min(1).max(4000),
  title: z.string().trim().max(200).optional(),
  urgency: z.enum(URGENCIES).optional(),
  photoFileIds: z.array(z.string().max(64)).max(9).optional(),
  at: z.string().max(40).optional(),
  ...Place,
});
const Contact = z.object({ name: z.string().trim().max(50).optional(), phone: z.string().trim().regex(/^[\d+\-\s]{5,20}$/, { message: '电话号码格式不正确' }).optional() });

const GridReport = Base;
const PublicReport = Base.omit({ at: true }).extend({ contact: Contact.optional() });
const HotlineReport = Base.extend({
  hotlineKind: z.enum(HOTLINE_KINDS),
  caller: z.object({ name: z.string().trim().max(50).optional(), phone: z.string().trim().regex(/^[\d+\-\s]{5,20}$/, { message: '电话号码格式不正确' }) }),
});
const EnterpriseReport = Base.extend({ categoryCode: z.string().trim().min(1).max(40).default('C01'), contact: Contact.optional(), uscc: z.string().trim().max(18).optional() });
const MachineReport = Base.extend({ externalRef: z.string().trim().min(1).max(100).optional(), source: z.enum(['sensor', 'open311']).default('sensor') });

const CategoryBody = z.object({
  kind: z.enum(CATEGORY_KINDS),
  className: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(100),
  filingConditions: z.string().trim().min(1).max(2000),
  closingConditions: z.string().trim().min(1).max(2000),
  limitAmount: z.number().positive(),
  limitUnit: z.enum(LIMIT_UNITS),
  defaultUrgency: z.enum(URGENCIES).default('normal'),
  dutyMatterCode: z.string().trim().max(100).nullable().default(null),
  hotlineKind: z.enum(HOTLINE_KINDS).nullable().default(null),
  callScript: z.string().trim().max(4000).nullable().default(null),
  sort: z.number().int().min(0).max(100000).default(0),
  active: z.boolean().default(true),
});
const IdParams = z.object({ id: z.coerce.number().int().positive() });

const who = (caller: Caller) => ({ actor: caller.actor, ip: caller.ip, requestId: caller.requestId });
const intakeOf = (b: z.infer<typeof Base>): Omit<CaseIntakeInput, 'source'> => ({
  categoryCode: b.categoryCode,
  description: b.description,
  title: b.title,
  urgency: b.urgency,
  lng: b.lng,
  lat: b.lat,
  address: b.address,
  townRegionCode: b.townRegionCode,
  regionCode: b.regionCode,
  photoFileIds: b.photoFileIds,
  at: b.at,
});

/** In-memory per-IP window for anonymous public reports (the database is not the place for spam counters). */
class ReportThrottle {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}
  hit(key: string, now = Date.now()): number {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length >= this.max) return Math.ceil((this.windowMs - (now - list[0])) / 1000);
    list.push(now);
    this.hits.set(key, list);
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.every((t) => now - t >= this.windowMs)) this.hits.delete(k);
    return 0;
  }
}

/** Public reports, and photos for them, per client address per hour. */
export const PUBLIC_REPORTS_PER_HOUR = 10;
export const PUBLIC_PHOTOS_PER_HOUR = 30;

export function registerCaseRoutes(routes: Routes, ctx: AppContext): void {
  const cases = caseServiceOf(ctx);
  const categories = caseCategoryServiceOf(ctx);
  const throttles = { report: new ReportThrottle(PUBLIC_REPORTS_PER_HOUR, 3_600_000), photo: new ReportThrottle(PUBLIC_PHOTOS_PER_HOUR, 3_600_000) };
  const limited = (caller: Caller, what: 'report' | 'photo' = 'report') => {
    const wait = throttles[what].hit(caller.ip);
    if (wait > 0) throw CaseErrors.RATE_LIMITED({ vars: { seconds: wait } });
  };
  const created = async (id: number, caller: Caller, extra: Record<string, unknown>) => ({ ...(await cases.get(caller.actor, id)), ...extra });

  // ── categories ──────────────────────────────────────────────────────────
  routes.define({
    method: 'GET',
    url: '/api/cases/categories',
    tags: ['cases'],
    summary: 'Case categories / 案件分类（部件、事件、热线诉求、营商环境投诉）',
    access: 'public',
    query: z.object({ kind: z.enum(CATEGORY_KINDS).optional(), includeInactive: z.enum(['true', 'false']).optional() }),
    handler: async ({ query }) => ({ items: await categories.list({ kind: query.kind, includeInactive: query.includeInactive === 'true' }) }),
  });
  routes.define({
    method: 'GET',
    url: '/api/cases/categories/:id',
    tags: ['cases'],
    summary: 'One case category / 案件分类详情',
    access: 'public',
    params: IdParams,
    handler: async ({ params }) => categories.get(params.id),
  });
  routes.define({
    method: 'POST',
    url: '/api/cases/categories',
    tags: ['cases'],
    summary: 'Create a case category / 新增案件分类',
    access: 'case:supervise',
    status: 201,
    body: CategoryBody.extend({ code: z.string().trim().regex(/^[A-Za-z0-9._-]{1,40}$/, { message: '编码只能包含字母、数字和 . _ -' }) }),
    handler: async ({ body, caller }) => {
      const { code, ...v } = body;
      return categories.create(who(caller), code, v);
    },
  });
  routes.define({
    method: 'PUT',
    url: '/api/cases/categories/:id',
    tags: ['cases'],
    summary: 'Edit a case category (version) / 修改案件分类',
    access: 'case:supervise',
    params: IdParams,
    body: CategoryBody.extend({ version: z.number().int().positive() }),
    handler: async ({ params, body, caller }) => {
      const { version, ...v } = body;
      return categories.update(who(caller), params.id, version, v);
    },
  });

  // ── intake ──────────────────────────────────────────────────────────────
  routes.define({
    method: 'POST',
    url: '/api/cases/reports/grid',
    tags: ['cases'],
    summary: 'Grid worker report / 网格员上报（分类、描述、照片、位置）',
    access: 'case:report',
    status: 201,
    body: GridReport,
    handler: async ({ body, caller }) => {
      const r = await cases.intake({ ...intakeOf(body), source: 'grid_patrol' }, who(caller));
      return created(r.id, caller, { possibleDuplicates: r.possibleDuplicates });
    },
  });
  routes.define({
    method: 'POST',
    url: '/api/cases/reports/public',
    tags: ['cases'],
    summary: 'Public report, anonymous or signed in / 群众随手拍（可匿名）',
    description: `Rate-limited to ${PUBLIC_REPORTS_PER_HOUR} reports per hour per address. The answer holds the case number and state only.`,
    access: 'public',
    status: 201,
    body: PublicReport,
    handler: async ({ body, caller }) => {
      limited(caller);
      const r = await cases.intake({ ...intakeOf(body), source: 'public', requester: body.contact ?? null }, who(caller));
      const c = await cases.findByNo(r.caseNo);
      const view = presentForRequester(c!);
      return caller.actor.id > 0 ? { id: r.id, ...view } : { caseNo: view.caseNo, state: view.state, stateLabel: view.stateLabel, category: view.category, reportedAt: view.reportedAt };
    },
  });
  routes.define({
    method: 'POST',
    url: '/api/cases/reports/public/photos',
    tags: ['cases'],
    summary: 'Photo for a public report / 随手拍上传照片',
    description: `multipart/form-data, the image in \`file\` (JPEG, PNG, WebP). At most ${PUBLIC_PHOTOS_PER_HOUR} per hour per address. Returns the file id for \`photoFileIds\`.`,
    access: 'public',
    status: 201,
    idempotent: false,
    csrf: false,
    handler: async ({ req, caller }) => {
      limited(caller, 'photo');
      const up = await readUpload(req, { maxBytes: Math.min(ctx.files.maxBytes, 10 * 1024 * 1024) });
      const f = await ctx.files.store({ data: up.data, name: up.name, kinds: ['image'], who: who(caller) });
      return { id: f.id, mediaType: f.mediaType, size: f.size };
    },
  });
  routes.define({
    method: 'POST',
    url: '/api/cases/reports/hotline',
    tags: ['cases'],
    summary: '12345 operator intake / 12345 热线受理（咨询、求助、投诉、举报、建议）',
    access: 'case:dispatch',
    status: 201,
    body: HotlineReport,
    handler: async ({ body, caller }) => {
      const r = await cases.intake({ ...intakeOf(body), source: 'hotline', hotlineKind: body.hotlineKind, requester: body.caller }, who(caller));
      return created(r.id, caller, { possibleDuplicates: r.possibleDuplicates });
    },
  });
  routes.define({
    method: 'POST',
    url: '/api/cases/reports/assigned',
    tags: ['cases'],
    summary: 'Case assigned from a superior centre / 上级交办',
    access: 'case:dispatch',
    status: 201,
    body: Base.extend({ externalRef: z.string().trim().min(1).max(100).optional() }),
    handler: async ({ body, caller }) => {
      const r = await cases.intake({ ...intakeOf(body), source: 'assigned_from_above', externalRef: body.externalRef ?? null }, who(caller));
      return created(r.id, caller, { possibleDuplicates: r.possibleDuplicates });
    },
  });
  routes.define({
    method: 'POST',
    url: '/api/cases/reports/enterprise',
    tags: ['cases'],
    summary: 'Business-environment complaint by an enterprise / 企业营商环境投诉',
    access: 'authenticated',
    status: 201,
    body: EnterpriseReport,
    handler: async ({ body, caller }) => {
      if (caller.actor.kind !== 'legal') throw CommonErrors.FORBIDDEN();
      const r = await cases.intake({ ...intakeOf(body), source: 'enterprise', requester: { ...(body.contact ?? {}), uscc: body.uscc ?? null } }, who(caller));
      return cases.get(caller.actor, r.id);
    },
  });
  routes.define({
    method: 'POST',
    url: '/api/cases/reports/machine',
    tags: ['cases'],
    summary: 'Machine intake (sensors, other systems) with an API token / 物联感知、外部系统接入',
    description: 'Authorization: Bearer tbk_… of an account holding case:report. A repeated externalRef returns the first case (200 instead of 201).',
    access: 'case:report',
    status: 201,
    body: MachineReport,
    handler: async ({ body, caller, reply }) => {
      if (caller.actor.via !== 'token') throw CommonErrors.FORBIDDEN();
      const r = await cases.intake({ ...intakeOf(body), source: body.source, externalRef: body.externalRef ?? null }, who(caller));
      const out = { id: r.id, caseNo: r.caseNo, created: r.created, possibleDuplicates: r.possibleDuplicates };
      return r.created ? out : reply.code(200).send(out);
    },
  });

  registerCaseActionRoutes(routes, ctx);
}

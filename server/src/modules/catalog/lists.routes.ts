import { z } from 'zod';
import type { Routes } from '../../platform/http/index.ts';
import { zRegionCode } from '../../platform/ids/index.ts';
import { isIsoDate } from '../../platform/clock/index.ts';
import type { AppContext } from '../../context.ts';
import { DutyService } from './lists.duties.service.ts';
import { DEVOLUTION_STATUSES, DUTY_STATUSES, DUTY_UNIT_KINDS, EVALUATION_RESULTS, PROOF_REPLACEMENTS, PROOF_STATUSES } from './lists.schema.ts';
import { ListService } from './lists.service.ts';

const Id = z.coerce.number().int().positive().max(2147483647);
const BodyId = z.number().int().positive().max(2147483647);
const Limit = z.coerce.number().int().min(1).max(500).optional().meta({ description: 'Page size (default 50, at most 500)' });
const Cursor = z.string().max(500).optional().meta({ description: 'Opaque cursor from the previous page’s nextCursor' });
const Version = z.number().int().min(1).meta({ description: 'The version you read (optimistic locking)' });
const Text = (min: number, max: number) => z.string().trim().min(min).max(max);
const IsoDate = z.string().refine(isIsoDate, { message: '应为有效日期 YYYY-MM-DD（must be a valid date YYYY-MM-DD）' });
const MatterCode = z
  .string()
  .trim()
  .max(64)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+){0,4}$/, { message: '应为小写点分编码，如 event.garbage（dotted lower-case code）' })
  .meta({ description: 'Matter / case category code, e.g. event.garbage' });
const ProofCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: '只能包含字母、数字和 . _ -（letters, digits, . _ -）' });

// ── response shapes (OpenAPI) ──

const DevolutionSchema = z.object({
  id: z.number(),
  itemId: z.number(),
  itemName: z.string(),
  implCode: z.string(),
  itemType: z.string(),
  category: z.enum(['approval_service', 'penalty_other']),
  fromOrgName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  field: z.string(),
  legalBasis: z.string(),
  decisionNo: z.string(),
  decidedBy: z.string().nullable(),
  effectiveDate: z.string(),
  status: z.enum(DEVOLUTION_STATUSES),
  note: z.string().nullable(),
  lastEvaluatedOn: z.string().nullable(),
  lastResult: z.enum(EVALUATION_RESULTS).nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
const DevolutionDetail = DevolutionSchema.extend({
  evaluations: z.array(z.object({ id: z.number(), evaluatedOn: z.string(), result: z.enum(EVALUATION_RESULTS), note: z.string().nullable(), evaluatedBy: z.number().nullable() })),
});
const Counts = z.object({
  total: z.number(),
  byCategory: z.object({ approval_service: z.number(), penalty_other: z.number() }),
  byTown: z.array(z.object({ regionCode: z.string(), regionName: z.string().nullable(), total: z.number(), approvalService: z.number(), penaltyOther: z.number() })),
  byField: z.array(z.object({ field: z.string(), count: z.number() })),
});
const DutyTextOut = z.object({ id: z.number(), text: z.string(), basis: z.string() });
const UnitOut = z.object({ unitKind: z.enum(DUTY_UNIT_KINDS), orgId: z.number().nullable(), unitName: z.string(), duties: z.array(DutyTextOut) });
const DutyEntrySchema = z.object({
  id: z.number(),
  matterCode: z.string(),
  name: z.string(),
  field: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  scope: z.enum(['county', 'town']),
  leadKind: z.enum(DUTY_UNIT_KINDS),
  devolutionId: z.number().nullable(),
  description: z.string().nullable(),
  status: z.enum(DUTY_STATUSES),
  version: z.number(),
  updatedAt: z.string(),
  lead: UnitOut.nullable(),
  supporting: z.array(UnitOut),
});
const RouteUnitSchema = z.object({ orgId: z.number(), name: z.string(), kind: z.enum(DUTY_UNIT_KINDS), duties: z.array(DutyTextOut) });
const RouteSchema = z.object({
  lead: RouteUnitSchema,
  supporting: z.array(RouteUnitSchema),
  reason: z.object({
    zh: z.string(),
    en: z.string(),
    dutyId: z.number(),
    basis: z.string(),
    matterId: z.number(),
    matterName: z.string(),
    entryRegionCode: z.string(),
    devolutionId: z.number().nullable(),
    keptWithDepartment: z.boolean(),
  }),
});
const ProofSchema = z.object({
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  basis: z.string(),
  requestingUnit: z.string(),
  issuingUnit: z.string(),
  guide: z.string(),
  replacement: z.enum(PROOF_REPLACEMENTS),
  status: z.enum(PROOF_STATUSES),
  note: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});

// ── request bodies ──

const DevolutionFields = {
  orgId: BodyId.nullable().optional().meta({ description: 'Receiving organisation (town government, street office or zone committee)' }),
  field: Text(2, 50).meta({ description: '领域, e.g. 市场监管' }),
  legalBasis: Text(2, 2000),
  decisionNo: Text(2, 100).meta({ description: '赋权决定文号' }),
  decidedBy: Text(2, 100).nullable().optional().meta({ description: 'Deciding authority, e.g. 江苏省人民政府' }),
  effectiveDate: IsoDate,
  note: Text(1, 2000).nullable().optional(),
};
const DutyTextIn = z.object({ text: Text(2, 2000), basis: Text(2, 2000).meta({ description: 'Legal basis: every duty has one' }) });
const UnitIn = z.object({
  unitKind: z.enum(DUTY_UNIT_KINDS),
  orgId: BodyId.nullable().default(null).meta({ description: 'Department: required. Town: omit for "the town where the matter is"' }),
  unitName: Text(2, 100),
  duties: z.array(DutyTextIn).min(1).max(20),
});
const DutyFields = {
  name: Text(2, 100),
  field: Text(2, 50),
  description: Text(1, 2000).nullable().optional(),
  devolutionId: BodyId.nullable().default(null),
  lead: UnitIn,
  supporting: z.array(UnitIn).max(20).default([]),
};
const ProofFields = {
  name: Text(2, 200),
  regionCode: zRegionCode.meta({ description: 'Publishing region; the list applies there and below' }),
  basis: Text(2, 2000),
  requestingUnit: Text(2, 200),
  issuingUnit: Text(2, 200),
  guide: Text(2, 4000).meta({ description: 'How to obtain it' }),
  replacement: z.enum(PROOF_REPLACEMENTS).default('none'),
  note: Text(1, 2000).nullable().optional(),
};

/** Registers the devolution, territorial-duty and proof-requirement list endpoints. */
export function registerListRoutes(routes: Routes, ctx: Pick<AppContext, 'db'>): void {
  const lists = new ListService(ctx.db);
  const duties = new DutyService(ctx.db);

  // ── devolutions ──

  routes.define({
    method: 'GET',
    url: '/api/catalog/devolutions',
    tags: ['catalog'],
    summary: 'Powers devolved to towns and development zones (赋权清单), with counts by town, category and field',
    access: 'public',
    query: z.object({
      regionCode: zRegionCode.optional().meta({ description: 'Receiving towns in this region (a county) or this town' }),
      orgId: Id.optional(),
      field: Text(1, 50).optional(),
      itemId: Id.optional(),
      status: z.enum(DEVOLUTION_STATUSES).optional().meta({ description: 'Default active' }),
      cursor: Cursor,
      limit: Limit,
    }),
    response: z.object({ items: z.array(DevolutionSchema), nextCursor: z.string().nullable(), counts: Counts }),
    handler: async ({ query }) => lists.listDevolutions(query),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/devolutions/:id',
    tags: ['catalog'],
    summary: 'One devolution with its evaluations',
    access: 'public',
    params: z.object({ id: Id }),
    response: DevolutionDetail,
    handler: async ({ params }) => lists.getDevolution(params.id),
  });

  routes.define({
    method: 'POST',
    url: '/api/catalog/devolutions',
    tags: ['catalog'],
    summary: 'Record a devolution decision: item, receiving town or zone, field, basis, decision number, effective date',
    access: 'catalog:edit',
    status: 201,
    body: z.object({ itemId: BodyId, regionCode: zRegionCode, ...DevolutionFields, status: z.enum(DEVOLUTION_STATUSES).optional() }),
    response: DevolutionDetail,
    handler: async ({ actor, caller, body }) => lists.createDevolution(actor, caller, body),
  });

  routes.define({
    method: 'PUT',
    url: '/api/catalog/devolutions/:id',
    tags: ['catalog'],
    summary: 'Edit a devolution (status: active, suspended, withdrawn); optimistic: send the version you read',
    access: 'catalog:edit',
    params: z.object({ id: Id }),
    body: z.object({ version: Version, ...DevolutionFields, status: z.enum(DEVOLUTION_STATUSES) }),
    response: DevolutionDetail,
    handler: async ({ actor, caller, params, body }) => lists.updateDevolution(actor, caller, params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/catalog/devolutions/:id/evaluations',
    tags: ['catalog'],
    summary: 'Record a periodic evaluation of a devolution (承接良好 good / 基本承接 fair / 承接困难 poor)',
    access: 'catalog:review',
    status: 201,
    params: z.object({ id: Id }),
    body: z.object({ version: Version, evaluatedOn: IsoDate, result: z.enum(EVALUATION_RESULTS), note: Text(1, 2000).nullable().optional() }),
    response: DevolutionDetail,
    handler: async ({ actor, caller, params, body }) => lists.evaluateDevolution(actor, caller, params.id, body),
  });

  // ── territorial duties ──

  routes.define({
    method: 'GET',
    url: '/api/catalog/duties',
    tags: ['catalog'],
    summary: 'Territorial-management list (属地管理事项): lead and supporting units, each duty with its legal basis',
    description: 'With regionCode: the entries in force there (its own and its enclosing regions’) and those of the regions below it.',
    access: 'public',
    query: z.object({
      matterCode: MatterCode.optional(),
      regionCode: zRegionCode.optional(),
      field: Text(1, 50).optional(),
      q: Text(1, 100).optional(),
      status: z.enum(DUTY_STATUSES).optional().meta({ description: 'Default active' }),
      cursor: Cursor,
      limit: Limit,
    }),
    response: z.object({ items: z.array(DutyEntrySchema), nextCursor: z.string().nullable() }),
    handler: async ({ query }) => duties.list(query),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/duties/route',
    tags: ['catalog'],
    summary: 'Who leads a matter arising in a town, by the territorial-management list (null: the dispatcher decides)',
    description: 'A matter the list gives to a county department is never routed to a town, even when the town is asked.',
    access: 'public',
    query: z.object({ matterCode: MatterCode, regionCode: zRegionCode.meta({ description: 'Where the matter arose (a town, usually)' }) }),
    response: z.object({ matterCode: z.string(), regionCode: z.string(), route: RouteSchema.nullable() }),
    handler: async ({ query }) => ({ matterCode: query.matterCode, regionCode: query.regionCode, route: await duties.route(query) }),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/duties/:id',
    tags: ['catalog'],
    summary: 'One territorial-management list entry',
    access: 'public',
    params: z.object({ id: Id }),
    response: DutyEntrySchema,
    handler: async ({ params }) => duties.get(params.id),
  });

  routes.define({
    method: 'POST',
    url: '/api/catalog/duties',
    tags: ['catalog'],
    summary: 'Add a territorial-management entry for a matter in a county (all towns) or one town',
    description: 'A town entry may not make the town lead a matter the county list gives to a department, unless it cites a devolution to that town (400 `catalog.DUTY_PUSHED_DOWN`).',
    access: 'catalog:edit',
    status: 201,
    body: z.object({ matterCode: MatterCode, regionCode: zRegionCode, ...DutyFields }),
    response: DutyEntrySchema,
    handler: async ({ actor, caller, body }) => duties.create(actor, caller, body),
  });

  routes.define({
    method: 'PUT',
    url: '/api/catalog/duties/:id',
    tags: ['catalog'],
    summary: 'Edit a territorial-management entry (optimistic: send the version you read)',
    access: 'catalog:edit',
    params: z.object({ id: Id }),
    body: z.object({ version: Version, status: z.enum(DUTY_STATUSES), ...DutyFields }),
    response: DutyEntrySchema,
    handler: async ({ actor, caller, params, body }) => duties.update(actor, caller, params.id, body),
  });

  // ── proofs ──

  routes.define({
    method: 'GET',
    url: '/api/catalog/proofs',
    tags: ['catalog'],
    summary: 'Proof-requirement list (证明事项清单): only these proofs may be asked for (Regulation art. 44)',
    access: 'public',
    query: z.object({
      regionCode: zRegionCode.optional().meta({ description: 'The list in force in this region (its own and enclosing regions’ entries)' }),
      q: Text(1, 100).optional(),
      replacement: z.enum(PROOF_REPLACEMENTS).optional(),
      status: z.enum(PROOF_STATUSES).optional().meta({ description: 'Default listed' }),
      cursor: Cursor,
      limit: Limit,
    }),
    response: z.object({ items: z.array(ProofSchema), nextCursor: z.string().nullable() }),
    handler: async ({ query }) => lists.listProofs(query),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/proofs/:code',
    tags: ['catalog'],
    summary: 'One listed proof',
    access: 'public',
    params: z.object({ code: ProofCode }),
    response: ProofSchema,
    handler: async ({ params }) => lists.getProof(params.code),
  });

  routes.define({
    method: 'POST',
    url: '/api/catalog/proofs',
    tags: ['catalog'],
    summary: 'Add a proof to the list',
    access: 'catalog:edit',
    status: 201,
    body: z.object({ code: ProofCode, ...ProofFields, status: z.enum(PROOF_STATUSES).optional() }),
    response: ProofSchema,
    handler: async ({ actor, caller, body }) => lists.createProof(actor, caller, body),
  });

  routes.define({
    method: 'PUT',
    url: '/api/catalog/proofs/:code',
    tags: ['catalog'],
    summary: 'Edit or cancel a listed proof (optimistic: send the version you read)',
    access: 'catalog:edit',
    params: z.object({ code: ProofCode }),
    body: z.object({ version: Version, ...ProofFields, status: z.enum(PROOF_STATUSES) }),
    response: ProofSchema,
    handler: async ({ actor, caller, params, body }) => lists.updateProof(actor, caller, params.code, body),
  });
}

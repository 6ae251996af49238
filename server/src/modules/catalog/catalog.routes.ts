import { z } from 'zod';
import type { Routes } from '../../platform/http/index.ts';
import { zRegionCode } from '../../platform/ids/index.ts';
import type { AppContext } from '../../context.ts';
import { ADJUSTMENT_ACTIONS, ADJUSTMENT_STATES } from './adjustment.workflow.ts';
import { AdjustmentService } from './adjustment.service.ts';
import { ItemContent } from './catalog.content.ts';
import { isCalendarDate } from './catalog.publish.ts';
import { CatalogService } from './catalog.service.ts';
import { ITEM_TYPES, parseItemType } from './catalog.types.rules.ts';

const Limit = z.coerce.number().int().min(1).max(200).optional().meta({ description: 'Page size (default 20; lists 50; at most 200)' });
const Cursor = z.string().max(500).optional().meta({ description: 'Opaque cursor from the previous page’s nextCursor' });
const Id = z.coerce.number().int().positive().max(2147483647);
const VersionNo = z.coerce.number().int().min(1).max(1000000);
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const ItemTypeParam = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    const t = parseItemType(raw);
    if (t) return t;
    ctx.addIssue({ code: 'custom', message: `未知的事项类型：${raw}`, input: raw, params: { messageEn: `Unknown item type: ${raw}` } });
    return z.NEVER;
  })
  .meta({ description: 'Item type: enum key, Chinese name, numeric code (1, 20…) or letter code (XK…)', examples: ['licensing', '1', 'XK'] });
const DateString = z
  .string()
  .trim()
  .refine(isCalendarDate, { message: '应为 YYYY-MM-DD 格式的日期' })
  .meta({ description: 'YYYY-MM-DD', examples: ['2026-03-01'] });

const Label = z.object({ zh: z.string(), en: z.string() });
const TypeLabel = z.object({ zh: z.string(), en: z.string(), num: z.number(), letters: z.string() });
const ItemSummarySchema = z.object({
  id: z.number(),
  implCode: z.string(),
  baseCode: z.string().nullable(),
  name: z.string(),
  subItemName: z.string().nullable(),
  variant: z.enum(['new', 'change', 'renew', 'cancel']).nullable(),
  itemType: z.enum(ITEM_TYPES),
  typeLabel: TypeLabel,
  kind: z.enum(['power', 'service']),
  regionCode: z.string(),
  org: z.object({ id: z.number().nullable(), name: z.string() }),
  level: z.enum(['province', 'city', 'county', 'town']),
  status: z.enum(['draft', 'published', 'retired']),
  currentVersion: z.number(),
  visits: z.number().nullable(),
  online: z.boolean(),
  statutoryDays: z.number().nullable(),
  promisedDays: z.number().nullable(),
  applicantKinds: z.array(z.string()),
  lifeEvents: z.array(z.string()),
  commitmentAllowed: z.boolean(),
  popularity: z.number(),
  updatedAt: z.string(),
});
const VersionSchema = z.object({
  versionNo: z.number(),
  change: z.enum(['create', 'update', 'retire']),
  effectiveDate: z.string(),
  approvalDocNo: z.string(),
  publishedAt: z.string(),
  reason: z.string().nullable(),
  basis: z.string().nullable(),
  adjustmentId: z.number().nullable(),
});
const SubChange = z.object({ field: z.string(), label: Label, before: z.unknown(), after: z.unknown() });
const ListEntry = z.object({ key: z.string(), index: z.number(), value: z.unknown() });
const FieldDiffSchema = z.union([
  z.object({ kind: z.literal('value'), field: z.string(), label: Label, before: z.unknown(), after: z.unknown() }),
  z.object({ kind: z.literal('object'), field: z.string(), label: Label, changes: z.array(SubChange) }),
  z.object({
    kind: z.literal('list'),
    field: z.string(),
    label: Label,
    added: z.array(ListEntry),
    removed: z.array(ListEntry),
    changed: z.array(z.object({ key: z.string(), beforeIndex: z.number(), afterIndex: z.number(), changes: z.array(SubChange) })),
    reordered: z.boolean(),
  }),
]);
const DiffSchema = z.object({
  changes: z.array(FieldDiffSchema),
  summary: z.object({ fields: z.number(), added: z.number(), removed: z.number(), changed: z.number() }),
});
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

const AdjustmentSummarySchema = z.object({
  id: z.number(),
  itemId: z.number().nullable(),
  change: z.enum(['create', 'update', 'retire']),
  state: z.enum(ADJUSTMENT_STATES),
  stateLabel: Label,
  version: z.number(),
  name: z.string().nullable(),
  implCode: z.string().nullable(),
  orgName: z.string().nullable(),
  regionCode: z.string(),
  orgId: z.number().nullable(),
  reason: z.string(),
  basis: z.string(),
  baseVersion: z.number(),
  currentVersion: z.number(),
  stale: z.boolean(),
  requestedBy: z.object({ id: z.number(), name: z.string().nullable() }),
  reviewNote: z.string().nullable(),
  approvalDocNo: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const AdjustmentDetailSchema = AdjustmentSummarySchema.extend({
  proposed: ItemContent,
  diff: DiffSchema.nullable(),
  history: z.array(
    z.object({ action: z.string(), from: z.string(), to: z.string(), version: z.number(), actorName: z.string(), note: z.string().nullable(), at: z.string() }),
  ),
  actions: z.array(z.object({ action: z.string(), label: Label, requires: z.array(z.string()) })),
});

const ListFilters = {
  type: ItemTypeParam.optional(),
  orgId: Id.optional().meta({ description: 'Implementing organisation' }),
  regionCode: zRegionCode.optional().meta({ description: 'Items in this region and below' }),
  cursor: Cursor,
  limit: Limit,
};

/** Registers the public catalog endpoints and the staff adjustment-request endpoints. */
export function registerCatalogRoutes(routes: Routes, ctx: Pick<AppContext, 'db' | 'workflows'>): void {
  const catalog = new CatalogService(ctx.db);
  const adjustments = new AdjustmentService(ctx.db, ctx.workflows);

  // ── public ──

  routes.define({
    method: 'GET',
    url: '/api/catalog/items',
    tags: ['catalog'],
    summary: 'Published items of the power list and the public-service list (filters, cursor pagination)',
    description: '`q` is a simple name substring; full-text search is `/api/catalog/search`.',
    access: 'public',
    query: z.object({
      ...ListFilters,
      kind: z.enum(['power', 'service']).optional().meta({ description: 'power: the power list (权责清单); service: public services' }),
      level: z.enum(['province', 'city', 'county', 'town']).optional(),
      lifeEvent: z.string().trim().min(1).max(50).optional().meta({ description: 'Life-event theme (主题分类)' }),
      applicantKind: z.enum(['person', 'legal']).optional(),
      visits: z.coerce.number().int().min(0).max(9).optional().meta({ description: 'At most this many visits (0 = 不见面, 1 = 最多跑一次)' }),
      online: Bool.optional(),
      status: z.enum(['published', 'retired']).optional().meta({ description: 'Default published' }),
      q: z.string().trim().min(1).max(100).optional().meta({ description: 'Substring of the name' }),
      sort: z.enum(['name', 'popularity']).optional().meta({ description: 'Default name' }),
    }),
    response: page(ItemSummarySchema),
    handler: async ({ query }) => catalog.listItems(query),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/items/:id',
    tags: ['catalog'],
    summary: 'One item: its current published content, version, type labels and implementing body',
    access: 'public',
    params: z.object({ id: Id }),
    response: ItemSummarySchema.extend({ content: ItemContent, version: VersionSchema.nullable() }),
    handler: async ({ params }) => catalog.getItem(params.id),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/items/:id/versions',
    tags: ['catalog'],
    summary: 'The published versions of an item, newest first',
    access: 'public',
    params: z.object({ id: Id }),
    response: z.object({ itemId: z.number(), currentVersion: z.number(), items: z.array(VersionSchema) }),
    handler: async ({ params }) => catalog.listVersions(params.id),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/items/:id/versions/:no',
    tags: ['catalog'],
    summary: 'One published version with its content',
    access: 'public',
    params: z.object({ id: Id, no: VersionNo }),
    response: VersionSchema.extend({ itemId: z.number(), content: ItemContent }),
    handler: async ({ params }) => catalog.getVersion(params.id, params.no),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/items/:id/diff',
    tags: ['catalog'],
    summary: 'Field-by-field difference between two published versions',
    description: 'Defaults: `to` = the current version, `from` = the one before it. Lists are matched by identity (materials by name, legal basis by law and article, …).',
    access: 'public',
    params: z.object({ id: Id }),
    query: z.object({ from: VersionNo.optional(), to: VersionNo.optional() }),
    response: DiffSchema.extend({ itemId: z.number(), from: VersionSchema, to: VersionSchema }),
    handler: async ({ params, query }) => catalog.diff(params.id, query),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/types',
    tags: ['catalog'],
    summary: 'Item types with their local labels (Chinese, English, numeric and letter codes)',
    access: 'public',
    response: z.object({ items: z.array(TypeLabel.extend({ itemType: z.enum(ITEM_TYPES), kind: z.enum(['power', 'service']) })) }),
    handler: async () => catalog.types(),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/lists/commitment',
    tags: ['catalog'],
    summary: 'Items that allow approval on commitment (告知承诺制事项清单)',
    access: 'public',
    query: z.object(ListFilters),
    response: page(ItemSummarySchema),
    handler: async ({ query }) => catalog.commitmentList(query),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/lists/deferrable',
    tags: ['catalog'],
    summary: 'Materials that may be handed in after acceptance (容缺受理材料清单), each with its item',
    access: 'public',
    query: z.object(ListFilters),
    response: page(
      z.object({
        item: z.object({ id: z.number(), implCode: z.string(), name: z.string(), itemType: z.enum(ITEM_TYPES), org: z.object({ id: z.number().nullable(), name: z.string() }), regionCode: z.string() }),
        position: z.number(),
        material: z.record(z.string(), z.unknown()),
      }),
    ),
    handler: async ({ query }) => catalog.deferrableList(query),
  });

  // ── staff: adjustment requests ──

  routes.define({
    method: 'POST',
    url: '/api/catalog/adjustments',
    tags: ['catalog'],
    summary: 'Request a change to the catalog: create, update or retire an item',
    description:
      'The proposed content is the full content of the new version (create, update); a retire request retires the current content. Errors name the field path, e.g. `proposed.materials.2.copies`. With `submit: true` the request is submitted at once.',
    access: 'catalog:edit',
    status: 201,
    body: z
      .object({
        change: z.enum(['create', 'update', 'retire']),
        itemId: Id.optional(),
        proposed: ItemContent.optional(),
        reason: z.string().trim().min(2).max(2000).meta({ description: '调整理由 Why the change is needed' }),
        basis: z.string().trim().min(2).max(2000).meta({ description: '调整依据 The law, policy or decision it rests on' }),
        submit: z.boolean().optional(),
      })
      .superRefine((b, ctx) => {
        if (b.change !== 'create' && b.itemId === undefined) ctx.addIssue({ code: 'custom', path: ['itemId'], message: '变更或注销须指明事项', params: { messageEn: 'Required for update and retire' } });
        if (b.change !== 'retire' && b.proposed === undefined) ctx.addIssue({ code: 'custom', path: ['proposed'], message: '须提交拟调整后的事项内容', params: { messageEn: 'The proposed content is required' } });
      }),
    response: AdjustmentDetailSchema,
    handler: async ({ actor, caller, body }) => adjustments.create(actor, { ...caller, actor }, body),
  });

  routes.define({
    method: 'PUT',
    url: '/api/catalog/adjustments/:id',
    tags: ['catalog'],
    summary: 'Edit a draft or returned request (optimistic: send the version you read)',
    description: '`rebase: true` bases the request on the version in force now (needed after the item was published again).',
    access: 'catalog:edit',
    params: z.object({ id: Id }),
    body: z.object({
      version: z.number().int().min(1),
      proposed: ItemContent.optional(),
      reason: z.string().trim().min(2).max(2000).optional(),
      basis: z.string().trim().min(2).max(2000).optional(),
      rebase: z.boolean().optional(),
    }),
    response: AdjustmentDetailSchema,
    handler: async ({ actor, caller, params, body }) => adjustments.edit(actor, { ...caller, actor }, params.id, body),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/adjustments',
    tags: ['catalog'],
    summary: 'Adjustment requests: the review queue for reviewers, the requests of my organisations for requesters',
    access: 'authenticated',
    query: z.object({
      state: z.enum(ADJUSTMENT_STATES).optional(),
      mine: Bool.optional().meta({ description: 'Only the requests I made' }),
      itemId: Id.optional(),
      cursor: Cursor,
      limit: Limit,
    }),
    response: page(AdjustmentSummarySchema),
    handler: async ({ actor, query }) => adjustments.list(actor, query),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/adjustments/:id',
    tags: ['catalog'],
    summary: 'One request: the proposal, its diff against the version in force, history, and the actions I may take',
    access: 'authenticated',
    params: z.object({ id: Id }),
    response: AdjustmentDetailSchema,
    handler: async ({ actor, params }) => adjustments.get(actor, params.id),
  });

  routes.define({
    method: 'POST',
    url: '/api/catalog/adjustments/:id/actions/:action',
    tags: ['catalog'],
    summary: 'Take a workflow action: submit, withdraw, review, approve, publish, return, reject',
    description:
      'Send the version you read (stale: 409 `common.VERSION_CONFLICT`). `return` and `reject` need `reason`; `approve` needs `approvalDocNo` and `effectiveDate`. `publish` creates the immutable version; a request based on an older version than the one in force is refused (409 `catalog.STALE_BASE`).',
    access: 'authenticated',
    params: z.object({ id: Id, action: z.enum(ADJUSTMENT_ACTIONS) }),
    body: z.object({
      version: z.number().int().min(1),
      reason: z.string().trim().min(1).max(2000).optional(),
      note: z.string().trim().min(1).max(2000).optional(),
      approvalDocNo: z.string().trim().min(1).max(100).optional().meta({ description: '批准文号, e.g. 澄政发〔2026〕12号' }),
      effectiveDate: DateString.optional(),
    }),
    response: AdjustmentDetailSchema,
    handler: async ({ actor, caller, params, body }) => adjustments.act(actor, { ...caller, actor }, params.id, params.action, body),
  });
}

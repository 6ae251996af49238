import { z } from 'zod';
import type { Routes } from '../../platform/http/index.ts';
import { zRegionCode } from '../../platform/ids/index.ts';
import type { AppContext } from '../../context.ts';
import { FORM_FIELD_TYPES, MemberSchema, QuestionSchema } from './bundles.rules.ts';
import { BUNDLE_APPLICANT_KINDS, BUNDLE_STATUSES } from './bundles.schema.ts';
import { BundleService } from './bundles.service.ts';

const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: '只能包含字母、数字和 . _ -，2–64 个字符（letters, digits, . _ -; 2–64 characters）' })
  .meta({ description: 'Bundle code, e.g. company-setup' });
const Limit = z.coerce.number().int().min(1).max(200).optional().meta({ description: 'Page size (default 50, at most 200)' });
const Cursor = z.string().max(500).optional().meta({ description: 'Opaque cursor from the previous page’s nextCursor' });
const Version = z.number().int().min(1).meta({ description: 'The version you read (optimistic locking)' });

const Definition = {
  name: z.string().trim().min(2).max(100),
  lifeEvent: z.string().trim().min(2).max(50).meta({ description: 'Life event (生命周期事件), e.g. 开办企业' }),
  description: z.string().trim().max(2000).optional(),
  applicantKind: z.enum(BUNDLE_APPLICANT_KINDS),
  regionCode: zRegionCode.meta({ description: 'Publishing region (the county, usually)' }),
  members: z.array(MemberSchema).min(1).max(50),
  questions: z.array(QuestionSchema).max(30).default([]),
};

const Summary = z.object({
  code: z.string(),
  name: z.string(),
  lifeEvent: z.string(),
  description: z.string(),
  applicantKind: z.enum(BUNDLE_APPLICANT_KINDS),
  regionCode: z.string(),
  status: z.enum(BUNDLE_STATUSES),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
const ItemRef = z.object({ itemId: z.number(), name: z.string() });
const MergedMaterialSchema = z.object({
  key: z.string(),
  name: z.string(),
  names: z.array(z.string()),
  requirement: z.enum(['required', 'conditional', 'optional']),
  copies: z.number(),
  form: z.enum(['original', 'copy', 'original_and_copy']),
  medium: z.enum(['paper', 'electronic', 'both']),
  source: z.enum(['applicant', 'government', 'intermediary', 'other']),
  deferrable: z.boolean(),
  licenseType: z.string().nullable(),
  proofCode: z.string().nullable(),
  conditions: z.array(z.string()),
  because: z.array(z.string()).meta({ description: 'Labels of the chosen options that made it required' }),
  items: z.array(ItemRef).meta({ description: 'The items this one material serves' }),
});
const EvaluationSchema = z.object({
  answers: z.record(z.string(), z.array(z.string())),
  unanswered: z.array(z.object({ key: z.string(), text: z.string() })),
  hiddenQuestions: z.array(z.string()),
  items: z.array(
    z.object({
      itemId: z.number(),
      implCode: z.string(),
      name: z.string(),
      orgId: z.number().nullable(),
      orgName: z.string(),
      itemType: z.string(),
      promisedDays: z.number().nullable(),
      statutoryDays: z.number().nullable(),
      visits: z.number().nullable(),
    }),
  ),
  skippedItems: z.array(z.object({ itemId: z.number(), name: z.string().nullable(), reason: z.enum(['not_applicable', 'unavailable']) })),
  materials: z.array(MergedMaterialSchema),
  waivedMaterials: z.array(z.object({ name: z.string(), items: z.array(ItemRef), by: z.array(z.string()) })),
  excludedMaterials: z.array(
    z.object({ name: z.string(), itemId: z.number(), itemName: z.string(), reason: z.enum(['situation', 'produced']), producedBy: ItemRef.optional() }),
  ),
  formFields: z.array(
    z.object({ key: z.string(), label: z.string(), type: z.enum(FORM_FIELD_TYPES), required: z.boolean(), options: z.array(z.string()).optional(), items: z.array(ItemRef) }),
  ),
  totals: z.object({ items: z.number(), materials: z.number(), materialsBeforeMerge: z.number(), formFields: z.number(), maxPromisedDays: z.number().nullable() }),
});
const Detail = Summary.extend({
  members: z.array(
    z.object({
      itemId: z.number(),
      implCode: z.string().nullable(),
      name: z.string().nullable(),
      orgId: z.number().nullable(),
      orgName: z.string().nullable(),
      itemType: z.string().nullable(),
      itemStatus: z.string().nullable(),
      promisedDays: z.number().nullable(),
      sort: z.number(),
      condition: z.unknown(),
      formFields: z.array(z.unknown()),
      produces: z.array(z.string()),
    }),
  ),
  questions: z.array(z.unknown()),
  evaluation: EvaluationSchema.meta({ description: 'Applicable items and merged materials for the default answers' }),
  actions: z.object({ edit: z.boolean(), review: z.boolean() }),
});

const Answer = z.union([z.string().max(40), z.array(z.string().max(40)).max(30), z.null()]);

/** Registers the bundle (一件事) endpoints. */
export function registerBundleRoutes(routes: Routes, ctx: Pick<AppContext, 'db'>): void {
  const bundles = new BundleService(ctx.db);
  const params = z.object({ code: Code });

  routes.define({
    method: 'GET',
    url: '/api/catalog/bundles',
    tags: ['catalog'],
    summary: 'Bundles (一件事): one application for the items of one life event',
    description: 'Published bundles for everyone; staff with catalog:edit or catalog:review also see drafts and retired bundles of their region.',
    access: 'public',
    query: z.object({
      lifeEvent: z.string().trim().min(1).max(50).optional(),
      applicantKind: z.enum(BUNDLE_APPLICANT_KINDS).optional(),
      regionCode: zRegionCode.optional().meta({ description: 'Bundles that apply in this region (published by it or an enclosing region)' }),
      status: z.enum(BUNDLE_STATUSES).optional(),
      q: z.string().trim().min(1).max(100).optional(),
      cursor: Cursor,
      limit: Limit,
    }),
    response: z.object({ items: z.array(Summary.extend({ memberCount: z.number(), questionCount: z.number() })), nextCursor: z.string().nullable() }),
    handler: async ({ actor, query }) => bundles.list(actor, query),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/bundles/:code',
    tags: ['catalog'],
    summary: 'One bundle: items, situation questions, and the merged materials for the default answers',
    access: 'public',
    params,
    response: Detail,
    handler: async ({ actor, params }) => bundles.get(actor, params.code),
  });

  routes.define({
    method: 'POST',
    url: '/api/catalog/bundles/:code/evaluate',
    tags: ['catalog'],
    summary: 'Evaluate situation answers: applicable items, one merged material list, one merged form',
    description:
      'Read-only (nothing is stored or audited). `answers` maps question keys to an option id (single choice) or a list of ids. ' +
      'An unanswered required question answers 400 `catalog.UNANSWERED` naming it; unknown questions or options 400 `catalog.BAD_ANSWER`.',
    access: 'public',
    csrf: false,
    idempotent: false,
    params,
    body: z.object({ answers: z.record(z.string().max(40), Answer).default({}) }),
    response: EvaluationSchema.extend({ code: z.string(), version: z.number() }),
    handler: async ({ actor, params, body }) => bundles.evaluate(actor, params.code, body.answers),
  });

  routes.define({
    method: 'POST',
    url: '/api/catalog/bundles',
    tags: ['catalog'],
    summary: 'Create a bundle (draft) with its items, situation questions and form fields',
    access: 'catalog:edit',
    status: 201,
    body: z.object({ code: Code, ...Definition }),
    response: Detail,
    handler: async ({ actor, caller, body }) => bundles.create(actor, caller, body),
  });

  routes.define({
    method: 'PUT',
    url: '/api/catalog/bundles/:code',
    tags: ['catalog'],
    summary: 'Replace a bundle’s definition (optimistic: send the version you read); the bundle returns to draft',
    description: 'A stale `version` answers 409 `common.VERSION_CONFLICT`. Audited with before and after. Publication needs catalog:review again.',
    access: 'catalog:edit',
    params,
    body: z.object({ version: Version, ...Definition }),
    response: Detail,
    handler: async ({ actor, caller, params, body }) => bundles.update(actor, caller, params.code, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/catalog/bundles/:code/publish',
    tags: ['catalog'],
    summary: 'Publish a bundle (every member item must be published)',
    access: 'catalog:review',
    params,
    body: z.object({ version: Version }),
    response: Detail,
    handler: async ({ actor, caller, params, body }) => bundles.setStatus(actor, caller, params.code, 'published', body.version),
  });

  routes.define({
    method: 'POST',
    url: '/api/catalog/bundles/:code/retire',
    tags: ['catalog'],
    summary: 'Retire a bundle (withdrawn from the public portal, history kept)',
    access: 'catalog:review',
    params,
    body: z.object({ version: Version }),
    response: Detail,
    handler: async ({ actor, caller, params, body }) => bundles.setStatus(actor, caller, params.code, 'retired', body.version),
  });
}

import { z } from 'zod';
import type { Routes } from '../../platform/http/index.ts';
import { zRegionCode, zUscc } from '../../platform/ids/index.ts';
import { ORG_LEVELS, ORG_TYPES, REGION_LEVELS, TOWN_KINDS } from './org.schema.ts';
import type { AppContext } from '../../context.ts';
import { OrgService } from './org.service.ts';

const Limit = z.coerce.number().int().min(1).max(500).optional().meta({ description: 'Page size (default 50; regions 100; at most 500)' });
const Cursor = z.string().max(500).optional().meta({ description: 'Opaque cursor from the previous page’s nextCursor' });
const Id = z.coerce.number().int().positive().max(2147483647);
const Q = z.string().trim().min(1).max(100).optional().meta({ description: 'Substring of the name' });
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');

const RegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  townKind: z.enum(TOWN_KINDS).nullable(),
  parentCode: z.string().nullable(),
});
const OrgSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.enum(ORG_TYPES),
  level: z.enum(ORG_LEVELS),
  parentId: z.number().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  uscc: z.string().nullable(),
  sort: z.number(),
  active: z.boolean(),
  version: z.number(),
});
const StaffingSchema = z.object({
  orgId: z.number(),
  quota: z.number().meta({ description: '编制数 staffing quota' }),
  actual: z.number().meta({ description: '实有人数 actual headcount' }),
  leaderQuota: z.number().meta({ description: '领导职数 leadership posts' }),
  leaderActual: z.number().meta({ description: '实配领导 leaders in post' }),
  internalUnits: z.number().meta({ description: '内设机构数 internal units' }),
  vacancies: z.number(),
  overQuota: z.boolean(),
  overLeadership: z.boolean(),
  updatedAt: z.string(),
  version: z.number(),
});
const OrgDetailSchema = OrgSchema.extend({
  path: z.array(z.number()),
  parent: OrgSchema.nullable(),
  children: z.array(OrgSchema),
  staffing: StaffingSchema.nullable(),
  peopleCount: z.number(),
  peopleCountSubtree: z.number(),
  actions: z.object({ manage: z.boolean(), editStaffing: z.boolean() }),
});
type TreeNode = z.infer<typeof OrgSchema> & { children: TreeNode[] };
const TreeNodeSchema: z.ZodType<TreeNode> = OrgSchema.extend({ children: z.array(z.lazy(() => TreeNodeSchema)) });
const PersonSchema = z.object({
  id: z.number(),
  name: z.string(),
  residentId: z.string().nullable(),
  residentIdMasked: z.boolean(),
  orgId: z.number(),
  orgName: z.string(),
  regionCode: z.string(),
  post: z.string(),
  phone: z.string().nullable(),
  accountId: z.number().nullable(),
});
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
const NonNegative = z.number().int().min(0).max(100000);

/** Registers the region, organisation, staffing and people endpoints. */
export function registerOrgRoutes(routes: Routes, ctx: Pick<AppContext, 'db'>): void {
  const org = new OrgService(ctx.db);
  routes.define({
    method: 'GET',
    url: '/api/regions',
    tags: ['org'],
    summary: 'Administrative divisions (行政区划): filter by parent, level or name',
    description: 'Codes are in their shortest GB/T 2260 form: 6 digits for province, city and county, 9 for town-level units.',
    access: 'public',
    query: z.object({
      parent: zRegionCode.optional().meta({ description: 'Direct children of this region' }),
      level: z.enum(REGION_LEVELS).optional(),
      q: Q,
      cursor: Cursor,
      limit: Limit,
    }),
    response: page(RegionSchema),
    handler: async ({ query }) => org.listRegions(query),
  });

  routes.define({
    method: 'GET',
    url: '/api/regions/:code',
    tags: ['org'],
    summary: 'One region with its ancestors and number of children',
    access: 'public',
    params: z.object({ code: zRegionCode }),
    response: RegionSchema.extend({ ancestors: z.array(RegionSchema), childCount: z.number() }),
    handler: async ({ params }) => org.getRegion(params.code),
  });

  routes.define({
    method: 'GET',
    url: '/api/orgs',
    tags: ['org'],
    summary: 'Organisations within my scope',
    access: 'org:read',
    query: z.object({
      regionCode: zRegionCode.optional().meta({ description: 'Organisations in this region and below' }),
      type: z.enum(ORG_TYPES).optional(),
      parentId: Id.optional(),
      q: Q,
      active: Bool.optional(),
      cursor: Cursor,
      limit: Limit,
    }),
    response: page(OrgSchema),
    handler: async ({ actor, query }) => org.listOrgs(actor, query),
  });

  routes.define({
    method: 'GET',
    url: '/api/orgs/tree',
    tags: ['org'],
    summary: 'The organisation hierarchy within my scope, as nested nodes',
    access: 'org:read',
    query: z.object({ root: Id.optional().meta({ description: 'Only the subtree under this organisation' }) }),
    response: z.object({ items: z.array(TreeNodeSchema) }),
    handler: async ({ actor, query }) => ({ items: await org.tree(actor, query.root) }),
  });

  routes.define({
    method: 'GET',
    url: '/api/orgs/:id',
    tags: ['org'],
    summary: 'One organisation: parent, children, staffing, number of people, and what I may do',
    access: 'org:read',
    params: z.object({ id: Id }),
    response: OrgDetailSchema,
    handler: async ({ actor, params }) => org.getOrg(actor, params.id),
  });

  routes.define({
    method: 'POST',
    url: '/api/orgs',
    tags: ['org'],
    summary: 'Create an organisation under a parent (its staffing starts at zero)',
    access: 'org:manage',
    status: 201,
    body: z.object({
      code: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, { message: '只能包含字母、数字和 . _ -，2–64 个字符' })
        .meta({ description: 'Unique code, e.g. 320281.spj' }),
      name: z.string().trim().min(2).max(100),
      shortName: z.string().trim().min(1).max(40).nullable().optional(),
      type: z.enum(ORG_TYPES),
      level: z.enum(ORG_LEVELS),
      parentId: Id.nullable().optional(),
      regionCode: zRegionCode,
      uscc: zUscc.nullable().optional(),
      sort: z.number().int().min(0).max(100000).optional(),
    }),
    response: OrgDetailSchema,
    handler: async ({ actor, caller, body }) => org.createOrg(actor, caller, body),
  });

  routes.define({
    method: 'PUT',
    url: '/api/orgs/:id/staffing',
    tags: ['org'],
    summary: 'Set the staffing figures of an organisation (optimistic: send the version you read)',
    description: 'A stale `version` answers 409 `common.VERSION_CONFLICT` with `currentVersion`. Every change is audited with before and after.',
    access: 'staffing:manage',
    params: z.object({ id: Id }),
    body: z.object({
      version: z.number().int().min(1),
      quota: NonNegative,
      actual: NonNegative,
      leaderQuota: NonNegative,
      leaderActual: NonNegative,
      internalUnits: z.number().int().min(0).max(1000),
    }),
    response: StaffingSchema,
    handler: async ({ actor, caller, params, body }) => org.updateStaffing(actor, caller, params.id, body),
  });

  routes.define({
    method: 'GET',
    url: '/api/people',
    tags: ['org'],
    summary: 'People in the organisations within my scope',
    description: 'Resident IDs and phone numbers are masked unless the caller holds `org:manage` over the person’s organisation; unmasked reads are audited.',
    access: 'org:read',
    query: z.object({
      orgId: Id.optional(),
      subtree: Bool.optional().meta({ description: 'With orgId: include the organisations below it' }),
      q: Q,
      cursor: Cursor,
      limit: Limit,
    }),
    response: page(PersonSchema),
    handler: async ({ actor, caller, query }) => org.listPeople(actor, caller, query),
  });
}

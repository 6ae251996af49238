import { z } from 'zod';
import type { Routes } from '../../platform/http/index.ts';
import { zRegionCode } from '../../platform/ids/index.ts';
import type { AppContext } from '../../context.ts';
import { ITEM_TYPES, parseItemType } from './catalog.types.rules.ts';
import { MAX_QUERY_LENGTH, MAX_SEARCH_LIMIT, MAX_SEARCH_OFFSET, SearchService } from './search.service.ts';

const Id = z.coerce.number().int().positive().max(2147483647);
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

const SearchHitSchema = z.object({
  id: z.number(),
  implCode: z.string(),
  name: z.string(),
  subItemName: z.string().nullable(),
  type: z.enum(ITEM_TYPES),
  typeLabel: z.string(),
  kind: z.enum(['power', 'service']),
  department: z.string().meta({ description: 'Implementing body (实施主体)' }),
  orgId: z.number().nullable(),
  regionCode: z.string(),
  highlight: z.string().meta({ description: 'The name, HTML-escaped, with the matched terms in <em>' }),
  snippet: z.string().nullable().meta({ description: 'Escaped, highlighted excerpt of the guide when part of the match is there' }),
  score: z.number(),
  match: z.enum(['text', 'fuzzy']).meta({ description: 'text: full-text match; fuzzy: found by name similarity (typo, partial name)' }),
  visits: z.number().nullable(),
  online: z.boolean(),
  promisedDays: z.number().nullable(),
  applicantKinds: z.array(z.string()),
  lifeEvents: z.array(z.string()),
});
const BundleHitSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  lifeEvent: z.string(),
  applicantKind: z.string(),
  highlight: z.string(),
});
const SynonymSchema = z.object({
  id: z.number(),
  term: z.string(),
  expansions: z.array(z.string()),
  note: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const Term = z.string().trim().min(1).max(30).meta({ description: 'Everyday word (stored without spaces, full-width folded, lower case)', examples: ['开饭店'] });
const Expansions = z
  .array(z.string().trim().min(1).max(50))
  .min(1)
  .max(20)
  .meta({ description: 'Formal terms of the catalog the word stands for', examples: [['餐饮', '食品经营']] });
const Note = z.string().trim().max(200).nullable().optional();

/** Registers the public search endpoint and the staff synonym endpoints. */
export function registerSearchRoutes(routes: Routes, ctx: Pick<AppContext, 'db'>, service = new SearchService(ctx.db)): SearchService {
  routes.define({
    method: 'GET',
    url: '/api/catalog/search',
    tags: ['catalog'],
    summary: 'Search the published catalog (Chinese full text with synonyms, typo tolerant)',
    description:
      'The query is segmented with jieba; everyday words are expanded through the synonym table (开饭店 → 餐饮, 食品经营). ' +
      'Every concept is required; when that finds fewer than 5 items, any concept suffices and names similar to the query ' +
      '(trigram word similarity, substrings) are blended in (`relaxed: true`). Ranked by weighted full-text rank ' +
      '(name > sub-item, department, type > materials, conditions, life events, laws > FAQ), name similarity and popularity. ' +
      '`highlight` and `snippet` are HTML-escaped with the matched terms in `<em>`.',
    access: 'public',
    query: z.object({
      q: z.string().trim().min(1).max(MAX_QUERY_LENGTH).meta({ description: 'What to look for, in everyday words', examples: ['开饭店'] }),
      limit: z.coerce.number().int().min(1).max(MAX_SEARCH_LIMIT).optional().meta({ description: `Page size (default 20, at most ${MAX_SEARCH_LIMIT})` }),
      cursor: z.string().max(200).optional().meta({ description: 'Opaque cursor from the previous page’s nextCursor' }),
      offset: z.coerce.number().int().min(0).max(MAX_SEARCH_OFFSET).optional().meta({ description: 'Skip this many results (instead of cursor)' }),
      type: ItemTypeParam.optional(),
      kind: z.enum(['power', 'service']).optional().meta({ description: 'power: the power list (权责清单); service: public services' }),
      orgId: Id.optional().meta({ description: 'Implementing organisation' }),
      regionCode: zRegionCode.optional().meta({ description: 'Items in this region and below' }),
      lifeEvent: z.string().trim().min(1).max(50).optional().meta({ description: 'Life-event theme (主题分类)' }),
      applicantKind: z.enum(['person', 'legal']).optional(),
      visits: z.coerce.number().int().min(0).max(9).optional().meta({ description: 'At most this many visits (0 = 不见面, 1 = 最多跑一次)' }),
      online: Bool.optional(),
    }),
    response: z.object({
      items: z.array(SearchHitSchema),
      total: z.number(),
      took: z.number().meta({ description: 'Milliseconds' }),
      expanded: z.array(z.string()).meta({ description: 'Terms searched for, synonyms expanded' }),
      relaxed: z.boolean(),
      nextCursor: z.string().nullable(),
      bundles: z.array(BundleHitSchema).meta({ description: 'Matching bundles (一件事), first page only' }),
    }),
    handler: async ({ query }) => {
      const { q, limit, cursor, offset, ...filters } = query;
      return service.search({ q, limit, cursor, offset, filters });
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/synonyms',
    tags: ['catalog'],
    summary: 'Search synonyms (everyday word → formal terms), in term order',
    access: 'catalog:edit',
    query: z.object({
      q: z.string().trim().min(1).max(50).optional().meta({ description: 'Substring of the term or an expansion' }),
      cursor: z.string().max(500).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional().meta({ description: 'Page size (default 50)' }),
    }),
    response: z.object({ items: z.array(SynonymSchema), nextCursor: z.string().nullable() }),
    handler: async ({ query }) => service.listSynonyms(query),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/synonyms/:id',
    tags: ['catalog'],
    summary: 'One synonym',
    access: 'catalog:edit',
    params: z.object({ id: Id }),
    response: SynonymSchema,
    handler: async ({ params }) => service.getSynonym(params.id),
  });

  routes.define({
    method: 'POST',
    url: '/api/catalog/synonyms',
    tags: ['catalog'],
    summary: 'Add a synonym (audited); a term already present answers 409',
    access: 'catalog:edit',
    status: 201,
    body: z.object({ term: Term, expansions: Expansions, note: Note }),
    response: SynonymSchema,
    handler: async ({ caller, body }) => service.createSynonym(caller, body),
  });

  routes.define({
    method: 'PUT',
    url: '/api/catalog/synonyms/:id',
    tags: ['catalog'],
    summary: 'Replace a synonym (optimistic: send the version you read; audited)',
    description: 'A stale `version` answers 409 `common.VERSION_CONFLICT` with `currentVersion`.',
    access: 'catalog:edit',
    params: z.object({ id: Id }),
    body: z.object({ term: Term, expansions: Expansions, note: Note, version: z.number().int().min(1) }),
    response: SynonymSchema,
    handler: async ({ caller, params, body }) => service.updateSynonym(caller, params.id, body),
  });

  routes.define({
    method: 'DELETE',
    url: '/api/catalog/synonyms/:id',
    tags: ['catalog'],
    summary: 'Delete a synonym (optimistic: `?version=` you read; audited)',
    access: 'catalog:edit',
    status: 204,
    params: z.object({ id: Id }),
    query: z.object({ version: z.coerce.number().int().min(1).max(2147483647) }),
    handler: async ({ caller, params, query, reply }) => {
      await service.deleteSynonym(caller, params.id, query.version);
      return reply.code(204).send();
    },
  });

  return service;
}

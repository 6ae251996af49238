import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Routes } from '../../platform/http/index.ts';
import { isIsoDate } from '../../platform/clock/index.ts';
import type { AppContext } from '../../context.ts';
import { CommandService } from './command.service.ts';
import { CommandStreams, type StreamSettings } from './command.stream.ts';

const TAGS = ['command'];
const ACCESS_NOTE = 'Needs case:supervise or insight:read (dispatcher, leader, admin); a region outside the caller’s grants answers 404.';
const IsoDate = z.string().refine(isIsoDate, { message: '应为有效日期 YYYY-MM-DD（must be a valid date YYYY-MM-DD）' });
const Region = z
  .string()
  .regex(/^\d{6}(\d{3}){0,2}$/, { message: '应为 6、9 或 12 位行政区划代码（a 6, 9 or 12 digit region code）' })
  .optional()
  .meta({ description: 'Region code (default: the caller’s widest scope)' });
const GridCode = z.string().regex(/^\d{9}(\d{3}){0,2}$/, { message: '应为 9、12 或 15 位网格编码（a 9, 12 or 15 digit grid code）' });
const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const Period = {
  region: Region,
  from: IsoDate.optional().meta({ description: 'First day received (China time; default 1 January of this year)' }),
  to: IsoDate.optional().meta({ description: 'Last day received (default today)' }),
};

const FiguresSchema = z.object({
  received: z.number(),
  dispatched: z.number(),
  closed: z.number(),
  onTime: z.number(),
  rework: z.number(),
  extended: z.number(),
  closureRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  reworkRate: z.number().nullable(),
  extensionRate: z.number().nullable(),
  score: z.number().nullable().meta({ description: 'Composite score 0–100 (the cases module’s: 40 on-time closure, 30 closure, 20 no rework, 10 no extension)' }),
  open: z.number(),
  overdue: z.number(),
});
const OverviewSchema = z.object({
  region: z.object({ code: z.string(), name: z.string().nullable() }),
  period: z.object({ from: z.string(), to: z.string() }),
  generatedAt: z.string(),
  totals: FiguresSchema.extend({ filed: z.number() }),
  byStatus: z.array(z.object({ key: z.string(), count: z.number() })),
  bySource: z.array(z.object({ key: z.string(), count: z.number() })),
  byCategory: z.array(z.object({ key: z.string(), name: z.string(), className: z.string().nullable(), kind: z.string().nullable(), count: z.number() })),
  towns: z.array(FiguresSchema.extend({ regionCode: z.string(), name: z.string(), rank: z.number().nullable() })),
  departments: z.array(FiguresSchema.extend({ orgId: z.number(), name: z.string(), rank: z.number().nullable() })),
});
const CaseSchema = z.object({
  id: z.number(),
  caseNo: z.string(),
  kind: z.string(),
  source: z.string(),
  categoryCode: z.string(),
  categoryName: z.string().nullable(),
  title: z.string().nullable(),
  description: z.string(),
  state: z.string(),
  urgency: z.string(),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  gridCode: z.string().nullable(),
  gridName: z.string().nullable(),
  townRegionCode: z.string().nullable(),
  regionCode: z.string(),
  leadOrgId: z.number().nullable(),
  dueAt: z.string().nullable(),
  reportedAt: z.string(),
  closedAt: z.string().nullable(),
  closedOnTime: z.boolean().nullable(),
  reworkCount: z.number(),
  extensionCount: z.number(),
  overdue: z.boolean(),
});

const streamsByContext = new WeakMap<AppContext, CommandStreams>();

/** The live streams of an application context (open stream count, the shared poller), once its routes are registered. */
export const commandStreamsOf = (ctx: AppContext): CommandStreams | undefined => streamsByContext.get(ctx);

/** The command screen's routes; `app` lets open streams end when the server closes. */
export function registerCommandRoutes(routes: Routes, ctx: AppContext, app?: FastifyInstance, stream: Partial<StreamSettings> = {}): CommandStreams {
  const service = new CommandService(ctx.db);
  const streams = new CommandStreams(service, ctx.db, stream, (e) => app?.log.error({ err: e }, 'command feed'));
  streamsByContext.set(ctx, streams);
  app?.addHook('preClose', async () => streams.closeAll());

  routes.define({
    method: 'GET',
    url: '/api/command/overview',
    tags: TAGS,
    summary: 'Command screen figures: counts by status, source, category; rates; town and department rankings',
    description: `Cases received in the period (China time) in the region: counts by status, source and category; closure, on-time closure, rework and extension rates; composite score 0–100 per town and county department; open and overdue cases now. ${ACCESS_NOTE}`,
    access: 'authenticated',
    query: z.object(Period),
    response: OverviewSchema,
    handler: ({ query, actor }) => streams.overview(service.view(actor, query)),
  });

  routes.define({
    method: 'GET',
    url: '/api/command/density',
    tags: TAGS,
    summary: 'Open and overdue cases per grid (map choropleth)',
    description: `Per grid of a level (1 town grids, 2, 3) under an optional parent grid code. Grids without open cases are left out. ${ACCESS_NOTE}`,
    access: 'authenticated',
    query: z.object({
      level: z.enum(['1', '2', '3']).transform((v) => Number(v) as 1 | 2 | 3),
      parent: GridCode.optional().meta({ description: 'Parent grid code (9 digits for level 2, 12 for level 3)' }),
      region: Region,
    }),
    response: z.object({
      level: z.number(),
      parent: z.string().nullable(),
      generatedAt: z.string(),
      grids: z.array(z.object({ code: z.string(), open: z.number(), overdue: z.number() })),
      max: z.number(),
    }),
    handler: ({ query, actor }) => service.density(actor, query),
  });

  routes.define({
    method: 'GET',
    url: '/api/command/cases',
    tags: TAGS,
    summary: 'Drill-down list of cases (by grid, state, overdue), most urgent first',
    description: ACCESS_NOTE,
    access: 'authenticated',
    query: z.object({
      region: Region,
      grid: GridCode.optional().meta({ description: 'Grid code of any level (its cases and those of the grids inside it)' }),
      status: z.string().regex(/^[a-z_]{1,40}$/, { message: '状态编码无效（invalid state code）' }).optional(),
      overdue: Bool.optional().meta({ description: 'true: open and past due; false: the others' }),
      open: Bool.optional().meta({ description: 'true: open cases only' }),
      cursor: z.string().max(500).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
    }),
    response: z.object({ items: z.array(CaseSchema), nextCursor: z.string().nullable() }),
    handler: ({ query, actor }) => service.cases(actor, query),
  });

  routes.define({
    method: 'GET',
    url: '/api/command/cases/:id',
    tags: TAGS,
    summary: 'One case with its trace (every step: who, when, from → to, note)',
    description: ACCESS_NOTE,
    access: 'authenticated',
    params: z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
    handler: ({ params, actor }) => service.caseTrace(actor, params.id),
  });

  routes.define({
    method: 'GET',
    url: '/api/command/stream',
    tags: TAGS,
    summary: 'Live figures: server-sent events (overview on every change, heartbeat every 15 s)',
    description: `text/event-stream. \`retry:\`, then \`event: overview\` with the same body as /api/command/overview, again whenever the figures change (checked every 2 s per server process), and a \`: heartbeat\` comment every 15 s. The stream ends after 10 minutes; EventSource reconnects. ${ACCESS_NOTE}`,
    access: 'authenticated',
    query: z.object(Period),
    handler: async ({ query, actor, req, reply }) => streams.attach(actor, service.view(actor, query), req, reply),
  });

  return streams;
}

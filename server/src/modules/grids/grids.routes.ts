import { z } from 'zod';
import { CommonErrors } from '../../platform/errors/index.ts';
import { readUpload } from '../../platform/files/index.ts';
import { parseInput, type Routes } from '../../platform/http/index.ts';
import type { AppContext } from '../../context.ts';
import { GridErrors } from './grids.errors.ts';
import { GridImportService, MAX_IMPORT_FEATURES, exportGeoJson } from './grids.import.ts';
import { GRID_ROLES } from './grids.schema.ts';
import { GridService } from './grids.service.ts';

const TAGS = ['grids'];
/** Largest GeoJSON file accepted as an upload (MB). */
const MAX_IMPORT_MB = 20;
const Id = z.coerce.number().int().positive().max(2147483647);
/** A number from the query string: empty or non-numeric text is refused, not read as 0. */
const coord = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1)
    .regex(/^-?\d+(\.\d+)?$/, { message: '应为十进制数字（must be a decimal number）' })
    .transform(Number)
    .pipe(z.number().min(min).max(max))
    .meta({ description: what });
const Lng = coord(-180, 180, 'Longitude, WGS84 degrees');
const Lat = coord(-90, 90, 'Latitude, WGS84 degrees');
const Level = z.coerce.number().int().min(1).max(3);
const Simplify = z.coerce.number().min(0).max(0.01).optional().meta({ description: 'Douglas–Peucker tolerance in degrees (0–0.01)' });
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const PathEntry = z.object({ id: z.number(), code: z.string(), name: z.string(), level: z.number() });
const Located = z.object({ gridId: z.number(), code: z.string(), name: z.string(), level: z.number(), townRegionCode: z.string(), path: z.array(PathEntry) });
const GridOut = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.number(),
  parentId: z.number().nullable(),
  townRegionCode: z.string(),
  regionCode: z.string(),
  households: z.number(),
  firms: z.number(),
  areaM2: z.number(),
  bbox: z.array(z.number()),
  version: z.number(),
  childCount: z.number(),
});
const StaffOut = z.object({
  id: z.number(),
  role: z.enum(GRID_ROLES),
  roleLabel: z.object({ zh: z.string(), en: z.string() }),
  personName: z.string(),
  accountId: z.number().nullable(),
  phone: z.string().nullable().meta({ description: 'Masked (138****5678)' }),
  orgId: z.number().nullable(),
  sort: z.number(),
});
const StaffBody = z.object({
  version: z.number().int().min(1).meta({ description: 'The grid version you read (optimistic locking)' }),
  staff: z
    .array(
      z.object({
        role: z.enum(GRID_ROLES),
        personName: z.string().trim().min(1).max(50),
        accountId: z.number().int().positive().nullable().optional(),
        phone: z
          .string()
          .trim()
          .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, { message: '应为手机号或固定电话（mobile or landline number）' })
          .nullable()
          .optional(),
        orgId: z.number().int().positive().nullable().optional(),
      }),
    )
    .max(50)
    .refine((list) => list.some((s) => s.role === 'head'), { message: '必须指定网格长（a grid head is required）' }),
});
const FeatureCollectionBody = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()).min(1).max(MAX_IMPORT_FEATURES) })
  .loose()
  .meta({ description: 'GeoJSON FeatureCollection; each feature has properties code, name (and optionally level, parent, town, households, firms)' });

/** Grids: tree, lookup, GeoJSON import/export, staff. */
export function registerGridRoutes(routes: Routes, ctx: AppContext): void {
  const grids = GridService.of(ctx);
  const importer = new GridImportService(ctx.db);

  routes.define({
    method: 'GET',
    url: '/api/grids',
    tags: TAGS,
    summary: 'Browse the grid tree / 网格列表',
    description: 'Without parameters: the first-level grids. `parent`: the children of that grid. `level`: every grid of that level (under `parent` when given).',
    access: 'org:read',
    query: z.object({ parent: Id.optional(), level: Level.optional() }),
    response: z.object({ items: z.array(GridOut), revision: z.number() }),
    handler: async ({ query }) => {
      const level = query.level as 1 | 2 | 3 | undefined;
      const items =
        level !== undefined ? await grids.list({ level, under: query.parent }) : await grids.children(query.parent ?? null);
      if (query.parent !== undefined && !(await grids.gridById(query.parent))) throw GridErrors.GRID_NOT_FOUND();
      return { items, revision: await grids.revision() };
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/grids/locate',
    tags: TAGS,
    summary: 'The grid at a point / 坐标定位网格',
    description: 'The most specific grid containing the WGS84 point, with its path from the first level. 404 grids.OUTSIDE_GRIDS outside every grid.',
    access: 'org:read',
    query: z.object({ lng: Lng, lat: Lat }),
    response: Located,
    handler: async ({ query }) => {
      const hit = await grids.locate(query.lng, query.lat);
      if (!hit) throw GridErrors.OUTSIDE_GRIDS();
      return hit;
    },
  });

  routes.define({
    method: 'POST',
    url: '/api/grids/locate',
    tags: TAGS,
    summary: 'Locate many points / 批量定位',
    description: 'Up to 1,000 points; each result is the located grid or null.',
    access: 'org:read',
    idempotent: false,
    body: z.object({ points: z.array(z.object({ lng: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) })).min(1).max(1000) }),
    response: z.object({ results: z.array(Located.nullable()) }),
    handler: async ({ body }) => ({ results: await grids.locateMany(body.points) }),
  });

  routes.define({
    method: 'GET',
    url: '/api/grids/geojson',
    tags: TAGS,
    summary: 'Grids as GeoJSON / 导出网格 GeoJSON',
    description: 'FeatureCollection with properties code, name, level, parent, town, households, firms. `level` and/or `parent` (a grid id) select; re-imports unchanged.',
    access: 'org:read',
    query: z.object({ level: Level.optional(), parent: Id.optional(), simplify: Simplify }),
    handler: async ({ query }) => {
      if (query.parent !== undefined && !(await grids.gridById(query.parent))) throw GridErrors.GRID_NOT_FOUND();
      return exportGeoJson(ctx.db, { level: query.level as 1 | 2 | 3 | undefined, parentId: query.parent, simplify: query.simplify });
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/public/grids/geojson',
    tags: TAGS,
    summary: 'First- or second-level grids as GeoJSON (public, command screen) / 公开网格轮廓',
    access: 'public',
    query: z.object({ level: z.coerce.number().int().min(1).max(2).default(1), simplify: Simplify }),
    handler: async ({ query, reply }) => {
      reply.header('Cache-Control', 'public, max-age=60');
      return exportGeoJson(ctx.db, { level: query.level as 1 | 2, simplify: query.simplify });
    },
  });

  routes.define({
    method: 'POST',
    url: '/api/grids/import',
    tags: TAGS,
    summary: 'Import grids from GeoJSON / 导入网格',
    description:
      'A GeoJSON FeatureCollection, as the JSON body (at most 1 MB) or as a multipart/form-data upload in the field `file` (.geojson/.json, at most ' +
      `${MAX_IMPORT_MB} MB). Each feature has properties code (town code + 3-digit level-2 serial + 3-digit level-3 serial) and name, optionally ` +
      'level, parent, town, households, firms. Every feature is validated (closed rings, coordinates, code pattern, parent exists, inside the parent, ' +
      'no overlap with siblings stored or in the file). `dryRun=true`: 200 with the preview and its problems by feature index, nothing written. ' +
      'Otherwise all or nothing: 400 grids.IMPORT_INVALID listing the problems (`errors[].field` = features.<index>.…, `problems[]`) or 200 with ' +
      'the counts. Existing codes are updated, new ones created.',
    access: 'org:manage',
    query: z.object({ dryRun: flag.optional() }),
    idempotent: false,
    handler: async ({ req, query, actor, caller }) => {
      let data: unknown = req.body;
      if (req.isMultipart()) {
        const upload = await readUpload(req, { maxBytes: MAX_IMPORT_MB * 1024 * 1024 });
        try {
          data = JSON.parse(upload.data.toString('utf8').replace(/^\uFEFF/, ''));
        } catch {
          throw CommonErrors.VALIDATION({ fields: [{ field: 'file', in: 'body', message: '文件不是有效的 JSON（GeoJSON）', messageEn: 'The file is not valid JSON (GeoJSON)' }] });
        }
      }
      const body = parseInput(FeatureCollectionBody, data, 'body');
      return importer.importGeoJson(actor, caller, body, { dryRun: query.dryRun ?? false });
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/grids/:id',
    tags: TAGS,
    summary: 'One grid with its path, staff and shape / 网格详情',
    access: 'org:read',
    params: z.object({ id: Id }),
    handler: async ({ params }) => {
      const node = await grids.gridById(params.id);
      if (!node) throw GridErrors.GRID_NOT_FOUND();
      const staff = await grids.staffOf(node.id, { maskPhones: true });
      return { ...node, path: await grids.pathOfGrid(node.id), staff, geometry: await grids.geometryOf(node.id) };
    },
  });

  routes.define({
    method: 'PUT',
    url: '/api/grids/:id/staff',
    tags: TAGS,
    summary: 'Replace the staff of a grid / 配置网格人员',
    description: 'The head and the five roles (grid_worker, inspector, informant, patroller, liaison); optimistic on the grid version.',
    access: 'org:manage',
    params: z.object({ id: Id }),
    body: StaffBody,
    response: z.object({ version: z.number(), staff: z.array(StaffOut) }),
    handler: async ({ params, body, actor, caller }) => grids.replaceStaff(actor, caller, params.id, body),
  });
}

/**
 * GeoJSON import and export of grids. Import validates every feature (closed
 * rings, valid coordinates, code pattern, parent exists, child inside its
 * parent, no overlap with siblings already stored or in the same file),
 * previews the result by feature index, and commits all or nothing, audited.
 */
import { canAct, type Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/index.ts';
import { type FieldError } from '../../platform/errors/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import { sql } from 'drizzle-orm';
import { areaM2, bboxOf, bboxesIntersect, contains, geometryProblems, overlaps, simplify, type BBox, type GridGeometry } from './geometry.rules.ts';
import { GridErrors } from './grids.errors.ts';
import * as repo from './grids.repository.ts';
import type { GridLevel } from './grids.schema.ts';
import { GridService } from './grids.service.ts';

export const MAX_IMPORT_FEATURES = 5000;
const MAX_REPORTED = 200;

export interface FeatureProblem {
  index: number;
  code: string | null;
  field: string;
  zh: string;
  en: string;
}

interface Candidate {
  index: number;
  code: string;
  level: GridLevel;
  parentCode: string | null;
  name: string;
  town: string;
  geometry: GridGeometry;
  bbox: BBox;
  households: number | null;
  firms: number | null;
}

export interface ImportPreview {
  features: number;
  create: number;
  update: number;
  unchanged: number;
  /** Per level: how many features of the file. */
  byLevel: Record<'1' | '2' | '3', number>;
  problems: FeatureProblem[];
  committed: boolean;
  revision?: number;
}

const levelOfCode = (code: string): GridLevel | null => (code.length === 9 ? 1 : code.length === 12 ? 2 : code.length === 15 ? 3 : null);

function readFeature(f: unknown, index: number, problems: FeatureProblem[]): Candidate | null {
  const at = (field: string, zh: string, en: string, code: string | null = null) => problems.push({ index, code, field: `features.${index}${field ? `.${field}` : ''}`, zh, en });
  if (!f || typeof f !== 'object' || (f as { type?: unknown }).type !== 'Feature') {
    at('type', '应为 GeoJSON Feature', 'Must be a GeoJSON Feature');
    return null;
  }
  const props = ((f as { properties?: unknown }).properties ?? {}) as Record<string, unknown>;
  const code = typeof props.code === 'string' ? props.code.trim() : typeof props.code === 'number' ? String(props.code) : '';
  const before = problems.length;
  const level = /^\d+$/.test(code) ? levelOfCode(code) : null;
  if (level === null) at('properties.code', '网格编码应为 9、12 或 15 位数字（乡镇代码 + 片区序号 + 网格序号）', 'The grid code must be 9, 12 or 15 digits (town code + level-2 serial + level-3 serial)', code || null);
  if (props.level !== undefined && props.level !== null && level !== null && Number(props.level) !== level)
    at('properties.level', `层级应为 ${level}（由编码长度决定）`, `The level must be ${level} (given by the code's length)`, code);
  const name = typeof props.name === 'string' ? props.name.trim() : '';
  if (name.length < 1 || name.length > 100) at('properties.name', '名称应为 1–100 个字符', 'The name must be 1–100 characters', code || null);
  const parentCode = level === null || level === 1 ? null : code.slice(0, level === 2 ? 9 : 12);
  if (props.parent !== undefined && props.parent !== null && props.parent !== '' && String(props.parent) !== parentCode)
    at('properties.parent', `上级网格编码应为 ${parentCode ?? '空'}（编码的前缀）`, `The parent code must be ${parentCode ?? 'empty'} (the code's prefix)`, code);
  if (props.town !== undefined && props.town !== null && props.town !== '' && level !== null && String(props.town) !== code.slice(0, 9))
    at('properties.town', `所属乡镇应为 ${code.slice(0, 9)}`, `The town must be ${code.slice(0, 9)}`, code);
  const count = (key: 'households' | 'firms') => {
    const v = props[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 1_000_000) {
      at(`properties.${key}`, '应为 0 到 1000000 之间的整数', 'Must be an integer from 0 to 1,000,000', code);
      return null;
    }
    return v;
  };
  const households = count('households');
  const firms = count('firms');
  const geometry = (f as { geometry?: unknown }).geometry;
  for (const p of geometryProblems(geometry)) at(`geometry${p.path ? `.${p.path}` : ''}`, p.zh, p.en, code || null);
  if (problems.length > before || level === null) return null;
  const g = geometry as GridGeometry;
  return { index, code, level, parentCode, name, town: code.slice(0, 9), geometry: g, bbox: bboxOf(g), households, firms };
}

interface Existing {
  row: repo.GridRow;
}

/** Validates a FeatureCollection against the stored grids; returns the problems and what would change. */
async function validate(ex: Executor, actor: Actor, body: unknown): Promise<{ preview: ImportPreview; candidates: Candidate[]; existing: Map<string, Existing> }> {
  const problems: FeatureProblem[] = [];
  const fc = body as { type?: unknown; features?: unknown };
  const empty = (): ImportPreview => ({ features: 0, create: 0, update: 0, unchanged: 0, byLevel: { '1': 0, '2': 0, '3': 0 }, problems, committed: false });
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    problems.push({ index: -1, code: null, field: 'type', zh: '应为 GeoJSON FeatureCollection', en: 'Must be a GeoJSON FeatureCollection' });
    return { preview: empty(), candidates: [], existing: new Map() };
  }
  if (fc.features.length === 0 || fc.features.length > MAX_IMPORT_FEATURES) {
    problems.push({ index: -1, code: null, field: 'features', zh: `应有 1–${MAX_IMPORT_FEATURES} 个要素`, en: `Must hold 1–${MAX_IMPORT_FEATURES} features` });
    return { preview: empty(), candidates: [], existing: new Map() };
  }
  const candidates: Candidate[] = [];
  const seen = new Map<string, number>();
  fc.features.forEach((f, i) => {
    const c = readFeature(f, i, problems);
    if (!c) return;
    const prior = seen.get(c.code);
    if (prior !== undefined) {
      problems.push({ index: i, code: c.code, field: `features.${i}.properties.code`, zh: `编码与第 ${prior} 个要素重复`, en: `The code repeats feature ${prior}` });
      return;
    }
    seen.set(c.code, i);
    candidates.push(c);
  });

  const inFile = new Map(candidates.map((c) => [c.code, c]));
  const parentCodes = [...new Set(candidates.map((c) => c.parentCode).filter((p): p is string => p !== null))];
  const stored = await repo.gridsByCodes(ex, [...new Set([...candidates.map((c) => c.code), ...parentCodes])]);
  const existing = new Map(stored.filter((r) => r.active).map((r) => [r.code, { row: r }]));
  const towns = await repo.townNames(ex, [...new Set(candidates.filter((c) => c.level === 1).map((c) => c.code))]);
  const say = (c: Candidate, field: string, zh: string, en: string) => problems.push({ index: c.index, code: c.code, field: `features.${c.index}.${field}`, zh, en });

  const inactive = new Set(stored.filter((r) => !r.active).map((r) => r.code));
  const valid: Candidate[] = [];
  for (const c of candidates) {
    const n = problems.length;
    if (inactive.has(c.code)) say(c, 'properties.code', `编码 ${c.code} 属于已停用的网格，不能重复使用`, `The code ${c.code} belongs to a retired grid and cannot be reused`);
    if (c.level === 1 && !towns.has(c.code))
      say(c, 'properties.code', `一级网格编码应为乡镇（街道）行政区划代码，${c.code} 不存在`, `A first-level grid code must be a town-level region code; ${c.code} does not exist`);
    if (!canAct(actor, 'org:manage', { regionCode: c.town })) say(c, 'properties.code', '无权管理该乡镇的网格', 'You may not manage grids of this town');
    if (c.parentCode !== null) {
      const parentGeom = inFile.get(c.parentCode)?.geometry ?? existing.get(c.parentCode)?.row.geometry;
      if (!parentGeom) say(c, 'properties.parent', `上级网格 ${c.parentCode} 不存在`, `Parent grid ${c.parentCode} does not exist`);
      else if (!contains(parentGeom, c.geometry)) say(c, 'geometry', `网格超出上级网格 ${c.parentCode} 的范围`, `The grid extends beyond its parent ${c.parentCode}`);
    }
    if (problems.length === n) valid.push(c);
  }

  // siblings: the file's features and the stored grids of the same parent that the file does not replace
  const groups = new Map<string, Candidate[]>();
  for (const c of valid) {
    const key = c.parentCode ?? '';
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  for (const [parentCode, group] of groups) {
    const parentId = parentCode ? existing.get(parentCode)?.row.id : null;
    const storedSiblings = parentId === undefined ? [] : (await repo.childRows(ex, [parentId])).filter((r) => !inFile.has(r.code));
    for (let i = 0; i < group.length; i++) {
      const a = group[i];
      for (let j = i + 1; j < group.length; j++) {
        const b = group[j];
        if (bboxesIntersect(a.bbox, b.bbox) && overlaps(a.geometry, b.geometry))
          say(b, 'geometry', `与第 ${a.index} 个要素（${a.code}）重叠`, `Overlaps feature ${a.index} (${a.code})`);
      }
      for (const s of storedSiblings) {
        const sb: BBox = [Number(s.min_lng), Number(s.min_lat), Number(s.max_lng), Number(s.max_lat)];
        if (bboxesIntersect(a.bbox, sb) && overlaps(a.geometry, s.geometry)) say(a, 'geometry', `与已有网格 ${s.code}（${s.name}）重叠`, `Overlaps the existing grid ${s.code} (${s.name})`);
      }
    }
  }
  // a reshaped parent must still hold its stored children that the file leaves alone
  for (const c of valid) {
    const prior = existing.get(c.code);
    if (!prior || c.level === 3) continue;
    for (const child of await repo.childRows(ex, [prior.row.id])) {
      if (!inFile.has(child.code) && !contains(c.geometry, child.geometry))
        say(c, 'geometry', `已有下级网格 ${child.code} 将超出新的范围`, `The existing child grid ${child.code} would fall outside the new shape`);
    }
  }

  let create = 0;
  let update = 0;
  let unchanged = 0;
  for (const c of candidates) {
    const prior = existing.get(c.code)?.row;
    if (!prior) create++;
    else if (sameAs(c, prior)) unchanged++;
    else update++;
  }
  problems.sort((a, b) => a.index - b.index);
  const byLevel = { '1': 0, '2': 0, '3': 0 };
  for (const c of candidates) byLevel[String(c.level) as '1' | '2' | '3']++;
  return { preview: { features: fc.features.length, create, update, unchanged, byLevel, problems, committed: false }, candidates, existing };
}

function sameAs(c: Candidate, r: repo.GridRow): boolean {
  return (
    c.name === r.name &&
    JSON.stringify(c.geometry) === JSON.stringify(r.geometry) &&
    (c.households === null || c.households === r.households) &&
    (c.firms === null || c.firms === r.firms)
  );
}

const brief = (g: { name: string; bbox: BBox; areaM2: number; households: number; firms: number }) => ({
  name: g.name,
  bbox: g.bbox,
  areaM2: Math.round(g.areaM2),
  households: g.households,
  firms: g.firms,
});

export class GridImportService {
  constructor(private readonly db: Db) {}

  /**
   * Validates and (unless dryRun) commits a FeatureCollection in one
   * transaction. A dry run returns the preview with its problems; a commit
   * with any problem writes nothing and throws GridErrors.IMPORT_INVALID
   * listing every problem by feature index.
   */
  async importGeoJson(actor: Actor, who: AuditWho, body: unknown, opts: { dryRun: boolean }): Promise<ImportPreview> {
    const out = await inTransaction(this.db, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('grids.import'))`);
      const { preview, candidates, existing } = await validate(tx, actor, body);
      if (preview.problems.length && !opts.dryRun) {
        const shown = preview.problems.slice(0, MAX_REPORTED);
        const fields: FieldError[] = shown.map((p) => ({ field: p.field, in: 'body', message: p.zh, messageEn: p.en }));
        throw GridErrors.IMPORT_INVALID({ vars: { count: preview.problems.length }, fields, extra: { problems: shown, total: preview.problems.length } });
      }
      if (opts.dryRun) return preview;
      const ids = new Map<string, number>([...existing].map(([code, e]) => [code, e.row.id]));
      const created: string[] = [];
      const updated: string[] = [];
      for (const level of [1, 2, 3] as const) {
        const news: repo.NewGrid[] = [];
        for (const c of candidates.filter((x) => x.level === level)) {
          const parentId = c.parentCode === null ? null : (ids.get(c.parentCode) ?? null);
          const values = {
            parentId,
            name: c.name,
            townRegionCode: c.town,
            regionCode: c.town,
            geometry: c.geometry,
            bbox: c.bbox,
            areaM2: areaM2(c.geometry),
          };
          const prior = existing.get(c.code)?.row;
          if (!prior) {
            news.push({ ...values, code: c.code, level, households: c.households ?? 0, firms: c.firms ?? 0 });
          } else if (!sameAs(c, prior)) {
            const next = { ...values, households: c.households ?? prior.households, firms: c.firms ?? prior.firms };
            await repo.updateGrid(tx, prior.id, next);
            const before = { name: prior.name, bbox: [prior.min_lng, prior.min_lat, prior.max_lng, prior.max_lat] as BBox, areaM2: prior.area_m2, households: prior.households, firms: prior.firms };
            await recordAudit(tx, who, { action: 'grid.updated', entityType: 'grid', entityId: prior.id, regionCode: c.town, before: { code: c.code, ...brief(before) }, after: { code: c.code, ...brief(next) } });
            updated.push(c.code);
          }
        }
        const inserted = await repo.insertGrids(tx, news);
        for (const n of news) {
          const id = inserted.get(n.code) as number;
          ids.set(n.code, id);
          await recordAudit(tx, who, { action: 'grid.created', entityType: 'grid', entityId: id, regionCode: n.regionCode, after: { code: n.code, level: n.level, parent: n.parentId, ...brief(n) } });
          created.push(n.code);
        }
      }
      const revision = created.length || updated.length ? await repo.bumpRevision(tx) : await repo.currentRevision(tx);
      if (created.length || updated.length) await emit(tx, 'grids.changed', { revision, created, updated }, {});
      return { ...preview, committed: true, revision };
    });
    if (out.committed) GridService.of({ db: this.db }).invalidate();
    return out;
  }
}

export interface GeoJsonFeature {
  type: 'Feature';
  id: number;
  properties: { code: string; name: string; level: GridLevel; parent: string | null; town: string; households: number; firms: number };
  geometry: GridGeometry;
}

/** Grids as a FeatureCollection (same properties the import reads, so an export re-imports unchanged). */
export async function exportGeoJson(
  db: Db,
  f: { level?: GridLevel; parentId?: number; simplify?: number },
): Promise<{ type: 'FeatureCollection'; features: GeoJsonFeature[] }> {
  const svc = GridService.of({ db });
  const nodes = await svc.list({ level: f.level, under: f.parentId, parentId: f.level === undefined && f.parentId !== undefined ? f.parentId : undefined });
  const features: GeoJsonFeature[] = [];
  for (const n of nodes) {
    const geometry = (await svc.geometryOf(n.id)) as GridGeometry;
    const parent = n.parentId === null ? null : ((await svc.gridById(n.parentId))?.code ?? null);
    features.push({
      type: 'Feature',
      id: n.id,
      properties: { code: n.code, name: n.name, level: n.level, parent, town: n.townRegionCode, households: n.households, firms: n.firms },
      geometry: f.simplify ? simplify(geometry, f.simplify) : geometry,
    });
  }
  return { type: 'FeatureCollection', features };
}


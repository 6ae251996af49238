import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { inTransaction, query, type Db } from '../../platform/db/index.ts';
import { canonicalRegionCode, townKindOfCode } from './org.rules.ts';
import type { RegionLevel, TownKind } from './org.schema.ts';

/** The bundled region files (server/data/regions). */
export const REGIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/regions');
const DATASET = 'regions';
/** Bump when the way rows are derived from the files changes, so a loaded database reloads. */
const LOADER_VERSION = '1';
const FILES = ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv'] as const;
const BATCH = 5000;

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parent_code: string | null;
  town_kind: TownKind | null;
}

/** Parses one source line `code,"name",parent…` (names hold neither commas nor quotes). */
function parseLine(line: string, file: string, lineNo: number): string[] {
  const m = /^(\d+),"([^"]*)"((?:,\d+)*)$/.exec(line.trim());
  if (!m) throw new Error(`${file}:${lineNo}: unexpected line ${JSON.stringify(line)}`);
  return [m[1], m[2], ...m[3].split(',').filter(Boolean)];
}

function readRows(dir: string, file: string): string[][] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  return text
    .split('\n')
    .slice(1)
    .map((l, i) => [l, i + 2] as const)
    .filter(([l]) => l.trim())
    .map(([l, n]) => parseLine(l, file, n));
}

function canonical(raw: string): string {
  const c = canonicalRegionCode(raw);
  if (!c) throw new Error(`bad region code ${raw}`);
  return c;
}

/** Reads the four CSV files into table rows (canonical codes, one row per code). */
export function readRegionFiles(dir = REGIONS_DIR): RegionRow[] {
  const out = new Map<string, RegionRow>();
  for (const [code, name] of readRows(dir, 'provinces.csv')) {
    out.set(canonical(code), { code: canonical(code), name, level: 'province', parent_code: null, town_kind: null });
  }
  for (const [code, name, province] of readRows(dir, 'cities.csv')) {
    out.set(canonical(code), { code: canonical(code), name, level: 'city', parent_code: canonical(province), town_kind: null });
  }
  for (const [code, name, city] of readRows(dir, 'areas.csv')) {
    const c = canonical(code);
    // Cities without counties (东莞 441900…) appear again as a county with the city's own code: keep the city.
    if (out.has(c)) continue;
    out.set(c, { code: c, name, level: 'county', parent_code: canonical(city), town_kind: null });
  }
  for (const [code, name, area] of readRows(dir, 'streets.csv')) {
    // 金门县 is listed once more as its own town 350527000: the county already holds it.
    if (code.endsWith('000')) continue;
    const kind = townKindOfCode(code);
    if (!kind) throw new Error(`streets.csv: town code ${code} is outside 001–599`);
    out.set(code, { code, name, level: 'town', parent_code: canonical(area), town_kind: kind });
  }
  return [...out.values()];
}

function checksumOf(dir: string): string {
  const h = crypto.createHash('sha256').update(`loader:${LOADER_VERSION}\n`);
  for (const f of FILES) h.update(fs.readFileSync(path.join(dir, f)));
  return h.digest('hex');
}

export interface RegionLoadResult {
  /** False when the table already held this version of the files. */
  loaded: boolean;
  rows: number;
  ms: number;
}

/**
 * Loads the bundled administrative divisions into `regions`: all provinces,
 * cities, counties and the 41k town-level units. Idempotent: a checksum of
 * the files is kept in `region_loads`, and an unchanged load is skipped.
 * Rows are upserted (never deleted: organisations refer to them), in batches
 * sent as one JSON parameter each. Safe when several processes start at once.
 */
export async function loadRegions(db: Db, dir = REGIONS_DIR): Promise<RegionLoadResult> {
  const started = performance.now();
  const checksum = checksumOf(dir);
  const [current] = await query<{ checksum: string; rows: number }>(db, sql`select checksum, rows from region_loads where dataset = ${DATASET}`);
  if (current?.checksum === checksum) return { loaded: false, rows: current.rows, ms: performance.now() - started };
  const rows = readRegionFiles(dir);
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7318556)`);
    const [again] = await query<{ checksum: string; rows: number }>(tx, sql`select checksum, rows from region_loads where dataset = ${DATASET}`);
    if (again?.checksum === checksum) return { loaded: false, rows: again.rows, ms: performance.now() - started };
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = JSON.stringify(rows.slice(i, i + BATCH));
      await tx.execute(sql`
        insert into regions (code, name, level, parent_code, town_kind)
        select code, name, level, parent_code, town_kind
          from jsonb_to_recordset(${batch}::jsonb) as r(code text, name text, level text, parent_code text, town_kind text)
        on conflict (code) do update set name = excluded.name, level = excluded.level,
          parent_code = excluded.parent_code, town_kind = excluded.town_kind
        where (regions.name, regions.level, regions.parent_code, regions.town_kind)
          is distinct from (excluded.name, excluded.level, excluded.parent_code, excluded.town_kind)`);
    }
    await tx.execute(sql`
      insert into region_loads (dataset, checksum, rows, loaded_at) values (${DATASET}, ${checksum}, ${rows.length}, now())
      on conflict (dataset) do update set checksum = excluded.checksum, rows = excluded.rows, loaded_at = now()`);
    return { loaded: true, rows: rows.length, ms: performance.now() - started };
  });
}

/** Demo grids for Jiangyin: geometry from grids.demo.ts, bulk-inserted with staff. */
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { inTransaction, type Db } from '../../platform/db/index.ts';
import { findOrgByCode } from '../org/index.ts';
import { areaM2, bboxOf } from './geometry.rules.ts';
import { DEMO_GRID_TOWNS, planDemoGrids } from './grids.demo.ts';
import * as repo from './grids.repository.ts';
import { GridService } from './grids.service.ts';

export interface SeedGridsResult {
  seeded: boolean;
  counts: { grids: number; level1: number; level2: number; level3: number; gridStaff: number };
  ms: number;
}

/**
 * Seeds the demo grids of Jiangyin (17 / 271 / 1,557) with a head and five
 * roles each; the demo grid worker (a grid_worker account scoped to one town)
 * becomes the grid worker of every grid in his town. Idempotent: does nothing
 * when grids exist. Joins the caller's transaction when there is one.
 */
export async function seedGridsDemo(ctx: { db: Db }, opts: { log?: (line: string) => void } = {}): Promise<SeedGridsResult> {
  const started = performance.now();
  const result = await inTransaction(ctx.db, async (tx) => {
    const none = { grids: 0, level1: 0, level2: 0, level3: 0, gridStaff: 0 };
    if ((await repo.countGrids(tx)) > 0) return { seeded: false, counts: none };
    const names = await repo.townNames(tx, [...DEMO_GRID_TOWNS]);
    if (names.size !== DEMO_GRID_TOWNS.length) throw new Error('demo grids: the towns of Jiangyin are missing from the regions table; load the regions first');
    const plan = planDemoGrids(names);
    const ids = new Map<string, number>();
    for (const level of [1, 2, 3] as const) {
      const rows = plan.grids
        .filter((g) => g.level === level)
        .map((g) => ({
          code: g.code,
          level,
          parentId: g.parentCode === null ? null : (ids.get(g.parentCode) as number),
          name: g.name,
          townRegionCode: g.townRegionCode,
          regionCode: g.townRegionCode,
          geometry: g.geometry,
          bbox: bboxOf(g.geometry),
          areaM2: areaM2(g.geometry),
          households: g.households,
          firms: g.firms,
        }));
      for (const [code, id] of await repo.insertGrids(tx, rows)) ids.set(code, id);
    }

    const commandCentres = new Map<string, number | null>();
    for (const town of DEMO_GRID_TOWNS) commandCentres.set(town, (await findOrgByCode(tx, `${town}.cmd`))?.id ?? null);
    const workers = new Map((await repo.townGridWorkers(tx)).map((w) => [w.region_code, w]));
    const town = new Map(plan.grids.map((g) => [g.code, g.townRegionCode]));
    const staff = plan.staff.map((s) => {
      const townCode = town.get(s.gridCode) as string;
      const worker = s.role === 'grid_worker' ? workers.get(townCode) : undefined;
      return {
        gridId: ids.get(s.gridCode) as number,
        role: s.role,
        personName: worker?.display_name ?? s.personName,
        accountId: worker?.id ?? null,
        phone: s.phone,
        orgId: worker?.org_id ?? commandCentres.get(townCode) ?? null,
        regionCode: townCode,
        sort: s.sort,
      };
    });
    await repo.insertStaff(tx, staff);
    await repo.bumpRevision(tx);
    const counts = {
      grids: plan.grids.length,
      level1: plan.grids.filter((g) => g.level === 1).length,
      level2: plan.grids.filter((g) => g.level === 2).length,
      level3: plan.grids.filter((g) => g.level === 3).length,
      gridStaff: staff.length,
    };
    await recordAudit(tx, { actor: SYSTEM_ACTOR }, { action: 'grids.demo_seeded', entityType: 'grid', entityId: null, regionCode: '320281', after: counts });
    return { seeded: true, counts };
  });
  GridService.of(ctx).invalidate();
  const ms = performance.now() - started;
  if (result.seeded) opts.log?.(`网格 grids: ${result.counts.level1} / ${result.counts.level2} / ${result.counts.level3}, 网格人员 staff: ${result.counts.gridStaff} (${Math.round(ms)} ms)`);
  return { ...result, ms };
}

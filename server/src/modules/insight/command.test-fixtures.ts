/**
 * Test data for the command screen: the Jiangyin regions and demo grids, a
 * few organisations, and cases made and moved through the cases module's
 * own service (modules/cases/index.ts), so the figures come from real cases.
 */
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import type { AppContext } from '../../context.ts';
import { caseServiceOf, type CaseIntakeInput } from '../cases/index.ts';
import { insertOrg, loadRegions } from '../org/index.ts';
import { seedGridsDemo } from '../grids/index.ts';

export const JY = '320281';
export const HS = '320281107';
export const ZZ = '320281108';
/** Points inside 华士镇 and 周庄镇 (demo grids). */
export const IN_HS = { lng: 120.52, lat: 31.82 };
export const IN_HS_2 = { lng: 120.5, lat: 31.79 };

const who = { actor: SYSTEM_ACTOR, ip: '127.0.0.1' };

export interface CommandFixture {
  orgs: { gov: number; cgj: number; hsEnf: number; zzEnf: number };
}

export async function seedCommandFixture(ctx: AppContext): Promise<CommandFixture> {
  const db = ctx.db;
  await loadRegions(db);
  await seedGridsDemo(ctx);
  const gov = await insertOrg(db, { code: 'c.gov', name: '江阴市人民政府', type: 'government', level: 'county', regionCode: JY });
  const cgj = await insertOrg(db, { code: 'c.cgj', name: '江阴市城市管理局', shortName: '城管局', type: 'department', level: 'county', regionCode: JY, parentId: gov });
  const hs = await insertOrg(db, { code: 'c.hs', name: '江阴市华士镇人民政府', type: 'town_government', level: 'town', regionCode: HS, parentId: gov });
  const hsEnf = await insertOrg(db, { code: 'c.hs.enf', name: '江阴市华士镇综合行政执法局', type: 'enforcement_team', level: 'town', regionCode: HS, parentId: hs });
  const zz = await insertOrg(db, { code: 'c.zz', name: '江阴市周庄镇人民政府', type: 'town_government', level: 'town', regionCode: ZZ, parentId: gov });
  const zzEnf = await insertOrg(db, { code: 'c.zz.enf', name: '江阴市周庄镇综合行政执法局', type: 'enforcement_team', level: 'town', regionCode: ZZ, parentId: zz });
  return { orgs: { gov, cgj, hsEnf, zzEnf } };
}

/** A grid worker's report of exposed rubbish (暴露垃圾, 1 working day) at a point or in a town. */
export async function reportCase(ctx: AppContext, where: { lng: number; lat: number } | { town: string }, over: Partial<CaseIntakeInput> = {}): Promise<number> {
  const input: CaseIntakeInput = {
    source: 'grid_patrol',
    categoryCode: 'E0101',
    description: '路边有暴露垃圾，约 3 平方米',
    ...('town' in where ? { townRegionCode: where.town } : { lng: where.lng, lat: where.lat }),
    ...over,
  };
  const out = await caseServiceOf(ctx).intake(input, who);
  return out.id;
}

async function version(ctx: AppContext, id: number): Promise<number> {
  return ((await caseServiceOf(ctx).get(SYSTEM_ACTOR, id)) as { version: number }).version;
}

/** One workflow step with the case's current version. */
export async function act(ctx: AppContext, id: number, action: string, body: Record<string, unknown> = {}): Promise<void> {
  await caseServiceOf(ctx).act(who, id, action, { version: await version(ctx, id), ...body });
}

/** File and dispatch to a unit (at: when the clock starts; a past time makes it overdue now). */
export async function dispatchCase(ctx: AppContext, id: number, orgId: number, at?: string): Promise<void> {
  await act(ctx, id, 'file');
  await act(ctx, id, 'dispatch', { orgId, ...(at ? { at } : {}) });
}

/** Sign, feed back and verify on site: the case closes. */
export async function closeCase(ctx: AppContext, id: number): Promise<void> {
  await act(ctx, id, 'sign');
  await act(ctx, id, 'feedback', { result: '已清运完毕' });
  await act(ctx, id, 'verify', { passed: true });
}

/**
 * Demo cases for Jiangyin: reports from grid workers, the public, 12345 and
 * sensors at points inside the demo grids over the last weeks, taken through
 * the real loop (intake, routing, dispatch, signing, feedback, verification
 * or call-back, rework, extensions, returns) with back-dated times, so the
 * queues, traces, clocks and indicators have something to show. Idempotent:
 * skipped when demo cases exist. Needs the workflow, clock and file services
 * of a full application context.
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/access/index.ts';
import { executor, query, type Db } from '../../platform/db/index.ts';
import { createRng, type Rng } from '../../platform/ids/index.ts';
import { DEMO_EXTENT, GridService } from '../grids/index.ts';
import { findOrgByCode } from '../org/index.ts';
import { CaseService, type CaseActionInput } from './cases.service.ts';
import type { CaseSource, HotlineKind } from './cases.schema.ts';

const COUNTY = '320281';
const HOUR = 3_600_000;

const EVENT_CODES = ['E0101', 'E0101', 'E0101', 'E0102', 'E0103', 'E0201', 'E0202', 'E0301', 'E0302', 'E0303', 'E0402', 'E0501', 'E0501', 'E0502', 'E0503', 'E0504', 'E9902'];
const ASSET_CODES = ['A0101', 'A0102', 'A0103', 'A0201', 'A0202'];
const HOTLINE_KINDS: HotlineKind[] = ['complaint', 'complaint', 'report', 'help', 'consult', 'suggest'];
const TEXT: Record<string, string> = {
  E0101: '路边绿化带内堆放生活垃圾，约 2 平方米，有异味',
  E0102: '路面有渣土车抛洒的泥浆，长约 30 米',
  E0103: '河边空地有人倾倒装修垃圾',
  E0201: '小区围墙上有大量小广告',
  E0202: '沿街店招破损，有坠落风险',
  E0301: '工地夜间 23 点后仍在施工，噪声很大',
  E0302: '工地未覆盖土方，起风时扬尘严重',
  E0303: '小区楼顶在搭建违章建筑',
  E0402: '楼道内堆放杂物堵塞消防通道',
  E0501: '菜场门口有流动摊贩占道经营',
  E0502: '沿街商铺在店外摆放货架',
  E0503: '人行道上停放多辆机动车',
  E0504: '路边一辆轿车长期停放、积满灰尘',
  E9902: '小作坊内电线私拉乱接',
  A0101: '人行道雨水井盖缺失',
  A0102: '路灯连续多晚不亮',
  A0103: '雨水口堵塞，路面积水',
  A0201: '路面坑洼，电动车易摔倒',
  A0202: '路口信号灯一直闪黄灯',
};

interface Staff {
  grid: Actor;
  dispatcher: Actor;
  handler: Actor;
  leader: Actor;
}

/** A demo account as an acting staff member (the seed runs as the system, named as the account in the trace). */
async function actorOf(db: Db, username: string): Promise<Actor> {
  const [row] = await query<{ id: number; display_name: string }>(executor(db), sql`select id, display_name from accounts where username = ${username}`);
  return row ? { ...SYSTEM_ACTOR, id: row.id, username, displayName: row.display_name } : SYSTEM_ACTOR;
}

/** A working-hours instant some days before `now` (China time 08:30–17:00, weekdays). */
function workingInstant(rng: Rng, now: number, daysBack: number): number {
  let t = now - daysBack * 24 * HOUR;
  const local = new Date(t + 8 * HOUR);
  while (local.getUTCDay() === 0 || local.getUTCDay() === 6) {
    t -= 24 * HOUR;
    local.setTime(t + 8 * HOUR);
  }
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - 8 * HOUR;
  return day + (8.5 + rng.next() * 8) * HOUR;
}

export async function seedDemoCases(ctx: Pick<AppContext, 'db'> & Partial<AppContext>, opts: { count?: number; log?: (line: string) => void; now?: Date } = {}): Promise<number> {
  const log = opts.log ?? (() => undefined);
  if (!ctx.workflows || !ctx.calendar || !ctx.files) return 0;
  const [{ n }] = await query<{ n: number }>(executor(ctx.db), sql`select count(*)::int as n from cases where external_ref like 'demo-%'`);
  if (n > 0) return 0;
  const cases = new CaseService(ctx.db, ctx.workflows, ctx.calendar.clocks, ctx.files, { grids: GridService.of(ctx) });
  const grids = GridService.of(ctx);
  const staff: Staff = {
    grid: await actorOf(ctx.db, 'grid'),
    dispatcher: await actorOf(ctx.db, 'dispatcher'),
    handler: await actorOf(ctx.db, 'handler'),
    leader: await actorOf(ctx.db, 'leader'),
  };
  const rng = createRng('demo-cases');
  const now = (opts.now ?? new Date()).getTime();
  const count = opts.count ?? 60;
  let made = 0;
  for (let i = 0; i < count * 3 && made < count; i++) {
    const lng = DEMO_EXTENT.minLng + rng.next() * (DEMO_EXTENT.maxLng - DEMO_EXTENT.minLng);
    const lat = DEMO_EXTENT.minLat + rng.next() * (DEMO_EXTENT.maxLat - DEMO_EXTENT.minLat);
    const hit = await grids.locate(lng, lat);
    if (!hit) continue;
    const roll = rng.next();
    const source: CaseSource = roll < 0.5 ? 'grid_patrol' : roll < 0.65 ? 'public' : roll < 0.9 ? 'hotline' : 'sensor';
    const categoryCode = source === 'sensor' ? rng.pick(ASSET_CODES) : rng.pick(rng.next() < 0.2 ? ASSET_CODES : EVENT_CODES);
    const reportedAt = workingInstant(rng, now, rng.int(0, 40));
    const who = { actor: source === 'grid_patrol' ? staff.grid : source === 'hotline' ? staff.dispatcher : SYSTEM_ACTOR };
    const r = await cases.intake(
      {
        source,
        categoryCode,
        description: TEXT[categoryCode] ?? '现场发现问题',
        lng,
        lat,
        address: `${hit.name}附近`,
        hotlineKind: source === 'hotline' ? rng.pick(HOTLINE_KINDS) : null,
        requester: source === 'hotline' ? { name: rng.pick(['王先生', '李女士', '张先生', '陈女士']), phone: `139${String(rng.int(0, 99_999_999)).padStart(8, '0')}` } : null,
        externalRef: `demo-${made + 1}`,
        at: new Date(reportedAt).toISOString(),
      },
      who,
    );
    made++;
    await advance(ctx.db, cases, staff, r.id, reportedAt, now, rng);
  }
  log(`一网统管演示案件 demo cases: ${made}`);
  return made;
}

/** Takes a demo case as far along the loop as its age and luck allow; never past `now`. */
async function advance(db: Db, cases: CaseService, staff: Staff, id: number, reportedAt: number, now: number, rng: Rng): Promise<void> {
  let t = reportedAt;
  let version = 1;
  const step = async (actor: Actor, action: string, body: Omit<CaseActionInput, 'version'>, afterMs: number): Promise<boolean> => {
    t += afterMs;
    if (t > now) return false;
    const res = await cases.transition({ actor }, id, action, { ...body, version, at: new Date(t).toISOString() });
    version = res.version;
    return true;
  };
  const ex = executor(db);
  const c = (await query<{ kind: string; route: { suggestion?: { lead: { orgId: number; kind: string } } } | null; town_region_code: string | null; limit_unit: string; limit_amount: number }>(
    ex,
    sql`select kind, route, town_region_code, limit_unit, limit_amount from cases where id = ${id}`,
  ))[0];
  const lead = c.route?.suggestion?.lead;
  if (rng.next() < 0.06) {
    await step(staff.dispatcher, 'invalidate', { reason: '重复或不属于受理范围' }, HOUR);
    return;
  }
  if (!(await step(staff.dispatcher, 'file', {}, 0.5 * HOUR))) return;
  // town-led matters go to the town's enforcement bureau, department-led ones to the department; unroutable ones to the city management bureau
  const town = c.town_region_code;
  const enf = town ? await findOrgByCode(ex, `${town}.enf`) : undefined;
  const cgj = await findOrgByCode(ex, `${COUNTY}.cgj`);
  const orgId = lead?.kind === 'town' && enf ? enf.id : (lead?.orgId ?? cgj?.id);
  if (orgId == null || rng.next() < 0.05) return; // waiting in the queue
  if (!(await step(staff.dispatcher, 'dispatch', { orgId }, 0.5 * HOUR))) return;
  if (rng.next() < 0.08) {
    await step(staff.handler, 'return', { reason: '经核实不属于本单位职责' }, 2 * HOUR);
    return;
  }
  if (!(await step(staff.handler, 'sign', {}, rng.next() * 2 * HOUR))) return;
  const limitMs = (c.limit_unit === 'working_hours' ? c.limit_amount : c.limit_amount * 24) * HOUR;
  if (rng.next() < 0.1) {
    if (!(await step(staff.handler, 'request_extension', { amount: 2, reason: '需协调相关部门联合处置' }, HOUR))) return;
    if (!(await step(staff.dispatcher, 'approve_extension', {}, HOUR))) return;
  }
  const late = rng.next() < 0.15;
  if (!(await step(staff.handler, 'feedback', { result: '已到场处置完毕，现场恢复' }, late ? limitMs * 2.5 : limitMs * (0.1 + rng.next() * 0.5)))) return;
  const rework = rng.next() < 0.12;
  if (c.kind === 'hotline' || c.kind === 'complaint') {
    if (!(await step(staff.dispatcher, 'review', { approved: true }, HOUR))) return;
    if (!(await step(staff.dispatcher, 'callback', { satisfaction: rework ? 'unsatisfied' : 'satisfied' }, 3 * HOUR))) return;
  } else if (!(await step(staff.grid, 'verify', { passed: !rework }, 2 * HOUR))) return;
  if (rework) {
    if (!(await step(staff.handler, 'feedback', { result: '已二次处置' }, 4 * HOUR))) return;
    if (c.kind === 'hotline' || c.kind === 'complaint') {
      if (!(await step(staff.dispatcher, 'review', { approved: true }, HOUR))) return;
      if (!(await step(staff.dispatcher, 'callback', { satisfaction: 'satisfied' }, 2 * HOUR))) return;
    } else if (!(await step(staff.grid, 'verify', { passed: true }, 2 * HOUR))) return;
  }
  if (rng.next() < 0.5) await step(staff.leader, 'evaluate', { score: rng.int(70, 100) }, 24 * HOUR);
}

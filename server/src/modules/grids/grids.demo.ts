/**
 * Synthetic but deterministic grid geometry for the demo county Jiangyin
 * (320281): 17 first-level grids following its towns and streets, 271
 * second-level and 1,557 third-level grids, tiling 120.0–120.6 °E ×
 * 31.65–32.0 °N exactly (rectangles cut from shared boundary coordinates, so
 * no gaps and no overlaps; every child inside its parent and its town).
 *
 * The 17 first-level grids are the 6 streets, the 10 towns and the
 * high-tech zone (江阴高新区). The other four town-level units in the region
 * list (靖江工业园区 lies across the river in Jingjiang; 临港经济开发区,
 * 青阳园区 and 月城园区 are management zones overlapping streets and towns)
 * get no territory of their own.
 */
import { createRng, type Rng } from '../../platform/ids/index.ts';
import { rectangle, type GridGeometry } from './geometry.rules.ts';
import type { GridLevel, GridRole } from './grids.schema.ts';
import { GRID_ROLES } from './grids.schema.ts';

export const DEMO_EXTENT = { minLng: 120.0, minLat: 31.65, maxLng: 120.6, maxLat: 32.0 } as const;
export const DEMO_COUNTS = { level1: 17, level2: 271, level3: 1557 } as const;

/** Town-level units in three bands from the river (north) southwards, west to east, with their east edges. */
const BANDS: { south: number; north: number; towns: [code: string, eastLng: number][] }[] = [
  {
    south: 31.88,
    north: 32.0,
    towns: [
      ['320281100', 120.12], // 璜土镇
      ['320281008', 120.19], // 利港街道
      ['320281007', 120.25], // 申港街道
      ['320281009', 120.3], // 夏港街道
      ['320281001', 120.38], // 澄江街道
      ['320281400', 120.47], // 江阴高新技术产业开发区
      ['320281005', 120.6], // 云亭街道
    ],
  },
  {
    south: 31.77,
    north: 31.88,
    towns: [
      ['320281102', 120.17], // 月城镇
      ['320281004', 120.3], // 南闸街道
      ['320281108', 120.44], // 周庄镇
      ['320281107', 120.6], // 华士镇
    ],
  },
  {
    south: 31.65,
    north: 31.77,
    towns: [
      ['320281103', 120.14], // 青阳镇
      ['320281104', 120.26], // 徐霞客镇
      ['320281112', 120.36], // 祝塘镇
      ['320281110', 120.45], // 长泾镇
      ['320281109', 120.5], // 新桥镇
      ['320281111', 120.6], // 顾山镇
    ],
  },
];

/** The 17 town-level codes that get a first-level grid. */
export const DEMO_GRID_TOWNS: readonly string[] = BANDS.flatMap((b) => b.towns.map(([c]) => c));

export interface DemoGridPlan {
  code: string;
  level: GridLevel;
  parentCode: string | null;
  name: string;
  townRegionCode: string;
  geometry: GridGeometry;
  households: number;
  firms: number;
}

export interface DemoStaffPlan {
  gridCode: string;
  role: GridRole;
  personName: string;
  phone: string;
  sort: number;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
/** Degrees of longitude are shorter than degrees of latitude here (cos 31.8°). */
const LNG_SCALE = Math.cos((31.8 * Math.PI) / 180);

/** Splits `total` into integer parts proportional to `weights` (largest remainder), each at least `min`. */
export function apportion(total: number, weights: readonly number[], min = 1): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - min * weights.length;
  if (spare < 0) throw new RangeError(`apportion: ${total} < ${min} × ${weights.length}`);
  const raw = weights.map((w) => (w / sum) * spare);
  const out = raw.map((r) => min + Math.floor(r));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

/** Cut points between a and b for parts with the given weights (the ends are a and b exactly). */
function cuts(a: number, b: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((x, y) => x + y, 0);
  const out = [a];
  let acc = 0;
  for (let i = 0; i < weights.length - 1; i++) {
    acc += weights[i];
    out.push(round6(a + ((b - a) * acc) / sum));
  }
  out.push(b);
  return out;
}

/** Cuts a rectangle into n rectangles of similar size: columns west to east, rows south to north in each. */
export function splitRect(rng: Rng, [x0, y0, x1, y1]: [number, number, number, number], n: number): [number, number, number, number][] {
  const w = (x1 - x0) * LNG_SCALE;
  const h = y1 - y0;
  const cols = Math.min(n, Math.max(1, Math.round(Math.sqrt((n * w) / h))));
  const perCol = apportion(n, Array.from({ length: cols }, () => 1), 1);
  const xs = cuts(x0, x1, perCol.map((k) => k * (0.8 + 0.4 * rng.next())));
  const out: [number, number, number, number][] = [];
  perCol.forEach((k, c) => {
    const ys = cuts(y0, y1, Array.from({ length: k }, () => 0.75 + 0.5 * rng.next()));
    for (let r = 0; r < k; r++) out.push([xs[c], ys[r], xs[c + 1], ys[r + 1]]);
  });
  return out;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢钱缪';
const GIVEN = '建国华明伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀霞平刚桂英燕晓东海波宁红玲飞鹏浩宇欣怡子涵雨轩文博俊峰志强梅兰春雪';

function personName(rng: Rng): string {
  const s = SURNAMES[rng.int(0, SURNAMES.length - 1)];
  const g = Array.from({ length: rng.next() < 0.7 ? 2 : 1 }, () => GIVEN[rng.int(0, GIVEN.length - 1)]).join('');
  return s + g;
}

function phone(rng: Rng): string {
  return `1${rng.pick(['39', '38', '37', '36', '35', '58', '59', '88', '89', '80', '81', '86', '77'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

const pad3 = (n: number) => String(n).padStart(3, '0');

/**
 * The demo grids (parents before children) and their staff: the head and
 * five roles per grid, households 200–300 per third-level grid.
 */
export function planDemoGrids(townNames: ReadonlyMap<string, string>): { grids: DemoGridPlan[]; staff: DemoStaffPlan[] } {
  const rng = createRng('grids:jiangyin');
  const towns = BANDS.flatMap((b) => {
    let west: number = DEMO_EXTENT.minLng;
    return b.towns.map(([code, east]) => {
      const rect: [number, number, number, number] = [west, b.south, east, b.north];
      west = east;
      return { code, rect };
    });
  });
  const areaOf = ([x0, y0, x1, y1]: readonly number[]) => (x1 - x0) * (y1 - y0);
  const level2PerTown = apportion(DEMO_COUNTS.level2, towns.map((t) => areaOf(t.rect) * (0.8 + 0.4 * rng.next())), 6);

  // third-level grids per second-level one: 4–8, adjusted to the exact total
  const level3Counts = Array.from({ length: DEMO_COUNTS.level2 }, () => rng.int(4, 7));
  let diff = DEMO_COUNTS.level3 - level3Counts.reduce((a, b) => a + b, 0);
  while (diff !== 0) {
    const i = rng.int(0, level3Counts.length - 1);
    if (diff > 0 && level3Counts[i] < 8) [level3Counts[i], diff] = [level3Counts[i] + 1, diff - 1];
    else if (diff < 0 && level3Counts[i] > 4) [level3Counts[i], diff] = [level3Counts[i] - 1, diff + 1];
  }

  const grids: DemoGridPlan[] = [];
  let l2 = 0;
  towns.forEach((town, ti) => {
    const townName = townNames.get(town.code);
    if (!townName) throw new Error(`demo grids: town ${town.code} is not in the regions table`);
    const level1: DemoGridPlan = {
      code: town.code,
      level: 1,
      parentCode: null,
      name: `${townName}网格`,
      townRegionCode: town.code,
      geometry: rectangle(...town.rect),
      households: 0,
      firms: 0,
    };
    grids.push(level1);
    splitRect(rng, town.rect, level2PerTown[ti]).forEach((rect2, i2) => {
      const code2 = town.code + pad3(i2 + 1);
      const level2: DemoGridPlan = {
        code: code2,
        level: 2,
        parentCode: town.code,
        name: `${townName}第${i2 + 1}片区`,
        townRegionCode: town.code,
        geometry: rectangle(...rect2),
        households: 0,
        firms: 0,
      };
      grids.push(level2);
      splitRect(rng, rect2, level3Counts[l2++]).forEach((rect3, i3) => {
        const households = rng.int(200, 300);
        const firms = rng.int(3, 60);
        level2.households += households;
        level2.firms += firms;
        grids.push({
          code: code2 + pad3(i3 + 1),
          level: 3,
          parentCode: code2,
          name: `${townName}${i2 + 1}片区第${i3 + 1}网格`,
          townRegionCode: town.code,
          geometry: rectangle(...rect3),
          households,
          firms,
        });
      });
      level1.households += level2.households;
      level1.firms += level2.firms;
    });
  });

  const staff: DemoStaffPlan[] = [];
  for (const g of grids) {
    const r = createRng(`grid-staff:${g.code}`);
    GRID_ROLES.forEach((role, i) => staff.push({ gridCode: g.code, role, personName: personName(r), phone: phone(r), sort: i * 100 }));
  }
  return { grids, staff };
}

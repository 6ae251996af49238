import { describe, expect, it } from 'vitest';
import { createRng } from '../../platform/ids/index.ts';
import { bboxOf, contains, overlaps, planarArea, pointInGeometry, rectangle } from './geometry.rules.ts';
import { DEMO_COUNTS, DEMO_EXTENT, DEMO_GRID_TOWNS, apportion, planDemoGrids, splitRect } from './grids.demo.ts';
import { SpatialIndex } from './spatial.index.ts';

const names = new Map(DEMO_GRID_TOWNS.map((c) => [c, `镇${c.slice(6)}`]));
const plan = planDemoGrids(names);
const byCode = new Map(plan.grids.map((g) => [g.code, g]));
const level = (l: number) => plan.grids.filter((g) => g.level === l);
const extent = rectangle(DEMO_EXTENT.minLng, DEMO_EXTENT.minLat, DEMO_EXTENT.maxLng, DEMO_EXTENT.maxLat);

describe('apportion and splitRect', () => {
  it('apportions exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(271, [5, 1, 1, 1], 6).reduce((a, b) => a + b)).toBe(271);
    expect(() => apportion(2, [1, 1, 1])).toThrow(RangeError);
  });

  it('cuts a rectangle into n rectangles that tile it', () => {
    for (const n of [1, 2, 5, 7, 13]) {
      const parts = splitRect(createRng(n), [0, 0, 2, 1], n);
      expect(parts).toHaveLength(n);
      expect(parts.reduce((a, [x0, y0, x1, y1]) => a + (x1 - x0) * (y1 - y0), 0)).toBeCloseTo(2, 9);
    }
  });
});

describe('demo grid plan for Jiangyin', () => {
  it('has the seed’s counts: 17 / 271 / 1,557', () => {
    expect(level(1)).toHaveLength(DEMO_COUNTS.level1);
    expect(level(2)).toHaveLength(DEMO_COUNTS.level2);
    expect(level(3)).toHaveLength(DEMO_COUNTS.level3);
    expect(new Set(plan.grids.map((g) => g.code)).size).toBe(plan.grids.length);
  });

  it('is deterministic', () => {
    expect(planDemoGrids(names)).toEqual(plan);
  });

  it('codes follow town + level-2 serial + level-3 serial', () => {
    for (const g of plan.grids) {
      expect(g.code).toHaveLength(g.level === 1 ? 9 : g.level === 2 ? 12 : 15);
      expect(g.code.startsWith(g.townRegionCode)).toBe(true);
      if (g.parentCode) expect(g.code.startsWith(g.parentCode)).toBe(true);
    }
  });

  it('each level tiles the county: child areas sum to the parent, the first level to the extent', () => {
    const sum = (gs: typeof plan.grids) => gs.reduce((a, g) => a + planarArea(g.geometry), 0);
    for (const l of [1, 2, 3]) expect(sum(level(l))).toBeCloseTo(planarArea(extent), 10);
    for (const parent of plan.grids.filter((g) => g.level < 3)) {
      const kids = plan.grids.filter((g) => g.parentCode === parent.code);
      expect(kids.length).toBeGreaterThan(0);
      expect(Math.abs(sum(kids) - planarArea(parent.geometry))).toBeLessThan(1e-12);
    }
  });

  it('every child lies inside its parent and its town, and siblings do not overlap', () => {
    for (const g of plan.grids) {
      if (!g.parentCode) continue;
      const parent = byCode.get(g.parentCode);
      const town = byCode.get(g.townRegionCode);
      expect(parent && contains(parent.geometry, g.geometry)).toBe(true);
      expect(town && contains(town.geometry, g.geometry)).toBe(true);
    }
    for (const parentCode of [null, ...level(1).map((g) => g.code), ...level(2).slice(0, 40).map((g) => g.code)]) {
      const kids = plan.grids.filter((g) => g.parentCode === parentCode);
      for (let i = 0; i < kids.length; i++) for (let j = i + 1; j < kids.length; j++) expect(overlaps(kids[i].geometry, kids[j].geometry)).toBe(false);
    }
  });

  it('random points fall in exactly one grid per level, and the level-3 grid’s ancestors are the level-1/2 grids', () => {
    const rng = createRng('tiling-check');
    const indexes = [1, 2, 3].map((l) => new SpatialIndex(level(l).map((g, i) => ({ id: i, code: g.code, geometry: g.geometry, bbox: bboxOf(g.geometry) }))));
    for (let k = 0; k < 5000; k++) {
      const x = DEMO_EXTENT.minLng + rng.next() * (DEMO_EXTENT.maxLng - DEMO_EXTENT.minLng);
      const y = DEMO_EXTENT.minLat + rng.next() * (DEMO_EXTENT.maxLat - DEMO_EXTENT.minLat);
      const hits = indexes.map((ix) => ix.findAll(x, y));
      for (const h of hits) expect(h).toHaveLength(1);
      const leaf = byCode.get(hits[2][0].code);
      expect(leaf?.parentCode).toBe(hits[1][0].code);
      expect(byCode.get(hits[1][0].code)?.parentCode).toBe(hits[0][0].code);
    }
    expect(indexes[2].find(119.99, 31.8)).toBeUndefined();
    expect(indexes[2].find(120.3, 32.01)).toBeUndefined();
  });

  it('puts a point in 华士镇 into a 华士镇 grid', () => {
    const index = new SpatialIndex(level(3).map((g, i) => ({ id: i, code: g.code, geometry: g.geometry, bbox: bboxOf(g.geometry) })));
    const hit = index.find(120.52, 31.82);
    expect(hit?.code.startsWith('320281107')).toBe(true);
    expect(pointInGeometry(120.52, 31.82, byCode.get('320281107')!.geometry)).toBe(1);
  });

  it('gives each third-level grid 200–300 households and every grid a head and five roles', () => {
    for (const g of level(3)) {
      expect(g.households).toBeGreaterThanOrEqual(200);
      expect(g.households).toBeLessThanOrEqual(300);
    }
    expect(level(1).reduce((a, g) => a + g.households, 0)).toBe(level(3).reduce((a, g) => a + g.households, 0));
    expect(plan.staff).toHaveLength(plan.grids.length * 6);
    const roles = new Set(plan.staff.filter((s) => s.gridCode === '320281107001').map((s) => s.role));
    expect([...roles].sort()).toEqual(['grid_worker', 'head', 'informant', 'inspector', 'liaison', 'patroller']);
    for (const s of plan.staff.slice(0, 50)) expect(s.phone).toMatch(/^1\d{10}$/);
  });
});

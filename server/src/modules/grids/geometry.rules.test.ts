import { describe, expect, it } from 'vitest';
import {
  BOUNDARY,
  INSIDE,
  OUTSIDE,
  areaM2,
  bboxOf,
  contains,
  geometryProblems,
  overlaps,
  planarArea,
  pointInGeometry,
  rectangle,
  simplify,
  type GridGeometry,
} from './geometry.rules.ts';
import { SpatialIndex } from './spatial.index.ts';

const square = rectangle(0, 0, 10, 10);
const withHole: GridGeometry = {
  type: 'Polygon',
  coordinates: [
    [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
    [[3, 3], [3, 7], [7, 7], [7, 3], [3, 3]],
  ],
};

describe('point in polygon', () => {
  it('tells inside, outside and boundary, holes included', () => {
    expect(pointInGeometry(5, 5, square)).toBe(INSIDE);
    expect(pointInGeometry(11, 5, square)).toBe(OUTSIDE);
    expect(pointInGeometry(0, 5, square)).toBe(BOUNDARY);
    expect(pointInGeometry(10, 10, square)).toBe(BOUNDARY);
    expect(pointInGeometry(5, 5, withHole)).toBe(OUTSIDE);
    expect(pointInGeometry(3, 5, withHole)).toBe(BOUNDARY);
    expect(pointInGeometry(1, 1, withHole)).toBe(INSIDE);
    expect(pointInGeometry(8.5, 5, withHole)).toBe(INSIDE);
  });

  it('handles concave shapes and a ray through a vertex', () => {
    // a U shape: the notch is outside
    const u: GridGeometry = { type: 'Polygon', coordinates: [[[0, 0], [6, 0], [6, 6], [4, 6], [4, 2], [2, 2], [2, 6], [0, 6], [0, 0]]] };
    expect(pointInGeometry(3, 4, u)).toBe(OUTSIDE);
    expect(pointInGeometry(1, 4, u)).toBe(INSIDE);
    expect(pointInGeometry(5, 4, u)).toBe(INSIDE);
    // the horizontal ray from (1, 2) passes exactly through the vertices (2, 2) and (4, 2)
    expect(pointInGeometry(1, 2, u)).toBe(INSIDE);
    const diamond: GridGeometry = { type: 'Polygon', coordinates: [[[0, 5], [5, 0], [10, 5], [5, 10], [0, 5]]] };
    expect(pointInGeometry(-1, 5, diamond)).toBe(OUTSIDE);
    expect(pointInGeometry(1, 5, diamond)).toBe(INSIDE);
  });

  it('handles MultiPolygons', () => {
    const multi: GridGeometry = { type: 'MultiPolygon', coordinates: [rectangle(0, 0, 1, 1).coordinates as never, rectangle(5, 5, 6, 6).coordinates as never] };
    expect(pointInGeometry(0.5, 0.5, multi)).toBe(INSIDE);
    expect(pointInGeometry(5.5, 5.5, multi)).toBe(INSIDE);
    expect(pointInGeometry(3, 3, multi)).toBe(OUTSIDE);
  });
});

describe('areas and boxes', () => {
  it('computes planar and spherical areas', () => {
    expect(planarArea(square)).toBe(100);
    expect(planarArea(withHole)).toBe(84);
    // one degree of latitude by one of longitude at the equator ≈ 111.2 km × 111.2 km
    expect(areaM2(rectangle(0, 0, 1, 1)) / 1e6).toBeCloseTo(12364, -1);
    // a 0.01° cell in Jiangyin: 0.01 × 111.2 km × cos(31.8°) by 1.112 km ≈ 1.051 km²
    expect(areaM2(rectangle(120.3, 31.8, 120.31, 31.81)) / 1e6).toBeCloseTo(1.051, 2);
    expect(bboxOf(withHole)).toEqual([0, 0, 10, 10]);
  });
});

describe('containment and overlap', () => {
  it('accepts children inside, including ones sharing the parent’s edges', () => {
    expect(contains(square, rectangle(2, 2, 4, 4))).toBe(true);
    expect(contains(square, rectangle(0, 0, 5, 10))).toBe(true);
    expect(contains(square, square)).toBe(true);
    expect(contains(square, rectangle(5, 5, 11, 6))).toBe(false);
    expect(contains(square, rectangle(20, 20, 21, 21))).toBe(false);
  });

  it('refuses a child covering or inside a hole', () => {
    expect(contains(withHole, rectangle(1, 1, 2, 2))).toBe(true);
    expect(contains(withHole, rectangle(4, 4, 6, 6))).toBe(false);
    expect(contains(withHole, rectangle(1, 1, 9, 9))).toBe(false);
    expect(contains(withHole, rectangle(3, 3, 7, 7))).toBe(false);
  });

  it('finds overlaps and allows shared edges and corners', () => {
    expect(overlaps(rectangle(0, 0, 2, 1), rectangle(2, 0, 3, 1))).toBe(false);
    expect(overlaps(rectangle(0, 0, 1, 1), rectangle(1, 1, 2, 2))).toBe(false);
    expect(overlaps(rectangle(0, 0, 2, 1), rectangle(1, 0, 3, 1))).toBe(true); // all vertices on the other's boundary
    expect(overlaps(square, square)).toBe(true);
    expect(overlaps(square, rectangle(4, 4, 5, 5))).toBe(true); // inside, no edge crossing
    expect(overlaps(rectangle(4, -1, 5, 11), square)).toBe(true); // a cross, no vertex inside
    expect(overlaps(withHole, rectangle(4, 4, 6, 6))).toBe(false); // in the hole
    expect(overlaps(withHole, rectangle(3, 3, 7, 7))).toBe(false); // fills the hole exactly
    expect(overlaps(rectangle(0, 0, 1, 1), rectangle(5, 5, 6, 6))).toBe(false);
  });
});

describe('diagonals, tiny edges and real-looking coordinates', () => {
  it('splits a square along its diagonal without overlap, each half inside the square', () => {
    const [x0, y0, x1, y1] = [120.123457, 31.765432, 120.134567, 31.776543];
    const sq = rectangle(x0, y0, x1, y1);
    const lower: GridGeometry = { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y0]]] };
    const upper: GridGeometry = { type: 'Polygon', coordinates: [[[x0, y0], [x1, y1], [x0, y1], [x0, y0]]] };
    expect(overlaps(lower, upper)).toBe(false);
    expect(contains(sq, lower) && contains(sq, upper)).toBe(true);
    expect(overlaps(lower, sq)).toBe(true);
    expect(planarArea(lower) + planarArea(upper)).toBeCloseTo(planarArea(sq), 15);
    // a sliver of the upper half pushed one micro-degree across the diagonal overlaps
    const pushed: GridGeometry = { type: 'Polygon', coordinates: [[[x0, y0], [x1, y1 - 1e-6], [x0, y1], [x0, y0]]] };
    expect(overlaps(lower, pushed)).toBe(true);
  });

  it('sees overlaps along edges a metre long', () => {
    const a = rectangle(120.3, 31.8, 120.30001, 31.80001);
    expect(overlaps(a, rectangle(120.3, 31.8, 120.30001, 31.80001))).toBe(true);
    expect(overlaps(a, rectangle(120.30001, 31.8, 120.30002, 31.80001))).toBe(false);
    expect(pointInGeometry(120.300005, 31.800005, a)).toBe(INSIDE);
  });

  it('accepts repeated consecutive positions', () => {
    expect(geometryProblems({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] })).toEqual([]);
  });
});

describe('validation', () => {
  it('accepts good shapes', () => {
    expect(geometryProblems(square)).toEqual([]);
    expect(geometryProblems(withHole)).toEqual([]);
  });

  it('names what is wrong', () => {
    expect(geometryProblems({ type: 'Point', coordinates: [1, 2] })[0].path).toBe('type');
    expect(geometryProblems({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })[0].en).toMatch(/not closed/);
    expect(geometryProblems({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })[0].en).toMatch(/at least 4/);
    expect(geometryProblems({ type: 'Polygon', coordinates: [[[0, 0], [200, 0], [1, 1], [0, 0]]] })[0].path).toBe('coordinates.0.1');
    expect(geometryProblems({ type: 'Polygon', coordinates: [[[0, 0], ['a', 0], [1, 1], [0, 0]]] })[0].path).toBe('coordinates.0.1');
    // a bow tie crosses itself
    expect(geometryProblems({ type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] })[0].en).toMatch(/intersects itself/);
    expect(geometryProblems({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [2, 2], [0, 0]]] })[0].en).toMatch(/no area/);
    const holeOutside = { type: 'Polygon', coordinates: [square.coordinates[0], [[20, 20], [21, 20], [21, 21], [20, 21], [20, 20]]] };
    expect(geometryProblems(holeOutside)[0].en).toMatch(/hole/);
    const overlappingParts = { type: 'MultiPolygon', coordinates: [rectangle(0, 0, 2, 2).coordinates, rectangle(1, 1, 3, 3).coordinates] };
    expect(geometryProblems(overlappingParts)[0].en).toMatch(/overlap/);
  });
});

describe('simplify', () => {
  it('drops near-collinear vertices and keeps the shape closed', () => {
    const ring: [number, number][] = [[0, 0], [5, 0.0001], [10, 0], [10, 10], [5, 10.0001], [0, 10], [0, 0]];
    const s = simplify({ type: 'Polygon', coordinates: [ring] }, 0.01);
    expect(s.type === 'Polygon' && s.coordinates[0]).toEqual([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]);
    expect(simplify(square, 100)).toEqual(square);
  });
});

describe('spatial index', () => {
  it('finds the shape containing a point and nothing outside', () => {
    const shapes = [];
    let id = 1;
    for (let x = 0; x < 10; x++) for (let y = 0; y < 5; y++) shapes.push({ id: id++, geometry: rectangle(x, y, x + 1, y + 1), bbox: [x, y, x + 1, y + 1] as [number, number, number, number] });
    const index = new SpatialIndex(shapes);
    expect(index.find(3.5, 2.5)?.id).toBe(3 * 5 + 2 + 1);
    expect(index.find(10.5, 2)).toBeUndefined();
    expect(index.find(-0.1, 2)).toBeUndefined();
    // on a shared edge: the shape listed first
    expect(index.find(3, 2.5)?.id).toBe(2 * 5 + 2 + 1);
    expect(index.findAll(3, 2.5).map((s) => s.id)).toEqual([13, 18]);
    expect(index.find(Number.NaN, 1)).toBeUndefined();
  });
});

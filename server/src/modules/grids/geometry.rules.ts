/**
 * Plane geometry on WGS84 lng/lat for grids (PostGIS is not available on
 * PGlite). Pure functions: point in polygon (holes, boundary), areas,
 * bounding boxes, exact containment and overlap tests for simple polygons,
 * ring validation, simplification.
 *
 * Conventions: a ring is closed (first position == last), a polygon is an
 * outer ring followed by holes, coordinates are [lng, lat].
 */

export type Position = [number, number];
export type Ring = Position[];
export type PolygonCoords = Ring[];
export type GridGeometry = { type: 'Polygon'; coordinates: PolygonCoords } | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };
/** [minLng, minLat, maxLng, maxLat] */
export type BBox = [number, number, number, number];

/** Where a point lies relative to a shape. */
export const INSIDE = 1;
export const BOUNDARY = 0;
export const OUTSIDE = -1;
export type Where = typeof INSIDE | typeof BOUNDARY | typeof OUTSIDE;

/** Area tolerance (degrees², about 0.01 m²). */
const EPS = 1e-12;
/** Distance tolerance for "on a segment" and collinearity (degrees, about 1 µm). */
const DIST = 1e-11;
const EARTH_RADIUS_M = 6_371_008.8;

export function polygonsOf(g: GridGeometry): PolygonCoords[] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function ringsOf(g: GridGeometry): Ring[] {
  return polygonsOf(g).flat();
}

export function bboxOf(g: GridGeometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polygonsOf(g)) {
    for (const [x, y] of poly[0] ?? []) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

export function bboxContainsPoint(b: BBox, x: number, y: number): boolean {
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
}

export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

function onSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): boolean {
  if (px < Math.min(ax, bx) - DIST || px > Math.max(ax, bx) + DIST || py < Math.min(ay, by) - DIST || py > Math.max(ay, by) + DIST) return false;
  const cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  // distance from the line = |cross| / length
  return cross * cross <= DIST * DIST * ((bx - ax) ** 2 + (by - ay) ** 2);
}

/** A point against one closed ring: inside, on the boundary, or outside (crossing number). */
export function pointInRing(x: number, y: number, ring: Ring): Where {
  let inside = false;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[i + 1];
    if (onSegment(x, y, ax, ay, bx, by)) return BOUNDARY;
    if (ay > y !== by > y) {
      const xi = ax + ((y - ay) * (bx - ax)) / (by - ay);
      if (x < xi) inside = !inside;
    }
  }
  return inside ? INSIDE : OUTSIDE;
}

/** A point against a polygon with holes: a point in a hole is outside; on a hole's edge is on the boundary. */
export function pointInPolygon(x: number, y: number, poly: PolygonCoords): Where {
  if (poly.length === 0) return OUTSIDE;
  const outer = pointInRing(x, y, poly[0]);
  if (outer !== INSIDE) return outer;
  for (let h = 1; h < poly.length; h++) {
    const w = pointInRing(x, y, poly[h]);
    if (w === INSIDE) return OUTSIDE;
    if (w === BOUNDARY) return BOUNDARY;
  }
  return INSIDE;
}

/** A point against a Polygon or MultiPolygon (parts do not overlap). */
export function pointInGeometry(x: number, y: number, g: GridGeometry): Where {
  let best: Where = OUTSIDE;
  for (const poly of polygonsOf(g)) {
    const w = pointInPolygon(x, y, poly);
    if (w === INSIDE) return INSIDE;
    if (w === BOUNDARY) best = BOUNDARY;
  }
  return best;
}

/** Signed planar area of a ring in degrees² (positive when counter-clockwise). */
export function ringSignedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/** Planar area in degrees² (outer rings minus holes). Exact for rectangles; used for tiling checks. */
export function planarArea(g: GridGeometry): number {
  let a = 0;
  for (const poly of polygonsOf(g)) {
    poly.forEach((ring, i) => {
      const r = Math.abs(ringSignedArea(ring));
      a += i === 0 ? r : -r;
    });
  }
  return a;
}

/** Area of a ring on the sphere in m² (the spherical-excess line integral over lng, lat). */
function ringAreaM2(ring: Ring): number {
  let s = 0;
  const rad = Math.PI / 180;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[i + 1];
    s += (x2 - x1) * rad * (2 + Math.sin(y1 * rad) + Math.sin(y2 * rad));
  }
  return Math.abs((s * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

/** Area on the sphere in square metres. */
export function areaM2(g: GridGeometry): number {
  let a = 0;
  for (const poly of polygonsOf(g)) poly.forEach((ring, i) => (a += i === 0 ? ringAreaM2(ring) : -ringAreaM2(ring)));
  return a;
}

// ── segment arrangement: exact containment and overlap for simple polygons ──

type Segment = [number, number, number, number];

function segmentsOf(g: GridGeometry): Segment[] {
  const out: Segment[] = [];
  for (const ring of ringsOf(g)) for (let i = 0; i < ring.length - 1; i++) out.push([ring[i][0], ring[i][1], ring[i + 1][0], ring[i + 1][1]]);
  return out;
}

/** Parameters t in (0, 1) where `others` touch or cross segment s. */
function cutsOf(s: Segment, others: Segment[]): number[] {
  const [ax, ay, bx, by] = s;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const minX = Math.min(ax, bx) - DIST;
  const maxX = Math.max(ax, bx) + DIST;
  const minY = Math.min(ay, by) - DIST;
  const maxY = Math.max(ay, by) + DIST;
  const ts: number[] = [];
  const at = (px: number, py: number) => {
    const t = ((px - ax) * dx + (py - ay) * dy) / len2;
    if (t > 1e-12 && t < 1 - 1e-12) ts.push(t);
  };
  for (const [cx, cy, ex, ey] of others) {
    if (Math.max(cx, ex) < minX || Math.min(cx, ex) > maxX || Math.max(cy, ey) < minY || Math.min(cy, ey) > maxY) continue;
    if (onSegment(cx, cy, ax, ay, bx, by)) at(cx, cy);
    if (onSegment(ex, ey, ax, ay, bx, by)) at(ex, ey);
    const fx = ex - cx;
    const fy = ey - cy;
    const denom = dx * fy - dy * fx;
    if (denom * denom <= 1e-24 * len2 * (fx * fx + fy * fy)) continue; // parallel: only shared endpoints matter (above)
    const t = ((cx - ax) * fy - (cy - ay) * fx) / denom;
    const u = ((cx - ax) * dy - (cy - ay) * dx) / denom;
    if (t > 0 && t < 1 && u > 0 && u < 1) ts.push(t);
  }
  return ts.sort((p, q) => p - q);
}

/** The pieces of `own` segments between the points where `other` segments touch them: [midX, midY, dirX, dirY]. */
function* pieces(own: Segment[], other: Segment[]): Generator<[number, number, number, number]> {
  for (const s of own) {
    const [ax, ay, bx, by] = s;
    const dx = bx - ax;
    const dy = by - ay;
    if (dx === 0 && dy === 0) continue;
    const ts = [0, ...cutsOf(s, other), 1];
    for (let i = 0; i < ts.length - 1; i++) {
      if (ts[i + 1] - ts[i] < 1e-12) continue;
      const m = (ts[i] + ts[i + 1]) / 2;
      yield [ax + m * dx, ay + m * dy, dx, dy];
    }
  }
}

/** Points just either side of a piece, a tiny distance off it. */
function sides(mx: number, my: number, dx: number, dy: number): [Position, Position] {
  const len = Math.hypot(dx, dy);
  const e = Math.max(Math.min(1e-8, len * 1e-3), DIST * 10) / len;
  return [
    [mx - dy * e, my + dx * e],
    [mx + dy * e, my - dx * e],
  ];
}

/** True when the interiors of a and b intersect (sharing edges or corners is not an overlap). */
export function overlaps(a: GridGeometry, b: GridGeometry): boolean {
  if (!bboxesIntersect(bboxOf(a), bboxOf(b))) return false;
  const sa = segmentsOf(a);
  const sb = segmentsOf(b);
  const check = (ownSegs: Segment[], otherSegs: Segment[], own: GridGeometry, other: GridGeometry) => {
    for (const [mx, my, dx, dy] of pieces(ownSegs, otherSegs)) {
      const w = pointInGeometry(mx, my, other);
      if (w === INSIDE) return true;
      if (w === BOUNDARY) {
        // a shared stretch of boundary: overlap when both interiors lie on the same side
        for (const p of sides(mx, my, dx, dy)) if (pointInGeometry(p[0], p[1], own) === INSIDE && pointInGeometry(p[0], p[1], other) === INSIDE) return true;
      }
    }
    return false;
  };
  return check(sa, sb, a, b) || check(sb, sa, b, a);
}

/** True when `inner` lies within `outer` (boundaries may touch). */
export function contains(outer: GridGeometry, inner: GridGeometry): boolean {
  const bo = bboxOf(outer);
  const bi = bboxOf(inner);
  if (bi[0] < bo[0] - EPS || bi[1] < bo[1] - EPS || bi[2] > bo[2] + EPS || bi[3] > bo[3] + EPS) return false;
  const so = segmentsOf(outer);
  const si = segmentsOf(inner);
  for (const [mx, my, dx, dy] of pieces(si, so)) {
    const w = pointInGeometry(mx, my, outer);
    if (w === OUTSIDE) return false;
    if (w === BOUNDARY) {
      for (const p of sides(mx, my, dx, dy)) if (pointInGeometry(p[0], p[1], inner) === INSIDE && pointInGeometry(p[0], p[1], outer) === OUTSIDE) return false;
    }
  }
  // a piece of the outer boundary (a hole, say) running through the inner interior
  for (const [mx, my] of pieces(so, si)) if (pointInGeometry(mx, my, inner) === INSIDE) return false;
  return true;
}

// ── validation ──

export interface GeometryProblem {
  /** JSON path below the geometry, e.g. coordinates.0.3 */
  path: string;
  zh: string;
  en: string;
}

/** At most this many positions per ring (self-intersection is checked pairwise). */
export const MAX_RING_POSITIONS = 5000;

function properCross(p: Segment, q: Segment): boolean {
  // signed distance of (cx, cy) from the line through s
  const side = (s: Segment, cx: number, cy: number) => ((s[2] - s[0]) * (cy - s[1]) - (s[3] - s[1]) * (cx - s[0])) / (Math.hypot(s[2] - s[0], s[3] - s[1]) || 1);
  const d1 = side(q, p[0], p[1]);
  const d2 = side(q, p[2], p[3]);
  const d3 = side(p, q[0], q[1]);
  const d4 = side(p, q[2], q[3]);
  const opposite = (a: number, b: number) => (a > DIST && b < -DIST) || (a < -DIST && b > DIST);
  if (opposite(d1, d2) && opposite(d3, d4)) return true;
  // touching or collinear overlap of non-adjacent edges also makes the ring invalid
  const inside = (x: number, y: number, s: Segment) => onSegment(x, y, s[0], s[1], s[2], s[3]);
  return inside(p[0], p[1], q) || inside(p[2], p[3], q) || inside(q[0], q[1], p) || inside(q[2], q[3], p);
}

function ringProblems(ring: unknown, path: string): GeometryProblem[] {
  if (!Array.isArray(ring)) return [{ path, zh: '环应为坐标数组', en: 'A ring must be an array of positions' }];
  if (ring.length < 4) return [{ path, zh: '环至少需要 4 个坐标（首尾相同）', en: 'A ring needs at least 4 positions (first = last)' }];
  if (ring.length > MAX_RING_POSITIONS)
    return [{ path, zh: `环的坐标不能超过 ${MAX_RING_POSITIONS} 个，请先简化`, en: `At most ${MAX_RING_POSITIONS} positions per ring; simplify it first` }];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i] as unknown;
    if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((v) => typeof v === 'number' && Number.isFinite(v)))
      return [{ path: `${path}.${i}`, zh: '坐标应为 [经度, 纬度] 数字', en: 'A position must be [lng, lat] numbers' }];
    if (p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90)
      return [{ path: `${path}.${i}`, zh: '经度应在 -180 到 180，纬度应在 -90 到 90 之间', en: 'Longitude must be within -180..180 and latitude within -90..90' }];
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) return [{ path, zh: '环未闭合：首尾坐标应相同', en: 'The ring is not closed: the first and last positions must be equal' }];
  const r = ring as Ring;
  const segs: Segment[] = [];
  // repeated consecutive positions are harmless: skip the zero-length edges they make
  for (let i = 0; i < r.length - 1; i++) if (r[i][0] !== r[i + 1][0] || r[i][1] !== r[i + 1][1]) segs.push([r[i][0], r[i][1], r[i + 1][0], r[i + 1][1]]);
  const n = segs.length;
  if (n < 3) return [{ path, zh: '环的面积为零', en: 'The ring has no area' }];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (properCross(segs[i], segs[j])) return [{ path, zh: `环自相交（第 ${i} 与第 ${j} 条边）`, en: `The ring intersects itself (edges ${i} and ${j})` }];
    }
  }
  if (Math.abs(ringSignedArea(r)) <= EPS) return [{ path, zh: '环的面积为零', en: 'The ring has no area' }];
  return [];
}

/** Validates a GeoJSON geometry object as a grid shape (Polygon or MultiPolygon); empty when valid. */
export function geometryProblems(g: unknown): GeometryProblem[] {
  if (!g || typeof g !== 'object') return [{ path: '', zh: '缺少几何图形', en: 'Geometry is missing' }];
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  if (type !== 'Polygon' && type !== 'MultiPolygon') return [{ path: 'type', zh: '几何类型应为 Polygon 或 MultiPolygon', en: 'Geometry type must be Polygon or MultiPolygon' }];
  if (!Array.isArray(coordinates) || coordinates.length === 0) return [{ path: 'coordinates', zh: '缺少坐标', en: 'Coordinates are missing' }];
  const polys = type === 'Polygon' ? [coordinates] : coordinates;
  const out: GeometryProblem[] = [];
  polys.forEach((poly: unknown, pi: number) => {
    const base = type === 'Polygon' ? 'coordinates' : `coordinates.${pi}`;
    if (!Array.isArray(poly) || poly.length === 0) {
      out.push({ path: base, zh: '多边形至少需要一个外环', en: 'A polygon needs an outer ring' });
      return;
    }
    poly.forEach((ring: unknown, ri: number) => out.push(...ringProblems(ring, `${base}.${ri}`)));
  });
  if (out.length) return out;
  const geom = g as GridGeometry;
  for (const poly of polygonsOf(geom)) {
    for (let h = 1; h < poly.length; h++) {
      const hole: GridGeometry = { type: 'Polygon', coordinates: [poly[h]] };
      if (!contains({ type: 'Polygon', coordinates: [poly[0]] }, hole)) out.push({ path: 'coordinates', zh: '内环（洞）应位于外环之内', en: 'A hole must lie inside its outer ring' });
    }
  }
  if (type === 'MultiPolygon') {
    const parts = polygonsOf(geom).map((p): GridGeometry => ({ type: 'Polygon', coordinates: p }));
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++)
        if (overlaps(parts[i], parts[j])) out.push({ path: `coordinates.${j}`, zh: `多边形第 ${i} 与第 ${j} 部分重叠`, en: `Parts ${i} and ${j} of the MultiPolygon overlap` });
  }
  return out;
}

// ── simplification (export) ──

function simplifyRing(ring: Ring, tolerance: number): Ring {
  if (ring.length <= 5 || tolerance <= 0) return ring;
  const keep = new Uint8Array(ring.length);
  keep[0] = 1;
  keep[ring.length - 1] = 1;
  // the ring is closed, so split at the vertex farthest from the first one
  let far = 1;
  let farD = -1;
  for (let i = 1; i < ring.length - 1; i++) {
    const d = Math.hypot(ring[i][0] - ring[0][0], ring[i][1] - ring[0][1]);
    if (d > farD) [far, farD] = [i, d];
  }
  keep[far] = 1;
  const stack: [number, number][] = [
    [0, far],
    [far, ring.length - 1],
  ];
  while (stack.length) {
    const [s, e] = stack.pop() as [number, number];
    const [ax, ay] = ring[s];
    const [bx, by] = ring[e];
    const len = Math.hypot(bx - ax, by - ay) || 1e-300;
    let idx = -1;
    let max = tolerance;
    for (let i = s + 1; i < e; i++) {
      const d = Math.abs((bx - ax) * (ay - ring[i][1]) - (ax - ring[i][0]) * (by - ay)) / len;
      if (d > max) [idx, max] = [i, d];
    }
    if (idx >= 0) {
      keep[idx] = 1;
      stack.push([s, idx], [idx, e]);
    }
  }
  const out = ring.filter((_, i) => keep[i]);
  return out.length >= 4 ? out : ring;
}

/** Douglas–Peucker simplification of every ring (tolerance in degrees); rings keep at least 4 positions. */
export function simplify(g: GridGeometry, tolerance: number): GridGeometry {
  if (tolerance <= 0) return g;
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map((r) => simplifyRing(r, tolerance)) };
  return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => simplifyRing(r, tolerance))) };
}

/** An axis-aligned rectangle as a counter-clockwise Polygon. */
export function rectangle(x0: number, y0: number, x1: number, y1: number): GridGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
}

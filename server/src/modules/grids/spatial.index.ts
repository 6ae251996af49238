/**
 * An in-memory bucket index over grid shapes: the bounding box of all shapes
 * is cut into about two buckets per shape; each bucket lists the shapes whose
 * bounding boxes touch it. A lookup computes its bucket, prefilters the few
 * candidates by bounding box and tests point-in-polygon exactly.
 */
import { BOUNDARY, INSIDE, bboxContainsPoint, pointInGeometry, type BBox, type GridGeometry } from './geometry.rules.ts';

export interface IndexedShape {
  id: number;
  bbox: BBox;
  geometry: GridGeometry;
}

export class SpatialIndex<T extends IndexedShape> {
  private readonly buckets: Int32Array[];
  private readonly minX: number;
  private readonly minY: number;
  private readonly nx: number;
  private readonly ny: number;
  private readonly cellW: number;
  private readonly cellH: number;
  readonly extent: BBox;

  /** Shapes should not overlap; on a shared edge the shape listed first wins. */
  constructor(readonly shapes: readonly T[]) {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const s of shapes) {
      minX = Math.min(minX, s.bbox[0]);
      minY = Math.min(minY, s.bbox[1]);
      maxX = Math.max(maxX, s.bbox[2]);
      maxY = Math.max(maxY, s.bbox[3]);
    }
    if (shapes.length === 0) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
    this.extent = [minX, minY, maxX, maxY];
    const w = Math.max(maxX - minX, 1e-9);
    const h = Math.max(maxY - minY, 1e-9);
    const cells = Math.max(1, Math.min(1 << 20, shapes.length * 2));
    this.nx = Math.max(1, Math.round(Math.sqrt((cells * w) / h)));
    this.ny = Math.max(1, Math.ceil(cells / this.nx));
    this.minX = minX;
    this.minY = minY;
    this.cellW = w / this.nx;
    this.cellH = h / this.ny;
    const lists: number[][] = Array.from({ length: this.nx * this.ny }, () => []);
    shapes.forEach((s, i) => {
      const [x0, y0] = this.cell(s.bbox[0], s.bbox[1]);
      const [x1, y1] = this.cell(s.bbox[2], s.bbox[3]);
      for (let cy = y0; cy <= y1; cy++) for (let cx = x0; cx <= x1; cx++) lists[cy * this.nx + cx].push(i);
    });
    this.buckets = lists.map((l) => Int32Array.from(l));
  }

  private cell(x: number, y: number): [number, number] {
    const cx = Math.min(this.nx - 1, Math.max(0, Math.floor((x - this.minX) / this.cellW)));
    const cy = Math.min(this.ny - 1, Math.max(0, Math.floor((y - this.minY) / this.cellH)));
    return [cx, cy];
  }

  /** The shape containing the point (inside first, then on a boundary), or undefined. */
  find(x: number, y: number): T | undefined {
    if (!Number.isFinite(x) || !Number.isFinite(y) || !bboxContainsPoint(this.extent, x, y)) return undefined;
    const [cx, cy] = this.cell(x, y);
    // buckets list shapes in order, so the first shape found on a boundary is the one listed first
    let onEdge: T | undefined;
    for (const i of this.buckets[cy * this.nx + cx]) {
      const s = this.shapes[i];
      if (!bboxContainsPoint(s.bbox, x, y)) continue;
      const w = pointInGeometry(x, y, s.geometry);
      if (w === INSIDE) return s;
      if (w === BOUNDARY) onEdge ??= s;
    }
    return onEdge;
  }

  /** Every shape the point lies in or on (tests, overlap diagnostics). */
  findAll(x: number, y: number): T[] {
    if (!bboxContainsPoint(this.extent, x, y)) return [];
    const [cx, cy] = this.cell(x, y);
    return Array.from(this.buckets[cy * this.nx + cx])
      .map((i) => this.shapes[i])
      .filter((s) => bboxContainsPoint(s.bbox, x, y) && pointInGeometry(x, y, s.geometry) !== -1);
  }
}

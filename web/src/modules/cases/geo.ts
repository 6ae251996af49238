/** Small geometry helpers for the location picker (WGS84 lng/lat, planar; enough for tapping a grid). */
import type { GridCollection, GridFeature } from './cases.api.ts';

type Ring = [number, number][];

function inRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const polygonsOf = (f: GridFeature): Ring[][] => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Ring[]] : (f.geometry.coordinates as Ring[][]));

/** The feature containing the point (holes respected), if any. */
export function featureAt(shapes: GridCollection, lng: number, lat: number): GridFeature | undefined {
  return shapes.features.find((f) => polygonsOf(f).some(([outer, ...holes]) => outer && inRing(lng, lat, outer) && !holes.some((h) => inRing(lng, lat, h))));
}

/** The bounding box of a collection: [minLng, minLat, maxLng, maxLat]. */
export function bboxOf(shapes: GridCollection): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  for (const f of shapes.features)
    for (const poly of polygonsOf(f))
      for (const [x, y] of poly[0] ?? []) {
        box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
      }
  return box;
}

/** Rounds a coordinate to 6 decimals (about 0.1 m). */
export const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

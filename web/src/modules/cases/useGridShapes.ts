import { useRemote } from '../../app/hooks/useRemote.ts';
import { casesApi, type GridCollection } from './cases.api.ts';

/**
 * The grids to pick a location on: a town's leaf grids when the account works
 * in one town (a grid worker), else the first-level grids of the county.
 */
export function useGridShapes(townRegionCode: string | null) {
  return useRemote<GridCollection>(async (signal) => {
    const top = await casesApi.geojson({ level: 1 }, signal);
    const town = townRegionCode ? top.features.find((f) => f.properties.town === townRegionCode) : undefined;
    if (!town) return top;
    const leaves = await casesApi.geojson({ level: 3, parent: town.id }, signal);
    return leaves.features.length > 0 ? leaves : top;
  }, [townRegionCode]);
}

/** "华士镇网格 › 华士镇1片区 › 华士镇1片区第1网格" for a point, or null outside every grid. */
export async function describePoint(lng: number, lat: number, signal: AbortSignal): Promise<string | null> {
  try {
    const hit = await casesApi.locate(lng, lat, signal);
    return hit.path.length > 0 ? hit.path.map((p) => p.name).join(' › ') : hit.name;
  } catch {
    return null;
  }
}

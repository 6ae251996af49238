import { useEffect, useState } from 'react';
import { useRemote } from '../../app/hooks/useRemote.ts';
import { getDensity, getGridShapes, type GridFeature } from './command.api.ts';

/** One step of the drill-down: a grid the user clicked. */
export interface GridStep {
  id: number;
  code: string;
  name: string;
  level: number;
}

/**
 * The map's current level and what it shows: county → town grids (level 1)
 * → a town's second-level grids → a second-level grid's third-level grids
 * (a picked third-level grid stays on that map, highlighted). Shapes load
 * when the level changes; densities also on every live update (`version`).
 */
export function useGridView(path: GridStep[], version: number, region?: string) {
  const level = Math.min(path.length + 1, 3) as 1 | 2 | 3;
  const parent = level === 1 ? undefined : path[level - 2];
  const shapes = useRemote((signal) => getGridShapes({ level, parent: parent?.id }, signal), [level, parent?.id]);
  const density = useRemote((signal) => getDensity({ level, parent: parent?.code, region }, signal), [level, parent?.code, region, version]);
  // keep the last density while the next one loads, so the map does not flash
  const [lastDensity, setLastDensity] = useState(density.data);
  useEffect(() => {
    if (density.data) setLastDensity(density.data);
  }, [density.data]);
  const selected = path.length === 3 ? path[2].code : undefined;
  return { level, parent, shapes, density: density.data ?? lastDensity, densityError: density.error, selected, mapKey: `${level}-${parent?.code ?? 'all'}` };
}

export const stepOf = (f: GridFeature): GridStep => ({ id: f.id, code: f.properties.code, name: f.properties.name, level: f.properties.level });

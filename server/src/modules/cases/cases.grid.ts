/**
 * The grid lookup the case loop needs (modules/grids, through its index.ts:
 * `GridService.locate(lng, lat)`). Declared here as a port so the cases
 * module works without it: routing then goes by an explicit town code.
 */
export interface GridHit {
  gridId: string | number;
  code: string;
  name: string;
  level: number | string;
  townRegionCode: string;
  path?: unknown;
}

export interface GridLocator {
  locate(lng: number, lat: number): Promise<GridHit | null> | GridHit | null;
}

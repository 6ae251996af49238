/** Grids (网格): three levels of polygons, staff, point → grid lookup. The only import surface of modules/grids. */
export { grids, gridStaff, gridRevision, GRID_LEVELS, GRID_ROLES, GRID_ROLE_LABELS, type GridLevel, type GridRole } from './grids.schema.ts';
export { GridErrors } from './grids.errors.ts';
export {
  GridService,
  REVALIDATE_MS,
  type GridNode,
  type GridPathEntry,
  type LocateResult,
  type GridStaffMember,
  type StaffAssignment,
} from './grids.service.ts';
export { GridImportService, exportGeoJson, MAX_IMPORT_FEATURES, type ImportPreview, type FeatureProblem, type GeoJsonFeature } from './grids.import.ts';
export { registerGridRoutes } from './grids.routes.ts';
export { seedGridsDemo, type SeedGridsResult } from './grids.seed.ts';
export { DEMO_EXTENT, DEMO_COUNTS, DEMO_GRID_TOWNS, planDemoGrids } from './grids.demo.ts';
export {
  pointInGeometry,
  pointInPolygon,
  areaM2,
  planarArea,
  bboxOf,
  contains,
  overlaps,
  geometryProblems,
  simplify,
  INSIDE,
  BOUNDARY,
  OUTSIDE,
  type GridGeometry,
  type BBox,
  type Position,
} from './geometry.rules.ts';
export { SpatialIndex } from './spatial.index.ts';

/** Organisation module: regions, organisations, people, staffing. The only import surface of modules/org. */
export {
  regions,
  regionLoads,
  organisations,
  people,
  staffing,
  ORG_TYPES,
  ORG_LEVELS,
  REGION_LEVELS,
  TOWN_KINDS,
  type OrgType,
  type OrgLevel,
  type RegionLevel,
  type TownKind,
} from './org.schema.ts';
export { OrgErrors } from './org.errors.ts';
export { canonicalRegionCode, subtreePrefix, townKindOfCode, maskResidentId, maskPhone, staffingProblems, staffingFlags, type StaffingFigures } from './org.rules.ts';
export { canOnOrg, scopeCondition, type OrgScope } from './org.policy.ts';
export { loadRegions, readRegionFiles, REGIONS_DIR, type RegionLoadResult } from './regions.loader.ts';
export {
  OrgService,
  presentOrg,
  presentRegion,
  presentStaffing,
  type OrgSummary,
  type OrgTreeNode,
  type Region,
  type Staffing,
  type CreateOrgInput,
  type StaffingUpdate,
} from './org.service.ts';
export { registerOrgRoutes } from './org.routes.ts';
export {
  insertOrg,
  findOrgByCode,
  insertPeople,
  setStaffing,
  findRegion,
  listRegions as listRegionRows,
  regionCounts,
  type NewOrg,
  type NewPerson,
  type StaffingValues,
  type OrgRow,
  type RegionRow,
} from './org.repository.ts';

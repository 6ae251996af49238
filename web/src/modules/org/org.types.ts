/** Response shapes of the organisation API (server/src/modules/org/org.routes.ts). */
export type OrgType =
  | 'government'
  | 'department'
  | 'town_government'
  | 'street_office'
  | 'dev_zone'
  | 'service_centre'
  | 'command_centre'
  | 'enforcement_team'
  | 'approval_bureau'
  | 'other';
export type OrgLevel = 'county' | 'town' | 'village';
export type RegionLevel = 'province' | 'city' | 'county' | 'town';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  townKind: 'street' | 'town' | 'township' | 'zone' | null;
  parentCode: string | null;
}

export interface RegionDetail extends Region {
  ancestors: Region[];
  childCount: number;
}

export interface OrgSummary {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  type: OrgType;
  level: OrgLevel;
  parentId: number | null;
  regionCode: string;
  regionName: string;
  uscc: string | null;
  sort: number;
  active: boolean;
  version: number;
}

export interface OrgTreeNode extends OrgSummary {
  children: OrgTreeNode[];
}

export interface Staffing {
  orgId: number;
  /** 编制数 */
  quota: number;
  /** 实有人数 */
  actual: number;
  /** 领导职数 */
  leaderQuota: number;
  /** 实配领导 */
  leaderActual: number;
  /** 内设机构数 */
  internalUnits: number;
  vacancies: number;
  overQuota: boolean;
  overLeadership: boolean;
  updatedAt: string;
  version: number;
}

export interface OrgDetail extends OrgSummary {
  path: number[];
  parent: OrgSummary | null;
  children: OrgSummary[];
  staffing: Staffing | null;
  peopleCount: number;
  peopleCountSubtree: number;
  actions: { manage: boolean; editStaffing: boolean };
}

export interface Person {
  id: number;
  name: string;
  residentId: string | null;
  residentIdMasked: boolean;
  orgId: number;
  orgName: string;
  regionCode: string;
  post: string;
  phone: string | null;
  accountId: number | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface StaffingUpdate {
  version: number;
  quota: number;
  actual: number;
  leaderQuota: number;
  leaderActual: number;
  internalUnits: number;
}

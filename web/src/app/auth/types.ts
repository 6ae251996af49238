export type AccountKind = 'staff' | 'person' | 'legal';

export type RoleName =
  | 'applicant'
  | 'window_clerk'
  | 'approver'
  | 'grid_worker'
  | 'dispatcher'
  | 'handler'
  | 'inspector'
  | 'staffing_officer'
  | 'leader'
  | 'admin';

export interface RoleGrant {
  role: RoleName;
  label: string;
  labelEn: string;
  regionCode: string | null;
  orgId: number | null;
}

/** GET /api/me */
export interface Me {
  id: number;
  username: string;
  kind: AccountKind;
  displayName: string;
  roles: RoleGrant[];
  permissions: string[];
  csrfToken: string | null;
}

/** POST /api/auth/tokens → 201 (the secret is returned once). */
export interface CreatedToken {
  id: number;
  name: string;
  prefix: string;
  token: string;
  createdAt: string;
  expiresAt: string | null;
}

/** GET /api/auth/tokens → { items } */
export interface TokenRow {
  id: number;
  name: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

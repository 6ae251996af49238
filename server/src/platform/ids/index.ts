/** Identifier validation and generation: USCC, resident ID, region codes, e-licence identifiers. */
export { IdErrors, type IdErrorKey } from './ids.errors.ts';
export { requireValid, normalizeId, type IdIssue, type IdResult } from './issue.ts';
export {
  validateUscc,
  isUscc,
  usccCheckChar,
  orgCodeCheckChar,
  USCC_CHARSET,
  USCC_WEIGHTS,
  USCC_AUTHORITIES,
  USCC_NATIONAL_REGION,
  ORG_CODE_WEIGHTS,
  type UsccDetails,
  type UsccOptions,
} from './uscc.rules.ts';
export {
  validateResidentId,
  isResidentId,
  residentIdCheckChar,
  calendarDate,
  chinaDate,
  RESIDENT_ID_WEIGHTS,
  RESIDENT_ID_CHECK_CHARS,
  type ResidentIdDetails,
  type ResidentIdOptions,
  type Sex,
} from './resident-id.rules.ts';
export {
  validateRegionCode,
  isRegionCode,
  isProvinceCode,
  townKindOf,
  villageKindOf,
  PROVINCES,
  TOWN_KINDS,
  type RegionDetails,
  type RegionLevel,
  type TownKind,
  type VillageKind,
} from './region.rules.ts';
export { mod37_36CheckChar, mod37_36IsValid, MOD37_36_ALPHABET } from './iso7064.rules.ts';
export { validateLicenseId, buildLicenseId, licenseIdCheckChar, LICENSE_ID_ROOT, type LicenseIdDetails, type LicenseIdParts } from './license-id.rules.ts';
export { createRng, makeUscc, makeResidentId, syntheticUscc, syntheticResidentId, type Rng, type SyntheticUsccOptions } from './synthetic.rules.ts';
export { zUscc, zResidentId, zRegionCode, zLicenseId } from './ids.zod.ts';
export { registerValidateRoutes, presentValidation } from './ids.routes.ts';

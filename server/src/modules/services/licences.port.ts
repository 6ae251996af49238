/**
 * The e-licences an applicant holds, for reuse as materials (e-licences
 * replace paper). The licences module owns them; this is the one place the
 * services module asks for them, through that module's index.
 */
import type { Executor } from '../../platform/db/index.ts';
import { validLicencesOfHolder } from '../licenses/index.ts';

export interface LicenceRef {
  id: string;
  licenceNo: string;
  /** Licence type code. */
  type: string;
  /** Licence type name, e.g. 营业执照. */
  name: string;
  validUntil: string | null;
}

/** Valid, in-force licences of the holder (resident ID or USCC). */
export function licencesOfHolder(ex: Executor, idNumber: string): Promise<LicenceRef[]> {
  return validLicencesOfHolder(ex, idNumber);
}

/** Does the licence replace a material asking for `licenseType` (a type name or code)? */
export function licenceFits(l: LicenceRef, licenseType: string | null): boolean {
  return licenseType === null || l.name === licenseType || l.type === licenseType;
}

/** E-licences (电子证照): issue, sign, verify, lifecycle, reuse. The only import surface for other modules. */
import type { Executor } from '../../platform/db/index.ts';
import { licenses, licenseTypes, licenseEvents, signingKeys, LICENSE_STATES, type LicenseState } from './licenses.schema.ts';
import * as repo from './licenses.repository.ts';
import { chinaDateOf } from './licenses.rules.ts';

export { registerLicenseRoutes } from './licenses.routes.ts';
export { registerLicenseJobs, onApplicationApproved, LICENSE_DAILY_QUEUE, type ApplicationApproved } from './licenses.jobs.ts';
export { LicenseService, TOPIC_ISSUED, TOPIC_STATE_CHANGED, TOPIC_RENEWAL_DUE, DEFAULT_RENEWAL_DAYS, type IssueInput, type LicenseView } from './licenses.service.ts';
export { verifyNumber, verifyJsonDocument, verifyPdf, verifyUpload, type VerifyResult } from './licenses.verify.ts';
export { jwks, activeSigningKey, rotateSigningKey } from './licenses.keys.ts';
export { verifySignedDocument, canonicalBytes, STATE_LABELS, type SignedLicenceDocument, type LicencePayload, type Jwks } from './licenses.rules.ts';
export { LicenseErrors } from './licenses.errors.ts';
export { issueMany, type IssueManyResult } from './licenses.bulk.ts';
export { seedDemoLicences } from './licenses.demo.ts';
export { licenses, licenseTypes, licenseEvents, signingKeys, LICENSE_STATES, type LicenseState };

/**
 * The holder's valid, in-force licences (state valid, today within the
 * validity), for filling application materials instead of asking again.
 * `type` is the 21-character licence type code, `name` the type name.
 */
export async function validLicencesOfHolder(
  ex: Executor,
  idNumber: string,
): Promise<{ id: string; licenceNo: string; type: string; name: string; validUntil: string | null }[]> {
  const rows = await repo.validOfHolder(ex, idNumber.trim().toUpperCase(), chinaDateOf(new Date()));
  return rows.map((r) => ({ id: r.id, licenceNo: r.licence_no, type: r.payload.type.code, name: r.type_name, validUntil: r.valid_until }));
}

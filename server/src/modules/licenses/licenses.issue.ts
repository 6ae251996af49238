/**
 * The parts of issuing a licence that the single path (LicenseService.issue)
 * and the bulk path (issueMany) share: input checks, the numbered and signed
 * canonical document, the stored row, and what is recorded after the insert
 * (history event, audit entry, license.issued payload, holder notice).
 */
import type { AuditInput, AuditWho } from '../../platform/audit/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { buildLicenseId, requireValid, validateRegionCode, validateResidentId, validateUscc } from '../../platform/ids/index.ts';
import { LicenseErrors } from './licenses.errors.ts';
import type { ActiveKey } from './licenses.keys.ts';
import { holderNotice } from './licenses.lifecycle.ts';
import type * as repo from './licenses.repository.ts';
import { chinaDateOf, DOCUMENT_SCHEMA, signPayload, validUntilOf, verifyPathOf, type LicencePayload } from './licenses.rules.ts';
import type { HolderKind } from './licenses.schema.ts';

export interface HolderInput {
  kind: HolderKind;
  name: string;
  idNumber: string;
  accountId?: number | null;
}

export interface IssueInput {
  /** Licence type name, e.g. 营业执照. */
  type: string;
  /** Years of validity; null = long-term; undefined = the type's default. Ignored when validUntil is given. */
  validYears?: number | null;
  validFrom?: string;
  /** Explicit last day (null = long-term). */
  validUntil?: string | null;
  holder: HolderInput;
  issuer: { orgId?: number | null; name: string; regionCode: string; uscc?: string | null };
  applicationId?: number | null;
  applicationNo?: string | null;
  itemName?: string | null;
  issuedAt?: Date;
  transferredFrom?: string | null;
}

export function checkHolder(h: HolderInput, field: string): HolderInput {
  const raw = String(h.idNumber ?? '');
  const idNumber = h.kind === 'person' ? requireValid(validateResidentId(raw), `${field}.idNumber`) : requireValid(validateUscc(raw), `${field}.idNumber`);
  const name = h.name.trim();
  if (!name) throw CommonErrors.VALIDATION({ fields: [{ field: `${field}.name`, message: '不能为空', messageEn: 'Required' }] });
  return { ...h, idNumber, name };
}

export function issuerCodeOf(issuer: IssueInput['issuer']): string {
  if (issuer.uscc) return requireValid(validateUscc(issuer.uscc), 'issuer.uscc');
  const county = issuer.regionCode.trim().slice(0, 6);
  return requireValid(validateRegionCode(county), 'issuer.regionCode');
}

/** The validity of a licence issued at `issuedAt` (throws INVALID_VALIDITY when it ends before it starts). */
export function validityOf(input: IssueInput, type: repo.TypeRow, issuedAt: Date): { validFrom: string; validUntil: string | null } {
  const validFrom = input.validFrom ?? chinaDateOf(issuedAt);
  const validUntil = input.validUntil !== undefined ? input.validUntil : validUntilOf(validFrom, input.validYears !== undefined ? input.validYears : type.default_valid_years);
  if (validUntil !== null && validUntil < validFrom) {
    throw LicenseErrors.INVALID_VALIDITY({ fields: [{ field: 'validUntil', message: '截止日期不能早于起始日期', messageEn: 'Must not be before validFrom' }] });
  }
  return { validFrom, validUntil };
}

/** A checked input: holder normalised, issuer code derived (throws a 4xx DomainError on bad input). */
export interface CheckedIssue {
  input: IssueInput;
  holder: HolderInput;
  issuerCode: string;
}

export function checkIssue(input: IssueInput): CheckedIssue {
  return { input, holder: checkHolder(input.holder, 'holder'), issuerCode: issuerCodeOf(input.issuer) };
}

/**
 * The licence to store: number (serial from license_serial_seq), canonical
 * payload and its Ed25519 signature. Pure apart from the clock default.
 */
export function buildLicence(c: CheckedIssue, type: repo.TypeRow, serialNo: number, key: ActiveKey): repo.NewLicense {
  const { input, holder, issuerCode } = c;
  const issuedAt = input.issuedAt ?? new Date();
  const { validFrom, validUntil } = validityOf(input, type, issuedAt);
  const serial = `${validFrom.slice(0, 4)}${String(serialNo).padStart(8, '0')}`;
  const licenceNo = buildLicenseId({ definingUscc: type.defining_uscc, typeNumber: type.type_number, issuer: issuerCode, serial, version: 1 });
  const regionCode = input.issuer.regionCode.trim();
  const payload: LicencePayload = {
    schema: DOCUMENT_SCHEMA,
    licenceNo,
    type: { code: `${type.defining_uscc}${type.type_number}`, name: type.name },
    holder: { kind: holder.kind, name: holder.name, idNumber: holder.idNumber },
    issuer: { name: input.issuer.name, code: issuerCode, regionCode },
    issuedAt: issuedAt.toISOString(),
    validFrom,
    validUntil,
    applicationNo: input.applicationNo ?? null,
    itemName: input.itemName ?? null,
    verifyPath: verifyPathOf(licenceNo),
  };
  const signed = signPayload(key.privateKey, key.kid, payload);
  return {
    licenceNo,
    typeId: type.id,
    typeName: type.name,
    holderKind: holder.kind,
    holderName: holder.name,
    holderIdNumber: holder.idNumber,
    holderAccountId: holder.accountId ?? null,
    issuerOrgId: input.issuer.orgId ?? null,
    issuerName: input.issuer.name,
    issuerCode,
    regionCode,
    issuedAt: payload.issuedAt,
    validFrom,
    validUntil,
    applicationId: input.applicationId ?? null,
    applicationNo: input.applicationNo ?? null,
    itemName: input.itemName ?? null,
    payload,
    signature: signed.signature.value,
    keyId: key.kid,
    transferredFrom: input.transferredFrom ?? null,
  };
}

/** What is recorded once a licence row `id` exists: its history event, audit entry, license.issued payload and holder notices. */
export function issuedRecords(id: string, l: repo.NewLicense, who: AuditWho) {
  const event = {
    licenseId: id,
    action: l.transferredFrom ? 'issue_transfer' : 'issue',
    fromState: null,
    toState: 'valid',
    reason: null,
    actorId: who.actor.id > 0 ? who.actor.id : null,
    actorName: who.actor.username,
    data: { applicationNo: l.applicationNo, transferredFrom: l.transferredFrom },
    regionCode: l.regionCode,
  };
  const audit: AuditInput = {
    action: 'license.issue',
    entityType: 'license',
    entityId: id,
    regionCode: l.regionCode,
    after: { licenceNo: l.licenceNo, type: l.typeName, holder: l.holderName, validFrom: l.validFrom, validUntil: l.validUntil },
  };
  const issued = {
    licenseId: id,
    licenceNo: l.licenceNo,
    type: l.typeName,
    holder: { kind: l.holderKind, name: l.holderName, idNumber: l.holderIdNumber, accountId: l.holderAccountId },
    issuer: { orgId: l.issuerOrgId, name: l.issuerName, code: l.issuerCode },
    applicationNo: l.applicationNo,
    validFrom: l.validFrom,
    validUntil: l.validUntil,
    transferredFrom: l.transferredFrom,
  };
  const notices = holderNotice({ holder_account_id: l.holderAccountId, region_code: l.regionCode, id, licence_no: l.licenceNo }, 'license.issued', [`电子证照已签发：${l.typeName}`, `E-licence issued: ${l.typeName}`], [
    `证照标识 ${l.licenceNo}，可在“我的证照”中下载。`,
    `Licence ${l.licenceNo} is ready to download under “My licences”.`,
  ]);
  return { event, audit, issued, notices };
}

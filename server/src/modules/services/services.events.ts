/**
 * Outbox topics of the services module and their payloads (contracts with
 * the e-licence, ratings and supervision modules: keep them stable).
 */
import type { ApplicationRow } from './services.repository.ts';

export const APPLICATION_SUBMITTED = 'application.submitted';
export const APPLICATION_ACCEPTED = 'application.accepted';
export const APPLICATION_APPROVED = 'application.approved';
export const APPLICATION_DENIED = 'application.denied';
export const APPLICATION_COMPLETED = 'application.completed';
export const APPLICATION_COMMITMENT_VERIFICATION = 'application.commitment_verification';
export const APPLICATION_SUPERVISION_HANDOVER = 'application.supervision_handover';

export interface ItemSnapshot {
  baseCode?: string | null;
  process?: { name: string; actor?: string; days?: number }[];
  specialProcedures?: { name: string; maxDays: number | null; counted: boolean; basis?: string }[];
  result?: { name: string; licenseType?: string; validYears: number | null } | null;
  commitmentAllowed?: boolean;
  legalBasis?: { law: string; article?: string }[];
  members?: { itemId: number; name: string; orgId: number | null; orgName: string }[];
  /** The bundle's merged application form. */
  formFields?: { key: string; label: string; type: string; required: boolean; options?: string[] }[];
}

export interface Holder {
  kind: 'person' | 'legal';
  name: string;
  idNumber: string;
  accountId: number | null;
}

export interface ApplicationSubmittedEvent {
  applicationId: number;
  applicationNo: string;
  kind: string;
  itemId: number | null;
  itemName: string;
  bundleCode: string | null;
  channel: 'online' | 'window';
  regionCode: string;
  handlingOrgId: number | null;
  receivedAt: string;
}

export interface ApplicationAcceptedEvent {
  applicationId: number;
  applicationNo: string;
  acceptance: string;
  acceptedAt: string;
  promisedDate: string | null;
  regionCode: string;
  handlingOrgId: number | null;
}

export interface ApplicationDecidedEvent {
  applicationId: number;
  applicationNo: string;
  parentApplicationNo: string | null;
  itemId: number;
  itemName: string;
  implCode: string | null;
  baseCode: string | null;
  licence: { type: string; validYears: number | null } | null;
  holder: Holder;
  issuer: { orgId: number; name: string; regionCode: string };
  decidedAt: string;
  commitment: boolean;
  formData: Record<string, unknown>;
  /** Denials: the reasons and legal basis. */
  reason?: string;
  legalBasis?: string | null;
}

export interface ApplicationCompletedEvent {
  applicationId: number;
  applicationNo: string;
  itemName: string;
  handlingOrgId: number | null;
  handlingOrgName: string;
  intakeOrgId: number | null;
  channel: 'online' | 'window';
  applicantAccountId: number | null;
  regionCode: string;
  completedAt: string;
  outcome: 'approved' | 'denied' | 'refused';
}

export interface CommitmentVerificationEvent {
  applicationId: number;
  applicationNo: string;
  itemId: number;
  itemName: string;
  holder: Holder;
  handlingOrgId: number | null;
  handlingOrgName: string;
  regionCode: string;
  approvedAt: string;
  /** Verify the commitments within this many working days (local practice). */
  verifyWithinDays: number;
  commitments: string;
}

export interface SupervisionHandoverEvent {
  applicationId: number;
  applicationNo: string;
  itemId: number;
  itemName: string;
  baseCode: string | null;
  holder: Holder;
  approvingOrg: { orgId: number | null; name: string };
  /** The department that supervises after approval: the implementing body unless the guide names another. */
  supervisingOrg: { orgId: number | null; name: string };
  regionCode: string;
  decidedAt: string;
  commitment: boolean;
  licenceType: string | null;
}

export const holderOf = (a: ApplicationRow): Holder => ({ kind: a.applicantKind, name: a.applicantName, idNumber: a.applicantIdNumber, accountId: a.applicantAccountId });

export function decidedEvent(a: ApplicationRow, parentNo: string | null, decidedAt: Date, extra: { reason?: string; legalBasis?: string | null } = {}): ApplicationDecidedEvent {
  const snap = a.itemSnapshot as ItemSnapshot;
  const result = snap.result ?? null;
  return {
    applicationId: a.id,
    applicationNo: a.applicationNo,
    parentApplicationNo: parentNo,
    itemId: a.itemId ?? 0,
    itemName: a.itemName,
    implCode: a.implCode,
    baseCode: a.baseCode,
    licence: result?.licenseType ? { type: result.licenseType, validYears: result.validYears ?? null } : null,
    holder: holderOf(a),
    issuer: { orgId: a.handlingOrgId ?? 0, name: a.handlingOrgName, regionCode: a.regionCode },
    decidedAt: decidedAt.toISOString(),
    commitment: a.acceptance === 'commitment',
    formData: (a.formData ?? {}) as Record<string, unknown>,
    ...extra,
  };
}

export function completedEvent(a: ApplicationRow, at: Date, outcome: ApplicationCompletedEvent['outcome']): ApplicationCompletedEvent {
  return {
    applicationId: a.id,
    applicationNo: a.applicationNo,
    itemName: a.itemName,
    handlingOrgId: a.handlingOrgId,
    handlingOrgName: a.handlingOrgName,
    intakeOrgId: a.intakeOrgId,
    channel: a.channel,
    applicantAccountId: a.applicantAccountId,
    regionCode: a.regionCode,
    completedAt: at.toISOString(),
    outcome,
  };
}

export function handoverEvent(a: ApplicationRow, at: Date): SupervisionHandoverEvent {
  const snap = a.itemSnapshot as ItemSnapshot;
  return {
    applicationId: a.id,
    applicationNo: a.applicationNo,
    itemId: a.itemId ?? 0,
    itemName: a.itemName,
    baseCode: a.baseCode,
    holder: holderOf(a),
    approvingOrg: { orgId: a.handlingOrgId, name: a.handlingOrgName },
    supervisingOrg: { orgId: a.handlingOrgId, name: a.handlingOrgName },
    regionCode: a.regionCode,
    decidedAt: at.toISOString(),
    commitment: a.acceptance === 'commitment',
    licenceType: snap.result?.licenseType ?? null,
  };
}

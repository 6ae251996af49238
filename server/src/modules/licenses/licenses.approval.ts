/** The `application.approved` payload and the licence it asks for (shared by the subscriber and issueMany). */
import type { IssueInput } from './licenses.issue.ts';

/** The `application.approved` payload (emitted by the applications module). */
export interface ApplicationApproved {
  applicationId: number;
  applicationNo: string;
  parentApplicationNo: string | null;
  itemId: number;
  itemName: string;
  implCode: string | null;
  baseCode: string | null;
  licence: { type: string; validYears: number | null } | null;
  holder: { kind: 'person' | 'legal'; name: string; idNumber: string; accountId: number | null };
  issuer: { orgId: number; name: string; regionCode: string };
  decidedAt: string;
  commitment: boolean;
  formData: Record<string, unknown>;
}

/** The licence an approval asks for, or null when the matter produces none. */
export function issueInputOfApproval(p: ApplicationApproved | null | undefined): IssueInput | null {
  if (!p?.licence?.type) return null;
  return {
    type: p.licence.type,
    validYears: p.licence.validYears ?? undefined,
    holder: p.holder,
    issuer: { orgId: p.issuer.orgId, name: p.issuer.name, regionCode: p.issuer.regionCode },
    applicationId: p.applicationId,
    applicationNo: p.applicationNo,
    itemName: p.itemName,
    issuedAt: p.decidedAt ? new Date(p.decidedAt) : undefined,
  };
}

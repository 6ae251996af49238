/**
 * What Open311 needs from the cases module, in Open311's own terms. The one
 * implementation (open311.cases.ts) goes through modules/cases/index.ts only.
 */
import type { Actor } from '../../platform/access/index.ts';
import type { AuditWho } from '../../platform/audit/index.ts';

/** A case category offered as an Open311 service. */
export interface ServiceCategory {
  code: string;
  name: string;
  /** Class (大类), the spec's `group`. */
  group: string;
  description: string;
  keywords: string[];
}

/** What Open311 shows of a case. */
export interface CaseView {
  id: number;
  caseNo: string;
  categoryCode: string;
  categoryName: string;
  state: string;
  /** The workflow's label of the state, for status_notes. */
  stateLabel: { zh: string; en: string };
  closed: boolean;
  /** Its category is offered as an Open311 service (only those are shown to Open311 clients). */
  isService: boolean;
  description: string;
  address: string | null;
  lat: number | null;
  long: number | null;
  leadOrgId: number | null;
  leadOrgName: string | null;
  /** Organisation ids from the root down to the lead unit. */
  leadOrgPath: number[];
  regionCode: string;
  version: number;
  reportedAt: string;
  updatedAt: string;
  dueAt: string | null;
  closedAt: string | null;
}

export interface IntakeInput {
  serviceCode: string;
  description: string;
  lat: number | null;
  long: number | null;
  address: string | null;
  requesterName: string | null;
  requesterPhone: string | null;
  /** Attributes, rendered as text lines appended to the description the case keeps. */
  details: string[];
  /** A client's retry key: a repeat with the same reference returns the first case. */
  externalRef: string | null;
}

export interface CaseFilter {
  serviceCodes: string[] | null;
  closed: boolean | null;
  from: Date;
  to: Date;
  limit: number;
  regionCode: string;
}

export interface CasesPort {
  /** Active case categories, in display order. */
  categories(): Promise<ServiceCategory[]>;
  /** Creates a case with source open311 (routing, clock and audit as any other case), in the caller's transaction. */
  intake(who: AuditWho & { actor: Actor }, input: IntakeInput): Promise<{ case: CaseView; created: boolean }>;
  byNumbers(caseNos: string[]): Promise<CaseView[]>;
  byId(id: number): Promise<CaseView | undefined>;
  /** The label of a case state and whether Open311 calls it closed. */
  describeState(state: string): { label: { zh: string; en: string }; closed: boolean };
  /** Cases reported in [from, to], newest first, at most `limit`. */
  search(f: CaseFilter): Promise<CaseView[]>;
  /**
   * A department's own system reports progress: `closed` → the unit's
   * feedback (signing first when still only dispatched); `open` → the unit
   * signs if it has not yet. Returns the case after the transitions.
   */
  departmentUpdate(actor: Actor, c: CaseView, u: { closed: boolean; note: string; at: Date }): Promise<CaseView>;
}

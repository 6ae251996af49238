/** Shapes of the services (一网通办) API, as presented by server/src/modules/services (services.core.ts present()). */

export type ApplicationState =
  | 'draft'
  | 'submitted'
  | 'correction'
  | 'resubmitted'
  | 'fanout'
  | 'in_review'
  | 'parallel'
  | 'special_procedure'
  | 'extension_requested'
  | 'approved'
  | 'denied'
  | 'refused'
  | 'completed';

export const FINAL_STATES: readonly ApplicationState[] = ['approved', 'denied', 'refused', 'completed'];

export interface Bilingual {
  zh: string;
  en: string;
}

export interface AvailableAction {
  action: string;
  label: Bilingual;
  requires: readonly string[];
}

export interface Deadline {
  purpose: 'correction' | 'decision' | string;
  state: 'running' | 'paused' | 'stopped' | string;
  startedAt: string;
  budget: number;
  pausedDays: number;
  dueDate: string | null;
  dueAt: string | null;
  warnAt: string | null;
  provisional: boolean;
  overdue: boolean;
}

export interface ReviewStep {
  name: string;
  [k: string]: unknown;
}

export interface Application {
  id: number;
  applicationNo: string;
  kind: 'single' | 'bundle' | 'sub';
  parentId: number | null;
  itemId: number | null;
  implCode: string | null;
  itemName: string;
  bundleCode: string | null;
  applicant: { kind: 'person' | 'legal'; name: string; idNumber: string; accountId: number | null };
  agent: { accountId: number; name: string | null } | null;
  channel: 'online' | 'window' | string;
  intakeOrgId: number | null;
  handlingOrg: { id: number | null; name: string };
  regionCode: string;
  state: ApplicationState;
  stateLabel: Bilingual;
  version: number;
  step: { index: number; name: string | null; total: number; steps: ReviewStep[] } | null;
  formData: Record<string, unknown>;
  answers: Record<string, unknown>;
  promisedDays: number | null;
  statutoryDays: number | null;
  decisionDays: number;
  acceptance: string | null;
  correctionIssued: boolean;
  outcome: string | null;
  decisionReason: string | null;
  decisionBasis: string | null;
  extensionDays: number;
  extensionReason: string | null;
  special: { procedure?: string; expectedDays?: number; counted?: boolean; startedAt?: string } | null;
  receivedAt: string | null;
  acceptedAt: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  warnedAt: string | null;
  overdueAt: string | null;
  overdueExplanation: string | null;
  deadlines: Deadline[];
  actions: AvailableAction[];
  notices?: Notice[];
}

export type MaterialStatus = 'missing' | 'provided' | 'reused' | 'deferred' | string;

export interface Material {
  id: number;
  key: string;
  name: string;
  requirement: 'required' | 'optional' | 'conditional' | string;
  deferrable: boolean;
  licenseType: string | null;
  itemIds: number[];
  status: MaterialStatus;
  file: { id: string | number; name: string | null; sha256: string | null } | null;
  reusedLicence: { id: string; licenceNo: string | null } | null;
  reusedMaterialId: number | null;
  deferredUntil: string | null;
}

export interface Notice {
  id: number;
  kind: 'receipt' | 'correction' | 'refusal' | 'decision' | 'deferred' | 'commitment' | 'special' | 'extension' | string;
  number: string;
  content: Record<string, unknown>;
  issuedAt: string;
}

export interface Countersign {
  id: number;
  orgId: number;
  orgName: string;
  state: 'pending' | 'agreed' | 'disagreed' | string;
  question: string;
  opinion: string | null;
  requestedAt: string;
  answeredAt: string | null;
  version: number;
}

export interface HistoryEntry {
  action: string;
  from: string | null;
  to: string;
  version: number;
  actor: string | null;
  note: string | null;
  at: string;
}

export interface ApplicationDetail extends Application {
  materials: Material[];
  notices: Notice[];
  countersigns: Countersign[];
  subApplications: Application[];
  history: HistoryEntry[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Precheck {
  applicationId: number;
  state: ApplicationState;
  complete: boolean;
  correctionIssued: boolean;
  commitmentAllowed: boolean;
  materials: (Material & { ok: boolean; deferrableNow: boolean })[];
  missing: { key: string; name: string; deferrable: boolean }[];
}

export interface Identity {
  kind: 'person' | 'legal';
  idNumber: string;
  name: string;
  regionCode: string | null;
  accountId: number | null;
  status: string | null;
}

export interface CountersignRequest {
  id: number;
  applicationId: number;
  applicationNo?: string;
  itemName?: string;
  orgName?: string;
  state: string;
  question: string;
  opinion: string | null;
  requestedAt: string;
  version: number;
  [k: string]: unknown;
}

export interface InboxNotice {
  id: number;
  kind: string;
  title: string;
  titleEn: string | null;
  body: string;
  bodyEn: string | null;
  link: string | null;
  subjectType: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  items: InboxNotice[];
  nextCursor: string | null;
  unread: number;
}

export interface MyLicence {
  type?: string;
  applicationNo?: string;
  itemName?: string;
  stateLabel?: Bilingual;
  downloads?: { json: string; pdf: string };
  verifyPath?: string;
  id: string;
  licenceNo: string;
  typeName?: string;
  name?: string;
  state?: string;
  [k: string]: unknown;
}

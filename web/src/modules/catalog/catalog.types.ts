/** Shapes of the catalog API (server/src/modules/catalog/*.routes.ts). */

export const ITEM_TYPES = [
  'licensing',
  'penalty',
  'compulsion',
  'levy',
  'benefit',
  'inspection',
  'confirmation',
  'reward',
  'adjudication',
  'other',
  'public_service',
  'filing',
] as const;
export type ItemType = (typeof ITEM_TYPES)[number];
export type ItemKind = 'power' | 'service';
export type Level = 'province' | 'city' | 'county' | 'town';
export type Variant = 'new' | 'change' | 'renew' | 'cancel';
export type ApplicantKind = 'person' | 'legal';
export type Channel = 'window' | 'online' | 'post' | 'self_service';
export type Scope = 'local' | 'city_wide' | 'province_wide' | 'cross_province';
export type HandlingMode = 'immediate' | 'promised';
export type MaterialForm = 'original' | 'copy' | 'original_and_copy';
export type MaterialSource = 'applicant' | 'government' | 'intermediary' | 'other';
export type Requirement = 'required' | 'conditional' | 'optional';
export type Medium = 'paper' | 'electronic' | 'both';

export interface Label {
  zh: string;
  en: string;
}

export interface TypeLabel extends Label {
  num: number;
  letters: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface LegalBasis {
  law: string;
  article?: string;
  text?: string;
}

export interface Material {
  name: string;
  copies: number;
  form: MaterialForm;
  source: MaterialSource;
  sourceNote?: string;
  requirement: Requirement;
  condition?: string;
  medium: Medium;
  licenseType?: string;
  deferrable: boolean;
  proofCode?: string;
  notes?: string;
}

export interface ProcessStep {
  name: string;
  actor?: string;
  days?: number;
  description?: string;
}

export interface SpecialProcedure {
  name: string;
  maxDays: number | null;
  basis?: string;
  counted: boolean;
}

export interface Fee {
  name: string;
  amount: string;
  basis?: string;
}

export interface Responsibility {
  step: string;
  content: string;
  basis?: string;
}

/** One version's content: power-list fields and the service guide (catalog.content.ts). */
export interface ItemContent {
  name: string;
  baseCode?: string;
  implCode?: string;
  regionCode?: string;
  itemType: ItemType;
  subItemName?: string;
  variant?: Variant;
  level: Level;
  legalBasis: LegalBasis[];
  implementingBody: { orgId: number | null; name: string };
  acceptanceConditions: string[];
  materials: Material[];
  process: ProcessStep[];
  specialProcedures: SpecialProcedure[];
  statutoryDays: number | null;
  promisedDays: number | null;
  fees: Fee[];
  visits: number | null;
  channels: Channel[];
  scope: Scope[];
  handlingMode: HandlingMode | null;
  place?: string;
  hours?: string;
  consultPhone?: string;
  complaintPhone?: string;
  faq: { q: string; a: string }[];
  forms: { name: string; url?: string }[];
  applicantKinds: ApplicantKind[];
  lifeEvents: string[];
  commitmentAllowed: boolean;
  responsibilities: Responsibility[];
  accountability: string[];
  integrityRisks: string[];
  remarks?: string;
}

export interface ItemSummary {
  id: number;
  implCode: string;
  baseCode: string | null;
  name: string;
  subItemName: string | null;
  variant: Variant | null;
  itemType: ItemType;
  typeLabel: TypeLabel;
  kind: ItemKind;
  regionCode: string;
  org: { id: number | null; name: string };
  level: Level;
  status: 'draft' | 'published' | 'retired';
  currentVersion: number;
  visits: number | null;
  online: boolean;
  statutoryDays: number | null;
  promisedDays: number | null;
  applicantKinds: string[];
  lifeEvents: string[];
  commitmentAllowed: boolean;
  popularity: number;
  updatedAt: string;
}

export interface Version {
  versionNo: number;
  change: 'create' | 'update' | 'retire';
  effectiveDate: string;
  approvalDocNo: string;
  publishedAt: string;
  reason: string | null;
  basis: string | null;
  adjustmentId: number | null;
}

export interface ItemDetail extends ItemSummary {
  content: ItemContent;
  version: Version | null;
}

export interface ItemQuery {
  type?: string;
  orgId?: number;
  regionCode?: string;
  kind?: ItemKind;
  level?: Level;
  lifeEvent?: string;
  applicantKind?: ApplicantKind;
  visits?: number;
  online?: boolean;
  status?: 'published' | 'retired';
  q?: string;
  sort?: 'name' | 'popularity';
  cursor?: string;
  limit?: number;
}

export interface SubChange {
  field: string;
  label: Label;
  before: unknown;
  after: unknown;
}

export interface ListEntry {
  key: string;
  index: number;
  value: unknown;
}

export type FieldDiff =
  | { kind: 'value'; field: string; label: Label; before: unknown; after: unknown }
  | { kind: 'object'; field: string; label: Label; changes: SubChange[] }
  | {
      kind: 'list';
      field: string;
      label: Label;
      added: ListEntry[];
      removed: ListEntry[];
      changed: { key: string; beforeIndex: number; afterIndex: number; changes: SubChange[] }[];
      reordered: boolean;
    };

export interface ContentDiff {
  changes: FieldDiff[];
  summary: { fields: number; added: number; removed: number; changed: number };
}

export interface VersionDiff extends ContentDiff {
  itemId: number;
  from: Version;
  to: Version;
}

export const ADJUSTMENT_STATES = ['draft', 'submitted', 'reviewed', 'approved', 'published', 'returned', 'rejected', 'withdrawn'] as const;
export type AdjustmentState = (typeof ADJUSTMENT_STATES)[number];
export type AdjustmentAction = 'submit' | 'review' | 'approve' | 'publish' | 'return' | 'reject' | 'withdraw';
export type ChangeKind = 'create' | 'update' | 'retire';

export interface AdjustmentSummary {
  id: number;
  itemId: number | null;
  change: ChangeKind;
  state: AdjustmentState;
  stateLabel: Label;
  version: number;
  name: string | null;
  implCode: string | null;
  orgName: string | null;
  regionCode: string;
  orgId: number | null;
  reason: string;
  basis: string;
  baseVersion: number;
  currentVersion: number;
  stale: boolean;
  requestedBy: { id: number; name: string | null };
  reviewNote: string | null;
  approvalDocNo: string | null;
  effectiveDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AdjustmentDetail extends AdjustmentSummary {
  proposed: ItemContent;
  diff: ContentDiff | null;
  history: { action: string; from: string; to: string; version: number; actorName: string; note: string | null; at: string }[];
  actions: { action: AdjustmentAction; label: Label; requires: string[] }[];
}

export interface AdjustmentInput {
  change: ChangeKind;
  itemId?: number;
  proposed?: ItemContent;
  reason: string;
  basis: string;
  submit?: boolean;
}

export interface ActionInput {
  version: number;
  reason?: string;
  note?: string;
  approvalDocNo?: string;
  effectiveDate?: string;
}

export interface SearchHit {
  id: number;
  implCode: string;
  name: string;
  subItemName: string | null;
  type: ItemType;
  typeLabel: string;
  kind: ItemKind;
  department: string;
  orgId: number | null;
  regionCode: string;
  /** The name, HTML-escaped, matched terms in <em>. */
  highlight: string;
  snippet: string | null;
  score: number;
  match: 'text' | 'fuzzy';
  visits: number | null;
  online: boolean;
  promisedDays: number | null;
  applicantKinds: string[];
  lifeEvents: string[];
}

export interface BundleHit {
  id: number;
  code: string;
  name: string;
  lifeEvent: string;
  applicantKind: string;
  highlight: string;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  took: number;
  expanded: string[];
  relaxed: boolean;
  nextCursor: string | null;
  bundles: BundleHit[];
}

export interface SearchQuery {
  q: string;
  limit?: number;
  offset?: number;
  type?: string;
  kind?: ItemKind;
  lifeEvent?: string;
  applicantKind?: ApplicantKind;
  visits?: number;
  online?: boolean;
}

export type BundleApplicantKind = 'person' | 'legal' | 'any';

export interface BundleSummary {
  code: string;
  name: string;
  lifeEvent: string;
  description: string;
  applicantKind: BundleApplicantKind;
  regionCode: string;
  status: 'draft' | 'published' | 'retired';
  publishedAt: string | null;
  updatedAt: string;
  version: number;
  memberCount: number;
  questionCount: number;
}

export interface Condition {
  all?: string[];
  any?: string[];
  none?: string[];
}

export interface QuestionOption {
  id: string;
  label: string;
  hint?: string;
}

export interface Question {
  key: string;
  text: string;
  kind: 'single' | 'multi';
  required: boolean;
  showIf: Condition | null;
  options: QuestionOption[];
  defaultOptionIds: string[];
}

export interface ItemRef {
  itemId: number;
  name: string;
}

export interface MergedMaterial {
  key: string;
  name: string;
  names: string[];
  requirement: Requirement;
  copies: number;
  form: MaterialForm;
  medium: Medium;
  source: MaterialSource;
  deferrable: boolean;
  licenseType: string | null;
  proofCode: string | null;
  conditions: string[];
  because: string[];
  items: ItemRef[];
}

export interface Evaluation {
  answers: Record<string, string[]>;
  unanswered: { key: string; text: string }[];
  hiddenQuestions: string[];
  items: {
    itemId: number;
    implCode: string;
    name: string;
    orgId: number | null;
    orgName: string;
    itemType: string;
    promisedDays: number | null;
    statutoryDays: number | null;
    visits: number | null;
  }[];
  skippedItems: { itemId: number; name: string | null; reason: 'not_applicable' | 'unavailable' }[];
  materials: MergedMaterial[];
  waivedMaterials: { name: string; items: ItemRef[]; by: string[] }[];
  excludedMaterials: { name: string; itemId: number; itemName: string; reason: 'situation' | 'produced'; producedBy?: ItemRef }[];
  formFields: { key: string; label: string; type: string; required: boolean; options?: string[]; items: ItemRef[] }[];
  totals: { items: number; materials: number; materialsBeforeMerge: number; formFields: number; maxPromisedDays: number | null };
}

export interface BundleDetail extends Omit<BundleSummary, 'memberCount' | 'questionCount'> {
  members: {
    itemId: number;
    implCode: string | null;
    name: string | null;
    orgId: number | null;
    orgName: string | null;
    itemType: string | null;
    itemStatus: string | null;
    promisedDays: number | null;
    sort: number;
    condition: Condition | null;
    produces: string[];
  }[];
  questions: Question[];
  evaluation: Evaluation;
  actions: { edit: boolean; review: boolean };
}

export interface Devolution {
  id: number;
  itemId: number;
  itemName: string;
  implCode: string;
  itemType: string;
  category: 'approval_service' | 'penalty_other';
  fromOrgName: string;
  regionCode: string;
  regionName: string | null;
  orgId: number | null;
  orgName: string | null;
  field: string;
  legalBasis: string;
  decisionNo: string;
  decidedBy: string | null;
  effectiveDate: string;
  status: 'active' | 'suspended' | 'withdrawn';
  note: string | null;
  lastEvaluatedOn: string | null;
  lastResult: 'good' | 'fair' | 'poor' | null;
  version: number;
  updatedAt: string;
}

export interface DevolutionCounts {
  total: number;
  byCategory: { approval_service: number; penalty_other: number };
  byTown: { regionCode: string; regionName: string | null; total: number; approvalService: number; penaltyOther: number }[];
  byField: { field: string; count: number }[];
}

export type ProofReplacement = 'none' | 'data_sharing' | 'commitment' | 'data_sharing_or_commitment';

export interface Proof {
  code: string;
  name: string;
  regionCode: string;
  basis: string;
  requestingUnit: string;
  issuingUnit: string;
  guide: string;
  replacement: ProofReplacement;
  status: 'listed' | 'cancelled';
  note: string | null;
  version: number;
  updatedAt: string;
}

export interface DeferrableRow {
  item: { id: number; implCode: string; name: string; itemType: ItemType; org: { id: number | null; name: string }; regionCode: string };
  position: number;
  material: Partial<Material>;
}

export interface RowError {
  sheet?: string;
  row: number;
  column: string | null;
  field: string | null;
  value?: string;
  message: string;
  messageEn: string;
}

export interface ImportRowPreview {
  row: number;
  sheet?: string;
  action: 'create' | 'update';
  name: string;
  subItemName: string | null;
  itemType: ItemType;
  typeLabel: string;
  implCode: string | null;
  baseCode: string | null;
  implementingBody: { orgId: number | null; name: string };
  newOrg: boolean;
  regionCode: string | null;
  level: Level;
  statutoryDays: number | null;
  promisedDays: number | null;
  visits: number | null;
  online: boolean;
  handlingMode: HandlingMode | null;
}

export interface ImportSummary {
  id: number;
  fileName: string;
  sha256: string;
  kind: string;
  regionCode: string;
  regionName: string;
  createMissingOrgs: boolean;
  state: 'previewed' | 'committed' | 'discarded';
  version: number;
  createdBy: number | null;
  createdAt: string | null;
  totalRows: number;
  validRows: number;
  errorCount: number;
  warningCount: number;
  canCommit: boolean;
  approvalDocNo: string | null;
  effectiveDate: string | null;
  committedAt: string | null;
  result: { created: number; updated: number; unchanged: number; orgsCreated: { id: number; name: string; code: string }[]; itemIds: number[] } | null;
}

export interface ImportPreview extends ImportSummary {
  summary: {
    byType: { itemType: ItemType; label: string; count: number }[];
    byDepartment: { name: string; orgId: number | null; create: boolean; count: number }[];
    create: number;
    update: number;
    newOrgs: string[];
    sheets: { name: string; headerRow: number; rows: number; columns: { header: string; field: string }[]; unknownColumns: string[] }[];
    skippedSheets: string[];
  };
  firstRows: ImportRowPreview[];
  errors: RowError[];
  warnings: RowError[];
}

export interface LawSummary {
  id: string;
  title: string;
  part: string | null;
  aliases: string[];
  notes: string[];
  articleCount: number;
  lastArticle: number;
}

export interface LawArticle {
  lawId: string;
  lawTitle: string;
  no: number;
  label: string;
  chapter: string | null;
  section: string | null;
  text: string;
}

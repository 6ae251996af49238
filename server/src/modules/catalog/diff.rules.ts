/**
 * Field-by-field difference between two versions of a catalog item's content
 * (catalog.content.ts). Pure: no I/O. Scalar fields report before → after;
 * lists of objects are matched by identity (materials by name, legal basis
 * by law + article, …) and report added, removed and changed entries with
 * their sub-field changes; lists of strings report added and removed values.
 * The order is stable: fields in the order of the label table (the content's
 * own order), removed entries in their old order, added and changed entries
 * in their new order, sub-fields in the order of their label table.
 */
import type { z } from 'zod';
import type { Fee, ItemContent, LegalBasis, Material, ProcessStep, Responsibility, SpecialProcedure } from './catalog.content.ts';

export interface Label {
  zh: string;
  en: string;
}

type LabelsOf<T> = { [K in keyof T]-?: Label };

/** Chinese and English label of every field of ItemContent, in display order. */
export const FIELD_LABELS: LabelsOf<ItemContent> = {
  name: { zh: '事项名称', en: 'Item name' },
  baseCode: { zh: '基本编码', en: 'Base code' },
  implCode: { zh: '实施编码', en: 'Implementation code' },
  regionCode: { zh: '行政区划', en: 'Region' },
  itemType: { zh: '事项类型', en: 'Item type' },
  subItemName: { zh: '子项名称', en: 'Sub-item name' },
  variant: { zh: '业务办理项', en: 'Handling variant' },
  level: { zh: '行使层级', en: 'Level' },
  legalBasis: { zh: '设定依据', en: 'Legal basis' },
  implementingBody: { zh: '实施主体', en: 'Implementing body' },
  acceptanceConditions: { zh: '受理条件', en: 'Acceptance conditions' },
  materials: { zh: '申请材料', en: 'Required materials' },
  process: { zh: '办理流程', en: 'Process steps' },
  specialProcedures: { zh: '特别程序', en: 'Special procedures' },
  statutoryDays: { zh: '法定办结时限（工作日）', en: 'Statutory time limit (working days)' },
  promisedDays: { zh: '承诺办结时限（工作日）', en: 'Promised time limit (working days)' },
  fees: { zh: '收费', en: 'Fees' },
  visits: { zh: '到办事现场次数', en: 'Visits required' },
  channels: { zh: '办理渠道', en: 'Channels' },
  scope: { zh: '通办范围', en: 'Handling scope' },
  handlingMode: { zh: '办件类型', en: 'Handling mode' },
  place: { zh: '办理地点', en: 'Place' },
  hours: { zh: '办理时间', en: 'Hours' },
  consultPhone: { zh: '咨询电话', en: 'Consultation phone' },
  complaintPhone: { zh: '监督投诉电话', en: 'Complaint phone' },
  faq: { zh: '常见问题', en: 'FAQ' },
  forms: { zh: '表格下载', en: 'Forms' },
  applicantKinds: { zh: '服务对象', en: 'Applicant kinds' },
  lifeEvents: { zh: '主题分类', en: 'Life events' },
  result: { zh: '审批结果', en: 'Approval result' },
  commitmentAllowed: { zh: '告知承诺', en: 'Approval on commitment' },
  responsibilities: { zh: '责任事项', en: 'Responsibilities' },
  accountability: { zh: '追责情形', en: 'Accountability cases' },
  integrityRisks: { zh: '廉政风险点', en: 'Integrity risks' },
  remarks: { zh: '备注', en: 'Remarks' },
};

/** Labels of the sub-fields of the object fields and of the entries of object lists. */
export const SUB_FIELD_LABELS = {
  implementingBody: {
    orgId: { zh: '机构编号', en: 'Organisation id' },
    name: { zh: '机构名称', en: 'Name' },
  } satisfies LabelsOf<ItemContent['implementingBody']>,
  legalBasis: {
    law: { zh: '法律法规', en: 'Law' },
    article: { zh: '条款', en: 'Article' },
    text: { zh: '条文内容', en: 'Text' },
  } satisfies LabelsOf<z.output<typeof LegalBasis>>,
  materials: {
    name: { zh: '材料名称', en: 'Name' },
    copies: { zh: '份数', en: 'Copies' },
    form: { zh: '材料形式', en: 'Original or copy' },
    source: { zh: '来源渠道', en: 'Source' },
    sourceNote: { zh: '来源说明', en: 'Source note' },
    requirement: { zh: '必要性', en: 'Requirement' },
    condition: { zh: '适用情形', en: 'Condition' },
    medium: { zh: '纸质/电子', en: 'Medium' },
    licenseType: { zh: '可替代电子证照', en: 'Replacing e-licence' },
    deferrable: { zh: '容缺', en: 'Deferrable' },
    proofCode: { zh: '证明事项编码', en: 'Proof-requirement code' },
    notes: { zh: '备注', en: 'Notes' },
  } satisfies LabelsOf<z.output<typeof Material>>,
  process: {
    name: { zh: '环节名称', en: 'Step' },
    actor: { zh: '办理人员', en: 'Actor' },
    days: { zh: '时限（工作日）', en: 'Days' },
    description: { zh: '办理内容', en: 'Description' },
  } satisfies LabelsOf<z.output<typeof ProcessStep>>,
  specialProcedures: {
    name: { zh: '程序名称', en: 'Name' },
    maxDays: { zh: '时限（天）', en: 'Time allowed (days)' },
    basis: { zh: '依据', en: 'Basis' },
    counted: { zh: '计入办结时限', en: 'Counted in the time limit' },
  } satisfies LabelsOf<z.output<typeof SpecialProcedure>>,
  fees: {
    name: { zh: '收费项目', en: 'Fee' },
    amount: { zh: '收费标准', en: 'Amount' },
    basis: { zh: '收费依据', en: 'Basis' },
  } satisfies LabelsOf<z.output<typeof Fee>>,
  faq: {
    q: { zh: '问题', en: 'Question' },
    a: { zh: '解答', en: 'Answer' },
  } satisfies LabelsOf<ItemContent['faq'][number]>,
  forms: {
    name: { zh: '表格名称', en: 'Form' },
    url: { zh: '下载地址', en: 'Download address' },
  } satisfies LabelsOf<ItemContent['forms'][number]>,
  responsibilities: {
    step: { zh: '环节', en: 'Step' },
    content: { zh: '责任内容', en: 'Duty' },
    basis: { zh: '依据', en: 'Basis' },
  } satisfies LabelsOf<z.output<typeof Responsibility>>,
} as const;

type Field = keyof ItemContent;
type KeyedField = 'legalBasis' | 'materials' | 'process' | 'specialProcedures' | 'fees' | 'faq' | 'forms' | 'responsibilities';
type Entry = Record<string, unknown>;

/** Identity of an entry of each list of objects: entries with the same identity are the same entry, changed or not. */
export const LIST_IDENTITY: Record<KeyedField, (e: Entry) => string> = {
  legalBasis: (e) => [e.law, e.article].filter((v) => typeof v === 'string' && v !== '').join(' '),
  materials: (e) => String(e.name),
  process: (e) => String(e.name),
  specialProcedures: (e) => String(e.name),
  fees: (e) => String(e.name),
  faq: (e) => String(e.q),
  forms: (e) => String(e.name),
  responsibilities: (e) => String(e.step),
};

/** Lists of plain values, compared as values (added / removed). */
const VALUE_LISTS = new Set<Field>(['acceptanceConditions', 'channels', 'scope', 'applicantKinds', 'lifeEvents', 'accountability', 'integrityRisks']);
const OBJECTS = new Set<Field>(['implementingBody']);

export interface SubChange {
  field: string;
  label: Label;
  before: unknown;
  after: unknown;
}

export interface ListEntry {
  /** The entry's identity (a name, a question, law + article; `#2` marks a second entry with the same identity). */
  key: string;
  /** Position in the list it belongs to (old list for removed entries, new list for added ones). */
  index: number;
  value: unknown;
}

export interface ChangedEntry {
  key: string;
  beforeIndex: number;
  afterIndex: number;
  changes: SubChange[];
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
      changed: ChangedEntry[];
      /** Entries present in both lists now stand in another order. */
      reordered: boolean;
    };

export interface ContentDiff {
  changes: FieldDiff[];
  summary: { fields: number; added: number; removed: number; changed: number };
}

/** Absent and null are the same "no value". */
const norm = (v: unknown): unknown => (v === undefined ? null : v);

/** Key-order-independent serialisation for equality. */
function canonical(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined && o[k] !== null)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b);

function subChanges(before: Entry, after: Entry, labels: Record<string, Label>): SubChange[] {
  const known = Object.keys(labels);
  const extra = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !(k in labels)).sort();
  const out: SubChange[] = [];
  for (const f of [...known, ...extra]) {
    if (!sameValue(before[f], after[f])) out.push({ field: f, label: labels[f] ?? { zh: f, en: f }, before: norm(before[f]), after: norm(after[f]) });
  }
  return out;
}

/** Keys for each entry, numbering repeats of one identity (#2, #3, …) so they pair in order. */
function keysOf(list: unknown[], identity: (e: unknown) => string): string[] {
  const seen = new Map<string, number>();
  return list.map((e) => {
    const k = identity(e);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n === 1 ? k : `${k}#${n}`;
  });
}

function diffList(field: Field, before: unknown[], after: unknown[], identity: (e: unknown) => string, subLabels: Record<string, Label> | null): FieldDiff | null {
  const bKeys = keysOf(before, identity);
  const aKeys = keysOf(after, identity);
  const bIndex = new Map(bKeys.map((k, i) => [k, i]));
  const aIndex = new Map(aKeys.map((k, i) => [k, i]));
  const removed: ListEntry[] = bKeys.flatMap((k, i) => (aIndex.has(k) ? [] : [{ key: k, index: i, value: before[i] }]));
  const added: ListEntry[] = [];
  const changed: ChangedEntry[] = [];
  aKeys.forEach((k, i) => {
    const j = bIndex.get(k);
    if (j === undefined) {
      added.push({ key: k, index: i, value: after[i] });
      return;
    }
    if (subLabels && !sameValue(before[j], after[i])) {
      changed.push({ key: k, beforeIndex: j, afterIndex: i, changes: subChanges(before[j] as Entry, after[i] as Entry, subLabels) });
    }
  });
  const commonBefore = bKeys.filter((k) => aIndex.has(k));
  const commonAfter = aKeys.filter((k) => bIndex.has(k));
  const reordered = commonBefore.some((k, i) => commonAfter[i] !== k);
  if (!added.length && !removed.length && !changed.length && !reordered) return null;
  return { kind: 'list', field, label: FIELD_LABELS[field], added, removed, changed, reordered };
}

/** Field-by-field difference from `before` to `after` (both parsed ItemContent). */
export function diffContent(before: ItemContent, after: ItemContent): ContentDiff {
  const changes: FieldDiff[] = [];
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  for (const field of Object.keys(FIELD_LABELS) as Field[]) {
    const bv = b[field];
    const av = a[field];
    if (sameValue(bv, av)) continue;
    const label = FIELD_LABELS[field];
    if (field in LIST_IDENTITY) {
      const f = field as KeyedField;
      const identity = LIST_IDENTITY[f] as (e: unknown) => string;
      const d = diffList(field, asList(bv), asList(av), identity, SUB_FIELD_LABELS[f]);
      if (d) changes.push(d);
    } else if (VALUE_LISTS.has(field)) {
      const d = diffList(field, asList(bv), asList(av), (v) => String(v), null);
      if (d) changes.push(d);
    } else if (OBJECTS.has(field)) {
      changes.push({ kind: 'object', field, label, changes: subChanges((bv ?? {}) as Entry, (av ?? {}) as Entry, SUB_FIELD_LABELS.implementingBody) });
    } else {
      changes.push({ kind: 'value', field, label, before: norm(bv), after: norm(av) });
    }
  }
  const summary = { fields: changes.length, added: 0, removed: 0, changed: 0 };
  for (const c of changes) {
    if (c.kind === 'list') {
      summary.added += c.added.length;
      summary.removed += c.removed.length;
      summary.changed += c.changed.length;
    } else {
      summary.changed += 1;
    }
  }
  return { changes, summary };
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The content fields the label table covers (for the completeness test and UIs). */
export const DIFF_FIELDS = Object.keys(FIELD_LABELS) as Field[];

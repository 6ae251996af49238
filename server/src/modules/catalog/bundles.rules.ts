/**
 * Pure rules of bundles (一件事): the definition model (situation questions,
 * member conditions, form fields), its validation, and evaluation of a set of
 * situation answers into the applicable items, one merged material list and
 * one merged form (material merging: bundles.materials.rules.ts).
 */
import { z } from 'zod';
import type { FieldError } from '../../platform/errors/index.ts';
import type { ItemContent } from './catalog.content.ts';
import { BundleErrors } from './bundles.errors.ts';
import { mergeMaterials, normaliseMaterialName, type ExcludedMaterial, type MergedMaterial, type WaivedMaterial } from './bundles.materials.rules.ts';
import { QUESTION_KINDS } from './bundles.schema.ts';

// ── definition model ───────────────────────────────────────────────────────

const QUESTION_KEY = /^[a-z][a-z0-9_]{0,39}$/;
const OPTION_ID = /^[a-z0-9][a-z0-9_]{0,39}$/;
const OPTION_REF = /^[a-z][a-z0-9_]{0,39}\.[a-z0-9][a-z0-9_]{0,39}$/;
const keyMsg = '小写字母开头，只含小写字母、数字和下划线（lower-case letters, digits, underscore）';

const OptionRef = z.string().regex(OPTION_REF, { message: '应为「问题键.选项编号」，如 premises.rented（question.option）' });

/**
 * When a member applies or a question is asked, over the options chosen so far:
 * every `all` option chosen, at least one `any` option chosen (when `any` is
 * given), no `none` option chosen. References are "questionKey.optionId".
 */
export const ConditionSchema = z
  .object({
    all: z.array(OptionRef).max(20).optional(),
    any: z.array(OptionRef).max(20).optional(),
    none: z.array(OptionRef).max(20).optional(),
  })
  .strict();
export type Condition = z.output<typeof ConditionSchema>;

const MaterialRef = z.string().trim().min(1).max(300);

export const OptionSchema = z
  .object({
    id: z.string().regex(OPTION_ID, { message: keyMsg }),
    label: z.string().trim().min(1).max(100),
    hint: z.string().trim().max(300).optional(),
    /** Conditional materials of the member items that this situation makes required (matched by normalised name). */
    requireMaterials: z.array(MaterialRef).max(50).default([]),
    /** Materials this situation makes unnecessary (e.g. already held as an e-licence). */
    waiveMaterials: z.array(MaterialRef).max(50).default([]),
  })
  .strict();
export type OptionDef = z.output<typeof OptionSchema>;

export const QuestionSchema = z
  .object({
    key: z.string().regex(QUESTION_KEY, { message: keyMsg }),
    text: z.string().trim().min(2).max(300),
    kind: z.enum(QUESTION_KINDS),
    required: z.boolean().default(true),
    /** Ask only when this holds over the earlier questions' answers. */
    showIf: ConditionSchema.nullable().default(null),
    options: z.array(OptionSchema).min(2).max(30),
    /** Preselected options: the answers the public detail page shows its material list for. */
    defaultOptionIds: z.array(z.string()).max(30).default([]),
  })
  .strict();
export type QuestionDef = z.output<typeof QuestionSchema>;

export const FORM_FIELD_TYPES = ['text', 'textarea', 'number', 'date', 'boolean', 'select', 'phone', 'resident_id', 'uscc', 'address'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** One field of the merged application form; members list the fields their item needs. */
export const FormFieldSchema = z
  .object({
    key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, { message: '字母开头，只含字母、数字和下划线（letters, digits, underscore）' }),
    label: z.string().trim().min(1).max(100),
    type: z.enum(FORM_FIELD_TYPES),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  })
  .strict();
export type FormFieldDef = z.output<typeof FormFieldSchema>;

export const MemberSchema = z
  .object({
    itemId: z.number().int().positive().max(2147483647),
    sort: z.number().int().min(0).max(100000).optional(),
    condition: ConditionSchema.nullable().default(null),
    formFields: z.array(FormFieldSchema).max(100).default([]),
    /** What this item issues within the bundle (material names or e-licence types): no other item asks for it. */
    produces: z.array(z.string().trim().min(1).max(300)).max(20).default([]),
  })
  .strict();
export type MemberDef = Omit<z.output<typeof MemberSchema>, 'sort'> & { sort: number };

export interface BundleDefinition {
  members: MemberDef[];
  questions: QuestionDef[];
}

/** A member item as evaluation needs it: its catalog row facts and its published content. */
export interface BundleItem {
  itemId: number;
  implCode: string;
  name: string;
  orgId: number | null;
  orgName: string;
  itemType: string;
  status: string;
  promisedDays: number | null;
  statutoryDays: number | null;
  visits: number | null;
  content: ItemContent;
}

// ── validation ─────────────────────────────────────────────────────────────

const refParts = (ref: string): [string, string] => {
  const dot = ref.indexOf('.');
  return [ref.slice(0, dot), ref.slice(dot + 1)];
};

function conditionRefs(c: Condition | null): string[] {
  return c ? [...(c.all ?? []), ...(c.any ?? []), ...(c.none ?? [])] : [];
}

const fe = (field: string, message: string, messageEn: string): FieldError => ({ field, message, messageEn, in: 'body' });

/**
 * Structural problems of a definition, each naming its field: duplicate keys,
 * conditions that reference unknown (or, for showIf, later) questions or
 * options, defaults that are not options, one form-field key with two types.
 */
export function definitionProblems(def: BundleDefinition): FieldError[] {
  const out: FieldError[] = [];
  const options = new Map<string, Set<string>>();
  const order = new Map<string, number>();
  def.questions.forEach((q, i) => {
    if (options.has(q.key)) out.push(fe(`questions.${i}.key`, `问题键 ${q.key} 重复`, `Duplicate question key ${q.key}`));
    const ids = new Set<string>();
    q.options.forEach((o, j) => {
      if (ids.has(o.id)) out.push(fe(`questions.${i}.options.${j}.id`, `选项编号 ${o.id} 重复`, `Duplicate option id ${o.id}`));
      ids.add(o.id);
    });
    for (const d of q.defaultOptionIds) {
      if (!ids.has(d)) out.push(fe(`questions.${i}.defaultOptionIds`, `默认选项 ${d} 不是该问题的选项`, `Default ${d} is not an option of this question`));
    }
    if (q.kind === 'single' && q.defaultOptionIds.length > 1) {
      out.push(fe(`questions.${i}.defaultOptionIds`, '单选问题只能有一个默认选项', 'A single-choice question has at most one default'));
    }
    for (const ref of conditionRefs(q.showIf)) {
      const [qk, ok] = refParts(ref);
      const earlier = order.has(qk);
      if (!earlier || !options.get(qk)?.has(ok)) {
        out.push(fe(`questions.${i}.showIf`, `${ref} 须引用前面问题的选项`, `${ref} must reference an option of an earlier question`));
      }
    }
    if (!options.has(q.key)) {
      options.set(q.key, ids);
      order.set(q.key, i);
    }
  });
  const seenItems = new Set<number>();
  const fieldTypes = new Map<string, string>();
  def.members.forEach((m, i) => {
    if (seenItems.has(m.itemId)) out.push(fe(`members.${i}.itemId`, `事项 ${m.itemId} 重复`, `Item ${m.itemId} is listed twice`));
    seenItems.add(m.itemId);
    for (const ref of conditionRefs(m.condition)) {
      const [qk, ok] = refParts(ref);
      if (!options.get(qk)?.has(ok)) out.push(fe(`members.${i}.condition`, `${ref} 不是已定义问题的选项`, `${ref} is not an option of a defined question`));
    }
    const keys = new Set<string>();
    m.formFields.forEach((f, j) => {
      if (keys.has(f.key)) out.push(fe(`members.${i}.formFields.${j}.key`, `表单字段 ${f.key} 重复`, `Duplicate form field ${f.key}`));
      keys.add(f.key);
      const t = fieldTypes.get(f.key);
      if (t && t !== f.type) {
        out.push(fe(`members.${i}.formFields.${j}.type`, `字段 ${f.key} 在其他事项中的类型为 ${t}`, `Field ${f.key} has type ${t} in another item`));
      }
      if (!t) fieldTypes.set(f.key, f.type);
      if (f.type === 'select' && !f.options?.length) {
        out.push(fe(`members.${i}.formFields.${j}.options`, '下拉字段须给出选项', 'A select field needs options'));
      }
    });
  });
  return out;
}

/**
 * Option material references that match no material of any member item (a
 * typo would otherwise silently never apply). Matched by normalised name.
 */
export function materialReferenceProblems(def: BundleDefinition, contents: Map<number, Pick<ItemContent, 'materials'>>): FieldError[] {
  const known = new Set<string>();
  for (const m of def.members) for (const mat of contents.get(m.itemId)?.materials ?? []) known.add(normaliseMaterialName(mat.name));
  const out: FieldError[] = [];
  def.questions.forEach((q, i) =>
    q.options.forEach((o, j) => {
      for (const [list, refs] of [
        ['requireMaterials', o.requireMaterials],
        ['waiveMaterials', o.waiveMaterials],
      ] as const) {
        refs.forEach((name, k) => {
          if (!known.has(normaliseMaterialName(name))) {
            out.push(fe(`questions.${i}.options.${j}.${list}.${k}`, `材料「${name}」不在任何成员事项的材料中`, `"${name}" is not a material of any member item`));
          }
        });
      }
    }),
  );
  return out;
}

// ── answers ────────────────────────────────────────────────────────────────

/** Chosen option ids per question key. */
export type Answers = Record<string, string[]>;

/** Accepts one option id or a list per question; null or empty means unanswered. */
export function normaliseAnswers(raw: Record<string, string | string[] | null | undefined>): Answers {
  const out: Answers = {};
  for (const [k, v] of Object.entries(raw)) {
    const list = v == null ? [] : Array.isArray(v) ? v : [v];
    out[k] = [...new Set(list.map((s) => s.trim()).filter(Boolean))];
  }
  return out;
}

/** Does the condition hold over the chosen options? A null condition always holds. */
export function conditionHolds(c: Condition | null, answers: Answers): boolean {
  if (!c) return true;
  const chosen = (ref: string) => {
    const [q, o] = refParts(ref);
    return answers[q]?.includes(o) ?? false;
  };
  if (c.all && !c.all.every(chosen)) return false;
  if (c.any && c.any.length > 0 && !c.any.some(chosen)) return false;
  if (c.none && c.none.some(chosen)) return false;
  return true;
}

/** The defaults of every question: what the public detail shows before the applicant answers. */
export function defaultAnswers(questions: QuestionDef[]): Answers {
  const out: Answers = {};
  for (const q of questions) if (q.defaultOptionIds.length) out[q.key] = [...q.defaultOptionIds];
  return out;
}

export interface ResolvedAnswers {
  /** Answers to the questions that are asked (hidden questions' answers dropped). */
  answers: Answers;
  /** Required questions asked but not answered (only with `partial`; otherwise an error). */
  unanswered: { key: string; text: string }[];
  /** Questions not asked because their showIf does not hold. */
  hidden: string[];
}

/**
 * Checks answers against the questions, in order (a question's showIf sees
 * the answers before it). Unknown questions or options and several options
 * for a single-choice question are 400s naming `answers.<key>`. An unanswered
 * required question is an error naming it, unless `partial` (previews).
 */
export function resolveAnswers(questions: QuestionDef[], raw: Answers, opts: { partial?: boolean } = {}): ResolvedAnswers {
  const problems: FieldError[] = [];
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const key of Object.keys(raw)) {
    if (!byKey.has(key)) problems.push(fe(`answers.${key}`, `没有问题 ${key}`, `There is no question ${key}`));
  }
  const answers: Answers = {};
  const unanswered: ResolvedAnswers['unanswered'] = [];
  const hidden: string[] = [];
  for (const q of questions) {
    if (!conditionHolds(q.showIf, answers)) {
      hidden.push(q.key);
      continue;
    }
    const chosen = raw[q.key] ?? [];
    const ids = new Set(q.options.map((o) => o.id));
    const unknown = chosen.filter((c) => !ids.has(c));
    if (unknown.length) {
      problems.push(fe(`answers.${q.key}`, `「${q.text}」没有选项 ${unknown.join('、')}`, `"${q.text}" has no option ${unknown.join(', ')}`));
      continue;
    }
    if (q.kind === 'single' && chosen.length > 1) {
      problems.push(fe(`answers.${q.key}`, `「${q.text}」只能选择一项`, `"${q.text}" takes one option`));
      continue;
    }
    if (chosen.length === 0) {
      if (q.required) unanswered.push({ key: q.key, text: q.text });
      continue;
    }
    answers[q.key] = chosen;
  }
  if (problems.length) throw BundleErrors.BAD_ANSWER({ fields: problems });
  if (unanswered.length && !opts.partial) {
    throw BundleErrors.UNANSWERED({
      vars: { questions: unanswered.map((u) => `「${u.text}」`).join('、') },
      fields: unanswered.map((u) => fe(`answers.${u.key}`, `请回答「${u.text}」`, `Answer "${u.text}"`)),
      extra: { unanswered },
    });
  }
  return { answers, unanswered, hidden };
}

// ── evaluation ─────────────────────────────────────────────────────────────

export interface MergedFormField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  options?: string[];
  items: { itemId: number; name: string }[];
}

/** Union of the applicable members' form fields by key: first label wins, required if any item requires it, select options united. */
export function mergeFormFields(members: { item: Pick<BundleItem, 'itemId' | 'name'>; formFields: FormFieldDef[] }[]): MergedFormField[] {
  const byKey = new Map<string, MergedFormField>();
  for (const { item, formFields } of members) {
    for (const f of formFields) {
      const cur = byKey.get(f.key);
      if (!cur) {
        byKey.set(f.key, { key: f.key, label: f.label, type: f.type, required: f.required, ...(f.options ? { options: [...f.options] } : {}), items: [{ itemId: item.itemId, name: item.name }] });
        continue;
      }
      cur.required ||= f.required;
      if (f.options) cur.options = [...new Set([...(cur.options ?? []), ...f.options])];
      if (!cur.items.some((i) => i.itemId === item.itemId)) cur.items.push({ itemId: item.itemId, name: item.name });
    }
  }
  return [...byKey.values()];
}

export interface ApplicableItem {
  itemId: number;
  implCode: string;
  name: string;
  orgId: number | null;
  orgName: string;
  itemType: string;
  promisedDays: number | null;
  statutoryDays: number | null;
  visits: number | null;
}

export interface Evaluation {
  answers: Answers;
  unanswered: { key: string; text: string }[];
  hiddenQuestions: string[];
  items: ApplicableItem[];
  skippedItems: { itemId: number; name: string | null; reason: 'not_applicable' | 'unavailable' }[];
  materials: MergedMaterial[];
  waivedMaterials: WaivedMaterial[];
  excludedMaterials: ExcludedMaterial[];
  formFields: MergedFormField[];
  totals: { items: number; materials: number; materialsBeforeMerge: number; formFields: number; maxPromisedDays: number | null };
}

/**
 * Evaluates a bundle for a set of answers. Members apply when their
 * condition holds and their item is published; the applicable items'
 * materials are merged (see mergeMaterials) and their form fields united.
 */
export function evaluateBundle(def: BundleDefinition, items: Map<number, BundleItem>, raw: Answers, opts: { partial?: boolean } = {}): Evaluation {
  const resolved = resolveAnswers(def.questions, raw, opts);
  const chosen = def.questions.flatMap((q) => q.options.filter((o) => resolved.answers[q.key]?.includes(o.id)));
  const allOptions = def.questions.flatMap((q) => q.options);
  const applicable: { item: BundleItem; member: MemberDef }[] = [];
  const skipped: Evaluation['skippedItems'] = [];
  const members = [...def.members].sort((a, b) => a.sort - b.sort || a.itemId - b.itemId);
  for (const m of members) {
    const item = items.get(m.itemId);
    if (!item || item.status !== 'published') skipped.push({ itemId: m.itemId, name: item?.name ?? null, reason: 'unavailable' });
    else if (!conditionHolds(m.condition, resolved.answers)) skipped.push({ itemId: m.itemId, name: item.name, reason: 'not_applicable' });
    else applicable.push({ item, member: m });
  }
  const merged = mergeMaterials(
    applicable.map(({ item, member }) => ({ itemId: item.itemId, name: item.name, materials: item.content.materials, produces: member.produces })),
    { chosen, all: allOptions },
  );
  const formFields = mergeFormFields(applicable.map(({ item, member }) => ({ item, formFields: member.formFields })));
  const promised = applicable.map(({ item }) => item.promisedDays).filter((d): d is number => d !== null);
  return {
    answers: resolved.answers,
    unanswered: resolved.unanswered,
    hiddenQuestions: resolved.hidden,
    items: applicable.map(({ item }) => ({
      itemId: item.itemId,
      implCode: item.implCode,
      name: item.name,
      orgId: item.orgId,
      orgName: item.orgName,
      itemType: item.itemType,
      promisedDays: item.promisedDays,
      statutoryDays: item.statutoryDays,
      visits: item.visits,
    })),
    skippedItems: skipped,
    materials: merged.materials,
    waivedMaterials: merged.waived,
    excludedMaterials: merged.excluded,
    formFields,
    totals: {
      items: applicable.length,
      materials: merged.materials.length,
      materialsBeforeMerge: merged.instances,
      formFields: formFields.length,
      maxPromisedDays: promised.length ? Math.max(...promised) : null,
    },
  };
}

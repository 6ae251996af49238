import type { MessageKey, Translate } from '../../../app/i18n/index.tsx';
import {
  APPLICANT_LABEL,
  CHANNEL_LABEL,
  FORM_LABEL,
  HANDLING_LABEL,
  LEVEL_LABEL,
  MEDIUM_LABEL,
  REQUIREMENT_LABEL,
  SCOPE_LABEL,
  SOURCE_LABEL,
  VARIANT_LABEL,
  labelOf,
  visitsText,
} from '../labels.ts';
import { TYPE_LABEL } from '../typeLabels.ts';

type Table = Record<string, MessageKey>;

/** Enumerated content fields and the labels of their values. */
const FIELD_ENUMS: Record<string, Table> = {
  itemType: TYPE_LABEL,
  level: LEVEL_LABEL,
  variant: VARIANT_LABEL,
  handlingMode: HANDLING_LABEL,
  channels: CHANNEL_LABEL,
  scope: SCOPE_LABEL,
  applicantKinds: APPLICANT_LABEL,
};

/** Enumerated sub-fields of list entries. */
const SUB_ENUMS: Record<string, Table> = { form: FORM_LABEL, source: SOURCE_LABEL, requirement: REQUIREMENT_LABEL, medium: MEDIUM_LABEL };

/** Labels of the sub-fields of list entries, for entries shown whole (added or removed). */
export const SUB_LABELS: Record<string, Record<string, MessageKey>> = {
  legalBasis: { law: 'catalog.basis.law', article: 'catalog.basis.article', text: 'catalog.basis.text' },
  materials: {
    name: 'catalog.material.name',
    copies: 'catalog.material.copies',
    form: 'catalog.material.form',
    source: 'catalog.material.source',
    sourceNote: 'catalog.material.sourceNote',
    requirement: 'catalog.material.requirement',
    condition: 'catalog.material.condition',
    medium: 'catalog.material.medium',
    licenseType: 'catalog.material.license',
    deferrable: 'catalog.material.deferrable',
    proofCode: 'catalog.material.proof',
    notes: 'catalog.material.notes',
  },
  process: { name: 'catalog.step.name', actor: 'catalog.step.actor', days: 'catalog.step.days', description: 'catalog.step.description' },
  specialProcedures: { name: 'catalog.special.name', maxDays: 'catalog.special.maxDays', basis: 'catalog.special.basis', counted: 'catalog.special.counted' },
  fees: { name: 'catalog.fee.name', amount: 'catalog.fee.amount', basis: 'catalog.fee.basis' },
  faq: { q: 'catalog.faq.q', a: 'catalog.faq.a' },
  forms: { name: 'catalog.form2.name', url: 'catalog.form2.url' },
  responsibilities: { step: 'catalog.resp.step', content: 'catalog.resp.content', basis: 'catalog.resp.basis' },
  implementingBody: { orgId: 'catalog.body.orgId', name: 'catalog.body.name' },
};

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** A scalar as text: enumerations by their labels, booleans as 是/否, absent as （空）. */
export function scalarText(v: unknown, t: Translate, table?: Table): string {
  if (isEmpty(v)) return t('catalog.diff.empty');
  if (typeof v === 'boolean') return v ? t('catalog.yes') : t('catalog.no');
  if (typeof v === 'string' && table) return labelOf(table, v, t);
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  return JSON.stringify(v);
}

/** A value of a top-level field as text (for value diffs and entries of value lists). */
export function fieldValueText(field: string, v: unknown, t: Translate): string {
  if (field === 'visits' && typeof v === 'number') return visitsText(v, t);
  if ((field === 'statutoryDays' || field === 'promisedDays') && typeof v === 'number') return t('catalog.days', { n: v });
  if (Array.isArray(v)) return v.length ? v.map((x) => scalarText(x, t, FIELD_ENUMS[field])).join('、') : t('catalog.diff.empty');
  return scalarText(v, t, FIELD_ENUMS[field]);
}

/** A sub-field of a list entry as text. */
export const subValueText = (sub: string, v: unknown, t: Translate) => scalarText(v, t, SUB_ENUMS[sub]);

/** A whole entry of a list (added or removed) as "label：value" pairs. */
export function entryPairs(field: string, value: unknown, t: Translate): { label: string; text: string }[] {
  if (value === null || typeof value !== 'object') return [{ label: '', text: fieldValueText(field, value, t) }];
  const labels = SUB_LABELS[field] ?? {};
  const o = value as Record<string, unknown>;
  const keys = [...Object.keys(labels), ...Object.keys(o).filter((k) => !(k in labels)).sort()];
  return keys.filter((k) => !isEmpty(o[k])).map((k) => ({ label: labels[k] ? t(labels[k]) : k, text: subValueText(k, o[k], t) }));
}

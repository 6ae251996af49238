import type { FormInstance } from 'antd';
import { isApiError } from '../../../app/api.ts';
import { errorText } from '../../../app/errors.ts';
import type { Translate } from '../../../app/i18n/index.tsx';
import type { ItemContent, Material } from '../catalog.types.ts';

/** What the adjustment form holds: the proposed content and the request's reason and basis. */
export interface AdjustmentFormValues {
  proposed: ItemContent;
  reason: string;
  basis: string;
}

/** A blank item: what a new request starts from. */
export function blankContent(): ItemContent {
  return {
    name: '',
    itemType: 'licensing',
    level: 'county',
    legalBasis: [],
    implementingBody: { orgId: null, name: '' },
    acceptanceConditions: [],
    materials: [],
    process: [],
    specialProcedures: [],
    statutoryDays: null,
    promisedDays: null,
    fees: [],
    visits: null,
    channels: ['window'],
    scope: ['local'],
    handlingMode: null,
    faq: [],
    forms: [],
    applicantKinds: [],
    lifeEvents: [],
    commitmentAllowed: false,
    responsibilities: [],
    accountability: [],
    integrityRisks: [],
  };
}

export const blankMaterial = (): Material => ({ name: '', copies: 1, form: 'original', source: 'applicant', requirement: 'required', medium: 'both', deferrable: false });

/** Drops empty texts and absent values (an optional field left blank is "not given", not ""), keeping nulls the schema allows. */
function clean(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clean).filter((x) => x !== undefined);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const c = clean(x);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' ? undefined : s;
  }
  return v;
}

const NULLABLE = ['statutoryDays', 'promisedDays', 'visits', 'handlingMode'] as const;

/** The form's content as the API takes it. */
export function contentFromForm(values: ItemContent): ItemContent {
  const c = clean(values) as ItemContent;
  for (const k of NULLABLE) if (c[k] === undefined) (c as unknown as Record<string, unknown>)[k] = null;
  c.implementingBody = { orgId: values.implementingBody?.orgId ?? null, name: (values.implementingBody?.name ?? '').trim() };
  // list entries that stayed blank are dropped rather than refused
  c.acceptanceConditions = (c.acceptanceConditions ?? []).filter(Boolean);
  c.accountability = (c.accountability ?? []).filter(Boolean);
  c.integrityRisks = (c.integrityRisks ?? []).filter(Boolean);
  c.specialProcedures = (c.specialProcedures ?? []).map((p) => ({ ...p, maxDays: p.maxDays ?? null, counted: !!p.counted }));
  c.materials = (c.materials ?? []).map((m) => ({ ...m, deferrable: !!m.deferrable }));
  return c;
}

/** "proposed.materials.2.copies" → ['proposed', 'materials', 2, 'copies'] (a form item name). */
export const fieldPath = (field: string): (string | number)[] => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Puts each server field error under the form item it names (nested paths
 * included) and returns the text for the alert: the problem title and the
 * errors that have no item on this form.
 */
export function applyNestedErrors(form: FormInstance, e: unknown, t: Translate, labelOf: (field: string) => string): { message: string; first?: (string | number)[] } {
  if (!isApiError(e)) return { message: errorText(e, t) };
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const onForm = e.fieldErrors.filter((f) => registered.has(JSON.stringify(fieldPath(f.field))));
  const elsewhere = e.fieldErrors.filter((f) => !registered.has(JSON.stringify(fieldPath(f.field))));
  form.setFields(onForm.map((f) => ({ name: fieldPath(f.field), errors: [f.message] })));
  const extra = elsewhere.map((f) => `${labelOf(f.field)}：${f.message}`).join('；');
  return { message: [errorText(e, t), extra].filter(Boolean).join(' — '), first: onForm[0] ? fieldPath(onForm[0].field) : undefined };
}

import dayjs from 'dayjs';
import type { FormInstance } from 'antd';
import { isApiError } from './api.ts';
import type { Translate } from './i18n/index.tsx';

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})/g;

/** Server messages carry instants as ISO 8601 (e.g. a lock-out's end); show them in local time. */
export const localiseInstants = (text: string) => text.replace(ISO_INSTANT, (iso) => dayjs(iso).format('YYYY-MM-DD HH:mm'));

/** A short, human message for any failure: the problem title, else a generic text by status. */
export function errorText(e: unknown, t: Translate): string {
  if (isApiError(e)) {
    if (e.status === 0) return t('error.network');
    if (e.title) return localiseInstants(e.title);
    if (e.status === 404) return t('error.notFound');
    if (e.status === 403) return t('error.forbidden');
    return t('error.generic', { status: e.status });
  }
  return t('error.unexpected');
}

/**
 * Puts each field-level problem on the form item of the same name and returns
 * the message to show above the form (the problem title, plus any field
 * messages that have no item on this form).
 */
export function applyFormErrors(form: FormInstance, e: unknown, fields: readonly string[], t: Translate): string {
  if (!isApiError(e)) return errorText(e, t);
  const onForm = e.fieldErrors.filter((f) => fields.includes(f.field));
  const elsewhere = e.fieldErrors.filter((f) => !fields.includes(f.field));
  form.setFields(onForm.map((f) => ({ name: f.field, errors: [f.message] })));
  const extra = elsewhere.map((f) => `${f.field}: ${f.message}`).join('；');
  return [errorText(e, t), extra].filter(Boolean).join(' — ');
}

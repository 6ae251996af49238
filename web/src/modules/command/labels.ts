import type { MessageKey, Translate } from '../../app/i18n/index.tsx';

/** A translated label for a code with a known key, else the code itself (new states or sources still show). */
export function labelOf(t: Translate, prefix: 'state' | 'source' | 'urgency' | 'action', code: string): string {
  const key = `cmd.${prefix}.${code}` as MessageKey;
  const text = t(key);
  return text === key ? code : text;
}

/** 0.8123 → "81.2%"; null → "—". */
export const percent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
export const score = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1));

import { DomainError } from '../errors/index.ts';
import { IdErrors, type IdErrorKey } from './ids.errors.ts';

/** One thing wrong with an identifier: a stable code and the message in both languages. */
export interface IdIssue {
  /** Stable code, `ids.<KEY>`, e.g. `ids.USCC_CHECK`. */
  code: string;
  zh: string;
  en: string;
  /** 1-based position of the offending character, when one character is at fault. */
  position?: number;
  /** What a check character should have been. */
  expected?: string;
}

/**
 * The answer of every validator. `value` is the normalised input (trimmed and
 * upper-cased; region codes also lose trailing zero padding). A valid
 * identifier may still carry warnings (soft rules, see validateUscc).
 */
export type IdResult<T> =
  | { valid: true; value: string; details: T; warnings: IdIssue[] }
  | { valid: false; value: string; error: IdIssue };

type Vars = Record<string, string | number>;

/** Builds an issue from the IdErrors catalogue. */
export function idIssue(key: IdErrorKey, vars: Vars = {}, extra: { position?: number; expected?: string } = {}): IdIssue {
  const e = IdErrors[key]({ vars });
  const out: IdIssue = { code: e.code, zh: e.zh, en: e.en };
  if (extra.position !== undefined) out.position = extra.position;
  if (extra.expected !== undefined) out.expected = extra.expected;
  return out;
}

export function fail<T>(value: string, key: IdErrorKey, vars: Vars = {}, extra: { position?: number; expected?: string } = {}): IdResult<T> {
  return { valid: false, value, error: idIssue(key, vars, extra) };
}

/** Trims surrounding white space (including the ideographic space) and upper-cases. */
export function normalizeId(raw: string): string {
  return raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').toUpperCase();
}

/** Shows a character safely in a message (control characters as U+XXXX). */
export function showChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x20 || cp === 0x7f ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : ch;
}

/** The first character (by code point) not accepted by `ok`, with its 1-based position. */
export function firstBadChar(chars: string[], ok: (ch: string, index: number) => boolean): { char: string; position: number } | null {
  for (let i = 0; i < chars.length; i++) if (!ok(chars[i], i)) return { char: showChar(chars[i]), position: i + 1 };
  return null;
}

/**
 * For services: the normalised value of a valid result, or a DomainError with
 * the specific code that names `field` (problem+json lists it under `errors`).
 */
export function requireValid<T>(result: IdResult<T>, field: string): string {
  if (result.valid) return result.value;
  const { code, zh, en } = result.error;
  throw new DomainError(code, 'invalid', zh, en, [{ field, message: zh, messageEn: en }]);
}

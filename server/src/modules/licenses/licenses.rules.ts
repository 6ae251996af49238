/**
 * Pure licence rules: the canonical document, validity dates, masking for the
 * public page, signing and verifying with Ed25519 against a JWKS (no database:
 * this is what an offline verifier does), and the detached signature trailer
 * of certificate PDFs.
 */
import { createPublicKey, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../platform/audit/canonical.ts';
import { dayNumber, isoOf } from '../../platform/clock/index.ts';
import type { HolderKind, LicenseState } from './licenses.schema.ts';

export const DOCUMENT_SCHEMA = 'tongban.licence/1';

/** The signed content of an e-licence. Everything a verifier needs to show, nothing it must look up. */
export interface LicencePayload {
  schema: typeof DOCUMENT_SCHEMA;
  licenceNo: string;
  type: { code: string; name: string };
  holder: { kind: HolderKind; name: string; idNumber: string };
  issuer: { name: string; code: string; regionCode: string };
  issuedAt: string;
  validFrom: string;
  /** Null = long-term (长期). */
  validUntil: string | null;
  applicationNo: string | null;
  itemName: string | null;
  /** Where the public verification page for this licence is (path, relative to the portal). */
  verifyPath: string;
}

export interface SignedLicenceDocument {
  payload: LicencePayload;
  signature: { alg: 'EdDSA'; kid: string; value: string };
}

export interface PublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}
export interface Jwks {
  keys: PublicJwk[];
}

export const verifyPathOf = (licenceNo: string) => `/verify/licence/${licenceNo}`;

/** The bytes that are signed: canonical JSON (keys sorted at every depth, no spaces), UTF-8. */
export function canonicalBytes(payload: unknown): Buffer {
  return Buffer.from(canonicalJson(payload), 'utf8');
}

export function signBytes(privateKey: KeyObject, bytes: Buffer): string {
  return edSign(null, bytes, privateKey).toString('base64url');
}

export function signPayload(privateKey: KeyObject, kid: string, payload: LicencePayload): SignedLicenceDocument {
  return { payload, signature: { alg: 'EdDSA', kid, value: signBytes(privateKey, canonicalBytes(payload)) } };
}

/** Verifies Ed25519 `signature` (base64url) over `bytes` with the JWKS key `kid`. */
export function verifyBytes(jwks: Jwks, kid: string, bytes: Buffer, signature: string): 'valid' | 'unknown_key' | 'bad_signature' {
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (!jwk) return 'unknown_key';
  try {
    const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
    return edVerify(null, bytes, key, Buffer.from(signature, 'base64url')) ? 'valid' : 'bad_signature';
  } catch {
    return 'bad_signature';
  }
}

export type ReasonCode =
  | 'malformed'
  | 'unknown_key'
  | 'bad_signature'
  | 'pdf_no_document'
  | 'pdf_signature_missing'
  | 'pdf_bad_signature'
  | 'pdf_unknown_key'
  | 'not_registered'
  | 'registry_mismatch'
  | 'not_valid'
  | 'not_yet_valid'
  | 'past_validity';

export interface Reason {
  code: ReasonCode;
  zh: string;
  en: string;
}

const REASONS: Record<ReasonCode, [string, string]> = {
  malformed: ['不是有效的电子证照文件', 'Not a well-formed e-licence document'],
  unknown_key: ['签名密钥不属于本平台', 'The signing key is not one of this platform’s keys'],
  bad_signature: ['签名校验失败，证照内容已被篡改', 'The signature does not match: the licence content was changed'],
  pdf_no_document: ['PDF 中没有嵌入签名的证照数据', 'The PDF carries no embedded signed licence data'],
  pdf_signature_missing: ['PDF 缺少文件签名，且与签发时的文件不一致', 'The PDF has no file signature and differs from the issued file'],
  pdf_bad_signature: ['PDF 文件签名校验失败，文件已被修改', 'The PDF file signature does not match: the file was changed'],
  pdf_unknown_key: ['PDF 文件签名密钥不属于本平台', 'The PDF was signed with a key that is not this platform’s'],
  not_registered: ['签发系统中没有这本证照', 'The issuing system has no such licence'],
  registry_mismatch: ['文件内容与签发系统中的记录不一致', 'The document differs from the issuing system’s record'],
  not_valid: ['证照当前状态不是「有效」', 'The licence is not in the “valid” state'],
  not_yet_valid: ['证照尚未生效', 'The licence is not yet in force'],
  past_validity: ['证照已超过有效期', 'The licence is past its validity'],
};

export const reason = (code: ReasonCode): Reason => ({ code, zh: REASONS[code][0], en: REASONS[code][1] });

/** Is `doc` shaped like a signed licence document? */
export function asSignedDocument(doc: unknown): SignedLicenceDocument | null {
  if (!doc || typeof doc !== 'object') return null;
  const d = doc as Record<string, unknown>;
  const p = d.payload as Record<string, unknown> | undefined;
  const s = d.signature as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object' || !s || typeof s !== 'object') return null;
  if (s.alg !== 'EdDSA' || typeof s.kid !== 'string' || typeof s.value !== 'string') return null;
  if (typeof p.licenceNo !== 'string' || p.schema !== DOCUMENT_SCHEMA) return null;
  return doc as SignedLicenceDocument;
}

/** Offline check of a signed JSON document with only the JWKS: is the signature over the canonical payload valid? */
export function verifySignedDocument(doc: unknown, jwks: Jwks): { signatureValid: boolean; document: SignedLicenceDocument | null; reasons: Reason[] } {
  const signed = asSignedDocument(doc);
  if (!signed) return { signatureValid: false, document: null, reasons: [reason('malformed')] };
  const r = verifyBytes(jwks, signed.signature.kid, canonicalBytes(signed.payload), signed.signature.value);
  return { signatureValid: r === 'valid', document: signed, reasons: r === 'valid' ? [] : [reason(r)] };
}

// ── PDF detached signature trailer ──

/**
 * A certificate PDF ends with one comment line after %%EOF carrying an
 * Ed25519 signature over every byte before that line. PDF readers ignore it;
 * a verifier with the JWKS checks it offline.
 */
export const PDF_SIGNATURE_MARK = '%TONGBAN-SIGNATURE ';

export function signedPdfBody(pdf: Buffer): Buffer {
  return pdf.length > 0 && pdf[pdf.length - 1] === 0x0a ? pdf : Buffer.concat([pdf, Buffer.from('\n')]);
}

export function appendPdfSignature(body: Buffer, kid: string, value: string): Buffer {
  return Buffer.concat([body, Buffer.from(`${PDF_SIGNATURE_MARK}EdDSA ${kid} ${value}\n`, 'latin1')]);
}

export function splitPdfSignature(pdf: Buffer): { body: Buffer; kid: string; value: string } | null {
  const mark = Buffer.from(`\n${PDF_SIGNATURE_MARK}`, 'latin1');
  const at = pdf.lastIndexOf(mark);
  if (at < 0) return null;
  const line = pdf.subarray(at + mark.length).toString('latin1');
  const m = /^EdDSA ([A-Za-z0-9_-]{1,100}) ([A-Za-z0-9_-]{20,200})\n?$/.exec(line);
  if (!m) return null;
  return { body: pdf.subarray(0, at + 1), kid: m[1], value: m[2] };
}

export const isPdf = (data: Buffer) => data.subarray(0, 5).toString('latin1') === '%PDF-';

// ── validity ──

/** China-local calendar date of an instant (YYYY-MM-DD). */
export function chinaDateOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The last day of a validity of `years` starting on `from` (inclusive): 2026-03-01 + 5 years → 2031-02-28. */
export function validUntilOf(from: string, years: number | null): string | null {
  if (years === null) return null;
  dayNumber(from); // throws RangeError on an invalid date
  const [y, m, d] = from.split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return isoOf(Math.floor(Date.UTC(y + years, m - 1, Math.min(d, daysInMonth)) / 86_400_000) - 1);
}

/** Days from `today` until `until` (negative when past). */
export const daysUntil = (today: string, until: string) => dayNumber(until) - dayNumber(today);

// ── presentation ──

export const STATE_LABELS: Record<LicenseState, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' },
  revoked: { zh: '已撤销', en: 'Revoked' },
  cancelled: { zh: '已注销', en: 'Cancelled' },
  expired: { zh: '已过期', en: 'Expired' },
  transferred: { zh: '已转移', en: 'Transferred' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** Holder name for the public page: persons keep the surname (张**), organisations the first 2 and last 4 characters. */
export function maskName(kind: HolderKind, name: string): string {
  const chars = Array.from(name.trim());
  if (kind === 'person') return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
  if (chars.length <= 6) return `${chars.slice(0, 1).join('')}${'*'.repeat(Math.max(chars.length - 2, 1))}${chars.length > 2 ? chars[chars.length - 1] : ''}`;
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 6)}${chars.slice(-4).join('')}`;
}

/** Identifier for the public page: first 4 and last 2 characters. */
export function maskIdNumber(id: string): string {
  return id.length <= 6 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 6)}${id.slice(-2)}`;
}

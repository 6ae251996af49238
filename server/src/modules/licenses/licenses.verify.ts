/**
 * Verification, public. A signed JSON document or a certificate PDF is checked
 * the way an offline verifier would (signatures against the JWKS only), then
 * against the register for the current state. Anyone may verify; nothing
 * here changes state.
 */
import { createHash } from 'node:crypto';
import { executor, type Db } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { embeddedFiles } from '../../platform/pdf/index.ts';
import { jwks as loadJwks } from './licenses.keys.ts';
import { EMBEDDED_NAME } from './licenses.pdf.ts';
import * as repo from './licenses.repository.ts';
import {
  canonicalBytes,
  chinaDateOf,
  isPdf,
  maskIdNumber,
  maskName,
  reason,
  splitPdfSignature,
  STATE_LABELS,
  verifyBytes,
  verifySignedDocument,
  type Jwks,
  type Reason,
} from './licenses.rules.ts';
import type { HolderKind, LicenseState } from './licenses.schema.ts';

export type Verdict = LicenseState | 'tampered' | 'unknown';

export interface PublicLicence {
  licenceNo: string;
  type: string;
  holder: { kind: HolderKind; name: string; idNumber: string };
  issuer: { name: string };
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  state: LicenseState;
  stateLabel: { zh: string; en: string };
  history: { action: string; toState: string; at: string }[];
}

export interface VerifyResult {
  /** What was checked. */
  kind: 'json' | 'pdf' | 'number';
  /** Every signature present verifies with a key of the JWKS. */
  signatureValid: boolean;
  /** Signatures valid and the document is the one the register holds. */
  documentIntact: boolean;
  /** The register knows this licence. */
  registered: boolean;
  licenceNo: string | null;
  /** Current state in the register (null when not registered). */
  state: LicenseState | null;
  /** The single answer to show: the state when intact, otherwise tampered / unknown. */
  verdict: Verdict;
  verdictLabel: { zh: string; en: string };
  licence: PublicLicence | null;
  reasons: Reason[];
}

const VERDICT_LABELS: Record<'tampered' | 'unknown', { zh: string; en: string }> = {
  tampered: { zh: '验证失败：已篡改', en: 'Verification failed: tampered' },
  unknown: { zh: '验证失败：无法识别', en: 'Verification failed: not recognised' },
};

async function publicView(db: Db, row: repo.LicenseRow): Promise<PublicLicence> {
  const events = await repo.eventsOf(executor(db), row.id);
  return {
    licenceNo: row.licence_no,
    type: row.type_name,
    holder: { kind: row.holder_kind, name: maskName(row.holder_kind, row.holder_name), idNumber: maskIdNumber(row.holder_id_number) },
    issuer: { name: row.issuer_name },
    issuedAt: new Date(row.issued_at).toISOString(),
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    state: row.state,
    stateLabel: STATE_LABELS[row.state],
    history: events.filter((e) => e.action !== 'renewal_reminder').map((e) => ({ action: e.action, toState: e.to_state, at: new Date(e.at).toISOString() })),
  };
}

/** State reasons: not valid, or valid in the register but outside its validity today (the expiry job has not run yet). */
function stateReasons(row: repo.LicenseRow, today: string): Reason[] {
  if (row.state !== 'valid') return [reason('not_valid')];
  if (row.valid_from > today) return [reason('not_yet_valid')];
  if (row.valid_until !== null && row.valid_until < today) return [reason('past_validity')];
  return [];
}

const TAMPER_SIGNS = new Set(['bad_signature', 'pdf_bad_signature', 'pdf_unknown_key', 'pdf_signature_missing', 'registry_mismatch']);

function result(kind: VerifyResult['kind'], parts: Omit<VerifyResult, 'kind' | 'verdict' | 'verdictLabel'>): VerifyResult {
  const verdict: Verdict = parts.documentIntact && parts.state ? parts.state : parts.reasons.some((r) => TAMPER_SIGNS.has(r.code)) ? 'tampered' : 'unknown';
  const verdictLabel = verdict === 'tampered' || verdict === 'unknown' ? VERDICT_LABELS[verdict] : STATE_LABELS[verdict];
  return { kind, ...parts, verdict, verdictLabel };
}

/** The register's answer for a licence number (already validated). 404 when unknown. */
export async function verifyNumber(db: Db, licenceNo: string): Promise<VerifyResult> {
  const row = await repo.byNo(executor(db), licenceNo);
  if (!row) throw CommonErrors.NOT_FOUND();
  const keys = await loadJwks(db);
  const sig = verifyBytes(keys, row.key_id, canonicalBytes(row.payload), row.signature);
  const reasons = sig === 'valid' ? stateReasons(row, chinaDateOf(new Date())) : [reason(sig)];
  return result('number', {
    signatureValid: sig === 'valid',
    documentIntact: sig === 'valid',
    registered: true,
    licenceNo,
    state: row.state,
    licence: await publicView(db, row),
    reasons,
  });
}

async function checkJson(db: Db, keys: Jwks, doc: unknown, extra: Reason[], pdfOk: boolean, kind: 'json' | 'pdf'): Promise<VerifyResult> {
  const r = verifySignedDocument(doc, keys);
  const licenceNo = r.document?.payload.licenceNo ?? null;
  const row = licenceNo ? await repo.byNo(executor(db), licenceNo) : undefined;
  const reasons = [...extra, ...r.reasons];
  if (!row) {
    if (r.document) reasons.push(reason('not_registered'));
    return result(kind, { signatureValid: r.signatureValid && pdfOk, documentIntact: false, registered: false, licenceNo, state: null, licence: null, reasons });
  }
  const sameAsRegister = r.document !== null && canonicalBytes(r.document.payload).equals(canonicalBytes(row.payload));
  if (r.signatureValid && !sameAsRegister) reasons.push(reason('registry_mismatch'));
  const intact = r.signatureValid && pdfOk && sameAsRegister;
  if (intact) reasons.push(...stateReasons(row, chinaDateOf(new Date())));
  return result(kind, {
    signatureValid: r.signatureValid && pdfOk,
    documentIntact: intact,
    registered: true,
    licenceNo,
    state: row.state,
    licence: await publicView(db, row),
    reasons,
  });
}

/** Verifies a signed JSON document (object or its text). */
export async function verifyJsonDocument(db: Db, doc: unknown): Promise<VerifyResult> {
  let parsed = doc;
  if (typeof doc === 'string' || Buffer.isBuffer(doc)) {
    try {
      parsed = JSON.parse(doc.toString());
    } catch {
      return result('json', { signatureValid: false, documentIntact: false, registered: false, licenceNo: null, state: null, licence: null, reasons: [reason('malformed')] });
    }
  }
  return checkJson(db, await loadJwks(db), parsed, [], true, 'json');
}

/**
 * Verifies a certificate PDF: the detached signature over the file (or, when it
 * was stripped, the file's hash against the issued file), then the embedded
 * signed JSON, then the register.
 */
export async function verifyPdf(db: Db, pdf: Buffer): Promise<VerifyResult> {
  const keys = await loadJwks(db);
  const reasons: Reason[] = [];
  let pdfOk: boolean;
  const trailer = splitPdfSignature(pdf);
  if (trailer) {
    const r = verifyBytes(keys, trailer.kid, trailer.body, trailer.value);
    pdfOk = r === 'valid';
    if (!pdfOk) reasons.push(reason(r === 'unknown_key' ? 'pdf_unknown_key' : 'pdf_bad_signature'));
  } else {
    pdfOk = (await repo.pdfBySha(executor(db), createHash('sha256').update(pdf).digest('hex'))) !== undefined;
    if (!pdfOk) reasons.push(reason('pdf_signature_missing'));
  }
  const embedded = embeddedFiles(pdf).find((f) => f.name === EMBEDDED_NAME);
  if (!embedded) {
    reasons.push(reason('pdf_no_document'));
    return result('pdf', { signatureValid: false, documentIntact: false, registered: false, licenceNo: null, state: null, licence: null, reasons });
  }
  let doc: unknown = null;
  try {
    doc = JSON.parse(embedded.data.toString('utf8'));
  } catch {
    /* malformed: reported by checkJson */
  }
  return checkJson(db, keys, doc, reasons, pdfOk, 'pdf');
}

/** Verifies uploaded bytes: a PDF by its magic number, otherwise a JSON document. */
export async function verifyUpload(db: Db, data: Buffer): Promise<VerifyResult> {
  return isPdf(data) ? verifyPdf(db, data) : verifyJsonDocument(db, data);
}

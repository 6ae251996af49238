/**
 * E-licence identifiers (电子证照标识) as deployed on the national
 * government-service platform:
 *
 *   1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>
 *
 *   root     `1.2.156.3005.2` (the e-licence OID arc)
 *   type     licence type code: the defining body's USCC (18) + 3-digit type number, 21 characters
 *   issuer   issuing body's USCC (18), or a 6-digit region code
 *   serial   1–64 digits or capital letters, assigned by the issuer
 *   version  3 digits, 001–999
 *   check    one ISO 7064 MOD 37,36 character (0-9A-Z)
 *
 * What the check covers, exactly: type + issuer + serial + version
 * concatenated without the dots, i.e. everything between the root and the
 * check with the dots removed. The root `1.2.156.3005.2` is NOT included.
 * For `1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U`
 * the checked string is `11100000000013338W01111430000006122244L20230000403001`
 * and its check is `U` (this matches identifiers issued in production).
 *
 * Input is trimmed and upper-cased. Errors, first one wins: empty, root,
 * format (number of parts), type, issuer, serial, version, check. The type
 * and issuer USCCs are validated fully (their own check characters too).
 */
import { fail, normalizeId, requireValid, type IdResult } from './issue.ts';
import { mod37_36CheckChar } from './iso7064.rules.ts';
import { validateRegionCode } from './region.rules.ts';
import { validateUscc } from './uscc.rules.ts';

export const LICENSE_ID_ROOT = '1.2.156.3005.2';

export interface LicenseIdDetails {
  /** Licence type code: defining body's USCC + type number (21 characters). */
  typeCode: string;
  definingUscc: string;
  /** 3 digits. */
  typeNumber: string;
  issuer: string;
  issuerKind: 'uscc' | 'region';
  serial: string;
  /** 3 digits. */
  version: string;
  checkChar: string;
}

/** The check character of an identifier's parts (the checked string is the parts joined without dots). */
export function licenseIdCheckChar(parts: { typeCode: string; issuer: string; serial: string; version: string }): string {
  return mod37_36CheckChar(`${parts.typeCode}${parts.issuer}${parts.serial}${parts.version}`);
}

/** Validates an e-licence identifier; see the module comment for the layout and the check. */
export function validateLicenseId(raw: string): IdResult<LicenseIdDetails> {
  const value = normalizeId(raw);
  if (value.length === 0) return fail(value, 'LICENSE_ID_EMPTY');
  if (!value.startsWith(`${LICENSE_ID_ROOT}.`)) return fail(value, 'LICENSE_ID_ROOT', {}, { position: 1 });
  const parts = value.slice(LICENSE_ID_ROOT.length + 1).split('.');
  if (parts.length !== 5) return fail(value, 'LICENSE_ID_FORMAT', { segments: parts.length });
  const [typeCode, issuer, serial, version, check] = parts;

  const typeFail = (reasonZh: string, reasonEn: string) => fail<LicenseIdDetails>(value, 'LICENSE_ID_TYPE', { type: typeCode, reasonZh, reasonEn });
  if (typeCode.length !== 21) return typeFail(`（实际为 ${typeCode.length} 位）`, ` (it has ${typeCode.length} characters)`);
  const defining = validateUscc(typeCode.slice(0, 18));
  if (!defining.valid) return typeFail(`（${defining.error.zh}）`, ` (${defining.error.en})`);
  if (!/^\d{3}$/.test(typeCode.slice(18))) return typeFail('（类型顺序号不是 3 位数字）', ' (the type number is not 3 digits)');

  let issuerKind: 'uscc' | 'region';
  const issuerFail = (reasonZh: string, reasonEn: string) => fail<LicenseIdDetails>(value, 'LICENSE_ID_ISSUER', { issuer, reasonZh, reasonEn });
  if (issuer.length === 18) {
    const r = validateUscc(issuer);
    if (!r.valid) return issuerFail(`（${r.error.zh}）`, ` (${r.error.en})`);
    issuerKind = 'uscc';
  } else if (issuer.length === 6) {
    const r = validateRegionCode(issuer);
    if (!r.valid) return issuerFail(`（${r.error.zh}）`, ` (${r.error.en})`);
    issuerKind = 'region';
  } else {
    return issuerFail(`（实际为 ${issuer.length} 位）`, ` (it has ${issuer.length} characters)`);
  }

  if (!/^[0-9A-Z]{1,64}$/.test(serial)) return fail(value, 'LICENSE_ID_SERIAL', { serial });
  if (!/^\d{3}$/.test(version) || version === '000') return fail(value, 'LICENSE_ID_VERSION', { version });

  const expected = licenseIdCheckChar({ typeCode, issuer, serial, version });
  if (check !== expected) return fail(value, 'LICENSE_ID_CHECK', { expected, char: check }, { position: value.length, expected });

  return {
    valid: true,
    value,
    warnings: [],
    details: {
      typeCode,
      definingUscc: typeCode.slice(0, 18),
      typeNumber: typeCode.slice(18),
      issuer,
      issuerKind,
      serial,
      version,
      checkChar: check,
    },
  };
}

export interface LicenseIdParts {
  /** USCC of the body that defines the licence type. */
  definingUscc: string;
  /** Type number within that body: 0–999 or a 3-digit string. */
  typeNumber: number | string;
  /** Issuing body's USCC, or a 6-digit region code. */
  issuer: string;
  /** 1–64 digits or letters (upper-cased). */
  serial: string;
  /** 1–999 or a 3-digit string (default 1). */
  version?: number | string;
}

const pad3 = (v: number | string) => (typeof v === 'number' ? (Number.isInteger(v) && v >= 0 && v <= 999 ? String(v).padStart(3, '0') : String(v)) : v);

/**
 * Builds an identifier and computes its check character. Throws a DomainError
 * with the specific `ids.LICENSE_ID_*` code when a part is invalid.
 */
export function buildLicenseId(parts: LicenseIdParts): string {
  const typeCode = `${normalizeId(parts.definingUscc)}${pad3(parts.typeNumber)}`;
  const issuer = normalizeId(parts.issuer);
  const serial = normalizeId(parts.serial);
  const version = pad3(parts.version ?? 1);
  const body = `${typeCode}.${issuer}.${serial}.${version}`;
  // Compute a check only over well-formed parts; otherwise validate with a placeholder to get the specific error.
  const wellFormed = [typeCode, issuer, serial, version].every((part) => /^[0-9A-Z]+$/.test(part));
  const check = wellFormed ? licenseIdCheckChar({ typeCode, issuer, serial, version }) : '0';
  return requireValid(validateLicenseId(`${LICENSE_ID_ROOT}.${body}.${check}`), 'licenseId');
}

import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildLicenseId, validateLicenseId } from '../../platform/ids/index.ts';
import {
  appendPdfSignature,
  canonicalBytes,
  maskIdNumber,
  maskName,
  signBytes,
  signedPdfBody,
  signPayload,
  splitPdfSignature,
  validUntilOf,
  verifyBytes,
  verifySignedDocument,
  type Jwks,
  type LicencePayload,
} from './licenses.rules.ts';

function keyPair(kid: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
  const jwks: Jwks = { keys: [{ kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid, alg: 'EdDSA', use: 'sig' }] };
  return { privateKey, jwks };
}

const licenceNo = buildLicenseId({ definingUscc: '11100000000013338W', typeNumber: 11, issuer: '320281', serial: '202600000001' });
const payload: LicencePayload = {
  schema: 'tongban.licence/1',
  licenceNo,
  type: { code: '11100000000013338W011', name: '营业执照' },
  holder: { kind: 'legal', name: '江阴市通办科技有限公司', idNumber: '91350100M000100Y43' },
  issuer: { name: '江阴市行政审批局', code: '320281', regionCode: '320281' },
  issuedAt: '2026-03-01T02:00:00.000Z',
  validFrom: '2026-03-01',
  validUntil: null,
  applicationNo: 'SQ2026030100001',
  itemName: '企业设立登记',
  verifyPath: `/verify/licence/${licenceNo}`,
};

describe('canonical JSON', () => {
  it('sorts keys at every depth, has no spaces and is UTF-8', () => {
    expect(canonicalBytes({ b: 1, a: { d: '证', c: [2, { z: null, y: true }] } }).toString('utf8')).toBe('{"a":{"c":[2,{"y":true,"z":null}],"d":"证"},"b":1}');
    expect(canonicalBytes({ a: 1, b: 2 }).equals(canonicalBytes({ b: 2, a: 1 }))).toBe(true);
  });
});

describe('licence identifiers', () => {
  it('are built with a check character that validates, and a changed check character is rejected', () => {
    expect(licenceNo).toMatch(/^1\.2\.156\.3005\.2\.11100000000013338W011\.320281\.202600000001\.001\.[0-9A-Z]$/);
    expect(validateLicenseId(licenceNo).valid).toBe(true);
    const check = licenceNo.slice(-1);
    const other = check === 'A' ? 'B' : 'A';
    const bad = validateLicenseId(`${licenceNo.slice(0, -1)}${other}`);
    expect(bad.valid).toBe(false);
    expect(bad.valid ? '' : bad.error.code).toBe('ids.LICENSE_ID_CHECK');
  });
});

describe('signatures', () => {
  const { privateKey, jwks } = keyPair('k1');
  const doc = signPayload(privateKey, 'k1', payload);

  it('verify with nothing but the JWKS', () => {
    const r = verifySignedDocument(JSON.parse(JSON.stringify(doc)), jwks);
    expect(r.signatureValid).toBe(true);
    expect(r.reasons).toEqual([]);
  });

  it('do not depend on key order in the transmitted JSON', () => {
    const reordered = { signature: doc.signature, payload: Object.fromEntries(Object.entries(doc.payload).reverse()) };
    expect(verifySignedDocument(reordered, jwks).signatureValid).toBe(true);
  });

  it('fail when the holder name is changed', () => {
    const tampered = { ...doc, payload: { ...doc.payload, holder: { ...doc.payload.holder, name: '江阴市冒名科技有限公司' } } };
    const r = verifySignedDocument(tampered, jwks);
    expect(r.signatureValid).toBe(false);
    expect(r.reasons.map((x) => x.code)).toEqual(['bad_signature']);
  });

  it('fail with another key, or an unknown key id, or a malformed document', () => {
    const other = keyPair('k1');
    expect(verifySignedDocument(doc, other.jwks).reasons[0].code).toBe('bad_signature');
    expect(verifySignedDocument({ ...doc, signature: { ...doc.signature, kid: 'nope' } }, jwks).reasons[0].code).toBe('unknown_key');
    expect(verifySignedDocument({ payload: 1 }, jwks).reasons[0].code).toBe('malformed');
    expect(verifySignedDocument(null, jwks).reasons[0].code).toBe('malformed');
  });
});

describe('PDF signature trailer', () => {
  const { privateKey, jwks } = keyPair('k2');
  const body = signedPdfBody(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF'));
  const pdf = appendPdfSignature(body, 'k2', signBytes(privateKey, body));

  it('round-trips and verifies', () => {
    const s = splitPdfSignature(pdf);
    expect(s?.kid).toBe('k2');
    expect(s?.body.equals(body)).toBe(true);
    expect(verifyBytes(jwks, s!.kid, s!.body, s!.value)).toBe('valid');
  });

  it('detects a flipped byte', () => {
    const copy = Buffer.from(pdf);
    copy[12] ^= 0x01;
    const s = splitPdfSignature(copy)!;
    expect(verifyBytes(jwks, s.kid, s.body, s.value)).toBe('bad_signature');
  });

  it('is absent from a PDF without it', () => {
    expect(splitPdfSignature(body)).toBeNull();
  });
});

describe('validity and masking', () => {
  it('ends the day before the anniversary', () => {
    expect(validUntilOf('2026-03-01', 5)).toBe('2031-02-28');
    expect(validUntilOf('2028-02-29', 1)).toBe('2029-02-27');
    expect(validUntilOf('2026-12-31', 3)).toBe('2029-12-30');
    expect(validUntilOf('2026-01-15', null)).toBeNull();
    expect(() => validUntilOf('2026-02-30', 1)).toThrow(RangeError);
  });

  it('masks names and numbers for the public page', () => {
    expect(maskName('person', '张三')).toBe('张*');
    expect(maskName('person', '欧阳娜娜')).toBe('欧***');
    expect(maskName('legal', '江阴市通办科技有限公司')).toBe('江阴*****有限公司');
    expect(maskIdNumber('91350100M000100Y43')).toBe('9135************43');
  });
});

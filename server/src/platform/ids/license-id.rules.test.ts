import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/index.ts';
import { buildLicenseId, LICENSE_ID_ROOT, licenseIdCheckChar, validateLicenseId } from './license-id.rules.ts';
import { mod37_36CheckChar } from './iso7064.rules.ts';

// Identifiers issued in production (the check covers everything after the root, without dots).
const REAL = [
  '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U',
  '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0',
  '1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9',
];
const SAMPLE = REAL[0];

const code = (v: string) => {
  const r = validateLicenseId(v);
  return r.valid ? null : r.error.code;
};
const replacePart = (index: number, part: string) => {
  const parts = SAMPLE.slice(LICENSE_ID_ROOT.length + 1).split('.');
  parts[index] = part;
  return `${LICENSE_ID_ROOT}.${parts.join('.')}`;
};

describe('validateLicenseId', () => {
  it('accepts real identifiers and parses them', () => {
    for (const v of REAL) expect(validateLicenseId(v)).toMatchObject({ valid: true, value: v });
    expect(validateLicenseId(SAMPLE)).toMatchObject({
      details: {
        typeCode: '11100000000013338W011',
        definingUscc: '11100000000013338W',
        typeNumber: '011',
        issuer: '11430000006122244L',
        issuerKind: 'uscc',
        serial: '20230000403',
        version: '001',
        checkChar: 'U',
      },
    });
    expect(validateLicenseId(REAL[2])).toMatchObject({ details: { issuer: '340100', issuerKind: 'region' } });
  });

  it('computes the check over type + issuer + serial + version, without dots and without the root', () => {
    expect(mod37_36CheckChar('11100000000013338W01111430000006122244L20230000403001')).toBe('U');
    expect(licenseIdCheckChar({ typeCode: '11100000000013338W011', issuer: '11430000006122244L', serial: '20230000403', version: '001' })).toBe('U');
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(validateLicenseId(`  ${SAMPLE.toLowerCase()} `)).toMatchObject({ valid: true, value: SAMPLE });
  });

  it('reports each kind of error', () => {
    expect(code('')).toBe('ids.LICENSE_ID_EMPTY');
    expect(code(SAMPLE.replace('1.2.156.3005.2.', '1.2.156.3005.3.'))).toBe('ids.LICENSE_ID_ROOT');
    expect(code('1.2.156.3005.2')).toBe('ids.LICENSE_ID_ROOT');
    expect(code(SAMPLE.replace(/\.U$/, ''))).toBe('ids.LICENSE_ID_FORMAT');
    expect(code(`${SAMPLE}.X`)).toBe('ids.LICENSE_ID_FORMAT');
    const fmt = validateLicenseId(SAMPLE.replace(/\.U$/, ''));
    expect(!fmt.valid && fmt.error.zh).toContain('实际为 4 段');

    expect(code(replacePart(0, '11100000000013338W01'))).toBe('ids.LICENSE_ID_TYPE');
    expect(code(replacePart(0, '11100000000013338X011'))).toBe('ids.LICENSE_ID_TYPE');
    expect(code(replacePart(0, '11100000000013338W0A1'))).toBe('ids.LICENSE_ID_TYPE');
    const type = validateLicenseId(replacePart(0, '11100000000013338X011'));
    expect(!type.valid && type.error.zh).toContain('校验码错误');

    expect(code(replacePart(1, '11430000006122244M'))).toBe('ids.LICENSE_ID_ISSUER');
    expect(code(replacePart(1, '990100'))).toBe('ids.LICENSE_ID_ISSUER');
    expect(code(replacePart(1, '3401001'))).toBe('ids.LICENSE_ID_ISSUER');
    expect(code(replacePart(1, ''))).toBe('ids.LICENSE_ID_ISSUER');

    expect(code(replacePart(2, ''))).toBe('ids.LICENSE_ID_SERIAL');
    expect(code(replacePart(2, '2023-0403'))).toBe('ids.LICENSE_ID_SERIAL');
    expect(code(replacePart(2, '1'.repeat(65)))).toBe('ids.LICENSE_ID_SERIAL');

    expect(code(replacePart(3, '000'))).toBe('ids.LICENSE_ID_VERSION');
    expect(code(replacePart(3, '01'))).toBe('ids.LICENSE_ID_VERSION');
    expect(code(replacePart(3, '0A1'))).toBe('ids.LICENSE_ID_VERSION');

    const check = validateLicenseId(replacePart(4, 'V'));
    expect(check).toMatchObject({ valid: false, error: { code: 'ids.LICENSE_ID_CHECK', expected: 'U' } });
    expect(!check.valid && check.error.zh).toContain('应为“U”，实际为“V”');
    expect(code(replacePart(4, 'UU'))).toBe('ids.LICENSE_ID_CHECK');
    expect(code(replacePart(4, ''))).toBe('ids.LICENSE_ID_CHECK');
  });

  it('catches a changed serial or version through the check', () => {
    expect(code(replacePart(2, '20230000404'))).toBe('ids.LICENSE_ID_CHECK');
    expect(code(replacePart(3, '002'))).toBe('ids.LICENSE_ID_CHECK');
  });
});

describe('buildLicenseId', () => {
  it('builds identifiers that validate, computing the check', () => {
    expect(buildLicenseId({ definingUscc: '11100000000013338W', typeNumber: 11, issuer: '11430000006122244L', serial: '20230000403' })).toBe(SAMPLE);
    expect(buildLicenseId({ definingUscc: '11100000000013338W', typeNumber: '009', issuer: '11330105002500287C', serial: '2025052201', version: 2 })).toBe(REAL[1]);
    const built = buildLicenseId({ definingUscc: '11100000MB03271699', typeNumber: 22, issuer: '340100', serial: 'abc123', version: '007' });
    expect(built).toMatch(/^1\.2\.156\.3005\.2\.11100000MB03271699022\.340100\.ABC123\.007\.[0-9A-Z]$/);
    expect(validateLicenseId(built).valid).toBe(true);
  });

  it('throws the specific error for a bad part', () => {
    const attempt = (p: Partial<Parameters<typeof buildLicenseId>[0]>) => {
      try {
        buildLicenseId({ definingUscc: '11100000000013338W', typeNumber: 11, issuer: '11430000006122244L', serial: '1', ...p });
        return null;
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        return (e as DomainError).code;
      }
    };
    expect(attempt({})).toBeNull();
    expect(attempt({ definingUscc: '11100000000013338X' })).toBe('ids.LICENSE_ID_TYPE');
    expect(attempt({ typeNumber: 1000 })).toBe('ids.LICENSE_ID_TYPE');
    expect(attempt({ issuer: '12345' })).toBe('ids.LICENSE_ID_ISSUER');
    expect(attempt({ serial: 'a-b' })).toBe('ids.LICENSE_ID_SERIAL');
    expect(attempt({ serial: 'a.b' })).toBe('ids.LICENSE_ID_FORMAT');
    expect(attempt({ version: 0 })).toBe('ids.LICENSE_ID_VERSION');
    expect(attempt({ version: 1000 })).toBe('ids.LICENSE_ID_VERSION');
  });
});

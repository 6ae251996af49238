import { describe, expect, it } from 'vitest';
import { calendarDate, chinaDate, residentIdCheckChar, validateResidentId } from './resident-id.rules.ts';
import { makeResidentId } from './synthetic.rules.ts';

const TODAY = new Date('2026-03-15T04:00:00Z');
const code = (v: string, today = TODAY) => {
  const r = validateResidentId(v, { today });
  return r.valid ? null : r.error.code;
};

describe('validateResidentId', () => {
  it('accepts the reference numbers and exposes birth date, sex and region', () => {
    const a = validateResidentId('34052419800101001X', { today: TODAY });
    expect(a).toMatchObject({ valid: true, value: '34052419800101001X', warnings: [] });
    expect(a.valid && a.details).toEqual({
      regionCode: '340524',
      province: { code: '34', zh: '安徽省', en: 'Anhui' },
      birthDate: '1980-01-01',
      sex: 'male',
      sequence: '001',
      checkChar: 'X',
    });
    const b = validateResidentId('11010519491231002X', { today: TODAY });
    expect(b.valid && b.details).toMatchObject({ regionCode: '110105', birthDate: '1949-12-31', sex: 'female', province: { code: '11' } });
  });

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(validateResidentId(' 34052419800101001x ', { today: TODAY })).toMatchObject({ valid: true, value: '34052419800101001X' });
  });

  it('reports empty input and the length (including old 15-digit numbers)', () => {
    expect(code('')).toBe('ids.RESIDENT_ID_EMPTY');
    const r = validateResidentId('340524800101001', { today: TODAY });
    expect(r).toMatchObject({ valid: false, error: { code: 'ids.RESIDENT_ID_LENGTH' } });
    expect(!r.valid && r.error.zh).toContain('实际为 15 位');
    expect(code('34052419800101001X1')).toBe('ids.RESIDENT_ID_LENGTH');
  });

  it('names a non-digit in the first 17 positions', () => {
    const r = validateResidentId('3405241980O101001X', { today: TODAY });
    expect(r).toMatchObject({ valid: false, error: { code: 'ids.RESIDENT_ID_CHARSET', position: 11 } });
    expect(!r.valid && r.error.zh).toContain('第 11 位字符“O”');
    expect(validateResidentId('X4052419800101001X', { today: TODAY })).toMatchObject({ valid: false, error: { code: 'ids.RESIDENT_ID_CHARSET', position: 1 } });
  });

  it('requires a real province code', () => {
    for (const p of ['00', '10', '16', '20', '39', '55', '70', '72', '80', '84', '99']) {
      const r = validateResidentId(makeResidentId(`${p}052419800101001`), { today: TODAY });
      expect(r).toMatchObject({ valid: false, error: { code: 'ids.RESIDENT_ID_REGION', position: 1 } });
    }
    for (const p of ['11', '46', '65', '71', '81', '82']) expect(code(makeResidentId(`${p}052419800101001`))).toBeNull();
    // Residence permits for Taiwan residents
    const tw = validateResidentId(makeResidentId('83000019900101001'), { today: TODAY });
    expect(tw.valid && tw.details.province.code).toBe('83');
  });

  it('requires a real calendar date', () => {
    for (const d of ['19800230', '19000229', '19801301', '19800001', '19800100', '19810229', '19800431']) {
      const r = validateResidentId(makeResidentId(`340524${d}001`), { today: TODAY });
      expect(r).toMatchObject({ valid: false, error: { code: 'ids.RESIDENT_ID_DATE', position: 7 } });
      expect(!r.valid && r.error.zh).toContain(d);
    }
    expect(code(makeResidentId('34052420000229001'))).toBeNull();
    expect(code(makeResidentId('34052419840229001'))).toBeNull();
  });

  it('rejects birth dates before 1900 and in the future (in China time)', () => {
    expect(code(makeResidentId('34052418991231001'))).toBe('ids.RESIDENT_ID_DATE_EARLY');
    expect(code(makeResidentId('34052419000101001'))).toBeNull();
    expect(code(makeResidentId('34052420260315001'))).toBeNull();
    expect(code(makeResidentId('34052420260316001'))).toBe('ids.RESIDENT_ID_DATE_FUTURE');
    // 16:30 UTC on 31 May is already 1 June in Beijing.
    const late = new Date('2024-05-31T16:30:00Z');
    expect(code(makeResidentId('34052420240601001'), late)).toBeNull();
    expect(code(makeResidentId('34052420240601001'), new Date('2024-05-31T15:59:00Z'))).toBe('ids.RESIDENT_ID_DATE_FUTURE');
    // Without `today`, the real clock is used.
    expect(validateResidentId(makeResidentId('34052429991231001')).valid).toBe(false);
  });

  it('reports a wrong check character with the expected one', () => {
    const r = validateResidentId('340524198001010011', { today: TODAY });
    expect(r).toMatchObject({ valid: false, error: { code: 'ids.RESIDENT_ID_CHECK', position: 18, expected: 'X' } });
    expect(!r.valid && r.error.zh).toContain('应为“X”，实际为“1”');
    expect(validateResidentId('34052419800101001Y', { today: TODAY })).toMatchObject({ valid: false, error: { code: 'ids.RESIDENT_ID_CHECK', expected: 'X' } });
  });

  it('catches every single-digit substitution in the sequence and the check', () => {
    for (const v of ['34052419800101001X', '11010519491231002X']) {
      for (let i = 14; i < 18; i++) {
        for (const c of '0123456789X') {
          if (c === v[i] || (i < 17 && c === 'X')) continue;
          expect(code(v.slice(0, i) + c + v.slice(i + 1))).toBe('ids.RESIDENT_ID_CHECK');
        }
      }
    }
  });

  it('reads the sex from the parity of the sequence', () => {
    for (let s = 0; s < 10; s++) {
      const r = validateResidentId(makeResidentId(`3405241980010100${s}`), { today: TODAY });
      expect(r.valid && r.details.sex).toBe(s % 2 === 1 ? 'male' : 'female');
    }
  });
});

describe('resident ID helpers', () => {
  it('computes check characters', () => {
    expect(residentIdCheckChar('34052419800101001')).toBe('X');
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(() => residentIdCheckChar('3405241980010100A')).toThrow(RangeError);
  });
  it('validates calendar dates', () => {
    expect(calendarDate('20000229')).toBe('2000-02-29');
    expect(calendarDate('21000229')).toBeNull();
    expect(calendarDate('2000022')).toBeNull();
  });
  it('gives the date in China', () => {
    expect(chinaDate(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(chinaDate(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
  });
});

import { describe, expect, it } from 'vitest';
import { makeUscc } from './synthetic.rules.ts';
import { orgCodeCheckChar, USCC_AUTHORITIES, USCC_CHARSET, usccCheckChar, validateUscc } from './uscc.rules.ts';

const VALID = ['91350100M000100Y43', '11100000000013338W'];
// Real codes seen in e-licence identifiers (check and body check both hold).
const REAL = ['11430000006122244L', '11330105002500287C', '11420503087246977F', '11100000000013661B', '11110000000021135M'];

function errorCode(v: string) {
  const r = validateUscc(v);
  return r.valid ? null : r.error.code;
}

describe('validateUscc', () => {
  it('accepts the reference codes and real ones, and describes them', () => {
    for (const v of [...VALID, ...REAL]) expect(validateUscc(v)).toMatchObject({ valid: true, value: v, warnings: [] });
    const r = validateUscc('91350100M000100Y43');
    expect(r.valid && r.details).toEqual({
      authority: { code: '9', zh: '市场监管', en: 'market regulation (formerly industry and commerce)' },
      kind: { code: '1', zh: '企业', en: 'enterprise' },
      regionCode: '350100',
      bodyId: 'M000100Y4',
      orgCode: 'M000100Y-4',
      checkChar: '3',
    });
    const national = validateUscc('11100000000013338W');
    expect(national.valid && national.details).toMatchObject({ authority: { code: '1' }, kind: { code: '1', zh: '机关' }, regionCode: '100000' });
  });

  it('upper-cases and trims before checking', () => {
    expect(validateUscc('  91350100m000100y43\t')).toMatchObject({ valid: true, value: '91350100M000100Y43' });
    expect(validateUscc('\u300091350100M000100Y43\u3000')).toMatchObject({ valid: true });
  });

  it('rejects the reference invalid code with a check error that says what it should be', () => {
    const r = validateUscc('91350100M000100Y4Z');
    expect(r.valid).toBe(false);
    if (r.valid) return;
    expect(r.error).toMatchObject({ code: 'ids.USCC_CHECK', position: 18, expected: '3' });
    expect(r.error.zh).toContain('应为“3”');
    expect(r.error.zh).toContain('实际为“Z”');
    expect(r.error.en).toContain('should be "3"');
  });

  it('reports empty input', () => {
    expect(errorCode('')).toBe('ids.USCC_EMPTY');
    expect(errorCode('   ')).toBe('ids.USCC_EMPTY');
  });

  it('reports the length', () => {
    const r = validateUscc('91350100M000100Y4');
    expect(r.valid || r.error).toMatchObject({ code: 'ids.USCC_LENGTH' });
    expect(!r.valid && r.error.zh).toContain('实际为 17 位');
    expect(errorCode('91350100M000100Y433')).toBe('ids.USCC_LENGTH');
    expect(errorCode('9135 0100M000100Y43')).toBe('ids.USCC_LENGTH');
  });

  it('names the bad character and its position', () => {
    for (const bad of ['I', 'O', 'S', 'V', 'Z']) {
      const v = `91350100M${bad}00100Y43`;
      const r = validateUscc(v);
      expect(r.valid).toBe(false);
      if (r.valid) continue;
      expect(r.error).toMatchObject({ code: 'ids.USCC_CHARSET', position: 10 });
      expect(r.error.zh).toContain(`第 10 位字符“${bad}”`);
      expect(r.error.en).toContain(`"${bad}" at position 10`);
    }
    // Lower-case letters outside the charset are still outside after upper-casing.
    expect(validateUscc('91350100Mo00100Y43')).toMatchObject({ valid: false, error: { code: 'ids.USCC_CHARSET', position: 10 } });
    // Code points, not UTF-16 units: a full-width digit is one bad character.
    expect(validateUscc('9１350100M000100Y43')).toMatchObject({ valid: false, error: { code: 'ids.USCC_CHARSET', position: 2 } });
    expect(validateUscc('9135-100M000100Y43')).toMatchObject({ valid: false, error: { code: 'ids.USCC_CHARSET', position: 5 } });
    const ctl = validateUscc('9135\u0001100M000100Y43');
    expect(!ctl.valid && ctl.error.zh).toContain('U+0001');
  });

  it('reports an unknown registration authority', () => {
    for (const a of ['0', 'B', 'X']) {
      const v = makeUscc(`${a}1350100M000100Y4`);
      expect(validateUscc(v)).toMatchObject({ valid: false, error: { code: 'ids.USCC_AUTHORITY', position: 1 } });
    }
  });

  it('reports an organisation kind that does not exist under the authority', () => {
    for (const prefix of ['94', '99', '14', '56', 'Y2', 'N4']) {
      const v = makeUscc(`${prefix}350100M000100Y4`);
      const r = validateUscc(v);
      expect(r).toMatchObject({ valid: false, error: { code: 'ids.USCC_KIND', position: 2 } });
      expect(!r.valid && r.error.zh).toContain(`机构类别代码“${prefix[1]}”`);
    }
    // Every listed pair is accepted.
    for (const [a, spec] of Object.entries(USCC_AUTHORITIES))
      for (const k of Object.keys(spec.kinds)) expect(validateUscc(makeUscc(`${a}${k}350100M000100Y4`)).valid).toBe(true);
    // The kinds named in the brief.
    for (const p of ['91', '92', '93', '11', '12', '13', '19', '51', '52', '53', '59', 'Y1']) expect(validateUscc(makeUscc(`${p}350100M000100Y4`)).valid).toBe(true);
  });

  it('reports a bad region code', () => {
    for (const region of ['990100', '350002', '3501A0', '000000']) {
      const r = validateUscc(makeUscc(`91${region}M000100Y4`));
      expect(r).toMatchObject({ valid: false, error: { code: 'ids.USCC_REGION', position: 3 } });
      expect(!r.valid && r.error.zh).toContain(region);
    }
    expect(validateUscc(makeUscc('91100000M000100Y4')).valid).toBe(true);
    expect(validateUscc(makeUscc('91350000M000100Y4')).valid).toBe(true);
  });

  it('catches every single-character substitution and adjacent transposition in positions 9–18', () => {
    for (const v of VALID) {
      for (let i = 8; i < 18; i++) {
        for (const c of USCC_CHARSET) {
          if (c === v[i]) continue;
          const bad = v.slice(0, i) + c + v.slice(i + 1);
          expect(errorCode(bad)).toBe('ids.USCC_CHECK');
        }
      }
      for (let i = 8; i < 16; i++) {
        if (v[i] === v[i + 1]) continue;
        const swapped = v.slice(0, i) + v[i + 1] + v[i] + v.slice(i + 2);
        expect(errorCode(swapped)).toBe('ids.USCC_CHECK');
      }
    }
  });

  it('never accepts a substitution anywhere', () => {
    for (const v of VALID) {
      for (let i = 0; i < 18; i++) {
        for (const c of USCC_CHARSET) {
          if (c === v[i]) continue;
          expect(validateUscc(v.slice(0, i) + c + v.slice(i + 1)).valid).toBe(false);
        }
      }
    }
  });

  it('treats a GB 11714 body-check mismatch as a warning, or an error when strict', () => {
    const v = makeUscc('91350100M000100Y5');
    const soft = validateUscc(v);
    expect(soft.valid).toBe(true);
    expect(soft.valid && soft.warnings).toEqual([expect.objectContaining({ code: 'ids.USCC_BODY_CHECK', position: 17, expected: '4' })]);
    expect(soft.valid && soft.warnings[0].zh).toContain('M000100Y5');
    const strict = validateUscc(v, { strictBody: true });
    expect(strict).toMatchObject({ valid: false, error: { code: 'ids.USCC_BODY_CHECK', expected: '4' } });
    expect(validateUscc('91350100M000100Y43', { strictBody: true }).valid).toBe(true);
  });
});

describe('usccCheckChar', () => {
  it('computes the reference check characters', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('11100000000013338')).toBe('W');
  });
  it('refuses bad input', () => {
    expect(() => usccCheckChar('9135')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100M000100YI')).toThrow(/position 17/);
  });
});

describe('orgCodeCheckChar (GB 11714)', () => {
  it('computes known check characters, including X and 0', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('00001333')).toBe('8');
    expect(orgCodeCheckChar('MB032716')).toBe('9');
    // Σ = 0 → 11 − 0 = 11 → '0'; Σ = 6·2 = 12 ≡ 1 → 11 − 1 = 10 → 'X'
    expect(orgCodeCheckChar('00000000')).toBe('0');
    expect(orgCodeCheckChar('00000006')).toBe('X');
  });
  it('refuses bad input', () => {
    expect(() => orgCodeCheckChar('1234567')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('1234567a')).toThrow(RangeError);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../errors/index.ts';
import { validateResidentId } from './resident-id.rules.ts';
import { createRng, makeResidentId, makeUscc, syntheticResidentId, syntheticUscc } from './synthetic.rules.ts';
import { USCC_AUTHORITIES, validateUscc } from './uscc.rules.ts';

afterEach(() => vi.restoreAllMocks());

describe('createRng', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(seqA);
    expect(createRng('demo').next()).toBe(createRng('demo').next());
    expect(createRng('demo').next()).not.toBe(createRng('demo2').next());
  });

  it('matches the mulberry32 reference output for seed 0', () => {
    // First outputs of the reference mulberry32 implementation for state 0.
    const r = createRng(0);
    expect(r.uint32()).toBe(1144304738);
    expect(r.uint32()).toBe(1416247);
  });

  it('stays in range', () => {
    const r = createRng('range');
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const x = r.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = r.int(-3, 3);
      expect(n).toBeGreaterThanOrEqual(-3);
      expect(n).toBeLessThanOrEqual(3);
      seen.add(n);
    }
    expect(seen.size).toBe(7);
    expect(['a', 'b', 'c']).toContain(r.pick(['a', 'b', 'c']));
    expect(() => r.pick([])).toThrow(RangeError);
    expect(() => r.int(2, 1)).toThrow(RangeError);
    expect(() => r.int(0.5, 1)).toThrow(RangeError);
  });
});

describe('makeUscc / makeResidentId', () => {
  it('append the check character', () => {
    expect(makeUscc('91350100M000100Y4')).toBe('91350100M000100Y43');
    expect(makeUscc('11100000000013338')).toBe('11100000000013338W');
    expect(makeUscc('91350100m000100y4')).toBe('91350100M000100Y43');
    expect(makeResidentId('34052419800101001')).toBe('34052419800101001X');
    expect(makeResidentId('11010519491231002')).toBe('11010519491231002X');
  });
  it('refuse bad input', () => {
    expect(() => makeUscc('91350100M000100Y')).toThrow(RangeError);
    expect(() => makeUscc('91350100M000100YO')).toThrow(RangeError);
    expect(() => makeResidentId('3405241980010100')).toThrow(RangeError);
    expect(() => makeResidentId('3405241980010100X')).toThrow(RangeError);
  });
});

describe('syntheticUscc', () => {
  it('generates valid codes without warnings, deterministically, without Math.random', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const rng = createRng('uscc');
    const codes = Array.from({ length: 1000 }, () => syntheticUscc(rng, '350102'));
    for (const c of codes) {
      const r = validateUscc(c, { strictBody: true });
      expect(r).toMatchObject({ valid: true, warnings: [], details: { authority: { code: '9' }, kind: { code: '1' }, regionCode: '350102' } });
      expect(c.slice(8, 10)).toBe('MA');
    }
    expect(new Set(codes).size).toBe(1000);
    const again = createRng('uscc');
    expect(Array.from({ length: 1000 }, () => syntheticUscc(again, '350102'))).toEqual(codes);
  });

  it('honours the authority and kind and every listed pair validates', () => {
    const rng = createRng(7);
    for (const [authority, spec] of Object.entries(USCC_AUTHORITIES)) {
      for (const kind of Object.keys(spec.kinds)) {
        const c = syntheticUscc(rng, '320281', { authority, kind });
        expect(c.slice(0, 2)).toBe(`${authority}${kind}`);
        expect(validateUscc(c, { strictBody: true }).valid).toBe(true);
      }
    }
  });

  it('refuses a bad region, authority or kind', () => {
    const rng = createRng(1);
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
        return null;
      } catch (e) {
        return (e as DomainError).code;
      }
    };
    expect(codeOf(() => syntheticUscc(rng, '990102'))).toBe('ids.REGION_PROVINCE');
    expect(codeOf(() => syntheticUscc(rng, '350102001'))).toBe('ids.REGION_LENGTH');
    expect(codeOf(() => syntheticUscc(rng, '350102', { authority: 'B' }))).toBe('ids.USCC_AUTHORITY');
    expect(codeOf(() => syntheticUscc(rng, '350102', { authority: '9', kind: '9' }))).toBe('ids.USCC_KIND');
  });
});

describe('syntheticResidentId', () => {
  it('generates valid numbers carrying the region, birth date and sex', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    const rng = createRng('people');
    for (let i = 0; i < 1000; i++) {
      const sex = i % 2 === 0 ? 'male' : 'female';
      const birth = `19${String(40 + (i % 60)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const id = syntheticResidentId(rng, '340524', birth, sex);
      const r = validateResidentId(id);
      expect(r).toMatchObject({ valid: true, details: { regionCode: '340524', birthDate: birth, sex } });
      expect(r.valid && r.details.sequence).not.toBe('000');
    }
  });

  it('is deterministic and accepts compact dates and leap days', () => {
    const a = syntheticResidentId(createRng(5), '110105', '2000-02-29', 'female');
    expect(syntheticResidentId(createRng(5), '110105', '20000229', 'female')).toBe(a);
    expect(validateResidentId(a)).toMatchObject({ valid: true, details: { birthDate: '2000-02-29', sex: 'female' } });
  });

  it('refuses bad input', () => {
    const rng = createRng(1);
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
        return null;
      } catch (e) {
        return e instanceof DomainError ? e.code : 'RangeError';
      }
    };
    expect(codeOf(() => syntheticResidentId(rng, '340524', '1999-02-29', 'male'))).toBe('ids.RESIDENT_ID_DATE');
    expect(codeOf(() => syntheticResidentId(rng, '340524', '1999/01/01', 'male'))).toBe('ids.RESIDENT_ID_DATE');
    expect(codeOf(() => syntheticResidentId(rng, '340524', '1899-12-31', 'male'))).toBe('ids.RESIDENT_ID_DATE_EARLY');
    expect(codeOf(() => syntheticResidentId(rng, '34052', '1990-01-01', 'male'))).toBe('ids.REGION_LENGTH');
    expect(codeOf(() => syntheticResidentId(rng, '340524', '1990-01-01', 'x' as 'male'))).toBe('RangeError');
  });
});

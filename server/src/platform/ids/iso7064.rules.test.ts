import { describe, expect, it } from 'vitest';
import { MOD37_36_ALPHABET, mod37_36CheckChar, mod37_36IsValid } from './iso7064.rules.ts';
import { createRng } from './synthetic.rules.ts';

describe('ISO 7064 MOD 37,36', () => {
  it('matches published vectors (GRid examples, also used by python-stdnum)', () => {
    expect(mod37_36CheckChar('A12425GABC1234002')).toBe('M');
    expect(mod37_36CheckChar('B159D8FA01240000')).toBe('K');
    expect(mod37_36CheckChar('188166C734200000')).toBe('3');
    for (const v of ['A12425GABC1234002M', 'B159D8FA01240000K', '188166C7342000003']) expect(mod37_36IsValid(v)).toBe(true);
  });

  it('matches vectors derived by hand', () => {
    // "0": s = (36 + 0) mod 36 = 0 → 36; p = 72 mod 37 = 35; check = (37 − 35) mod 36 = 2
    expect(mod37_36CheckChar('0')).toBe('2');
    // "A": s = (36 + 10) mod 36 = 10; p = 20; check = 17 → 'H'
    expect(mod37_36CheckChar('A')).toBe('H');
    // "Z1": s = (36 + 35) mod 36 = 35, p = 70 mod 37 = 33; s = (33 + 1) mod 36 = 34, p = 68 mod 37 = 31;
    // check = (37 − 31) mod 36 = 6
    expect(mod37_36CheckChar('Z1')).toBe('6');
    // empty: p = 36, check = 1
    expect(mod37_36CheckChar('')).toBe('1');
    for (const v of ['02', 'AH', 'Z16']) expect(mod37_36IsValid(v)).toBe(true);
  });

  it('round-trips and catches every single substitution', () => {
    const rng = createRng('iso7064');
    for (let n = 0; n < 200; n++) {
      let s = '';
      const len = rng.int(1, 40);
      for (let i = 0; i < len; i++) s += rng.pick(Array.from(MOD37_36_ALPHABET));
      const full = s + mod37_36CheckChar(s);
      expect(mod37_36IsValid(full)).toBe(true);
      const i = rng.int(0, full.length - 1);
      const replacement = MOD37_36_ALPHABET[(MOD37_36_ALPHABET.indexOf(full[i]) + rng.int(1, 35)) % 36];
      expect(mod37_36IsValid(full.slice(0, i) + replacement + full.slice(i + 1))).toBe(false);
    }
  });

  it('catches an adjacent transposition in the reference vector', () => {
    expect(mod37_36IsValid('A12425GABC1234020M')).toBe(false);
    expect(mod37_36IsValid('1A2425GABC1234002M')).toBe(false);
  });

  it('refuses characters outside 0-9A-Z', () => {
    expect(() => mod37_36CheckChar('abc')).toThrow(RangeError);
    expect(() => mod37_36CheckChar('12.3')).toThrow(/position 3/);
    expect(mod37_36IsValid('')).toBe(false);
    expect(mod37_36IsValid('a12425gabc1234002m')).toBe(false);
    expect(mod37_36IsValid('A12425-GABC1234002M')).toBe(false);
  });
});

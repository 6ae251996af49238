import { describe, expect, it } from 'vitest';
import cd from 'chinese-days';
import { dragonBoatDay, lunarNewYear, midAutumnDay, newMoonJde, qingmingDay, statutoryHolidays } from './statutory.rules.ts';
import { isoOf } from './dates.ts';

describe('lunar dates', () => {
  it("reproduces Meeus' worked example (new moon of 1977 February, JDE 2443192.65118)", () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4);
  });

  it('puts 春节 2027 on Feb 6 (eve Feb 5), although ICU alone can say Feb 7 (new moon 23:56 Beijing time)', () => {
    expect(isoOf(lunarNewYear(2027))).toBe('2027-02-06');
  });

  it('agrees with the published lunar tables 1901–2099 for 春节, 端午 and 中秋', () => {
    const differ: string[] = [];
    for (let y = 1901; y <= 2099; y++) {
      const ours = [lunarNewYear(y), dragonBoatDay(y), midAutumnDay(y)].map(isoOf);
      const theirs = [`${y}-01-01`, `${y}-05-05`, `${y}-08-15`].map((l) => cd.getSolarDateFromLunar(l).date);
      ours.forEach((o, i) => o !== theirs[i] && differ.push(`${o} vs ${theirs[i]}`));
    }
    // chinese-days' table has 中秋 1996 on Sep 26; the new moon was 1996-09-12 23:08 UTC (Sep 13 Beijing), so 8/15 is Sep 27.
    expect(differ).toEqual(['1996-09-27 vs 1996-09-26']);
  });

  it('computes 清明 by the solar-term formula, matching the solar terms 1901–2099', () => {
    const differ: number[] = [];
    for (let y = 1901; y <= 2099; y++) {
      const term = cd.getSolarTerms(`${y}-04-01`, `${y}-04-10`).find((t) => t.name === '清明');
      if (term?.date !== isoOf(qingmingDay(y))) differ.push(y);
    }
    expect(differ).toEqual([]);
  });
});

describe('statutoryHolidays', () => {
  it('gives the 13 statutory days off of 2027', () => {
    expect(statutoryHolidays(2027).map((h) => `${isoOf(h.day)} ${h.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ]);
  });

  it('merges 中秋 falling on 国庆 into one day with both names (2020), else keeps 13 days (2025: 中秋 Oct 6)', () => {
    const y2020 = statutoryHolidays(2020);
    expect(y2020).toHaveLength(12);
    expect(y2020.find((h) => isoOf(h.day) === '2020-10-01')?.name).toBe('中秋节、国庆节');
    const y2025 = statutoryHolidays(2025);
    expect(y2025).toHaveLength(13);
    expect(y2025.find((h) => isoOf(h.day) === '2025-10-06')?.name).toBe('中秋节');
  });

  it('refuses years outside 1901–2099', () => {
    expect(() => statutoryHolidays(2100)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalRegionCode, maskPhone, maskResidentId, staffingFlags, staffingProblems, subtreePrefix, townKindOfCode } from './org.rules.ts';

describe('org rules', () => {
  it('stores region codes in their shortest GB/T 2260 form', () => {
    expect(canonicalRegionCode('32')).toBe('320000');
    expect(canonicalRegionCode('3202')).toBe('320200');
    expect(canonicalRegionCode('320281')).toBe('320281');
    expect(canonicalRegionCode('320281107')).toBe('320281107');
    expect(canonicalRegionCode('320281000')).toBe('320281');
    expect(canonicalRegionCode('320281107000')).toBe('320281107');
    expect(canonicalRegionCode('320281000000')).toBe('320281');
    expect(canonicalRegionCode('320281107201')).toBeNull();
    expect(canonicalRegionCode('32028')).toBeNull();
    expect(canonicalRegionCode('32a281')).toBeNull();
  });

  it('cuts only whole zero segments for subtree prefixes', () => {
    expect(subtreePrefix('320000')).toBe('32');
    expect(subtreePrefix('320200')).toBe('3202');
    expect(subtreePrefix('320281')).toBe('320281');
    // a town whose number ends in 00 is not padding
    expect(subtreePrefix('320281100')).toBe('320281100');
    expect(subtreePrefix('441900')).toBe('4419');
  });

  it('tells the town kind from the code range', () => {
    expect(townKindOfCode('320281001')).toBe('street');
    expect(townKindOfCode('320281100')).toBe('town');
    expect(townKindOfCode('320281201')).toBe('township');
    expect(townKindOfCode('320281406')).toBe('zone');
    expect(townKindOfCode('320281000')).toBeNull();
    expect(townKindOfCode('320281600')).toBeNull();
  });

  it('masks resident IDs and phone numbers', () => {
    expect(maskResidentId('32028119900630123X')).toBe('320281********123X');
    expect(maskResidentId(null)).toBeNull();
    expect(maskResidentId('1234')).toBe('****');
    expect(maskPhone('13951234567')).toBe('139****4567');
    expect(maskPhone('051086')).toBe('******');
  });

  it('checks staffing figures and flags vacancies and over-staffing', () => {
    expect(staffingProblems({ quota: 10, actual: 9, leaderQuota: 3, leaderActual: 2, internalUnits: 4 })).toEqual([]);
    expect(staffingProblems({ quota: 2, actual: 1, leaderQuota: 3, leaderActual: 2, internalUnits: 1 }).map((p) => p.field)).toEqual([
      'leaderQuota',
      'leaderActual',
    ]);
    expect(staffingFlags({ quota: 10, actual: 12, leaderQuota: 2, leaderActual: 3, internalUnits: 1 })).toEqual({
      vacancies: 0,
      overQuota: true,
      overLeadership: true,
    });
    expect(staffingFlags({ quota: 11, actual: 9, leaderQuota: 2, leaderActual: 2, internalUnits: 1 }).vacancies).toBe(2);
  });
});

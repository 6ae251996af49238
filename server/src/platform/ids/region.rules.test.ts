import { describe, expect, it } from 'vitest';
import { isProvinceCode, isRegionCode, townKindOf, validateRegionCode, villageKindOf } from './region.rules.ts';

const details = (v: string) => {
  const r = validateRegionCode(v);
  if (!r.valid) throw new Error(`${v}: ${r.error.en}`);
  return r.details;
};
const error = (v: string) => {
  const r = validateRegionCode(v);
  return r.valid ? null : r.error;
};

describe('validateRegionCode', () => {
  it('tells the level of 6-digit codes and lists the ancestors', () => {
    expect(details('350000')).toMatchObject({ level: 'province', ancestors: [], parent: null, province: { code: '35', zh: '福建省' } });
    expect(details('350100')).toMatchObject({ level: 'city', ancestors: ['350000'], parent: '350000' });
    expect(details('350102')).toMatchObject({ level: 'county', ancestors: ['350000', '350100'], parent: '350100', padded: '350102000000' });
    // County-level city administered directly by the province (city part 90).
    expect(details('429004')).toMatchObject({ level: 'county', parent: '429000' });
  });

  it('reads 9-digit town codes and their kind by range', () => {
    const cases: [string, string][] = [
      ['001', 'street'],
      ['099', 'street'],
      ['100', 'town'],
      ['199', 'town'],
      ['200', 'township'],
      ['399', 'township'],
      ['400', 'zone'],
      ['599', 'zone'],
    ];
    for (const [t, kind] of cases) {
      expect(details(`350102${t}`)).toMatchObject({ level: 'town', townKind: kind, parent: '350102', ancestors: ['350000', '350100', '350102'] });
    }
    // A city without districts has towns directly (东莞 441900).
    expect(details('441900003')).toMatchObject({ level: 'town', ancestors: ['440000', '441900'], parent: '441900' });
  });

  it('reads 12-digit village codes', () => {
    expect(details('350102001001')).toMatchObject({ level: 'village', townKind: 'street', villageKind: 'residents_committee', parent: '350102001' });
    expect(details('350102101201')).toMatchObject({ level: 'village', townKind: 'town', villageKind: 'villagers_committee' });
    expect(details('350102101401')).toMatchObject({ villageKind: 'other' });
    expect(details('350102101201').ancestors).toEqual(['350000', '350100', '350102', '350102101']);
  });

  it('cuts zero padding to the shortest form', () => {
    expect(validateRegionCode('350102000000')).toMatchObject({ valid: true, value: '350102', details: { level: 'county' } });
    expect(validateRegionCode('350102101000')).toMatchObject({ valid: true, value: '350102101', details: { level: 'town' } });
    expect(validateRegionCode('350000000000')).toMatchObject({ valid: true, value: '350000', details: { level: 'province' } });
    expect(validateRegionCode('350102000')).toMatchObject({ valid: true, value: '350102' });
    expect(validateRegionCode(' 350102 ')).toMatchObject({ valid: true, value: '350102' });
  });

  it('reports empty, length and characters', () => {
    expect(error('')?.code).toBe('ids.REGION_EMPTY');
    for (const v of ['3501', '3501020', '35010200', '3501020010', '3501020010010']) expect(error(v)?.code).toBe('ids.REGION_LENGTH');
    expect(error('35O102')).toMatchObject({ code: 'ids.REGION_CHARSET', position: 3 });
    expect(error('35010２')).toMatchObject({ code: 'ids.REGION_CHARSET', position: 6 });
  });

  it('reports an unknown province', () => {
    for (const p of ['00', '10', '19', '24', '30', '47', '55', '60', '66', '72', '83', '99']) expect(error(`${p}0102`)).toMatchObject({ code: 'ids.REGION_PROVINCE', position: 1 });
  });

  it('reports broken structure', () => {
    expect(error('350002')?.code).toBe('ids.REGION_STRUCTURE');
    expect(error('350000001')?.code).toBe('ids.REGION_STRUCTURE');
    expect(error('350102600')?.code).toBe('ids.REGION_STRUCTURE');
    expect(error('350102999001')?.code).toBe('ids.REGION_STRUCTURE');
    expect(error('350102000001')?.code).toBe('ids.REGION_STRUCTURE');
    const e = error('350102600');
    expect(e?.zh).toContain('001–599');
    expect(e?.en).toContain('001–599');
  });
});

describe('region helpers', () => {
  it('knows provinces, town kinds and village kinds', () => {
    expect(isProvinceCode('82')).toBe(true);
    expect(isProvinceCode('83')).toBe(false);
    expect(isProvinceCode('toString')).toBe(false);
    expect(townKindOf('000')).toBeNull();
    expect(townKindOf('600')).toBeNull();
    expect(townKindOf('12')).toBeNull();
    expect(villageKindOf('000')).toBeNull();
    expect(villageKindOf('199')).toBe('residents_committee');
    expect(villageKindOf('399')).toBe('villagers_committee');
    expect(isRegionCode('320281')).toBe(true);
    expect(isRegionCode('320281x')).toBe(false);
  });
});

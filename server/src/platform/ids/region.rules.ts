/**
 * Administrative division codes (GB/T 2260) and the statistical extension
 * used for towns and villages (统计用区划代码).
 *
 *   6 digits  PP CC DD        province, city (prefecture), county
 *   9 digits  + TTT           town-level unit; the range says what kind:
 *                               001–099 street (街道), 100–199 town (镇),
 *                               200–399 township (乡, incl. 民族乡/苏木),
 *                               400–599 zones and farms (开发区、农场等类似乡级单位)
 *   12 digits + VVV           village-level unit: 001–199 residents' committee
 *                               (居委会), 200–399 villagers' committee (村委会),
 *                               400–999 other village-level units
 *
 * Level of a 6-digit code: PP0000 province, PPCC00 city, PPCCDD county.
 * Structure rules: the province must exist; a zero part may not be followed
 * by a non-zero one (PP00DD, town 000 with a village); town codes hang under a
 * city or county code (cities without districts, such as 东莞 441900, have
 * towns directly); town parts above 599 do not exist.
 *
 * Statistical systems often pad codes to 12 digits with zeros
 * (350102000000). Such input is accepted and normalised to its shortest
 * form (350102); `details.padded` gives the 12-digit form.
 *
 * Pure structure only: whether a code is in the current division list is
 * looked up elsewhere (modules/org).
 */
import { fail, firstBadChar, normalizeId, type IdResult } from './issue.ts';

export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village';
export type TownKind = 'street' | 'town' | 'township' | 'zone';
export type VillageKind = 'residents_committee' | 'villagers_committee' | 'other';

/** Province-level divisions of GB/T 2260 (first two digits). */
export const PROVINCES: Readonly<Record<string, { zh: string; en: string }>> = {
  '11': { zh: '北京市', en: 'Beijing' },
  '12': { zh: '天津市', en: 'Tianjin' },
  '13': { zh: '河北省', en: 'Hebei' },
  '14': { zh: '山西省', en: 'Shanxi' },
  '15': { zh: '内蒙古自治区', en: 'Inner Mongolia' },
  '21': { zh: '辽宁省', en: 'Liaoning' },
  '22': { zh: '吉林省', en: 'Jilin' },
  '23': { zh: '黑龙江省', en: 'Heilongjiang' },
  '31': { zh: '上海市', en: 'Shanghai' },
  '32': { zh: '江苏省', en: 'Jiangsu' },
  '33': { zh: '浙江省', en: 'Zhejiang' },
  '34': { zh: '安徽省', en: 'Anhui' },
  '35': { zh: '福建省', en: 'Fujian' },
  '36': { zh: '江西省', en: 'Jiangxi' },
  '37': { zh: '山东省', en: 'Shandong' },
  '41': { zh: '河南省', en: 'Henan' },
  '42': { zh: '湖北省', en: 'Hubei' },
  '43': { zh: '湖南省', en: 'Hunan' },
  '44': { zh: '广东省', en: 'Guangdong' },
  '45': { zh: '广西壮族自治区', en: 'Guangxi' },
  '46': { zh: '海南省', en: 'Hainan' },
  '50': { zh: '重庆市', en: 'Chongqing' },
  '51': { zh: '四川省', en: 'Sichuan' },
  '52': { zh: '贵州省', en: 'Guizhou' },
  '53': { zh: '云南省', en: 'Yunnan' },
  '54': { zh: '西藏自治区', en: 'Tibet' },
  '61': { zh: '陕西省', en: 'Shaanxi' },
  '62': { zh: '甘肃省', en: 'Gansu' },
  '63': { zh: '青海省', en: 'Qinghai' },
  '64': { zh: '宁夏回族自治区', en: 'Ningxia' },
  '65': { zh: '新疆维吾尔自治区', en: 'Xinjiang' },
  '71': { zh: '台湾省', en: 'Taiwan' },
  '81': { zh: '香港特别行政区', en: 'Hong Kong' },
  '82': { zh: '澳门特别行政区', en: 'Macao' },
};

export function isProvinceCode(two: string): boolean {
  return Object.hasOwn(PROVINCES, two);
}

export const TOWN_KINDS: Readonly<Record<TownKind, { zh: string; en: string; from: number; to: number }>> = {
  street: { zh: '街道', en: 'street (subdistrict)', from: 1, to: 99 },
  town: { zh: '镇', en: 'town', from: 100, to: 199 },
  township: { zh: '乡', en: 'township', from: 200, to: 399 },
  zone: { zh: '类似乡级单位（开发区、农场等）', en: 'zone or farm at town level', from: 400, to: 599 },
};

/** What a 3-digit town part means, or null when it is outside 001–599. */
export function townKindOf(townPart: string): TownKind | null {
  if (!/^\d{3}$/.test(townPart)) return null;
  const n = Number(townPart);
  for (const [kind, r] of Object.entries(TOWN_KINDS) as [TownKind, (typeof TOWN_KINDS)[TownKind]][]) if (n >= r.from && n <= r.to) return kind;
  return null;
}

/** What a 3-digit village part means, or null when it is not 001–999. */
export function villageKindOf(villagePart: string): VillageKind | null {
  if (!/^\d{3}$/.test(villagePart) || villagePart === '000') return null;
  const n = Number(villagePart);
  return n <= 199 ? 'residents_committee' : n <= 399 ? 'villagers_committee' : 'other';
}

export interface RegionDetails {
  /** Shortest form: 6, 9 or 12 digits. */
  code: string;
  /** Padded to 12 digits with zeros, as statistical systems store it. */
  padded: string;
  level: RegionLevel;
  province: { code: string; zh: string; en: string };
  /** The enclosing codes from the province down to the direct parent (6/9 digits). */
  ancestors: string[];
  parent: string | null;
  townKind: TownKind | null;
  villageKind: VillageKind | null;
}

/** Level of a 6-digit code by its zero parts (no validation). */
function level6(code6: string): 'province' | 'city' | 'county' {
  if (code6.endsWith('0000')) return 'province';
  if (code6.endsWith('00')) return 'city';
  return 'county';
}

/** Enclosing codes of a canonical, structurally valid code, from the province down. */
function ancestorsOf(code: string): string[] {
  const code6 = code.slice(0, 6);
  const kind6 = level6(code6);
  const province = `${code.slice(0, 2)}0000`;
  const city = `${code.slice(0, 4)}00`;
  if (code.length === 6) return kind6 === 'province' ? [] : kind6 === 'city' ? [province] : [province, city];
  // Town or village: code6 is a city (cities without districts) or a county.
  const out = kind6 === 'county' ? [province, city, code6] : [province, code6];
  if (code.length === 12) out.push(code.slice(0, 9));
  return out;
}

/**
 * Validates a region code (6, 9 or 12 digits) and describes it.
 * Errors: REGION_EMPTY, REGION_LENGTH, REGION_CHARSET, REGION_PROVINCE, REGION_STRUCTURE.
 */
export function validateRegionCode(raw: string): IdResult<RegionDetails> {
  const value = normalizeId(raw);
  const chars = Array.from(value);
  if (chars.length === 0) return fail(value, 'REGION_EMPTY');
  if (chars.length !== 6 && chars.length !== 9 && chars.length !== 12) return fail(value, 'REGION_LENGTH', { length: chars.length });
  const bad = firstBadChar(chars, (ch) => ch >= '0' && ch <= '9');
  if (bad) return fail(value, 'REGION_CHARSET', { char: bad.char, position: bad.position }, { position: bad.position });

  const pp = value.slice(0, 2);
  if (!isProvinceCode(pp)) return fail(value, 'REGION_PROVINCE', { province: pp }, { position: 1 });
  const structure = (reasonZh: string, reasonEn: string) => fail<RegionDetails>(value, 'REGION_STRUCTURE', { code: value, reasonZh, reasonEn });

  const cc = value.slice(2, 4);
  const dd = value.slice(4, 6);
  if (cc === '00' && dd !== '00') return structure('地级代码为 00 时县级代码也必须为 00', 'the county part must be 00 when the city part is 00');

  // Cut zero padding: 12 → 9 → 6 digits.
  let code = value;
  if (code.length === 12) {
    const town = code.slice(6, 9);
    const village = code.slice(9, 12);
    if (town === '000' && village !== '000') return structure('乡级代码为 000 时村级代码也必须为 000', 'the village part must be 000 when the town part is 000');
    if (village === '000') code = town === '000' ? code.slice(0, 6) : code.slice(0, 9);
  }
  if (code.length === 9 && code.endsWith('000')) code = code.slice(0, 6);

  let level: RegionLevel;
  let townKind: TownKind | null = null;
  let villageKind: VillageKind | null = null;
  if (code.length === 6) {
    level = level6(code);
  } else {
    if (level6(code.slice(0, 6)) === 'province')
      return structure('乡级单位必须隶属于地级或县级区划，不能直接隶属于省级', 'a town-level unit belongs to a city or county, not directly to a province');
    const town = code.slice(6, 9);
    townKind = townKindOf(town);
    if (!townKind) return structure(`乡级代码“${town}”超出 001–599 范围`, `town part "${town}" is outside 001–599`);
    if (code.length === 9) {
      level = 'town';
    } else {
      level = 'village';
      villageKind = villageKindOf(code.slice(9, 12));
    }
  }

  const ancestors = ancestorsOf(code);
  return {
    valid: true,
    value: code,
    warnings: [],
    details: {
      code,
      padded: code.padEnd(12, '0'),
      level,
      province: { code: pp, ...PROVINCES[pp] },
      ancestors,
      parent: ancestors.length ? ancestors[ancestors.length - 1] : null,
      townKind,
      villageKind,
    },
  };
}

/** True when `raw` is a structurally valid region code (any level). */
export function isRegionCode(raw: string): boolean {
  return validateRegionCode(raw).valid;
}

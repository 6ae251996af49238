/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015), 18 characters:
 *
 *   1      registration authority (登记管理部门代码)
 *   2      organisation kind, valid per authority (机构类别代码)
 *   3–8    region code of the registering office (GB/T 2260; 100000 = national)
 *   9–17   body id (主体标识码) = organisation code (GB 11714): 8 characters + its own check
 *   18     check character over positions 1–17
 *
 * Charset `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I O S V Z), value = index.
 * Check = charset[(31 − Σ value·weight mod 31) mod 31].
 *
 * Input is trimmed and upper-cased first, so lower case is accepted.
 * Errors are reported in this order, first one wins: empty, length, charset
 * (positions 1–17), authority, kind, region, check. Any wrong 18th character,
 * even one outside the charset (`91350100M000100Y4Z`), is a check error that
 * names the expected character.
 *
 * The body's GB 11714 check (position 17) is a soft rule: a mismatch is
 * returned as a warning (`ids.USCC_BODY_CHECK`) on an otherwise valid code,
 * because some registration authorities have assigned body ids that do not
 * follow GB 11714 (individual businesses and codes issued directly under
 * GB 32100 without an organisation code) and such codes are still legally
 * valid. Pass `{ strictBody: true }` to make it an error.
 */
import { fail, firstBadChar, showChar, idIssue, normalizeId, type IdIssue, type IdResult } from './issue.ts';
import { validateRegionCode } from './region.rules.ts';

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** The region code used by national (central) registration offices. */
export const USCC_NATIONAL_REGION = '100000';

interface Named {
  zh: string;
  en: string;
}

/** Registration authorities (GB 32100 annex A and later assignments) and their organisation kinds. */
export const USCC_AUTHORITIES: Readonly<Record<string, Named & { kinds: Readonly<Record<string, Named>> }>> = {
  '1': {
    zh: '机构编制',
    en: 'institutional staffing (bianzhi)',
    kinds: {
      '1': { zh: '机关', en: 'government body' },
      '2': { zh: '事业单位', en: 'public institution' },
      '3': { zh: '中央编办直接管理机构编制的群众团体', en: 'mass organisation staffed by the central bianzhi office' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '2': {
    zh: '外交',
    en: 'foreign affairs',
    kinds: { '1': { zh: '外国常驻新闻机构', en: 'resident foreign news agency' }, '9': { zh: '其他', en: 'other' } },
  },
  '3': {
    zh: '司法行政',
    en: 'justice administration',
    kinds: {
      '1': { zh: '律师执业机构', en: 'law firm' },
      '2': { zh: '公证处', en: 'notary office' },
      '3': { zh: '基层法律服务所', en: 'grassroots legal service office' },
      '4': { zh: '司法鉴定机构', en: 'forensic appraisal institution' },
      '5': { zh: '仲裁委员会', en: 'arbitration commission' },
      '6': { zh: '商事调解组织', en: 'commercial mediation organisation' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '4': {
    zh: '文化',
    en: 'culture',
    kinds: { '1': { zh: '外国在华文化中心', en: 'foreign cultural centre in China' }, '9': { zh: '其他', en: 'other' } },
  },
  '5': {
    zh: '民政',
    en: 'civil affairs',
    kinds: {
      '1': { zh: '社会团体', en: 'social organisation' },
      '2': { zh: '民办非企业单位', en: 'private non-enterprise unit' },
      '3': { zh: '基金会', en: 'foundation' },
      '4': { zh: '村民委员会', en: "villagers' committee" },
      '5': { zh: '居民委员会', en: "residents' committee" },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '6': {
    zh: '旅游',
    en: 'tourism',
    kinds: {
      '1': { zh: '外国政府旅游部门常驻代表机构', en: 'representative office of a foreign tourism authority' },
      '2': { zh: '港澳台地区旅游部门常驻内地（大陆）代表机构', en: 'representative office of a Hong Kong, Macao or Taiwan tourism authority' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  '7': {
    zh: '宗教',
    en: 'religious affairs',
    kinds: { '1': { zh: '宗教活动场所', en: 'place of religious activity' }, '2': { zh: '宗教院校', en: 'religious school' }, '9': { zh: '其他', en: 'other' } },
  },
  '8': {
    zh: '工会',
    en: 'trade unions',
    kinds: { '1': { zh: '基层工会', en: 'grassroots trade union' }, '2': { zh: '非法人工会组织', en: 'trade union without legal personality' }, '9': { zh: '其他', en: 'other' } },
  },
  '9': {
    zh: '市场监管',
    en: 'market regulation (formerly industry and commerce)',
    kinds: {
      '1': { zh: '企业', en: 'enterprise' },
      '2': { zh: '个体工商户', en: 'individual business' },
      '3': { zh: '农民专业合作社', en: "farmers' specialised cooperative" },
    },
  },
  A: {
    zh: '中央军委改革和编制办公室',
    en: 'Central Military Commission reform and staffing office',
    kinds: { '1': { zh: '军队事业单位', en: 'military public institution' }, '9': { zh: '其他', en: 'other' } },
  },
  G: {
    zh: '公安',
    en: 'public security',
    kinds: { '1': { zh: '境外非政府组织代表机构', en: 'representative office of an overseas NGO' }, '9': { zh: '其他', en: 'other' } },
  },
  J: {
    zh: '住房和城乡建设',
    en: 'housing and urban-rural development',
    kinds: { '1': { zh: '业主大会', en: "owners' assembly" }, '9': { zh: '其他', en: 'other' } },
  },
  N: {
    zh: '农业农村',
    en: 'agriculture and rural affairs',
    kinds: {
      '1': { zh: '组级集体经济组织', en: 'group-level collective economic organisation' },
      '2': { zh: '村级集体经济组织', en: 'village-level collective economic organisation' },
      '3': { zh: '乡镇级集体经济组织', en: 'township-level collective economic organisation' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  Q: {
    zh: '归国华侨联合会',
    en: 'federation of returned overseas Chinese',
    kinds: {
      '1': { zh: '区县级侨联组织', en: 'county-level federation' },
      '2': { zh: '乡镇级侨联组织', en: 'township-level federation' },
      '3': { zh: '村级侨联组织', en: 'village-level federation' },
      '9': { zh: '其他', en: 'other' },
    },
  },
  Y: { zh: '其他', en: 'other', kinds: { '1': { zh: '其他', en: 'other' } } },
};

const USCC_VALUE: Readonly<Record<string, number>> = Object.fromEntries(Array.from(USCC_CHARSET, (c, i) => [c, i]));

function isUsccChar(ch: string): boolean {
  return Object.hasOwn(USCC_VALUE, ch);
}

/** The check character for the first 17 characters (which must be upper-case USCC characters). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`usccCheckChar needs 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_VALUE[first17[i]];
    if (v === undefined) throw new RangeError(`"${first17[i]}" at position ${i + 1} is not a USCC character`);
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

export const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * GB 11714 organisation-code check character for the first 8 characters
 * (digits 0–9, letters A–Z valued 10–35): C = 11 − (Σ value·weight mod 11);
 * 10 → 'X', 11 → '0'.
 */
export function orgCodeCheckChar(first8: string): string {
  if (first8.length !== 8) throw new RangeError(`orgCodeCheckChar needs 8 characters, got ${first8.length}`);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i];
    const v = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch >= 'A' && ch <= 'Z' ? ch.charCodeAt(0) - 55 : -1;
    if (v < 0) throw new RangeError(`"${ch}" at position ${i + 1} is not an organisation-code character`);
    sum += v * ORG_CODE_WEIGHTS[i];
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export interface UsccDetails {
  authority: { code: string; zh: string; en: string };
  kind: { code: string; zh: string; en: string };
  /** Positions 3–8: region of the registering office (100000 for national offices). */
  regionCode: string;
  /** Positions 9–17: the body id, i.e. the organisation code. */
  bodyId: string;
  /** The organisation code in its usual written form, XXXXXXXX-C. */
  orgCode: string;
  checkChar: string;
}

export interface UsccOptions {
  /** Treat a GB 11714 mismatch in the body id as an error instead of a warning. */
  strictBody?: boolean;
}

/** Validates a unified social credit code; see the module comment for the rules and their order. */
export function validateUscc(raw: string, opts: UsccOptions = {}): IdResult<UsccDetails> {
  const value = normalizeId(raw);
  const chars = Array.from(value);
  if (chars.length === 0) return fail(value, 'USCC_EMPTY');
  if (chars.length !== 18) return fail(value, 'USCC_LENGTH', { length: chars.length });
  // Position 18 is left to the check rule, which says what it should be.
  const bad = firstBadChar(chars.slice(0, 17), isUsccChar);
  if (bad) return fail(value, 'USCC_CHARSET', { char: bad.char, position: bad.position }, { position: bad.position });

  const authority = USCC_AUTHORITIES[value[0]];
  if (!authority) return fail(value, 'USCC_AUTHORITY', { char: value[0] }, { position: 1 });
  const kind = authority.kinds[value[1]];
  if (!kind)
    return fail(value, 'USCC_KIND', { char: value[1], authority: value[0], authorityName: authority.zh, authorityNameEn: authority.en }, { position: 2 });

  const region = value.slice(2, 8);
  if (region !== USCC_NATIONAL_REGION) {
    const r = validateRegionCode(region);
    if (!r.valid) return fail(value, 'USCC_REGION', { region }, { position: 3 });
  }

  const expected = usccCheckChar(value.slice(0, 17));
  if (chars[17] !== expected) return fail(value, 'USCC_CHECK', { expected, char: showChar(chars[17]) }, { position: 18, expected });

  const bodyId = value.slice(8, 17);
  const warnings: IdIssue[] = [];
  const bodyExpected = orgCodeCheckChar(bodyId.slice(0, 8));
  if (bodyId[8] !== bodyExpected) {
    const issue = idIssue('USCC_BODY_CHECK', { body: bodyId, expected: bodyExpected, char: bodyId[8] }, { position: 17, expected: bodyExpected });
    if (opts.strictBody) return { valid: false, value, error: issue };
    warnings.push(issue);
  }

  return {
    valid: true,
    value,
    warnings,
    details: {
      authority: { code: value[0], zh: authority.zh, en: authority.en },
      kind: { code: value[1], zh: kind.zh, en: kind.en },
      regionCode: region,
      bodyId,
      orgCode: `${bodyId.slice(0, 8)}-${bodyId[8]}`,
      checkChar: value[17],
    },
  };
}

/** True when `raw` is a valid USCC (warnings allowed). */
export function isUscc(raw: string): boolean {
  return validateUscc(raw).valid;
}

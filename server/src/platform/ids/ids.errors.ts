import { defineErrors } from '../errors/index.ts';

/**
 * Every way an identifier can be wrong, with a stable code (`ids.<KEY>`) and
 * a Chinese and an English message. Positions in messages are 1-based.
 */
export const IdErrors = defineErrors('ids', {
  // Unified social credit code (GB 32100)
  USCC_EMPTY: { kind: 'invalid', zh: '统一社会信用代码不能为空', en: 'The unified social credit code is empty' },
  USCC_LENGTH: {
    kind: 'invalid',
    zh: '统一社会信用代码应为 18 位，实际为 {length} 位',
    en: 'A unified social credit code has 18 characters, not {length}',
  },
  USCC_CHARSET: {
    kind: 'invalid',
    zh: '统一社会信用代码第 {position} 位字符“{char}”无效（只能使用数字和除 I、O、S、V、Z 以外的大写字母）',
    en: 'Character "{char}" at position {position} is not allowed in a unified social credit code (digits and capital letters except I, O, S, V, Z)',
  },
  USCC_AUTHORITY: {
    kind: 'invalid',
    zh: '统一社会信用代码第 1 位登记管理部门代码“{char}”不存在',
    en: 'Position 1 of the unified social credit code, registration authority "{char}", does not exist',
  },
  USCC_KIND: {
    kind: 'invalid',
    zh: '统一社会信用代码第 2 位机构类别代码“{char}”在登记管理部门“{authority}”（{authorityName}）下不存在',
    en: 'Position 2 of the unified social credit code, organisation kind "{char}", does not exist under registration authority "{authority}" ({authorityNameEn})',
  },
  USCC_REGION: {
    kind: 'invalid',
    zh: '统一社会信用代码第 3–8 位登记管理机关行政区划码“{region}”无效',
    en: 'Positions 3–8 of the unified social credit code, region code "{region}", are not a valid administrative division code',
  },
  USCC_CHECK: {
    kind: 'invalid',
    zh: '统一社会信用代码校验码错误：第 18 位应为“{expected}”，实际为“{char}”',
    en: 'Wrong check character in the unified social credit code: position 18 should be "{expected}", not "{char}"',
  },
  USCC_BODY_CHECK: {
    kind: 'invalid',
    zh: '主体标识码（组织机构代码）“{body}”的校验位与 GB 11714 不符：第 17 位按规则应为“{expected}”，实际为“{char}”',
    en: 'The body id (organisation code) "{body}" does not follow the GB 11714 check: position 17 would be "{expected}", not "{char}"',
  },

  // Resident identity card number (GB 11643)
  RESIDENT_ID_EMPTY: { kind: 'invalid', zh: '公民身份号码不能为空', en: 'The resident ID number is empty' },
  RESIDENT_ID_LENGTH: {
    kind: 'invalid',
    zh: '公民身份号码应为 18 位，实际为 {length} 位',
    en: 'A resident ID number has 18 characters, not {length}',
  },
  RESIDENT_ID_CHARSET: {
    kind: 'invalid',
    zh: '公民身份号码第 {position} 位字符“{char}”无效（前 17 位只能是数字，第 18 位是数字或 X）',
    en: 'Character "{char}" at position {position} is not allowed in a resident ID number (17 digits, then a digit or X)',
  },
  RESIDENT_ID_REGION: {
    kind: 'invalid',
    zh: '公民身份号码前 2 位“{province}”不是有效的省级行政区划代码',
    en: 'The first two digits of the resident ID number, "{province}", are not a province code',
  },
  RESIDENT_ID_DATE: {
    kind: 'invalid',
    zh: '公民身份号码第 7–14 位出生日期“{date}”不是有效日期',
    en: 'Positions 7–14 of the resident ID number, birth date "{date}", are not a real date',
  },
  RESIDENT_ID_DATE_FUTURE: {
    kind: 'invalid',
    zh: '公民身份号码中的出生日期 {date} 晚于今天',
    en: 'The birth date {date} in the resident ID number is in the future',
  },
  RESIDENT_ID_DATE_EARLY: {
    kind: 'invalid',
    zh: '公民身份号码中的出生日期 {date} 早于 1900 年',
    en: 'The birth date {date} in the resident ID number is before 1900',
  },
  RESIDENT_ID_CHECK: {
    kind: 'invalid',
    zh: '公民身份号码校验码错误：第 18 位应为“{expected}”，实际为“{char}”',
    en: 'Wrong check character in the resident ID number: position 18 should be "{expected}", not "{char}"',
  },

  // Administrative division codes (GB/T 2260 and the statistical town/village extension)
  REGION_EMPTY: { kind: 'invalid', zh: '行政区划代码不能为空', en: 'The region code is empty' },
  REGION_LENGTH: {
    kind: 'invalid',
    zh: '行政区划代码应为 6 位（县级）、9 位（乡级）或 12 位（村级），实际为 {length} 位',
    en: 'A region code has 6 (county), 9 (town) or 12 (village) digits, not {length}',
  },
  REGION_CHARSET: {
    kind: 'invalid',
    zh: '行政区划代码第 {position} 位字符“{char}”无效（只能是数字）',
    en: 'Character "{char}" at position {position} is not allowed in a region code (digits only)',
  },
  REGION_PROVINCE: {
    kind: 'invalid',
    zh: '行政区划代码前 2 位“{province}”不是有效的省级代码',
    en: 'The first two digits of the region code, "{province}", are not a province code',
  },
  REGION_STRUCTURE: {
    kind: 'invalid',
    zh: '行政区划代码“{code}”结构错误：{reasonZh}',
    en: 'The region code "{code}" is malformed: {reasonEn}',
  },

  // E-licence identifiers
  LICENSE_ID_EMPTY: { kind: 'invalid', zh: '电子证照标识不能为空', en: 'The e-licence identifier is empty' },
  LICENSE_ID_ROOT: {
    kind: 'invalid',
    zh: '电子证照标识应以根代码“1.2.156.3005.2.”开头',
    en: 'An e-licence identifier starts with the root "1.2.156.3005.2."',
  },
  LICENSE_ID_FORMAT: {
    kind: 'invalid',
    zh: '电子证照标识在根代码之后应有 5 段（证照类型代码.颁发机构代码.流水号.版本号.校验位），实际为 {segments} 段',
    en: 'After the root an e-licence identifier has 5 dot-separated parts (type.issuer.serial.version.check), not {segments}',
  },
  LICENSE_ID_TYPE: {
    kind: 'invalid',
    zh: '证照类型代码“{type}”无效：应为 18 位定义机构统一社会信用代码加 3 位类型顺序号{reasonZh}',
    en: 'The licence type code "{type}" is invalid: it is the defining body\'s 18-character USCC plus a 3-digit type number{reasonEn}',
  },
  LICENSE_ID_ISSUER: {
    kind: 'invalid',
    zh: '证照颁发机构代码“{issuer}”无效：应为统一社会信用代码或 6 位行政区划代码{reasonZh}',
    en: 'The issuer code "{issuer}" is invalid: it is a USCC or a 6-digit region code{reasonEn}',
  },
  LICENSE_ID_SERIAL: {
    kind: 'invalid',
    zh: '流水号“{serial}”无效：应为 1–64 位数字或大写字母',
    en: 'The serial "{serial}" is invalid: 1–64 digits or capital letters',
  },
  LICENSE_ID_VERSION: {
    kind: 'invalid',
    zh: '版本号“{version}”无效：应为 001–999 的 3 位数字',
    en: 'The version "{version}" is invalid: three digits, 001–999',
  },
  LICENSE_ID_CHECK: {
    kind: 'invalid',
    zh: '电子证照标识校验位错误：应为“{expected}”，实际为“{char}”',
    en: 'Wrong check character in the e-licence identifier: it should be "{expected}", not "{char}"',
  },
});

export type IdErrorKey = keyof typeof IdErrors.specs;

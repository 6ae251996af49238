import { defineErrors } from '../../platform/errors/index.ts';

export const OrgErrors = defineErrors('org', {
  REGION_NOT_FOUND: { kind: 'not_found', zh: '未找到行政区划 {code}', en: 'Region {code} not found' },
  ORG_NOT_FOUND: { kind: 'not_found', zh: '未找到该机构', en: 'Organisation not found' },
  UNKNOWN_REGION: { kind: 'invalid', zh: '行政区划代码 {code} 不存在', en: 'Region code {code} does not exist' },
  UNKNOWN_PARENT: { kind: 'invalid', zh: '上级机构不存在', en: 'The parent organisation does not exist' },
  REGION_OUTSIDE_PARENT: {
    kind: 'invalid',
    zh: '机构所在区划 {code} 不在上级机构的区划 {parent} 范围内',
    en: 'Region {code} is outside the parent organisation’s region {parent}',
  },
  BAD_USCC: { kind: 'invalid', zh: '统一社会信用代码有误', en: 'The unified social credit code is invalid' },
  DUPLICATE_CODE: { kind: 'conflict', zh: '机构编码 {code} 已被使用', en: 'Organisation code {code} is already in use' },
  DUPLICATE_USCC: { kind: 'conflict', zh: '统一社会信用代码 {uscc} 已登记给其他机构', en: 'USCC {uscc} is already registered to another organisation' },
  STAFFING_INVALID: { kind: 'invalid', zh: '编制数据不合理', en: 'The staffing figures are inconsistent' },
});

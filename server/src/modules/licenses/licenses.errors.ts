import { defineErrors } from '../../platform/errors/index.ts';

export const LicenseErrors = defineErrors('licenses', {
  INVALID_HOLDER_ID: {
    kind: 'invalid',
    zh: '持证主体证件号码无效：{reason}',
    en: 'The holder’s identification number is invalid: {reasonEn}',
  },
  INVALID_ISSUER: { kind: 'invalid', zh: '发证机关代码无效：{reason}', en: 'The issuer code is invalid: {reasonEn}' },
  UNKNOWN_TYPE: { kind: 'invalid', zh: '未知的证照类型：{type}', en: 'Unknown licence type: {type}' },
  INVALID_VALIDITY: { kind: 'invalid', zh: '有效期截止日期不能早于起始日期', en: 'The validity cannot end before it starts' },
  NOTHING_TO_VERIFY: {
    kind: 'invalid',
    zh: '请提供证照 JSON 文件或 PDF 文件',
    en: 'Provide a licence JSON document or PDF file',
  },
  SAME_HOLDER: { kind: 'invalid', zh: '受让方不能与原持证主体相同', en: 'The new holder must differ from the current holder' },
});

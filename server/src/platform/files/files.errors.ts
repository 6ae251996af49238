import { defineErrors } from '../errors/index.ts';

export const FileErrors = defineErrors('files', {
  REQUIRED: { kind: 'invalid', zh: '缺少文件', en: 'No file uploaded' },
  EMPTY: { kind: 'invalid', zh: '文件“{name}”是空的', en: 'The file "{name}" is empty' },
  TOO_LARGE: { kind: 'invalid', zh: '文件不能超过 {max} MB', en: 'A file may have at most {max} MB' },
  UNSUPPORTED_TYPE: {
    kind: 'invalid',
    zh: '文件“{name}”的内容不是允许的类型（允许：{allowed}）',
    en: 'The content of "{name}" is not an allowed type (allowed: {allowedEn})',
  },
  EXTENSION_MISMATCH: {
    kind: 'invalid',
    zh: '文件“{name}”的扩展名与内容不符（内容为 {found}）',
    en: 'The extension of "{name}" does not match its content ({found})',
  },
  NOT_FOUND: { kind: 'not_found', zh: '文件不存在', en: 'File not found' },
  STORE_FAILED: { kind: 'unavailable', zh: '文件存储暂不可用，请稍后重试', en: 'File storage is unavailable; try again later' },
});

import { defineErrors } from '../../platform/errors/index.ts';

/** Error codes of bundles (一件事) and their situation questions. */
export const BundleErrors = defineErrors('catalog', {
  BUNDLE_NOT_FOUND: { kind: 'not_found', zh: '未找到一件事「{code}」', en: 'Bundle "{code}" not found' },
  BUNDLE_CODE_TAKEN: { kind: 'conflict', zh: '一件事编码 {code} 已被使用', en: 'Bundle code {code} is already in use' },
  BUNDLE_INVALID: { kind: 'invalid', zh: '一件事的定义有误', en: 'The bundle definition is invalid' },
  BUNDLE_STATE: {
    kind: 'conflict',
    zh: '一件事当前状态为「{status}」，不能{actionZh}',
    en: 'The bundle is {status}; it cannot be {actionEn}',
  },
  UNANSWERED: {
    kind: 'invalid',
    zh: '请先回答情形问题：{questions}',
    en: 'Please answer the situation question(s): {questions}',
  },
  BAD_ANSWER: { kind: 'invalid', zh: '情形回答有误', en: 'The situation answers are invalid' },
});

import { defineErrors } from '../../platform/errors/index.ts';

export const RatingErrors = defineErrors('rating', {
  MATTER_NOT_FOUND: { kind: 'not_found', zh: '未找到可评价的办件', en: 'No ratable matter found' },
  ALREADY_RATED: {
    kind: 'conflict',
    zh: '该办件已经评价过（{channel}），不能重复评价',
    en: 'This matter has already been rated ({channelEn}); it cannot be rated twice',
  },
  DEADLINE_PASSED: {
    kind: 'conflict',
    zh: '评价期限已过（截至 {rateBy}），不能再评价',
    en: 'The rating period ended on {rateBy}; the matter can no longer be rated',
  },
  INVALID_RATING: { kind: 'invalid', zh: '评价内容有误', en: 'The rating is invalid' },
  VISIT_CODE_INVALID: { kind: 'not_found', zh: '评价码无效或已过期，请窗口工作人员重新发起评价', en: 'The rating code is invalid or expired; ask the clerk to open a new one' },
  VISIT_ALREADY_OPEN: {
    kind: 'conflict',
    zh: '本次现场评价已发起，请评价人在评价器上完成评价',
    en: 'An on-site rating is already open for this visit; the applicant should finish it on the tablet',
  },
  RECTIFICATION_NOT_FOUND: { kind: 'not_found', zh: '未找到该差评整改记录', en: 'Bad-rating follow-up not found' },
  OWN_APPEAL: { kind: 'forbidden', zh: '不能审核本人提出的申诉', en: 'You may not decide an appeal you made yourself' },
  BAD_OUTCOME: { kind: 'invalid', zh: '整改处理方式有误', en: 'Invalid outcome' },
});

import { defineErrors } from '../../platform/errors/index.ts';

export const CaseErrors = defineErrors('cases', {
  NOT_FOUND: { kind: 'not_found', zh: '未找到该案件', en: 'Case not found' },
  CATEGORY_NOT_FOUND: { kind: 'not_found', zh: '未找到该案件分类', en: 'Case category not found' },
  CATEGORY_UNKNOWN: { kind: 'invalid', zh: '案件分类 {code} 不存在或已停用', en: 'Case category {code} does not exist or is inactive' },
  CATEGORY_EXISTS: { kind: 'conflict', zh: '分类编码 {code} 已存在', en: 'Category code {code} already exists' },
  INVALID: { kind: 'invalid', zh: '案件信息有误', en: 'The case data is invalid' },
  NO_TERRITORY: { kind: 'invalid', zh: '无法确定案件属地：请提供位置或所属镇（街道）', en: 'Cannot tell where the case is: give a location or the town' },
  OUT_OF_SCOPE: { kind: 'invalid', zh: '案件属地不在您的职责范围内', en: "The case's territory is outside your scope" },
  WRONG_KIND: { kind: 'conflict', zh: '「{action}」不适用于{kind}类案件', en: '"{actionEn}" does not apply to {kindEn} cases' },
  PUSH_DOWN: { kind: 'invalid', zh: '部门职责事项不得派遣给镇（街道）', en: "A department's listed duty may not be dispatched down to a town" },
  NOT_REQUESTER: { kind: 'not_found', zh: '未找到该案件', en: 'Case not found' },
  NO_PENDING_EXTENSION: { kind: 'conflict', zh: '该案件没有待审批的延期申请', en: 'The case has no pending extension request' },
  EXTENSION_PENDING: { kind: 'conflict', zh: '已有一项延期申请待审批', en: 'An extension request is already pending' },
  MERGE_TARGET: { kind: 'invalid', zh: '不能合并到该案件', en: 'The case cannot be merged into that one' },
  ARBITRATION_LEVEL: { kind: 'forbidden', zh: '待仲裁案件由县级指挥中心处理', en: 'Cases awaiting arbitration are decided by the county centre' },
  RATE_LIMITED: { kind: 'rate_limited', zh: '提交过于频繁，请 {seconds} 秒后再试', en: 'Too many reports; try again in {seconds} seconds' },
  FUTURE_TIME: { kind: 'invalid', zh: '时间不能晚于当前时间', en: 'The time may not be in the future' },
});

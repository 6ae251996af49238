import { defineErrors } from '../../platform/errors/index.ts';

/** Error codes of the catalog's items, versions, adjustments and publication. */
export const CatalogErrors = defineErrors('catalog', {
  ITEM_NOT_FOUND: { kind: 'not_found', zh: '未找到该事项', en: 'Catalog item not found' },
  VERSION_NOT_FOUND: { kind: 'not_found', zh: '未找到该事项的第 {no} 版', en: 'Version {no} of this item not found' },
  ADJUSTMENT_NOT_FOUND: { kind: 'not_found', zh: '未找到该调整申请', en: 'Adjustment request not found' },
  BASE_CODE_MISMATCH: {
    kind: 'invalid',
    zh: '基本编码 {code} 已对应「{existing}」，{fieldZh}须与之一致（四级四同）；如确属不同事项，请使用新的基本编码',
    en: 'Base code {code} already stands for "{existing}"; the {fieldEn} must be the same at every level. Use a new base code for a different item',
  },
  STALE_BASE: {
    kind: 'conflict',
    zh: '该事项在本申请提出后已发布第 {current} 版（申请基于第 {base} 版），请退回申请人更新后重新提交',
    en: 'The item was published again (now version {current}) after this request was based on version {base}; return it to the requester to rebase it',
  },
  NOT_EDITABLE: {
    kind: 'conflict',
    zh: '调整申请处于「{state}」状态，只有草稿或已退回的申请可以修改',
    en: 'The request is "{stateEn}"; only drafts and returned requests can be edited',
  },
  ITEM_STATE: {
    kind: 'conflict',
    zh: '事项当前状态为「{status}」，不能{changeZh}',
    en: 'The item is {status}; it cannot be {changeEn}',
  },
  IMPL_CODE_TAKEN: { kind: 'conflict', zh: '实施编码 {code} 已被其他事项使用', en: 'Implementation code {code} is used by another item' },
  REGION_REQUIRED: {
    kind: 'invalid',
    zh: '无法确定事项所在行政区划：请填写行政区划代码或实施主体机构',
    en: 'The region of the item is unknown: give its region code or the implementing organisation',
  },
  OUT_OF_SCOPE: {
    kind: 'forbidden',
    zh: '您只能为本单位、本区域实施的事项提出调整申请',
    en: 'You may only request changes to items implemented within your organisation and region',
  },
  SELF_REVIEW: {
    kind: 'forbidden',
    zh: '不能审核、批准或发布本人提出的调整申请',
    en: 'You cannot review, approve or publish a request you made yourself',
  },
  NOT_REQUESTER: {
    kind: 'forbidden',
    zh: '只有申请人（或申请单位的经办人）可以修改、提交或撤回调整申请',
    en: 'Only the requester (or a colleague in the requesting organisation) may edit, submit or withdraw the request',
  },
  UNKNOWN_ORG: { kind: 'invalid', zh: '实施主体机构 {id} 不存在', en: 'Implementing organisation {id} does not exist' },
  INVALID_CONTENT: { kind: 'invalid', zh: '事项内容不完整或有误', en: 'The item content is incomplete or invalid' },
  BATCH_CONFLICT: {
    kind: 'invalid',
    zh: '同一批次中实施编码 {code} 出现多次',
    en: 'Implementation code {code} occurs more than once in the batch',
  },
});

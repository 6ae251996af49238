import { defineErrors } from '../../platform/errors/index.ts';

/** Error codes of the devolution list, the territorial-duty list and the proof-requirement list. */
export const ListErrors = defineErrors('catalog', {
  DEVOLUTION_NOT_FOUND: { kind: 'not_found', zh: '未找到该赋权事项', en: 'Devolution record not found' },
  DEVOLUTION_EXISTS: {
    kind: 'conflict',
    zh: '该事项已赋权给 {region}（记录 {id}），请修改原记录或先收回',
    en: 'This item is already devolved to {region} (record {id}); edit that record or withdraw it first',
  },
  DUTY_NOT_FOUND: { kind: 'not_found', zh: '未找到该属地管理事项', en: 'Territorial duty entry not found' },
  DUTY_EXISTS: {
    kind: 'conflict',
    zh: '事项 {matterCode} 在 {region} 已有清单条目（{id}），请修改原条目',
    en: 'Matter {matterCode} already has an entry for {region} ({id}); edit that entry',
  },
  DUTY_PUSHED_DOWN: {
    kind: 'invalid',
    zh: '事项 {matterCode} 在县级清单中由部门牵头，不得将牵头职责下放给镇（街道），除非该权力已依法赋权给本镇',
    en: 'Matter {matterCode} is led by a county department in the county list; its lead may not be pushed down to a town unless the power was lawfully devolved to that town',
  },
  PROOF_NOT_FOUND: { kind: 'not_found', zh: '未找到证明事项 {code}', en: 'Proof {code} not found' },
  PROOF_EXISTS: { kind: 'conflict', zh: '证明事项编码 {code} 已存在', en: 'Proof code {code} already exists' },
  LIST_INVALID: { kind: 'invalid', zh: '清单内容有误', en: 'The list entry is invalid' },
  OUT_OF_SCOPE: { kind: 'not_found', zh: '未找到该行政区划或不在您的管辖范围内', en: 'Region not found or outside your scope' },
});

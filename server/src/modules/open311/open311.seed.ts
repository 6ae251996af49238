/**
 * Open311 demo data for Jiangyin: the client key `demo-open311-key` (submit),
 * the city management bureau's system key `demo-open311-cgj-key` (update,
 * for cases it leads) and attributes for a few services. Idempotent.
 */
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { inTransaction, type Db } from '../../platform/db/index.ts';
import { findOrgByCode } from '../org/index.ts';
import { hashKey } from './keys.service.ts';
import { insertKey } from './keys.repository.ts';
import { saveDefinition } from './open311.repository.ts';
import type { AttributeDef } from './open311.rules.ts';

export const DEMO_OPEN311_KEY = 'demo-open311-key';
export const DEMO_OPEN311_DEPARTMENT_KEY = 'demo-open311-cgj-key';

const a = (code: string, order: number, datatype: AttributeDef['datatype'], description: string, more: Partial<AttributeDef> = {}): AttributeDef => ({
  variable: true,
  code,
  datatype,
  required: false,
  datatype_description: null,
  order,
  description,
  values: [],
  ...more,
});
const v = (pairs: [string, string][]) => pairs.map(([key, name]) => ({ key, name }));

/** Attributes of demo services (case category codes). */
export const DEMO_DEFINITIONS: Record<string, AttributeDef[]> = {
  E0101: [
    a('photo_hint', 1, 'string', '请尽量通过 media_url 附上现场照片 (Please attach a photo through media_url)', { variable: false }),
    a('amount', 2, 'singlevaluelist', '垃圾数量 (Amount)', { required: true, values: v([['small', '少量（1 立方米以下）'], ['medium', '较多（1–5 立方米）'], ['large', '大量（5 立方米以上）']]) }),
    a('waste_kinds', 3, 'multivaluelist', '垃圾种类 (Kinds of waste)', { values: v([['household', '生活垃圾'], ['construction', '建筑垃圾'], ['bulky', '大件垃圾'], ['green', '绿化垃圾']]) }),
  ],
  A0101: [
    a('cover_state', 1, 'singlevaluelist', '井盖情况 (State of the cover)', { required: true, values: v([['missing', '缺失'], ['broken', '破损'], ['displaced', '移位']]) }),
    a('in_roadway', 2, 'singlevaluelist', '是否位于机动车道 (In the carriageway)', { values: v([['yes', '是'], ['no', '否']]) }),
  ],
  E0503: [
    a('plate', 1, 'string', '车牌号 (Number plate)', { datatype_description: '如 苏B12345 (e.g. 苏B12345)' }),
    a('observed_at', 2, 'datetime', '发现时间 (When seen)'),
    a('vehicles', 3, 'number', '车辆数 (Number of vehicles)'),
  ],
};

export async function seedOpen311Demo(ctx: { db: Db }, opts: { log?: (line: string) => void } = {}): Promise<{ keys: number; definitions: number }> {
  return inTransaction(ctx.db, async (tx) => {
    let keys = 0;
    let definitions = 0;
    const submit = await insertKey(tx, {
      keyHash: hashKey(DEMO_OPEN311_KEY),
      keyPrefix: DEMO_OPEN311_KEY.slice(0, 9),
      name: '江阴市民随手拍（演示）',
      orgId: null,
      regionCode: '320281',
      permissions: ['submit'],
      createdBy: null,
    });
    if (submit) keys++;
    const cgj = await findOrgByCode(tx, '320281.cgj');
    const update = cgj
      ? await insertKey(tx, {
          keyHash: hashKey(DEMO_OPEN311_DEPARTMENT_KEY),
          keyPrefix: DEMO_OPEN311_DEPARTMENT_KEY.slice(0, 9),
          name: '江阴市城市管理局业务系统（演示）',
          orgId: cgj.id,
          regionCode: '320281',
          permissions: ['update'],
          createdBy: null,
        })
      : undefined;
    if (update) keys++;
    for (const [code, attrs] of Object.entries(DEMO_DEFINITIONS)) {
      if ((await saveDefinition(tx, code, attrs, null, null)) !== null) definitions++;
    }
    if (keys + definitions > 0) {
      await recordAudit(tx, { actor: SYSTEM_ACTOR }, { action: 'open311.demo_seeded', entityType: 'open311_key', regionCode: '320281', after: { keys, definitions } });
      opts.log?.(`open311: ${keys} demo API keys (${DEMO_OPEN311_KEY}), ${definitions} service definitions`);
    }
    return { keys, definitions };
  });
}

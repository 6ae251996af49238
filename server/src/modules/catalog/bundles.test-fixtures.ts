/** Test data of the bundle and list tests: the 开办企业 (company set-up) bundle. Not used by the application. */
import { sql } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import { ItemContent, type ItemContentInput } from './catalog.content.ts';
import type { BundleDefinition, BundleItem, QuestionDef } from './bundles.rules.ts';

type MaterialIn = NonNullable<ItemContentInput['materials']>[number];

export function content(name: string, orgName: string, materials: MaterialIn[], over: Partial<ItemContentInput> = {}) {
  return ItemContent.parse({ name, itemType: 'licensing', implementingBody: { orgId: null, name: orgName }, materials, promisedDays: 1, ...over });
}

const legalRepId = (over: Partial<MaterialIn> = {}): MaterialIn => ({ name: '法定代表人身份证', form: 'copy', licenseType: '居民身份证', ...over });

/** The five items of 开办企业 keyed by a short name; ids are given by the caller. */
export function companySetupContents() {
  return {
    register: content('公司设立登记', '江阴市市场监督管理局', [
      { name: '公司登记（备案）申请书' },
      { name: '公司章程' },
      legalRepId(),
      { name: '住所使用证明' },
      { name: '房屋租赁合同', requirement: 'conditional', condition: '租赁经营场所的' },
      { name: '房屋产权证明', requirement: 'conditional', condition: '使用自有房屋的' },
    ]),
    seal: content('公章刻制备案', '江阴市公安局', [
      { name: '营业执照', source: 'government', licenseType: '营业执照', medium: 'electronic' },
      legalRepId({ name: '法定代表人身份证复印件' }),
      { name: '印章刻制申请表', deferrable: true },
    ]),
    invoice: content('发票申领', '国家税务总局江阴市税务局', [
      { name: '营业执照副本（复印件）', licenseType: '营业执照', form: 'copy' },
      legalRepId({ form: 'original', copies: 2 }),
      { name: '经办人身份证', licenseType: '居民身份证' },
      { name: '发票领用申请表' },
    ]),
    social: content('企业参保登记', '江阴市人力资源和社会保障局', [
      { name: '营业执照', licenseType: '营业执照' },
      { name: '社会保险登记表' },
      { name: '经办人身份证', licenseType: '居民身份证', form: 'copy' },
    ]),
    bank: content('银行开户', '中国人民银行江阴市支行', [{ name: '营业执照', licenseType: '营业执照' }, legalRepId({ form: 'original' }), { name: '开户申请书' }], {
      itemType: 'public_service',
      promisedDays: 3,
    }),
  };
}

export const COMPANY_QUESTIONS: QuestionDef[] = [
  {
    key: 'premises',
    text: '经营场所是自有还是租赁？',
    kind: 'single',
    required: true,
    showIf: null,
    options: [
      { id: 'own', label: '自有房屋', requireMaterials: ['房屋产权证明'], waiveMaterials: [] },
      { id: 'rented', label: '租赁房屋', requireMaterials: ['房屋租赁合同'], waiveMaterials: [] },
      { id: 'commitment', label: '住所申报承诺制', requireMaterials: [], waiveMaterials: ['住所使用证明'] },
    ],
    defaultOptionIds: ['rented'],
  },
  {
    key: 'services',
    text: '需要同步办理哪些事项？',
    kind: 'multi',
    required: true,
    showIf: null,
    options: [
      { id: 'seal', label: '刻制公章', requireMaterials: [], waiveMaterials: [] },
      { id: 'invoice', label: '申领发票', requireMaterials: [], waiveMaterials: [] },
      { id: 'social', label: '参保登记', requireMaterials: [], waiveMaterials: [] },
      { id: 'bank', label: '银行开户', requireMaterials: [], waiveMaterials: [] },
    ],
    defaultOptionIds: ['seal', 'invoice', 'social', 'bank'],
  },
  {
    key: 'employees',
    text: '是否已招用员工？',
    kind: 'single',
    required: true,
    showIf: { any: ['services.social'] },
    options: [
      { id: 'yes', label: '已招用', requireMaterials: [], waiveMaterials: [] },
      { id: 'no', label: '暂未招用', requireMaterials: [], waiveMaterials: [] },
    ],
    defaultOptionIds: [],
  },
];

export type CompanyKey = keyof ReturnType<typeof companySetupContents>;
export const COMPANY_ORDER: CompanyKey[] = ['register', 'seal', 'invoice', 'social', 'bank'];

/** The bundle definition over item ids; `produces` on registration unless told not to. */
export function companyDefinition(ids: Record<CompanyKey, number>, opts: { produces?: boolean } = {}): BundleDefinition {
  const produces = opts.produces ?? true;
  return {
    questions: COMPANY_QUESTIONS,
    members: [
      {
        itemId: ids.register,
        sort: 10,
        condition: null,
        produces: produces ? ['营业执照'] : [],
        formFields: [
          { key: 'companyName', label: '企业名称', type: 'text', required: true },
          { key: 'legalRepName', label: '法定代表人姓名', type: 'text', required: true },
          { key: 'legalRepId', label: '法定代表人身份证号', type: 'resident_id', required: true },
          { key: 'address', label: '住所', type: 'address', required: true },
        ],
      },
      {
        itemId: ids.seal,
        sort: 20,
        condition: { any: ['services.seal'] },
        produces: [],
        formFields: [
          { key: 'companyName', label: '单位名称', type: 'text', required: true },
          { key: 'sealKinds', label: '印章种类', type: 'select', required: true, options: ['公章', '财务专用章'] },
        ],
      },
      {
        itemId: ids.invoice,
        sort: 30,
        condition: { any: ['services.invoice'] },
        produces: [],
        formFields: [
          { key: 'companyName', label: '纳税人名称', type: 'text', required: true },
          { key: 'agentPhone', label: '经办人电话', type: 'phone', required: false },
        ],
      },
      {
        itemId: ids.social,
        sort: 40,
        condition: { all: ['services.social', 'employees.yes'] },
        produces: [],
        formFields: [{ key: 'agentPhone', label: '联系电话', type: 'phone', required: true }],
      },
      {
        itemId: ids.bank,
        sort: 50,
        condition: { any: ['services.bank'] },
        produces: [],
        formFields: [{ key: 'sealKinds', label: '预留印鉴', type: 'select', required: false, options: ['公章', '法人章'] }],
      },
    ],
  };
}

/** BundleItems for the rules tests (ids 1–5, all published). */
export function companyItems(): Map<number, BundleItem> {
  const contents = companySetupContents();
  return new Map(
    COMPANY_ORDER.map((k, i) => [
      i + 1,
      {
        itemId: i + 1,
        implCode: `T-${k}`,
        name: contents[k].name,
        orgId: null,
        orgName: contents[k].implementingBody.name,
        itemType: contents[k].itemType,
        status: 'published',
        promisedDays: contents[k].promisedDays,
        statutoryDays: null,
        visits: 0,
        content: contents[k],
      },
    ]),
  );
}

export const COMPANY_IDS: Record<CompanyKey, number> = { register: 1, seal: 2, invoice: 3, social: 4, bank: 5 };

export const JY = '320281';
export const HS = '320281107';
export const ZZ = '320281108';
export const ZONE = '320281400';
export const YX = '320282';

/** The regions the bundle and list tests need (the full region load is the org module's test). */
export async function insertListRegions(ex: Executor): Promise<void> {
  await ex.execute(sql`insert into regions (code, name, level, parent_code, town_kind) values
    ('320000', '江苏省', 'province', null, null),
    ('320200', '无锡市', 'city', '320000', null),
    (${JY}, '江阴市', 'county', '320200', null),
    (${HS}, '华士镇', 'town', ${JY}, 'town'),
    (${ZZ}, '周庄镇', 'town', ${JY}, 'town'),
    (${ZONE}, '江阴高新技术产业开发区', 'town', ${JY}, 'zone'),
    (${YX}, '宜兴市', 'county', '320200', null)
    on conflict (code) do nothing`);
}

/** Inserts a catalog item row directly (published unless told otherwise) and returns its id. */
export async function insertTestItem(
  ex: Executor,
  c: ReturnType<typeof content>,
  o: { implCode: string; regionCode?: string; orgId?: number | null; status?: 'draft' | 'published' | 'retired' },
): Promise<number> {
  const status = o.status ?? 'published';
  const [row] = await query<{ id: number }>(
    ex,
    sql`insert into catalog_items (impl_code, item_type, name, region_code, org_id, org_name, level, status, current_version, promised_days, visits, content)
        values (${o.implCode}, ${c.itemType}, ${c.name}, ${o.regionCode ?? JY}, ${o.orgId ?? null}, ${c.implementingBody.name}, 'county', ${status},
                ${status === 'draft' ? 0 : 1}, ${c.promisedDays}, ${c.visits}, ${JSON.stringify(c)}::jsonb)
        returning id`,
  );
  return row.id;
}

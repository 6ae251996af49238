/**
 * Catalog data the catalog browser tests rely on, made through the real API
 * when the demo catalog does not already hold it: the administrator requests
 * the items (adjustment requests), the staffing office reviews, approves and
 * publishes them — the same path a real item takes.
 */
/** The password of every demo account (server/src/modules/demo/demo.accounts.ts). */
const DEMO_PASSWORD = 'Demo@2026';

export class ApiClient {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}

  async signIn(username: string, password = DEMO_PASSWORD): Promise<this> {
    const res = await fetch(`${this.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
    const session = /tb_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
    this.cookie = session ? `tb_session=${session[1]}` : '';
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return this;
  }

  async request<T>(method: string, path: string, body?: unknown, query?: Record<string, string | number | boolean | undefined>): Promise<T> {
    const url = new URL(path, this.base);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const res = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  /** The session cookie, for a browser context that should act as this account without signing in again. */
  session(): { name: string; value: string } {
    const [name, value] = this.cookie.split('=');
    return { name, value };
  }

  get<T>(path: string, query?: Record<string, string | number | boolean | undefined>) {
    return this.request<T>('GET', path, undefined, query);
  }
  post<T>(path: string, body: unknown) {
    return this.request<T>('POST', path, body);
  }
}

interface Summary {
  id: number;
  name: string;
  org: { id: number | null; name: string };
  promisedDays: number | null;
  currentVersion: number;
}
interface Adjustment {
  id: number;
  version: number;
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const SERVICE_HOURS = '周一至周五 上午 8:30—12:00，下午 13:30—17:30（法定节假日除外）';
const PLACE = '江阴市政务服务中心（江阴市澄江中路 168 号）二楼综合受理窗口';

/** Guides written after the real Jiangsu guides of these items (shortened). */
function fixtureItems(org: (key: string) => { orgId: number; name: string }) {
  const licensingLaw = { law: '中华人民共和国行政许可法', article: '第四十二条' };
  return [
    {
      query: '开饭店',
      expect: /食品经营许可/,
      content: {
        name: '食品经营许可',
        subItemName: '食品经营许可证核发（新办）',
        variant: 'new',
        itemType: 'licensing',
        level: 'county',
        implementingBody: org('spj'),
        legalBasis: [
          { law: '中华人民共和国食品安全法', article: '第三十五条', text: '国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。' },
          licensingLaw,
        ],
        acceptanceConditions: ['申请人已取得营业执照等合法主体资格', '具有与经营的食品品种、数量相适应的经营场所，并与有毒、有害场所保持规定的距离', '有食品安全管理人员和保证食品安全的规章制度'],
        materials: [
          { name: '食品经营许可申请书', copies: 1, form: 'original', source: 'applicant', requirement: 'required', medium: 'both' },
          { name: '营业执照', copies: 1, form: 'copy', source: 'government', sourceNote: '市场监督管理部门核发', requirement: 'required', medium: 'electronic', licenseType: '营业执照' },
          { name: '法定代表人（负责人）身份证', copies: 1, form: 'copy', source: 'government', requirement: 'required', medium: 'electronic', licenseType: '居民身份证' },
          { name: '经营场所和设备布局、加工流程、卫生设施等示意图', copies: 1, form: 'original', source: 'applicant', requirement: 'required', medium: 'both' },
          { name: '食品安全自查、从业人员健康管理等食品安全管理制度', copies: 1, form: 'original', source: 'applicant', requirement: 'required', medium: 'both', deferrable: true },
          { name: '授权委托书', copies: 1, form: 'original', source: 'applicant', requirement: 'conditional', condition: '委托他人代为办理的', medium: 'paper' },
        ],
        process: [
          { name: '申请', actor: '申请人', description: '通过江苏政务服务网或窗口提交申请材料' },
          { name: '受理', actor: '综合受理窗口', days: 1, description: '材料齐全、符合法定形式的当场受理' },
          { name: '审查', actor: '审批科室', days: 2, description: '审查申请材料，必要时组织现场核查' },
          { name: '决定', actor: '分管负责人', days: 1 },
          { name: '送达', actor: '综合受理窗口', days: 1, description: '免费寄递或窗口领取许可证' },
        ],
        specialProcedures: [{ name: '现场核查', maxDays: 10, basis: '《食品经营许可和备案管理办法》第二十一条', counted: false }],
        statutoryDays: 20,
        promisedDays: 5,
        fees: [],
        visits: 0,
        channels: ['window', 'online', 'post'],
        scope: ['local', 'city_wide'],
        handlingMode: 'promised',
        place: PLACE,
        hours: SERVICE_HOURS,
        consultPhone: '0510-86861234',
        complaintPhone: '0510-12345',
        faq: [{ q: '开小吃店也要办食品经营许可证吗？', a: '从事餐饮服务的都应当取得食品经营许可；仅销售预包装食品的，办理备案即可。' }],
        forms: [{ name: '食品经营许可申请书（空白表）' }],
        applicantKinds: ['legal', 'person'],
        lifeEvents: ['开办企业', '准营准办'],
        commitmentAllowed: true,
      },
    },
    {
      query: '公积金',
      expect: /住房公积金/,
      content: {
        name: '住房公积金提取',
        subItemName: '购买自住住房提取住房公积金',
        itemType: 'public_service',
        level: 'county',
        implementingBody: org('gjj'),
        legalBasis: [{ law: '住房公积金管理条例', article: '第二十四条', text: '职工有下列情形之一的，可以提取职工住房公积金账户内的存储余额：（一）购买、建造、翻建、大修自住住房的……' }],
        acceptanceConditions: ['职工本人及配偶在江阴市购买自住住房', '住房公积金账户处于正常缴存状态'],
        materials: [
          { name: '居民身份证', copies: 1, form: 'original', source: 'government', requirement: 'required', medium: 'electronic', licenseType: '居民身份证' },
          { name: '购房合同', copies: 1, form: 'copy', source: 'applicant', requirement: 'required', medium: 'both' },
          { name: '购房发票', copies: 1, form: 'copy', source: 'applicant', requirement: 'required', medium: 'both', deferrable: true },
          { name: '本人银行卡', copies: 1, form: 'original', source: 'applicant', requirement: 'required', medium: 'paper' },
        ],
        process: [
          { name: '申请', actor: '职工本人' },
          { name: '审核', actor: '公积金中心', days: 1 },
          { name: '划款', actor: '委托银行', days: 1 },
        ],
        specialProcedures: [],
        statutoryDays: 3,
        promisedDays: 1,
        fees: [],
        visits: 0,
        channels: ['online', 'window'],
        scope: ['local', 'city_wide'],
        handlingMode: 'immediate',
        place: '无锡市住房公积金管理中心江阴分中心服务大厅',
        hours: SERVICE_HOURS,
        consultPhone: '0510-12329',
        faq: [],
        forms: [],
        applicantKinds: ['person'],
        lifeEvents: ['住房保障'],
        commitmentAllowed: false,
      },
    },
    {
      query: '办营业执照',
      expect: /设立登记/,
      content: {
        name: '企业设立登记',
        subItemName: '有限责任公司设立登记（核发营业执照）',
        variant: 'new',
        itemType: 'licensing',
        level: 'county',
        implementingBody: org('scjg'),
        legalBasis: [{ law: '中华人民共和国市场主体登记管理条例', article: '第三条', text: '市场主体应当依照本条例办理登记。未经登记，不得以市场主体名义从事经营活动。' }, licensingLaw],
        acceptanceConditions: ['名称、住所、经营范围等符合法律法规规定', '申请材料齐全、符合法定形式'],
        materials: [
          { name: '公司登记（备案）申请书', copies: 1, form: 'original', source: 'applicant', requirement: 'required', medium: 'both' },
          { name: '公司章程', copies: 1, form: 'original', source: 'applicant', requirement: 'required', medium: 'both' },
          { name: '股东的主体资格证明或自然人身份证明', copies: 1, form: 'copy', source: 'applicant', requirement: 'required', medium: 'both', licenseType: '居民身份证' },
          { name: '住所使用证明', copies: 1, form: 'copy', source: 'applicant', requirement: 'required', medium: 'both', deferrable: true },
        ],
        process: [
          { name: '申请', actor: '申请人' },
          { name: '受理审查', actor: '登记窗口', days: 1 },
          { name: '核准发照', actor: '登记窗口', days: 1 },
        ],
        specialProcedures: [],
        statutoryDays: 3,
        promisedDays: 1,
        fees: [],
        visits: 0,
        channels: ['online', 'window'],
        scope: ['local', 'province_wide'],
        handlingMode: 'promised',
        place: PLACE,
        hours: SERVICE_HOURS,
        consultPhone: '0510-86861234',
        faq: [],
        forms: [],
        applicantKinds: ['legal', 'person'],
        lifeEvents: ['开办企业'],
        commitmentAllowed: false,
      },
    },
    {
      query: '盖厂房',
      expect: /建设工程规划许可|施工许可/,
      content: {
        name: '建设工程规划许可证核发',
        itemType: 'licensing',
        level: 'county',
        implementingBody: org('zrj'),
        legalBasis: [{ law: '中华人民共和国城乡规划法', article: '第四十条', text: '在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的，建设单位或者个人应当向城市、县人民政府城乡规划主管部门……申请办理建设工程规划许可证。' }, licensingLaw],
        acceptanceConditions: ['已取得建设用地使用权', '设计方案符合控制性详细规划和规划条件'],
        materials: [
          { name: '建设工程规划许可申请表', copies: 1, form: 'original', source: 'applicant', requirement: 'required', medium: 'both' },
          { name: '不动产权证书', copies: 1, form: 'copy', source: 'government', requirement: 'required', medium: 'electronic', licenseType: '不动产权证书' },
          { name: '建设工程设计方案总平面图', copies: 2, form: 'original', source: 'intermediary', sourceNote: '具有相应资质的设计单位', requirement: 'required', medium: 'both' },
        ],
        process: [
          { name: '申请', actor: '建设单位' },
          { name: '受理', actor: '窗口', days: 1 },
          { name: '审查', actor: '规划科', days: 8 },
          { name: '批准', actor: '分管负责人', days: 1 },
        ],
        specialProcedures: [{ name: '批前公示', maxDays: 7, basis: '《江苏省城乡规划条例》', counted: false }],
        statutoryDays: 20,
        promisedDays: 10,
        fees: [],
        visits: 1,
        channels: ['window', 'online'],
        scope: ['local'],
        handlingMode: 'promised',
        place: PLACE,
        hours: SERVICE_HOURS,
        consultPhone: '0510-86861234',
        faq: [],
        forms: [],
        applicantKinds: ['legal'],
        lifeEvents: ['工程建设'],
        commitmentAllowed: false,
      },
    },
  ];
}

export interface CatalogFixtures {
  /** Query → id of the item the search should put on top. */
  expected: Record<string, RegExp>;
  /** A guide whose legal basis cites an article of a statute the server can quote (GET /api/catalog/laws). */
  quotable: { id: number; name: string };
  /** An item of 江阴市行政审批局 with a promised time limit (the approver may request changes to it). */
  editable: Summary;
  /** Signed-in API clients (sign-ins are throttled per IP, so the tests reuse these sessions). */
  admin: ApiClient;
  staffing: ApiClient;
}

/** Publishes one item: admin requests, staffing reviews, approves and publishes. */
async function publish(admin: ApiClient, staffing: ApiClient, content: unknown, docNo: string): Promise<void> {
  let a = await admin.post<Adjustment>('/api/catalog/adjustments', { change: 'create', proposed: content, reason: '浏览器测试所需的事项', basis: '江阴市政务服务事项目录', submit: true });
  a = await staffing.post<Adjustment>(`/api/catalog/adjustments/${a.id}/actions/review`, { version: a.version });
  a = await staffing.post<Adjustment>(`/api/catalog/adjustments/${a.id}/actions/approve`, { version: a.version, approvalDocNo: docNo, effectiveDate: today() });
  await staffing.post<Adjustment>(`/api/catalog/adjustments/${a.id}/actions/publish`, { version: a.version });
}

interface Detail {
  id: number;
  name: string;
  content: { legalBasis: { law: string; article?: string }[]; materials: unknown[] };
}

const bare = (law: string) => law.replace(/[《》\s]/gu, '').replace(/^中华人民共和国/u, '');

/** A published guide with materials whose legal basis cites an article of a statute the server holds. */
async function findQuotable(api: ApiClient): Promise<{ id: number; name: string } | null> {
  const laws = await api.get<{ items: { id: string; title: string; aliases: string[] }[] }>('/api/catalog/laws');
  for (const law of laws.items) {
    const names = new Set([law.title, ...law.aliases].map(bare));
    const hits = await api.get<{ items: { id: number }[] }>('/api/catalog/search', { q: law.aliases[law.aliases.length - 1], limit: 20 });
    for (const h of hits.items) {
      const item = await api.get<Detail>(`/api/catalog/items/${h.id}`);
      if (item.content.materials.length === 0) continue;
      for (const b of item.content.legalBasis) {
        const article = /第(.+?)条/u.exec(b.article ?? '');
        if (!article || !names.has(bare(b.law))) continue;
        // the cited article must be in the text the server holds (民法典 holds its 总则 only)
        const found = await api.get(`/api/catalog/laws/${law.id}/articles/${encodeURIComponent(`第${article[1]}条`)}`).then(
          () => true,
          () => false,
        );
        if (found) return { id: item.id, name: item.name };
      }
    }
  }
  return null;
}

/** 政府信息公开申请: its guide cites the Government Information Disclosure Regulation, whose text the server holds. */
async function publishQuotable(admin: ApiClient, staffing: ApiClient, body: { orgId: number; name: string }): Promise<{ id: number; name: string }> {
  const name = '政府信息公开申请';
  await publish(
    admin,
    staffing,
    {
      name,
      itemType: 'public_service',
      level: 'county',
      implementingBody: body,
      legalBasis: [{ law: '中华人民共和国政府信息公开条例', article: '第二十七条' }],
      acceptanceConditions: ['申请内容为本机关在履行行政管理职能过程中制作或者获取的政府信息'],
      materials: [
        { name: '政府信息公开申请表', copies: 1, form: 'original', source: 'applicant', requirement: 'required', medium: 'both' },
        { name: '申请人身份证明', copies: 1, form: 'copy', source: 'government', requirement: 'required', medium: 'electronic', licenseType: '居民身份证' },
      ],
      process: [{ name: '申请' }, { name: '登记', days: 1 }, { name: '答复', days: 19 }],
      statutoryDays: 20,
      promisedDays: 15,
      visits: 0,
      channels: ['online', 'window', 'post'],
      scope: ['local'],
      handlingMode: 'promised',
      applicantKinds: ['person', 'legal'],
      lifeEvents: ['政务公开'],
    },
    '澄政办发〔2026〕3号',
  );
  const page = await admin.get<{ items: { id: number; name: string }[] }>('/api/catalog/items', { q: name, limit: 5 });
  const item = page.items.find((i) => i.name === name);
  if (!item) throw new Error(`${name} was not published`);
  return item;
}

/** A published bundle (一件事) over the fixture items, unless the catalog already has one. */
async function ensureBundle(admin: ApiClient, staffing: ApiClient): Promise<void> {
  const existing = await admin.get<{ items: unknown[] }>('/api/catalog/bundles', { status: 'published', limit: 1 });
  if (existing.items.length) return;
  const find = async (name: string) => (await admin.get<{ items: { id: number; name: string }[] }>('/api/catalog/items', { q: name, limit: 5 })).items.find((i) => i.name === name)?.id;
  const register = await find('企业设立登记');
  const food = await find('食品经营许可');
  if (!register || !food) return;
  const b = await admin.post<{ version: number }>('/api/catalog/bundles', {
    code: 'open-restaurant',
    name: '开餐馆一件事',
    lifeEvent: '开办企业',
    description: '企业设立登记和食品经营许可一次告知、一表申请、一次办结',
    applicantKind: 'legal',
    regionCode: '320281',
    members: [
      { itemId: register, produces: ['营业执照'] },
      { itemId: food, condition: { all: ['food.yes'] } },
    ],
    questions: [
      {
        key: 'food',
        text: '是否从事餐饮服务或销售食品？',
        kind: 'single',
        options: [
          { id: 'yes', label: '是，开饭店、小吃店或卖食品' },
          { id: 'no', label: '否' },
        ],
        defaultOptionIds: ['yes'],
      },
      {
        key: 'agent',
        text: '是否委托他人代为办理？',
        kind: 'single',
        options: [
          { id: 'self', label: '本人办理' },
          { id: 'agent', label: '委托代理人办理', requireMaterials: ['授权委托书'] },
        ],
        defaultOptionIds: ['self'],
      },
    ],
  });
  await staffing.post('/api/catalog/bundles/open-restaurant/publish', { version: b.version });
}

/** Makes sure the catalog holds what the tests need (the demo catalog usually does already). */
export async function ensureCatalogFixtures(base: string): Promise<CatalogFixtures> {
  const admin = await new ApiClient(base).signIn('admin');
  const staffing = await new ApiClient(base).signIn('staffing');
  const orgs = new Map<string, { orgId: number; name: string }>();
  let cursor: string | undefined;
  do {
    const page = await admin.get<{ items: { id: number; code: string; name: string }[]; nextCursor: string | null }>('/api/orgs', { regionCode: '320281', limit: 500, cursor });
    for (const o of page.items) if (o.code.startsWith('320281.')) orgs.set(o.code.slice('320281.'.length), { orgId: o.id, name: o.name });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const org = (key: string) => {
    const o = orgs.get(key);
    if (!o) throw new Error(`demo organisation 320281.${key} not found`);
    return o;
  };

  const expected: Record<string, RegExp> = {};
  let n = 0;
  for (const f of fixtureItems(org)) {
    expected[f.query] = f.expect;
    // publish the item only when the catalog lacks it: where it ranks is what the test checks
    const hits = await admin.get<{ items: { name: string }[] }>('/api/catalog/search', { q: f.query, limit: 50 });
    if (hits.items.some((h) => f.expect.test(h.name))) continue;
    await publish(admin, staffing, f.content, `澄政发〔2026〕${90 + ++n}号`);
  }

  await ensureBundle(admin, staffing);

  const spj = org('spj');
  const candidates = await admin.get<{ items: Summary[] }>('/api/catalog/items', { orgId: spj.orgId, limit: 50 });
  const editable = candidates.items.find((i) => i.promisedDays !== null && i.promisedDays > 1);
  if (!editable) throw new Error('no item of 江阴市行政审批局 with a promised time limit');
  const quotable = (await findQuotable(admin)) ?? (await publishQuotable(admin, staffing, org('zfb')));
  return { expected, editable, quotable, admin, staffing };
}

import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import { inTransaction, query } from '../../platform/db/index.ts';
import { Material, type ItemContent, type ItemContentInput } from './catalog.content.ts';
import { publishDirect } from './catalog.service.ts';
import { foodLicence, insertTestOrgs, JIANGYIN, type TestOrgs } from './catalog.test-fixtures.ts';
import { parseCsv } from './csv.ts';
import { EXPORT_COLUMNS } from './export.service.ts';

/** A power-list row using every column the export writes. */
function penaltyItem(orgId: number): ItemContentInput {
  return {
    name: '对未取得食品生产经营许可从事食品生产经营活动的行政处罚',
    subItemName: '对违法所得的没收',
    variant: 'new',
    baseCode: 'CF0010200300',
    implCode: 'CF0010200300-320281000000-000-113202810000000001-1-00',
    itemType: 'penalty',
    level: 'county',
    legalBasis: [
      { law: '中华人民共和国食品安全法', article: '第一百二十二条第一款', text: '违反本法规定，未取得食品生产经营许可从事食品生产经营活动……由县级以上人民政府食品安全监督管理部门没收违法所得。' },
      { law: '中华人民共和国行政处罚法', article: '第二十八条' },
    ],
    implementingBody: { orgId, name: '江阴市市场监督管理局' },
    acceptanceConditions: ['有明确的违法行为人', '属于本部门管辖'],
    materials: [{ name: '现场检查笔录' }, { name: '询问笔录' }],
    process: [{ name: '承办', actor: '执法稽查科' }],
    statutoryDays: 90,
    promisedDays: 60,
    visits: 2,
    channels: ['window', 'post'],
    scope: ['local', 'city_wide'],
    handlingMode: 'promised',
    place: '江阴市澄江中路 1 号',
    hours: '工作日 9:00-17:00',
    consultPhone: '0510-12345678',
    complaintPhone: '12345',
    applicantKinds: ['legal'],
    lifeEvents: ['开餐馆', '食品安全'],
    commitmentAllowed: false,
    fees: [
      { name: '工本费', amount: '10元', basis: '苏价费〔2019〕1号' },
      { name: '检验费', amount: '按实际收取', basis: '苏价费〔2019〕1号' },
    ],
    responsibilities: [
      { step: '立案责任', content: '发现涉嫌违法行为，10个工作日内决定是否立案。', basis: '《行政处罚法》第五十四条' },
      { step: '调查责任', content: '全面、客观、公正地调查，收集证据。', basis: '《行政处罚法》第五十五条' },
      { step: '决定责任', content: '作出处罚决定。' },
    ],
    accountability: ['对应当立案而不予立案的', '违法实施检查措施或者执行措施，给公民人身或者财产造成损害的'],
    integrityRisks: ['选择性执法'],
    remarks: '=按"最新"规定执行, 详见附件',
  };
}

describeEachBackend('catalog export API', (backend) => {
  let t: TestApp;
  let orgs: TestOrgs;
  const h: Record<string, Record<string, string>> = {};
  const who = { actor: SYSTEM_ACTOR };

  beforeAll(async () => {
    t = await testApp(backend);
    orgs = await insertTestOrgs(t.db(), 'exp');
    const contents: ItemContentInput[] = [
      foodLicence(orgs.scjg),
      penaltyItem(orgs.scjg),
      foodLicence(orgs.hs, { name: '居民身份证办理', baseCode: 'GG0000000001', implCode: 'GG-1', itemType: 'public_service', implementingBody: { orgId: orgs.hs, name: '江阴市华士镇人民政府' }, level: 'town', lifeEvents: ['户籍'] }),
      foodLicence(orgs.yx, { implCode: 'XK0010100100-320282000000-000-1-1-00', implementingBody: { orgId: orgs.yx, name: '宜兴市市场监督管理局' } }),
      foodLicence(orgs.scjg, { name: '已注销的许可', baseCode: 'XK9', implCode: 'RETIRED-1' }),
    ];
    await inTransaction(t.db(), (tx) => publishDirect(tx, contents, { approvalDocNo: '澄政发〔2026〕1号', effectiveDate: '2026-01-01', who }));
    await t.db().execute(sql`update catalog_items set status = 'retired' where impl_code = 'RETIRED-1'`);
    await createTestAccount(t, { username: 'bianban', grants: [{ role: 'staffing_officer', regionCode: JIANGYIN, orgId: null }] });
    h.bianban = await signIn(t.app, 'bianban');
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('exports published items to anyone, filtered like the item list', async () => {
    const all = await get('/api/catalog/export.csv');
    expect(all.statusCode).toBe(200);
    expect(parseCsv(all.body)[0].fields).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    // the retired item only with status=retired
    expect(all.body).not.toContain('已注销的许可');
    expect((await get('/api/catalog/export.csv?status=retired')).body).toContain('已注销的许可');
    const codes = async (q: string) => {
      const res = await get(`/api/catalog/export.csv?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const ix = EXPORT_COLUMNS.findIndex((c) => c.key === 'implCode');
      return parseCsv(res.body).slice(1).map((r) => r.fields[ix]).sort();
    };
    expect(await codes('regionCode=320281')).toHaveLength(3);
    expect(await codes(`type=${encodeURIComponent('行政处罚')}`)).toEqual(['CF0010200300-320281000000-000-113202810000000001-1-00']);
    expect(await codes('type=XK&regionCode=320282')).toEqual(['XK0010100100-320282000000-000-1-1-00']);
    expect(await codes('kind=service')).toEqual(['GG-1']);
    expect(await codes(`lifeEvent=${encodeURIComponent('户籍')}`)).toEqual(['GG-1']);
    expect(await codes(`orgId=${orgs.yx}`)).toHaveLength(1);
    const bad = await get(`/api/catalog/export.csv?type=${encodeURIComponent('行政许诺')}`);
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors[0].field).toBe('type');
  });

  it('writes list cells the way published lists do, and guards formulas in CSV', async () => {
    const res = await get(`/api/catalog/export.csv?type=penalty`);
    const body = res.body;
    expect(body).toContain('"1.立案责任：发现涉嫌违法行为，10个工作日内决定是否立案。\n2.调查责任：全面、客观、公正地调查，收集证据。\n3.决定责任：作出处罚决定。"');
    expect(body).toContain('"《中华人民共和国食品安全法》第一百二十二条第一款：违反本法规定');
    expect(body).toContain(`"'=按""最新""规定执行, 详见附件"`);
    const xlsx = await get('/api/catalog/export.xlsx?type=penalty');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const row = wb.worksheets[0].getRow(2);
    const cell = (header: string) => row.getCell(EXPORT_COLUMNS.findIndex((c) => c.header === header) + 1).value;
    expect(cell('职权类型')).toBe('行政处罚');
    expect(cell('承办机构')).toBe('执法稽查科');
    expect(cell('收费标准')).toBe('1.工本费：10元\n2.检验费：按实际收取');
    expect(cell('办理渠道')).toBe('窗口办理、快递送达');
    expect(cell('是否网办')).toBe('否');
    expect(cell('备注')).toBe('=按"最新"规定执行, 详见附件');
    expect(cell('实施主体编码')).toBe('exp.scjg');
  });

  it('round-trips every exported field through xlsx and CSV', async () => {
    const published = new Map(
      (await query<{ impl_code: string; content: ItemContent }>(t.db(), sql`select impl_code, content from catalog_items where status = 'published' and region_code like '320281%'`)).map((r) => [
        r.impl_code,
        r.content,
      ]),
    );
    for (const [file, kind] of [['export.xlsx', 'xlsx'], ['export.csv', 'csv']] as const) {
      const res = await get(`/api/catalog/${file}?regionCode=320281`);
      const body = multipart({ regionCode: JIANGYIN }, { name: file, data: res.rawPayload });
      const up = await t.app.inject({ method: 'POST', url: '/api/catalog/imports', payload: body.payload, headers: { ...h.bianban, ...body.headers } });
      expect(up.statusCode, up.body).toBe(201);
      expect(up.json()).toMatchObject({ kind, validRows: 3, errorCount: 0, warningCount: 0, summary: { update: 3, create: 0 } });
      const rows = await t.app.inject({ method: 'GET', url: `/api/catalog/imports/${up.json().id}/rows`, headers: h.bianban });
      const items = rows.json().items as { content: ItemContent }[];
      for (const r of items) {
        const was = published.get(r.content.implCode!)!;
        // the flat list carries the 承办 step of the process and the material names; other guide details stay in the catalog
        expect(r.content).toEqual({ ...was, process: was.process.filter((p) => p.name === '承办'), materials: was.materials.map((m) => Material.parse({ name: m.name })) });
      }
      // the penalty row uses every exported column: it comes back whole
      const penalty = items.find((r) => r.content.itemType === 'penalty')!.content;
      expect(penalty).toEqual(published.get(penalty.implCode!));
    }
  });

  it('documents the import and export routes in OpenAPI', async () => {
    const res = await get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/catalog/export.xlsx', '/api/catalog/export.csv', '/api/catalog/imports', '/api/catalog/imports/{id}/commit']));
  });

  it('streams a large export', async () => {
    const many: ItemContentInput[] = Array.from({ length: 1203 }, (_, i) => ({
      name: `批量事项${String(i).padStart(4, '0')}`,
      implCode: `BULK-${i}`,
      itemType: 'other',
      implementingBody: { orgId: orgs.yx, name: '宜兴市市场监督管理局' },
    }));
    await inTransaction(t.db(), (tx) => publishDirect(tx, many, { approvalDocNo: '宜政发〔2026〕2号', effectiveDate: '2026-02-01', who }));
    const res = await get('/api/catalog/export.csv?regionCode=320282');
    expect(parseCsv(res.body).filter((r) => r.fields.some((f) => f.startsWith('BULK-')))).toHaveLength(1203);
    const xlsx = await get('/api/catalog/export.xlsx?regionCode=320282');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(1 + 1203 + 1);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { query } from '../../platform/db/index.ts';
import { insertOrg } from '../org/index.ts';
import type { ItemContent } from './catalog.content.ts';
import { DEFAULT_TYPE_LABELS, type ItemType } from './catalog.types.rules.ts';
import { EXPORT_COLUMNS } from './export.service.ts';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/catalog');

interface SampleItem {
  department: string;
  mainItem: string;
  name: string;
  itemCode: string;
  taskType: number;
  areaCode: string;
  deptCode: string;
}

const SAMPLE: SampleItem[] = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'sichuan-guangan-guanganqu-511602-items.json'), 'utf8'));
const DEPARTMENTS = [...new Set(SAMPLE.map((s) => s.department))];
/** Left out of the test setup: the import creates it (createMissingOrgs). */
const MISSING_DEPT = '区烟草专卖局';
const GUANGAN = '511602';

const typeOfNum = (n: number): ItemType => (Object.entries(DEFAULT_TYPE_LABELS).find(([, l]) => l.num === n)![0] as ItemType);

/** The sample as a published list would look: a merged title row, then Chinese headers. */
async function sampleWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('政务服务事项');
  ws.addRow(['广安区政务服务事项目录（来源：四川政务服务网公开数据）']);
  ws.mergeCells(1, 1, 1, 8);
  ws.addRow(['序号', '实施主体', '主项名称', '事项名称', '实施编码', '事项类型', '行政区划代码', '实施主体编码']);
  SAMPLE.forEach((s, i) => ws.addRow([i + 1, s.department, s.mainItem, s.name, s.itemCode, s.taskType, s.areaCode, s.deptCode]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What the sample item should have become: name and sub-item from mainItem/name (see import.rules.ts). */
function expected(s: SampleItem) {
  const grouped = s.mainItem !== '未分类' && s.mainItem !== s.name;
  return { name: grouped ? s.mainItem : s.name, subItemName: grouped ? s.name : null, itemType: typeOfNum(s.taskType), orgName: s.department };
}

describeEachBackend('catalog import API', (backend) => {
  let t: TestApp;
  const h: Record<string, Record<string, string>> = {};
  let committedId = 0;

  beforeAll(async () => {
    t = await testApp(backend);
    const db = t.db();
    await db.execute(sql`insert into regions (code, name, level, parent_code, town_kind) values
      ('510000', '四川省', 'province', null, null), ('511600', '广安市', 'city', '510000', null),
      (${GUANGAN}, '广安区', 'county', '511600', null), ('320000', '江苏省', 'province', null, null),
      ('320200', '无锡市', 'city', '320000', null), ('320281', '江阴市', 'county', '320200', null)
      on conflict (code) do nothing`);
    const gov = await insertOrg(db, { code: 'gaq.gov', name: '广安市广安区人民政府', type: 'government', level: 'county', regionCode: GUANGAN });
    let n = 0;
    for (const d of DEPARTMENTS) {
      if (d === MISSING_DEPT) continue;
      await insertOrg(db, { code: `gaq.d${++n}`, name: d, type: 'department', level: 'county', regionCode: GUANGAN, parentId: gov, sort: n });
    }
    await createTestAccount(t, { username: 'bianban', grants: [{ role: 'staffing_officer', regionCode: GUANGAN, orgId: null }] });
    await createTestAccount(t, { username: 'jybianban', grants: [{ role: 'staffing_officer', regionCode: '320281', orgId: null }] });
    await createTestAccount(t, { username: 'clerk', grants: [{ role: 'window_clerk', regionCode: GUANGAN, orgId: null }] });
    for (const u of ['bianban', 'jybianban', 'clerk']) h[u] = await signIn(t.app, u);
  });
  afterAll(() => t.close());

  const upload = (who: string | null, fields: Record<string, string>, file?: { name: string; data: Buffer | string }) => {
    const body = multipart(fields, file);
    return t.app.inject({ method: 'POST', url: '/api/catalog/imports', payload: body.payload, headers: { ...(who ? h[who] : {}), ...body.headers } });
  };
  const post = (url: string, who: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: h[who] });
  const get = (url: string, who?: string) => t.app.inject({ method: 'GET', url, headers: who ? h[who] : {} });
  const itemCount = async () => (await query<{ n: number }>(t.db(), sql`select count(*)::int as n from catalog_items`))[0].n;
  const allRows = async (id: number) => {
    const res = await get(`/api/catalog/imports/${id}/rows?limit=2000`, 'bianban');
    expect(res.statusCode).toBe(200);
    return res.json().items as { row: number; action: string; content: ItemContent }[];
  };

  it('previews the real sample (1,135 items of 广安区) from an xlsx without writing any item', async () => {
    const res = await upload('bianban', { regionCode: GUANGAN, createMissingOrgs: 'true' }, { name: '广安区事项.xlsx', data: await sampleWorkbook() });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ kind: 'xlsx', regionCode: GUANGAN, regionName: '广安区', state: 'previewed', version: 1, totalRows: 1135, validRows: 1135, errorCount: 0, canCommit: true });
    expect(p.errors).toEqual([]);
    expect(Object.fromEntries(p.summary.byType.map((x: { itemType: string; count: number }) => [x.itemType, x.count]))).toEqual({
      licensing: 536,
      benefit: 9,
      confirmation: 50,
      reward: 2,
      adjudication: 8,
      other: 182,
      public_service: 348,
    });
    expect(p.summary.byDepartment).toHaveLength(34);
    expect(p.summary.newOrgs).toEqual([MISSING_DEPT]);
    expect(p.summary.byDepartment.find((d: { name: string }) => d.name === MISSING_DEPT)).toMatchObject({ orgId: null, create: true });
    expect(p.summary.sheets[0]).toMatchObject({ name: '政务服务事项', headerRow: 2, rows: 1135 });
    expect(p.summary).toMatchObject({ create: 1135, update: 0 });
    expect(p.firstRows).toHaveLength(20);
    expect(p.firstRows[0]).toMatchObject({ row: 3, name: SAMPLE[0].name, itemType: 'other', implCode: SAMPLE[0].itemCode, action: 'create' });
    expect(await itemCount()).toBe(0);
    committedId = p.id;
  });

  it('reads the sample’s JSON form to the same rows', async () => {
    const res = await upload('bianban', { regionCode: GUANGAN, createMissingOrgs: 'true' }, { name: 'items.json', data: fs.readFileSync(path.join(FIXTURES, 'sichuan-guangan-guanganqu-511602-items.json')) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'json', validRows: 1135, errorCount: 0 });
    const fromJson = await allRows(res.json().id);
    const fromXlsx = await allRows(committedId);
    expect(fromJson.map((r) => r.content)).toEqual(fromXlsx.map((r) => r.content));
    const discarded = await post(`/api/catalog/imports/${res.json().id}/discard`, 'bianban', { version: 1 });
    expect(discarded.statusCode).toBe(200);
    expect(discarded.json()).toMatchObject({ state: 'discarded', version: 2, canCommit: false });
    const late = await post(`/api/catalog/imports/${res.json().id}/commit`, 'bianban', { version: 2, approvalDocNo: '广安区府发〔2025〕1号', effectiveDate: '2025-07-01' });
    expect(late.statusCode).toBe(409);
  });

  it('commits all 1,135 in one transaction: names, types, codes and departments intact', async () => {
    const stale = await post(`/api/catalog/imports/${committedId}/commit`, 'bianban', { version: 7, approvalDocNo: '广安区府发〔2025〕12号', effectiveDate: '2025-07-01' });
    expect(stale.statusCode).toBe(409);
    expect(problem(stale).code).toBe('common.VERSION_CONFLICT');

    const body = { version: 1, approvalDocNo: '广安区府发〔2025〕12号', effectiveDate: '2025-07-01' };
    const res = await post(`/api/catalog/imports/${committedId}/commit`, 'bianban', body);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ state: 'committed', version: 2, approvalDocNo: body.approvalDocNo, effectiveDate: '2025-07-01' });
    expect(c.result).toMatchObject({ created: 1135, updated: 0, unchanged: 0 });
    expect(c.result.orgsCreated).toEqual([expect.objectContaining({ name: MISSING_DEPT, code: '71181655-9' })]);
    expect(c.result.itemIds).toHaveLength(1135);

    const rows = await query<{ impl_code: string; name: string; sub_item_name: string | null; item_type: ItemType; org_name: string; org_id: number | null; region_code: string; status: string; current_version: number }>(
      t.db(),
      sql`select impl_code, name, sub_item_name, item_type, org_name, org_id, region_code, status, current_version from catalog_items`,
    );
    expect(rows).toHaveLength(1135);
    const byCode = new Map(rows.map((r) => [r.impl_code, r]));
    for (const s of SAMPLE) {
      const r = byCode.get(s.itemCode);
      expect(r, s.itemCode).toBeDefined();
      const e = expected(s);
      expect({ name: r!.name, subItemName: r!.sub_item_name, itemType: r!.item_type, orgName: r!.org_name }, s.itemCode).toEqual(e);
      expect(r).toMatchObject({ region_code: GUANGAN, status: 'published', current_version: 1 });
      expect(r!.org_id).not.toBeNull();
    }
    const versions = await query<{ n: number; docs: number }>(
      t.db(),
      sql`select count(*)::int as n, count(distinct approval_doc_no)::int as docs from catalog_item_versions where approval_doc_no = ${body.approvalDocNo} and effective_date = '2025-07-01'`,
    );
    expect(versions[0]).toEqual({ n: 1135, docs: 1 });
    const orgs = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from organisations where region_code = ${GUANGAN} and type = 'department'`);
    expect(orgs[0].n).toBe(34);
    const audit = await query<{ action: string }>(t.db(), sql`select action from audit_entries where action like 'catalog.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['catalog.import_previewed', 'catalog.import_discarded', 'catalog.bulk_published', 'catalog.import_committed']),
    );

    // a retried commit returns the committed batch; a different one is refused
    const again = await post(`/api/catalog/imports/${committedId}/commit`, 'bianban', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().result.created).toBe(1135);
    const other = await post(`/api/catalog/imports/${committedId}/commit`, 'bianban', { ...body, approvalDocNo: '另一个文号' });
    expect(other.statusCode).toBe(409);
    expect(problem(other).code).toBe('catalog_import.ALREADY_COMMITTED');
    expect(await itemCount()).toBe(1135);
  });

  it('exports xlsx publicly with the import’s headers, and the export re-imports to the same rows', async () => {
    const res = await get('/api/catalog/export.xlsx?regionCode=511602');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    expect(ws.rowCount).toBe(1136);

    const again = await upload('bianban', { regionCode: GUANGAN }, { name: 'export.xlsx', data: res.rawPayload });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ validRows: 1135, errorCount: 0, summary: { create: 0, update: 1135, newOrgs: [] } });
    const reimported = await allRows(again.json().id);
    const published = await query<{ impl_code: string; content: ItemContent }>(t.db(), sql`select impl_code, content from catalog_items`);
    const byCode = new Map(published.map((p) => [p.impl_code, p.content]));
    expect(reimported).toHaveLength(1135);
    for (const r of reimported) expect(r.content, r.content.implCode).toEqual(byCode.get(r.content.implCode!));

    // committing the unchanged list creates no new versions
    const commit = await post(`/api/catalog/imports/${again.json().id}/commit`, 'bianban', { version: 1, approvalDocNo: '广安区府发〔2025〕13号', effectiveDate: '2025-08-01' });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json().result).toMatchObject({ created: 0, updated: 0, unchanged: 1135 });
  });

  it('exports CSV with BOM, and the CSV re-imports to the same rows', async () => {
    const res = await get('/api/catalog/export.csv?regionCode=511602');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body).toContain('"生产建设项目水土保持方案审批（新办）（据省政府令第349号,部分省级权限下放成都等８市)"');
    const again = await upload('bianban', { regionCode: GUANGAN }, { name: 'export.csv', data: res.rawPayload });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ kind: 'csv', validRows: 1135, errorCount: 0 });
    const published = await query<{ impl_code: string; content: ItemContent }>(t.db(), sql`select impl_code, content from catalog_items`);
    const byCode = new Map(published.map((p) => [p.impl_code, p.content]));
    for (const r of await allRows(again.json().id)) expect(r.content).toEqual(byCode.get(r.content.implCode!));
  });

  it('refuses a malformed workbook whole, with every error by row and column, and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('权责清单');
    ws.addRow(['广安区权责清单（调整）']);
    ws.mergeCells(1, 1, 1, 7);
    ws.addRow(['序号', '权力名称', '职权类型', '行使主体', '法定办结时限', '承诺办结时限', '到现场次数']);
    ws.addRow([1, '新增的正常事项', '行政许可', '区经信局', 20, 5, 1]);
    ws.addRow([2, '类型写错的事项', '行政许诺', '区经信局', 20, 5, 1]);
    ws.addRow([3, null, '行政许可', '区经信局', 20, 5, 1]);
    ws.addRow([4, '时限写错的事项', '公共服务', '区经信局', '二十个工作日', 5, 1]);
    ws.addRow([5, '部门写错的事项', '行政确认', '区不存在局', 10, 5, 1]);
    const before = await itemCount();
    const res = await upload('bianban', { regionCode: GUANGAN }, { name: 'bad.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ totalRows: 5, validRows: 1, errorCount: 4, canCommit: false });
    expect(p.errors.map((e: { row: number; column: string; field: string }) => [e.row, e.column, e.field])).toEqual([
      [4, '职权类型', 'itemType'],
      [5, '权力名称', 'name'],
      [6, '法定办结时限', 'statutoryDays'],
      [7, '行使主体', 'implementingBody'],
    ]);
    expect(p.errors[0].message).toBe('第 4 行「职权类型」：无法识别的类型“行政许诺”');
    expect(p.errors[0].messageEn).toBe('Row 4, column "职权类型": unrecognised item type "行政许诺"');
    expect(p.errors[3].message).toContain('区不存在局');

    const commit = await post(`/api/catalog/imports/${p.id}/commit`, 'bianban', { version: 1, approvalDocNo: '广安区府发〔2025〕14号', effectiveDate: '2025-09-01' });
    expect(commit.statusCode).toBe(400);
    expect(problem(commit).code).toBe('catalog_import.HAS_ERRORS');
    expect(await itemCount()).toBe(before);
    const names = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from catalog_items where name = '新增的正常事项'`);
    expect(names[0].n).toBe(0);
    expect((await get(`/api/catalog/imports/${p.id}`, 'bianban')).json()).toMatchObject({ state: 'previewed', version: 1 });
  });

  it('reads CSV with a BOM, quoted commas, quotes and line breaks', async () => {
    const csv =
      '\uFEFF序号,事项名称,职权类型,实施主体,备注\r\n' +
      '1,"城市建筑物、设施上张挂,张贴宣传品审批",行政许可,区住建局,"第一行\r\n第二行"\r\n' +
      '2,"他说""好""的事项",公共服务,区民政局,\r\n';
    const res = await upload('bianban', { regionCode: GUANGAN }, { name: '清单.csv', data: csv });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'csv', validRows: 2, errorCount: 0, fileName: '清单.csv' });
    const rows = await allRows(res.json().id);
    expect(rows.map((r) => [r.row, r.content.name, r.content.remarks ?? null, r.content.implementingBody.name])).toEqual([
      [2, '城市建筑物、设施上张挂,张贴宣传品审批', '第一行\r\n第二行', '区住建局'],
      [3, '他说"好"的事项', null, '区民政局'],
    ]);
  });

  it('refuses a non-spreadsheet upload with 400 naming file', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const res = await upload('bianban', { regionCode: GUANGAN }, { name: 'photo.xlsx', data: png });
    expect(res.statusCode).toBe(400);
    expect(problem(res).code).toBe('catalog_import.FILE_TYPE');
    expect(problem(res).errors[0].field).toBe('file');

    const text = await upload('bianban', { regionCode: GUANGAN }, { name: 'notes.csv', data: '会议纪要\n今天讨论了很多事情\n' });
    expect(text.statusCode).toBe(400);
    expect(problem(text).errors[0].field).toBe('file');

    const none = await upload('bianban', { regionCode: GUANGAN });
    expect(none.statusCode).toBe(400);
    expect(problem(none).errors[0].field).toBe('file');

    const json = await t.app.inject({ method: 'POST', url: '/api/catalog/imports', payload: { regionCode: GUANGAN }, headers: h.bianban });
    expect(json.statusCode).toBe(400);
    expect(problem(json).errors[0].field).toBe('file');
  });

  it('needs catalog:review in the region', async () => {
    const file = { name: 'a.csv', data: '事项名称,职权类型,实施主体\n甲,行政许可,区经信局\n' };
    expect((await upload(null, { regionCode: GUANGAN }, file)).statusCode).toBe(401);
    const clerk = await upload('clerk', { regionCode: GUANGAN }, file);
    expect(clerk.statusCode).toBe(403);
    expect(problem(clerk).code).toBe('common.FORBIDDEN');
    const outsider = await upload('jybianban', { regionCode: GUANGAN }, file);
    expect(outsider.statusCode).toBe(404);
    expect(problem(outsider).errors[0].field).toBe('regionCode');
    expect((await get(`/api/catalog/imports/${committedId}`, 'jybianban')).statusCode).toBe(404);
    expect((await post(`/api/catalog/imports/${committedId}/discard`, 'clerk', { version: 2 })).statusCode).toBe(403);
    const list = await get('/api/catalog/imports', 'bianban');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThanOrEqual(5);
    expect((await get('/api/catalog/imports', 'jybianban')).json().items).toEqual([]);
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../platform/errors/index.ts';
import { DEFAULT_TYPE_LABELS } from './catalog.types.rules.ts';
import { mapSheets, orgResolver, summarize } from './import.batch.ts';
import { readSheets, sniffKind } from './import.read.ts';
import type { MapContext } from './import.row.ts';
import { COLUMNS, detectHeader, fieldOfHeader, normalizeHeader, type SourceSheet } from './import.rules.ts';

const ORGS = orgResolver([
  { id: 1, code: 'gaq.jxj', name: '区经信局', shortName: null, uscc: '11511301008778183N', regionCode: '511602', level: 'county' },
  { id: 2, code: 'gaq.spj', name: '广安市广安区行政审批局', shortName: '区行政审批局', uscc: null, regionCode: '511602', level: 'county' },
  { id: 3, code: 'gaq.town', name: '浓洄街道办事处', shortName: null, uscc: null, regionCode: '511602004', level: 'town' },
]);

const ctx: Omit<MapContext, 'sheetType'> = {
  regionCode: '511602',
  regionName: '广安区',
  regionLevel: 'county',
  labels: DEFAULT_TYPE_LABELS,
  createMissingOrgs: false,
  resolveOrg: ORGS,
  regionInScope: (c) => (c.startsWith('511602') ? (c.length === 12 ? (c.slice(6, 9) === '000' ? c.slice(0, 6) : c.slice(0, 9)) : c) : null),
};

const sheet = (rows: string[][], name = 'Sheet1'): SourceSheet => ({ name, rows: rows.map((cells, i) => ({ rowNo: i + 1, cells })) });

describe('column mapping', () => {
  it('has one canonical header per field and no alias claimed twice', () => {
    const seen = new Map<string, string>();
    for (const c of COLUMNS) {
      for (const h of [c.header, ...c.aliases]) {
        const k = normalizeHeader(h);
        expect(seen.get(k) ?? c.key, `${h} is claimed by ${seen.get(k)} and ${c.key}`).toBe(c.key);
        seen.set(k, c.key);
      }
    }
  });

  it('tolerates whitespace, full-width brackets, required marks and notes in brackets', () => {
    expect(fieldOfHeader(' 事项名称（主项） ')).toBe('name');
    expect(fieldOfHeader('事项名称(主项)')).toBe('name');
    expect(fieldOfHeader('*职 权\n类 型')).toBe('itemType');
    expect(fieldOfHeader('法定办结时限（工作日）')).toBe('statutoryDays');
    expect(fieldOfHeader('承诺办结时限(工作日):')).toBe('promisedDays');
    expect(fieldOfHeader('追责对象范围')).toBe('accountability');
    expect(fieldOfHeader('办件类型')).toBe('handlingMode');
    expect(fieldOfHeader('taskType')).toBe('itemType');
    expect(fieldOfHeader('随便一列')).toBeNull();
  });

  it('finds the header below merged title rows', () => {
    const s = sheet([
      ['广安区权责清单（2024年版）', '广安区权责清单（2024年版）', '广安区权责清单（2024年版）'],
      ['', '', ''],
      ['序号', '权力名称', '职权类型', '行使主体', '不认识的列'],
      ['1', '甲', '行政许可', '区经信局', ''],
    ]);
    const h = detectHeader(s)!;
    expect(h.rowNo).toBe(3);
    expect([...h.fields.keys()]).toEqual(['seq', 'name', 'itemType', 'implementingBody']);
    expect(h.unknown).toEqual(['不认识的列']);
  });
});

describe('rows → content', () => {
  it('maps a full power-list row', () => {
    const s = sheet([
      ['序号', '事项名称（主项）', '子项名称', '职权类型', '设定依据', '实施主体', '行使层级', '责任事项', '追责情形', '法定办结时限', '承诺办结时限', '到现场次数', '是否网办', '办件类型', '收费标准', '备注'],
      [
        '1',
        '企业投资项目备案',
        '技术改造',
        '其他行政权力',
        '《企业投资项目核准和备案管理条例》第十三条：实行备案管理的项目…',
        '区经信局',
        '省级、市级、县级',
        '1.受理责任：受理备案。\n2.监管责任：事后监管。',
        '1.不履行职责的；\n2.滥用职权的。',
        '20个工作日',
        '5',
        '0',
        '是',
        '承诺件',
        '不收费',
        '按省规定办理',
      ],
    ]);
    const out = mapSheets([s], 'xlsx', ctx);
    expect(out.errors).toEqual([]);
    const c = out.rows[0].content;
    expect(c).toMatchObject({
      name: '企业投资项目备案',
      subItemName: '技术改造',
      itemType: 'other',
      implementingBody: { orgId: 1, name: '区经信局' },
      regionCode: '511602',
      level: 'county',
      legalBasis: [{ law: '企业投资项目核准和备案管理条例', article: '第十三条', text: '实行备案管理的项目…' }],
      responsibilities: [
        { step: '受理责任', content: '受理备案。' },
        { step: '监管责任', content: '事后监管。' },
      ],
      accountability: ['不履行职责的', '滥用职权的。'],
      statutoryDays: 20,
      promisedDays: 5,
      visits: 0,
      channels: ['window', 'online'],
      handlingMode: 'promised',
      fees: [],
      remarks: '按省规定办理',
    });
  });

  it('reports every bad cell by row and column, in Chinese and English', () => {
    const s = sheet([
      ['清单'],
      ['序号', '事项名称', '职权类型', '实施主体', '法定办结时限', '到现场次数'],
      ['1', '好的事项', '行政许可', '区经信局', '20', '1'],
      ['2', '类型错', '行政许诺', '区经信局', '20', '1'],
      ['3', '', '行政许可', '区经信局', '20', '1'],
      ['4', '天数错', '公共服务', '区经信局', '二十', '1'],
      ['5', '部门错', '行政确认', '区不存在局', '20', '12'],
    ]);
    const out = mapSheets([s], 'xlsx', ctx);
    expect(out.rows).toHaveLength(1);
    expect(out.errors.map((e) => e.message)).toEqual([
      '第 4 行「职权类型」：无法识别的类型“行政许诺”',
      '第 5 行「事项名称」：事项名称不能为空',
      expect.stringMatching(/^第 6 行「法定办结时限」：应为整数（工作日）/),
      expect.stringMatching(/^第 7 行「实施主体」：在“广安区”找不到实施主体机构“区不存在局”/),
      '第 7 行「到现场次数」：到现场次数应在 0–9 之间，而不是 12',
    ]);
    expect(out.errors[0]).toMatchObject({ row: 4, column: '职权类型', field: 'itemType', value: '行政许诺', messageEn: 'Row 4, column "职权类型": unrecognised item type "行政许诺"' });
  });

  it('resolves bodies by short name or code, and records missing ones by name when creating is allowed', () => {
    const s = sheet([
      ['事项名称', '职权类型', '实施主体', '实施主体编码'],
      ['甲', '行政许可', '区行政审批局', ''],
      ['乙', '行政许可', '', '11511301008778183N'],
      ['丙', '公共服务', '浓洄街道办事处', ''],
      ['丁', '公共服务', '区新设局', 'X1'],
    ]);
    const out = mapSheets([s], 'csv', { ...ctx, createMissingOrgs: true });
    expect(out.errors).toEqual([]);
    expect(out.rows.map((r) => [r.content.implementingBody, r.content.regionCode, r.content.level, r.newOrg ?? null])).toEqual([
      [{ orgId: 2, name: '广安市广安区行政审批局' }, '511602', 'county', null],
      [{ orgId: 1, name: '区经信局' }, '511602', 'county', null],
      [{ orgId: 3, name: '浓洄街道办事处' }, '511602004', 'town', null],
      [{ orgId: null, name: '区新设局' }, '511602', 'county', { name: '区新设局', code: 'X1' }],
    ]);
    expect(summarize(out.rows).byDepartment.find((d) => d.name === '区新设局')).toMatchObject({ orgId: null, create: true, count: 1 });
  });

  it('fills 主项 merged down over its 子项 rows and skips section headings', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('行政许可');
    ws.addRow(['广安区行政许可事项清单']);
    ws.mergeCells('A1:D1');
    ws.addRow(['序号', '事项名称（主项）', '子项名称', '实施主体']);
    ws.addRow(['一、教育', '一、教育', '一、教育', '一、教育']);
    ws.addRow([1, '户口登记', '户口恢复', '区经信局']);
    ws.addRow([2, null, '户口注销', '区经信局']);
    ws.mergeCells('B4:B5');
    ws.addRow([3]);
    const { kind, sheets } = await readSheets(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(kind).toBe('xlsx');
    const out = mapSheets(sheets, kind, ctx);
    expect(out.errors).toEqual([]);
    // the sheet's name gives the type when there is no type column
    expect(out.rows.map((r) => [r.row, r.content.name, r.content.subItemName, r.content.itemType])).toEqual([
      [4, '户口登记', '户口恢复', 'licensing'],
      [5, '户口登记', '户口注销', 'licensing'],
    ]);
  });

  it('flags a repeated implementation code', () => {
    const s = sheet([
      ['事项名称', '职权类型', '实施主体', '实施编码'],
      ['甲', '行政许可', '区经信局', 'C-1'],
      ['乙', '行政许可', '区经信局', 'C-1'],
    ]);
    const out = mapSheets([s], 'csv', ctx);
    expect(out.errors.map((e) => e.message)).toEqual(['第 3 行「实施编码」：实施编码“C-1”与第 2 行重复']);
  });

  it('reads the sample JSON form: mainItem groups, 未分类 means none', async () => {
    const json = JSON.stringify([
      { department: '区经信局', mainItem: '未分类', name: '企业投资项目备案', itemCode: 'A-1', taskType: 10, areaCode: '511602000000', deptCode: 'x' },
      { department: '区经信局', mainItem: '户口登记（包括注销、恢复、变更）', name: '户口恢复', itemCode: 'A-2', taskType: 7, areaCode: '511602000000', deptCode: 'x' },
    ]);
    const { kind, sheets } = await readSheets(Buffer.from(json));
    expect(kind).toBe('json');
    const out = mapSheets(sheets, kind, ctx);
    expect(out.errors).toEqual([]);
    expect(out.rows.map((r) => [r.row, r.content.name, r.content.subItemName, r.content.itemType, r.content.implCode])).toEqual([
      [1, '企业投资项目备案', undefined, 'other', 'A-1'],
      [2, '户口登记（包括注销、恢复、变更）', '户口恢复', 'confirmation', 'A-2'],
    ]);
  });
});

describe('file kinds', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (isDomainError(e)) return [e.code, e.fields[0]?.field];
    }
    return null;
  };

  it('knows xlsx by its zip magic and text by its encoding', () => {
    expect(sniffKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0])).kind).toBe('xlsx');
    expect(sniffKind(Buffer.from('\uFEFF事项名称,职权类型\n甲,行政许可\n')).kind).toBe('csv');
    // GB18030 text as Excel on Chinese Windows writes "CSV"
    const gbk = Buffer.from([0xca, 0xc2, 0xcf, 0xee, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x61, 0x0a]);
    expect(sniffKind(gbk).text).toBe('事项名称,a\n');
    expect(sniffKind(Buffer.from('[{"name":"甲"}]')).kind).toBe('json');
  });

  it('refuses images, old .xls and empty files naming the file field', () => {
    expect(code(() => sniffKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])))).toEqual(['catalog_import.FILE_TYPE', 'file']);
    expect(code(() => sniffKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])))).toEqual(['catalog_import.LEGACY_XLS', 'file']);
    expect(code(() => sniffKind(Buffer.alloc(0)))).toEqual(['catalog_import.FILE_UNREADABLE', 'file']);
  });

  it('refuses a zip that is not a workbook and text without a header', async () => {
    await expect(readSheets(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]))).rejects.toMatchObject({ code: 'catalog_import.FILE_UNREADABLE' });
    const { kind, sheets } = await readSheets(Buffer.from('hello, world\nthis is not a list\n'));
    expect(code(() => mapSheets(sheets, kind, ctx))).toEqual(['catalog_import.NO_HEADER', 'file']);
  });
});

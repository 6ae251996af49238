import { describe, expect, it } from 'vitest';
import { csvLine, guardFormula, parseCsv, unguardFormula, UTF8_BOM, CsvSyntaxError } from './csv.ts';
import * as v from './import.values.ts';

describe('CSV (RFC 4180)', () => {
  it('quotes commas, quotes and line breaks, and reads them back with BOM and CRLF', () => {
    const rows = [
      ['序号', '事项名称', '备注'],
      ['1', '水利工程审查(据省政府令第349号,部分省级权限下放)', '他说"可以"'],
      ['2', '多行\r\n文本', ''],
    ];
    const text = UTF8_BOM + rows.map(csvLine).join('');
    expect(text.startsWith('\uFEFF序号,事项名称,备注\r\n')).toBe(true);
    expect(text).toContain('"水利工程审查(据省政府令第349号,部分省级权限下放)"');
    expect(text).toContain('"他说""可以"""');
    const back = parseCsv(text);
    expect(back.map((r) => r.fields)).toEqual(rows);
    expect(back.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('accepts LF and CR line ends, a last record without a line break, and empty fields', () => {
    expect(parseCsv('a,b\nc,\r\n,d\re,"f\ng"').map((r) => r.fields)).toEqual([['a', 'b'], ['c', ''], ['', 'd'], ['e', 'f\ng']]);
    expect(parseCsv('a,"x\ny"\nb,c\n').map((r) => r.line)).toEqual([1, 3]);
  });

  it('refuses an unterminated quote, naming its line', () => {
    expect(() => parseCsv('a,b\n"open,c\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n"open,c\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
  });

  it('guards formula-looking cells and unguards them', () => {
    expect(guardFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(guardFormula('行政许可')).toBe('行政许可');
    expect(unguardFormula(guardFormula('-'))).toBe('-');
    expect(unguardFormula("'普通")).toBe("'普通");
  });
});

describe('cell values', () => {
  it('reads working days', () => {
    expect(v.parseDays('20')).toEqual({ ok: true, value: 20 });
    expect(v.parseDays('20个工作日')).toEqual({ ok: true, value: 20 });
    expect(v.parseDays(' 15 工作日 ')).toEqual({ ok: true, value: 15 });
    expect(v.parseDays('即办')).toEqual({ ok: true, value: 0 });
    expect(v.parseDays('')).toEqual({ ok: true, value: null });
    expect(v.parseDays('无')).toEqual({ ok: true, value: null });
    const bad = v.parseDays('二十天左右');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.zh).toContain('应为整数');
  });

  it('reads visits 0–9', () => {
    expect(v.parseVisits('0')).toEqual({ ok: true, value: 0 });
    expect(v.parseVisits('1次')).toEqual({ ok: true, value: 1 });
    expect(v.parseVisits('最多跑一次')).toEqual({ ok: true, value: 1 });
    expect(v.parseVisits('12').ok).toBe(false);
    expect(v.parseVisits('多次').ok).toBe(false);
  });

  it('reads yes/no, handling modes, variants, channels, scope and applicant kinds', () => {
    expect(v.parseYesNo('是')).toEqual({ ok: true, value: true });
    expect(v.parseYesNo('否')).toEqual({ ok: true, value: false });
    expect(v.parseYesNo('Y')).toEqual({ ok: true, value: true });
    expect(v.parseYesNo('也许').ok).toBe(false);
    expect(v.parseHandlingMode('即办件')).toEqual({ ok: true, value: 'immediate' });
    expect(v.parseHandlingMode('承诺件')).toEqual({ ok: true, value: 'promised' });
    expect(v.parseHandlingMode('上报件').ok).toBe(false);
    expect(v.parseVariant('变更')).toEqual({ ok: true, value: 'change' });
    expect(v.parseChannels('网上办理、窗口办理')).toEqual({ ok: true, value: ['window', 'online'] });
    expect(v.parseScope('全市通办，跨省通办')).toEqual({ ok: true, value: ['city_wide', 'cross_province'] });
    expect(v.parseApplicantKinds('法人、自然人')).toEqual({ ok: true, value: ['person', 'legal'] });
  });

  it('reads levels, preferring the importing region’s level among several', () => {
    expect(v.parseLevel('省级、市级、县级', 'county')).toEqual({ ok: true, value: 'county' });
    expect(v.parseLevel('县（市、区）级', 'county')).toEqual({ ok: true, value: 'county' });
    expect(v.parseLevel('乡镇（街道）', 'county')).toEqual({ ok: true, value: 'town' });
    expect(v.parseLevel('省、市、县三级', 'town')).toEqual({ ok: true, value: 'county' });
    expect(v.parseLevel('中央', 'county').ok).toBe(false);
  });

  it('splits numbered lists and formats them back', () => {
    expect(v.parseList('（1）甲；（2）乙；（3）丙')).toEqual(['甲', '乙', '丙']);
    expect(v.parseList('1.身份证\n2.户口簿')).toEqual(['身份证', '户口簿']);
    expect(v.parseList('身份证\n户口簿', { lines: true })).toEqual(['身份证', '户口簿']);
    expect(v.parseList('罚款1.5万元以下')).toEqual(['罚款1.5万元以下']);
    for (const list of [['一项'], ['甲', '乙'], ['含\n换行'], ['1.5倍']]) expect(v.parseList(v.formatList(list))).toEqual(list);
  });

  it('reads legal bases by 《title》 with articles, and formats them back', () => {
    const text = '1.《中华人民共和国行政许可法》第二十九条第一款：公民申请行政许可，应当如实提交材料。\n2.《四川省教育条例》第十条；《国务院对确需保留的行政审批项目设定行政许可的决定》';
    const list = v.parseLegalBasis(text);
    expect(list).toEqual([
      { law: '中华人民共和国行政许可法', article: '第二十九条第一款', text: '公民申请行政许可，应当如实提交材料。' },
      { law: '四川省教育条例', article: '第十条' },
      { law: '国务院对确需保留的行政审批项目设定行政许可的决定' },
    ]);
    expect(v.parseLegalBasis(v.formatLegalBasis(list as never))).toEqual(list);
    expect(v.parseLegalBasis('国务院令第412号')).toEqual([{ law: '国务院令第412号' }]);
  });

  it('reads responsibilities by step with their basis, and formats them back', () => {
    const list = v.parseResponsibilities('1.受理责任：公示应当提交的材料。\n2.审查责任：审查申请材料。', '1.《行政许可法》第三十条\n2.《行政许可法》第三十四条');
    expect(list).toEqual([
      { step: '受理责任', content: '公示应当提交的材料。', basis: '《行政许可法》第三十条' },
      { step: '审查责任', content: '审查申请材料。', basis: '《行政许可法》第三十四条' },
    ]);
    const f = v.formatResponsibilities(list as never);
    expect(v.parseResponsibilities(f.text, f.basis)).toEqual(list);
    expect(v.parseResponsibilities('依法履行监管职责', '')).toEqual([{ step: v.GENERIC_STEP, content: '依法履行监管职责' }]);
  });

  it('reads fees', () => {
    expect(v.parseFees('不收费', '')).toEqual([]);
    expect(v.parseFees('工本费：10元\n登记费：20元', '发改价格〔2019〕1号')).toEqual([
      { name: '工本费', amount: '10元', basis: '发改价格〔2019〕1号' },
      { name: '登记费', amount: '20元', basis: '发改价格〔2019〕1号' },
    ]);
    const one = v.parseFees('按面积每平方米3元', '');
    expect(one).toEqual([{ name: v.GENERIC_FEE, amount: '按面积每平方米3元' }]);
    expect(v.parseFees(v.formatFees(one as never).text, '')).toEqual(one);
  });
});

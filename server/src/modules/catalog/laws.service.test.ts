import { describe, expect, it } from 'vitest';
import { articleNumber, chineseNumber, LawService, parseLaw } from './laws.service.ts';

describe('chineseNumber', () => {
  it('reads the numerals articles are numbered with', () => {
    expect(chineseNumber('一')).toBe(1);
    expect(chineseNumber('十')).toBe(10);
    expect(chineseNumber('十二')).toBe(12);
    expect(chineseNumber('四十二')).toBe(42);
    expect(chineseNumber('一百')).toBe(100);
    expect(chineseNumber('二百零一')).toBe(201);
    expect(chineseNumber('一百一十')).toBe(110);
    expect(chineseNumber('一千二百六十')).toBe(1260);
    expect(chineseNumber('四十x')).toBeNull();
    expect(chineseNumber('')).toBeNull();
  });
});

describe('articleNumber', () => {
  it('accepts digits, the label and the bare numeral', () => {
    expect(articleNumber('42')).toBe(42);
    expect(articleNumber('第四十二条')).toBe(42);
    expect(articleNumber('四十二')).toBe(42);
    expect(articleNumber('第42条')).toBe(42);
    expect(articleNumber('0')).toBeNull();
    expect(articleNumber('第四十二条第一款')).toBeNull();
    expect(articleNumber('abc')).toBeNull();
  });
});

describe('parseLaw', () => {
  const md = [
    '# 中华人民共和国示例法',
    '',
    '2020年1月1日 通过',
    '',
    '<!-- INFO END -->',
    '',
    '## 第一章 总 则',
    '',
    '第一条 为了示例，制定本法。',
    '',
    '第二条　本法所称示例：',
    '',
    '（一）第一种；',
    '',
    '（二）第二种。',
    '',
    '## 第二章 程序',
    '',
    '### 第一节 申请',
    '',
    '第三条 申请人应当如实提交材料。',
    '',
  ].join('\n');

  it('reads title, notes, chapters, sections and every paragraph of an article', () => {
    const law = parseLaw('shili', md);
    expect(law.title).toBe('中华人民共和国示例法');
    expect(law.part).toBeNull();
    expect(law.notes).toEqual(['2020年1月1日 通过']);
    expect(law.articles.map((a) => a.no)).toEqual([1, 2, 3]);
    expect(law.articles[1]).toEqual({ no: 2, label: '第二条', chapter: '第一章 总 则', section: null, text: '本法所称示例：\n（一）第一种；\n（二）第二种。' });
    expect(law.articles[2]).toMatchObject({ chapter: '第二章 程序', section: '第一节 申请', text: '申请人应当如实提交材料。' });
  });
});

describe('LawService over server/data/laws', () => {
  const laws = new LawService();

  it('lists the bundled statutes with the names they are cited by', () => {
    const { items } = laws.list();
    const licensing = items.find((l) => l.id === 'xingzheng-xuke-fa-2019');
    expect(licensing).toMatchObject({ title: '中华人民共和国行政许可法', articleCount: 83 });
    expect(licensing?.aliases).toEqual(['中华人民共和国行政许可法', '行政许可法']);
    expect(items.find((l) => l.id === 'minfadian-zongze')).toMatchObject({ title: '中华人民共和国民法典', part: '总则', articleCount: 204, lastArticle: 204 });
    expect(items.find((l) => l.id === 'youhua-yingshang-huanjing-tiaoli-2019')?.aliases).toEqual(['优化营商环境条例']);
  });

  it('answers one article by number or label', () => {
    const a = laws.article('xingzheng-xuke-fa-2019', '第四十二条');
    expect(a).toMatchObject({ lawTitle: '中华人民共和国行政许可法', no: 42, label: '第四十二条', chapter: '第四章 行政许可的实施程序' });
    expect(a.text).toMatch(/^除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定/);
    expect(laws.article('xingzheng-xuke-fa-2019', '42')).toEqual(a);
    expect(laws.article('minfadian-zongze', '201').text).toContain('按照年、月、日计算期间的，开始的当日不计入');
  });

  it('reports a missing law or article as not found', () => {
    expect(() => laws.article('no-such-law', '1')).toThrow(expect.objectContaining({ code: 'catalog.LAW_NOT_FOUND' }));
    expect(() => laws.article('xingzheng-xuke-fa-2019', '999')).toThrow(expect.objectContaining({ code: 'catalog.ARTICLE_NOT_FOUND' }));
    expect(() => laws.article('xingzheng-xuke-fa-2019', 'x')).toThrow(expect.objectContaining({ code: 'catalog.ARTICLE_NOT_FOUND' }));
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildTsvector,
  compileSynonyms,
  escapeHtml,
  highlight,
  indexTokens,
  matchRanges,
  minimumMatch,
  normalizeTerm,
  parseQuery,
  quoteLexeme,
  relaxedQuery,
  snippet,
} from './search.rules.ts';

const SYNONYMS = compileSynonyms([
  { term: '开饭店', expansions: ['餐饮', '食品经营'] },
  { term: '公积金', expansions: ['住房公积金'] },
  { term: '身份证', expansions: ['居民身份证'] },
  { term: 'ＫＴＶ', expansions: ['娱乐场所'] },
]);

describe('tokenisation', () => {
  it('indexes whole words and their dictionary sub-words, without punctuation and function words', () => {
    const tokens = indexTokens('食品（含保健食品）经营许可核发');
    expect(tokens).toEqual(expect.arrayContaining(['食品', '保健', '保健食品', '经营', '许可', '核发']));
    expect(tokens.some((t) => /[（）()]/.test(t))).toBe(false);
    expect(indexTokens('住房公积金的提取')).toEqual(expect.arrayContaining(['住房', '公积金', '提取']));
    expect(indexTokens('住房公积金的提取')).not.toContain('的');
  });

  it('folds full-width forms and case', () => {
    expect(indexTokens('ＡＢＣ公司１２３')).toEqual(expect.arrayContaining(['abc', '公司', '123']));
    expect(normalizeTerm(' ＫＴＶ 包厢 ')).toBe('ktv包厢');
  });

  it('builds a weighted tsvector literal with running positions', () => {
    const v = buildTsvector({ A: ['食品经营许可'], B: ['广安区市场监督管理局'], C: ['营业执照复印件'], D: ['多长时间'] });
    expect(v).toMatch(/'食品':1A\b/);
    expect(v).toMatch(/'营业执照':\d+C\b/);
    expect(v).toMatch(/'时间':\d+( |$)/); // weight D is written without a letter
    expect(buildTsvector({ A: [''], B: [null, undefined] })).toBe('');
  });

  it('quotes lexemes safely for tsvector and tsquery literals', () => {
    expect(quoteLexeme("o'brien")).toBe("'o''brien'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
  });
});

describe('query parsing', () => {
  it('expands an everyday word through the synonyms into an OR of formal terms', () => {
    const p = parseQuery('开饭店', SYNONYMS);
    expect(p.expanded).toEqual(['开饭店', '餐饮', '食品经营']);
    expect(p.concepts).toHaveLength(1);
    expect(p.tsqueryAll).toContain("'餐饮':*");
    expect(p.tsqueryAll).toContain("('食品':* & '经营':*)");
    expect(p.highlights).toEqual(expect.arrayContaining(['餐饮', '食品', '经营']));
  });

  it('drops question phrases and keeps the matter', () => {
    const p = parseQuery('我想开饭店，需要什么材料？', SYNONYMS);
    expect(p.expanded).toEqual(['开饭店', '餐饮', '食品经营']);
    expect(p.fuzzyText).toBe('开饭店');
  });

  it('requires every concept, and the relaxed query most of them', () => {
    const p = parseQuery('公积金 提取', SYNONYMS);
    expect(p.concepts.map((c) => c.text)).toEqual(['公积金', '提取']);
    expect(p.tsqueryAll).toMatch(/ & '提取':\*$/);
    expect(p.tsqueryAny).toMatch(/ \| '提取':\*$/);
    expect(minimumMatch(2)).toBe(1);
    expect(minimumMatch(3)).toBe(2);
    expect(minimumMatch(4)).toBe(3);
    expect(relaxedQuery(['a', 'b', 'c'])).toBe('(a & b) | (a & c) | (b & c)');
  });

  it('matches a word also as its sub-words at their character distances (the document may have segmented it differently)', () => {
    expect(parseQuery('建筑工程').tsqueryAll).toBe("('建筑工程':* | ('建筑':* <2> '工程':*))");
  });

  it('treats single characters as weak unless last (as you type)', () => {
    const typo = parseQuery('建筑工程施工许可正核发');
    expect(typo.concepts.map((c) => c.text)).not.toContain('正');
    expect(typo.fuzzyText).toBe('建筑工程施工许可正核发');
    expect(parseQuery('营业执').concepts.map((c) => c.text)).toEqual(['营业', '执']);
  });

  it('yields no query for punctuation only', () => {
    const p = parseQuery('！！？', SYNONYMS);
    expect(p.tsqueryAll).toBeNull();
    expect(p.concepts).toEqual([]);
  });

  it('normalises synonym terms (full width, case)', () => {
    expect(parseQuery('ktv', SYNONYMS).expanded).toEqual(['ktv', '娱乐场所']);
  });
});

describe('highlighting', () => {
  it('wraps matches in <em> and escapes everything else', () => {
    expect(highlight('<b>食品</b>经营&许可', ['食品', '经营'])).toBe('&lt;b&gt;<em>食品</em>&lt;/b&gt;<em>经营</em>&amp;许可');
    expect(highlight('<script>alert("x")</script>', ['script'])).toBe('&lt;<em>script</em>&gt;alert(&quot;x&quot;)&lt;/<em>script</em>&gt;');
    expect(escapeHtml(`'"`)).toBe('&#39;&quot;');
  });

  it('merges overlapping matches and compares normalised text', () => {
    expect(highlight('住房公积金提取', ['公积金', '住房公积金'])).toBe('<em>住房公积金</em>提取');
    expect(matchRanges('ＡＢＣ公司', ['abc'])).toEqual([[0, 3]]);
    expect(highlight('ＡＢＣ公司', ['abc'])).toBe('<em>ＡＢＣ</em>公司');
  });

  it('cuts a snippet around the first match, with ellipses', () => {
    const text = '受理条件：申请人已依法取得营业执照或其他主体资格证明；申请材料齐全、符合法定形式\n申请材料：很多';
    expect(snippet(text, ['营业执照'], 20, 5)).toBe('…已依法取得<em>营业执照</em>或其他主体资格证明；申…');
    expect(snippet(text, ['公积金'])).toBeNull();
  });
});

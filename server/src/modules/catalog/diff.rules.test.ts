import { describe, expect, it } from 'vitest';
import { ItemContent, type ItemContentInput } from './catalog.content.ts';
import { DIFF_FIELDS, FIELD_LABELS, LIST_IDENTITY, SUB_FIELD_LABELS, diffContent } from './diff.rules.ts';

const base: ItemContentInput = {
  name: '食品经营许可',
  baseCode: 'XK00101001',
  itemType: 'licensing',
  implementingBody: { orgId: 5, name: '江阴市市场监督管理局' },
  legalBasis: [
    { law: '中华人民共和国食品安全法', article: '第三十五条' },
    { law: '食品经营许可和备案管理办法', article: '第六条' },
  ],
  materials: [
    { name: '食品经营许可申请书', copies: 1 },
    { name: '营业执照复印件', copies: 1, form: 'copy' },
    { name: '食品安全管理制度', copies: 1, deferrable: true },
  ],
  process: [{ name: '受理' }, { name: '审查' }, { name: '决定' }],
  statutoryDays: 20,
  promisedDays: 5,
  channels: ['window', 'online'],
  faq: [{ q: '需要现场核查吗？', a: '视情况而定。' }],
};
const parse = (c: ItemContentInput) => ItemContent.parse(c);
const withChange = (f: (c: ItemContentInput) => void) => {
  const c = structuredClone(base);
  f(c);
  return parse(c);
};

describe('diffContent', () => {
  it('finds nothing between equal contents, whatever the key order', () => {
    const a = parse(base);
    const reordered = Object.fromEntries(Object.entries(structuredClone(base)).reverse()) as ItemContentInput;
    expect(diffContent(a, parse(reordered))).toEqual({ changes: [], summary: { fields: 0, added: 0, removed: 0, changed: 0 } });
  });

  it('reports exactly the copies count of the one material that changed', () => {
    const after = withChange((c) => {
      c.materials![1].copies = 2;
    });
    const d = diffContent(parse(base), after);
    expect(d.changes).toEqual([
      {
        kind: 'list',
        field: 'materials',
        label: { zh: '申请材料', en: 'Required materials' },
        added: [],
        removed: [],
        changed: [{ key: '营业执照复印件', beforeIndex: 1, afterIndex: 1, changes: [{ field: 'copies', label: { zh: '份数', en: 'Copies' }, before: 1, after: 2 }] }],
        reordered: false,
      },
    ]);
    expect(d.summary).toEqual({ fields: 1, added: 0, removed: 0, changed: 1 });
  });

  it('reports scalar changes with before and after, absent as null', () => {
    const after = withChange((c) => {
      c.promisedDays = 3;
      c.place = '江阴市政务服务中心 2 楼';
    });
    const d = diffContent(parse(base), after);
    expect(d.changes).toEqual([
      { kind: 'value', field: 'promisedDays', label: FIELD_LABELS.promisedDays, before: 5, after: 3 },
      { kind: 'value', field: 'place', label: FIELD_LABELS.place, before: null, after: '江阴市政务服务中心 2 楼' },
    ]);
  });

  it('matches legal basis by law and article: a new article is an addition, not a change', () => {
    const after = withChange((c) => {
      c.legalBasis![1] = { law: '食品经营许可和备案管理办法', article: '第七条' };
      c.legalBasis![0].text = '国家对食品生产经营实行许可制度。';
    });
    const d = diffContent(parse(base), after);
    expect(d.changes).toHaveLength(1);
    const lb = d.changes[0];
    expect(lb.kind).toBe('list');
    if (lb.kind !== 'list') return;
    expect(lb.removed.map((e) => e.key)).toEqual(['食品经营许可和备案管理办法 第六条']);
    expect(lb.added.map((e) => e.key)).toEqual(['食品经营许可和备案管理办法 第七条']);
    expect(lb.changed).toEqual([
      { key: '中华人民共和国食品安全法 第三十五条', beforeIndex: 0, afterIndex: 0, changes: [{ field: 'text', label: { zh: '条文内容', en: 'Text' }, before: null, after: '国家对食品生产经营实行许可制度。' }] },
    ]);
  });

  it('orders removed entries by the old list and added entries by the new list, and flags a reorder', () => {
    const after = withChange((c) => {
      c.process = [{ name: '决定' }, { name: '受理' }, { name: '勘验' }, { name: '送达' }];
    });
    const d = diffContent(parse(base), after);
    const p = d.changes[0];
    if (p.kind !== 'list') throw new Error('expected a list diff');
    expect(p.field).toBe('process');
    expect(p.removed).toEqual([{ key: '审查', index: 1, value: { name: '审查' } }]);
    expect(p.added.map((e) => [e.key, e.index])).toEqual([
      ['勘验', 2],
      ['送达', 3],
    ]);
    expect(p.changed).toEqual([]);
    expect(p.reordered).toBe(true);
  });

  it('diffs value lists as sets of values and keeps fields in label-table order', () => {
    const after = withChange((c) => {
      c.channels = ['online', 'post'];
      c.name = '食品经营许可（新办）';
      c.faq = [];
      c.implementingBody = { orgId: 5, name: '江阴市行政审批局' };
    });
    const d = diffContent(parse(base), after);
    expect(d.changes.map((c) => c.field)).toEqual(['name', 'implementingBody', 'channels', 'faq']);
    const ch = d.changes[2];
    if (ch.kind !== 'list') throw new Error('expected a list diff');
    expect(ch.added).toEqual([{ key: 'post', index: 1, value: 'post' }]);
    expect(ch.removed).toEqual([{ key: 'window', index: 0, value: 'window' }]);
    expect(d.changes[1]).toEqual({
      kind: 'object',
      field: 'implementingBody',
      label: FIELD_LABELS.implementingBody,
      changes: [{ field: 'name', label: { zh: '机构名称', en: 'Name' }, before: '江阴市市场监督管理局', after: '江阴市行政审批局' }],
    });
    const faq = d.changes[3];
    if (faq.kind !== 'list') throw new Error('expected a list diff');
    expect(faq.removed.map((e) => e.key)).toEqual(['需要现场核查吗？']);
  });

  it('pairs repeated identities in order (#2)', () => {
    const before = withChange((c) => {
      c.materials = [{ name: '身份证明', copies: 1 }, { name: '身份证明', copies: 1 }];
    });
    const after = withChange((c) => {
      c.materials = [{ name: '身份证明', copies: 1 }, { name: '身份证明', copies: 3 }];
    });
    const m = diffContent(before, after).changes[0];
    if (m.kind !== 'list') throw new Error('expected a list diff');
    expect(m.changed.map((e) => [e.key, e.changes[0].field, e.changes[0].after])).toEqual([['身份证明#2', 'copies', 3]]);
  });

  it('has a Chinese and English label for every content field and sub-field', () => {
    expect([...DIFF_FIELDS].sort()).toEqual(Object.keys(ItemContent.shape).sort());
    for (const l of Object.values(FIELD_LABELS)) expect(l.zh && l.en).toBeTruthy();
    const subSchemas: Record<string, string[]> = {
      materials: Object.keys(ItemContent.shape.materials.unwrap().element.shape),
      legalBasis: Object.keys(ItemContent.shape.legalBasis.unwrap().element.shape),
      process: Object.keys(ItemContent.shape.process.unwrap().element.shape),
      specialProcedures: Object.keys(ItemContent.shape.specialProcedures.unwrap().element.shape),
      fees: Object.keys(ItemContent.shape.fees.unwrap().element.shape),
      faq: Object.keys(ItemContent.shape.faq.unwrap().element.shape),
      forms: Object.keys(ItemContent.shape.forms.unwrap().element.shape),
      responsibilities: Object.keys(ItemContent.shape.responsibilities.unwrap().element.shape),
      implementingBody: Object.keys(ItemContent.shape.implementingBody.shape),
    };
    for (const [field, keys] of Object.entries(subSchemas)) {
      expect(Object.keys(SUB_FIELD_LABELS[field as keyof typeof SUB_FIELD_LABELS]).sort(), field).toEqual(keys.sort());
    }
    expect(Object.keys(LIST_IDENTITY).sort()).toEqual(Object.keys(subSchemas).filter((f) => f !== 'implementingBody').sort());
  });
});

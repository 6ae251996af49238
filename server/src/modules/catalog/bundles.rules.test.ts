import { describe, expect, it } from 'vitest';
import { isDomainError, type DomainError } from '../../platform/errors/index.ts';
import { definitionProblems, evaluateBundle, materialReferenceProblems, normaliseAnswers, resolveAnswers, type BundleDefinition } from './bundles.rules.ts';
import { mergeMaterials, normaliseMaterialName } from './bundles.materials.rules.ts';
import { COMPANY_IDS, COMPANY_QUESTIONS, companyDefinition, companyItems, content } from './bundles.test-fixtures.ts';

const ALL = { premises: ['rented'], services: ['seal', 'invoice', 'social', 'bank'], employees: ['yes'] };

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return e;
    throw e;
  }
  throw new Error('expected a domain error');
}

describe('normaliseMaterialName', () => {
  it('folds width, punctuation and form words so the same document compares equal', () => {
    expect(normaliseMaterialName('营业执照副本（复印件）')).toBe('营业执照');
    expect(normaliseMaterialName('营业执照 原件')).toBe('营业执照');
    expect(normaliseMaterialName('《公司章程》')).toBe('公司章程');
    expect(normaliseMaterialName('ＡＢＣ申请表')).toBe('abc申请表');
    expect(normaliseMaterialName('复印件')).toBe('复印件');
  });
});

describe('evaluateBundle (开办企业)', () => {
  const items = companyItems();

  it('merges the materials of five items: one legal representative ID for four items, strictest form and copies', () => {
    const r = evaluateBundle(companyDefinition(COMPANY_IDS), items, ALL);
    expect(r.items.map((i) => i.name)).toEqual(['公司设立登记', '公章刻制备案', '发票申领', '企业参保登记', '银行开户']);
    expect(r.materials.map((m) => m.name)).toEqual([
      '公司登记（备案）申请书',
      '公司章程',
      '法定代表人身份证',
      '住所使用证明',
      '房屋租赁合同',
      '印章刻制申请表',
      '经办人身份证',
      '发票领用申请表',
      '社会保险登记表',
      '开户申请书',
    ]);
    const rep = r.materials.find((m) => m.name === '法定代表人身份证');
    expect(rep).toMatchObject({ form: 'original_and_copy', copies: 2, requirement: 'required', licenseType: '居民身份证' });
    expect(rep?.items.map((i) => i.name)).toEqual(['公司设立登记', '公章刻制备案', '发票申领', '银行开户']);
    expect(rep?.names).toEqual(['法定代表人身份证', '法定代表人身份证复印件']);
    // same licence type, different holder: two cards
    expect(r.materials.find((m) => m.name === '经办人身份证')?.items.map((i) => i.name)).toEqual(['发票申领', '企业参保登记']);
    expect(r.materials.find((m) => m.name === '房屋租赁合同')).toMatchObject({ requirement: 'required', because: ['租赁房屋'] });
    expect(r.materials.find((m) => m.name === '印章刻制申请表')?.deferrable).toBe(true);
    // the business licence is issued by registration inside the bundle: nobody asks for it
    expect(r.excludedMaterials.filter((x) => x.reason === 'produced').map((x) => x.itemName)).toEqual(['公章刻制备案', '发票申领', '企业参保登记', '银行开户']);
    expect(r.excludedMaterials.filter((x) => x.reason === 'situation').map((x) => x.name)).toEqual(['房屋产权证明']);
    expect(r.totals).toEqual({ items: 5, materials: 10, materialsBeforeMerge: 14, formFields: 6, maxPromisedDays: 3 });
  });

  it('merges by e-licence type when the bundle does not issue the licence itself', () => {
    const r = evaluateBundle(companyDefinition(COMPANY_IDS, { produces: false }), items, ALL);
    const lic = r.materials.find((m) => m.licenseType === '营业执照');
    expect(lic?.items.map((i) => i.name)).toEqual(['公章刻制备案', '发票申领', '企业参保登记', '银行开户']);
    expect(lic).toMatchObject({ name: '营业执照', form: 'original_and_copy', source: 'applicant', medium: 'electronic' });
    expect(r.materials.filter((m) => m.licenseType === '营业执照')).toHaveLength(1);
  });

  it('changes items and materials with the situation answers', () => {
    const owner = evaluateBundle(companyDefinition(COMPANY_IDS), items, { premises: ['own'], services: ['seal'] });
    expect(owner.items.map((i) => i.name)).toEqual(['公司设立登记', '公章刻制备案']);
    expect(owner.skippedItems.map((s) => [s.name, s.reason])).toEqual([
      ['发票申领', 'not_applicable'],
      ['企业参保登记', 'not_applicable'],
      ['银行开户', 'not_applicable'],
    ]);
    expect(owner.hiddenQuestions).toEqual(['employees']);
    const names = owner.materials.map((m) => m.name);
    expect(names).toContain('房屋产权证明');
    expect(names).not.toContain('房屋租赁合同');

    const commit = evaluateBundle(companyDefinition(COMPANY_IDS), items, { premises: ['commitment'], services: ['social'], employees: ['no'] });
    expect(commit.items.map((i) => i.name)).toEqual(['公司设立登记']);
    expect(commit.waivedMaterials).toEqual([{ name: '住所使用证明', items: [{ itemId: 1, name: '公司设立登记' }], by: ['住所申报承诺制'] }]);
    expect(commit.materials.map((m) => m.name)).not.toContain('住所使用证明');
  });

  it('unites form fields by key: first label, required if any item requires it, options united', () => {
    const r = evaluateBundle(companyDefinition(COMPANY_IDS), items, ALL);
    expect(r.formFields.map((f) => f.key)).toEqual(['companyName', 'legalRepName', 'legalRepId', 'address', 'sealKinds', 'agentPhone']);
    expect(r.formFields[0]).toMatchObject({ label: '企业名称', required: true, items: [{ itemId: 1 }, { itemId: 2 }, { itemId: 3 }] });
    expect(r.formFields.find((f) => f.key === 'sealKinds')).toMatchObject({ required: true, options: ['公章', '财务专用章', '法人章'] });
    expect(r.formFields.find((f) => f.key === 'agentPhone')).toMatchObject({ required: true, items: [{ itemId: 3 }, { itemId: 4 }] });
  });

  it('names the unanswered required question', () => {
    const e = thrown(() => evaluateBundle(companyDefinition(COMPANY_IDS), items, { premises: ['rented'], services: ['social'] }));
    expect(e.code).toBe('catalog.UNANSWERED');
    expect(e.zh).toContain('是否已招用员工？');
    expect(e.fields).toEqual([expect.objectContaining({ field: 'answers.employees' })]);
    // previews report it instead
    const partial = evaluateBundle(companyDefinition(COMPANY_IDS), items, { premises: ['rented'], services: ['social'] }, { partial: true });
    expect(partial.unanswered).toEqual([{ key: 'employees', text: '是否已招用员工？' }]);
  });

  it('rejects unknown questions, unknown options and two answers to a single-choice question', () => {
    const q = COMPANY_QUESTIONS;
    expect(thrown(() => resolveAnswers(q, { premises: ['rented'], services: ['seal'], colour: ['red'] })).fields[0].field).toBe('answers.colour');
    expect(thrown(() => resolveAnswers(q, { premises: ['tent'], services: ['seal'] })).code).toBe('catalog.BAD_ANSWER');
    expect(thrown(() => resolveAnswers(q, { premises: ['own', 'rented'], services: ['seal'] })).fields[0].field).toBe('answers.premises');
    expect(normaliseAnswers({ premises: 'own', services: ['seal', 'seal', ' '], x: null })).toEqual({ premises: ['own'], services: ['seal'], x: [] });
  });

  it('leaves out unpublished member items', () => {
    const draft = companyItems();
    const bank = draft.get(5);
    if (bank) draft.set(5, { ...bank, status: 'draft' });
    const r = evaluateBundle(companyDefinition(COMPANY_IDS), draft, ALL);
    expect(r.skippedItems).toEqual([{ itemId: 5, name: '银行开户', reason: 'unavailable' }]);
    expect(r.materials.map((m) => m.name)).not.toContain('开户申请书');
  });
});

describe('mergeMaterials', () => {
  it('asks once for a material three items need, keeping the strictest requirement', () => {
    const a = content('A', '甲局', [{ name: '无犯罪记录证明', requirement: 'optional', proofCode: 'zm-001' }]);
    const b = content('B', '乙局', [{ name: '无犯罪记录证明（原件）', requirement: 'conditional', condition: '从事教育的', copies: 2 }]);
    const c = content('C', '丙局', [{ name: '有无犯罪记录的证明', requirement: 'required', proofCode: 'ZM-001', medium: 'paper' }]);
    const r = mergeMaterials(
      [
        { itemId: 1, name: 'A', materials: a.materials },
        { itemId: 2, name: 'B', materials: b.materials },
        { itemId: 3, name: 'C', materials: c.materials },
      ],
      { chosen: [], all: [] },
    );
    expect(r.materials).toHaveLength(1);
    expect(r.materials[0]).toMatchObject({ requirement: 'required', copies: 2, medium: 'paper', proofCode: 'zm-001', conditions: [] });
    expect(r.materials[0].items.map((i) => i.itemId)).toEqual([1, 2, 3]);
    expect(r.instances).toBe(3);
  });

  it('keeps ungoverned conditional materials as conditional with their condition texts', () => {
    const a = content('A', '甲局', [{ name: '委托书', requirement: 'conditional', condition: '委托代理人办理的' }]);
    const b = content('B', '乙局', [{ name: '授权委托书', requirement: 'optional' }, { name: '委托书', requirement: 'conditional', condition: '代办的' }]);
    const r = mergeMaterials(
      [
        { itemId: 1, name: 'A', materials: a.materials },
        { itemId: 2, name: 'B', materials: b.materials },
      ],
      { chosen: [], all: [] },
    );
    expect(r.materials.map((m) => [m.name, m.requirement, m.conditions])).toEqual([
      ['委托书', 'conditional', ['委托代理人办理的', '代办的']],
      ['授权委托书', 'optional', []],
    ]);
  });
});

describe('definition problems', () => {
  const base = () => companyDefinition(COMPANY_IDS);

  it('accepts the company set-up definition', () => {
    expect(definitionProblems(base())).toEqual([]);
    const contents = new Map([...companyItems()].map(([id, it]) => [id, it.content]));
    expect(materialReferenceProblems(base(), contents)).toEqual([]);
  });

  it('names duplicate keys, dangling references, showIf on later questions and type clashes', () => {
    const def: BundleDefinition = base();
    def.questions = [
      { ...def.questions[0], showIf: { any: ['services.seal'] } },
      def.questions[1],
      { ...def.questions[1], defaultOptionIds: ['nope'] },
    ];
    def.members[1] = { ...def.members[1], condition: { any: ['services.fax'] } };
    def.members[2] = { ...def.members[2], formFields: [{ key: 'companyName', label: '名称', type: 'number', required: true }] };
    def.members.push({ ...def.members[0] });
    const fields = definitionProblems(def).map((p) => p.field);
    expect(fields).toEqual([
      'questions.0.showIf',
      'questions.2.key',
      'questions.2.defaultOptionIds',
      'members.1.condition',
      'members.2.formFields.0.type',
      'members.3.condition', // employees.yes: the question is gone
      'members.5.itemId',
    ]);
  });

  it('names option material references that match no member material', () => {
    const def = base();
    def.questions = [{ ...def.questions[0], options: [{ id: 'own', label: '自有', requireMaterials: ['房产证明书'], waiveMaterials: [] }, def.questions[0].options[1]] }];
    const contents = new Map([...companyItems()].map(([id, it]) => [id, it.content]));
    expect(materialReferenceProblems(def, contents).map((p) => p.field)).toEqual(['questions.0.options.0.requireMaterials.0']);
  });
});

import { describe, expect, it } from 'vitest';
import { checkDefinition, checkTransition, availableActions } from '../../platform/workflow/index.ts';
import { permissionsOf, type Actor, type RoleGrant } from '../../platform/access/index.ts';
import {
  applicationNumber,
  bundleDecisionDays,
  checkDeferral,
  decisionDays,
  fanOutPlan,
  formProblems,
  isEarlierStep,
  joinOutcome,
  maskIdNumber,
  missingMaterials,
  noticeNumber,
  reviewSteps,
  type MaterialState,
} from './services.rules.ts';
import { applicationFlow } from './services.workflow.ts';

const actor = (grants: RoleGrant[]): Actor => ({ id: 7, username: 'u', kind: 'staff', displayName: 'u', grants, permissions: permissionsOf(grants), via: 'session' });
const clerk = actor([{ role: 'window_clerk', regionCode: '320281', orgId: null }]);
const approver = actor([{ role: 'approver', regionCode: '320281', orgId: 12 }]);
const leader = actor([{ role: 'leader', regionCode: '320281', orgId: null }]);
const subject = (state: string, orgIds = [1, 12]) => ({ state, version: 3, regionCode: '320281', orgIds });

describe('application workflow definition', () => {
  it('is consistent', () => {
    expect(checkDefinition(applicationFlow)).toEqual([]);
  });

  it('lets the window accept, correct once (from submitted only) or refuse, and the approver review and decide', () => {
    expect(availableActions(applicationFlow, subject('submitted'), clerk).map((a) => a.action)).toEqual([
      'accept',
      'acceptDeferred',
      'acceptCommitment',
      'deemAccept',
      'requestCorrection',
      'refuse',
    ]);
    // after corrections the application can be accepted or refused, but no second correction notice
    expect(availableActions(applicationFlow, subject('resubmitted'), clerk).map((a) => a.action)).not.toContain('requestCorrection');
    expect(checkTransition(applicationFlow, subject('in_review'), 'decide', approver, { approve: false, reason: '不符合' })).toEqual({ ok: true, to: 'denied' });
    expect(checkTransition(applicationFlow, subject('in_review'), 'decide', approver, { approve: true })).toMatchObject({ ok: false, reason: 'missing_input', fields: ['reason'] });
    // an approver of another department cannot decide
    expect(checkTransition(applicationFlow, subject('in_review', [1, 13]), 'decide', approver, { approve: true, reason: 'x' })).toMatchObject({ reason: 'forbidden' });
    // extensions: requested by the approver, approved only with the supervise permission
    expect(checkTransition(applicationFlow, subject('extension_requested'), 'approveExtension', approver, {})).toMatchObject({ reason: 'forbidden' });
    expect(checkTransition(applicationFlow, subject('extension_requested'), 'approveExtension', leader, {})).toEqual({ ok: true, to: 'in_review' });
    // a bundle is accepted into parallel review
    expect(checkTransition(applicationFlow, subject('submitted'), 'accept', clerk, { bundle: true })).toEqual({ ok: true, to: 'parallel' });
  });

  it('pauses the decision clock for corrections and for uncounted special procedures only', () => {
    const ops = (action: keyof typeof applicationFlow.actions, input: Record<string, unknown>) =>
      (applicationFlow.actions[action].sla ?? []).filter((op) => !op.when || op.when(input)).map((op) => `${op.op}:${op.clock}`);
    expect(ops('submit', {})).toEqual(['start:correction', 'start:decision']);
    expect(ops('requestCorrection', {})).toEqual(['stop:correction', 'pause:decision']);
    expect(ops('resubmit', {})).toEqual(['resume:decision']);
    expect(ops('startSpecial', { counted: false })).toEqual(['pause:decision']);
    expect(ops('startSpecial', { counted: true })).toEqual([]);
    expect(ops('approveExtension', {})).toEqual(['extend:decision']);
    expect(ops('decide', {})).toEqual(['stop:decision']);
  });
});

describe('application rules', () => {
  it('snapshots the decision budget: promised capped by statutory, else statutory, else 20 working days', () => {
    expect(decisionDays(5, 20)).toBe(5);
    expect(decisionDays(30, 20)).toBe(20);
    expect(decisionDays(null, 15)).toBe(15);
    expect(decisionDays(0, null)).toBe(0);
    expect(decisionDays(null, null)).toBe(20);
    expect(bundleDecisionDays([{ promisedDays: 2, statutoryDays: 20 }, { promisedDays: 1, statutoryDays: null }])).toBe(2);
    expect(bundleDecisionDays([])).toBe(20);
  });

  it('numbers applications and notices readably', () => {
    expect(applicationNumber('JY', '2026-12-03', 123)).toBe('JY20261203000123');
    expect(noticeNumber('correction', 'JY20261203000123', 2)).toBe('BZJY20261203000123-02');
    expect(maskIdNumber('32028119880516001X')).toBe('320281********001X');
  });

  const mats: MaterialState[] = [
    { key: 'm1', name: '申请书', requirement: 'required', deferrable: false, status: 'provided' },
    { key: 'm2', name: '章程', requirement: 'required', deferrable: false, status: 'missing' },
    { key: 'm3', name: '制度文本', requirement: 'required', deferrable: true, status: 'missing' },
    { key: 'm4', name: '租赁合同', requirement: 'conditional', deferrable: false, status: 'missing' },
    { key: 'm5', name: '营业执照', requirement: 'required', deferrable: false, status: 'reused' },
  ];

  it('finds the required materials still missing (conditional ones are not required)', () => {
    expect(missingMaterials(mats).map((m) => m.key)).toEqual(['m2', 'm3']);
  });

  it('allows deferral (容缺) only of deferrable materials, with every other required one in', () => {
    expect(checkDeferral(mats, ['m3'])).toEqual({ ok: false, unknown: [], notDeferrable: [], stillMissing: ['m2'] });
    expect(checkDeferral(mats, ['m2', 'm3'])).toMatchObject({ ok: false, notDeferrable: ['m2'] });
    const complete = mats.map((m) => (m.key === 'm2' ? { ...m, status: 'provided' as const } : m));
    expect(checkDeferral(complete, ['m3'])).toEqual({ ok: true });
    expect(checkDeferral(complete, ['zz'])).toMatchObject({ ok: false, unknown: ['zz'] });
    expect(checkDeferral(complete, [])).toMatchObject({ ok: false });
  });

  it('plans one sub-application per item and department with its own budget and materials', () => {
    const plan = fanOutPlan(
      [
        { itemId: 1, implCode: 'A', name: '企业设立登记', orgId: 10, orgName: '行政审批局', promisedDays: 2, statutoryDays: 20 },
        { itemId: 2, implCode: 'B', name: '印章刻制备案', orgId: 11, orgName: '公安局', promisedDays: null, statutoryDays: null },
      ],
      [
        { key: 'apply', itemIds: [1] },
        { key: 'id', itemIds: [1, 2] },
        { key: 'seal', itemIds: [2] },
      ],
    );
    expect(plan).toEqual([
      { itemId: 1, implCode: 'A', name: '企业设立登记', orgId: 10, orgName: '行政审批局', decisionDays: 2, materialKeys: ['apply', 'id'] },
      { itemId: 2, implCode: 'B', name: '印章刻制备案', orgId: 11, orgName: '公安局', decisionDays: 20, materialKeys: ['id', 'seal'] },
    ]);
  });

  it('joins a bundle only when every sub-application is decided', () => {
    expect(joinOutcome(['approved', 'in_review'])).toBeNull();
    expect(joinOutcome(['approved', 'special_procedure'])).toBeNull();
    expect(joinOutcome([])).toBeNull();
    expect(joinOutcome(['approved', 'approved'])).toBe('approved');
    expect(joinOutcome(['denied', 'denied'])).toBe('denied');
    expect(joinOutcome(['approved', 'denied'])).toBe('partial');
  });

  it('takes the review steps from the process, without application, intake and delivery', () => {
    expect(reviewSteps([{ name: '申请' }, { name: '受理' }, { name: '审查', days: 3 }, { name: '决定', days: 2 }, { name: '送达' }]).map((s) => s.name)).toEqual(['审查', '决定']);
    expect(reviewSteps([]).map((s) => s.name)).toEqual(['审查与决定']);
    expect(isEarlierStep(2, 0)).toBe(true);
    expect(isEarlierStep(2, 2)).toBe(false);
    expect(isEarlierStep(1, 3)).toBe(false);
  });

  it('checks the one form: required fields and declared types, naming formData.<key>', () => {
    const fields = [
      { key: 'companyName', label: '企业名称', type: 'text', required: true },
      { key: 'legalRepId', label: '法定代表人身份证号', type: 'resident_id', required: true },
      { key: 'fundRate', label: '缴存比例', type: 'number', required: false },
      { key: 'bank', label: '开户银行', type: 'select', required: true, options: ['中国银行', '中国工商银行'] },
      { key: 'uscc', label: '统一社会信用代码', type: 'uscc', required: false },
    ];
    expect(formProblems(fields, { companyName: '恒通', legalRepId: '34052419800101001X', bank: '中国银行' })).toEqual([]);
    expect(formProblems(fields, { companyName: ' ', legalRepId: '34052419800101001Y', fundRate: 'x', bank: '花旗银行', uscc: '91350100M000100Y4Z' }).map((p) => p.field)).toEqual([
      'formData.companyName',
      'formData.legalRepId',
      'formData.fundRate',
      'formData.bank',
      'formData.uscc',
    ]);
  });
});

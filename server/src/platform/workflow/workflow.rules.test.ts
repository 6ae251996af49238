import { describe, expect, it } from 'vitest';
import { permissionsOf, type Actor, type RoleGrant } from '../access/index.ts';
import { availableActions, checkDefinition, checkTransition, type WorkflowDef } from './workflow.rules.ts';

export const permitFlow: WorkflowDef = {
  name: 'permit',
  initial: 'submitted',
  states: {
    submitted: { label: { zh: '已提交', en: 'Submitted' } },
    accepted: { label: { zh: '已受理', en: 'Accepted' } },
    returned: { label: { zh: '已退回', en: 'Returned' } },
    approved: { label: { zh: '准予许可', en: 'Approved' }, final: true },
    denied: { label: { zh: '不予许可', en: 'Denied' }, final: true },
  },
  actions: {
    accept: { label: { zh: '受理', en: 'Accept' }, from: ['submitted'], to: 'accepted', permission: 'application:intake' },
    return: { label: { zh: '退回', en: 'Return' }, from: ['accepted'], to: 'returned', permission: 'application:review', requires: ['reason'] },
    decide: {
      label: { zh: '决定', en: 'Decide' },
      from: ['accepted'],
      to: (input) => (input.approve === true ? 'approved' : 'denied'),
      permission: 'application:review',
      requires: ['approve'],
    },
  },
};

const actor = (grants: RoleGrant[]): Actor => ({ id: 9, username: 'u', kind: 'staff', displayName: 'u', grants, permissions: permissionsOf(grants), via: 'session' });
const approverJy = actor([{ role: 'approver', regionCode: '320281', orgId: null }]);
const clerkJy = actor([{ role: 'window_clerk', regionCode: '320281', orgId: null }]);
const subject = (state: string, regionCode = '320281001000') => ({ state, version: 1, regionCode, orgIds: [] });

describe('workflow rules', () => {
  it('accepts a consistent definition and names the broken parts of a bad one', () => {
    expect(checkDefinition(permitFlow)).toEqual([]);
    const bad: WorkflowDef = { ...permitFlow, initial: 'nowhere', actions: { ...permitFlow.actions, reopen: { label: { zh: '重开', en: 'Reopen' }, from: ['approved'], to: 'ghost', permission: 'application:review' } } };
    expect(checkDefinition(bad)).toEqual(['initial state nowhere is not declared', 'action reopen: leaves final state approved', 'action reopen: unknown target state ghost']);
  });

  it('chooses the target from the input and requires declared input', () => {
    expect(checkTransition(permitFlow, subject('accepted'), 'decide', approverJy, { approve: true })).toEqual({ ok: true, to: 'approved' });
    expect(checkTransition(permitFlow, subject('accepted'), 'decide', approverJy, { approve: false })).toEqual({ ok: true, to: 'denied' });
    expect(checkTransition(permitFlow, subject('accepted'), 'return', approverJy, { reason: '' })).toEqual({ ok: false, reason: 'missing_input', fields: ['reason'] });
  });

  it('refuses the wrong state, the wrong role and the wrong region', () => {
    expect(checkTransition(permitFlow, subject('submitted'), 'decide', approverJy, { approve: true })).toMatchObject({ reason: 'wrong_state' });
    expect(checkTransition(permitFlow, subject('accepted'), 'decide', clerkJy, { approve: true })).toMatchObject({ reason: 'forbidden' });
    expect(checkTransition(permitFlow, subject('accepted', '320282001000'), 'decide', approverJy, { approve: true })).toMatchObject({ reason: 'forbidden' });
    expect(checkTransition(permitFlow, subject('accepted'), 'fly', approverJy, {})).toMatchObject({ reason: 'unknown_action' });
  });

  it('lists only the actions the actor may take now', () => {
    expect(availableActions(permitFlow, subject('accepted'), approverJy).map((a) => a.action)).toEqual(['return', 'decide']);
    expect(availableActions(permitFlow, subject('accepted'), clerkJy)).toEqual([]);
    expect(availableActions(permitFlow, subject('submitted'), clerkJy).map((a) => a.action)).toEqual(['accept']);
  });
});

import type { Actor, Permission } from '../access/index.ts';
import { canAct } from '../access/index.ts';

/**
 * A workflow declared as data (DESIGN §4): states, actions, who may take
 * each action, which SLA clock an action starts, pauses, resumes or stops,
 * and which domain event it emits.
 */
export interface Label {
  zh: string;
  en: string;
}

export type SlaOp = (
  | {
      op: 'start';
      clock: string;
      unit: 'working_days' | 'working_hours' | 'calendar_days';
      budget: number | ((data: Record<string, unknown>) => number);
      /** Warn when this many units remain (0: no warning). */
      warnBefore?: number;
    }
  | { op: 'pause' | 'resume' | 'stop'; clock: string }
  | { op: 'extend'; clock: string; by: number | ((data: Record<string, unknown>) => number) }
) & {
  /** Apply the operation only when this pure function of the input holds (e.g. pause only for an uncounted special procedure). */
  when?: (data: Record<string, unknown>) => boolean;
  /** Skip, instead of failing, when the clock is not open (e.g. stop a clock an earlier action may already have stopped). */
  optional?: boolean;
};

export interface ActionDef<S extends string> {
  label: Label;
  from: readonly S[];
  /** Target state, or a pure function of the input choosing one (e.g. approve/deny on a decision). */
  to: S | ((input: Record<string, unknown>) => S);
  permission: Permission;
  /** Input fields that must be present and non-empty (e.g. a reason for a return). */
  requires?: readonly string[];
  sla?: readonly SlaOp[];
  /** Outbox topic emitted after the transition (same transaction). */
  emits?: string | ((to: string) => string | null);
}

export interface WorkflowDef<S extends string = string, A extends string = string> {
  name: string;
  initial: S;
  states: Record<S, { label: Label; final?: boolean }>;
  actions: Record<A, ActionDef<S>>;
}

export interface Subject {
  state: string;
  version: number;
  regionCode: string | null;
  orgIds: number[];
  /**
   * Further scopes that also cover the subject for one permission: e.g. an
   * application received at a town window may be handled at that window
   * (application:intake in the intake centre's scope) although the item is
   * the county's (无差别全科受理).
   */
  alsoScopes?: readonly { permission: Permission; regionCode: string | null; orgIds: number[] }[];
}

/** May `actor` use `permission` on `subject`: in the subject's own scope, or in one of its further scopes for that permission. */
export function coversSubject(actor: Actor, permission: Permission, subject: Subject): boolean {
  return canAct(actor, permission, subject) || (subject.alsoScopes ?? []).some((s) => s.permission === permission && canAct(actor, permission, s));
}

export type TransitionCheck =
  | { ok: true; to: string }
  | { ok: false; reason: 'unknown_action' | 'wrong_state' | 'forbidden' | 'missing_input'; fields?: string[] };

/** Validates a definition: every target and source is a declared state, and final states have no way out. */
export function checkDefinition(def: WorkflowDef): string[] {
  const problems: string[] = [];
  const states = new Set(Object.keys(def.states));
  if (!states.has(def.initial)) problems.push(`initial state ${def.initial} is not declared`);
  for (const [name, a] of Object.entries(def.actions)) {
    for (const s of a.from) {
      if (!states.has(s)) problems.push(`action ${name}: unknown source state ${s}`);
      else if (def.states[s].final) problems.push(`action ${name}: leaves final state ${s}`);
    }
    if (typeof a.to === 'string' && !states.has(a.to)) problems.push(`action ${name}: unknown target state ${a.to}`);
  }
  return problems;
}

/** May `actor` take `action` on `subject` with `input`? Pure: no I/O. */
export function checkTransition(def: WorkflowDef, subject: Subject, action: string, actor: Actor, input: Record<string, unknown>): TransitionCheck {
  const a = def.actions[action];
  if (!a) return { ok: false, reason: 'unknown_action' };
  if (!coversSubject(actor, a.permission, subject)) return { ok: false, reason: 'forbidden' };
  if (!a.from.includes(subject.state)) return { ok: false, reason: 'wrong_state' };
  const missing = (a.requires ?? []).filter((f) => input[f] === undefined || input[f] === null || input[f] === '');
  if (missing.length) return { ok: false, reason: 'missing_input', fields: missing };
  const to = typeof a.to === 'function' ? a.to(input) : a.to;
  if (!(to in def.states)) return { ok: false, reason: 'wrong_state' };
  return { ok: true, to };
}

/** The actions `actor` may take now, for the UI to show (and hide the rest). */
export function availableActions(def: WorkflowDef, subject: Subject, actor: Actor): { action: string; label: Label; requires: readonly string[] }[] {
  return Object.entries(def.actions)
    .filter(([, a]) => a.from.includes(subject.state) && coversSubject(actor, a.permission, subject))
    .map(([action, a]) => ({ action, label: a.label, requires: a.requires ?? [] }));
}

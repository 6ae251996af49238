import { sql } from 'drizzle-orm';
import { executor, inTransaction, query, type Db, type Executor, type Tx } from '../db/index.ts';
import { recordAudit, type AuditWho } from '../audit/index.ts';
import { CommonErrors, defineErrors } from '../errors/index.ts';
import type { Actor } from '../access/index.ts';
import { checkTransition, type SlaOp, type Subject, type WorkflowDef } from './workflow.rules.ts';

export const WorkflowErrors = defineErrors('workflow', {
  WRONG_STATE: {
    kind: 'conflict',
    zh: '当前状态为「{state}」，不能执行「{action}」',
    en: 'The item is "{stateEn}"; "{actionEn}" is not possible now',
  },
  UNKNOWN_ACTION: { kind: 'invalid', zh: '未知的操作：{action}', en: 'Unknown action: {action}' },
  MISSING_INPUT: { kind: 'invalid', zh: '执行此操作须填写必要信息', en: 'This action needs more information' },
});

/** Where a workflow's items live: any table with id, state, version and region_code columns. */
export interface WorkflowStore {
  load(ex: Executor, id: string | number): Promise<Subject | undefined>;
  /** Sets the new state if the version still matches; returns the new version, or null on a stale version. */
  save(ex: Executor, id: string | number, to: string, expectedVersion: number): Promise<number | null>;
}

/**
 * A store over a table with `id`, `state`, `version`, `region_code` and, for
 * the scope's organisations, either one organisation column (`orgColumn`) or
 * an int[] path column (`pathColumn`: the organisation and every body above
 * it, so a grant on a parent covers it). `touch` also sets `updated_at`.
 */
export function tableStore(table: string, opts: { orgColumn?: string; pathColumn?: string; touch?: boolean } = {}): WorkflowStore {
  const t = sql.identifier(table);
  const orgs = opts.pathColumn
    ? sql`coalesce(${sql.identifier(opts.pathColumn)}, '{}'::int[])`
    : opts.orgColumn
      ? sql`array_remove(array[${sql.identifier(opts.orgColumn)}]::int[], null)`
      : sql`'{}'::int[]`;
  const touch = opts.touch ? sql`, updated_at = now()` : sql``;
  return {
    async load(ex, id) {
      const [row] = await query<{ state: string; version: number; region_code: string | null; org_ids: number[] }>(
        ex,
        sql`select state, version, region_code, ${orgs} as org_ids from ${t} where id = ${id}`,
      );
      return row && { state: row.state, version: row.version, regionCode: row.region_code, orgIds: (row.org_ids ?? []).map(Number) };
    },
    async save(ex, id, to, expectedVersion) {
      const [row] = await query<{ version: number }>(
        ex,
        sql`update ${t} set state = ${to}, version = version + 1${touch} where id = ${id} and version = ${expectedVersion} returning version`,
      );
      return row ? row.version : null;
    },
  };
}

/** The SLA clock as the workflow uses it (implemented by platform/clock). */
export interface SlaPort {
  apply(tx: Tx, subject: { workflow: string; id: string; regionCode: string | null }, op: SlaOp, data: Record<string, unknown>): Promise<void>;
}

/** The outbox as the workflow uses it (implemented by platform/jobs). */
export interface EmitPort {
  emit(tx: Tx, topic: string, payload: Record<string, unknown>, opts: { regionCode: string | null }): Promise<void>;
}

export interface TransitionInput {
  /** The version the caller saw; a stale one is a conflict. Defaults to the current version (still one winner under concurrency). */
  expectedVersion?: number;
  input?: Record<string, unknown>;
  note?: string;
  who: AuditWho & { actor: Actor };
  /** Extra work in the same transaction, after the state changed (e.g. writing the decision). */
  effect?: (tx: Tx, result: { from: string; to: string; version: number }) => Promise<void>;
}

export interface TransitionResult {
  from: string;
  state: string;
  version: number;
}

/** Runs workflow transitions: one transaction, optimistic locking, history, audit, SLA clock operations, events. */
export class Workflows {
  constructor(
    private readonly db: Db,
    private readonly ports: { sla?: SlaPort; emit?: EmitPort } = {},
  ) {}

  setPorts(ports: { sla?: SlaPort; emit?: EmitPort }) {
    Object.assign(this.ports, ports);
  }

  async transition(def: WorkflowDef, store: WorkflowStore, id: string | number, action: string, t: TransitionInput): Promise<TransitionResult> {
    const input = t.input ?? {};
    return inTransaction(this.db, async (tx) => {
      const subject = await store.load(tx, id);
      if (!subject) throw CommonErrors.NOT_FOUND();
      const check = checkTransition(def, subject, action, t.who.actor, input);
      // visibility first (an outsider learns nothing), then the version the caller saw, then the state
      const expected = t.expectedVersion ?? subject.version;
      if (expected !== subject.version && (check.ok || (check.reason !== 'forbidden' && check.reason !== 'unknown_action'))) {
        throw CommonErrors.VERSION_CONFLICT({ vars: { current: subject.version }, extra: { version: subject.version } });
      }
      if (!check.ok) {
        switch (check.reason) {
          case 'unknown_action':
            throw WorkflowErrors.UNKNOWN_ACTION({ vars: { action } });
          case 'forbidden':
            // holding the permission elsewhere means the item is outside the caller's scope: look like "not found"
            throw t.who.actor.permissions.has(def.actions[action].permission) ? CommonErrors.NOT_FOUND() : CommonErrors.FORBIDDEN();
          case 'wrong_state': {
            const st = def.states[subject.state]?.label ?? { zh: subject.state, en: subject.state };
            const ac = def.actions[action].label;
            throw WorkflowErrors.WRONG_STATE({ vars: { state: st.zh, stateEn: st.en, action: ac.zh, actionEn: ac.en }, extra: { state: subject.state, version: subject.version } });
          }
          case 'missing_input':
            throw WorkflowErrors.MISSING_INPUT({ fields: (check.fields ?? []).map((f) => ({ field: f, message: '必填', messageEn: 'Required', in: 'body' })) });
        }
      }
      const version = await store.save(tx, id, check.to, expected);
      if (version === null) {
        const now = await store.load(tx, id);
        throw CommonErrors.VERSION_CONFLICT({ vars: { current: now?.version ?? '?' }, extra: { version: now?.version } });
      }
      const a = def.actions[action];
      await tx.execute(sql`insert into workflow_history (workflow, subject_id, region_code, action, from_state, to_state, version, actor_id, actor_name, ip, note, data)
        values (${def.name}, ${String(id)}, ${subject.regionCode}, ${action}, ${subject.state}, ${check.to}, ${version},
                ${t.who.actor.id > 0 ? t.who.actor.id : null}, ${t.who.actor.username}, ${t.who.ip ?? null}, ${t.note ?? null}, ${JSON.stringify(input)}::jsonb)`);
      await recordAudit(tx, t.who, {
        action: `${def.name}.${action}`,
        entityType: def.name,
        entityId: id,
        regionCode: subject.regionCode,
        before: { state: subject.state, version: subject.version },
        after: { state: check.to, version, note: t.note ?? null },
      });
      const ref = { workflow: def.name, id: String(id), regionCode: subject.regionCode };
      for (const op of a.sla ?? []) {
        if (op.when && !op.when(input)) continue;
        if (!this.ports.sla) throw new Error(`workflow ${def.name}: action ${action} uses the SLA clock but none is configured`);
        await this.ports.sla.apply(tx, ref, op, input);
      }
      if (t.effect) await t.effect(tx, { from: subject.state, to: check.to, version });
      // an action may emit a topic that depends on where it led (verify → closed emits case.closed, → rework nothing)
      const topic = typeof a.emits === 'function' ? a.emits(check.to) : a.emits;
      if (topic) {
        if (!this.ports.emit) throw new Error(`workflow ${def.name}: action ${action} emits ${topic} but no outbox is configured`);
        await this.ports.emit.emit(tx, topic, { workflow: def.name, id: String(id), action, from: subject.state, to: check.to, version }, { regionCode: subject.regionCode });
      }
      return { from: subject.state, state: check.to, version };
    });
  }

  /** The item's transitions, oldest first. */
  async history(workflow: string, id: string | number) {
    // executor: inside a transaction (a service acting then reading back) read through it, not beside it
    return query<{ action: string; from_state: string; to_state: string; version: number; actor_name: string; note: string | null; at: string }>(
      executor(this.db),
      sql`select action, from_state, to_state, version, actor_id, actor_name, note, data, at from workflow_history
          where workflow = ${workflow} and subject_id = ${String(id)} order by id`,
    );
  }
}

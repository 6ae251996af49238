/**
 * The statutory clock's follow-up (效能监督): yellow warnings and red overdue
 * marks from the platform SLA watcher, the supervisor's queues, and the
 * public explanation an overdue application requires (Regulation art. 36).
 */
import { sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/index.ts';
import { regionPrefix, type Actor, type Permission } from '../../platform/access/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { decodeCursor, encodeCursor, executor, inTransaction, query, type Tx } from '../../platform/db/index.ts';
import type { SlaEventPayload } from '../../platform/clock/index.ts';
import { scopeCondition } from '../org/index.ts';
import * as repo from './services.repository.ts';
import { type ServicesCore, type Who } from './services.core.ts';
import { ServiceErrors } from './services.errors.ts';
import { staffMay } from './services.policy.ts';
import { APPLICATION_WORKFLOW, FINAL_STATES } from './services.workflow.ts';
import type { IntakeService } from './intake.service.ts';

export class SuperviseService {
  constructor(
    readonly core: ServicesCore,
    readonly intake: IntakeService,
  ) {}

  /** sla.warning for an application's decision clock: the yellow light. */
  async onWarning(tx: Tx, e: SlaEventPayload): Promise<void> {
    if (e.subjectType !== APPLICATION_WORKFLOW || e.purpose !== 'decision') return;
    const id = Number(e.subjectId);
    await tx.execute(sql`update applications set warned_at = coalesce(warned_at, now()) where id = ${id}`);
  }

  /**
   * sla.overdue: the correction clock running out means the application is
   * accepted as received (art. 32); the decision clock running out is the red
   * light, escalated to the supervisor's queue.
   */
  async onOverdue(tx: Tx, e: SlaEventPayload): Promise<void> {
    if (e.subjectType !== APPLICATION_WORKFLOW) return;
    const id = Number(e.subjectId);
    if (e.purpose === 'correction') {
      await this.intake.deemAccept(tx, id);
      return;
    }
    if (e.purpose === 'decision') {
      const row = await repo.findApplication(tx, id);
      if (!row || FINAL_STATES.includes(row.state as never) || row.overdueAt) return;
      await repo.updateApplication(tx, id, { overdueAt: new Date(e.dueAt) });
      await recordAudit(tx, { actor: { id: 0, username: 'system' } }, { action: 'application.overdue', entityType: 'application', entityId: id, regionCode: row.regionCode, after: { dueAt: e.dueAt } });
    }
  }

  /** Applications in the caller's scope for `permission` matching `where`, newest first, with deadlines and actions. */
  async queue(actor: Actor, permission: Permission, where: SQL, q: { cursor?: string; limit?: number }) {
    const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
    const key = decodeCursor(q.cursor);
    if (key !== undefined && (key.length !== 1 || !Number.isInteger(key[0]))) {
      throw CommonErrors.VALIDATION({ fields: [{ field: 'cursor', message: '分页游标无效', messageEn: 'Invalid cursor', in: 'query' }] });
    }
    const own = scopeCondition(actor, permission, { region: sql.raw('region_code'), path: sql.raw('handling_org_path') });
    // the window's queue also holds what was received at a centre in its scope, whoever handles the item (无差别全科受理)
    const scope =
      permission === 'application:intake'
        ? sql`(${own} or intake_org_id in (select io.id from organisations io where ${scopeCondition(actor, permission, { region: sql.raw('io.region_code'), path: sql.raw('io.path') })}))`
        : own;
    const ex = executor(this.core.db);
    const rows = await repo.listApplications(ex, { where: sql`${scope} and ${where}`, afterId: key?.[0] as number | undefined, limit });
    const page = rows.slice(0, limit);
    const items = [];
    for (const r of page) items.push(await this.core.view(actor, r, ex));
    return { items, nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].id]) : null };
  }

  /** Overdue applications (red) in the supervisor's scope. */
  overdue(actor: Actor, q: { cursor?: string; limit?: number; unexplained?: boolean }) {
    return this.queue(actor, 'application:supervise', sql`overdue_at is not null ${q.unexplained ? sql`and overdue_explanation is null` : sql``}`, q);
  }

  /** Open applications with a yellow warning and not yet overdue. */
  warnings(actor: Actor, q: { cursor?: string; limit?: number }) {
    return this.queue(actor, 'application:supervise', sql`warned_at is not null and overdue_at is null and state not in ('approved', 'denied', 'refused', 'completed')`, q);
  }

  /** Records the public explanation of an overdue application (Regulation art. 36). */
  async explain(actor: Actor, who: Who, id: number, input: { explanation: string }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await repo.findApplication(tx, id, true);
      if (!row || !staffMay(actor, 'application:supervise', row)) throw CommonErrors.NOT_FOUND();
      if (!row.overdueAt) throw ServiceErrors.NOT_OVERDUE();
      if (row.overdueExplanation) throw ServiceErrors.ALREADY_EXPLAINED();
      const at = new Date();
      await repo.updateApplication(tx, id, { overdueExplanation: input.explanation, overdueExplainedAt: at, overdueExplainedBy: actor.id });
      await recordAudit(tx, who, { action: 'application.overdue_explanation', entityType: 'application', entityId: id, regionCode: row.regionCode, after: { explanation: input.explanation } });
    });
    const row = await repo.findApplication(executor(this.core.db), id);
    return this.core.view(actor, row!, executor(this.core.db));
  }

  /** The public list of explanations of overdue applications: no personal data. */
  async publicExplanations(q: { regionCode?: string; cursor?: string; limit?: number }) {
    const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
    const key = decodeCursor(q.cursor);
    if (key !== undefined && (key.length !== 1 || !Number.isInteger(key[0]))) {
      throw CommonErrors.VALIDATION({ fields: [{ field: 'cursor', message: '分页游标无效', messageEn: 'Invalid cursor', in: 'query' }] });
    }
    const rows = await query<{ id: number; application_no: string; item_name: string; handling_org_name: string; region_code: string; overdue_at: string; overdue_explanation: string; overdue_explained_at: string; state: string }>(
      executor(this.core.db),
      sql`select id, application_no, item_name, handling_org_name, region_code, overdue_at, overdue_explanation, overdue_explained_at, state
          from applications where overdue_explanation is not null
          ${q.regionCode ? sql`and region_code like ${`${regionPrefix(q.regionCode)}%`}` : sql``}
          ${key ? sql`and id < ${key[0] as number}` : sql``}
          order by id desc limit ${limit + 1}`,
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({
        applicationNo: r.application_no,
        itemName: r.item_name,
        handlingOrgName: r.handling_org_name,
        regionCode: r.region_code,
        overdueAt: new Date(r.overdue_at).toISOString(),
        explanation: r.overdue_explanation,
        explainedAt: new Date(r.overdue_explained_at).toISOString(),
        finished: FINAL_STATES.includes(r.state as never),
      })),
      nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].id]) : null,
    };
  }
}

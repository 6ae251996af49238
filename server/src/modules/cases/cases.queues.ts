/** Queues and lists of the case loop: the command centre's, a unit's, a grid's, the overdue list, a requester's, a caller's. */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { executor, inTransaction, type Db } from '../../platform/db/index.ts';
import { canAct } from '../../platform/access/index.ts';
import { CaseErrors } from './cases.errors.ts';
import { phoneHash, type Who } from './cases.intake.ts';
import { staffScope, subjectOf } from './cases.policy.ts';
import { presentCase, presentForRequester } from './cases.present.ts';
import * as repo from './cases.repository.ts';
import { caseFlow, HANDLING_STATES, QUEUE_STATES } from './cases.workflow.ts';

export interface CaseListQuery {
  state?: string;
  kind?: string;
  source?: string;
  categoryCode?: string;
  gridId?: string;
  q?: string;
  offset?: number;
  limit?: number;
}

export class CaseQueues {
  constructor(private readonly db: Db) {}

  private page(rows: repo.CaseRow[], offset: number, limit: number) {
    return { items: rows.slice(0, limit).map(presentCase), nextOffset: rows.length > limit ? offset + limit : null };
  }

  private bounds(q: { offset?: number; limit?: number }) {
    return { offset: Math.max(q.offset ?? 0, 0), limit: Math.min(Math.max(q.limit ?? 50, 1), 200) };
  }

  /** Cases the staff member may see, newest first, with filters. */
  async list(actor: Actor, q: CaseListQuery) {
    const { offset, limit } = this.bounds(q);
    const rows = await repo.listCases(
      executor(this.db),
      { scope: staffScope(actor), states: q.state ? [q.state] : undefined, kind: q.kind, source: q.source, categoryCode: q.categoryCode, gridId: q.gridId, q: q.q },
      'recent',
      offset,
      limit + 1,
    );
    return this.page(rows, offset, limit);
  }

  /** The command centre's queue: reported, filed, returned and awaiting arbitration; urgent and escalated first. */
  async dispatchQueue(actor: Actor, q: CaseListQuery) {
    const { offset, limit } = this.bounds(q);
    const rows = await repo.listCases(executor(this.db), { scope: staffScope(actor, ['case:dispatch']), states: q.state ? [q.state] : QUEUE_STATES, kind: q.kind, source: q.source }, 'queue', offset, limit + 1);
    return this.page(rows, offset, limit);
  }

  /** A handling unit's cases: overdue first, then due soonest, then by urgency. */
  async myCases(actor: Actor, q: CaseListQuery) {
    const { offset, limit } = this.bounds(q);
    const rows = await repo.listCases(executor(this.db), { scope: staffScope(actor, ['case:handle']), states: HANDLING_STATES, kind: q.kind }, 'due', offset, limit + 1);
    return this.page(rows, offset, limit);
  }

  /** A grid worker's cases: in their grid(s), or those they reported (mine=true); including those waiting for their verification. */
  async gridCases(actor: Actor, q: CaseListQuery & { mine?: boolean }) {
    const { offset, limit } = this.bounds(q);
    const rows = await repo.listCases(
      executor(this.db),
      { scope: staffScope(actor, ['case:report', 'case:verify']), states: q.state ? [q.state] : undefined, gridId: q.gridId, reporterAccountId: q.mine ? actor.id : undefined },
      'recent',
      offset,
      limit + 1,
    );
    return this.page(rows, offset, limit);
  }

  /** Leaders' overdue list: open cases past their due time, the longest overdue first. */
  async overdue(actor: Actor, q: CaseListQuery) {
    const { offset, limit } = this.bounds(q);
    const rows = await repo.listCases(executor(this.db), { scope: staffScope(actor, ['case:supervise']), overdueAt: new Date().toISOString(), kind: q.kind }, 'due', offset, limit + 1);
    return this.page(rows, offset, limit);
  }

  /** A signed-in citizen's or enterprise's own reports. */
  async myReports(actor: Actor, q: CaseListQuery) {
    const { offset, limit } = this.bounds(q);
    const rows = await repo.listCases(executor(this.db), { scope: sql`true`, requesterAccountId: actor.id }, 'recent', offset, limit + 1);
    return { items: rows.slice(0, limit).map((c) => ({ id: Number(c.id), ...presentForRequester(c) })), nextOffset: rows.length > limit ? offset + limit : null };
  }

  /** 12345: the caller's earlier requests by phone number (masked in the answer; the lookup is audited). */
  async callerHistory(who: Who, phone: string) {
    const digits = phone.replace(/\D/g, '');
    if (digits.length < 5) throw CaseErrors.INVALID({ fields: [{ field: 'phone', message: '号码过短', messageEn: 'Number too short', in: 'query' }] });
    return inTransaction(this.db, async (tx) => {
      const rows = await repo.listCases(tx, { scope: staffScope(who.actor, ['case:dispatch']), phoneHash: phoneHash(digits) }, 'recent', 0, 50);
      await recordAudit(tx, who, { action: 'case.caller_lookup', entityType: 'case_caller', entityId: phoneHash(digits).slice(0, 16), after: { results: rows.length } });
      return { items: rows.map(presentCase) };
    });
  }

  /** The requester's full phone number for a call-back: staff who dispatch in the case's region; audited as a read of personal data. */
  async revealPhone(who: Who, id: number) {
    return inTransaction(this.db, async (tx) => {
      const c = await repo.findCase(tx, id);
      if (!c || !canAct(who.actor, 'case:dispatch', subjectOf(c))) throw CaseErrors.NOT_FOUND();
      await recordAudit(tx, who, { action: 'case.phone_revealed', entityType: caseFlow.name, entityId: id, regionCode: c.region_code });
      return { caseNo: c.case_no, name: c.requester_name, phone: c.requester_phone };
    });
  }

}

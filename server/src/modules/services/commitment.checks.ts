/**
 * Verification of approvals on commitment (告知承诺): an approval made on the
 * applicant's written commitment opens a check with its own clock (20
 * working days, warned 3 days before); the supervisor records whether the
 * commitment holds (met) or not (breached: the approval is to be revoked —
 * announced as `application.commitment_breached` for the licence and credit
 * sides). One workflow, `commitment_check`, on the platform mechanisms.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { decodeCursor, encodeCursor, executor, query, type Executor } from '../../platform/db/index.ts';
import { availableActions, tableStore, type WorkflowDef } from '../../platform/workflow/index.ts';
import type { AuditWho } from '../../platform/audit/index.ts';
import { scopeCondition } from '../org/index.ts';
import type { AppContext } from '../../context.ts';

export const COMMITMENT_CHECK_WORKFLOW = 'commitment_check';
export const COMMITMENT_CHECK_DAYS = 20;
export const COMMITMENT_BREACHED = 'application.commitment_breached';

export const commitmentCheckFlow: WorkflowDef<'open' | 'met' | 'breached', 'record'> = {
  name: COMMITMENT_CHECK_WORKFLOW,
  initial: 'open',
  states: {
    open: { label: { zh: '待核查', en: 'To verify' } },
    met: { label: { zh: '核查属实', en: 'Commitment met' }, final: true },
    breached: { label: { zh: '承诺不实', en: 'Commitment breached' }, final: true },
  },
  actions: {
    record: {
      label: { zh: '记录核查结果', en: 'Record the result' },
      from: ['open'],
      to: (i) => (i.met === true ? 'met' : 'breached'),
      permission: 'application:supervise',
      requires: ['met', 'result'],
      sla: [{ op: 'stop', clock: 'verification' }],
      emits: (to) => (to === 'breached' ? COMMITMENT_BREACHED : null),
    },
  },
};

/** The checks as a workflow store: scope is the region and the handling organisation's whole path. */
const store = tableStore('commitment_checks', { pathColumn: 'handling_org_path' });

interface Row {
  id: number;
  application_id: number;
  application_no: string;
  item_name: string;
  holder_name: string;
  commitments: string;
  handling_org_id: number | null;
  handling_org_name: string;
  handling_org_path: number[];
  region_code: string;
  approved_at: string;
  state: 'open' | 'met' | 'breached';
  result: string | null;
  checked_at: string | null;
  version: number;
}

export interface OpenCheckInput {
  applicationId: number;
  applicationNo: string;
  itemName: string;
  holderName: string;
  commitments: string;
  handlingOrgId: number | null;
  handlingOrgName: string;
  handlingOrgPath: number[];
  regionCode: string;
  approvedAt: Date;
}

/** Opens the check and starts its clock, in the approval's transaction. */
export async function openCommitmentCheck(ctx: AppContext, tx: Executor, c: OpenCheckInput): Promise<number> {
  const [row] = await query<{ id: number }>(
    tx,
    sql`insert into commitment_checks (application_id, application_no, item_name, holder_name, commitments, handling_org_id, handling_org_name,
          handling_org_path, region_code, approved_at)
        values (${c.applicationId}, ${c.applicationNo}, ${c.itemName}, ${c.holderName}, ${c.commitments}, ${c.handlingOrgId}, ${c.handlingOrgName},
          ${`{${c.handlingOrgPath.join(',')}}`}::int[], ${c.regionCode}, ${c.approvedAt.toISOString()})
        returning id`,
  );
  await ctx.calendar.clocks.start(
    tx,
    { type: COMMITMENT_CHECK_WORKFLOW, id: row.id, regionCode: c.regionCode, purpose: 'verification' },
    'working_days',
    COMMITMENT_CHECK_DAYS,
    c.approvedAt,
    3,
  );
  return row.id;
}

const COLS = sql.raw(`id, application_id, application_no, item_name, holder_name, commitments, handling_org_id, handling_org_name, handling_org_path,
  region_code, approved_at, state, result, checked_at, version`);

/** The supervisor's list and record of commitment checks. */
export class CommitmentChecks {
  constructor(private readonly ctx: AppContext) {}

  private async present(ex: Executor, actor: Actor, r: Row) {
    const [clock] = (await this.ctx.calendar.clocks.ofSubject(ex, COMMITMENT_CHECK_WORKFLOW, r.id)).filter((c) => c.purpose === 'verification');
    return {
      id: r.id,
      applicationId: r.application_id,
      applicationNo: r.application_no,
      itemName: r.item_name,
      holderName: r.holder_name,
      commitments: r.commitments,
      handlingOrgName: r.handling_org_name,
      approvedAt: new Date(r.approved_at).toISOString(),
      state: r.state,
      stateLabel: commitmentCheckFlow.states[r.state].label,
      result: r.result,
      checkedAt: r.checked_at ? new Date(r.checked_at).toISOString() : null,
      version: r.version,
      dueDate: clock?.dueDate ?? null,
      overdue: clock ? (clock.state === 'stopped' ? clock.overdue === true : new Date(clock.dueAt).getTime() < Date.now()) : false,
      actions: availableActions(commitmentCheckFlow, { state: r.state, version: r.version, regionCode: r.region_code, orgIds: r.handling_org_path }, actor),
    };
  }

  /** Checks in the caller's scope, open ones first by due time (oldest approval first). */
  async list(actor: Actor, q: { state?: 'open' | 'met' | 'breached'; cursor?: string; limit?: number }) {
    const limit = Math.min(Math.max(q.limit ?? 50, 1), 200);
    const key = decodeCursor(q.cursor);
    if (key !== undefined && (key.length !== 1 || !Number.isInteger(key[0]))) {
      throw CommonErrors.VALIDATION({ fields: [{ field: 'cursor', message: '分页游标无效', messageEn: 'Invalid cursor', in: 'query' }] });
    }
    const scope = scopeCondition(actor, 'application:supervise', { region: sql.raw('region_code'), path: sql.raw('handling_org_path') });
    const ex = executor(this.ctx.db);
    const rows = await query<Row>(
      ex,
      sql`select ${COLS} from commitment_checks
          where ${scope} ${q.state ? sql`and state = ${q.state}` : sql``} ${key ? sql`and id > ${key[0] as number}` : sql``}
          order by id limit ${limit + 1}`,
    );
    const page = rows.slice(0, limit);
    const items = [];
    for (const r of page) items.push(await this.present(ex, actor, r));
    return { items, nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].id]) : null };
  }

  /** Records the result: met, or breached (announced for revocation). */
  async record(actor: Actor, who: AuditWho & { actor: Actor }, id: number, input: { version: number; met: boolean; result: string }) {
    await this.ctx.workflows.transition(commitmentCheckFlow, store, id, 'record', {
      expectedVersion: input.version,
      input: { met: input.met, result: input.result },
      note: input.result,
      who,
      effect: async (tx) => {
        await tx.execute(sql`update commitment_checks set result = ${input.result}, checked_by = ${actor.id}, checked_at = now() where id = ${id}`);
      },
    });
    const ex = executor(this.ctx.db);
    const [row] = await query<Row>(ex, sql`select ${COLS} from commitment_checks where id = ${id}`);
    return this.present(ex, actor, row);
  }
}

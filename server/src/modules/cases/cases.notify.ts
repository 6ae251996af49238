/**
 * Who hears of a step, in the step's transaction (platform/notify inbox):
 * the handling unit's handlers of a dispatch and of urging; the command
 * centre's dispatchers of a return and of an escalation to their level;
 * the reporting grid worker and the signed-in requester of the closure.
 */
import { sql } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import { notify, type NoticeInput } from '../../platform/notify/index.ts';
import type { CaseRow } from './cases.repository.ts';
import { centreRegion, ESCALATION_LEVELS } from './cases.rules.ts';
import type { CaseAction } from './cases.workflow.ts';

/** Accounts holding `role` granted on one of the organisations. */
async function holdersOnOrgs(ex: Executor, role: string, orgIds: readonly number[]): Promise<number[]> {
  if (orgIds.length === 0) return [];
  const rows = await query<{ account_id: number }>(
    ex,
    sql`select distinct g.account_id from role_grants g join accounts a on a.id = g.account_id
        where g.role = ${role} and g.org_id = any(${`{${orgIds.map((i) => Math.trunc(i)).join(',')}}`}::int[])`,
  );
  return rows.map((r) => r.account_id);
}

/** Dispatchers whose grant is the centre of exactly this region (a town's, the county's or the city's). */
async function dispatchersOf(ex: Executor, regionCode: string): Promise<number[]> {
  const rows = await query<{ account_id: number }>(ex, sql`select distinct account_id from role_grants where role = 'dispatcher' and region_code = ${regionCode}`);
  return rows.map((r) => r.account_id);
}

export async function notifyStep(tx: Executor, c: CaseRow, action: CaseAction, after: { state: string; orgId?: number; level?: number; note?: string }): Promise<void> {
  const base = { subjectType: 'case', subjectId: c.id, regionCode: c.region_code, link: `/cases/${c.id}`, data: { caseNo: c.case_no, action } };
  const what = `${c.case_no} ${c.category_name}`;
  const to = (ids: number[], n: Omit<NoticeInput, 'accountId'>) => ids.map((accountId) => ({ ...base, ...n, accountId }));
  const notices: NoticeInput[] = [];
  if ((action === 'dispatch' || action === 'reassign') && after.orgId != null) {
    notices.push(...to(await holdersOnOrgs(tx, 'handler', [after.orgId]), { kind: 'case.dispatched', title: `新派遣案件：${what}`, titleEn: `Case dispatched to your unit: ${c.case_no}`, body: c.description }));
  } else if (action === 'urge') {
    notices.push(...to(await holdersOnOrgs(tx, 'handler', c.lead_org_id == null ? [] : [c.lead_org_id]), { kind: 'case.urged', title: `督办：${what}`, titleEn: `Urged: ${c.case_no}`, body: after.note ?? '' }));
  } else if (action === 'return') {
    const level = after.state === 'arbitration' ? 1 : c.escalation_level;
    notices.push(...to(await dispatchersOf(tx, centreRegion(c.region_code, level)), { kind: 'case.returned', title: `退单${after.state === 'arbitration' ? '（待仲裁）' : ''}：${what}`, titleEn: `Returned: ${c.case_no}`, body: after.note ?? '' }));
  } else if (action === 'escalate' && after.level != null) {
    const centre = ESCALATION_LEVELS[after.level];
    notices.push(...to(await dispatchersOf(tx, centreRegion(c.region_code, after.level)), { kind: 'case.escalated', title: `超期升级至${centre.zh}：${what}`, titleEn: `Overdue, escalated to the ${centre.en}: ${c.case_no}` }));
  }
  if (after.state === 'closed') {
    const ids = [c.reporter_account_id, c.requester_account_id].filter((x): x is number => x != null && x > 0);
    notices.push(...to([...new Set(ids)], { kind: 'case.closed', title: `已办结：${what}`, titleEn: `Closed: ${c.case_no}` }));
  }
  if (notices.length) await notify(tx, notices);
}

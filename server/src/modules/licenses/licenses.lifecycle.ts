/**
 * After-issue life of a licence: the effect shared by every state change
 * (history, outbox event, holder notice), and the daily expiry and renewal
 * reminder passes.
 */
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import type { AuditWho } from '../../platform/audit/index.ts';
import { executor, inTransaction, type Db, type Executor } from '../../platform/db/index.ts';
import { DomainError } from '../../platform/errors/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import { notify } from '../../platform/notify/index.ts';
import { tableStore, type Workflows } from '../../platform/workflow/index.ts';
import * as repo from './licenses.repository.ts';
import { chinaDateOf, daysUntil, STATE_LABELS } from './licenses.rules.ts';
import type { LicenseState } from './licenses.schema.ts';
import { LICENSE_WORKFLOW, type LicenseAction } from './licenses.workflow.ts';

export const TOPIC_ISSUED = 'license.issued';
export const TOPIC_STATE_CHANGED = 'license.state_changed';
export const TOPIC_RENEWAL_DUE = 'license.renewal_due';
export const DEFAULT_RENEWAL_DAYS = 30;

export const licenseStore = tableStore('licenses', { orgColumn: 'issuer_org_id' });
export const todayInChina = () => chinaDateOf(new Date());

export const holderNotice = (
  r: { holder_account_id: number | null; region_code: string; id: string; licence_no: string },
  kind: string,
  title: [string, string],
  body: [string, string],
) =>
  r.holder_account_id
    ? [
        {
          accountId: r.holder_account_id,
          kind,
          title: title[0],
          titleEn: title[1],
          body: body[0],
          bodyEn: body[1],
          link: '/my/licenses',
          subjectType: 'license',
          subjectId: r.id,
          data: { licenceNo: r.licence_no },
          regionCode: r.region_code,
        },
      ]
    : [];

export async function recordTransition(
  tx: Executor,
  row: repo.LicenseRow,
  action: LicenseAction,
  from: string,
  to: string,
  reason: string | null,
  who: AuditWho,
  extra: { transferredTo?: string } = {},
): Promise<void> {
  await repo.markStateChanged(tx, row.id, extra);
  await repo.insertEvent(tx, {
    licenseId: row.id,
    action,
    fromState: from,
    toState: to,
    reason,
    actorId: who.actor.id > 0 ? who.actor.id : null,
    actorName: who.actor.username,
    data: extra.transferredTo ? { transferredTo: extra.transferredTo } : {},
    regionCode: row.region_code,
  });
  await emit(
    tx,
    TOPIC_STATE_CHANGED,
    {
      licenseId: row.id,
      licenceNo: row.licence_no,
      type: row.type_name,
      action,
      from,
      to,
      reason,
      holder: { kind: row.holder_kind, name: row.holder_name, idNumber: row.holder_id_number, accountId: row.holder_account_id },
      transferredTo: extra.transferredTo ?? null,
    },
    { regionCode: row.region_code },
  );
  const label = STATE_LABELS[to as LicenseState];
  await notify(
    tx,
    holderNotice(row, 'license.state_changed', [`电子证照${label.zh}：${row.type_name}`, `E-licence ${label.en.toLowerCase()}: ${row.type_name}`], [
      `证照标识 ${row.licence_no}${reason ? `，原因：${reason}` : ''}`,
      `Licence ${row.licence_no}${reason ? `; reason: ${reason}` : ''}`,
    ]),
  );
}

/** Marks valid licences past their last day as expired (the daily job). Returns how many. */
export async function expireDue(ctx: { db: Db; workflows: Workflows }, today = todayInChina(), batch = 200): Promise<number> {
  const who = { actor: SYSTEM_ACTOR };
  let total = 0;
  for (;;) {
    const due = await repo.dueForExpiry(executor(ctx.db), today, batch);
    let moved = 0;
    for (const { id } of due) {
      try {
        await ctx.workflows.transition(LICENSE_WORKFLOW, licenseStore, id, 'expire', {
          note: `有效期至 ${today} 前届满`,
          who,
          effect: async (tx, r) => {
            const row = (await repo.byId(tx, id))!;
            await recordTransition(tx, row, 'expire', r.from, r.to, null, who);
          },
        });
        moved++;
      } catch (e) {
        // another worker expired or changed it first
        if (!(e instanceof DomainError && (e.code === 'common.VERSION_CONFLICT' || e.code === 'workflow.WRONG_STATE'))) throw e;
      }
    }
    total += moved;
    if (due.length < batch || moved === 0) return total;
  }
}

/**
 * Renewal reminders: each valid licence ending within `days` days gets one
 * `license.renewal_due` event and a notice to its holder. Returns how many.
 */
export async function remindRenewals(ctx: { db: Db }, days = DEFAULT_RENEWAL_DAYS, today = todayInChina(), batch = 200): Promise<number> {
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  let total = 0;
  for (;;) {
    const n = await inTransaction(ctx.db, async (tx) => {
      const rows = await repo.dueForRenewalNotice(tx, today, horizon, batch);
      for (const r of rows) {
        const daysLeft = daysUntil(today, r.valid_until!);
        await repo.markRenewalNoticed(tx, r.id);
        await repo.insertEvent(tx, {
          licenseId: r.id,
          action: 'renewal_reminder',
          fromState: r.state,
          toState: r.state,
          reason: null,
          actorId: null,
          actorName: SYSTEM_ACTOR.username,
          data: { validUntil: r.valid_until, daysLeft },
          regionCode: r.region_code,
        });
        await emit(
          tx,
          TOPIC_RENEWAL_DUE,
          {
            licenseId: r.id,
            licenceNo: r.licence_no,
            type: r.type_name,
            holder: { kind: r.holder_kind, name: r.holder_name, idNumber: r.holder_id_number, accountId: r.holder_account_id },
            validUntil: r.valid_until,
            daysLeft,
          },
          { regionCode: r.region_code },
        );
        await notify(
          tx,
          holderNotice(r, 'license.renewal_due', [`证照即将到期：${r.type_name}`, `Licence expiring soon: ${r.type_name}`], [
            `证照 ${r.licence_no} 将于 ${r.valid_until} 到期（还有 ${daysLeft} 天），请及时办理延续。`,
            `Licence ${r.licence_no} expires on ${r.valid_until} (${daysLeft} days left); apply for renewal in time.`,
          ]),
        );
      }
      return rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

import { emit } from '../jobs/index.ts';
import { inTransaction, query, sql, type Db } from '../db/index.ts';

/** Outbox topics of the SLA watcher. Modules subscribe and filter on `subjectType` (their workflow name). */
export const SLA_WARNING = 'sla.warning';
export const SLA_OVERDUE = 'sla.overdue';
export const SLA_WATCH_QUEUE = 'platform.sla-watch';

export interface SlaEventPayload {
  clockId: number;
  subjectType: string;
  subjectId: string;
  purpose: string;
  regionCode: string;
  dueAt: string;
  warnAt: string | null;
}

interface Row {
  id: number;
  subject_type: string;
  subject_id: string;
  purpose: string;
  region_code: string;
  due_at: string;
  warn_at: string | null;
}

const iso = (v: string | null) => (v == null ? null : new Date(v).toISOString());

/**
 * One pass of the SLA watcher: running clocks whose warning time or due time
 * has come are announced once, as `sla.warning` / `sla.overdue` outbox events
 * written in the same transaction as the mark. A clock whose deadline moved
 * later (pause, extension, a loaded calendar) is announced again when its new
 * time comes: the mark is compared with the current warn_at / due_at.
 * Paused and stopped clocks are not announced. Returns what was announced.
 */
export async function watchSla(db: Db, now: Date = new Date(), batch = 500): Promise<{ warnings: number; overdue: number }> {
  const at = now.toISOString();
  let warnings = 0;
  let overdue = 0;
  for (;;) {
    const n = await inTransaction(db, async (tx) => {
      const rows = await query<Row>(
        tx,
        sql`update sla_clocks c set warned_at = ${at}
            where c.id in (
              select id from sla_clocks
              where state = 'running' and warn_at is not null and warn_at <= ${at} and due_at > ${at}
                and (warned_at is null or warned_at < warn_at)
              order by warn_at limit ${batch} for update skip locked)
            returning c.id::float8 as id, c.subject_type, c.subject_id, c.purpose, c.region_code, c.due_at, c.warn_at`,
      );
      for (const r of rows) await emit(tx, SLA_WARNING, payloadOf(r), { regionCode: r.region_code });
      return rows.length;
    });
    warnings += n;
    if (n < batch) break;
  }
  for (;;) {
    const n = await inTransaction(db, async (tx) => {
      const rows = await query<Row>(
        tx,
        sql`update sla_clocks c set overdue_at = ${at}
            where c.id in (
              select id from sla_clocks
              where state = 'running' and due_at <= ${at} and (overdue_at is null or overdue_at < due_at)
              order by due_at limit ${batch} for update skip locked)
            returning c.id::float8 as id, c.subject_type, c.subject_id, c.purpose, c.region_code, c.due_at, c.warn_at`,
      );
      for (const r of rows) await emit(tx, SLA_OVERDUE, payloadOf(r), { regionCode: r.region_code });
      return rows.length;
    });
    overdue += n;
    if (n < batch) break;
  }
  return { warnings, overdue };
}

function payloadOf(r: Row): SlaEventPayload {
  return {
    clockId: Number(r.id),
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    purpose: r.purpose,
    regionCode: r.region_code,
    dueAt: iso(r.due_at) as string,
    warnAt: iso(r.warn_at),
  };
}

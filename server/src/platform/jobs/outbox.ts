import { inTransaction, query, sql, type Db, type Executor, type Tx } from '../db/index.ts';
import { describeError, type JobLogger } from './logger.ts';

/** A domain event as a subscriber receives it. */
export interface OutboxEvent<P = unknown> {
  id: number;
  topic: string;
  payload: P;
  regionCode: string | null;
  createdAt: string;
  /** This delivery attempt, from 1. */
  attempt: number;
}

/** Runs in a transaction that also records the delivery: its effect commits once, with that record. */
export type OutboxHandler<P = unknown> = (event: OutboxEvent<P>, tx: Tx) => Promise<void>;

export interface Subscriber {
  topic: string;
  name: string;
  handler: OutboxHandler;
}

export interface EmitOptions {
  regionCode?: string | null;
}

type WakeListener = (xid: string) => void;
const wakeListeners = new Set<WakeListener>();

/** Running relays in this process hear of each emitted event's transaction, to wake after it commits. */
export function onEmitted(listener: WakeListener): () => void {
  wakeListeners.add(listener);
  return () => wakeListeners.delete(listener);
}

/**
 * Writes a domain event in the caller's transaction. It is delivered only if
 * that transaction commits: to every subscriber of the topic, each exactly
 * once. Returns the event id.
 */
export async function emit(tx: Executor, topic: string, payload: unknown, opts: EmitOptions = {}): Promise<number> {
  if (!topic || topic.length > 200) throw new Error('emit: topic must be 1–200 characters');
  const [row] = await query<{ id: number; xid: string }>(
    tx,
    sql`insert into outbox_events (topic, payload, region_code)
        values (${topic}, ${JSON.stringify(payload ?? null)}::jsonb, ${opts.regionCode ?? null})
        returning id::float8 as id, pg_current_xact_id()::text as xid`,
  );
  for (const listener of wakeListeners) listener(row.xid);
  return Number(row.id);
}

export interface RelaySettings {
  /** Events claimed per batch. */
  batchSize: number;
  /** How long a claimed event is reserved for its relay (seconds); after a crash it is redelivered once this passes. */
  leaseSeconds: number;
  /** Retry backoff after a failed delivery: base · 2^(attempt−1), capped (seconds). */
  retryBaseSeconds: number;
  retryMaxSeconds: number;
}

interface ClaimedRow {
  id: number;
  topic: string;
  payload: unknown;
  region_code: string | null;
  created_at: string;
  attempts: number;
}

/**
 * Claims up to `limit` deliverable events: undelivered and available now.
 * `for update skip locked` keeps concurrent relays (other worker processes)
 * off the same rows; moving available_at forward is the lease.
 */
export async function claimEvents(db: Db, limit: number, leaseSeconds: number): Promise<OutboxEvent[]> {
  const rows = await query<ClaimedRow>(
    db,
    sql`with c as (
          select id from outbox_events
          where delivered_at is null and available_at <= now()
          order by available_at, id
          limit ${limit}
          for update skip locked
        )
        update outbox_events e
        set attempts = e.attempts + 1, available_at = now() + make_interval(secs => ${leaseSeconds})
        from c where e.id = c.id
        returning e.id::float8 as id, e.topic, e.payload, e.region_code,
          to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at, e.attempts`,
  );
  return rows
    .map((r) => ({
      id: Number(r.id),
      topic: r.topic,
      payload: r.payload,
      regionCode: r.region_code,
      createdAt: r.created_at,
      attempt: Number(r.attempts),
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Delivers one claimed event to each subscriber of its topic. Each handler
 * runs in its own transaction together with the insert of its
 * outbox_deliveries row; a row already present means the effect has
 * committed before (redelivery after a crash) and the handler is skipped.
 * The event is marked delivered when every subscriber has its row;
 * otherwise it gets the error and a backoff before the next attempt.
 */
export async function deliverEvent(
  db: Db,
  event: OutboxEvent,
  subscribers: readonly Subscriber[],
  settings: RelaySettings,
  log: JobLogger,
): Promise<boolean> {
  const failures: string[] = [];
  for (const sub of subscribers) {
    try {
      await inTransaction(db, async (tx) => {
        const fresh = await query<{ event_id: number }>(
          tx,
          sql`insert into outbox_deliveries (event_id, handler) values (${event.id}, ${sub.name})
              on conflict (event_id, handler) do nothing returning event_id`,
        );
        if (fresh.length === 0) return;
        await sub.handler(event, tx);
      });
    } catch (err) {
      failures.push(`${sub.name}: ${describeError(err)}`);
      log.warn({ err, eventId: event.id, topic: event.topic, handler: sub.name, attempt: event.attempt }, 'outbox handler failed; will retry');
    }
  }
  if (failures.length === 0) {
    await db.execute(sql`update outbox_events set delivered_at = now() where id = ${event.id} and delivered_at is null`);
    return true;
  }
  const backoff = Math.min(settings.retryMaxSeconds, settings.retryBaseSeconds * 2 ** Math.min(30, Math.max(0, event.attempt - 1)));
  await db.execute(sql`update outbox_events
    set last_error = ${failures.join('\n').slice(0, 4000)}, available_at = now() + make_interval(secs => ${backoff})
    where id = ${event.id} and delivered_at is null`);
  return false;
}

/**
 * One relay pass: claims and delivers batches until none is left, maxBatches
 * were done, or keepGoing() turns false (stopping: the claimed batch is
 * finished, no new one is claimed). Returns events handled and whether more may wait.
 */
export async function relayPass(
  db: Db,
  subscribersOf: (topic: string) => readonly Subscriber[],
  settings: RelaySettings,
  log: JobLogger,
  opts: { maxBatches?: number; keepGoing?: () => boolean } = {},
): Promise<{ handled: number; more: boolean }> {
  const { maxBatches = 20, keepGoing = () => true } = opts;
  let handled = 0;
  for (let i = 0; i < maxBatches; i++) {
    if (!keepGoing()) return { handled, more: true };
    const events = await claimEvents(db, settings.batchSize, settings.leaseSeconds);
    for (const event of events) {
      await deliverEvent(db, event, subscribersOf(event.topic), settings, log);
      handled += 1;
    }
    if (events.length < settings.batchSize) return { handled, more: false };
  }
  return { handled, more: true };
}

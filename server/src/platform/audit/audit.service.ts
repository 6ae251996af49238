import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inTransaction, query, type Db, type Executor } from '../db/index.ts';
import type { Actor } from '../access/index.ts';
import { canonicalJson } from './canonical.ts';

export interface AuditWho {
  actor: Pick<Actor, 'id' | 'username'> & { kind?: Actor['kind'] };
  ip?: string;
  requestId?: string;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The name recorded for an actor. Applicants' usernames are often their
 * resident ID or USCC, and the log is read by many staff: they are recorded
 * by account number instead.
 */
export function auditActorName(actor: AuditWho['actor']): string {
  if (actor.id <= 0) return actor.username;
  if (actor.kind === 'person') return `自然人#${actor.id}`;
  if (actor.kind === 'legal') return `法人#${actor.id}`;
  return actor.username;
}

/** Writes one audit entry in the caller's transaction. Chaining happens later, off the hot path. */
export async function recordAudit(ex: Executor, who: AuditWho, e: AuditInput): Promise<void> {
  await ex.execute(sql`insert into audit_entries
    (actor_id, actor_name, ip, request_id, action, entity_type, entity_id, region_code, before, after)
    values (${who.actor.id > 0 ? who.actor.id : null}, ${auditActorName(who.actor)}, ${who.ip ?? null}, ${who.requestId ?? null},
      ${e.action}, ${e.entityType}, ${e.entityId == null ? null : String(e.entityId)}, ${e.regionCode ?? null},
      ${e.before === undefined ? null : JSON.stringify(e.before)}::jsonb, ${e.after === undefined ? null : JSON.stringify(e.after)}::jsonb)`);
}

interface Row {
  id: number;
  occurred_at: string;
  actor_id: number | null;
  actor_name: string;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  region_code: string | null;
  before: unknown;
  after: unknown;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

const COLUMNS = sql.raw(`id::float8 as id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
  actor_id, actor_name, ip, request_id, action, entity_type, entity_id, region_code, before, after, seq::float8 as seq, prev_hash, hash`);

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of an entry given its place in the chain. */
export function entryHash(r: Omit<Row, 'hash' | 'prev_hash' | 'seq'>, seq: number, prevHash: string): string {
  const content = canonicalJson({
    seq,
    prevHash,
    id: Number(r.id),
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    ip: r.ip,
    requestId: r.request_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    regionCode: r.region_code,
    before: r.before,
    after: r.after,
  });
  return crypto.createHash('sha256').update(content).digest('hex');
}

/**
 * Links committed, unchained entries into the chain in the order they are
 * found (commit order). One chainer at a time (advisory lock); others return 0.
 */
export async function chainPending(db: Db, batch = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await inTransaction(db, async (tx) => {
      const [lock] = await query<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(7318001) as ok`);
      if (!lock.ok) return 0;
      const [head] = await query<{ seq: number; hash: string }>(tx, sql`select seq::float8 as seq, hash from audit_chain_head where id = 1`);
      let seq = head ? Number(head.seq) : 0;
      let prev = head ? head.hash : GENESIS_HASH;
      const rows = await query<Row>(tx, sql`select ${COLUMNS} from audit_entries where seq is null order by id limit ${batch}`);
      if (rows.length === 0) return 0;
      const ids: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const r of rows) {
        seq += 1;
        const h = entryHash(r, seq, prev);
        ids.push(Number(r.id));
        seqs.push(seq);
        prevs.push(prev);
        hashes.push(h);
        prev = h;
      }
      await tx.execute(sql`update audit_entries a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
        from (select unnest(${sql.raw(`ARRAY[${ids.join(',')}]::bigint[]`)}) as id,
                     unnest(${sql.raw(`ARRAY[${seqs.join(',')}]::bigint[]`)}) as seq,
                     unnest(${sql.raw(`ARRAY[${prevs.map((p) => `'${p}'`).join(',')}]::text[]`)}) as prev_hash,
                     unnest(${sql.raw(`ARRAY[${hashes.map((p) => `'${p}'`).join(',')}]::text[]`)}) as hash) v
        where a.id = v.id`);
      await tx.execute(sql`insert into audit_chain_head (id, seq, hash, updated_at) values (1, ${seq}, ${prev}, now())
        on conflict (id) do update set seq = excluded.seq, hash = excluded.hash, updated_at = now()`);
      return rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

export type VerifyResult =
  | { ok: true; entries: number; headSeq: number; headHash: string }
  | { ok: false; entries: number; seq: number; id: number | null; reason: string };

/** Walks the whole chain, recomputing every hash; names the first entry that does not fit. */
export async function verifyChain(db: Db, batch = 5000): Promise<VerifyResult> {
  const [head] = await query<{ seq: number; hash: string }>(db, sql`select seq::float8 as seq, hash from audit_chain_head where id = 1`);
  let expectSeq = 1;
  let prev = GENESIS_HASH;
  let count = 0;
  for (;;) {
    const rows = await query<Row>(
      db,
      sql`select ${COLUMNS} from audit_entries where seq >= ${expectSeq} order by seq limit ${batch}`,
    );
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectSeq) {
        return { ok: false, entries: count, seq: expectSeq, id: null, reason: `entry seq ${expectSeq} is missing (deleted); next present is seq ${seq}, id ${r.id}` };
      }
      if (r.prev_hash !== prev) return { ok: false, entries: count, seq, id: Number(r.id), reason: `entry seq ${seq} (id ${r.id}) does not link to the previous entry` };
      if (entryHash(r, seq, prev) !== r.hash) {
        return { ok: false, entries: count, seq, id: Number(r.id), reason: `entry seq ${seq} (id ${r.id}) was altered: its content does not match its hash` };
      }
      prev = r.hash as string;
      expectSeq += 1;
      count += 1;
    }
    if (rows.length < batch) break;
  }
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq !== count) {
    return { ok: false, entries: count, seq: count + 1, id: null, reason: `the chain head says ${headSeq} entries but ${count} are present: entries after seq ${count} were deleted` };
  }
  if (head && head.hash !== prev) return { ok: false, entries: count, seq: count, id: null, reason: 'the chain head hash does not match the last entry' };
  return { ok: true, entries: count, headSeq, headHash: prev };
}

import { executor, query, sql, type Db, type Executor } from '../db/index.ts';
import { decodeCursor, paginate, type Page } from '../db/index.ts';

export interface NoticeInput {
  accountId: number;
  kind: string;
  title: string;
  titleEn?: string | null;
  body?: string;
  bodyEn?: string | null;
  link?: string | null;
  subjectType?: string | null;
  subjectId?: string | number | null;
  data?: Record<string, unknown>;
  regionCode?: string | null;
}

export interface Notice {
  id: number;
  kind: string;
  title: string;
  titleEn: string | null;
  body: string;
  bodyEn: string | null;
  link: string | null;
  subjectType: string | null;
  subjectId: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

interface Row {
  id: number;
  kind: string;
  title: string;
  title_en: string | null;
  body: string;
  body_en: string | null;
  link: string | null;
  subject_type: string | null;
  subject_id: string | null;
  data: Record<string, unknown>;
  created_at: string;
  read_at: string | null;
}

const present = (r: Row): Notice => ({
  id: Number(r.id),
  kind: r.kind,
  title: r.title,
  titleEn: r.title_en,
  body: r.body,
  bodyEn: r.body_en,
  link: r.link,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  data: r.data ?? {},
  createdAt: new Date(r.created_at).toISOString(),
  readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
});

/**
 * Writes notices in the caller's transaction (they exist only if the change
 * they tell of commits). Accounts with id ≤ 0 (system, anonymous) have no
 * inbox and are skipped. Returns the ids written.
 */
export async function notify(tx: Executor, notices: NoticeInput | readonly NoticeInput[]): Promise<number[]> {
  const list = (Array.isArray(notices) ? notices : [notices]).filter((n: NoticeInput) => n.accountId > 0);
  const ids: number[] = [];
  for (const n of list) {
    if (!n.kind || !n.title) throw new Error('notify: kind and title are required');
    const [row] = await query<{ id: number }>(
      tx,
      sql`insert into notifications (account_id, kind, title, title_en, body, body_en, link, subject_type, subject_id, data, region_code)
          values (${n.accountId}, ${n.kind}, ${n.title}, ${n.titleEn ?? null}, ${n.body ?? ''}, ${n.bodyEn ?? null}, ${n.link ?? null},
                  ${n.subjectType ?? null}, ${n.subjectId == null ? null : String(n.subjectId)}, ${JSON.stringify(n.data ?? {})}::jsonb,
                  ${n.regionCode ?? null})
          returning id::float8 as id`,
    );
    ids.push(Number(row.id));
  }
  return ids;
}

/** An account's inbox, newest first, cursor-paged; `unread` limits to unread notices. */
export async function inbox(db: Db, accountId: number, opts: { limit: number; cursor?: string; unread?: boolean }): Promise<Page<Notice> & { unread: number }> {
  const ex = executor(db);
  const key = decodeCursor(opts.cursor);
  if (key && !(key.length === 1 && Number.isInteger(key[0]))) decodeCursor('!');
  const after = key ? (key as [number]) : null;
  const rows = await query<Row>(
    ex,
    sql`select id::float8 as id, kind, title, title_en, body, body_en, link, subject_type, subject_id, data, created_at, read_at
        from notifications
        where account_id = ${accountId}
          ${opts.unread ? sql`and read_at is null` : sql``}
          ${after ? sql`and id < ${after[0]}` : sql``}
        order by id desc limit ${opts.limit + 1}`,
  );
  const [{ n }] = await query<{ n: number }>(ex, sql`select count(*)::int as n from notifications where account_id = ${accountId} and read_at is null`);
  return { ...paginate(rows.map(present), opts.limit, (r) => [r.id]), unread: n };
}

/** Marks one notice (or all when `id` is null) of the account read; returns how many changed. Another account's notice is not found. */
export async function markRead(ex: Executor, accountId: number, id: number | null): Promise<number> {
  const rows = await query<{ id: number }>(
    ex,
    sql`update notifications set read_at = now()
        where account_id = ${accountId} and read_at is null ${id == null ? sql`` : sql`and id = ${id}`}
        returning id`,
  );
  return rows.length;
}

/** Whether the notice exists and is the account's (for a 404 on someone else's). */
export async function ownsNotice(ex: Executor, accountId: number, id: number): Promise<boolean> {
  const rows = await query<{ id: number }>(ex, sql`select id from notifications where id = ${id} and account_id = ${accountId}`);
  return rows.length > 0;
}

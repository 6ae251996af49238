import { CommonErrors } from '../errors/index.ts';

/** Cursor pagination: opaque base64url cursors over a stable sort key. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, field = 'cursor'): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v)) return v;
  } catch {
    /* fall through */
  }
  throw CommonErrors.VALIDATION({ fields: [{ field, message: '分页游标无效', messageEn: 'Invalid pagination cursor' }] });
}

/** Given limit+1 rows fetched, returns the page and the cursor of its last row. */
export function paginate<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]): Page<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items, nextCursor: more && items.length ? encodeCursor(keyOf(items[items.length - 1])) : null };
}

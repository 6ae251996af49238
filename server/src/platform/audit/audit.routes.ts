import { z } from 'zod';
import { sql, type SQL } from 'drizzle-orm';
import type { Routes } from '../http/index.ts';
import { decodeCursor, paginate, query, type Db } from '../db/index.ts';
import { regionPrefix, ROLE_PERMISSIONS, type Actor } from '../access/index.ts';
import { chainPending, verifyChain } from './audit.service.ts';

/** Region filter from the actor's audit:read grants: unrestricted, or the union of its region subtrees. */
function scopeFilter(actor: Actor): SQL {
  const grants = actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes('audit:read'));
  if (grants.some((g) => g.regionCode === null && g.orgId === null)) return sql`true`;
  const prefixes = grants.filter((g) => g.regionCode).map((g) => `${regionPrefix(g.regionCode as string)}%`);
  if (!prefixes.length) return sql`false`;
  return sql.join(prefixes.map((p) => sql`region_code like ${p}`), sql` or `);
}

export function registerAuditRoutes(routes: Routes, db: Db) {
  routes.define({
    method: 'GET',
    url: '/api/audit',
    tags: ['audit'],
    summary: 'Audit log entries, newest first, within the caller\'s region scope',
    access: 'audit:read',
    query: z.object({
      entityType: z.string().max(64).optional(),
      entityId: z.string().max(128).optional(),
      action: z.string().max(64).optional(),
      actorId: z.coerce.number().int().optional(),
      from: z.iso.datetime({ offset: true }).optional(),
      to: z.iso.datetime({ offset: true }).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(200).optional(),
    }),
    handler: async ({ query: q, actor }) => {
      const after = decodeCursor(q.cursor);
      const conds: SQL[] = [sql`(${scopeFilter(actor)})`];
      if (q.entityType) conds.push(sql`entity_type = ${q.entityType}`);
      if (q.entityId) conds.push(sql`entity_id = ${q.entityId}`);
      if (q.action) conds.push(sql`action = ${q.action}`);
      if (q.actorId !== undefined) conds.push(sql`actor_id = ${q.actorId}`);
      if (q.from) conds.push(sql`occurred_at >= ${q.from}`);
      if (q.to) conds.push(sql`occurred_at < ${q.to}`);
      if (after) conds.push(sql`id < ${Number(after[0])}`);
      const rows = await query<{ id: number }>(
        db,
        sql`select id::float8 as id, occurred_at, actor_id, actor_name, ip, request_id, action, entity_type, entity_id, region_code,
                   before, after, seq::float8 as seq, hash
            from audit_entries where ${sql.join(conds, sql` and `)} order by id desc limit ${q.limit + 1}`,
      );
      return paginate(rows, q.limit, (r) => [r.id]);
    },
  });

  routes.define({
    method: 'POST',
    url: '/api/audit/verify',
    tags: ['audit'],
    summary: 'Link pending entries and verify the whole hash chain',
    access: 'audit:verify',
    idempotent: false,
    handler: async () => {
      const linked = await chainPending(db);
      return { linked, ...(await verifyChain(db)) };
    },
  });
}

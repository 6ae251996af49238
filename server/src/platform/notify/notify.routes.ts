import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { inTransaction } from '../db/index.ts';
import { CommonErrors } from '../errors/index.ts';
import type { Routes } from '../http/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inbox, markRead, ownsNotice } from './notify.service.ts';

const InboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  unread: z.enum(['true', 'false']).optional(),
});

/** The signed-in account's inbox. */
export function registerNotifyRoutes(routes: Routes, db: Db): void {
  routes.define({
    method: 'GET',
    url: '/api/me/notifications',
    tags: ['notifications'],
    summary: 'My notices, newest first / 我的消息',
    access: 'authenticated',
    query: InboxQuery,
    handler: async ({ query, actor }) => inbox(db, actor.id, { limit: query.limit, cursor: query.cursor, unread: query.unread === 'true' }),
  });

  routes.define({
    method: 'POST',
    url: '/api/me/notifications/:id/read',
    tags: ['notifications'],
    summary: 'Mark one notice read / 标记已读',
    access: 'authenticated',
    params: z.object({ id: z.coerce.number().int().positive() }),
    handler: async ({ params, actor, caller }) =>
      inTransaction(db, async (tx) => {
        if (!(await ownsNotice(tx, actor.id, params.id))) throw CommonErrors.NOT_FOUND();
        const changed = await markRead(tx, actor.id, params.id);
        if (changed) await recordAudit(tx, { actor, ip: caller.ip, requestId: caller.requestId }, { action: 'notification.read', entityType: 'notification', entityId: params.id });
        return { changed };
      }),
  });

  routes.define({
    method: 'POST',
    url: '/api/me/notifications/read-all',
    tags: ['notifications'],
    summary: 'Mark all my notices read / 全部标记已读',
    access: 'authenticated',
    handler: async ({ actor, caller }) =>
      inTransaction(db, async (tx) => {
        const changed = await markRead(tx, actor.id, null);
        if (changed) await recordAudit(tx, { actor, ip: caller.ip, requestId: caller.requestId }, { action: 'notification.read_all', entityType: 'account', entityId: actor.id, after: { changed } });
        return { changed };
      }),
  });
}

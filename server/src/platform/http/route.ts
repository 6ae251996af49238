import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Actor, Permission } from '../access/index.ts';
import { CommonErrors, type FieldError } from '../errors/index.ts';
import { inTransaction, query, type Database } from '../db/index.ts';

/** Who may call a route: anyone, any signed-in account, or holders of a permission. */
export type Access = 'public' | 'authenticated' | Permission;

export interface Caller {
  actor: Actor;
  ip: string;
  requestId: string;
  lang: 'zh' | 'en';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<Q, B, P> {
  method: Method;
  url: string;
  tags: string[];
  summary: string;
  description?: string;
  access: Access;
  query?: Q;
  body?: B;
  params?: P;
  /** Documented response body (OpenAPI only). */
  response?: z.ZodType;
  /** Success status (default 200). */
  status?: number;
  /**
   * Writes honour an Idempotency-Key header by default: the handler runs in
   * one transaction with the stored response, and a retry replays it.
   * Set false for routes that must commit even when they fail (login).
   */
  idempotent?: boolean;
  /** Require the CSRF header on cookie-authenticated writes (default true). */
  csrf?: boolean;
  /** Hide from the OpenAPI document. */
  hidden?: boolean;
  handler: (input: {
    query: Infer<Q>;
    body: Infer<B>;
    params: Infer<P>;
    caller: Caller;
    actor: Actor;
    req: FastifyRequest;
    reply: FastifyReply;
  }) => Promise<unknown>;
}

export interface RegisteredRoute {
  method: Method;
  url: string;
  tags: string[];
  summary: string;
  description?: string;
  access: Access;
  query?: z.ZodType;
  body?: z.ZodType;
  params?: z.ZodType;
  response?: z.ZodType;
  status: number;
}

const zhError = z.locales.zhCN().localeError;
const enError = z.locales.en().localeError;

/** Validates one part of a request; on failure throws VALIDATION naming each field in both languages. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown, location: 'query' | 'body' | 'params'): z.output<S> {
  const zh = schema.safeParse(data, { error: zhError as never });
  if (zh.success) return zh.data;
  const en = schema.safeParse(data, { error: enError as never });
  const enMsgs = en.success ? [] : en.error.issues.map((i) => i.message);
  const fields: FieldError[] = zh.error.issues.map((issue, i) => ({
    field: issue.path.length ? issue.path.join('.') : location,
    message: issue.message,
    // custom issues (identifiers) carry their own English text in params
    messageEn: (issue as { params?: { messageEn?: string } }).params?.messageEn ?? enMsgs[i] ?? issue.message,
    in: location,
  }));
  throw CommonErrors.VALIDATION({ fields });
}

function actorKey(caller: Caller): string {
  return caller.actor.id > 0 ? `a:${caller.actor.id}` : `ip:${caller.ip}`;
}

/** Runs `run` under an Idempotency-Key: one transaction holding both the work and its stored response. */
async function withIdempotency(
  database: Database,
  key: string,
  caller: Caller,
  req: FastifyRequest,
  run: () => Promise<{ status: number; body: unknown }>,
): Promise<{ status: number; body: unknown; replayed: boolean }> {
  if (key.length > 200) throw CommonErrors.VALIDATION({ fields: [{ field: 'Idempotency-Key', message: '不能超过 200 个字符', messageEn: 'At most 200 characters' }] });
  const hash = crypto.createHash('sha256').update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`).digest('hex');
  const owner = actorKey(caller);
  return inTransaction(database.db, async (tx) => {
    const inserted = await query<{ id: number }>(
      tx,
      sql`insert into idempotency_keys (owner, key, request_hash) values (${owner}, ${key}, ${hash})
          on conflict (owner, key) do nothing returning id`,
    );
    if (inserted.length === 0) {
      const [prior] = await query<{ request_hash: string; status: number | null; response: unknown }>(
        tx,
        sql`select request_hash, status, response from idempotency_keys where owner = ${owner} and key = ${key}`,
      );
      if (!prior || prior.request_hash !== hash) throw CommonErrors.IDEMPOTENCY_MISMATCH();
      if (prior.status === null) throw CommonErrors.IDEMPOTENCY_IN_PROGRESS();
      return { status: prior.status, body: prior.response, replayed: true };
    }
    const out = await run();
    await tx.execute(
      sql`update idempotency_keys set status = ${out.status}, response = ${JSON.stringify(out.body ?? null)}::jsonb
          where id = ${inserted[0].id}`,
    );
    return { ...out, replayed: false };
  });
}

/** The route registry: every route is defined through it, and the OpenAPI document is built from it. */
export class Routes {
  readonly all: RegisteredRoute[] = [];
  constructor(
    private readonly app: FastifyInstance,
    private readonly database: Database,
  ) {}

  define<Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
    spec: RouteSpec<Q, B, P>,
  ): void {
    const status = spec.status ?? 200;
    if (!spec.hidden) {
      this.all.push({
        method: spec.method,
        url: spec.url,
        tags: spec.tags,
        summary: spec.summary,
        description: spec.description,
        access: spec.access,
        query: spec.query as z.ZodType | undefined,
        body: spec.body as z.ZodType | undefined,
        params: spec.params as z.ZodType | undefined,
        response: spec.response,
        status,
      });
    }
    const isWrite = spec.method !== 'GET';
    const database = this.database;
    this.app.route({
      method: spec.method,
      url: spec.url,
      handler: async (req, reply) => {
        const caller = req.caller;
        const actor = caller.actor;
        if (spec.access !== 'public') {
          if (actor.id <= 0) throw CommonErrors.UNAUTHENTICATED();
          if (spec.access !== 'authenticated' && !actor.permissions.has(spec.access)) throw CommonErrors.FORBIDDEN();
        }
        if (isWrite && actor.via === 'session' && spec.csrf !== false) req.assertCsrf();
        const input = {
          query: (spec.query ? parseInput(spec.query as z.ZodType, req.query, 'query') : undefined) as Infer<Q>,
          params: (spec.params ? parseInput(spec.params as z.ZodType, req.params, 'params') : undefined) as Infer<P>,
          body: (spec.body ? parseInput(spec.body as z.ZodType, req.body, 'body') : undefined) as Infer<B>,
          caller,
          actor,
          req,
          reply,
        };
        const key = req.headers['idempotency-key'];
        if (isWrite && spec.idempotent !== false && typeof key === 'string' && key) {
          const out = await withIdempotency(database, key, caller, req, async () => ({ status, body: await spec.handler(input) }));
          if (out.replayed) reply.header('Idempotent-Replayed', 'true');
          return reply.code(out.status).send(out.body);
        }
        const result = await spec.handler(input);
        if (result === reply) return reply;
        return reply.code(status).send(result);
      },
    });
  }
}

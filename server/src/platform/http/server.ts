import crypto from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import client from 'prom-client';
import { ANONYMOUS, type Actor } from '../access/index.ts';
import { CommonErrors } from '../errors/index.ts';
import type { Database } from '../db/index.ts';
import { Routes, type Caller } from './route.ts';
import { errorHandler, langOf, notFoundHandler } from './problem.ts';

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller;
    /** The CSRF token bound to the caller's session, if any. */
    csrfToken?: string;
    assertCsrf(): void;
  }
}

/** Resolves who is calling (session cookie, bearer token, or nobody). */
export type CallerResolver = (req: FastifyRequest) => Promise<{ actor: Actor; csrfToken?: string }>;

export interface HttpOptions {
  database: Database;
  logLevel: string;
  resolve: CallerResolver;
  bodyLimit?: number;
  /** Largest file accepted in a multipart upload (bytes, default 50 MB). */
  uploadLimit?: number;
  trustProxy?: boolean;
}

export const metricsRegistry = new client.Registry();
client.collectDefaultMetrics({ register: metricsRegistry });
const httpDuration = new client.Histogram({
  name: 'tongban_http_request_duration_seconds',
  help: 'HTTP request duration',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

/** Creates the Fastify instance with Tongban's HTTP conventions and the route registry. */
export async function createHttp(opts: HttpOptions): Promise<{ app: FastifyInstance; routes: Routes }> {
  const app = Fastify({
    logger:
      opts.logLevel === 'silent'
        ? false
        : {
            level: opts.logLevel,
            // no personal data in logs: never log bodies, cookies or auth headers
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
          },
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: opts.trustProxy ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    },
    ajv: { customOptions: { coerceTypes: false } },
  });
  await app.register(cookie);
  await app.register(formbody);
  // multipart/form-data uploads (req.parts(), req.file()); routes read the parts themselves and may lower these limits
  await app.register(multipart, { limits: { fileSize: opts.uploadLimit ?? 50 * 1024 * 1024, files: 5, fields: 50, parts: 60 } });
  app.decorateRequest('caller', null as unknown as Caller);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('assertCsrf', function (this: FastifyRequest) {
    const sent = this.headers['x-csrf-token'];
    if (!this.csrfToken || typeof sent !== 'string' || sent.length !== this.csrfToken.length ||
        !crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(this.csrfToken))) {
      throw CommonErrors.CSRF();
    }
  });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
    const lang = langOf(req);
    if (!req.url.startsWith('/api/') && !req.url.startsWith('/open311/')) {
      req.caller = { actor: ANONYMOUS, ip: req.ip, requestId: String(req.id), lang };
      return;
    }
    const { actor, csrfToken } = await opts.resolve(req);
    req.caller = { actor, ip: req.ip, requestId: String(req.id), lang };
    req.csrfToken = csrfToken;
  });
  app.addHook('onResponse', async (req, reply) => {
    httpDuration.observe(
      { method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  return { app, routes: new Routes(app, opts.database) };
}

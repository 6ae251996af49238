/**
 * Open311 GeoReport v2 at /open311/v2/ and discovery at /open311/discovery.{json,xml}.
 *
 * These routes are registered on their own Fastify scope rather than through
 * routes.define: GeoReport clients send form-encoded bodies with
 * `attribute[code][]` keys, choose the format by extension, authenticate
 * with `api_key` (not a session or bearer token), and expect the spec's
 * `[{code, description}]` / `<errors>` documents, not problem+json. The scope
 * has its own error and not-found handlers (open311.http.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FORMATS, splitFormat, type FormBody, type Format } from './open311.rules.ts';
import { open311ErrorHandler, open311NotFound, sendList, sendObject } from './open311.http.ts';
import type { Open311Service } from './open311.service.ts';
import { discovery } from './open311.present.ts';

const body = (req: FastifyRequest): FormBody => (req.body && typeof req.body === 'object' ? (req.body as FormBody) : {});
const query = (req: FastifyRequest): FormBody => (req.query && typeof req.query === 'object' ? (req.query as FormBody) : {});
const who = (req: FastifyRequest) => {
  const key = req.headers['idempotency-key'];
  return { ip: req.ip, requestId: String(req.id), idempotencyKey: typeof key === 'string' ? key : undefined };
};

/** `:file` of `/services/:file` as (id, format); an unknown extension is the spec's 404. */
function fileParam(req: FastifyRequest, reply: FastifyReply): { name: string; format: Format } | null {
  const file = (req.params as { file?: string }).file ?? '';
  const parsed = splitFormat(decodeURIComponent(file));
  if (!parsed) {
    void open311NotFound(req, reply);
    return null;
  }
  return parsed;
}

export async function registerOpen311Api(app: FastifyInstance, open311: Open311Service): Promise<void> {
  await app.register(
    async (scope) => {
      scope.setErrorHandler(open311ErrorHandler);
      scope.setNotFoundHandler(open311NotFound);

      for (const format of FORMATS) {
        scope.get(`/discovery.${format}`, async (req, reply) => {
          const base = `${req.protocol}://${req.host}`;
          return sendObject(reply, format, 'discovery', discovery(base, open311.settings));
        });
        scope.get(`/v2/services.${format}`, async (req, reply) => sendList(reply, format, 'services', await open311.services(query(req))));
        scope.get(`/v2/requests.${format}`, async (req, reply) => sendList(reply, format, 'service_requests', await open311.requests(query(req))));
        scope.post(`/v2/requests.${format}`, async (req, reply) => sendList(reply, format, 'service_requests', await open311.submit(body(req), who(req))));
        scope.get(`/v2/servicerequestupdates.${format}`, async (req, reply) => sendList(reply, format, 'service_request_updates', await open311.updates(query(req))));
        scope.post(`/v2/servicerequestupdates.${format}`, async (req, reply) =>
          sendList(reply, format, 'service_request_updates', await open311.postUpdate(body(req), who(req))),
        );
      }
      scope.get('/v2/services/:file', async (req, reply) => {
        const f = fileParam(req, reply);
        if (!f) return reply;
        return sendObject(reply, f.format, 'service_definition', await open311.definition(f.name, query(req)));
      });
      scope.get('/v2/requests/:file', async (req, reply) => {
        const f = fileParam(req, reply);
        if (!f) return reply;
        return sendList(reply, f.format, 'service_requests', await open311.request(f.name, query(req)));
      });
      scope.get('/v2/tokens/:file', async (req, reply) => {
        const f = fileParam(req, reply);
        if (!f) return reply;
        return sendList(reply, f.format, 'service_requests', await open311.token(f.name, query(req)));
      });
    },
    { prefix: '/open311' },
  );
}

/**
 * The Open311 edge: documents in JSON or XML by extension, and errors in the
 * GeoReport format (`[{code, description}]`, `<errors><error>…`) instead of
 * the platform's problem+json, which GeoReport clients do not read.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDomainError, type DomainError, type ErrorKind } from '../../platform/errors/index.ts';
import { Open311Error, formatOfUrl, type Format, type SpecError } from './open311.rules.ts';
import { xmlList, xmlObject } from './open311.xml.ts';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
  unavailable: 503,
};

const JSON_TYPE = 'application/json; charset=utf-8';
const XML_TYPE = 'text/xml; charset=utf-8';

/** A list document: JSON array, or `<root><item>…</item></root>`. */
export function sendList(reply: FastifyReply, format: Format, root: string, items: unknown[], status = 200): FastifyReply {
  if (format === 'json') return reply.code(status).type(JSON_TYPE).send(JSON.stringify(items));
  return reply.code(status).type(XML_TYPE).send(xmlList(root, items));
}

/** A single-object document (discovery, service definition). */
export function sendObject(reply: FastifyReply, format: Format, root: string, value: Record<string, unknown>): FastifyReply {
  if (format === 'json') return reply.code(200).type(JSON_TYPE).send(JSON.stringify(value));
  return reply.code(200).type(XML_TYPE).send(xmlObject(root, value));
}

/** A domain error as the spec's error list: one entry per named field, else one for the error. */
export function specErrorsOf(err: DomainError): { status: number; errors: SpecError[] } {
  const status = STATUS[err.kind];
  if (err.fields.length > 0) {
    return { status, errors: err.fields.map((f) => ({ code: status, description: `${f.field}: ${f.message} (${f.messageEn ?? f.message})` })) };
  }
  return { status, errors: [{ code: status, description: `${err.zh} (${err.en})` }] };
}

export function sendErrors(reply: FastifyReply, format: Format, status: number, errors: SpecError[]): FastifyReply {
  return sendList(reply, format, 'errors', errors, status);
}

/** Error handler of the /open311 scope. */
export function open311ErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const format = formatOfUrl(req.url);
  if (err instanceof Open311Error) return sendErrors(reply, format, err.status, err.errors);
  if (isDomainError(err)) {
    const { status, errors } = specErrorsOf(err);
    return sendErrors(reply, format, status, errors);
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    const status = err.statusCode === 413 ? 413 : 400;
    return sendErrors(reply, format, status, [{ code: status, description: `请求无效 (Invalid request): ${err.message}` }]);
  }
  req.log.error({ err }, 'open311: unhandled error');
  return sendErrors(reply, format, 500, [{ code: 500, description: '服务器内部错误 (General service error)' }]);
}

export function open311NotFound(req: FastifyRequest, reply: FastifyReply) {
  return sendErrors(reply, formatOfUrl(req.url), 404, [{ code: 404, description: `未找到 (Not found): ${req.url.split('?')[0]}` }]);
}

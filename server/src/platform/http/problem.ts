import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrors, isDomainError, type DomainError, type ErrorKind } from '../errors/index.ts';

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

export function langOf(req: FastifyRequest): 'zh' | 'en' {
  const cookie = (req.cookies as Record<string, string | undefined> | undefined)?.tb_lang;
  if (cookie === 'en' || cookie === 'zh') return cookie;
  const al = req.headers['accept-language'];
  return typeof al === 'string' && /^en\b/i.test(al.trim()) ? 'en' : 'zh';
}

/** RFC 9457 problem details for a domain error, in the caller's language. */
export function problemOf(err: DomainError, lang: 'zh' | 'en', requestId: string) {
  const status = STATUS[err.kind];
  return {
    status,
    body: {
      type: `https://tongban.dev/problems/${err.code}`,
      title: lang === 'en' ? err.en : err.zh,
      status,
      code: err.code,
      detail:
        err.fields.length > 0
          ? err.fields.map((f) => `${f.field}: ${lang === 'en' ? (f.messageEn ?? f.message) : f.message}`).join('; ')
          : lang === 'en'
            ? err.en
            : err.zh,
      errors: err.fields.map((f) => ({ ...f, message: lang === 'en' ? (f.messageEn ?? f.message) : f.message, messageEn: undefined })),
      requestId,
      ...err.extra,
    },
  };
}

/** Maps Fastify's own errors (bad JSON, wrong content type, body too large) to domain errors. */
function fromFastify(err: FastifyError): DomainError | null {
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return CommonErrors.VALIDATION({ fields: [{ field: 'content-type', message: '不支持的内容类型', messageEn: 'Unsupported content type' }] });
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err.statusCode === 400 && err instanceof SyntaxError))
    return CommonErrors.VALIDATION({ fields: [{ field: 'body', message: '请求体不是有效的 JSON', messageEn: 'The body is not valid JSON' }] });
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) return CommonErrors.PAYLOAD_TOO_LARGE();
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return CommonErrors.VALIDATION({ fields: [{ field: 'request', message: err.message, messageEn: err.message }] });
  return null;
}

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const domain = isDomainError(err) ? err : fromFastify(err);
  if (domain) {
    const p = problemOf(domain, langOf(req), String(req.id));
    if (p.status === 429 && domain.extra.retryAfter) reply.header('Retry-After', String(domain.extra.retryAfter));
    return reply.code(p.status).type('application/problem+json').send(p.body);
  }
  req.log.error({ err }, 'unhandled error');
  const lang = langOf(req);
  return reply
    .code(500)
    .type('application/problem+json')
    .send({
      type: 'https://tongban.dev/problems/common.INTERNAL',
      title: lang === 'en' ? 'Internal error' : '服务器内部错误',
      status: 500,
      code: 'common.INTERNAL',
      requestId: String(req.id),
    });
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  const p = problemOf(CommonErrors.NOT_FOUND(), langOf(req), String(req.id));
  return reply.code(404).type('application/problem+json').send(p.body);
}

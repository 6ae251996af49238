/**
 * Domain errors. Services throw these (never HTTP types); one mapper at the
 * HTTP edge turns them into problem+json. Each module declares its codes with
 * a Chinese and an English message via defineErrors().
 */
export type ErrorKind =
  | 'invalid' // 400/422: bad input
  | 'unauthenticated' // 401
  | 'forbidden' // 403: authenticated but the permission is missing
  | 'not_found' // 404: also used for "not yours"
  | 'conflict' // 409: version conflict, duplicate
  | 'locked' // 423: account locked
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export interface FieldError {
  field: string;
  /** Where the field is: query, body, params, header. */
  in?: string;
  message: string;
  messageEn?: string;
}

export interface ErrorSpec {
  kind: ErrorKind;
  zh: string;
  en: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly zh: string,
    readonly en: string,
    readonly fields: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(`${code}: ${en}`);
    this.name = 'DomainError';
  }
}

type Interp = Record<string, string | number>;
const fill = (t: string, v?: Interp) => (v ? t.replace(/\{(\w+)\}/g, (_, k) => String(v[k] ?? `{${k}}`)) : t);

export type ErrorFactory = (opts?: { vars?: Interp; fields?: FieldError[]; extra?: Record<string, unknown> }) => DomainError;

/** Declares a module's error codes: defineErrors('auth', { BAD_LOGIN: {kind, zh, en} }). */
export function defineErrors<K extends string>(module: string, specs: Record<K, ErrorSpec>): Record<K, ErrorFactory> & { specs: Record<K, ErrorSpec> } {
  const out: Record<string, unknown> = { specs };
  for (const key of Object.keys(specs) as K[]) {
    const s = specs[key];
    out[key] = (opts?: Parameters<ErrorFactory>[0]) =>
      new DomainError(`${module}.${key}`, s.kind, fill(s.zh, opts?.vars), fill(s.en, opts?.vars), opts?.fields ?? [], opts?.extra ?? {});
  }
  return out as Record<K, ErrorFactory> & { specs: Record<K, ErrorSpec> };
}

export const CommonErrors = defineErrors('common', {
  VALIDATION: { kind: 'invalid', zh: '请求参数有误', en: 'The request is invalid' },
  NOT_FOUND: { kind: 'not_found', zh: '未找到该资源', en: 'Not found' },
  UNAUTHENTICATED: { kind: 'unauthenticated', zh: '请先登录', en: 'Authentication required' },
  FORBIDDEN: { kind: 'forbidden', zh: '没有执行此操作的权限', en: 'You do not have permission to do this' },
  CSRF: { kind: 'forbidden', zh: '缺少或错误的 CSRF 令牌，请刷新页面后重试', en: 'Missing or wrong CSRF token; reload the page and try again' },
  VERSION_CONFLICT: {
    kind: 'conflict',
    zh: '该记录已被他人修改（当前版本 {current}），请刷新后重试',
    en: 'This record was changed by someone else (now version {current}); reload and try again',
  },
  IDEMPOTENCY_MISMATCH: {
    kind: 'invalid',
    zh: 'Idempotency-Key 已用于另一个不同的请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    kind: 'conflict',
    zh: '相同 Idempotency-Key 的请求正在处理中',
    en: 'A request with the same Idempotency-Key is still being processed',
  },
  RATE_LIMITED: { kind: 'rate_limited', zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  PAYLOAD_TOO_LARGE: { kind: 'invalid', zh: '请求内容过大', en: 'Request body too large' },
});

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

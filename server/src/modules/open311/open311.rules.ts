/**
 * Open311 GeoReport v2 protocol rules (pure): formats, jurisdiction, form
 * parameters with `attribute[code]` / `attribute[code][]`, attribute
 * validation by datatype, locations, dates in the w3 ISO 8601 subset, and the
 * GET requests filters with the 90-day / 1,000-request defaults.
 */

export type Format = 'json' | 'xml';
export const FORMATS: readonly Format[] = ['json', 'xml'];

/** One entry of the spec's error array: `code` is the HTTP status. */
export interface SpecError {
  code: number;
  description: string;
}

/** Thrown by the rules and services of this module; the Open311 edge renders it as the spec's error array. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly errors: SpecError[],
  ) {
    super(errors.map((e) => e.description).join('; '));
    this.name = 'Open311Error';
  }
}

/** A 4xx with one description per problem, each in Chinese then English (as the project's messages are). */
export function specError(status: number, ...messages: { zh: string; en: string }[]): Open311Error {
  return new Open311Error(
    status,
    messages.map((m) => ({ code: status, description: `${m.zh} (${m.en})` })),
  );
}

/** `requests.json` → { name: 'requests', format: 'json' }; null without a known extension. */
export function splitFormat(file: string): { name: string; format: Format } | null {
  const m = /^(.*)\.(json|xml)$/i.exec(file);
  if (!m || !m[1]) return null;
  return { name: m[1], format: m[2].toLowerCase() as Format };
}

/** The format a URL asks for (by extension, before any query string); XML is the spec's required default. */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0];
  return /\.json$/i.test(path) ? 'json' : 'xml';
}

export interface Open311Settings {
  /** Accepted jurisdiction_id values (the county's domain and region code). */
  jurisdictions: string[];
  /** The spec's default cap on GET requests (1,000). */
  maxRequests: number;
  /** The spec's default date window of GET requests (90 days). */
  windowDays: number;
  /** Region the endpoint serves: requests are cases in this region. */
  regionCode: string;
}

export const DEFAULT_SETTINGS: Open311Settings = {
  jurisdictions: ['jiangyin.gov.cn', '320281'],
  maxRequests: 1000,
  windowDays: 90,
  regionCode: '320281',
};

/** Reads OPEN311_JURISDICTIONS (comma list), OPEN311_MAX_REQUESTS, OPEN311_WINDOW_DAYS, OPEN311_REGION. */
export function open311Settings(env: Record<string, string | undefined>): Open311Settings {
  const int = (v: string | undefined, d: number, name: string) => {
    if (v === undefined || v === '') return d;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`配置错误 Invalid configuration ${name}: must be a positive integer`);
    return n;
  };
  const list = env.OPEN311_JURISDICTIONS?.split(',').map((s) => s.trim()).filter(Boolean);
  return {
    jurisdictions: list && list.length > 0 ? list : DEFAULT_SETTINGS.jurisdictions,
    maxRequests: int(env.OPEN311_MAX_REQUESTS, DEFAULT_SETTINGS.maxRequests, 'OPEN311_MAX_REQUESTS'),
    windowDays: int(env.OPEN311_WINDOW_DAYS, DEFAULT_SETTINGS.windowDays, 'OPEN311_WINDOW_DAYS'),
    regionCode: env.OPEN311_REGION?.trim() || DEFAULT_SETTINGS.regionCode,
  };
}

/** jurisdiction_id is optional (one jurisdiction per endpoint); a value not served here is the spec's 404. */
export function checkJurisdiction(settings: Open311Settings, value: unknown): void {
  if (value === undefined || value === '') return;
  const v = Array.isArray(value) ? value[0] : value;
  if (typeof v !== 'string' || !settings.jurisdictions.includes(v.trim())) {
    throw specError(404, { zh: `jurisdiction_id 不存在：${String(v)}`, en: `jurisdiction_id not found: ${String(v)}` });
  }
}

export type FormValue = string | string[];
export type FormBody = Record<string, FormValue | undefined>;

/** A single value: the first of repeated ones, trimmed; undefined when absent or blank. */
export function one(body: FormBody, key: string): string | undefined {
  const v = body[key];
  const s = Array.isArray(v) ? v[0] : v;
  if (typeof s !== 'string') return undefined;
  const t = s.trim();
  return t === '' ? undefined : t;
}

/**
 * Attributes from form keys: `attribute[code]=v` (one value) and
 * `attribute[code][]=v1&attribute[code][]=v2` (a list). Also accepts a body
 * already nested as `{ attribute: { code: v } }` (JSON clients).
 */
export function parseAttributes(body: Record<string, unknown>): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  const add = (code: string, v: unknown, list: boolean) => {
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map(String);
    if (list || Array.isArray(v)) {
      const prev = out[code];
      out[code] = [...(Array.isArray(prev) ? prev : prev === undefined ? [] : [prev]), ...values];
    } else if (values.length > 0) out[code] = values[0];
  };
  for (const [key, v] of Object.entries(body)) {
    const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(key);
    if (m) add(m[1], v, m[2] === '[]');
    else if (key === 'attribute' && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [code, inner] of Object.entries(v as Record<string, unknown>)) add(code, inner, Array.isArray(inner));
    }
  }
  return out;
}

export const DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export type Datatype = (typeof DATATYPES)[number];

/** One attribute of a service definition, as the spec names its fields. */
export interface AttributeDef {
  /** false: informational text only, no value is collected. */
  variable: boolean;
  code: string;
  datatype: Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values: { key: string; name: string }[];
}

export type AttributeValue = string | number | string[];

/** Checks given attributes against a definition; every problem is reported, each naming its attribute. */
export function validateAttributes(defs: AttributeDef[], given: Record<string, FormValue>): { values: Record<string, AttributeValue>; errors: SpecError[] } {
  const values: Record<string, AttributeValue> = {};
  const errors: SpecError[] = [];
  const bad = (zh: string, en: string) => errors.push({ code: 400, description: `${zh} (${en})` });
  const byCode = new Map(defs.map((d) => [d.code, d]));
  for (const code of Object.keys(given)) {
    const d = byCode.get(code);
    if (!d || !d.variable) bad(`未知属性 attribute[${code}]`, `Unknown attribute attribute[${code}]`);
  }
  for (const d of [...defs].sort((a, b) => a.order - b.order)) {
    if (!d.variable) continue;
    const raw = given[d.code];
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((s) => s.trim()).filter((s) => s !== '');
    if (list.length === 0) {
      if (d.required) bad(`缺少必填属性 attribute[${d.code}]（${d.description}）`, `Required attribute missing: attribute[${d.code}] (${d.description})`);
      continue;
    }
    const keys = new Set(d.values.map((v) => v.key));
    switch (d.datatype) {
      case 'multivaluelist': {
        const unknown = list.filter((v) => !keys.has(v));
        if (unknown.length > 0) bad(`属性 attribute[${d.code}] 的取值无效：${unknown.join(', ')}`, `Invalid value for attribute[${d.code}]: ${unknown.join(', ')}`);
        else values[d.code] = [...new Set(list)];
        break;
      }
      case 'singlevaluelist':
        if (list.length > 1) bad(`属性 attribute[${d.code}] 只能取一个值`, `attribute[${d.code}] takes one value`);
        else if (!keys.has(list[0])) bad(`属性 attribute[${d.code}] 的取值无效：${list[0]}`, `Invalid value for attribute[${d.code}]: ${list[0]}`);
        else values[d.code] = list[0];
        break;
      case 'number': {
        const n = Number(list[0]);
        if (list.length > 1 || !/^-?\d+(\.\d+)?$/.test(list[0]) || !Number.isFinite(n)) bad(`属性 attribute[${d.code}] 须为数字`, `attribute[${d.code}] must be a number`);
        else values[d.code] = n;
        break;
      }
      case 'datetime': {
        const t = list.length === 1 ? parseW3Date(list[0]) : null;
        if (!t) bad(`属性 attribute[${d.code}] 须为 ISO 8601 日期时间`, `attribute[${d.code}] must be an ISO 8601 date-time`);
        else values[d.code] = t.toISOString();
        break;
      }
      default:
        if (list.length > 1) bad(`属性 attribute[${d.code}] 只能取一个值`, `attribute[${d.code}] takes one value`);
        else if (list[0].length > (d.datatype === 'text' ? 4000 : 500)) bad(`属性 attribute[${d.code}] 过长`, `attribute[${d.code}] is too long`);
        else values[d.code] = list[0];
    }
  }
  return { values, errors };
}

/** Offset of China Standard Time: a date without a time zone is read as Beijing time. */
const CST_OFFSET = '+08:00';

/**
 * The w3 ISO 8601 subset the spec uses: `YYYY-MM-DD`, or a date-time with
 * seconds optional and a zone (`Z` or `±HH:MM`); a date-time without a zone
 * is read as China Standard Time. Null when not a valid instant.
 */
export function parseW3Date(s: string): Date | null {
  const t = s.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(t);
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59 || +sec > 59) return null;
  const z = zone ? (zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone) : CST_OFFSET;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}${frac}${z}`);
  if (Number.isNaN(date.getTime())) return null;
  // reject rolled-over days such as 02-31
  const local = new Date(date.getTime() + offsetMinutes(z) * 60_000);
  if (local.getUTCDate() !== +d) return null;
  return date;
}

function offsetMinutes(z: string): number {
  if (z === 'Z') return 0;
  const sign = z[0] === '-' ? -1 : 1;
  return sign * (Number(z.slice(1, 3)) * 60 + Number(z.slice(4, 6)));
}

/** An instant in the w3 format with the China Standard Time offset (e.g. 2026-12-03T19:40:00+08:00). */
export function w3DateTime(d: Date | string | null | undefined): string | null {
  if (d === null || d === undefined) return null;
  const date = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) return null;
  const local = new Date(date.getTime() + 8 * 3600_000);
  return `${local.toISOString().slice(0, 19)}${CST_OFFSET}`;
}

export interface Location {
  lat: number | null;
  long: number | null;
  addressString: string | null;
  addressId: string | null;
}

/** One location is required: lat and long together, or address_string, or address_id. */
export function parseLocation(body: FormBody): { location: Location; errors: SpecError[] } {
  const errors: SpecError[] = [];
  const bad = (zh: string, en: string) => errors.push({ code: 400, description: `${zh} (${en})` });
  const latS = one(body, 'lat');
  const longS = one(body, 'long');
  const addressString = one(body, 'address_string') ?? null;
  const addressId = one(body, 'address_id') ?? null;
  let lat: number | null = null;
  let long: number | null = null;
  if (latS !== undefined || longS !== undefined) {
    if (latS === undefined || longS === undefined) bad('lat 与 long 须同时提供', 'lat and long must be given together');
    else {
      lat = Number(latS);
      long = Number(longS);
      if (!Number.isFinite(lat) || lat < -90 || lat > 90) bad('lat 须为 -90 到 90 之间的数字', 'lat must be a number from -90 to 90');
      if (!Number.isFinite(long) || long < -180 || long > 180) bad('long 须为 -180 到 180 之间的数字', 'long must be a number from -180 to 180');
    }
  }
  if (errors.length === 0 && lat === null && addressString === null && addressId === null) {
    bad('须提供位置：lat 与 long、address_string 或 address_id', 'A location is required: lat and long, address_string or address_id');
  }
  if (addressString && addressString.length > 500) bad('address_string 过长', 'address_string is too long');
  return { location: { lat: errors.length ? null : lat, long: errors.length ? null : long, addressString, addressId }, errors };
}

export type OpenStatus = 'open' | 'closed';

export interface RequestFilter {
  /** Given: every other filter is ignored (the spec's rule). */
  ids: string[] | null;
  serviceCodes: string[] | null;
  statuses: OpenStatus[] | null;
  from: Date;
  to: Date;
  limit: number;
}

const csv = (v: string | undefined) => (v === undefined ? null : v.split(',').map((s) => s.trim()).filter(Boolean));

/**
 * GET requests parameters. Without dates the window is the last
 * `windowDays` days; with one date it is `windowDays` from (or up to) it;
 * never more than `maxRequests` requests.
 */
export function parseRequestFilter(q: FormBody, settings: Open311Settings, now: Date): RequestFilter {
  const errors: SpecError[] = [];
  const date = (key: string) => {
    const s = one(q, key);
    if (s === undefined) return undefined;
    const d = parseW3Date(s);
    if (!d) errors.push({ code: 400, description: `${key} 须为 ISO 8601 日期时间 (${key} must be an ISO 8601 date-time)` });
    return d ?? undefined;
  };
  const ids = csv(one(q, 'service_request_id'));
  const serviceCodes = csv(one(q, 'service_code'));
  const statusList = csv(one(q, 'status'));
  const statuses: OpenStatus[] = [];
  for (const s of statusList ?? []) {
    const l = s.toLowerCase();
    if (l === 'open' || l === 'closed') statuses.push(l);
    else errors.push({ code: 400, description: `status 只能为 open 或 closed：${s} (status must be open or closed: ${s})` });
  }
  const start = date('start_date');
  const end = date('end_date');
  const span = settings.windowDays * 86_400_000;
  let from: Date;
  let to: Date;
  if (start && end) [from, to] = [start, end];
  else if (start) [from, to] = [start, new Date(start.getTime() + span)];
  else if (end) [from, to] = [new Date(end.getTime() - span), end];
  else [from, to] = [new Date(now.getTime() - span), now];
  if (from > to) errors.push({ code: 400, description: 'end_date 不能早于 start_date (end_date is before start_date)' });
  if (errors.length > 0) throw new Open311Error(400, errors);
  return {
    ids: ids && ids.length > 0 ? ids : null,
    serviceCodes: serviceCodes && serviceCodes.length > 0 ? serviceCodes : null,
    statuses: statuses.length > 0 ? statuses : null,
    from,
    to,
    limit: settings.maxRequests,
  };
}

/** API keys: the value shown once, and what is stored of it. */
export const KEY_PERMISSIONS = ['submit', 'update'] as const;
export type KeyPermission = (typeof KEY_PERMISSIONS)[number];

export interface DefinitionProblem {
  field: string;
  message: string;
  messageEn: string;
}

/** A service definition's attributes: unique codes, list datatypes with unique keys, nothing required that collects no value. */
export function definitionProblems(defs: AttributeDef[]): DefinitionProblem[] {
  const out: DefinitionProblem[] = [];
  const seen = new Set<string>();
  defs.forEach((d, i) => {
    const at = `attributes.${i}`;
    if (seen.has(d.code)) out.push({ field: `${at}.code`, message: `属性编码重复：${d.code}`, messageEn: `Duplicate attribute code: ${d.code}` });
    seen.add(d.code);
    const isList = d.datatype === 'singlevaluelist' || d.datatype === 'multivaluelist';
    if (isList && d.values.length === 0) out.push({ field: `${at}.values`, message: '列表类型的属性须列出可选值', messageEn: 'List attributes need values' });
    if (!isList && d.values.length > 0) out.push({ field: `${at}.values`, message: '只有列表类型的属性可以有可选值', messageEn: 'Only list attributes have values' });
    const keys = d.values.map((v) => v.key);
    if (new Set(keys).size !== keys.length) out.push({ field: `${at}.values`, message: '可选值的 key 重复', messageEn: 'Duplicate value keys' });
    if (!d.variable && d.required) out.push({ field: `${at}.required`, message: '说明性属性（variable=false）不能必填', messageEn: 'An informational attribute (variable=false) cannot be required' });
  });
  return out;
}

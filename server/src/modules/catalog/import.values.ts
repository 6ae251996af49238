/**
 * Cell values of published power lists and service guides ↔ item content
 * fields. Pure: no I/O. Every parser has a formatter beside it, and
 * parse(format(x)) gives x back, so an export re-imports unchanged.
 */
import type { z } from 'zod';
import type { Fee, ItemContent, LegalBasis, Responsibility } from './catalog.content.ts';

type LegalBasisT = z.input<typeof LegalBasis>;
type ResponsibilityT = z.input<typeof Responsibility>;
type FeeT = z.input<typeof Fee>;

/** A parse result: the value, or why the cell is wrong (Chinese and English). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(zh: string, en: string): Parsed<T> => ({ ok: false, zh, en });

/** Cells that mean "nothing here". */
const EMPTY = new Set(['', '无', '-', '—', '/', '／', '－', '暂无', 'null', 'NULL', 'N/A', 'n/a']);
export const isBlank = (v: string) => EMPTY.has(v.trim());

/** Text of a single-line field: line breaks inside a wrapped cell are removed, spaces collapsed. */
export function oneLine(v: string): string {
  return v
    .replace(/\s*[\r\n]+\s*/g, '')
    .replace(/[ \t\u3000]+/g, ' ')
    .trim();
}

// ── integers ───────────────────────────────────────────────────────────────

const SAME_DAY = /^(即办|即时办结|当场办结|即来即办|立即办结|当场)$/;

/** Working days: "20", "20个工作日", "20日", "即办" (0); blank → null. */
export function parseDays(raw: string): Parsed<number | null> {
  const v = raw.replace(/\s+/g, '');
  if (isBlank(v)) return ok(null);
  if (SAME_DAY.test(v)) return ok(0);
  const m = /^(\d{1,4})(?:\.0+)?(?:个)?(?:工作日|日|天)?$/.exec(v);
  if (!m) return bad(`应为整数（工作日），如“20”或“20个工作日”，而不是“${raw.trim()}”`, `must be a whole number of working days such as "20", not "${raw.trim()}"`);
  const n = Number(m[1]);
  if (n > 3650) return bad(`时限 ${n} 超出范围（0–3650 个工作日）`, `${n} is out of range (0–3650 working days)`);
  return ok(n);
}

export const formatDays = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

const VISIT_WORDS: Record<string, number> = { 不见面: 0, 零次: 0, 零跑动: 0, 最多跑一次: 1, 一次: 1, 两次: 2, 二次: 2 };

/** 到现场次数: 0–9, "1次", "最多跑一次"; blank → null. */
export function parseVisits(raw: string): Parsed<number | null> {
  const v = raw.replace(/\s+/g, '');
  if (isBlank(v)) return ok(null);
  if (v in VISIT_WORDS) return ok(VISIT_WORDS[v]);
  const m = /^(\d{1,3})(?:\.0+)?次?$/.exec(v);
  if (!m) return bad(`应为 0–9 的整数，而不是“${raw.trim()}”`, `must be a whole number from 0 to 9, not "${raw.trim()}"`);
  const n = Number(m[1]);
  if (n > 9) return bad(`到现场次数应在 0–9 之间，而不是 ${n}`, `visits must be between 0 and 9, not ${n}`);
  return ok(n);
}

// ── yes / no ───────────────────────────────────────────────────────────────

const YES = new Set(['是', '有', '可', '可以', '能', '支持', '√', '✓', 'y', 'yes', 'true', '1', '已开通', '全程网办']);
const NO = new Set(['否', '无', '不可', '不可以', '不能', '不支持', '×', '✗', 'n', 'no', 'false', '0', '未开通']);

/** 是/否 and their usual spellings; blank → null. */
export function parseYesNo(raw: string): Parsed<boolean | null> {
  const v = raw.replace(/\s+/g, '').toLowerCase();
  if (v === '') return ok(null);
  if (YES.has(v)) return ok(true);
  if (NO.has(v) || isBlank(v)) return ok(false);
  return bad(`应填“是”或“否”，而不是“${raw.trim()}”`, `must be 是 (yes) or 否 (no), not "${raw.trim()}"`);
}

export const formatYesNo = (b: boolean) => (b ? '是' : '否');

// ── enumerations ───────────────────────────────────────────────────────────

/** 办件类型: 即办件 / 承诺件; blank → null. */
export function parseHandlingMode(raw: string): Parsed<ItemContent['handlingMode']> {
  const v = raw.replace(/\s+/g, '');
  if (isBlank(v)) return ok(null);
  if (/^即办(件)?$/.test(v)) return ok('immediate');
  if (/^承诺(件)?$/.test(v)) return ok('promised');
  return bad(`无法识别的办件类型“${raw.trim()}”（应为即办件或承诺件）`, `unrecognised handling mode "${raw.trim()}" (即办件 or 承诺件)`);
}

export const HANDLING_MODE_LABELS = { immediate: '即办件', promised: '承诺件' } as const;

/** 业务办理项: 新设 / 变更 / 延续 / 注销; blank → undefined. */
export function parseVariant(raw: string): Parsed<ItemContent['variant']> {
  const v = raw.replace(/\s+/g, '');
  if (isBlank(v)) return ok(undefined);
  if (/^(新设|新办|设立|首次申请|新申请)$/.test(v)) return ok('new');
  if (/^变更$/.test(v)) return ok('change');
  if (/^(延续|延期|换证)$/.test(v)) return ok('renew');
  if (/^注销$/.test(v)) return ok('cancel');
  return bad(`无法识别的业务办理项“${raw.trim()}”（应为新设、变更、延续或注销）`, `unrecognised handling variant "${raw.trim()}" (新设, 变更, 延续 or 注销)`);
}

export const VARIANT_LABELS = { new: '新设', change: '变更', renew: '延续', cancel: '注销' } as const;

type Level = ItemContent['level'];
/** Longest spellings first, so 县（市、区）级 is not read as 市. */
const LEVEL_PATTERNS: [RegExp, Level][] = [
  [/县[（(]市[、，,]?区[）)]级?/g, 'county'],
  [/乡[（(]镇[、，,]?街道[）)]级?/g, 'town'],
  [/乡镇[（(]街道[）)]级?/g, 'town'],
  [/省级|省/g, 'province'],
  [/地市级|设区的市级?|市级|市州级?|市/g, 'city'],
  [/县级|区级|县|区/g, 'county'],
  [/乡镇级|乡级|镇级|街道级?|乡镇|乡|镇/g, 'town'],
];
export const LEVEL_LABELS: Record<Level, string> = { province: '省级', city: '市级', county: '县级', town: '乡镇级' };

/**
 * 实施层级 / 行使层级. Lists often name several levels ("省级、市级、县级"):
 * the level of the importing region is taken when it is among them, else
 * the lowest one named. Blank → undefined (the caller's default).
 */
export function parseLevel(raw: string, preferred: Level): Parsed<Level | undefined> {
  let v = raw.replace(/\s+/g, '');
  if (isBlank(v)) return ok(undefined);
  const found = new Set<Level>();
  for (const [re, level] of LEVEL_PATTERNS) {
    v = v.replace(re, () => {
      found.add(level);
      return '|';
    });
  }
  // what may remain around the level words: separators, brackets, "三级", "共同", "均可", "含"
  const rest = v.replace(/[二三四五两]级|共同|均可|含|[|、，,；;/和及与或（）()]/g, '');
  if (found.size === 0 || rest !== '') {
    return bad(`无法识别的层级“${raw.trim()}”（应为省级、市级、县级或乡镇级）`, `unrecognised level "${raw.trim()}" (省级, 市级, 县级 or 乡镇级)`);
  }
  if (found.has(preferred)) return ok(preferred);
  const order: Level[] = ['town', 'county', 'city', 'province'];
  return ok(order.find((l) => found.has(l)));
}

type Channel = ItemContent['channels'][number];
export const CHANNEL_ORDER: Channel[] = ['window', 'online', 'post', 'self_service'];
export const CHANNEL_LABELS: Record<Channel, string> = { window: '窗口办理', online: '网上办理', post: '快递送达', self_service: '自助办理' };
const CHANNEL_WORDS: [RegExp, Channel][] = [
  [/窗口|现场|线下/, 'window'],
  [/网上|网办|在线|线上|互联网|掌上|移动端|app/i, 'online'],
  [/快递|邮寄|寄递|邮政/, 'post'],
  [/自助/, 'self_service'],
];

/** 办理渠道: 窗口办理、网上办理、快递送达、自助办理 (any order, any separator). */
export function parseChannels(raw: string): Parsed<Channel[] | undefined> {
  if (isBlank(raw)) return ok(undefined);
  const parts = splitWords(raw);
  const out = new Set<Channel>();
  for (const p of parts) {
    const hit = CHANNEL_WORDS.find(([re]) => re.test(p));
    if (!hit) return bad(`无法识别的办理渠道“${p}”`, `unrecognised channel "${p}"`);
    out.add(hit[1]);
  }
  return ok(CHANNEL_ORDER.filter((c) => out.has(c)));
}

type Scope = ItemContent['scope'][number];
export const SCOPE_ORDER: Scope[] = ['local', 'city_wide', 'province_wide', 'cross_province'];
export const SCOPE_LABELS: Record<Scope, string> = { local: '本地办理', city_wide: '全市通办', province_wide: '全省通办', cross_province: '跨省通办' };
const SCOPE_WORDS: [RegExp, Scope][] = [
  [/跨省|全国/, 'cross_province'],
  [/全省/, 'province_wide'],
  [/全市|市域/, 'city_wide'],
  [/本地|属地|县域|区域内|就近|不通办/, 'local'],
];

/** 通办范围: 本地办理、全市通办、全省通办、跨省通办. */
export function parseScope(raw: string): Parsed<Scope[] | undefined> {
  if (isBlank(raw)) return ok(undefined);
  const out = new Set<Scope>();
  for (const p of splitWords(raw)) {
    const hit = SCOPE_WORDS.find(([re]) => re.test(p));
    if (!hit) return bad(`无法识别的通办范围“${p}”`, `unrecognised handling scope "${p}"`);
    out.add(hit[1]);
  }
  return ok(SCOPE_ORDER.filter((s) => out.has(s)));
}

type Kind = ItemContent['applicantKinds'][number];
export const APPLICANT_LABELS: Record<Kind, string> = { person: '自然人', legal: '法人' };

/** 服务对象: 自然人、法人（企业、其他组织）. */
export function parseApplicantKinds(raw: string): Parsed<Kind[]> {
  if (isBlank(raw)) return ok([]);
  const out = new Set<Kind>();
  for (const p of splitWords(raw)) {
    if (/自然人|个人|公民|居民|群众/.test(p)) out.add('person');
    else if (/法人|企业|组织|单位|机构|机关|团体/.test(p)) out.add('legal');
    else return bad(`无法识别的服务对象“${p}”（应为自然人或法人）`, `unrecognised applicant kind "${p}" (自然人 or 法人)`);
  }
  return ok((['person', 'legal'] as const).filter((k) => out.has(k)));
}

/** Short word lists: 、，,；;／/ and line breaks separate. */
export function splitWords(raw: string): string[] {
  return raw
    .split(/[、，,；;／/|\r\n]+/)
    .map((s) => s.trim())
    .filter((s) => s && !isBlank(s));
}

// ── numbered lists ─────────────────────────────────────────────────────────

const MARKER = /^\s*(?:[（(]\d{1,2}[)）]|\d{1,2}[.、．](?!\d))\s*/;
const SPLIT = /(?:\r?\n|\r|[；;])\s*(?=(?:[（(]\d{1,2}[)）]|\d{1,2}[.、．](?!\d)))/;

/**
 * A list cell: "1.甲\n2.乙" or "（1）甲；（2）乙" splits at its numbers; an
 * unnumbered cell is one entry, or one per line with `lines`.
 */
export function parseList(raw: string, opts: { lines?: boolean; keepEmpty?: boolean } = {}): string[] {
  const v = raw.trim();
  if (isBlank(v)) return [];
  if (MARKER.test(v)) {
    const parts = v.split(SPLIT).map((p) => p.replace(MARKER, '').trim());
    return opts.keepEmpty ? parts : parts.filter(Boolean);
  }
  if (opts.lines) return v.split(/\r?\n|\r/).map((s) => s.trim()).filter(Boolean);
  return [v];
}

/** The inverse of parseList: one plain entry as is, several numbered one per line. */
export function formatList(items: readonly string[]): string {
  if (items.length === 0) return '';
  if (items.length === 1 && !/[\r\n]/.test(items[0]) && !MARKER.test(items[0])) return items[0];
  return items.map((s, i) => `${i + 1}.${s}`).join('\n');
}

// ── legal basis ────────────────────────────────────────────────────────────

const ARTICLE = /^\s*(第[一二三四五六七八九十百千零〇两\d]+条(?:之[一二三四五六七八九十]+)?(?:第[一二三四五六七八九十百零〇两\d]+[款项目])*)/;
const GENERIC_LAW = '设定依据';

/**
 * 设定依据 text → entries. Each 《title》 starts an entry: the title is the
 * law, a 第…条 right after it the article, the rest the quoted text. Text
 * without any 《》 is one entry (the whole text as its title, or under the
 * title 设定依据 when longer than a title may be).
 */
export function parseLegalBasis(raw: string): LegalBasisT[] {
  const v = raw.trim();
  if (isBlank(v)) return [];
  const starts: number[] = [];
  for (let i = v.indexOf('《'); i >= 0; i = v.indexOf('《', i + 1)) starts.push(i);
  if (starts.length === 0) return v.length <= 200 ? [{ law: oneLine(v) }] : [{ law: GENERIC_LAW, text: v }];
  const out: LegalBasisT[] = [];
  for (let k = 0; k < starts.length; k++) {
    const seg = v.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : undefined);
    const close = seg.indexOf('》');
    if (close < 0) {
      out.push({ law: GENERIC_LAW, text: trimTail(seg) });
      continue;
    }
    const law = oneLine(seg.slice(1, close));
    let rest = seg.slice(close + 1);
    const art = ARTICLE.exec(rest);
    const article = art ? art[1] : undefined;
    if (art) rest = rest.slice(art[0].length);
    const text = trimTail(rest.replace(/^[\s：:，,]+/, ''));
    const entry: LegalBasisT = { law: law || GENERIC_LAW };
    if (article) entry.article = article;
    if (text) entry.text = text;
    out.push(entry);
  }
  return out;
}

/** Drops separators and the next entry's number left at the end of a segment. */
function trimTail(s: string): string {
  let t = s;
  for (;;) {
    const next = t.replace(/\s*(?:[（(]\d{1,2}[)）]|\d{1,2}[.、．])\s*$/, '').replace(/[\s；;，,、]+$/, '');
    if (next === t) return t.trim();
    t = next;
  }
}

export function formatLegalBasis(list: readonly { law: string; article?: string; text?: string }[]): string {
  return list.map((b) => `《${b.law}》${b.article ?? ''}${b.text ? `：${b.text}` : ''}`).join('\n');
}

// ── responsibilities ───────────────────────────────────────────────────────

const STEP = /^([^：:，,。；;\s]{1,20})[：:]\s*([\s\S]+)$/;
export const GENERIC_STEP = '责任事项';

/**
 * 责任事项 "1.受理责任：…\n2.审查责任：…" → one entry per step. An entry
 * without a "step：" prefix is filed under 责任事项. 责任事项依据 pairs with
 * the steps when it has as many numbered parts; otherwise it is the basis
 * of every step.
 */
export function parseResponsibilities(raw: string, basisRaw: string): ResponsibilityT[] {
  const parts = parseList(raw);
  const out: ResponsibilityT[] = parts.map((p) => {
    const m = STEP.exec(p);
    return m ? { step: m[1], content: m[2].trim() } : { step: GENERIC_STEP, content: p };
  });
  const basis = basisRaw.trim();
  if (!isBlank(basis) && out.length > 0) {
    // numbered like the steps (an empty number means that step has none): one basis per step
    const bases = parseList(basis, { keepEmpty: true });
    if (out.length > 1 && bases.length === out.length && MARKER.test(basis)) out.forEach((r, i) => bases[i] && (r.basis = bases[i]));
    else for (const r of out) r.basis = basis;
  }
  return out;
}

export function formatResponsibilities(list: readonly { step: string; content: string; basis?: string }[]): { text: string; basis: string } {
  if (list.length === 0) return { text: '', basis: '' };
  const text = list.map((r, i) => `${i + 1}.${r.step}：${r.content}`).join('\n');
  const first = list[0].basis ?? '';
  const same = list.every((r) => (r.basis ?? '') === first);
  const basis = same ? first : list.map((r, i) => `${i + 1}.${r.basis ?? ''}`).join('\n');
  return { text, basis };
}

// ── fees ───────────────────────────────────────────────────────────────────

const FREE = /^(不收费|免费|免收|否|无|0|0元|零|不收取任何费用|不收取费用)$/;
export const GENERIC_FEE = '收费';

/** 收费标准: "不收费" → none; "工本费：10元\n…" → one fee per line; other text → one fee. */
export function parseFees(raw: string, basisRaw: string): FeeT[] {
  const v = raw.trim();
  if (v === '' || FREE.test(v.replace(/\s+/g, '')) || isBlank(v)) return [];
  const basis = basisRaw.trim() && !isBlank(basisRaw) ? basisRaw.trim() : undefined;
  const lines = parseList(v, { lines: true });
  const fees = lines.map((line) => {
    const m = /^([^：:，,。；;\d]{1,30})[：:]\s*(.+)$/s.exec(line);
    return m ? { name: m[1].trim(), amount: m[2].trim() } : { name: GENERIC_FEE, amount: line };
  });
  return fees.map((f) => (basis ? { ...f, basis } : f));
}

export function formatFees(list: readonly { name: string; amount: string; basis?: string }[]): { text: string; basis: string } {
  if (list.length === 0) return { text: '不收费', basis: '' };
  const lines = list.map((f) => (f.name === GENERIC_FEE ? f.amount : `${f.name}：${f.amount}`));
  // one 收费依据 column: the first fee's basis stands for all (lists give one basis per item)
  return { text: formatList(lines), basis: list[0].basis ?? '' };
}

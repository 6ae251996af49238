/**
 * Pure rules of catalog search: text normalisation, jieba tokenisation,
 * tsvector / tsquery literals, query parsing with synonyms, highlighting.
 *
 * Documents and queries are tokenised here with the same jieba instance and
 * written to PostgreSQL as tsvector / tsquery literals (never through a
 * text-search parser), so PGlite and a PostgreSQL server behave identically.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

let jieba: Jieba | null = null;
/** The process-wide jieba segmenter with its default dictionary (loaded on first use, ~0.5 s). */
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** NFKC (full-width → half-width), lower case. */
export const normalizeText = (s: string): string => s.normalize('NFKC').toLowerCase();

/** A synonym term as stored: normalised, without whitespace. */
export const normalizeTerm = (s: string): string => normalizeText(s).replace(/\s+/g, '').trim();

const WORDLIKE = /[\p{L}\p{N}]/u;
const CJK = /\p{Script=Han}/u;
const MAX_LEXEME = 100;

/** Function words: left out of documents and queries. */
const FUNCTION_WORDS = new Set(['的', '了', '和', '与', '及', '或', '等', '之', '在', '对', '由', '为', '从', '向', '把', '被', '是', '有', '个', '吗', '呢', '吧', '啊', '呀', '以及']);

/** Words of asking (我要、怎么、办理…) that a query does not need to match: weak concepts, dropped when the query has others. */
const STOP_TOKENS = new Set([
  ...FUNCTION_WORDS,
  '哪', '啥', '我', '你', '他', '她', '它', '们', '我们', '要', '想', '能', '会', '可以', '能否', '怎么', '如何', '怎样', '什么', '哪些', '哪里',
  '需要', '办理', '办', '申请', '一下', '请问', '去', '到', '给', '帮', '该', '这', '那', '还', '就', '都', '也', '又',
  '开个', '办个', '想开', '想办', '要办', '一个', '相关', '有关', '业务',
]);

/**
 * Question phrases removed from a query before segmentation (我想…、怎么办理…、需要什么材料):
 * they describe the asking, not the matter.
 */
const STOP_PHRASES = [
  '需要什么材料', '需要哪些材料', '要什么材料', '需要带什么', '要带什么', '什么材料', '哪些材料', '怎么办理', '如何办理', '在哪里办理', '在哪儿办理',
  '去哪里办', '去哪儿办', '在哪里办', '在哪办', '怎么申请', '如何申请', '办理流程', '办事流程', '怎么办', '在哪里', '在哪儿', '去哪里', '去哪儿',
  '多长时间', '要多久', '多少钱', '我想要', '我想', '我要', '我们要', '想要', '请问', '怎么', '如何', '怎样', '需要', '流程', '手续',
].sort((a, b) => b.length - a.length);

export interface PlacedToken {
  token: string;
  /** Character offset of the token's first character in the (normalised) text. */
  offset: number;
}

const keepToken = (t: string) => t && WORDLIKE.test(t) && !FUNCTION_WORDS.has(t);
const clip = (t: string) => (t.length > MAX_LEXEME ? t.slice(0, MAX_LEXEME) : t);

/**
 * Tokens of a text for indexing with their character offsets: jieba search
 * mode (each word of the precise cut, preceded by its dictionary sub-words),
 * normalised, without punctuation and function words (的、和…). Positions are
 * character offsets, so the sub-words of the same characters stand at the
 * same distances however the surrounding text was segmented (建筑/工程施工 and
 * 建筑工程 both give 建筑@0, 工程@2).
 */
export function placedTokens(text: string): PlacedToken[] {
  const norm = normalizeText(text);
  if (!norm.trim()) return [];
  const words = segmenter().cut(norm, true);
  const search = segmenter().cutForSearch(norm, true);
  const out: PlacedToken[] = [];
  let si = 0;
  let offset = 0;
  for (const word of words) {
    // search mode emits, per word of the precise cut, its sub-words and then the word itself
    const next = new Map<string, number>();
    while (si < search.length) {
      const t = search[si];
      if (t === word) {
        si++;
        break;
      }
      const at = word.indexOf(t, next.get(t) ?? 0);
      if (at < 0) break; // not a sub-word of this word: it belongs to the next one
      si++;
      next.set(t, at + 1);
      if (keepToken(t.trim())) out.push({ token: clip(t.trim()), offset: offset + charLength(word.slice(0, at)) });
    }
    if (keepToken(word.trim())) out.push({ token: clip(word.trim()), offset });
    offset += charLength(word);
  }
  return out;
}

/** Tokens of a text for indexing (placedTokens without the offsets). */
export function indexTokens(text: string): string[] {
  return placedTokens(text).map((t) => t.token);
}

/** Words of a text in jieba's precise mode, normalised, without punctuation (function words kept). */
export function queryWords(text: string): string[] {
  const norm = normalizeText(text);
  if (!norm.trim()) return [];
  return segmenter()
    .cut(norm, true)
    .map((t) => t.trim())
    .filter((t) => t && WORDLIKE.test(t))
    .map((t) => (t.length > MAX_LEXEME ? t.slice(0, MAX_LEXEME) : t));
}

/** Quotes a lexeme for a tsvector or tsquery literal. */
export const quoteLexeme = (lexeme: string): string => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export type Weight = 'A' | 'B' | 'C' | 'D';
export type WeightedFields = Partial<Record<Weight, (string | null | undefined)[]>>;

const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;

/**
 * A tsvector literal of the fields: each value tokenised with placedTokens,
 * a token's position being its character offset in the document (values
 * follow each other with a gap of two), each position carrying its field's
 * weight. Empty string when there is no token.
 */
export function buildTsvector(fields: WeightedFields): string {
  const positions = new Map<string, string[]>();
  let base = 0;
  for (const weight of ['A', 'B', 'C', 'D'] as const) {
    for (const value of fields[weight] ?? []) {
      if (!value) continue;
      for (const { token, offset } of placedTokens(value)) {
        const pos = Math.min(base + offset + 1, MAX_POSITION);
        let list = positions.get(token);
        if (!list) positions.set(token, (list = []));
        const entry = weight === 'D' ? String(pos) : `${pos}${weight}`;
        if (list.length < MAX_POSITIONS_PER_LEXEME && list[list.length - 1] !== entry) list.push(entry);
      }
      base = Math.min(base + charLength(normalizeText(value)) + 2, MAX_POSITION);
    }
  }
  return [...positions].map(([lexeme, list]) => `${quoteLexeme(lexeme)}:${list.join(',')}`).join(' ');
}

// ── synonyms ───────────────────────────────────────────────────────────────

export interface SynonymEntry {
  term: string;
  expansions: string[];
}

/** Synonyms compiled for scanning: term → expansions, and the terms by first character, longest first. */
export interface SynonymIndex {
  map: Map<string, string[]>;
  byFirst: Map<string, string[]>;
}

export function compileSynonyms(entries: readonly SynonymEntry[]): SynonymIndex {
  const map = new Map<string, string[]>();
  for (const e of entries) {
    const term = normalizeTerm(e.term);
    if (!term) continue;
    const prior = map.get(term) ?? [];
    const expansions = e.expansions.map((x) => normalizeText(x).trim()).filter(Boolean);
    map.set(term, [...new Set([...prior, ...expansions])]);
  }
  const byFirst = new Map<string, string[]>();
  for (const term of map.keys()) {
    const first = [...term][0];
    const list = byFirst.get(first) ?? [];
    list.push(term);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => [...b].length - [...a].length);
  return { map, byFirst };
}

export const EMPTY_SYNONYMS: SynonymIndex = compileSynonyms([]);

// ── queries ────────────────────────────────────────────────────────────────

export interface Concept {
  /** What the user wrote (a synonym term or a word). */
  text: string;
  source: 'synonym' | 'word';
  /** The terms that satisfy the concept: the word, or the synonym term and its expansions. */
  terms: string[];
  /** tsquery of the concept (an OR of its terms, each an AND of its words). */
  tsquery: string;
  /** Words to highlight for this concept. */
  highlights: string[];
  /** A single character or function word: dropped when the query has stronger concepts. */
  weak: boolean;
}

export interface ParsedQuery {
  /** The query normalised, question phrases removed: the text compared by trigram similarity. */
  fuzzyText: string;
  concepts: Concept[];
  /** All concepts required (null when there is none). */
  tsqueryAll: string | null;
  /** Most concepts suffice (the relaxed query: at least minimumMatch of them; null when there is none). */
  tsqueryAny: string | null;
  /** Any concept (an OR of all): what relaxed matches are ranked by (cheaper for ts_rank_cd than the combinations). */
  tsqueryOr: string | null;
  /** Terms used, synonyms expanded, in order (the response's `expanded`). */
  expanded: string[];
  /** Words to highlight, longest first. */
  highlights: string[];
}

const charLength = (s: string) => [...s].length;

function lexemeQuery(word: string, prefix: boolean): string {
  return `${quoteLexeme(word)}${prefix ? ':*' : ''}`;
}

/**
 * tsquery of one word: the word itself, or its dictionary sub-words at their
 * character distances (`居民 <2> 身份证`): a document may have segmented the
 * same characters differently (建筑/工程施工 vs 建筑工程), and document
 * positions are character offsets. Words of two or more characters match as
 * prefixes (许可 → 许可证).
 */
function wordQuery(word: string, isLast: boolean): { q: string; highlights: string[] } {
  const len = charLength(word);
  const prefix = len >= 2 || isLast;
  const subs = len >= 3 ? placedTokens(word).filter((t) => t.token !== word && charLength(t.token) >= 2) : [];
  // the longest sub-word at each offset, in order
  const chain: PlacedToken[] = [];
  for (const t of [...subs].sort((a, b) => a.offset - b.offset || charLength(b.token) - charLength(a.token))) {
    if (chain[chain.length - 1]?.offset !== t.offset) chain.push(t);
  }
  if (chain.length < 2) return { q: lexemeQuery(word, prefix), highlights: [word] };
  let phrase = lexemeQuery(chain[0].token, true);
  for (let i = 1; i < chain.length; i++) phrase += ` <${chain[i].offset - chain[i - 1].offset}> ${lexemeQuery(chain[i].token, true)}`;
  // the sub-words match only at the word's own distances, so the text holds its characters together: highlighting the word suffices
  return { q: `(${lexemeQuery(word, prefix)} | (${phrase}))`, highlights: [word] };
}

/** tsquery of a (possibly multi-word) term: the AND of its words. */
function termQuery(term: string): { q: string; highlights: string[] } | null {
  const words = queryWords(term).filter((w) => !STOP_TOKENS.has(w));
  const use = words.length ? words : queryWords(term);
  if (!use.length) return null;
  const parts = use.map((w) => wordQuery(w, false));
  return {
    q: parts.length === 1 ? parts[0].q : `(${parts.map((p) => p.q).join(' & ')})`,
    highlights: parts.flatMap((p) => p.highlights),
  };
}

/** How many of n concepts the relaxed query requires: one of two, then 60 % rounded up (3 → 2, 4 → 3, 5 → 3). */
export function minimumMatch(n: number): number {
  return n <= 2 ? 1 : Math.ceil(n * 0.6);
}

function combinations<T>(list: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (list.length < k) return [];
  const [head, ...rest] = list;
  return [...combinations(rest, k - 1).map((c) => [head, ...c]), ...combinations(rest, k)];
}

const binomial = (n: number, k: number): number => (k === 0 || k === n ? 1 : binomial(n - 1, k - 1) + binomial(n - 1, k));

/** The relaxed tsquery: an OR of every combination of minimumMatch concepts (any one concept when that would exceed 64 combinations). */
export function relaxedQuery(parts: readonly string[]): string {
  const k = minimumMatch(parts.length);
  if (k <= 1 || binomial(parts.length, k) > 64) return parts.join(' | ');
  return combinations(parts, k)
    .map((c) => `(${c.join(' & ')})`)
    .join(' | ');
}

function removeStopPhrases(text: string): string {
  let out = text;
  for (const p of STOP_PHRASES) out = out.split(p).join(' ');
  return out;
}

/** Splits a segment into synonym terms (longest match first, left to right) and the runs between them. */
function scanSynonyms(segment: string, synonyms: SynonymIndex): { text: string; synonym: boolean }[] {
  const chars = [...segment];
  const out: { text: string; synonym: boolean }[] = [];
  let run = '';
  for (let i = 0; i < chars.length; ) {
    const candidates = synonyms.byFirst.get(chars[i]);
    const hit = candidates?.find((t) => chars.slice(i, i + charLength(t)).join('') === t);
    if (hit) {
      if (run) out.push({ text: run, synonym: false });
      run = '';
      out.push({ text: hit, synonym: true });
      i += charLength(hit);
    } else {
      run += chars[i];
      i += 1;
    }
  }
  if (run) out.push({ text: run, synonym: false });
  return out;
}

/**
 * Parses a user query: normalise, drop question phrases (我想…怎么办理),
 * find synonym terms (开饭店 → 餐饮, 食品经营), segment the rest with jieba,
 * and build the tsqueries: each concept an OR of its terms, the concepts all
 * required (`tsqueryAll`) or most of them (`tsqueryAny`, the relaxed form).
 * Single characters and words of asking are weak: used only when nothing
 * else is left.
 */
export function parseQuery(raw: string, synonyms: SynonymIndex = EMPTY_SYNONYMS): ParsedQuery {
  const norm = normalizeText(raw);
  const fuzzyText = removeStopPhrases(norm)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  const cleaned = fuzzyText || norm.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  const segments = cleaned.split(/\s+/).filter(Boolean);
  const pieces: { text: string; synonym: boolean }[] = [];
  for (const seg of segments) {
    for (const part of scanSynonyms(seg, synonyms)) {
      if (part.synonym) pieces.push(part);
      else for (const w of queryWords(part.text)) pieces.push({ text: w, synonym: synonyms.map.has(w) });
    }
  }
  pieces.forEach((piece, idx) => {
    if (seen.has(piece.text)) return;
    seen.add(piece.text);
    const isLast = idx === pieces.length - 1;
    if (piece.synonym) {
      const terms = [piece.text, ...(synonyms.map.get(piece.text) ?? [])].filter((t, i, a) => a.indexOf(t) === i);
      const parts = terms.map((t) => termQuery(t)).filter((p): p is NonNullable<typeof p> => p !== null);
      if (!parts.length) return;
      concepts.push({
        text: piece.text,
        source: 'synonym',
        terms,
        tsquery: parts.length === 1 ? parts[0].q : `(${parts.map((p) => p.q).join(' | ')})`,
        highlights: [...new Set(parts.flatMap((p) => p.highlights))],
        weak: false,
      });
      return;
    }
    const w = wordQuery(piece.text, isLast);
    // a single character is weak, unless it is the last thing typed (营业执 → 执照, as you type)
    const weak = STOP_TOKENS.has(piece.text) || (charLength(piece.text) === 1 && CJK.test(piece.text) && !isLast);
    concepts.push({ text: piece.text, source: 'word', terms: [piece.text], tsquery: w.q, highlights: w.highlights, weak });
  });
  const strong = concepts.filter((c) => !c.weak);
  const used = strong.length ? strong : concepts;
  const singles = new Set(used.map((c) => c.text).filter((t) => charLength(t) === 1));
  const highlights = [...new Set(used.flatMap((c) => c.highlights))].filter((h) => charLength(h) >= 2 || singles.has(h) || !CJK.test(h));
  highlights.sort((a, b) => charLength(b) - charLength(a));
  return {
    fuzzyText: cleaned,
    concepts: used,
    tsqueryAll: used.length ? used.map((c) => c.tsquery).join(' & ') : null,
    tsqueryAny: used.length ? relaxedQuery(used.map((c) => c.tsquery)) : null,
    tsqueryOr: used.length ? used.map((c) => c.tsquery).join(' | ') : null,
    expanded: [...new Set(used.flatMap((c) => c.terms))],
    highlights,
  };
}

// ── highlighting ───────────────────────────────────────────────────────────

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** normalizeText of one character; ASCII and CJK unified ideographs (the bulk of guide texts) without calling normalize(). */
function normalizeChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (ch.length === 1 && c < 0x80) return c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ch;
  if (ch.length === 1 && c >= 0x4e00 && c <= 0x9fff) return ch;
  return normalizeText(ch);
}

/** Normalised text with, for each of its UTF-16 units, the index of the original character it came from. */
function normalizedWithMap(text: string): { norm: string; origin: number[]; chars: string[] } {
  const chars = [...text];
  let norm = '';
  const origin: number[] = [];
  chars.forEach((ch, i) => {
    const n = normalizeChar(ch);
    norm += n;
    for (let k = 0; k < n.length; k++) origin.push(i);
  });
  return { norm, origin, chars };
}

/** Character ranges [start, end) of the original text where any term occurs (normalised comparison), merged. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const { norm, origin } = normalizedWithMap(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    let from = 0;
    for (;;) {
      const at = norm.indexOf(term, from);
      if (at < 0) break;
      ranges.push([origin[at], origin[at + term.length - 1] + 1]);
      from = at + term.length;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The text HTML-escaped, with the matched terms wrapped in `<em>`. Nothing else of the text can become markup. */
export function highlight(text: string, terms: readonly string[]): string {
  const chars = [...text];
  const ranges = matchRanges(text, terms);
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += escapeHtml(chars.slice(at, s).join('')) + '<em>' + escapeHtml(chars.slice(s, e).join('')) + '</em>';
    at = e;
  }
  return out + escapeHtml(chars.slice(at).join(''));
}

/**
 * A short highlighted excerpt of `text` around the first occurrence of any
 * term (`before` characters ahead of it, `width` in all), with ellipses;
 * null when no term occurs.
 */
export function snippet(text: string, terms: readonly string[], width = 60, before = 16): string | null {
  const ranges = matchRanges(text, terms);
  if (!ranges.length) return null;
  const chars = [...text];
  const start = Math.max(0, ranges[0][0] - before);
  const end = Math.min(chars.length, start + width);
  const piece = chars.slice(start, end).join('').replace(/\s+/g, ' ');
  return (start > 0 ? '…' : '') + highlight(piece, terms) + (end < chars.length ? '…' : '');
}

/** Whether a concept is visible in the text (any of its highlight words occurs). */
export function conceptIn(text: string, concept: Pick<Concept, 'highlights'>): boolean {
  return matchRanges(text, concept.highlights).length > 0;
}

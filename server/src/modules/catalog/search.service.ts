/**
 * Catalog search (public) and its synonym table (staff). The query pipeline:
 * parse (jieba + synonyms, search.rules.ts) → full-text match with every
 * concept required → when that finds few items, a relaxed match (any
 * concept) blended with trigram word similarity and substrings of the names
 * (typos, partial names) → rank → highlight.
 */
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { decodeCursor, encodeCursor, executor, inTransaction, type Db, type Executor } from '../../platform/db/index.ts';
import { CommonErrors, type FieldError } from '../../platform/errors/index.ts';
import { subtreePrefix } from '../org/index.ts';
import { DEFAULT_TYPE_LABELS, isPowerType } from './catalog.types.rules.ts';
import { SearchErrors } from './search.errors.ts';
import * as repo from './search.repository.ts';
import {
  compileSynonyms,
  conceptIn,
  highlight,
  normalizeTerm,
  normalizeText,
  parseQuery,
  snippet,
  type ParsedQuery,
  type SynonymIndex,
} from './search.rules.ts';

export const MAX_QUERY_LENGTH = 100;
export const MAX_SEARCH_LIMIT = 50;
export const MAX_SEARCH_OFFSET = 1000;
/** Below this many full-text matches the relaxed and fuzzy match is blended in. */
export const FEW_RESULTS = 5;
/** Word-similarity threshold of the fuzzy match (pg_trgm `<%`). */
export const FUZZY_THRESHOLD = 0.4;

export type SearchFilters = Omit<repo.SearchFilters, 'regionPrefix'> & {
  /** Items of this region and below. */
  regionCode?: string;
};

export interface SearchInput {
  q: string;
  limit?: number;
  offset?: number;
  cursor?: string;
  filters?: SearchFilters;
}

export interface SearchHit {
  id: number;
  implCode: string;
  name: string;
  subItemName: string | null;
  type: repo.ItemHitRow['item_type'];
  typeLabel: string;
  kind: 'power' | 'service';
  department: string;
  orgId: number | null;
  regionCode: string;
  /** The name, HTML-escaped, matched terms in `<em>`. */
  highlight: string;
  /** An escaped, highlighted excerpt of the guide when part of the match is there (not in the name). */
  snippet: string | null;
  score: number;
  /** text: full-text match; fuzzy: found by name similarity only (typo, partial name). */
  match: 'text' | 'fuzzy';
  visits: number | null;
  online: boolean;
  promisedDays: number | null;
  applicantKinds: string[];
  lifeEvents: string[];
}

export interface BundleHit {
  id: number;
  code: string;
  name: string;
  lifeEvent: string;
  applicantKind: string;
  highlight: string;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  /** Milliseconds spent in the search. */
  took: number;
  /** The terms searched for, synonyms expanded. */
  expanded: string[];
  /** Whether the relaxed / fuzzy match was used (few exact matches). */
  relaxed: boolean;
  nextCursor: string | null;
  /** Matching bundles (一件事), first page only. */
  bundles: BundleHit[];
}

export interface SynonymView {
  id: number;
  term: string;
  expansions: string[];
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SynonymInput {
  term: string;
  expansions: string[];
  note?: string | null;
}

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;
const bad = (field: string, message: string, messageEn: string, where = 'query'): FieldError => ({ field, message, messageEn, in: where });

export function presentSynonym(r: repo.SynonymRow): SynonymView {
  return { id: r.id, term: r.term, expansions: r.expansions, note: r.note, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at };
}

/** Substrings (≥ 2 characters) of the query that occur in the name, longest first from each position: the highlight of a fuzzy match. */
export function commonRuns(queryText: string, name: string): string[] {
  const q = [...queryText.replace(/\s+/g, '')];
  const n = normalizeText(name);
  const out: string[] = [];
  for (let i = 0; i < q.length; ) {
    let best = 0;
    for (let j = q.length; j >= i + 2; j--) {
      if (n.includes(q.slice(i, j).join(''))) {
        best = j - i;
        break;
      }
    }
    if (best) {
      out.push(q.slice(i, i + best).join(''));
      i += best;
    } else i++;
  }
  return out;
}

export class SearchService {
  private synonymCache: { index: SynonymIndex; loadedAt: number } | null = null;

  constructor(
    private readonly db: Db,
    private readonly opts: { synonymTtlMs?: number } = {},
  ) {}

  /** The compiled synonym table, cached for a few seconds (and dropped on every local edit). */
  async synonymIndex(ex: Executor = executor(this.db)): Promise<SynonymIndex> {
    const ttl = this.opts.synonymTtlMs ?? 10_000;
    if (this.synonymCache && performance.now() - this.synonymCache.loadedAt < ttl) return this.synonymCache.index;
    const index = compileSynonyms(await repo.allSynonyms(ex));
    this.synonymCache = { index, loadedAt: performance.now() };
    return index;
  }

  invalidateSynonyms(): void {
    this.synonymCache = null;
  }

  /** Parses a query against the current synonyms (exposed for explanations and tests). */
  async parse(q: string): Promise<ParsedQuery> {
    return parseQuery(q, await this.synonymIndex());
  }

  async search(input: SearchInput): Promise<SearchResult> {
    const started = performance.now();
    const q = (input.q ?? '').trim();
    if (!q) throw CommonErrors.VALIDATION({ fields: [bad('q', '请输入搜索内容', 'Enter something to search for')] });
    if ([...q].length > MAX_QUERY_LENGTH) {
      throw CommonErrors.VALIDATION({ fields: [bad('q', `搜索内容不能超过 ${MAX_QUERY_LENGTH} 个字符`, `At most ${MAX_QUERY_LENGTH} characters`)] });
    }
    const limit = Math.min(Math.max(input.limit ?? 20, 1), MAX_SEARCH_LIMIT);
    const offset = this.offsetOf(input);
    const { regionCode, ...rest } = input.filters ?? {};
    const filters: repo.SearchFilters = { ...rest, regionPrefix: regionCode === undefined ? undefined : subtreePrefix(regionCode) };
    const parsed = await this.parse(q);
    const ex = executor(this.db);

    let relaxed = false;
    let rows: repo.ItemHitRow[] = [];
    let total = 0;
    if (parsed.tsqueryAll) {
      ({ rows, total } = await this.page(ex, { tsquery: parsed.tsqueryAll, fuzzyText: parsed.fuzzyText, fuzzy: false, filters, limit, offset }));
    }
    if (total < FEW_RESULTS && (parsed.fuzzyText || parsed.tsqueryAny)) {
      relaxed = true;
      const tsquery = parsed.concepts.length > 1 ? parsed.tsqueryAny : parsed.tsqueryAll;
      ({ rows, total } = await inTransaction(this.db, async (tx) => {
        await repo.setFuzzyThreshold(tx, FUZZY_THRESHOLD);
        return this.page(tx, {
          tsquery,
          strictTsquery: parsed.tsqueryAll,
          rankTsquery: parsed.tsqueryOr,
          fuzzyText: parsed.fuzzyText,
          fuzzy: true,
          filters,
          limit,
          offset,
        });
      }));
    }

    const bundles = offset === 0 && parsed.tsqueryAll ? await this.bundles(ex, parsed, relaxed) : [];
    return {
      items: rows.map((r) => this.present(r, parsed)),
      total,
      took: round(performance.now() - started, 2),
      expanded: parsed.expanded,
      relaxed,
      nextCursor: offset + limit < total && offset + limit <= MAX_SEARCH_OFFSET ? encodeCursor([offset + limit]) : null,
      bundles,
    };
  }

  private offsetOf(input: SearchInput): number {
    if (input.cursor) {
      const key = decodeCursor(input.cursor);
      const n = key?.[0];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_SEARCH_OFFSET) {
        throw CommonErrors.VALIDATION({ fields: [bad('cursor', '分页游标无效', 'Invalid pagination cursor')] });
      }
      return n;
    }
    const offset = input.offset ?? 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_SEARCH_OFFSET) {
      throw CommonErrors.VALIDATION({ fields: [bad('offset', `应为 0 到 ${MAX_SEARCH_OFFSET} 的整数`, `An integer from 0 to ${MAX_SEARCH_OFFSET}`)] });
    }
    return offset;
  }

  /** One page and the total; past the last page the total is counted separately. */
  private async page(ex: Executor, s: repo.ItemSearch): Promise<{ rows: repo.ItemHitRow[]; total: number }> {
    const rows = await repo.searchItems(ex, s);
    if (rows.length || s.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
    const [first] = await repo.searchItems(ex, { ...s, offset: 0, limit: 1 });
    return { rows, total: first?.total ?? 0 };
  }

  private async bundles(ex: Executor, parsed: ParsedQuery, relaxed: boolean): Promise<BundleHit[]> {
    const tsquery = relaxed && parsed.tsqueryAny ? parsed.tsqueryAny : parsed.tsqueryAll;
    if (!tsquery) return [];
    const rows = await repo.searchBundles(ex, tsquery, parsed.fuzzyText, 3);
    return rows.map((b) => ({
      id: b.id,
      code: b.code,
      name: b.name,
      lifeEvent: b.life_event,
      applicantKind: b.applicant_kind,
      highlight: highlight(b.name, parsed.highlights),
    }));
  }

  private present(r: repo.ItemHitRow, parsed: ParsedQuery): SearchHit {
    const match = r.text_match ? 'text' : 'fuzzy';
    const terms = match === 'fuzzy' ? [...new Set([...commonRuns(parsed.fuzzyText, r.name), ...parsed.highlights])] : parsed.highlights;
    const missing = parsed.concepts.filter((c) => !conceptIn(r.name, c));
    return {
      id: r.id,
      implCode: r.impl_code,
      name: r.name,
      subItemName: r.sub_item_name,
      type: r.item_type,
      typeLabel: r.type_zh ?? DEFAULT_TYPE_LABELS[r.item_type]?.zh ?? r.item_type,
      kind: isPowerType(r.item_type) ? 'power' : 'service',
      department: r.org_name,
      orgId: r.org_id,
      regionCode: r.region_code,
      highlight: highlight(r.name, terms),
      snippet: missing.length && r.guide_text ? snippet(r.guide_text, [...new Set(missing.flatMap((c) => c.highlights))]) : null,
      score: round(Number(r.score)),
      match,
      visits: r.visits,
      online: r.online,
      promisedDays: r.promised_days,
      applicantKinds: r.applicant_kinds,
      lifeEvents: r.life_events,
    };
  }

  // ── synonyms ─────────────────────────────────────────────────────────────

  async listSynonyms(opts: { q?: string; cursor?: string; limit?: number }): Promise<{ items: SynonymView[]; nextCursor: string | null }> {
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
    const key = decodeCursor(opts.cursor);
    if (key !== undefined && typeof key[0] !== 'string') throw CommonErrors.VALIDATION({ fields: [bad('cursor', '分页游标无效', 'Invalid pagination cursor')] });
    const rows = await repo.listSynonyms(executor(this.db), {
      q: opts.q ? normalizeText(opts.q).trim() : undefined,
      afterTerm: key?.[0] as string | undefined,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit).map(presentSynonym);
    return { items, nextCursor: rows.length > limit ? encodeCursor([items[items.length - 1].term]) : null };
  }

  async getSynonym(id: number): Promise<SynonymView> {
    const row = await repo.findSynonym(executor(this.db), id);
    if (!row) throw SearchErrors.SYNONYM_NOT_FOUND();
    return presentSynonym(row);
  }

  async createSynonym(who: AuditWho, input: SynonymInput): Promise<SynonymView> {
    const values = this.synonymValues(input);
    const created = await inTransaction(this.db, async (tx) => {
      const row = await repo.insertSynonym(tx, values, who.actor.id > 0 ? who.actor.id : null);
      if (!row) throw this.exists(values.term);
      await recordAudit(tx, who, { action: 'catalog.synonym_created', entityType: 'catalog_synonym', entityId: row.id, after: presentSynonym(row) });
      return row;
    });
    this.invalidateSynonyms();
    return presentSynonym(created);
  }

  async updateSynonym(who: AuditWho, id: number, input: SynonymInput & { version: number }): Promise<SynonymView> {
    const values = this.synonymValues(input);
    const updated = await inTransaction(this.db, async (tx) => {
      const before = await repo.findSynonym(tx, id);
      if (!before) throw SearchErrors.SYNONYM_NOT_FOUND();
      if (before.version !== input.version) throw CommonErrors.VERSION_CONFLICT({ vars: { current: before.version }, extra: { currentVersion: before.version } });
      if (values.term !== before.term && (await repo.termTaken(tx, values.term, id))) throw this.exists(values.term);
      const row = await repo.updateSynonym(tx, id, input.version, values, who.actor.id > 0 ? who.actor.id : null);
      if (!row) {
        const current = (await repo.findSynonym(tx, id))?.version ?? before.version;
        throw CommonErrors.VERSION_CONFLICT({ vars: { current }, extra: { currentVersion: current } });
      }
      await recordAudit(tx, who, {
        action: 'catalog.synonym_updated',
        entityType: 'catalog_synonym',
        entityId: id,
        before: presentSynonym(before),
        after: presentSynonym(row),
      });
      return row;
    });
    this.invalidateSynonyms();
    return presentSynonym(updated);
  }

  async deleteSynonym(who: AuditWho, id: number, version: number): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const before = await repo.findSynonym(tx, id);
      if (!before) throw SearchErrors.SYNONYM_NOT_FOUND();
      if (before.version !== version || !(await repo.deleteSynonym(tx, id, version))) {
        const current = (await repo.findSynonym(tx, id))?.version ?? before.version;
        throw CommonErrors.VERSION_CONFLICT({ vars: { current }, extra: { currentVersion: current } });
      }
      await recordAudit(tx, who, { action: 'catalog.synonym_deleted', entityType: 'catalog_synonym', entityId: id, before: presentSynonym(before) });
    });
    this.invalidateSynonyms();
  }

  private exists(term: string) {
    return SearchErrors.SYNONYM_EXISTS({ vars: { term }, fields: [bad('term', `同义词“${term}”已存在`, `The synonym "${term}" already exists`, 'body')] });
  }

  /** Normalises and checks a synonym: the term without spaces, expansions trimmed and distinct. */
  private synonymValues(input: SynonymInput): repo.SynonymValues {
    const term = normalizeTerm(input.term ?? '');
    const fields: FieldError[] = [];
    if (!term || !/[\p{L}\p{N}]/u.test(term)) fields.push(bad('term', '词语不能为空，且须包含文字', 'The term must contain a word', 'body'));
    const expansions: string[] = [];
    (input.expansions ?? []).forEach((raw, i) => {
      const e = normalizeText(raw).replace(/\s+/g, ' ').trim();
      if (!e || !/[\p{L}\p{N}]/u.test(e)) fields.push(bad(`expansions.${i}`, '扩展词不能为空，且须包含文字', 'An expansion must contain a word', 'body'));
      else if (!expansions.includes(e)) expansions.push(e);
    });
    if (!expansions.length && !fields.some((f) => f.field.startsWith('expansions'))) {
      fields.push(bad('expansions', '至少需要一个扩展词', 'At least one expansion is required', 'body'));
    }
    if (fields.length) throw CommonErrors.VALIDATION({ fields });
    const note = input.note?.trim() || null;
    return { term, expansions, note };
  }
}

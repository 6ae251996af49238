/**
 * Expands the compact data tables into power specs: one spec per item of
 * the county list, with its base code (one main item per article group,
 * one sub-item per subject × act), legal basis and field. Pure and
 * deterministic: the same tables always give the same codes.
 */
import type { ItemType } from '../../catalog/index.ts';
import { baseCode, type CodeBook } from './codes.ts';
import { basis, LAWS, type LawKey } from './laws.ts';
import type { ArticleRef, DeptKey, Domain, LegalBasisInput, NamedRow } from './types.ts';

export interface PowerSpec {
  dept: DeptKey;
  type: ItemType;
  name: string;
  base: string;
  field: string;
  legal: LegalBasisInput[];
  /** Position within its article group (0 = first); the trimming of penalties drops the highest first. */
  sub: number;
}

const split = (s: string) => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);

/** `第三十五条` in the domain's law, `spaqss:第六十七条` in another, `rzrk:` another law without an article. */
export function resolveArticle(ref: ArticleRef, domainLaw: LawKey): LegalBasisInput {
  const colon = ref.indexOf(':');
  if (colon < 0) return basis(domainLaw, ref || undefined);
  const key = ref.slice(0, colon) as LawKey;
  if (!(key in LAWS)) throw new Error(`demo catalog: unknown law key ${key}`);
  return basis(key, ref.slice(colon + 1) || undefined);
}

export function expandDomains(domains: readonly Domain[], book: CodeBook): PowerSpec[] {
  const out: PowerSpec[] = [];
  for (const d of domains) {
    const common = { dept: d.dept, field: d.field };
    for (const [art, subjects, acts] of d.p) {
      const main = book.main('penalty');
      const subs = split(subjects);
      let k = 0;
      for (const act of split(acts)) {
        for (const s of subs.length ? subs : ['']) {
          out.push({ ...common, type: 'penalty', name: `对${s}${act}的行政处罚`, base: baseCode('penalty', main, ++k), legal: [resolveArticle(art, d.law)], sub: k });
        }
      }
    }
    for (const [art, subjects, topics] of d.i ?? []) {
      const main = book.main('inspection');
      let k = 0;
      for (const topic of split(topics)) {
        for (const s of split(subjects)) {
          out.push({ ...common, type: 'inspection', name: `对${s}${topic}的行政检查`, base: baseCode('inspection', main, ++k), legal: [resolveArticle(art, d.law)], sub: k });
        }
      }
    }
    for (const [art, names] of d.q ?? []) {
      const main = book.main('compulsion');
      let k = 0;
      for (const name of split(names)) {
        out.push({ ...common, type: 'compulsion', name, base: baseCode('compulsion', main, ++k), legal: [resolveArticle(art, d.law), basis('xzqz', '第九条')], sub: k });
      }
    }
  }
  return out;
}

/** Items given by name, each its own main item (sub-item 000). */
export function expandNamed(rows: readonly NamedRow[], field: (dept: DeptKey) => string, book: CodeBook): PowerSpec[] {
  return rows.map(([type, dept, name, law, article]) => ({
    dept,
    type,
    name,
    field: field(dept),
    base: baseCode(type, book.main(type)),
    legal: [basis(law, article)],
    sub: 0,
  }));
}

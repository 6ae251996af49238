import { useEffect, useState } from 'react';
import { listLaws } from './catalog.api.ts';
import type { LawSummary } from './catalog.types.ts';

const PRC = '中华人民共和国';

/** Comparison form of a law's name: no 《》, spaces, edition notes (（2019年修正）) or 中华人民共和国 prefix. */
export function normaliseLawName(name: string): string {
  let s = name.normalize('NFKC').replace(/[《》\s\u3000]/gu, '');
  s = s.replace(/\((?:[^()]*?(?:年|修正|修订|版)[^()]*?)\)$/u, '');
  if (s.startsWith(PRC) && s.length > PRC.length) s = s.slice(PRC.length);
  return s;
}

/** A law's name as cited, in title marks once: 行政许可法 and 《行政许可法》 both give 《行政许可法》. */
export const citeLaw = (law: string) => `《${law.trim().replace(/^《+|》+$/gu, '')}》`;

/** The statute a legal-basis entry cites, when its text is in the laws data. */
export function findLaw(laws: readonly LawSummary[], law: string): LawSummary | undefined {
  const n = normaliseLawName(law);
  return laws.find((l) => [l.title, ...l.aliases].some((a) => normaliseLawName(a) === n));
}

/** 第四十二条, 第42条, 第四十二条第一款 → 42 (the article the citation starts with). */
export function citedArticle(article: string | undefined): number | null {
  if (!article) return null;
  const m = /第\s*([0-9]+|[零〇一二两三四五六七八九十百千]+)\s*条/u.exec(article);
  if (!m) return null;
  if (/^[0-9]+$/.test(m[1])) return Number(m[1]);
  const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const units: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let digit: number | null = null;
  for (const ch of m[1]) {
    if (ch in digits) digit = digits[ch];
    else {
      total += (digit ?? 1) * units[ch];
      digit = null;
    }
  }
  const n = total + (digit ?? 0);
  return n > 0 ? n : null;
}

let cache: Promise<LawSummary[]> | null = null;

/** The statutes the server can quote (loaded once per page load; empty when the endpoint is missing). */
export function useLaws(enabled: boolean): LawSummary[] {
  const [laws, setLaws] = useState<LawSummary[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    cache ??= listLaws()
      .then((r) => r.items)
      .catch(() => {
        cache = null;
        return [];
      });
    void cache.then((items) => live && setLaws(items));
    return () => {
      live = false;
    };
  }, [enabled]);
  return laws;
}

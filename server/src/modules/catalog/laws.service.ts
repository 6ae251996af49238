/**
 * Statute texts (server/data/laws/*.md) served article by article, so a guide
 * can show the article its legal basis cites. The files are read once, on
 * first use; parsing is pure (parseLaw, articleNumber).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineErrors } from '../../platform/errors/index.ts';

export const LAWS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/laws');

export const LawErrors = defineErrors('catalog', {
  LAW_NOT_FOUND: { kind: 'not_found', zh: '未收录该法律法规', en: 'Law not found' },
  ARTICLE_NOT_FOUND: { kind: 'not_found', zh: '《{law}》没有第 {no} 条', en: 'Article {no} of {law} not found' },
});

export interface LawArticle {
  /** Article number (1-based). */
  no: number;
  /** As written: 第四十二条. */
  label: string;
  chapter: string | null;
  section: string | null;
  /** The article's paragraphs, without the 第X条 label, one per line. */
  text: string;
}

export interface ParsedLaw {
  id: string;
  title: string;
  /** A part named under the title (民法典 → 总则), else null. */
  part: string | null;
  /** Promulgation and revision lines. */
  notes: string[];
  articles: LawArticle[];
}

export interface LawSummary {
  id: string;
  title: string;
  part: string | null;
  /** Names a legal basis may cite the law by: the title and the title without 中华人民共和国. */
  aliases: string[];
  notes: string[];
  articleCount: number;
  /** The highest article number in the text (a part of a code, such as 民法典 总则, stops there). */
  lastArticle: number;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 四十二 → 42, 二百零一 → 201, 十 → 10; null when not a Chinese numeral below 10,000. */
export function chineseNumber(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in DIGITS) {
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      total += (digit ?? 1) * UNITS[ch];
      digit = null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

const ARTICLE_LINE = /^第([零〇一二两三四五六七八九十百千]+)条[\s\u3000]+(.*)$/u;

/** An article number as a path segment: 42, 第四十二条, 四十二, 第42条; null when it is none. */
export function articleNumber(raw: string): number | null {
  const m = /^第?\s*([0-9]+|[零〇一二两三四五六七八九十百千]+)\s*条?$/u.exec(raw.trim());
  if (!m) return null;
  const n = /^[0-9]+$/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
  return n !== null && n > 0 && n < 10000 ? n : null;
}

/** Parses one statute file (format: server/data/laws/README.md). */
export function parseLaw(id: string, markdown: string): ParsedLaw {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const heads: string[] = [];
  const notes: string[] = [];
  const articles: LawArticle[] = [];
  let inBody = !markdown.includes('<!-- INFO END -->');
  let chapter: string | null = null;
  let section: string | null = null;
  let current: { no: number; label: string; chapter: string | null; section: string | null; paras: string[] } | null = null;
  const close = () => {
    if (current) articles.push({ no: current.no, label: current.label, chapter: current.chapter, section: current.section, text: current.paras.join('\n') });
    current = null;
  };
  for (const raw of lines) {
    const line = raw.replace(/[\s\u3000]+$/u, '').replace(/^[\s\u3000]+/u, '');
    if (!line) continue;
    if (line.startsWith('<!--')) {
      if (line.includes('INFO END')) inBody = true;
      continue;
    }
    const heading = /^(#+)\s*(.+)$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      const text = heading[2].replace(/[\s\u3000]+/gu, ' ').trim();
      if (!inBody && level === 1) heads.push(text);
      else if (level <= 2) {
        close();
        chapter = text;
        section = null;
      } else {
        close();
        section = text;
      }
      continue;
    }
    if (!inBody) {
      notes.push(line);
      continue;
    }
    const art = ARTICLE_LINE.exec(line);
    const no = art ? chineseNumber(art[1]) : null;
    if (art && no !== null) {
      close();
      current = { no, label: `第${art[1]}条`, chapter, section, paras: art[2] ? [art[2]] : [] };
    } else if (current) {
      current.paras.push(line);
    }
  }
  close();
  return { id, title: heads[0] ?? id, part: heads[1] ?? null, notes, articles };
}

const PRC = '中华人民共和国';

export class LawService {
  private laws: Map<string, ParsedLaw> | null = null;

  constructor(private readonly dir: string = LAWS_DIR) {}

  private all(): Map<string, ParsedLaw> {
    if (!this.laws) {
      const files = fs.existsSync(this.dir) ? fs.readdirSync(this.dir).filter((f) => f.endsWith('.md') && f !== 'README.md') : [];
      this.laws = new Map(
        files.sort().map((f) => {
          const id = f.slice(0, -3);
          return [id, parseLaw(id, fs.readFileSync(path.join(this.dir, f), 'utf8'))];
        }),
      );
    }
    return this.laws;
  }

  list(): { items: LawSummary[] } {
    return {
      items: [...this.all().values()].map((l) => ({
        id: l.id,
        title: l.title,
        part: l.part,
        aliases: [l.title, ...(l.title.startsWith(PRC) && l.title.length > PRC.length ? [l.title.slice(PRC.length)] : [])],
        notes: l.notes,
        articleCount: l.articles.length,
        lastArticle: l.articles.reduce((max, a) => Math.max(max, a.no), 0),
      })),
    };
  }

  article(id: string, rawNo: string): LawArticle & { lawId: string; lawTitle: string } {
    const law = this.all().get(id);
    if (!law) throw LawErrors.LAW_NOT_FOUND();
    const no = articleNumber(rawNo);
    const article = no === null ? undefined : law.articles.find((a) => a.no === no);
    if (!article) throw LawErrors.ARTICLE_NOT_FOUND({ vars: { law: law.title, no: rawNo } });
    return { lawId: law.id, lawTitle: law.title, ...article };
  }
}

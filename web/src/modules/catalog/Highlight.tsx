import './catalog.css';
import type { ReactNode } from 'react';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references an HTML-escaped text may hold (&amp; &lt; &#39; &#x27; …). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * Splits the server's highlighted text into plain and matched parts. The
 * server escapes the text and wraps matches in <em>…</em>; only that markup
 * is honoured: every other character, tags included, stays text.
 */
export function highlightParts(html: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const re = /<em>([\s\S]*?)<\/em>/g;
  let last = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m.index > last) parts.push({ text: decodeEntities(html.slice(last, m.index)), match: false });
    parts.push({ text: decodeEntities(m[1]), match: true });
    last = m.index + m[0].length;
  }
  if (last < html.length) parts.push({ text: decodeEntities(html.slice(last)), match: false });
  return parts.filter((p) => p.text !== '');
}

/** Renders highlighted search text as React text nodes (never as HTML). */
export function Highlight({ html }: { html: string }): ReactNode {
  return (
    <>
      {highlightParts(html).map((p, i) =>
        p.match ? (
          <em key={i} className="tb-hit">
            {p.text}
          </em>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/**
 * Reads the files embedded in a PDF (the /EmbeddedFiles written by pdfkit's
 * doc.file()). A small, strict reader for PDFs this platform produced: it
 * scans for /Filespec dictionaries, follows /EF /F to the stream object and
 * inflates it. It returns [] for anything it cannot read, never throws on
 * hostile input.
 */
import { inflateSync } from 'node:zlib';

export interface EmbeddedFile {
  name: string;
  data: Buffer;
}

function pdfLiteral(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) => {
    const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
    return map[e] ?? String.fromCharCode(parseInt(e, 8));
  });
}

function streamOf(pdf: Buffer, text: string, objNum: number): Buffer | null {
  const head = new RegExp(`(?:^|[\\r\\n])${objNum} 0 obj\\s*<<`, 'g');
  const m = head.exec(text);
  if (!m) return null;
  const dictStart = m.index + m[0].length - 2;
  const streamKw = text.indexOf('stream', dictStart);
  if (streamKw < 0) return null;
  const dict = text.slice(dictStart, streamKw);
  const len = /\/Length (\d+)/.exec(dict);
  if (!len) return null;
  let start = streamKw + 'stream'.length;
  if (text[start] === '\r') start++;
  if (text[start] === '\n') start++;
  const length = Number(len[1]);
  if (start + length > pdf.length) return null;
  const raw = pdf.subarray(start, start + length);
  if (/\/Filter\s*\/FlateDecode/.test(dict)) {
    try {
      return inflateSync(raw);
    } catch {
      return null;
    }
  }
  return Buffer.from(raw);
}

/** The embedded files of a PDF, in document order. */
export function embeddedFiles(pdf: Buffer): EmbeddedFile[] {
  const text = pdf.toString('latin1');
  const out: EmbeddedFile[] = [];
  const spec = /\/Type \/Filespec[\s\S]*?\/F \(((?:\\.|[^\\)])*)\)[\s\S]*?\/EF <<\s*\/F (\d+) 0 R/g;
  for (let m = spec.exec(text); m; m = spec.exec(text)) {
    const data = streamOf(pdf, text, Number(m[2]));
    if (data) out.push({ name: pdfLiteral(m[1]), data });
  }
  return out;
}

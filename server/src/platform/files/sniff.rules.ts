/**
 * Content sniffing: what a file is, from its first bytes, never from the
 * name or the client's Content-Type. Only the kinds government materials and
 * case photos come in are recognised.
 */
export const FILE_KINDS = ['pdf', 'image', 'office', 'ofd'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const KIND_LABELS: Record<FileKind, { zh: string; en: string }> = {
  pdf: { zh: 'PDF', en: 'PDF' },
  image: { zh: '图片（JPEG、PNG、WebP）', en: 'image (JPEG, PNG, WebP)' },
  office: { zh: 'Office 文档（docx、xlsx）', en: 'Office document (docx, xlsx)' },
  ofd: { zh: 'OFD 版式文件', en: 'OFD document' },
};

export interface Sniffed {
  kind: FileKind;
  mediaType: string;
  /** Extensions a file of this content may carry. */
  extensions: readonly string[];
}

const startsWith = (buf: Uint8Array, magic: readonly number[], at = 0) => buf.length >= at + magic.length && magic.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Names of the entries of a ZIP archive, read from its local file headers (enough to tell docx, xlsx and OFD apart). */
export function zipEntryNames(buf: Uint8Array, max = 200): string[] {
  const names: string[] = [];
  let i = 0;
  while (i + 30 <= buf.length && names.length < max) {
    if (!(buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x03 && buf[i + 3] === 0x04)) break;
    const flags = buf[i + 6] | (buf[i + 7] << 8);
    const compressed = (buf[i + 18] | (buf[i + 19] << 8) | (buf[i + 20] << 16)) + buf[i + 21] * 0x1000000;
    const nameLen = buf[i + 26] | (buf[i + 27] << 8);
    const extraLen = buf[i + 28] | (buf[i + 29] << 8);
    names.push(Buffer.from(buf.subarray(i + 30, i + 30 + nameLen)).toString('utf8'));
    // with a data descriptor the size is not in the header: stop, what we have decides
    if (flags & 0x08) break;
    i += 30 + nameLen + extraLen + compressed;
  }
  return names;
}

/** What the bytes are, or null when they are none of the recognised kinds. */
export function sniff(buf: Uint8Array): Sniffed | null {
  if (startsWith(buf, ascii('%PDF-'))) return { kind: 'pdf', mediaType: 'application/pdf', extensions: ['pdf'] };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { kind: 'image', mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mediaType: 'image/png', extensions: ['png'] };
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return { kind: 'image', mediaType: 'image/webp', extensions: ['webp'] };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(buf);
    if (names.some((n) => n === 'OFD.xml' || n.endsWith('/OFD.xml'))) return { kind: 'ofd', mediaType: 'application/ofd', extensions: ['ofd'] };
    if (names.some((n) => n.startsWith('word/')))
      return { kind: 'office', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] };
    if (names.some((n) => n.startsWith('xl/')))
      return { kind: 'office', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] };
    if (names.includes('[Content_Types].xml')) return null;
  }
  return null;
}

/** The extension of a file name, lower-case, without the dot ('' when none). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** A file name safe to keep and to send back in Content-Disposition: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = [...(name.split(/[\\/]/).pop() ?? '')].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"').join('').trim();
  return (base || 'file').slice(-200);
}

import { describe, expect, it } from 'vitest';
import { cleanFileName, extensionOf, sniff, zipEntryNames } from './sniff.rules.ts';

/** A minimal stored (uncompressed) ZIP local header for one entry. */
function zipWith(...names: string[]): Buffer {
  const parts: Buffer[] = [];
  for (const name of names) {
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(0, 6); // flags
    head.writeUInt32LE(2, 18); // compressed size
    head.writeUInt16LE(Buffer.byteLength(name), 26);
    head.writeUInt16LE(0, 28);
    parts.push(head, Buffer.from(name), Buffer.from('{}'));
  }
  return Buffer.concat(parts);
}

describe('content sniffing', () => {
  it('recognises PDF, JPEG, PNG and WebP by their first bytes', () => {
    expect(sniff(Buffer.from('%PDF-1.7\n'))?.mediaType).toBe('application/pdf');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.mediaType).toBe('image/jpeg');
    expect(sniff(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.mediaType).toBe('image/png');
    expect(sniff(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))?.mediaType).toBe('image/webp');
  });

  it('tells docx, xlsx and OFD apart inside a ZIP and refuses other archives', () => {
    expect(zipEntryNames(zipWith('[Content_Types].xml', 'word/document.xml'))).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(sniff(zipWith('[Content_Types].xml', 'word/document.xml'))?.extensions).toEqual(['docx']);
    expect(sniff(zipWith('[Content_Types].xml', 'xl/workbook.xml'))?.extensions).toEqual(['xlsx']);
    expect(sniff(zipWith('OFD.xml', 'Doc_0/Document.xml'))?.kind).toBe('ofd');
    expect(sniff(zipWith('readme.txt', 'evil.exe'))).toBeNull();
  });

  it('refuses what is none of the kinds: text, executables, HTML posing as PDF', () => {
    expect(sniff(Buffer.from('hello'))).toBeNull();
    expect(sniff(Buffer.from([0x4d, 0x5a, 0x90, 0]))).toBeNull();
    expect(sniff(Buffer.from('<html>%PDF-1.4'))).toBeNull();
    expect(sniff(Buffer.alloc(0))).toBeNull();
  });

  it('reads extensions and cleans names', () => {
    expect(extensionOf('营业执照.PDF')).toBe('pdf');
    expect(extensionOf('noext')).toBe('');
    expect(extensionOf('.hidden')).toBe('');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('C:\\Users\\a\\身份证.jpg')).toBe('身份证.jpg');
    expect(cleanFileName('a"b\u0000.pdf')).toBe('ab.pdf');
    expect(cleanFileName('')).toBe('file');
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRImport from 'jsqr';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedFiles, renderPdf, resolveCjkFont } from './index.ts';

// jsqr is CommonJS with an ES-style default export; take whichever shape the loader gives.
const jsQR = ((jsQRImport as unknown as { default?: unknown }).default ?? jsQRImport) as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

/** A binary PGM (P5, 8-bit grey) as RGBA pixels. */
function readPgm(buf: Buffer): { width: number; height: number; rgba: Uint8ClampedArray } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const grey = buf.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = grey[i];
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

const dir = mkdtempSync(join(tmpdir(), 'tb-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixed = new Date('2026-03-01T08:00:00Z');
const QR_TEXT = 'https://example.gov.cn/verify/licence/1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U';

async function sample(extra = ''): Promise<Buffer> {
  return renderPdf(
    async (doc, kit) => {
      kit.font('bold');
      doc.fontSize(22).text('营业执照', { align: 'center' });
      kit.font();
      doc.fontSize(12).text(`统一社会信用代码 91320281MA1XXXXXXX 江阴市行政审批局${extra}`);
      await kit.qr(QR_TEXT, 380, 500, 160);
      doc.file(Buffer.from('{"a":"证照"}', 'utf8'), { name: 'licence.json', type: 'application/json', creationDate: fixed, modifiedDate: fixed });
    },
    { title: '电子证照', subject: 'test', creationDate: fixed },
  );
}

describe('renderPdf', () => {
  it('resolves a CJK font from the npm package first', () => {
    expect(resolveCjkFont('regular').source).toMatch(/@embedpdf[/\\]fonts-sc/);
  });

  it('renders Chinese text that a PDF reader extracts', async () => {
    const pdf = await sample();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(dir, 'a.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
    expect(text).toContain('营业执照');
    expect(text).toContain('江阴市行政审批局');
    expect(text).toContain('91320281MA1XXXXXXX');
  });

  it('draws a QR code that decodes back to its text', async () => {
    const file = join(dir, 'qr.pdf');
    writeFileSync(file, await sample());
    execFileSync('pdftoppm', ['-gray', '-r', '100', '-singlefile', file, join(dir, 'page')]);
    const page = readPgm(readFileSync(join(dir, 'page.pgm')));
    const code = jsQR(page.rgba, page.width, page.height);
    expect(code?.data).toBe(QR_TEXT);
  });

  it('is byte-identical for identical input with a fixed creation date, and differs when the content does', async () => {
    const a = await sample();
    const b = await sample();
    expect(a.equals(b)).toBe(true);
    const c = await sample('。');
    expect(a.equals(c)).toBe(false);
  });

  it('reads back embedded files', async () => {
    const files = embeddedFiles(await sample());
    expect(files).toHaveLength(1);
    expect(files[0].name).toBe('licence.json');
    expect(JSON.parse(files[0].data.toString('utf8'))).toEqual({ a: '证照' });
    expect(embeddedFiles(Buffer.from('not a pdf'))).toEqual([]);
  });

  it('propagates an error thrown while drawing', async () => {
    await expect(
      renderPdf(() => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });
});

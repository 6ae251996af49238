/**
 * renderPdf: the one way modules produce PDFs (receipts, notices, licence
 * certificates). pdfkit with a CJK font registered as 'cjk' / 'cjk-bold', a QR
 * helper drawn as vector squares, and deterministic output when the caller
 * passes `creationDate` (pdfkit derives the file ID from the info dictionary,
 * so identical input gives identical bytes — hashes and signatures over the
 * PDF stay stable).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { resolveCjkFont, type FontWeight } from './fonts.ts';

export interface PdfKit {
  /** Selects the CJK font (default regular). Every page starts with the regular CJK font selected. */
  font(weight?: FontWeight): void;
  /** Draws a QR code of `text` (error correction M) as a `size`×`size` point square at (x, y). */
  qr(text: string, x: number, y: number, size: number): Promise<void>;
}

export interface PdfInfo {
  title?: string;
  subject?: string;
  author?: string;
  keywords?: string;
  /** Fixed creation date: pass one for byte-identical output across runs. Default: now. */
  creationDate?: Date;
  /** Page size (pdfkit names or [w, h] in points); default A4. */
  size?: string | [number, number];
  margin?: number;
}

export type PdfBuild = (doc: PDFKit.PDFDocument, kit: PdfKit) => Promise<void> | void;

/** Draws a QR code as filled squares (vector; crisp at any zoom, no image compression to vary). */
export async function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): Promise<void> {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2; // modules of white border inside the square
  const cell = size / (n + quiet * 2);
  doc.save();
  doc.rect(x, y, size, size).fill('#FFFFFF');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell, cell);
    }
  }
  doc.fill('#000000');
  doc.restore();
}

/** Renders a PDF: `build` draws on the pdfkit document; resolves with the finished bytes. */
export async function renderPdf(build: PdfBuild, info: PdfInfo = {}): Promise<Buffer> {
  const regular = resolveCjkFont('regular');
  const bold = resolveCjkFont('bold');
  const creationDate = info.creationDate ?? new Date();
  const doc = new PDFDocument({
    size: info.size ?? 'A4',
    margin: info.margin ?? 56,
    autoFirstPage: true,
    compress: true,
    // pdfkit hashes every info entry into the file ID, so absent entries must be left out, not undefined.
    info: Object.fromEntries(
      Object.entries({
        Title: info.title,
        Subject: info.subject,
        Author: info.author,
        Keywords: info.keywords,
        Producer: 'Tongban',
        Creator: 'Tongban',
        CreationDate: creationDate,
        ModDate: creationDate,
      }).filter(([, v]) => v !== undefined),
    ) as PDFKit.DocumentInfo,
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', regular.data, regular.family as string);
  doc.registerFont('cjk-bold', bold.data, bold.family as string);
  doc.font('cjk');
  doc.on('pageAdded', () => doc.font('cjk'));
  const kit: PdfKit = {
    font: (weight = 'regular') => {
      doc.font(weight === 'bold' ? 'cjk-bold' : 'cjk');
    },
    qr: (text, x, y, size) => drawQr(doc, text, x, y, size),
  };
  try {
    await build(doc, kit);
  } catch (e) {
    doc.end();
    await finished.catch(() => undefined);
    throw e;
  }
  doc.end();
  return finished;
}

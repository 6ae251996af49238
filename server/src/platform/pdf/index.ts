/** PDF output with Chinese text and QR codes: renderPdf(build, info). */
export { renderPdf, drawQr, type PdfBuild, type PdfInfo, type PdfKit } from './pdf.ts';
export { resolveCjkFont, MissingCjkFontError, type FontWeight, type ResolvedFont } from './fonts.ts';
export { embeddedFiles, type EmbeddedFile } from './attachments.ts';

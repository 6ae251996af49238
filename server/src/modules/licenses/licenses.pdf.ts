/**
 * The licence certificate PDF: the visible certificate, a QR code to the
 * public verification page, the signed JSON embedded as `licence.json`, and a
 * detached Ed25519 signature over the file appended after %%EOF.
 */
import { renderPdf } from '../../platform/pdf/index.ts';
import { appendPdfSignature, signBytes, signedPdfBody, STATE_LABELS, type SignedLicenceDocument } from './licenses.rules.ts';
import type { ActiveKey } from './licenses.keys.ts';

export const EMBEDDED_NAME = 'licence.json';

const HOLDER_LABEL = { person: { name: '姓名', id: '公民身份号码' }, legal: { name: '名称', id: '统一社会信用代码' } } as const;

/** Renders and signs the certificate. Deterministic for a given document, origin and key (creation date = issue time). */
export async function renderCertificate(doc: SignedLicenceDocument, opts: { origin: string; key: ActiveKey }): Promise<Buffer> {
  const p = doc.payload;
  const issuedAt = new Date(p.issuedAt);
  const verifyUrl = `${opts.origin.replace(/\/+$/, '')}${p.verifyPath}`;
  const body = await renderPdf(
    async (pdf, kit) => {
      const { width, height } = pdf.page;
      const m = 40;
      pdf.lineWidth(3).strokeColor('#B8860B').rect(m, m, width - 2 * m, height - 2 * m).stroke();
      pdf.lineWidth(0.8).rect(m + 6, m + 6, width - 2 * m - 12, height - 2 * m - 12).stroke();
      pdf.fillColor('#000000');

      kit.font('bold');
      pdf.fontSize(30).text(p.type.name, m, 110, { width: width - 2 * m, align: 'center', characterSpacing: 6 });
      kit.font();
      pdf.fontSize(10).fillColor('#555555').text('电子证照 · Electronic licence', m, 158, { width: width - 2 * m, align: 'center' });
      pdf.fontSize(9).text(`证照标识 ${p.licenceNo}`, m, 178, { width: width - 2 * m, align: 'center' });

      const labels = HOLDER_LABEL[p.holder.kind];
      const rows: [string, string][] = [
        [labels.name, p.holder.name],
        [labels.id, p.holder.idNumber],
        ['证照类型', `${p.type.name}（${p.type.code}）`],
        ['办理事项', p.itemName ?? '—'],
        ['申请编号', p.applicationNo ?? '—'],
        ['有效期限', `${p.validFrom} 至 ${p.validUntil ?? '长期'}`],
        ['发证机关', p.issuer.name],
        ['发证日期', p.validFrom],
      ];
      let y = 230;
      for (const [label, value] of rows) {
        pdf.fillColor('#333333').fontSize(12).text(label, m + 50, y, { width: 110 });
        pdf.fillColor('#000000').fontSize(12).text(value, m + 170, y, { width: width - 2 * m - 220 });
        y = Math.max(pdf.y, y + 18) + 14;
      }

      const qrSize = 130;
      const qrX = width - m - 50 - qrSize;
      const qrY = height - m - 60 - qrSize;
      await kit.qr(verifyUrl, qrX, qrY, qrSize);
      pdf.fontSize(8).fillColor('#555555').text('扫码验证 Scan to verify', qrX, qrY + qrSize + 4, { width: qrSize, align: 'center' });

      pdf.fontSize(9).fillColor('#333333');
      pdf.text(`本证照由${p.issuer.name}依法签发，采用 Ed25519 数字签名（密钥 ${doc.signature.kid.slice(0, 12)}…）。`, m + 50, qrY, { width: qrX - m - 80 });
      pdf.moveDown(0.5).text(`验证地址：${verifyUrl}`, { width: qrX - m - 80 });
      pdf.moveDown(0.5).text(`签发时状态：${STATE_LABELS.valid.zh}。证照当前状态以验证结果为准。`, { width: qrX - m - 80 });
      pdf.moveDown(0.5).text('文件内嵌签名数据（licence.json），离线可用公开密钥（JWKS）验证。', { width: qrX - m - 80 });

      pdf.file(Buffer.from(JSON.stringify(doc), 'utf8'), {
        name: EMBEDDED_NAME,
        type: 'application/json',
        description: 'Signed e-licence document (canonical payload, Ed25519)',
        creationDate: issuedAt,
        modifiedDate: issuedAt,
      });
    },
    { title: `${p.type.name} ${p.licenceNo}`, subject: '电子证照 e-licence', author: p.issuer.name, keywords: p.licenceNo, creationDate: issuedAt },
  );
  const signed = signedPdfBody(body);
  return appendPdfSignature(signed, opts.key.kid, signBytes(opts.key.privateKey, signed));
}

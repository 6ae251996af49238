/**
 * Notices as the applicant and the public see them: a PDF with a QR code
 * pointing at the public verification page, and the verification itself
 * (number, kind, item, office, date; no personal data).
 */
import type { Actor } from '../../platform/access/index.ts';
import { executor } from '../../platform/db/index.ts';
import { renderPdf } from '../../platform/pdf/index.ts';
import type { AppContext } from '../../context.ts';
import * as repo from './services.repository.ts';
import { ServiceErrors } from './services.errors.ts';
import { servicesOf } from './services.module.ts';
import { applicationFlow } from './services.workflow.ts';

const KIND_TITLES: Record<string, string> = {
  receipt: '受理通知书',
  correction: '补正材料通知书',
  refusal: '不予受理通知书',
  decision: '决定书',
  special_procedure: '特别程序告知书',
  extension: '延长审批期限告知书',
  deferred: '容缺受理通知书',
  commitment: '告知承诺书',
};

const LABELS: Record<string, string> = {
  acceptance: '受理方式',
  receivedAt: '收件时间',
  acceptedAt: '受理时间',
  clockStart: '计时起点',
  promisedDate: '承诺办结日期',
  decisionDays: '办理时限（工作日）',
  deferredUntil: '容缺材料补交期限',
  clockPausedAt: '暂停计时时间',
  note: '说明',
  reason: '理由',
  legalBasis: '法律依据',
  basis: '依据',
  remedy: '救济途径',
  procedure: '特别程序',
  expectedDays: '预计所需时间（日）',
  message: '告知事项',
  days: '延长期限（工作日）',
  newDueDate: '延长后办结日期',
  decidedAt: '决定时间',
  commitments: '承诺内容',
  outcome: '办理结果',
};

const SKIP = new Set(['title', 'applicationNo', 'itemName', 'applicant', 'handlingOrg', 'verifyPath', 'statusPath', 'missing', 'deferred', 'results', 'approve', 'counted', 'commitment', 'clockState', 'verifyWithinDays']);

const fmt = (v: unknown): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return new Date(v).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
};

/** Public check of a notice by number: what it is and who issued it, no personal data. */
export async function verifyNotice(ctx: AppContext, number: string) {
  const ex = executor(ctx.db);
  const n = await repo.findNotice(ex, number);
  if (!n) throw ServiceErrors.NOTICE_NOT_FOUND();
  const a = (await repo.findApplication(ex, n.applicationId))!;
  const c = n.content as Record<string, unknown>;
  return {
    valid: true,
    number: n.number,
    kind: n.kind,
    title: (c.title as string) ?? KIND_TITLES[n.kind],
    applicationNo: a.applicationNo,
    itemName: a.itemName,
    handlingOrg: a.handlingOrgName,
    issuedAt: n.issuedAt.toISOString(),
    state: a.state,
    stateLabel: applicationFlow.states[a.state as keyof typeof applicationFlow.states]?.label ?? { zh: a.state, en: a.state },
  };
}

/** The notice as a PDF (A4, Chinese), with a QR code to its verification address. */
export async function noticePdf(ctx: AppContext, actor: Actor, applicationId: number, noticeId: number): Promise<{ data: Buffer; fileName: string }> {
  const s = servicesOf(ctx);
  const ex = executor(ctx.db);
  const a = await s.core.visible(actor, applicationId, ex);
  const n = (await repo.noticesOf(ex, [a.id])).find((x) => x.id === noticeId);
  if (!n) throw ServiceErrors.NOTICE_NOT_FOUND();
  const c = n.content as Record<string, unknown>;
  const title = (c.title as string) ?? KIND_TITLES[n.kind];
  const data = await renderPdf(
    async (doc, kit) => {
      kit.font('bold');
      doc.fontSize(20).text(title, { align: 'center' });
      kit.font();
      doc.moveDown(0.5).fontSize(10).text(`文书编号：${n.number}`, { align: 'right' });
      doc.moveDown();
      doc.fontSize(12);
      const line = (k: string, v: string) => doc.text(`${k}：${v}`);
      line('申请编号', a.applicationNo);
      line('申请事项', a.itemName);
      line('申请人', a.applicantName);
      line('办理机关', a.handlingOrgName);
      for (const [k, v] of Object.entries(c)) {
        if (SKIP.has(k) || v === null || v === undefined) continue;
        line(LABELS[k] ?? k, fmt(v));
      }
      const missing = c.missing as { name: string; reason: string }[] | undefined;
      if (missing?.length) {
        doc.moveDown().text('请一次性补正以下材料：');
        missing.forEach((m, i) => doc.text(`${i + 1}. ${m.name}（${m.reason}）`));
      }
      const deferred = c.deferred as { name: string }[] | undefined;
      if (deferred?.length) {
        doc.moveDown().text('容缺补交材料：');
        deferred.forEach((m, i) => doc.text(`${i + 1}. ${m.name}`));
      }
      const results = c.results as { itemName: string; org: string; state: string }[] | undefined;
      if (results?.length) {
        doc.moveDown().text('各事项办理结果：');
        results.forEach((r, i) => doc.text(`${i + 1}. ${r.itemName}（${r.org}）：${r.state === 'approved' ? '准予' : '不予'}`));
      }
      doc.moveDown(2).text(`${a.handlingOrgName}`, { align: 'right' }).text(fmt(n.issuedAt.toISOString()), { align: 'right' });
      const y = doc.page.height - 56 - 110;
      // the QR carries the full public address (PUBLIC_BASE_URL), so a phone scanning the paper lands on the check page
      await kit.qr(`${ctx.config.publicBaseUrl}${String(c.verifyPath ?? `/verify/notice/${n.number}`)}`, 56, y, 96);
      doc.fontSize(9).text('扫码核验文书真伪', 160, y + 40);
    },
    { title, subject: n.number, creationDate: n.issuedAt },
  );
  return { data, fileName: `${n.number}.pdf` };
}

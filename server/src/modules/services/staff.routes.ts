/** HTTP routes of the window (综合受理), the review desk (审查决定) and supervision (效能监督). */
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { Routes } from '../../platform/http/index.ts';
import type { AppContext } from '../../context.ts';
import { servicesOf } from './services.module.ts';
import { IdParams, Version, who } from './services.routes.ts';
import { CommitmentChecks } from './commitment.checks.ts';

const At = z.iso.datetime({ offset: true }).optional().meta({ description: 'When it happened (back-dated intake of paper received earlier); default now' });
const Reason = z.string().trim().min(2).max(2000);
const Limit = z.coerce.number().int().min(1).max(200).optional();
const Cursor = z.string().max(500).optional();
const Answers = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()]));
const IsoDate = z.iso.date();

export function registerServiceStaffRoutes(routes: Routes, ctx: AppContext): void {
  const s = servicesOf(ctx);
  const tags = ['services'];

  // ── window intake ────────────────────────────────────────────────────────

  routes.define({
    method: 'GET',
    url: '/api/intake/identity',
    tags,
    summary: 'Identify a walk-in applicant by resident ID or USCC / 身份核验',
    access: 'application:intake',
    query: z.object({ idNumber: z.string().trim().min(15).max(18) }),
    handler: async ({ query }) => s.intake.identify(query.idNumber),
  });

  routes.define({
    method: 'POST',
    url: '/api/intake/applications',
    tags,
    summary: 'Receive an application at the window (create and submit) / 窗口收件',
    access: 'application:intake',
    status: 201,
    body: z.object({
      itemId: z.number().int().positive().max(2147483647).optional(),
      bundleCode: z.string().trim().min(2).max(64).optional(),
      answers: Answers.optional(),
      formData: z.record(z.string(), z.unknown()).optional(),
      idNumber: z.string().trim().min(15).max(18),
      name: z.string().trim().min(1).max(200).optional(),
      at: At,
    }),
    handler: async ({ body, caller }) => s.intake.windowCreate(caller.actor, who(caller), body),
  });

  routes.define({
    method: 'GET',
    url: '/api/intake/queue',
    tags,
    summary: 'Applications awaiting the window / 待受理',
    access: 'application:intake',
    query: z.object({ cursor: Cursor, limit: Limit }),
    handler: async ({ query, actor }) => s.supervise.queue(actor, 'application:intake', sql`state in ('submitted', 'resubmitted', 'correction') and kind <> 'sub'`, query),
  });

  routes.define({
    method: 'GET',
    url: '/api/applications/:id/precheck',
    tags,
    summary: 'Pre-check the materials / 材料预审',
    access: 'application:intake',
    params: IdParams,
    handler: async ({ params, actor }) => s.intake.precheck(actor, params.id),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/accept',
    tags,
    summary: 'Accept (receipt with number, promised date, clock start) / 受理',
    access: 'application:intake',
    params: IdParams,
    body: z.object({ version: Version, at: At }),
    handler: async ({ params, body, caller }) => s.intake.accept(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/correction',
    tags,
    summary: 'Issue the ONE correction notice listing everything missing / 一次性告知补正',
    access: 'application:intake',
    params: IdParams,
    body: z.object({
      missing: z.array(z.object({ key: z.string().trim().min(1).max(100), reason: z.string().trim().max(500).optional() })).min(1).max(200),
      version: Version,
      at: At,
    }),
    handler: async ({ params, body, caller }) => s.intake.requestCorrection(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/receive-correction',
    tags,
    summary: 'Receive the corrections at the window (the clock resumes) / 接收补正材料',
    access: 'application:intake',
    params: IdParams,
    body: z.object({ version: Version, at: At }),
    handler: async ({ params, body, caller }) => s.intake.receiveCorrection(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/accept-deferred',
    tags,
    summary: 'Accept with deferrable materials handed in later / 容缺受理',
    access: 'application:intake',
    params: IdParams,
    body: z.object({ deferred: z.array(z.string().trim().min(1).max(100)).min(1).max(50), deferredUntil: IsoDate, version: Version, at: At }),
    handler: async ({ params, body, caller }) => s.intake.acceptDeferred(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/accept-commitment',
    tags,
    summary: 'Accept and approve on commitment (verification later) / 告知承诺',
    access: 'application:intake',
    params: IdParams,
    body: z.object({ commitments: Reason, version: Version, at: At }),
    handler: async ({ params, body, caller }) => s.intake.acceptCommitment(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/refuse',
    tags,
    summary: 'Refuse to accept, with reason and legal basis / 不予受理',
    access: 'application:intake',
    params: IdParams,
    body: z.object({ reason: Reason, legalBasis: z.string().trim().min(2).max(500), version: Version, at: At }),
    handler: async ({ params, body, caller }) => s.intake.refuse(caller.actor, who(caller), params.id, body),
  });

  // ── review and decision ──────────────────────────────────────────────────

  routes.define({
    method: 'GET',
    url: '/api/review/queue',
    tags,
    summary: 'Applications under review in my departments / 待审查',
    access: 'application:review',
    query: z.object({ cursor: Cursor, limit: Limit }),
    handler: async ({ query, actor }) =>
      s.supervise.queue(actor, 'application:review', sql`state in ('in_review', 'special_procedure', 'extension_requested') and kind <> 'bundle'`, query),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/advance',
    tags,
    summary: 'Pass to the next process step / 提交下一环节',
    access: 'application:review',
    params: IdParams,
    body: z.object({ opinion: z.string().trim().max(2000).optional(), version: Version }),
    handler: async ({ params, body, caller }) => s.review.advance(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/return',
    tags,
    summary: 'Return to an earlier step with a reason / 退回',
    access: 'application:review',
    params: IdParams,
    body: z.object({ toStep: z.number().int().min(0).max(49), reason: Reason, version: Version }),
    handler: async ({ params, body, caller }) => s.review.returnStep(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/countersigns',
    tags,
    summary: 'Ask other departments to countersign / 发起会签',
    access: 'application:review',
    params: IdParams,
    body: z.object({ orgIds: z.array(z.number().int().positive().max(2147483647)).min(1).max(20), question: Reason, version: Version }),
    handler: async ({ params, body, caller }) => s.review.requestCountersign(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'GET',
    url: '/api/countersigns',
    tags,
    summary: 'Countersign requests to my departments / 会签请求',
    access: 'application:review',
    handler: async ({ actor }) => s.review.countersignQueue(actor),
  });

  routes.define({
    method: 'POST',
    url: '/api/countersigns/:id/answer',
    tags,
    summary: 'Answer a countersign request / 会签答复',
    access: 'application:review',
    params: IdParams,
    body: z.object({ agree: z.boolean(), opinion: Reason, version: z.number().int().min(1) }),
    handler: async ({ params, body, caller }) => s.review.answerCountersign(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/special-procedure',
    tags,
    summary: 'Start a special procedure of the guide (clock stops unless counted; the applicant is told the duration) / 特别程序',
    access: 'application:review',
    params: IdParams,
    body: z.object({ procedure: z.string().trim().min(1).max(100), expectedDays: z.number().int().min(1).max(3650), version: Version, at: At }),
    handler: async ({ params, body, caller }) => s.review.startSpecial(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/special-procedure/end',
    tags,
    summary: 'End the special procedure (clock resumes) / 结束特别程序',
    access: 'application:review',
    params: IdParams,
    body: z.object({ result: z.string().trim().max(2000).optional(), version: Version, at: At }),
    handler: async ({ params, body, caller }) => s.review.endSpecial(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/extension',
    tags,
    summary: 'Request +10 working days with reasons (art. 42) / 申请延期',
    access: 'application:review',
    params: IdParams,
    body: z.object({ reason: Reason, version: Version }),
    handler: async ({ params, body, caller }) => s.review.requestExtension(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/decision',
    tags,
    summary: 'Approve or deny with reasons and legal basis / 作出决定',
    access: 'application:review',
    params: IdParams,
    body: z.object({ approve: z.boolean(), reason: Reason, legalBasis: z.string().trim().min(2).max(500).optional(), version: Version, at: At }),
    handler: async ({ params, body, caller }) => s.review.decide(caller.actor, who(caller), params.id, body),
  });

  // ── supervision ──────────────────────────────────────────────────────────

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/extension/decision',
    tags,
    summary: 'Approve or reject an extension request (agency head) / 审批延期',
    access: 'application:supervise',
    params: IdParams,
    body: z.object({ approve: z.boolean(), reason: z.string().trim().max(2000).optional(), version: Version, at: At }),
    handler: async ({ params, body, caller }) => s.review.decideExtension(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'GET',
    url: '/api/supervision/overdue',
    tags,
    summary: 'Overdue applications (red) / 超期办件',
    access: 'application:supervise',
    query: z.object({ cursor: Cursor, limit: Limit, unexplained: z.stringbool().optional() }),
    handler: async ({ query, actor }) => s.supervise.overdue(actor, query),
  });

  routes.define({
    method: 'GET',
    url: '/api/supervision/warnings',
    tags,
    summary: 'Applications near their deadline (yellow) / 预警办件',
    access: 'application:supervise',
    query: z.object({ cursor: Cursor, limit: Limit }),
    handler: async ({ query, actor }) => s.supervise.warnings(actor, query),
  });

  routes.define({
    method: 'GET',
    url: '/api/supervision/extensions',
    tags,
    summary: 'Extension requests awaiting approval / 待批延期',
    access: 'application:supervise',
    query: z.object({ cursor: Cursor, limit: Limit }),
    handler: async ({ query, actor }) => s.supervise.queue(actor, 'application:supervise', sql`state = 'extension_requested'`, query),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/overdue-explanation',
    tags,
    summary: 'Publish why an application is overdue (Regulation art. 36) / 超期说明',
    access: 'application:supervise',
    params: IdParams,
    body: z.object({ explanation: z.string().trim().min(10).max(2000) }),
    handler: async ({ params, body, caller }) => s.supervise.explain(caller.actor, who(caller), params.id, body),
  });

  // ── verification of approvals on commitment (告知承诺核查) ──────────────────
  const checks = new CommitmentChecks(ctx);

  routes.define({
    method: 'GET',
    url: '/api/supervision/commitment-checks',
    tags,
    summary: 'Verification tasks of approvals on commitment / 告知承诺核查任务',
    description: 'Each approval on commitment opens a check with a 20-working-day clock; open ones first by age. `state` filters.',
    access: 'application:supervise',
    query: z.object({ state: z.enum(['open', 'met', 'breached']).optional(), cursor: Cursor, limit: Limit }),
    handler: async ({ query, actor }) => checks.list(actor, query),
  });

  routes.define({
    method: 'POST',
    url: '/api/supervision/commitment-checks/:id/result',
    tags,
    summary: 'Record whether the commitment holds / 记录核查结果',
    description: '`met: false` (承诺不实) announces `application.commitment_breached` so the approval can be revoked.',
    access: 'application:supervise',
    params: IdParams,
    body: z.object({ version: z.number().int().min(1), met: z.boolean(), result: z.string().trim().min(4).max(2000) }),
    handler: async ({ params, body, caller }) => checks.record(caller.actor, who(caller), params.id, body),
  });
}

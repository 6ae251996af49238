/** HTTP routes of applying online (申请人), notices and the public overdue explanations. */
import { z } from 'zod';
import type { Caller, Routes } from '../../platform/http/index.ts';
import { readUpload } from '../../platform/files/index.ts';
import { zRegionCode } from '../../platform/ids/index.ts';
import type { AppContext } from '../../context.ts';
import { servicesOf } from './services.module.ts';
import { MATERIAL_MAX_BYTES } from './apply.service.ts';
import { APPLICATION_STATES } from './services.workflow.ts';
import { noticePdf, verifyNotice } from './notices.service.ts';

export const IdParams = z.object({ id: z.coerce.number().int().positive().max(2147483647) });
const MaterialParams = IdParams.extend({ key: z.string().trim().min(1).max(100) });
export const Version = z.number().int().min(1).optional().meta({ description: 'The version you read (optimistic locking)' });
const Limit = z.coerce.number().int().min(1).max(100).optional();
const Cursor = z.string().max(500).optional();
const FormData = z.record(z.string(), z.unknown()).refine((v) => JSON.stringify(v).length <= 200_000, { message: '表单内容过大（form too large）' });
const Answers = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()]));

export const who = (caller: Caller) => ({ actor: caller.actor, ip: caller.ip, requestId: caller.requestId });

export function registerServiceRoutes(routes: Routes, ctx: AppContext): void {
  const s = servicesOf(ctx);
  const tags = ['services'];

  routes.define({
    method: 'POST',
    url: '/api/applications',
    tags,
    summary: 'Start an application (draft) for an item or a bundle / 新建申请（草稿）',
    description:
      'Give `itemId` for one item or `bundleCode` + `answers` for a bundle (一件事: one form, one merged material list). Materials the ' +
      'applicant already holds as valid e-licences or handed in before are filled in. `onBehalfOf` (a USCC) applies as an authorised agent (代办).',
    access: 'application:create',
    status: 201,
    body: z.object({
      itemId: z.number().int().positive().max(2147483647).optional(),
      bundleCode: z.string().trim().min(2).max(64).optional(),
      answers: Answers.optional(),
      formData: FormData.optional(),
      onBehalfOf: z.string().trim().length(18).optional().meta({ description: 'USCC of the firm (proxy service)' }),
    }),
    handler: async ({ body, caller }) => s.apply.createDraft(caller.actor, who(caller), body),
  });

  routes.define({
    method: 'GET',
    url: '/api/applications/mine',
    tags,
    summary: 'My applications with state, deadlines, notices and actions / 我的办件',
    access: 'application:create',
    query: z.object({ cursor: Cursor, limit: Limit, state: z.enum(APPLICATION_STATES).optional() }),
    handler: async ({ query, actor }) => s.apply.mine(actor, query),
  });

  routes.define({
    method: 'GET',
    url: '/api/applications/:id',
    tags,
    summary: 'One application: materials, notices, deadlines, history, actions / 办件详情',
    access: 'authenticated',
    params: IdParams,
    handler: async ({ params, actor }) => s.apply.detail(actor, params.id),
  });

  routes.define({
    method: 'PUT',
    url: '/api/applications/:id/draft',
    tags,
    summary: 'Save the draft form / 保存草稿',
    access: 'application:create',
    params: IdParams,
    body: z.object({ formData: FormData, version: z.number().int().min(1) }),
    handler: async ({ params, body, caller }) => s.apply.saveDraft(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/materials/:key/file',
    tags,
    summary: 'Upload a material / 上传申请材料',
    description: `multipart/form-data with the file in \`file\`: PDF, image, Office or OFD, at most ${MATERIAL_MAX_BYTES / 1024 / 1024} MB, checked by content, stored with its SHA-256.`,
    access: 'authenticated',
    params: MaterialParams,
    idempotent: false,
    handler: async ({ params, req, caller }) => {
      const upload = await readUpload(req, { maxBytes: MATERIAL_MAX_BYTES });
      return s.apply.attachFile(caller.actor, who(caller), params.id, params.key, upload);
    },
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/materials/:key/reuse',
    tags,
    summary: 'Use an e-licence or an earlier material / 电子证照或历史材料复用',
    access: 'authenticated',
    params: MaterialParams,
    body: z.object({ licenceId: z.string().trim().min(1).max(200).optional(), materialId: z.number().int().positive().max(2147483647).optional() }),
    handler: async ({ params, body, caller }) => s.apply.reuse(caller.actor, who(caller), params.id, params.key, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/submit',
    tags,
    summary: 'Submit the application / 提交申请',
    description: 'Every required material must be in. Starts the 5-working-day correction clock (art. 32) and the decision clock at receipt. Honours Idempotency-Key.',
    access: 'application:create',
    params: IdParams,
    body: z.object({ version: Version }),
    handler: async ({ params, body, caller }) => s.apply.submit(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/applications/:id/resubmit',
    tags,
    summary: 'Hand in the corrections / 提交补正材料',
    access: 'application:create',
    params: IdParams,
    body: z.object({ version: Version }),
    handler: async ({ params, body, caller }) => s.apply.resubmit(caller.actor, who(caller), params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/proxy-authorisations',
    tags,
    summary: 'Authorise an agent to apply for my firm / 授权代办',
    access: 'application:create',
    status: 201,
    body: z.object({ agentUsername: z.string().trim().min(1).max(100), validUntil: z.iso.datetime({ offset: true }) }),
    handler: async ({ body, caller }) => s.apply.authoriseProxy(caller.actor, who(caller), body),
  });

  routes.define({
    method: 'POST',
    url: '/api/proxy-authorisations/:id/revoke',
    tags,
    summary: 'Withdraw an authorisation my firm gave / 撤销代办授权',
    access: 'application:create',
    params: IdParams,
    handler: async ({ params, caller }) => s.apply.revokeProxy(caller.actor, who(caller), params.id),
  });

  routes.define({
    method: 'GET',
    url: '/api/proxy-authorisations',
    tags,
    summary: 'Authorisations I gave or hold / 代办授权',
    access: 'application:create',
    handler: async ({ actor }) => s.apply.proxies(actor),
  });

  routes.define({
    method: 'GET',
    url: '/api/notices/:number/verify',
    tags,
    summary: 'Verify a receipt or notice by its number (the QR code) / 文书核验',
    access: 'public',
    params: z.object({ number: z.string().trim().min(5).max(60) }),
    handler: async ({ params }) => verifyNotice(ctx, params.number),
  });

  routes.define({
    method: 'GET',
    url: '/api/applications/:id/notices/:noticeId/pdf',
    tags,
    summary: 'A notice as PDF with its QR code / 文书 PDF',
    access: 'authenticated',
    params: IdParams.extend({ noticeId: z.coerce.number().int().positive().max(2147483647) }),
    handler: async ({ params, actor, reply }) => {
      const { data, fileName } = await noticePdf(ctx, actor, params.id, params.noticeId);
      reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', 'private, no-store');
      return reply.send(data);
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/public/overdue-explanations',
    tags,
    summary: 'Published explanations of overdue applications (Regulation art. 36) / 超期办件公开说明',
    access: 'public',
    query: z.object({ regionCode: zRegionCode.optional(), cursor: Cursor, limit: Limit }),
    handler: async ({ query }) => s.supervise.publicExplanations(query),
  });
}

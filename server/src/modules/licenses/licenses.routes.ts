import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { canAct } from '../../platform/access/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { attachmentDisposition, readUpload } from '../../platform/files/index.ts';
import type { Caller, Routes } from '../../platform/http/index.ts';
import { zLicenseId } from '../../platform/ids/index.ts';
import { isIsoDate } from '../../platform/clock/index.ts';
import { LicenseErrors } from './licenses.errors.ts';
import { jwks, rotateSigningKey } from './licenses.keys.ts';
import { HOLDER_KINDS, LICENSE_STATES } from './licenses.schema.ts';
import { LicenseService } from './licenses.service.ts';
import { verifyJsonDocument, verifyNumber, verifyPdf, verifyUpload } from './licenses.verify.ts';
import { LIFECYCLE_ACTIONS } from './licenses.workflow.ts';

const TAGS = ['licenses'];
const MAX_UPLOAD = 10 * 1024 * 1024;
const Uuid = z.string().uuid();
const IsoDate = z.string().refine(isIsoDate, { message: '应为有效日期 YYYY-MM-DD（must be a valid date YYYY-MM-DD）' });
const Text = (min: number, max: number) => z.string().trim().min(min).max(max);

const Holder = z.object({
  kind: z.enum(HOLDER_KINDS),
  name: Text(1, 200),
  idNumber: z.string().trim().min(1).max(40).meta({ description: 'Resident ID (person) or USCC (legal); check characters are validated' }),
  accountId: z.number().int().positive().max(2147483647).nullable().optional(),
});

const IssueBody = z.object({
  type: Text(1, 100).meta({ description: 'Licence type name, e.g. 营业执照 (GET /api/licenses/types)' }),
  holder: Holder,
  issuer: z.object({
    orgId: z.number().int().positive().max(2147483647).nullable().optional(),
    name: Text(1, 200),
    regionCode: z.string().trim().regex(/^\d{6}(\d{3}){0,2}$/, { message: '应为 6、9 或 12 位区划代码（6, 9 or 12 digit region code）' }),
    uscc: z.string().trim().max(18).nullable().optional(),
  }),
  validFrom: IsoDate.optional(),
  validUntil: IsoDate.nullable().optional(),
  validYears: z.number().int().min(1).max(100).nullable().optional(),
  itemName: Text(1, 200).nullable().optional(),
});

const Reason = Text(1, 500).meta({ description: '撤销/注销/撤回/转移的原因 Reason' });
const ActionBody = z.object({
  reason: Reason,
  version: z.number().int().min(1).optional().meta({ description: 'The version you read (optimistic locking)' }),
  newHolder: Holder.optional().meta({ description: 'transfer only: the new holder' }),
});

const VerifyBody = z
  .object({
    document: z.unknown().optional().meta({ description: 'A signed licence JSON document ({ payload, signature }) or its text' }),
    pdfBase64: z.string().max(1_400_000).optional().meta({ description: 'A certificate PDF, base64' }),
  })
  .optional();

const who = (caller: Caller) => ({ actor: caller.actor, ip: caller.ip, requestId: caller.requestId });

export function registerLicenseRoutes(routes: Routes, ctx: AppContext): void {
  const svc = new LicenseService(ctx);

  for (const url of ['/.well-known/jwks.json', '/api/licenses/jwks.json']) {
    routes.define({
      method: 'GET',
      url,
      tags: TAGS,
      summary: 'Public keys (JWKS) that verify e-licence signatures offline',
      description: 'Ed25519 keys (OKP/Ed25519, alg EdDSA), current and retired. A verifier needs only this and the document.',
      access: 'public',
      handler: async ({ reply }) => {
        reply.header('cache-control', 'public, max-age=300');
        return jwks(ctx.db);
      },
    });
  }

  routes.define({
    method: 'GET',
    url: '/api/licenses/types',
    tags: TAGS,
    summary: 'Licence types (证照类型)',
    access: 'public',
    handler: async () => ({ items: await svc.types() }),
  });

  routes.define({
    method: 'GET',
    url: '/api/licenses/verify/:licenceNo',
    tags: TAGS,
    summary: 'Verify a licence by its identifier (public): state, masked holder, validity, history',
    access: 'public',
    params: z.object({ licenceNo: zLicenseId }),
    handler: async ({ params }) => verifyNumber(ctx.db, params.licenceNo),
  });

  routes.define({
    method: 'POST',
    url: '/api/licenses/verify',
    tags: TAGS,
    summary: 'Verify a licence document (public): signed JSON or certificate PDF',
    description:
      'JSON body { document } or { pdfBase64 }, or multipart/form-data with the file in "file" (PDF or JSON). ' +
      'Answers signatureValid, documentIntact, state and verdict (valid/revoked/…/tampered/unknown) with reasons.',
    access: 'public',
    csrf: false,
    idempotent: false,
    body: VerifyBody,
    handler: async ({ req, body }) => {
      if (req.isMultipart()) {
        const upload = await readUpload(req, { field: 'file', maxBytes: MAX_UPLOAD });
        return verifyUpload(ctx.db, upload.data);
      }
      if (body?.pdfBase64) {
        const data = Buffer.from(body.pdfBase64, 'base64');
        if (data.subarray(0, 5).toString('latin1') !== '%PDF-') {
          throw CommonErrors.VALIDATION({ fields: [{ field: 'pdfBase64', in: 'body', message: '不是 PDF 文件', messageEn: 'Not a PDF file' }] });
        }
        return verifyPdf(ctx.db, data);
      }
      if (body?.document !== undefined && body.document !== null) return verifyJsonDocument(ctx.db, body.document);
      throw LicenseErrors.NOTHING_TO_VERIFY({ fields: [{ field: 'document', in: 'body', message: '请提供证照 JSON 或 PDF', messageEn: 'Provide a licence JSON document or PDF' }] });
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/me/licenses',
    tags: TAGS,
    summary: 'My licences (as holder), with download links',
    access: 'authenticated',
    handler: async ({ actor }) => ({ items: await svc.mine(actor) }),
  });

  routes.define({
    method: 'GET',
    url: '/api/licenses',
    tags: TAGS,
    summary: 'Licences issued in my scope',
    access: 'license:manage',
    query: z.object({
      state: z.enum(LICENSE_STATES).optional(),
      q: z.string().max(200).optional().meta({ description: 'Licence number, holder ID number, application number, or part of the holder name' }),
      cursor: z.string().max(500).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
    }),
    handler: async ({ actor, query }) => svc.list(actor, query),
  });

  routes.define({
    method: 'POST',
    url: '/api/licenses',
    tags: TAGS,
    summary: 'Issue a licence (staff)',
    access: 'license:manage',
    status: 201,
    body: IssueBody,
    handler: async ({ actor, caller, body }) => {
      const orgIds = body.issuer.orgId ? [body.issuer.orgId] : [];
      if (!canAct(actor, 'license:manage', { regionCode: body.issuer.regionCode, orgIds })) throw CommonErrors.FORBIDDEN();
      const { license } = await svc.issue(body, who(caller));
      return license;
    },
  });

  routes.define({
    method: 'POST',
    url: '/api/licenses/keys/rotate',
    tags: TAGS,
    summary: 'Rotate the signing key (old public keys stay in the JWKS)',
    access: 'license:manage',
    handler: async ({ actor }) => {
      if (!actor.grants.some((g) => g.regionCode === null && g.orgId === null && (g.role === 'admin' || g.role === 'approver'))) throw CommonErrors.FORBIDDEN();
      return { kid: await rotateSigningKey(ctx.db) };
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/licenses/:id',
    tags: TAGS,
    summary: 'One licence with its history and the actions I may take',
    access: 'authenticated',
    params: z.object({ id: Uuid }),
    handler: async ({ actor, params }) => svc.get(params.id, actor),
  });

  routes.define({
    method: 'GET',
    url: '/api/licenses/:id/document.json',
    tags: TAGS,
    summary: 'The signed licence document { payload, signature: { alg: EdDSA, kid, value } }',
    access: 'authenticated',
    params: z.object({ id: Uuid }),
    handler: async ({ actor, params, reply }) => {
      const doc = await svc.document(params.id, actor);
      reply.header('content-disposition', attachmentDisposition(`licence-${doc.payload.licenceNo}.json`));
      return doc;
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/licenses/:id/document.pdf',
    tags: TAGS,
    summary: 'The licence certificate PDF (QR code, embedded signed JSON, detached file signature)',
    access: 'authenticated',
    params: z.object({ id: Uuid }),
    handler: async ({ actor, params, reply }) => {
      const { pdf, licenceNo } = await svc.pdf(params.id, actor, ctx.config.publicBaseUrl);
      return reply.type('application/pdf').header('content-disposition', attachmentDisposition(`licence-${licenceNo}.pdf`)).send(pdf);
    },
  });

  for (const action of LIFECYCLE_ACTIONS) {
    routes.define({
      method: 'POST',
      url: `/api/licenses/:id/${action}`,
      tags: TAGS,
      summary: { revoke: 'Revoke (撤销)', cancel: 'Cancel (注销)', withdraw: 'Withdraw (撤回)', transfer: 'Transfer to a new holder (转移)' }[action],
      access: 'license:manage',
      params: z.object({ id: Uuid }),
      body: ActionBody,
      handler: async ({ caller, params, body }) =>
        svc.act(params.id, action, who(caller), { reason: body.reason, expectedVersion: body.version, newHolder: body.newHolder }),
    });
  }
}

import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput, type Routes } from '../../platform/http/index.ts';
import type { AppContext } from '../../context.ts';
import { ImportErrors } from './import.errors.ts';
import { fileTypeError } from './import.read.ts';
import { CatalogImportService, MAX_UPLOAD_BYTES } from './import.service.ts';

const TAGS = ['catalog-import'];
const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'])])
  .transform((v) => v === true || v === 'true' || v === '1' || v === 'on' || v === 'yes');

const UploadFields = z.object({
  regionCode: z.string().trim().regex(/^\d{6}(\d{3}){0,2}$/, { message: '应为 6、9 或 12 位行政区划代码' }),
  createMissingOrgs: flag.optional().default(false),
});
const IdParams = z.object({ id: z.coerce.number().int().positive() });
const Version = z.number().int().positive();
const CommitBody = z.object({
  version: Version,
  approvalDocNo: z.string().trim().min(1).max(100),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '应为 YYYY-MM-DD 格式的日期' }),
  reason: z.string().trim().max(500).optional(),
});

const fileField = (zh: string, en: string) => [{ field: 'file', in: 'body', message: zh, messageEn: en }];

/** Reads the multipart upload: the one file in the field `file` and the plain fields beside it. */
async function readUpload(req: FastifyRequest): Promise<{ fileName: string; data: Buffer; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw ImportErrors.FILE_REQUIRED({ fields: fileField('请以 multipart/form-data 上传文件', 'Upload the file as multipart/form-data') });
  let file: { fileName: string; data: Buffer } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw ImportErrors.FILE_REQUIRED({ fields: fileField(`文件应放在字段 file 中，而不是 ${part.fieldname}`, `Put the file in the field "file", not "${part.fieldname}"`) });
        }
        file = { fileName: part.filename || 'upload', data: await part.toBuffer() };
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      const max = MAX_UPLOAD_BYTES / 1024 / 1024;
      throw ImportErrors.FILE_TOO_LARGE({ vars: { max }, fields: fileField(`文件不能超过 ${max} MB`, `At most ${max} MB`) });
    }
    if (code === 'FST_FILES_LIMIT') throw ImportErrors.FILE_REQUIRED({ fields: fileField('一次只能上传一个文件', 'Upload one file at a time') });
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw fileTypeError();
    throw e;
  }
  if (!file) throw ImportErrors.FILE_REQUIRED({ fields: fileField('缺少文件', 'No file uploaded') });
  return { ...file, fields };
}

/** Import of power and service lists (staffing office, `catalog:review`). */
export function registerCatalogImportRoutes(routes: Routes, ctx: AppContext): void {
  const svc = new CatalogImportService(ctx.db);

  routes.define({
    method: 'POST',
    url: '/api/catalog/imports',
    tags: TAGS,
    summary: 'Upload a list (xlsx, CSV or JSON) and preview it / 上传清单并预览',
    description:
      'multipart/form-data with the file in `file` (at most 20 MB; the content decides the type: an .xlsx workbook, UTF-8 or GB18030 CSV, ' +
      'or a JSON array of items) and the fields `regionCode` (required: implementing bodies are resolved among the organisations of this ' +
      'region) and `createMissingOrgs` (true: bodies not found are created at commit). The fields may also be given in the query string. ' +
      'Nothing is published: the parsed batch is stored and returned with counts by type and department, the first rows and every error ' +
      '(row and column, Chinese and English). See import.rules.ts for the accepted column headers.',
    access: 'catalog:review',
    query: UploadFields.partial(),
    status: 201,
    // the upload is not part of the request hash, so a replay could answer another file: every upload is a new preview
    idempotent: false,
    handler: async ({ req, actor, caller }) => {
      const upload = await readUpload(req);
      const opts = parseInput(UploadFields, { ...(req.query as Record<string, unknown>), ...upload.fields }, 'body');
      return svc.preview(actor, { actor, ip: caller.ip, requestId: caller.requestId }, {
        fileName: upload.fileName.slice(0, 255),
        data: upload.data,
        regionCode: opts.regionCode,
        createMissingOrgs: opts.createMissingOrgs,
      });
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/imports',
    tags: TAGS,
    summary: 'Import batches, newest first / 导入批次列表',
    access: 'catalog:review',
    query: z.object({
      state: z.enum(['previewed', 'committed', 'discarded']).optional(),
      cursor: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(100).optional(),
    }),
    handler: async ({ query, actor }) => svc.list(actor, query),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/imports/:id',
    tags: TAGS,
    summary: 'One import batch with its preview / 导入批次预览',
    access: 'catalog:review',
    params: IdParams,
    handler: async ({ params, actor }) => svc.get(actor, params.id),
  });

  routes.define({
    method: 'GET',
    url: '/api/catalog/imports/:id/rows',
    tags: TAGS,
    summary: 'The rows of an import batch with their full content / 导入批次的全部事项',
    access: 'catalog:review',
    params: IdParams,
    query: z.object({ offset: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(2000).optional() }),
    handler: async ({ params, query, actor }) => svc.rows(actor, params.id, query),
  });

  routes.define({
    method: 'POST',
    url: '/api/catalog/imports/:id/commit',
    tags: TAGS,
    summary: 'Publish every row of a previewed batch / 发布导入批次',
    description:
      'All rows are published in one transaction with the approval document number and effective date (immutable versions); a batch ' +
      'with errors is refused and nothing is written. `version` is the batch version from the preview; repeating a successful commit ' +
      'with the same version and document number returns the committed batch.',
    access: 'catalog:review',
    params: IdParams,
    body: CommitBody,
    handler: async ({ params, body, actor, caller }) => svc.commit(actor, { actor, ip: caller.ip, requestId: caller.requestId }, params.id, body),
  });

  routes.define({
    method: 'POST',
    url: '/api/catalog/imports/:id/discard',
    tags: TAGS,
    summary: 'Discard a previewed batch / 放弃导入批次',
    access: 'catalog:review',
    params: IdParams,
    body: z.object({ version: Version }),
    handler: async ({ params, body, actor, caller }) => svc.discard(actor, { actor, ip: caller.ip, requestId: caller.requestId }, params.id, body),
  });
}

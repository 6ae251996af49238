import { z } from 'zod';
import type { Routes } from '../http/index.ts';
import { FileErrors } from './files.errors.ts';
import type { FileService } from './files.service.ts';
import { attachmentDisposition, readUpload } from './upload.ts';

const IdParams = z.object({ id: z.uuid({ message: '应为文件编号（UUID）' }) });

/**
 * Uploads by any signed-in account (an applicant's material, a grid worker's
 * photo) and download of one's own uploads. Modules serve the files attached
 * to their records through their own routes, with their own access checks.
 */
export function registerFileRoutes(routes: Routes, files: FileService): void {
  routes.define({
    method: 'POST',
    url: '/api/files',
    tags: ['files'],
    summary: 'Upload a file / 上传文件',
    description:
      'multipart/form-data with the file in `file`. The content decides the type (PDF, JPEG, PNG, WebP, docx, xlsx, OFD); the extension must ' +
      'match it. Returns the file id, SHA-256 and sniffed media type to reference from applications, cases and other records.',
    access: 'authenticated',
    status: 201,
    idempotent: false,
    handler: async ({ req, caller }) => {
      const upload = await readUpload(req, { maxBytes: files.maxBytes });
      return files.store({ data: upload.data, name: upload.name, who: { actor: caller.actor, ip: caller.ip, requestId: caller.requestId } });
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/files/:id',
    tags: ['files'],
    summary: 'What is known of one of my uploads / 我上传的文件信息',
    access: 'authenticated',
    params: IdParams,
    handler: async ({ params, actor }) => {
      const meta = await files.meta(null, params.id);
      if (!meta || meta.ownerAccountId !== actor.id) throw FileErrors.NOT_FOUND();
      return meta;
    },
  });

  routes.define({
    method: 'GET',
    url: '/api/files/:id/content',
    tags: ['files'],
    summary: 'Download one of my uploads / 下载我上传的文件',
    access: 'authenticated',
    params: IdParams,
    handler: async ({ params, actor, reply }) => {
      const meta = await files.meta(null, params.id);
      if (!meta || meta.ownerAccountId !== actor.id) throw FileErrors.NOT_FOUND();
      const { data } = await files.read(meta.id);
      reply
        .header('content-type', meta.mediaType)
        .header('content-disposition', attachmentDisposition(meta.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store');
      return reply.send(data);
    },
  });
}

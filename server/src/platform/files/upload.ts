import type { FastifyRequest } from 'fastify';
import { FileErrors } from './files.errors.ts';

export interface Upload {
  name: string;
  data: Buffer;
}

export interface UploadOptions {
  /** The field holding the file (default 'file'). */
  field?: string;
  /** Per-file size limit in bytes. */
  maxBytes: number;
  /** Files accepted in the field (default 1). */
  maxFiles?: number;
}

const fieldError = (field: string, zh: string, en: string) => [{ field, in: 'body', message: zh, messageEn: en }];

/**
 * Reads a multipart/form-data request: the file(s) in `field` and the plain
 * fields beside them, with errors that name the field (wrong field, too
 * large, too many files, not multipart).
 */
export async function readUploads(req: FastifyRequest, opts: UploadOptions): Promise<{ files: Upload[]; fields: Record<string, string> }> {
  const field = opts.field ?? 'file';
  const maxFiles = opts.maxFiles ?? 1;
  if (!req.isMultipart()) throw FileErrors.REQUIRED({ fields: fieldError(field, '请以 multipart/form-data 上传文件', 'Upload the file as multipart/form-data') });
  const files: Upload[] = [];
  const fields: Record<string, string> = {};
  const mb = Math.round((opts.maxBytes / 1024 / 1024) * 10) / 10;
  try {
    for await (const part of req.parts({ limits: { fileSize: opts.maxBytes, files: maxFiles } })) {
      if (part.type === 'file') {
        if (part.fieldname !== field) {
          part.file.resume();
          throw FileErrors.REQUIRED({
            fields: fieldError(field, `文件应放在字段 ${field} 中，而不是 ${part.fieldname}`, `Put the file in the field "${field}", not "${part.fieldname}"`),
          });
        }
        const data = await part.toBuffer();
        files.push({ name: part.filename || 'upload', data });
      } else {
        fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw FileErrors.TOO_LARGE({ vars: { max: mb }, fields: fieldError(field, `文件不能超过 ${mb} MB`, `At most ${mb} MB`) });
    if (code === 'FST_FILES_LIMIT') throw FileErrors.REQUIRED({ fields: fieldError(field, `一次最多上传 ${maxFiles} 个文件`, `At most ${maxFiles} files at a time`) });
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw FileErrors.REQUIRED({ fields: fieldError(field, '上传内容格式不正确', 'The upload is not well-formed multipart/form-data') });
    }
    throw e;
  }
  if (files.length === 0) throw FileErrors.REQUIRED({ fields: fieldError(field, '缺少文件', 'No file uploaded') });
  return { files, fields };
}

/** Reads a multipart request holding exactly one file in `field` (default 'file'). */
export async function readUpload(req: FastifyRequest, opts: UploadOptions): Promise<Upload & { fields: Record<string, string> }> {
  const { files, fields } = await readUploads(req, { ...opts, maxFiles: 1 });
  return { ...files[0], fields };
}

/** A Content-Disposition header value that carries a Chinese file name (RFC 6266 / 5987). */
export function attachmentDisposition(name: string, inline = false): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

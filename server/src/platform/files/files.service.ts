import { sql } from 'drizzle-orm';
import type { Actor } from '../access/index.ts';
import { recordAudit, type AuditWho } from '../audit/index.ts';
import { executor, inTransaction, query, type Db, type Executor } from '../db/index.ts';
import { FileErrors } from './files.errors.ts';
import { cleanFileName, extensionOf, FILE_KINDS, KIND_LABELS, sniff, type FileKind } from './sniff.rules.ts';
import { sha256Hex, type BlobStore } from './store.ts';

export interface StoredFile {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
  createdAt: string;
  ownerAccountId: number | null;
  regionCode: string | null;
}

export interface StoreInput {
  data: Buffer;
  /** The name as uploaded. */
  name: string;
  /** Kinds accepted here (default: all). */
  kinds?: readonly FileKind[];
  /** Size limit for this use (default: the platform's UPLOAD_MAX_MB). */
  maxBytes?: number;
  /** Who uploads: an actor, or actor + ip + request id for the audit entry. */
  who: Actor | AuditWho;
  regionCode?: string | null;
  /** The request field the file came in, for error messages (default 'file'). */
  field?: string;
}

interface Row {
  id: string;
  sha256: string;
  size: number;
  media_type: string;
  name: string;
  created_at: string;
  owner_account_id: number | null;
  region_code: string | null;
}

const present = (r: Row): StoredFile => ({
  id: r.id,
  sha256: r.sha256,
  size: Number(r.size),
  mediaType: r.media_type,
  name: r.name,
  createdAt: new Date(r.created_at).toISOString(),
  ownerAccountId: r.owner_account_id == null ? null : Number(r.owner_account_id),
  regionCode: r.region_code,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The platform's file service: checks an upload (size, sniffed content type,
 * extension), hashes it, keeps the bytes in the blob store and records the
 * upload (one row and one audit entry, in the caller's transaction when
 * there is one). Modules refer to files by id and decide who may read them.
 */
export class FileService {
  constructor(
    private readonly db: Db,
    private readonly blobs: BlobStore,
    readonly maxBytes: number,
  ) {}

  /** Checks and stores one file. Errors name the field (`file` unless told otherwise). */
  async store(input: StoreInput): Promise<StoredFile> {
    const field = input.field ?? 'file';
    const name = cleanFileName(input.name);
    const fields = (zh: string, en: string) => [{ field, in: 'body', message: zh, messageEn: en }];
    const max = Math.min(input.maxBytes ?? this.maxBytes, this.maxBytes);
    if (input.data.length === 0) throw FileErrors.EMPTY({ vars: { name }, fields: fields('文件是空的', 'The file is empty') });
    if (input.data.length > max) {
      const mb = Math.round((max / 1024 / 1024) * 10) / 10;
      throw FileErrors.TOO_LARGE({ vars: { max: mb }, fields: fields(`文件不能超过 ${mb} MB`, `At most ${mb} MB`) });
    }
    const kinds = input.kinds && input.kinds.length ? input.kinds : FILE_KINDS;
    const found = sniff(input.data);
    if (!found || !kinds.includes(found.kind)) {
      const allowed = kinds.map((k) => KIND_LABELS[k].zh).join('、');
      const allowedEn = kinds.map((k) => KIND_LABELS[k].en).join(', ');
      throw FileErrors.UNSUPPORTED_TYPE({ vars: { name, allowed, allowedEn }, fields: fields(`只接受：${allowed}`, `Accepted: ${allowedEn}`) });
    }
    const ext = extensionOf(name);
    if (ext && !found.extensions.includes(ext)) {
      throw FileErrors.EXTENSION_MISMATCH({
        vars: { name, found: found.mediaType },
        fields: fields(`扩展名 .${ext} 与内容（${found.mediaType}）不符`, `Extension .${ext} does not match the content (${found.mediaType})`),
      });
    }
    const sha256 = sha256Hex(input.data);
    // bytes first: a row never points at missing bytes; bytes without a row are harmless (content-addressed)
    try {
      await this.blobs.put(sha256, input.data);
    } catch {
      throw FileErrors.STORE_FAILED();
    }
    const who: AuditWho = 'actor' in input.who ? input.who : { actor: input.who };
    const owner = who.actor.id > 0 ? who.actor.id : null;
    return inTransaction(this.db, async (tx) => {
      const [row] = await query<Row>(
        tx,
        sql`insert into stored_files (sha256, size, media_type, name, owner_account_id, region_code)
            values (${sha256}, ${input.data.length}, ${found.mediaType}, ${name}, ${owner}, ${input.regionCode ?? null})
            returning id, sha256, size, media_type, name, created_at, owner_account_id, region_code`,
      );
      const file = present(row);
      await recordAudit(tx, who, {
        action: 'file.store',
        entityType: 'file',
        entityId: file.id,
        regionCode: file.regionCode,
        after: { name: file.name, sha256, size: file.size, mediaType: file.mediaType },
      });
      return file;
    });
  }

  /** What is known of a file, or undefined. */
  async meta(ex: Executor | null, id: string): Promise<StoredFile | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = await query<Row>(
      ex ?? executor(this.db),
      sql`select id, sha256, size, media_type, name, created_at, owner_account_id, region_code from stored_files where id = ${id}`,
    );
    return row ? present(row) : undefined;
  }

  /** Several files by id (unknown ids are left out). */
  async metaMany(ex: Executor | null, ids: readonly string[]): Promise<StoredFile[]> {
    const valid = ids.filter((id) => UUID.test(id));
    if (valid.length === 0) return [];
    const rows = await query<Row>(
      ex ?? executor(this.db),
      sql`select id, sha256, size, media_type, name, created_at, owner_account_id, region_code from stored_files
          where id = any(${`{${valid.join(',')}}`}::uuid[])`,
    );
    return rows.map(present);
  }

  /** The file and its bytes; the bytes are checked against the recorded hash. Access is the calling module's decision. */
  async read(id: string): Promise<{ meta: StoredFile; data: Buffer }> {
    const meta = await this.meta(null, id);
    if (!meta) throw FileErrors.NOT_FOUND();
    const data = await this.blobs.get(meta.sha256);
    if (!data || sha256Hex(data) !== meta.sha256) throw FileErrors.STORE_FAILED();
    return { meta, data };
  }
}

import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where file bytes live, addressed by SHA-256 (so the same document uploaded
 * twice is stored once). A local directory by default; an S3-compatible
 * store implements the same three calls.
 */
export interface BlobStore {
  /** Stores the bytes under their hash; storing the same bytes again is a no-op. */
  put(sha256: string, data: Buffer): Promise<void>;
  /** The bytes, or null when the store has none under this hash. */
  get(sha256: string): Promise<Buffer | null>;
  has(sha256: string): Promise<boolean>;
}

export const sha256Hex = (data: Buffer | Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

/** A directory of files fanned out by the first two bytes of the hash (ab/cd/abcd…). Writes are atomic (temp file + rename). */
export class LocalBlobStore implements BlobStore {
  constructor(readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`LocalBlobStore: not a SHA-256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(sha256: string, data: Buffer): Promise<void> {
    if (sha256Hex(data) !== sha256) throw new Error('LocalBlobStore: the bytes do not match their hash');
    const file = this.pathOf(sha256);
    if (await this.has(sha256)) return;
    await fs.mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(tmp, data, { mode: 0o640 });
    await fs.rename(tmp, file);
  }

  async get(sha256: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathOf(sha256));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }
}

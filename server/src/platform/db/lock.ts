import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(
      `数据目录 ${dir} 已被进程 ${pid} 使用。PGlite 只能由一个进程打开；请先停止该进程，或设置 DATA_DIR 使用另一个目录。\n` +
        `The data directory ${dir} is in use by process ${pid}. PGlite can be opened by one process only: stop that process first, or set DATA_DIR to another directory.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export class DataDirUnusableError extends Error {
  constructor(readonly dir: string, reason: string) {
    super(`数据目录 ${dir} 无法使用：${reason}。请设置 DATA_DIR 为可写的目录。\nThe data directory ${dir} cannot be used: ${reason}. Set DATA_DIR to a writable directory.`);
    this.name = 'DataDirUnusableError';
  }
}

/**
 * Creates the directory and its missing parents one level at a time (Node's
 * recursive mkdir can spin forever on special file systems such as /proc)
 * and checks that it is a writable directory.
 */
export function ensureWritableDir(dir: string): void {
  const missing: string[] = [];
  let p = dir;
  while (!fs.existsSync(p)) {
    missing.unshift(p);
    const parent = path.dirname(p);
    if (parent === p) break;
    p = parent;
  }
  try {
    for (const m of missing) fs.mkdirSync(m);
    if (!fs.statSync(dir).isDirectory()) throw new DataDirUnusableError(dir, 'not a directory');
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.R_OK);
  } catch (e) {
    if (e instanceof DataDirUnusableError) throw e;
    throw new DataDirUnusableError(dir, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock file on the data directory. A lock left by a dead
 * process is taken over; a live owner makes this throw DataDirLockedError.
 * Returns a release function.
 */
export function lockDataDir(dir: string): () => void {
  ensureWritableDir(dir);
  const file = path.join(dir, 'tongban.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
      if (Number.isFinite(owner) && owner !== process.pid && isAlive(owner)) throw new DataDirLockedError(dir, owner);
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${dir}`);
}

export { openDatabase, query, rowsOf, sql, pgErrorOf, type Database, type Db, type Tx, type Executor, type OpenOptions } from './client.ts';
export { migrate, MIGRATIONS_DIR } from './migrate.ts';
export { inTransaction, executor } from './tx.ts';
export { lockDataDir, ensureWritableDir, DataDirLockedError, DataDirUnusableError } from './lock.ts';
export { paginate, encodeCursor, decodeCursor, type Page } from './pagination.ts';

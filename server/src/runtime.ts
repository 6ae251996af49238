import { loadConfig, type Config } from './platform/config/index.ts';
import { migrate, openDatabase, type Database } from './platform/db/index.ts';
import { composeContext } from './compose.ts';
import type { AppContext } from './context.ts';
import { loadRegions } from './modules/org/index.ts';

/** Opens the configured database (PGlite in DATA_DIR, or DATABASE_URL), migrates it, and composes the platform. */
export async function openRuntime(config: Config = loadConfig()): Promise<{ ctx: AppContext; database: Database; applied: string[] }> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  try {
    const applied = await migrate(database);
    await loadRegions(database.db); // reference data: a checksum makes this a no-op once loaded
    const ctx = await composeContext(config, database);
    return { ctx, database, applied };
  } catch (e) {
    await database.close();
    throw e;
  }
}

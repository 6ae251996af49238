import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { freePort, startServer, waitForHealth } from './server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    repoRoot: string;
  }
}

/**
 * Builds the web UI when it is missing or older than its sources, starts the
 * real server on a free port with a fresh data directory (the demo county is
 * seeded on first start), and waits for /healthz. Set
 * TONGBAN_BROWSER_DATA_DIR to run against an existing data directory instead.
 */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/ensure-web-build.mjs')], { cwd: ROOT, stdio: 'inherit' });

  const given = process.env.TONGBAN_BROWSER_DATA_DIR;
  const dataDir = given ? path.resolve(given) : fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-browser-'));
  const server = startServer(ROOT, await freePort(), { DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO: 'auto', DATABASE_URL: '' });
  try {
    // first start seeds the whole demo county (a year of applications and cases): minutes on a loaded two-core machine
    await waitForHealth(server, 600_000);
  } catch (e) {
    await server.stop();
    if (!given) fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  project.provide('baseURL', server.url);
  project.provide('repoRoot', ROOT);

  return async () => {
    await server.stop();
    if (!given) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

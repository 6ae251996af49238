import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, REPO_ROOT } from './index.ts';

describe('configuration', () => {
  it('keeps the embedded database in the repository data directory by default', () => {
    expect(loadConfig({}).dataDir).toBe(path.join(REPO_ROOT, 'data'));
    expect(REPO_ROOT).toBe(path.resolve(import.meta.dirname, '../../../..'));
  });

  it('reads a relative DATA_DIR from where the command was typed', () => {
    expect(loadConfig({ DATA_DIR: 'mine', INIT_CWD: '/srv/tongban' }).dataDir).toBe('/srv/tongban/mine');
    expect(loadConfig({ DATA_DIR: '/var/lib/tongban' }).dataDir).toBe('/var/lib/tongban');
  });

  it('treats empty variables as unset and names a bad one', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ PORT: 'http' })).toThrow(/PORT/);
    expect(loadConfig({ ROLES: 'api' }).roles).toEqual(new Set(['api']));
  });
});

import http from 'node:http';
import { loadConfig } from '../server/src/platform/config/index.ts';
import { composeContext } from '../server/src/compose.ts';
import { buildApp } from '../server/src/app.ts';
import { insertAccount } from '../server/src/platform/auth/index.ts';
import { createRng } from '../server/src/platform/ids/index.ts';
import { loadRegions } from '../server/src/modules/org/index.ts';
import { DEMO_EXTENT, GridService, seedGridsDemo } from '../server/src/modules/grids/index.ts';
import { pgliteBackend, postgresBackend, type BenchBackend } from './lib/backends.ts';
import { fmt, load, summarise, type LoadResult } from './lib/load.ts';
import type { Section } from './sections.ts';

const PASSWORD = 'Bench@2026grids';
/** Points per POST /api/grids/locate request. */
const BATCH = 100;

/** Deterministic points spread over the demo county (all inside its extent). */
function points(n: number): { lng: number; lat: number }[] {
  const rng = createRng('bench:grids');
  return Array.from({ length: n }, () => ({
    lng: DEMO_EXTENT.minLng + rng.next() * (DEMO_EXTENT.maxLng - DEMO_EXTENT.minLng),
    lat: DEMO_EXTENT.minLat + rng.next() * (DEMO_EXTENT.maxLat - DEMO_EXTENT.minLat),
  }));
}

/** Sequential lookups through the service (in-memory index), one caller, for `seconds`. */
async function loadService(svc: GridService, pts: { lng: number; lat: number }[], seconds: number): Promise<LoadResult & { misses: number }> {
  const latencies: number[] = [];
  let misses = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  for (let i = 0; performance.now() < deadline && i < 5_000_000; i++) {
    const p = pts[i % pts.length];
    const t0 = performance.now();
    if (!(await svc.locate(p.lng, p.lat))) misses++;
    latencies.push(performance.now() - t0);
  }
  return { ...summarise(latencies, 0, (performance.now() - started) / 1000), misses };
}

/** Closed-loop HTTP GETs over keep-alive sockets, cycling through `paths`. */
async function loadPaths(base: string, paths: readonly string[], headers: Record<string, string>, seconds: number, concurrency: number): Promise<LoadResult> {
  const target = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.request({ agent, host: target.hostname, port: target.port, path, method: 'GET', headers }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode && res.statusCode < 400) latencies.push(performance.now() - t0);
          else errors++;
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const worker = async () => {
    while (performance.now() < deadline && n < 200_000) await one(paths[n++ % paths.length]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

interface Figures {
  name: string;
  seedSeconds: number;
  buildMs: number;
  service: LoadResult & { misses: number };
  route: LoadResult;
  batch: LoadResult;
  me: LoadResult;
  bare: LoadResult;
}

async function measure(b: BenchBackend, seconds: number): Promise<Figures> {
  const db = b.database.db;
  await loadRegions(db);
  await insertAccount(db, { username: 'bench-grid', kind: 'staff', displayName: 'bench', password: PASSWORD, grants: [{ role: 'grid_worker', regionCode: '320281', orgId: null }] });
  let t = performance.now();
  await seedGridsDemo({ db });
  const seedSeconds = (performance.now() - t) / 1000;

  const svc = new GridService(db);
  t = performance.now();
  await svc.revision(); // builds the index
  const buildMs = performance.now() - t;
  const pts = points(10_000);
  await loadService(svc, pts, 0.5); // warm-up
  const service = await loadService(svc, pts, seconds);

  const ctx = await composeContext(loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'never' }), b.database);
  const app = await buildApp(ctx, { serveWebUi: false });
  app.get('/bench/bare', async () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bench-grid', password: PASSWORD } });
    const cookie = login.cookies.find((c) => c.name === 'tb_session');
    if (!cookie) throw new Error(`bench: sign-in failed (${login.statusCode})`);
    const headers = { cookie: `tb_session=${cookie.value}` };
    const paths = pts.slice(0, 2000).map((p) => `/api/grids/locate?lng=${p.lng.toFixed(6)}&lat=${p.lat.toFixed(6)}`);
    await loadPaths(url, paths, headers, 1, 8); // warm-up
    const route = await loadPaths(url, paths, headers, seconds, 8);
    const csrf = String(login.json().csrfToken);
    const batch = await load({
      url: `${url}/api/grids/locate`,
      method: 'POST',
      headers: { ...headers, 'x-csrf-token': csrf },
      body: (i) => ({ points: Array.from({ length: BATCH }, (_, k) => pts[(i * BATCH + k) % pts.length]) }),
      concurrency: 8,
      seconds,
    });
    const me = await loadPaths(url, ['/api/me'], headers, Math.min(seconds, 2), 8);
    const bare = await loadPaths(url, ['/bench/bare'], {}, Math.min(seconds, 2), 8);
    return { name: b.name, seedSeconds, buildMs, service, route, batch, me, bare };
  } finally {
    await app.close();
    await ctx.jobs.stop();
  }
}

/**
 * Point → grid lookups over the 1,845 demo grids of Jiangyin (17 / 271 /
 * 1,557): through GridService in process (the shared in-memory bucket index)
 * and through GET /api/grids/locate over HTTP (signed-in grid worker), on
 * PGlite and (when reachable) PostgreSQL, with a bare route of the same app
 * as the baseline.
 */
export const gridsLocateSection: Section = async (out, opts) => {
  const seconds = Math.max(1, Math.min(opts.seconds, 4));
  const figures: Figures[] = [];
  for (const open of [pgliteBackend, postgresBackend] as (() => Promise<BenchBackend | null>)[]) {
    const b = await open();
    if (!b) continue;
    try {
      figures.push(await measure(b, seconds));
    } finally {
      await b.destroy();
    }
  }

  out('## Grid lookups');
  out();
  out('The 1,845 demo grids of Jiangyin (17 / 271 / 1,557 polygons, 120.0–120.6 °E × 31.65–32.0 °N); 10,000 deterministic random points in the extent, ' +
    `${seconds} s per load. In process: one caller awaiting GridService.locate (bucket index + exact point-in-polygon, path to the first level). ` +
    'HTTP: 8 keep-alive clients on GET /api/grids/locate with a session cookie (the session is resolved per request), compared with a bare route of the same application ' +
    'and with GET /api/me under the same session (what authentication alone costs).');
  out();
  out('| back end | demo grids seeded (with 11,070 staff rows) | index build |');
  out('|---|---:|---:|');
  for (const f of figures) out(`| ${f.name} | ${fmt(f.seedSeconds, 2)} s | ${fmt(f.buildMs, 0)} ms |`);
  out();
  out('| back end · path | lookups/s | p50 ms | p95 ms | p99 ms | errors | ratio to bare route |');
  out('|---|---:|---:|---:|---:|---:|---:|');
  const row = (name: string, r: LoadResult, bare?: LoadResult) =>
    `| ${name} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 4)} | ${fmt(r.p95, 4)} | ${fmt(r.p99, 4)} | ${r.errors} | ${bare ? `${fmt(r.rps / bare.rps, 3)}×` : '—'} |`;
  for (const f of figures) {
    out(row(`${f.name} · GridService.locate, in process (1 caller)`, f.service));
    out(row(`${f.name} · GET /api/grids/locate (8 clients)`, f.route, f.bare));
    out(row(`${f.name} · POST /api/grids/locate, ${BATCH} points per request (8 clients; lookups/s = requests/s × ${BATCH})`, { ...f.batch, rps: f.batch.rps * BATCH }, f.bare));
    out(row(`${f.name} · GET /api/me, same session (8 clients)`, f.me, f.bare));
    out(row(`${f.name} · bare route, same app (8 clients)`, f.bare));
  }
  out();
  if (figures[0]) out(`Points outside every grid in process: ${figures[0].service.misses} (all points lie inside the county, so 0 is expected).`);
  out();
};

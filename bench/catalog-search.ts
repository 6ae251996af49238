import http from 'node:http';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/src/platform/config/index.ts';
import { composeContext } from '../server/src/compose.ts';
import { buildApp } from '../server/src/app.ts';
import { reindexAll } from '../server/src/modules/catalog/search.indexer.ts';
import { SearchService } from '../server/src/modules/catalog/search.service.ts';
import { seedDemo } from '../server/src/modules/demo/index.ts';
import { query } from '../server/src/platform/db/index.ts';
import { pgliteBackend, postgresBackend, type BenchBackend } from './lib/backends.ts';
import { fmt, summarise, type LoadResult } from './lib/load.ts';
import type { Section } from './sections.ts';

/** Everyday queries of the public portal: synonyms, formal names, a typo, a question, broad words. */
export const SEARCH_QUERIES = [
  '开饭店', '我想开个饭店', '公积金', '怎么提取公积金', '办营业执照', '开公司', '个体户', '盖厂房', '施工许可', '身份证',
  '社保', '医保', '生孩子', '结婚登记', '户口迁移', '网约车', '出租车', '驾照', '驾驶员培训', '食品经营许可',
  '营业执照', '不动产', '养老', '退休', '失业金', '低保', '残疾证', '药店', '开诊所', '网吧',
  '民宿', '砍树', '排污', '养猪', '烟花', '护照', '建筑工程施工许可正核发', '许可', '登记', '备案',
];

/** Closed-loop HTTP load over keep-alive sockets, cycling through `paths`. Latencies in milliseconds. */
async function loadPaths(base: string, paths: readonly string[], seconds: number, concurrency: number): Promise<LoadResult> {
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
      const req = http.request({ agent, host: target.hostname, port: target.port, path, method: 'GET' }, (res) => {
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

/** Sequential in-process searches through the service for `seconds`. */
async function loadService(service: SearchService, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  for (let i = 0; performance.now() < deadline; i++) {
    const t0 = performance.now();
    try {
      await service.search({ q: SEARCH_QUERIES[i % SEARCH_QUERIES.length] });
      latencies.push(performance.now() - t0);
    } catch {
      errors++;
    }
  }
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

interface BackendFigures {
  name: string;
  items: number;
  insertSeconds: number;
  indexSeconds: number;
  service: LoadResult;
  route: LoadResult;
  bare: LoadResult;
  top: Record<string, string>;
}

async function measure(b: BenchBackend, seconds: number): Promise<BackendFigures> {
  // the full Jiangyin demo: county, registry and the whole catalog, published and indexed
  let t = performance.now();
  await seedDemo({ db: b.database.db });
  const insertSeconds = (performance.now() - t) / 1000;
  const [{ n }] = await query<{ n: number }>(b.database.db, sql`select count(*)::int as n from catalog_items where status = 'published'`);
  // a full rebuild of the index, timed on its own
  t = performance.now();
  await reindexAll(b.database.db);
  const indexSeconds = (performance.now() - t) / 1000;
  const indexed = { items: n };
  await b.database.db.execute(sql`analyze`);

  const service = new SearchService(b.database.db);
  for (const q of SEARCH_QUERIES) await service.search({ q }); // warm-up (jieba, caches, plans)
  const top: Record<string, string> = {};
  for (const q of ['开饭店', '公积金', '盖厂房', '建筑工程施工许可正核发']) top[q] = (await service.search({ q, limit: 1 })).items[0]?.name ?? '—';
  const inProcess = await loadService(service, seconds);

  const ctx = await composeContext(loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'never' }), b.database);
  const app = await buildApp(ctx, { serveWebUi: false });
  app.get('/bench/bare', async () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const paths = SEARCH_QUERIES.map((q) => `/api/catalog/search?q=${encodeURIComponent(q)}`);
    await loadPaths(url, paths, 1, 8); // warm-up
    const route = await loadPaths(url, paths, seconds, 8);
    const bare = await loadPaths(url, ['/bench/bare'], Math.min(seconds, 2), 8);
    return { name: b.name, items: indexed.items, insertSeconds, indexSeconds, service: inProcess, route, bare, top };
  } finally {
    await app.close();
    await ctx.jobs.stop();
  }
}

/**
 * Catalog search over the full Jiangyin demo catalog (7,873 published items:
 * 7,318 power items and 555 public services), indexed with jieba, then the everyday SEARCH_QUERIES cycled through the
 * service in process and through GET /api/catalog/search over HTTP, on
 * PGlite and (when reachable) PostgreSQL.
 */
export const catalogSearchSection: Section = async (out, opts) => {
  const seconds = Math.max(1, Math.min(opts.seconds, 4));
  const figures: BackendFigures[] = [];
  const backends: (() => Promise<BenchBackend | null>)[] = [pgliteBackend, postgresBackend];
  for (const open of backends) {
    const b = await open();
    if (!b) continue;
    try {
      figures.push(await measure(b, seconds));
    } finally {
      await b.destroy();
    }
  }

  out('## Catalog search');
  out();
  out(`The full Jiangyin demo catalog: ${fmt(figures[0]?.items ?? 0, 0)} published items (7,318 power items and 555 public services), jieba-indexed; ` +
    `${SEARCH_QUERIES.length} everyday queries (synonyms such as 开饭店 and 公积金, formal names, a typo, questions, broad words like 许可) cycled, ` +
    `${seconds} s per load. In process: one client calling the service. HTTP: 8 keep-alive clients on GET /api/catalog/search, ` +
    'compared with a bare route of the same application.');
  out();
  out('| back end | items | demo seed (county + catalog, indexed) | full reindex | reindexed items/s |');
  out('|---|---:|---:|---:|---:|');
  for (const f of figures) out(`| ${f.name} | ${fmt(f.items, 0)} | ${fmt(f.insertSeconds, 1)} s | ${fmt(f.indexSeconds, 1)} s | ${fmt(f.items / f.indexSeconds, 0)} |`);
  out();
  out('| back end · path | queries/s | p50 ms | p95 ms | p99 ms | errors | ratio to bare route |');
  out('|---|---:|---:|---:|---:|---:|---:|');
  const row = (name: string, r: LoadResult, bare?: LoadResult) =>
    `| ${name} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p95, 2)} | ${fmt(r.p99, 2)} | ${r.errors} | ${bare ? `${fmt(r.rps / bare.rps, 3)}×` : '—'} |`;
  for (const f of figures) {
    out(row(`${f.name} · service, in process (1 client)`, f.service));
    out(row(`${f.name} · GET /api/catalog/search (8 clients)`, f.route, f.bare));
    out(row(`${f.name} · bare route, same app (8 clients)`, f.bare));
  }
  out();
  if (figures[0]) out(`Top hits (${figures[0].name}): ${Object.entries(figures[0].top).map(([q, n]) => `${q} → ${n}`).join('; ')}.`);
  out();
};

/**
 * npm run bench: prints figures and ratios measured in this run and writes
 * docs/performance.md. Every load is bounded in time and sent only to
 * loopback. BENCH_SECONDS sets each load's duration (default 5).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pgliteBackend, postgresBackend, type BenchBackend } from './lib/backends.ts';
import { measureBaselines } from './foundation.ts';
import { fmt, type LoadResult } from './lib/load.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
/** BENCH_ONLY=cases (or services, grids, catalog, clock): run only the sections whose name starts with it, skip the baselines, leave docs/performance.md alone. */
const only = process.env.BENCH_ONLY?.trim().toLowerCase() || null;
const lines: string[] = [];
const out = (s = '') => {
  console.log(s);
  lines.push(s);
};
const row = (name: string, r: LoadResult, base?: LoadResult) =>
  `| ${name} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 2)} | ${fmt(r.p95, 2)} | ${fmt(r.p99, 2)} | ${r.errors} | ${base ? `${fmt(r.rps / base.rps, 3)}×` : '—'} |`;

async function main() {
  const started = Date.now();
  out('# Performance');
  out();
  out(`Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ` +
    `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Loads are closed-loop, 16 concurrent keep-alive clients on loopback, ` +
    `${seconds} s each, load generator in the same process as the server. Figures are this machine's; compare ratios, not absolutes.`);
  out();

  const backends: BenchBackend[] = [await pgliteBackend()];
  const server = await postgresBackend();
  if (server) backends.push(server);
  else out('_PostgreSQL server not reachable: its rows are missing from this run._\n');

  if (!only) {
    out('## HTTP baselines');
    out();
    out('| back end · route | req/s | p50 ms | p95 ms | p99 ms | errors | ratio to bare route |');
    out('|---|---:|---:|---:|---:|---:|---:|');
  }
  for (const b of backends) {
    try {
      if (only) continue;
      const base = await measureBaselines(b.database, seconds);
      out(row(`${b.name} · bare Fastify route`, base.bare));
      out(row(`${b.name} · single-row durable INSERT`, base.insert, base.bare));
    } finally {
      await b.destroy();
    }
  }
  out();

  for (const extra of await import('./sections.ts').then((m) => m.sections)) {
    if (only && !extra.name.toLowerCase().startsWith(only)) continue;
    await extra(out, { seconds });
  }

  out(`_Whole run: ${fmt((Date.now() - started) / 1000, 0)} s._`);
  if (only) return;
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/performance.md');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

await main();

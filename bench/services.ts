/**
 * 一网通办 under load, over HTTP with the whole app (auth, CSRF, idempotency,
 * workflow, clocks, audit, outbox): application submission (create + submit,
 * each with an Idempotency-Key, one signed-in applicant per client) and
 * status lookup (GET one application). Closed loop, 16 clients, bounded by
 * BENCH_SECONDS, on PGlite and PostgreSQL, with the ratio to the bare-route
 * and durable-insert baselines measured on the same back end in this run.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../server/src/platform/config/index.ts';
import { composeContext } from '../server/src/compose.ts';
import { buildApp } from '../server/src/app.ts';
import { SYSTEM_ACTOR } from '../server/src/platform/access/index.ts';
import { hashPassword, insertAccount } from '../server/src/platform/auth/index.ts';
import { makeResidentId } from '../server/src/platform/ids/index.ts';
import { insertOrg } from '../server/src/modules/org/index.ts';
import { publishDirect } from '../server/src/modules/catalog/index.ts';
import { pgliteBackend, postgresBackend, type BenchBackend } from './lib/backends.ts';
import { measureBaselines } from './foundation.ts';
import { fmt, summarise, type LoadResult } from './lib/load.ts';
import type { Section } from './sections.ts';

const CLIENTS = 16;
const PASSWORD = 'Bench@2026pass';

interface Client {
  headers: Record<string, string>;
  ids: number[];
}

/** One HTTP request over a keep-alive agent; resolves with status and parsed body. */
function call(agent: http.Agent, base: URL, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; json: unknown }> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve) => {
    const req = http.request(
      { agent, host: base.hostname, port: base.port, path, method, headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', () => resolve({ status: 0, json: null }));
    req.end(payload);
  });
}

/** Closed loop: each client runs `op` again as soon as it finishes, until the time is up. */
async function closedLoop(clients: Client[], seconds: number, op: (c: Client, i: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    clients.map(async (c) => {
      while (performance.now() < deadline && n < 200_000) {
        const t0 = performance.now();
        if (await op(c, n++)) latencies.push(performance.now() - t0);
        else errors++;
      }
    }),
  );
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

/** A county, one approval bureau, one published item with nothing to upload, and signed-in applicants. */
async function setUp(b: BenchBackend, base: URL, agent: http.Agent): Promise<{ itemId: number; clients: Client[] }> {
  const db = b.database.db;
  await db.execute(sql`insert into regions (code, name, level, parent_code, town_kind) values
    ('320000', '江苏省', 'province', null, null), ('320200', '无锡市', 'city', '320000', null), ('320281', '江阴市', 'county', '320200', null)
    on conflict (code) do nothing`);
  const gov = await insertOrg(db, { code: 'bench.gov', name: '江阴市人民政府', type: 'government', level: 'county', regionCode: '320281' });
  const spj = await insertOrg(db, { code: 'bench.spj', name: '江阴市行政审批局', type: 'approval_bureau', level: 'county', regionCode: '320281', parentId: gov });
  const out = await publishDirect(
    db,
    [
      {
        name: '企业变更登记',
        implCode: 'BENCH-change',
        itemType: 'licensing',
        level: 'county',
        implementingBody: { orgId: spj, name: '江阴市行政审批局' },
        materials: [{ name: '变更登记申请书', requirement: 'optional' }],
        process: [{ name: '审查' }, { name: '决定' }],
        promisedDays: 1,
        statutoryDays: 3,
        applicantKinds: ['person', 'legal'],
      },
    ],
    { approvalDocNo: '澄政发〔2026〕9号', effectiveDate: '2026-01-01', who: { actor: SYSTEM_ACTOR } },
  );
  const itemId = out.items[0].itemId;
  const hash = await hashPassword(PASSWORD);
  const clients: Client[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const username = `bench-applicant-${i}`;
    await insertAccount(db, {
      username,
      kind: 'person',
      displayName: `申请人${i}`,
      passwordHash: hash,
      residentId: makeResidentId(`3202811990010${String(100 + i).padStart(4, '0')}`),
      grants: [{ role: 'applicant', regionCode: null, orgId: null }],
    });
    const login = await new Promise<{ cookie: string; csrf: string }>((resolve, reject) => {
      const payload = JSON.stringify({ username, password: PASSWORD });
      const req = http.request({ agent, host: base.hostname, port: base.port, path: '/api/auth/login', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`bench sign-in failed: ${res.statusCode}`));
          const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('tb_session='));
          resolve({ cookie: cookie ?? '', csrf: (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { csrfToken: string }).csrfToken });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
    clients.push({ headers: { cookie: login.cookie, 'x-csrf-token': login.csrf }, ids: [] });
  }
  return { itemId, clients };
}

interface Figures {
  name: string;
  bare: LoadResult;
  insert: LoadResult;
  submit: LoadResult;
  lookup: LoadResult;
  applications: number;
}

async function measure(b: BenchBackend, seconds: number): Promise<Figures> {
  const baselines = await measureBaselines(b.database, seconds);
  const ctx = await composeContext(loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'never', LOGIN_IP_ATTEMPTS: '10000' }), b.database);
  const app = await buildApp(ctx, { serveWebUi: false });
  const url = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS * 2 });
  try {
    const { itemId, clients } = await setUp(b, url, agent);
    // create (draft) and submit: two writes, each with its own Idempotency-Key
    const submitOnce = async (c: Client) => {
      const created = await call(agent, url, 'POST', '/api/applications', { ...c.headers, 'idempotency-key': crypto.randomUUID() }, { itemId });
      if (created.status !== 201 && created.status !== 200) return false;
      const a = created.json as { id: number; version: number };
      const submitted = await call(agent, url, 'POST', `/api/applications/${a.id}/submit`, { ...c.headers, 'idempotency-key': crypto.randomUUID() }, { version: a.version });
      if (submitted.status !== 200) return false;
      c.ids.push(a.id);
      return true;
    };
    await closedLoop(clients, 1, submitOnce); // warm-up
    const submit = await closedLoop(clients, seconds, submitOnce);
    const lookup = await closedLoop(clients, seconds, async (c, i) => {
      const id = c.ids[i % c.ids.length];
      return (await call(agent, url, 'GET', `/api/applications/${id}`, c.headers)).status === 200;
    });
    const applications = clients.reduce((s, c) => s + c.ids.length, 0);
    return { name: b.name, bare: baselines.bare, insert: baselines.insert, submit, lookup, applications };
  } finally {
    agent.destroy();
    await app.close();
    await ctx.jobs.stop();
  }
}

export const servicesSection: Section = async (out, { seconds }) => {
  const figures: Figures[] = [];
  for (const make of [pgliteBackend, postgresBackend]) {
    const b = await make();
    if (!b) continue;
    try {
      figures.push(await measure(b, seconds));
    } finally {
      await b.destroy();
    }
  }
  out('## 一网通办: application submission and status lookup');
  out();
  out(
    `Whole app over HTTP (session cookie + CSRF, zod validation, workflow transition with history, audit, SLA clocks and outbox event). ` +
      `Submission = \`POST /api/applications\` + \`POST /api/applications/:id/submit\`, each with an Idempotency-Key, as one operation; ` +
      `lookup = \`GET /api/applications/:id\` of the caller's own application (with materials, notices, clocks, history). ` +
      `${CLIENTS} signed-in applicants, closed loop, ${seconds} s each. Ratios: throughput over the same back end's bare route / durable single-row INSERT measured just before.`,
  );
  out();
  out('| back end · operation | ops/s | p50 ms | p95 ms | p99 ms | errors | ÷ bare route | ÷ durable insert |');
  out('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const f of figures) {
    const r = (name: string, x: LoadResult) =>
      out(`| ${f.name} · ${name} | ${fmt(x.rps, 0)} | ${fmt(x.p50, 2)} | ${fmt(x.p95, 2)} | ${fmt(x.p99, 2)} | ${x.errors} | ${fmt(x.rps / f.bare.rps, 3)}× | ${fmt(x.rps / f.insert.rps, 3)}× |`);
    r('bare route (baseline)', f.bare);
    r('durable INSERT (baseline)', f.insert);
    r('submit application (create + submit)', f.submit);
    r('status lookup (GET one application)', f.lookup);
  }
  out();
  for (const f of figures) out(`- ${f.name}: ${f.applications} applications submitted during the run.`);
  out();
};

/** `BENCH_ONLY=services npx tsx bench/services.ts`-style quick check: run this section alone. */
if (process.argv[1]?.endsWith('services.ts')) {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  await servicesSection((s = '') => console.log(s), { seconds });
}

import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds,
    rps: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/**
 * Closed-loop HTTP load over keep-alive sockets on loopback: `concurrency`
 * clients each send the next request when the previous one answers, for
 * `seconds` (bounded in time and count). Latencies in milliseconds.
 */
export async function load(opts: {
  url: string;
  method?: string;
  body?: (i: number) => unknown;
  headers?: Record<string, string>;
  concurrency?: number;
  seconds?: number;
  maxRequests?: number;
}): Promise<LoadResult> {
  const target = new URL(opts.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency ?? 16 });
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + (opts.seconds ?? 5) * 1000;
  const max = opts.maxRequests ?? 200_000;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const payload = opts.body ? JSON.stringify(opts.body(i)) : undefined;
      const t0 = performance.now();
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          method: opts.method ?? 'GET',
          headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}), ...opts.headers },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode && res.statusCode < 400) latencies.push(performance.now() - t0);
            else errors++;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(payload);
    });
  const worker = async () => {
    while (performance.now() < deadline && n < max) await one(n++);
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 16 }, worker));
  agent.destroy();
  return summarise(latencies, errors, (performance.now() - started) / 1000);
}

export const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

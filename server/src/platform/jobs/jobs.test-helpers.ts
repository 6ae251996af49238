import type { Database } from '../db/index.ts';
import { JobRunner, type JobRunnerOptions } from './runner.ts';

/** A runner tuned for tests: short polls and backoffs, quiet logs, no platform jobs unless asked. */
export function fastRunner(database: Database, extra: Partial<JobRunnerOptions> = {}): JobRunner {
  return new JobRunner({
    database,
    logLevel: 'silent',
    pollIntervalSeconds: 0.5,
    platformJobs: false,
    ...extra,
    outbox: { pollSeconds: 0.5, retryBaseSeconds: 0.2, leaseSeconds: 30, ...extra.outbox },
  });
}

/** Polls fn until it returns a truthy value (or throws after timeoutMs). */
export async function waitFor<T>(fn: () => Promise<T>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

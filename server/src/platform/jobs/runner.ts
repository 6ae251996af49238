import { AsyncResource } from 'node:async_hooks';
import PgBoss from 'pg-boss';
import { executor, type Database, type Db, type Executor } from '../db/index.ts';
import { BossConnection } from './boss-connection.ts';
import { defaultJobLogger, describeError, type JobLogger } from './logger.ts';
import { emit, onEmitted, relayPass, type EmitOptions, type OutboxHandler, type RelaySettings, type Subscriber } from './outbox.ts';
import { registerPlatformJobs } from './platform-jobs.ts';

export type QueuePolicy = 'standard' | 'short' | 'singleton' | 'stately';

/** What a job handler is told about its job. */
export interface JobInfo {
  id: string;
  queue: string;
  /** Retries so far (0 on the first run). */
  retryCount: number;
  retryLimit: number;
}

/** A job handler. It must be idempotent: a job can run again after a crash or a timeout. */
export type JobHandler<T = unknown> = (data: T, job: JobInfo) => Promise<void>;

export interface RegisterOptions {
  /** pg-boss queue policy: 'short' keeps at most one job waiting, 'singleton' at most one running, … */
  policy?: QueuePolicy;
  /** Retries after a failure (default 3). */
  retryLimit?: number;
  /** Seconds before a retry (default 5). */
  retryDelay?: number;
  /** Exponential backoff between retries (default true). */
  retryBackoff?: boolean;
  /** A run longer than this fails and is retried (default 15 minutes). */
  expireInSeconds?: number;
  /** Workers polling this queue in this process (default 1). */
  concurrency?: number;
  /** Poll interval of this queue's workers (default: the runner's). */
  pollIntervalSeconds?: number;
}

export interface SendOptions {
  /** Run no earlier than this: seconds from now, or a point in time. */
  startAfter?: number | Date;
  /** With a 'short' or 'singleton' queue policy, or singletonSeconds: jobs with the same key are deduplicated. */
  singletonKey?: string;
  /** At most one job per key in each window of this many seconds. */
  singletonSeconds?: number;
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  priority?: number;
}

export interface OutboxOptions extends Partial<RelaySettings> {
  /** Seconds between relay polls (default 3). */
  pollSeconds?: number;
}

export interface JobRunnerOptions {
  database: Database;
  logger?: JobLogger;
  logLevel?: string;
  /**
   * PostgreSQL only: pg-boss opens its own pool to this URL instead of
   * sharing the application's pool. Never on PGlite, which is one session.
   */
  bossUrl?: string;
  bossPoolSize?: number;
  /** Default poll interval of job workers, seconds (default 2, at least 0.5). */
  pollIntervalSeconds?: number;
  /** How often pg-boss checks cron schedules, seconds (default 30, 1–45). */
  cronMonitorSeconds?: number;
  /** pg-boss maintenance (expiry, archiving) interval, seconds (default 120). */
  maintenanceSeconds?: number;
  outbox?: OutboxOptions;
  /** Register the platform's periodic jobs: audit chaining and cleanup (default true). */
  platformJobs?: boolean;
  /** Audit chaining interval, seconds (default 3). */
  auditChainSeconds?: number;
}

export interface StopOptions {
  /** Let running jobs finish (default true); otherwise they are failed and retried later. */
  graceful?: boolean;
  /** Longest wait for running jobs, ms (default 30000). */
  timeoutMs?: number;
}

interface Registration {
  queue: string;
  handler: JobHandler<never>;
  options: RegisterOptions;
}

export const OUTBOX_RELAY_QUEUE = 'tongban.outbox-relay';
/** singletonKey of periodic ticks and relay wake-ups: with the 'short' policy, at most one waits. */
const TICK_KEY = 'tick';

type Boss = PgBoss;

/** pg-boss validates options with `'key' in options`, so an explicit undefined is an error there. */
function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Background jobs on pg-boss 10.4, on PostgreSQL and on PGlite alike, plus
 * the domain-event outbox relay. Handlers are registered before or after
 * start(); `send` enqueues outside transactions only (inside one, write an
 * outbox event with emit()).
 */
export class JobRunner {
  readonly database: Database;
  private readonly db: Db;
  private readonly log: JobLogger;
  private readonly registrations = new Map<string, Registration>();
  private readonly schedules = new Map<string, { cron: string; data: unknown; tz: string }>();
  private readonly periodic = new Map<string, number>();
  private readonly subscribers = new Map<string, Subscriber[]>();
  private readonly relay: RelaySettings & { pollSeconds: number };
  private readonly pollIntervalSeconds: number;

  private boss: Boss | null = null;
  private conn: BossConnection | null = null;
  /** A send-only pg-boss (no workers, no maintenance) for send() while the runner is not started (api-only processes). */
  private producer: Promise<{ boss: Boss; conn: BossConnection }> | null = null;
  private starting: Promise<void> | null = null;
  private stopping: Promise<void> | null = null;
  private readonly workerIds = new Map<string, string[]>();
  private readonly knownQueues = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly active = new Set<Promise<unknown>>();
  private unlistenEmits: (() => void) | null = null;
  private readonly pendingXids = new Map<string, number>();
  private probing = false;
  private inRoot: <R>(fn: () => R) => R = (fn) => fn();

  constructor(private readonly opts: JobRunnerOptions) {
    this.database = opts.database;
    this.db = opts.database.db;
    this.log = opts.logger ?? defaultJobLogger(opts.logLevel ?? 'info');
    if (opts.bossUrl && opts.database.kind === 'pglite') {
      throw new Error('JobRunner: bossUrl is for PostgreSQL; on PGlite pg-boss must share the one session');
    }
    this.pollIntervalSeconds = Math.max(0.5, opts.pollIntervalSeconds ?? 2);
    const o = opts.outbox ?? {};
    this.relay = {
      pollSeconds: Math.max(0.5, o.pollSeconds ?? 3),
      batchSize: o.batchSize ?? 50,
      leaseSeconds: o.leaseSeconds ?? 120,
      retryBaseSeconds: o.retryBaseSeconds ?? 5,
      retryMaxSeconds: o.retryMaxSeconds ?? 3600,
    };
    this.register(OUTBOX_RELAY_QUEUE, () => this.runRelay(), { policy: 'short', retryLimit: 0, expireInSeconds: 3600 });
    this.every(OUTBOX_RELAY_QUEUE, this.relay.pollSeconds);
    if (opts.platformJobs !== false) registerPlatformJobs(this, this.db, { auditChainSeconds: opts.auditChainSeconds ?? 3 });
  }

  get started(): boolean {
    return this.boss !== null && this.stopping === null;
  }

  /** Registers the handler of a queue. After start() it starts working at once. */
  register<T = unknown>(queue: string, handler: JobHandler<T>, options: RegisterOptions = {}): Promise<void> {
    if (!/^[\w.-]{1,100}$/.test(queue)) throw new Error(`JobRunner: invalid queue name "${queue}"`);
    if (this.registrations.has(queue)) throw new Error(`JobRunner: queue "${queue}" already has a handler`);
    const reg: Registration = { queue, handler: handler as JobHandler<never>, options: { ...options } };
    this.registrations.set(queue, reg);
    return this.boss && !this.stopping ? this.activate(this.boss, reg) : Promise.resolve();
  }

  /**
   * Runs a registered queue on a cron schedule (pg-boss cron: minute
   * resolution, checked every cronMonitorSeconds). For sub-minute periods use every().
   */
  async schedule(queue: string, cron: string, data: unknown = null, opts: { tz?: string } = {}): Promise<void> {
    if (!this.registrations.has(queue)) throw new Error(`JobRunner: schedule("${queue}") needs a registered handler`);
    const entry = { cron, data, tz: opts.tz ?? 'Asia/Shanghai' };
    this.schedules.set(queue, entry);
    if (this.boss && !this.stopping) await this.boss.schedule(queue, cron, (data ?? {}) as object, { tz: entry.tz });
  }

  /**
   * Runs a registered queue about every `seconds` (sub-minute periods). Each
   * running process enqueues a tick; the queue's 'short' policy keeps at most
   * one waiting, so the job runs on one worker at a time per tick.
   */
  every(queue: string, seconds: number): void {
    const reg = this.registrations.get(queue);
    if (!reg) throw new Error(`JobRunner: every("${queue}") needs a registered handler`);
    if (reg.options.policy && reg.options.policy !== 'short') {
      throw new Error(`JobRunner: every("${queue}") needs the 'short' queue policy (it is '${reg.options.policy}')`);
    }
    if (!(seconds >= 0.5)) throw new Error('JobRunner: every() needs at least 0.5 seconds');
    reg.options.policy = 'short';
    this.periodic.set(queue, seconds);
    if (this.boss && !this.stopping) this.startTicker(queue, seconds);
  }

  /** Subscribes a named handler to a domain-event topic. The name identifies its deliveries: keep it stable. */
  subscribe<P = unknown>(topic: string, handlerName: string, handler: OutboxHandler<P>): void {
    if (!/^[\w.:-]{1,100}$/.test(handlerName)) throw new Error(`JobRunner: invalid handler name "${handlerName}"`);
    const list = this.subscribers.get(topic) ?? [];
    if (list.some((s) => s.name === handlerName)) throw new Error(`JobRunner: "${handlerName}" already subscribes to "${topic}"`);
    list.push({ topic, name: handlerName, handler: handler as OutboxHandler });
    this.subscribers.set(topic, list);
  }

  /**
   * The outbox write for code that holds the runner (the exported emit(),
   * without its id result), so the runner serves as the workflow's EmitPort.
   */
  async emit(tx: Executor, topic: string, payload: unknown, opts: EmitOptions = {}): Promise<void> {
    await emit(tx, topic, payload, opts);
  }

  /**
   * Enqueues a job. Not inside a transaction: a job sent there would run even
   * if the transaction rolled back (and on PGlite it would wait forever for
   * the transaction's session). Use emit() there instead. Works before
   * start() too (api-only processes): the job waits for a worker process.
   */
  async send<T = unknown>(queue: string, data: T, options: SendOptions = {}): Promise<string | null> {
    if (executor(this.db) !== this.db) {
      throw new Error(`JobRunner.send("${queue}") inside a transaction: emit an outbox event instead, and send from its subscriber`);
    }
    const boss = await this.bossForSend();
    await this.ensureQueue(boss, queue, this.registrations.get(queue)?.options);
    const { startAfter, ...rest } = options;
    const bossOptions = withoutUndefined<PgBoss.SendOptions>({ ...rest });
    if (startAfter instanceof Date) bossOptions.startAfter = startAfter;
    else if (typeof startAfter === 'number' && startAfter > 0) bossOptions.startAfter = startAfter;
    const id = await boss.send(queue, (data ?? {}) as object, bossOptions);
    const delayed = startAfter instanceof Date ? startAfter.getTime() > Date.now() : typeof startAfter === 'number' && startAfter > 0;
    if (id && !delayed) this.wakeWorkers(queue);
    return id;
  }

  /** Runs one outbox relay pass now, in this process (CLI, tests). Returns the events handled. */
  async relayNow(): Promise<number> {
    let total = 0;
    for (;;) {
      const { handled, more } = await relayPass(this.db, (t) => this.subscribers.get(t) ?? [], this.relay, this.log);
      total += handled;
      if (!more) return total;
    }
  }

  /** Creates pg-boss's schema if needed, its queues and schedules, and starts the workers. */
  start(): Promise<void> {
    if (this.stopping) throw new Error('JobRunner: start() while stopping');
    if (!this.starting) {
      this.starting = this.doStart().catch(async (e) => {
        this.starting = null;
        throw e;
      });
    }
    return this.starting;
  }

  /**
   * A pg-boss instance over the application's database (its `db` option, so
   * no connection of its own: required on PGlite), or over its own pool
   * when bossUrl is set. A producer only sends: no workers, maintenance or cron.
   */
  private createBoss(producer: boolean): { boss: Boss; conn: BossConnection } {
    const conn = new BossConnection((text, values) => this.database.executeSql(text, values), this.log);
    const cronMonitor = Math.max(1, Math.min(45, Math.round(this.opts.cronMonitorSeconds ?? 30)));
    const common = {
      pollingIntervalSeconds: this.pollIntervalSeconds,
      cronMonitorIntervalSeconds: cronMonitor,
      // the internal queue that turns due cron entries into jobs
      cronWorkerIntervalSeconds: Math.min(5, cronMonitor),
      maintenanceIntervalSeconds: this.opts.maintenanceSeconds ?? 120,
      supervise: !producer,
      schedule: !producer,
      retryLimit: 3,
      retryDelay: 5,
      retryBackoff: true,
    };
    const boss = this.opts.bossUrl
      ? new PgBoss({ ...common, connectionString: this.opts.bossUrl, max: this.opts.bossPoolSize ?? 4, application_name: 'tongban-jobs' })
      : new PgBoss({ ...common, db: conn.db as PgBoss.Db });
    boss.on('error', (err: Error) => this.log.error({ err }, 'pg-boss error'));
    return { boss, conn };
  }

  private async bossForSend(): Promise<Boss> {
    if (this.starting && !this.stopping) {
      await this.starting;
      if (this.boss) return this.boss;
    }
    if (this.stopping) throw new Error('JobRunner.send: the runner is stopping');
    if (!this.producer) {
      const p = this.createBoss(true);
      this.producer = p.boss.start().then(
        () => p,
        (e: unknown) => {
          this.producer = null;
          throw e;
        },
      );
    }
    return (await this.producer).boss;
  }

  private async stopProducer(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    if (!producer) return;
    let p: { boss: Boss; conn: BossConnection };
    try {
      p = await producer;
    } catch {
      return;
    }
    p.conn.beginStop();
    await p.boss.stop({ graceful: false, wait: true, close: true });
    await p.conn.drain(5000);
    p.conn.close();
    this.knownQueues.clear();
  }

  private async doStart(): Promise<void> {
    // Timers and wake-ups must not inherit the caller's async context (an open transaction).
    this.inRoot = AsyncResource.bind(<R>(fn: () => R) => fn()) as <R>(fn: () => R) => R;
    await this.stopProducer();
    const { boss, conn } = this.createBoss(false);
    await boss.start();
    this.conn = conn;
    try {
      for (const reg of this.registrations.values()) await this.activate(boss, reg);
      for (const [queue, s] of this.schedules) await boss.schedule(queue, s.cron, (s.data ?? {}) as object, { tz: s.tz });
    } catch (e) {
      await boss.stop({ graceful: false, wait: true });
      this.conn = null;
      throw e;
    }
    this.boss = boss;
    for (const [queue, seconds] of this.periodic) this.startTicker(queue, seconds);
    this.unlistenEmits = onEmitted((xid) => this.inRoot(() => this.afterEmit(xid)));
    this.log.info({ queues: [...this.registrations.keys()], backend: this.database.kind }, 'job runner started');
  }

  /** Stops polling; graceful (default) waits for running jobs to finish. Safe to call when not started. */
  stop(options: StopOptions = {}): Promise<void> {
    if (this.stopping) return this.stopping;
    if (!this.starting && !this.producer) return Promise.resolve();
    this.stopping = (async () => {
      await this.stopProducer();
      if (this.starting) await this.doStop(options);
    })().finally(() => {
      this.stopping = null;
      this.starting = null;
    });
    return this.stopping;
  }

  private async doStop({ graceful = true, timeoutMs = 30_000 }: StopOptions): Promise<void> {
    try {
      await this.starting;
    } catch {
      return;
    }
    const boss = this.boss;
    const conn = this.conn;
    for (const t of this.timers.splice(0)) clearInterval(t);
    this.unlistenEmits?.();
    this.unlistenEmits = null;
    this.pendingXids.clear();
    if (!boss || !conn) return;
    conn.beginStop();
    await boss.stop({ graceful, timeout: timeoutMs, wait: true, close: true });
    if (graceful) {
      const until = Date.now() + timeoutMs;
      while (this.active.size > 0 && Date.now() < until) {
        await Promise.race([Promise.allSettled([...this.active]), new Promise((r) => setTimeout(r, Math.max(1, until - Date.now())))]);
      }
    }
    await conn.drain(graceful ? timeoutMs : 1000);
    conn.close();
    this.boss = null;
    this.conn = null;
    this.workerIds.clear();
    this.knownQueues.clear();
    this.log.info({ graceful }, 'job runner stopped');
  }

  private async ensureQueue(boss: Boss, queue: string, options: RegisterOptions = {}): Promise<void> {
    if (this.knownQueues.has(queue)) return;
    const q = withoutUndefined<PgBoss.Queue>({
      name: queue,
      policy: options.policy ?? 'standard',
      retryLimit: options.retryLimit,
      retryDelay: options.retryDelay,
      retryBackoff: options.retryBackoff,
      expireInSeconds: options.expireInSeconds,
    });
    await boss.createQueue(queue, q);
    if (this.registrations.has(queue)) await boss.updateQueue(queue, q);
    this.knownQueues.add(queue);
  }

  private async activate(boss: Boss, reg: Registration): Promise<void> {
    await this.ensureQueue(boss, reg.queue, reg.options);
    const ids: string[] = [];
    const n = Math.max(1, reg.options.concurrency ?? 1);
    for (let i = 0; i < n; i++) {
      ids.push(
        await boss.work<unknown>(
          reg.queue,
          { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: Math.max(0.5, reg.options.pollIntervalSeconds ?? this.pollIntervalSeconds) },
          (jobs) => this.runJobs(reg, jobs),
        ),
      );
    }
    this.workerIds.set(reg.queue, ids);
  }

  private runJobs(reg: Registration, jobs: PgBoss.JobWithMetadata<unknown>[]): Promise<void> {
    const run = (async () => {
      for (const job of jobs) {
        const info: JobInfo = { id: job.id, queue: reg.queue, retryCount: job.retryCount, retryLimit: job.retryLimit };
        try {
          await (reg.handler as JobHandler<unknown>)(job.data, info);
        } catch (err) {
          this.log.warn({ err, queue: reg.queue, jobId: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit }, `job failed: ${describeError(err)}`);
          throw err;
        }
      }
    })();
    this.active.add(run);
    return run.finally(() => this.active.delete(run));
  }

  private wakeWorkers(queue: string): void {
    const boss = this.boss;
    if (!boss) return;
    for (const id of this.workerIds.get(queue) ?? []) boss.notifyWorker(id);
  }

  private tick(queue: string): void {
    const boss = this.boss;
    if (!boss || this.stopping) return;
    void boss
      .send(queue, {}, { singletonKey: TICK_KEY })
      .then(() => this.wakeWorkers(queue))
      .catch((err: unknown) => this.log.error({ err, queue }, 'could not enqueue a periodic job'));
  }

  private startTicker(queue: string, seconds: number): void {
    this.inRoot(() => {
      this.tick(queue);
      const t = setInterval(() => this.tick(queue), seconds * 1000);
      t.unref();
      this.timers.push(t);
    });
  }

  /**
   * Delivers every pending outbox event now, in this process, until none is
   * left (or `maxPasses` relay passes ran). For tests, the demo seed and the
   * CLI, where no worker runs; the same delivery path as the relay job.
   * Returns the number of deliveries attempted.
   */
  async drainOutbox(maxPasses = 100): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxPasses; i++) {
      const { handled, more } = await relayPass(this.db, (t) => this.subscribers.get(t) ?? [], this.relay, this.log);
      total += handled;
      if (!more && handled === 0) break;
    }
    return total;
  }

  private async runRelay(): Promise<void> {
    const { more } = await relayPass(this.db, (t) => this.subscribers.get(t) ?? [], this.relay, this.log, {
      keepGoing: () => this.stopping === null,
    });
    if (more) this.tick(OUTBOX_RELAY_QUEUE);
  }

  /**
   * An event was written in transaction `xid` in this process. Wakes the
   * relay once that transaction has committed (pg_xact_status); on PGlite the
   * probe simply waits for the transaction to end. Events whose commit is not
   * seen within a few seconds are left to the relay's regular poll.
   */
  private afterEmit(xid: string): void {
    if (!this.boss || this.stopping) return;
    if (!this.pendingXids.has(xid)) this.pendingXids.set(xid, Date.now());
    if (!this.probing) void this.probe();
  }

  private async probe(): Promise<void> {
    this.probing = true;
    let pause = 5;
    try {
      while (this.pendingXids.size > 0 && this.boss && !this.stopping) {
        const xids = [...this.pendingXids.keys()];
        let committed = false;
        try {
          const { rows } = await this.database.executeSql(
            'select x as xid, pg_xact_status(x::xid8) as status from unnest($1::text[]) as x',
            [xids],
          );
          for (const r of rows as { xid: string; status: string | null }[]) {
            if (r.status === 'in progress') continue;
            this.pendingXids.delete(r.xid);
            if (r.status === 'committed') committed = true;
          }
        } catch {
          // An xid this database has not seen (an event of another database in this process): let the poll handle it.
          for (const x of xids) this.pendingXids.delete(x);
          committed = true;
        }
        if (committed) this.tick(OUTBOX_RELAY_QUEUE);
        const now = Date.now();
        for (const [x, since] of this.pendingXids) if (now - since > 5000) this.pendingXids.delete(x);
        if (this.pendingXids.size > 0) {
          await new Promise((r) => setTimeout(r, pause));
          pause = Math.min(250, pause * 2);
        }
      }
    } finally {
      this.probing = false;
    }
  }
}

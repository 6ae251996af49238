/**
 * Live figures for the command screen, shared by every SSE client of this
 * process: ONE poller reads a cheap change stamp every few seconds; when it
 * moves (or a safety interval passes) each distinct view (region + period)
 * is recomputed once and pushed to all of its listeners if the figures
 * differ from what they last got. The poller stops when nobody listens.
 */
import { overviewDigest } from './command.rules.ts';

export interface FeedOptions<K, V> {
  /** A value that changes whenever the figures may have changed (any process, shared database). */
  stamp(): Promise<string>;
  /** The figures of one view. */
  compute(key: K): Promise<V>;
  keyOf(key: K): string;
  /** Stamp poll interval (ms). */
  pollMs?: number;
  /** Recompute every view at least this often even without a stamp change (time-based overdue, late commits). */
  refreshMs?: number;
  onError?(error: unknown): void;
}

export type FeedListener<V> = (value: V) => void;

interface View<K, V> {
  key: K;
  listeners: Set<FeedListener<V>>;
  digest?: string;
  /** A recomputation is owed (the stamp moved while it was held back). */
  pending: boolean;
  /** When it was last computed and how long that took (ms). */
  at: number;
  cost: number;
}

/** A view is recomputed at most once per this many times its last computation's duration, so heavy figures under constant writes cannot keep the database busy. */
export const COST_FACTOR = 4;

export class CommandFeed<K, V> {
  private readonly views = new Map<string, View<K, V>>();
  private timer: NodeJS.Timeout | null = null;
  private lastStamp: string | null = null;
  private lastFull = 0;
  private busy: Promise<void> | null = null;
  private readonly pollMs: number;
  private readonly refreshMs: number;

  constructor(private readonly opts: FeedOptions<K, V>) {
    this.pollMs = opts.pollMs ?? 2000;
    this.refreshMs = opts.refreshMs ?? 30_000;
  }

  /** Number of listeners across all views (for tests and metrics). */
  get listeners(): number {
    let n = 0;
    for (const v of this.views.values()) n += v.listeners.size;
    return n;
  }

  get polling(): boolean {
    return this.timer !== null;
  }

  /**
   * Adds a listener to a view. `initial` is what the caller already sent the
   * client, so an unchanged recomputation is not pushed again. Returns the
   * function that removes the listener.
   */
  subscribe(key: K, listener: FeedListener<V>, initial?: V): () => void {
    const id = this.opts.keyOf(key);
    let view = this.views.get(id);
    if (!view) {
      view = { key, listeners: new Set(), digest: initial === undefined ? undefined : overviewDigest(initial), pending: false, at: 0, cost: 0 };
      this.views.set(id, view);
    }
    view.listeners.add(listener);
    this.start();
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      const v = this.views.get(id);
      if (!v) return;
      v.listeners.delete(listener);
      if (v.listeners.size === 0) this.views.delete(id);
      if (this.views.size === 0) this.stop();
    };
  }

  private start(): void {
    if (this.timer) return;
    this.lastFull = Date.now();
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    this.timer.unref?.();
  }

  /** Stops polling (listeners stay registered; a later subscribe starts it again). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.lastStamp = null;
  }

  /** One poll: read the stamp; recompute and push the views when it moved. Overlapping calls share one run. */
  tick(force = false): Promise<void> {
    if (this.busy) return this.busy;
    this.busy = this.run(force).finally(() => {
      this.busy = null;
    });
    return this.busy;
  }

  private async run(force: boolean): Promise<void> {
    if (this.views.size === 0) return;
    try {
      const stamp = await this.opts.stamp();
      const due = Date.now() - this.lastFull >= this.refreshMs;
      const first = this.lastStamp === null;
      const moved = !first && stamp !== this.lastStamp;
      this.lastStamp = stamp;
      // the first poll also recomputes: a change between a client's initial figures and this stamp is not lost
      if (force || moved || due || first) for (const v of this.views.values()) v.pending = true;
      if (due || force) this.lastFull = Date.now();
      for (const view of [...this.views.values()]) {
        if (!view.pending || view.listeners.size === 0) continue;
        if (!force && Date.now() - view.at < COST_FACTOR * view.cost) continue; // held back; stays pending
        const started = Date.now();
        const value = await this.opts.compute(view.key);
        view.at = Date.now();
        view.cost = view.at - started;
        view.pending = false;
        const digest = overviewDigest(value);
        if (digest === view.digest) continue;
        view.digest = digest;
        for (const l of [...view.listeners]) {
          try {
            l(value);
          } catch (e) {
            this.opts.onError?.(e);
          }
        }
      }
    } catch (e) {
      this.opts.onError?.(e);
    }
  }
}

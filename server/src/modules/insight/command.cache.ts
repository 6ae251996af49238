/**
 * The last figures of each view, valid while the change stamp has not moved
 * (and for at most `maxAgeMs`: overdue counts move with the clock). Requests
 * for the same view at the same time share one computation. Reading the
 * stamp costs one index lookup; computing the figures scans the period's
 * cases, so a wall of screens and reloads costs one computation per change.
 */
export class StampedCache<V> {
  private readonly entries = new Map<string, { stamp: string; at: number; value: V }>();
  private readonly inflight = new Map<string, { stamp: string; promise: Promise<V> }>();

  constructor(
    private readonly maxAgeMs: number,
    private readonly maxEntries = 200,
  ) {}

  async get(key: string, stamp: string, compute: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp && Date.now() - hit.at < this.maxAgeMs) return hit.value;
    const running = this.inflight.get(key);
    if (running && running.stamp === stamp) return running.promise;
    const promise = compute().then(
      (value) => {
        this.set(key, stamp, value);
        return value;
      },
      (e: unknown) => {
        throw e;
      },
    );
    const entry = { stamp, promise };
    this.inflight.set(key, entry);
    try {
      return await promise;
    } finally {
      if (this.inflight.get(key) === entry) this.inflight.delete(key);
    }
  }

  set(key: string, stamp: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { stamp, at: Date.now(), value });
    // drop the oldest views beyond the bound (a Map iterates in insertion order)
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}

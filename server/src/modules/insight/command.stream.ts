/**
 * GET /api/command/stream: server-sent events for the command screen. Each
 * client gets `retry:`, the current figures as an `overview` event, then a
 * new `overview` whenever its view's figures change (one shared poller per
 * process, see command.feed.ts) and a heartbeat comment every 15 s. A
 * stream ends after STREAM_MAX_MS so the browser reconnects and its session
 * is checked again; all streams end when the server closes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/access/index.ts';
import type { Db } from '../../platform/db/index.ts';
import { CommandErrors } from './command.errors.ts';
import { CommandFeed } from './command.feed.ts';
import { StampedCache } from './command.cache.ts';
import { auditHead, caseChangesSince } from './command.repository.ts';
import { sseComment, sseEvent, sseRetry } from './command.rules.ts';
import type { CommandService, CommandView, Overview } from './command.service.ts';

export interface StreamSettings {
  pollMs: number;
  refreshMs: number;
  heartbeatMs: number;
  retryMs: number;
  maxAgeMs: number;
  maxStreams: number;
  maxPerActor: number;
}

export const STREAM_DEFAULTS: StreamSettings = {
  pollMs: 2000,
  refreshMs: 30_000,
  heartbeatMs: 15_000,
  retryMs: 3000,
  maxAgeMs: 10 * 60_000,
  maxStreams: 1000,
  maxPerActor: 20,
};

/**
 * The change stamp: case-related audit entries above a base id (count and
 * highest id). Every case change writes an audit entry in its transaction,
 * in any process, so the pair moves within one poll. The base follows the
 * log's head every `refreshMs` (the feed recomputes then anyway, which also
 * covers entries committed late with ids below the base).
 */
export function auditStamp(db: Db, refreshMs: number): () => Promise<string> {
  let base = -1;
  let baseAt = 0;
  return async () => {
    if (base < 0 || Date.now() - baseAt >= refreshMs) {
      base = await auditHead(db);
      baseAt = Date.now();
    }
    const { n, max } = await caseChangesSince(db, base);
    return `${base}:${n}:${max}`;
  };
}

interface OpenStream {
  actorId: number;
  end(): void;
}

const keyOf = (v: CommandView) => `${v.region}|${v.from}|${v.to}`;

export class CommandStreams {
  readonly feed: CommandFeed<CommandView, Overview>;
  private readonly stamp: () => Promise<string>;
  private readonly cache: StampedCache<Overview>;
  private readonly open = new Set<OpenStream>();
  readonly settings: StreamSettings;

  constructor(
    private readonly service: CommandService,
    db: Db,
    settings: Partial<StreamSettings> = {},
    onError: (e: unknown) => void = () => {},
  ) {
    this.settings = { ...STREAM_DEFAULTS, ...settings };
    this.stamp = auditStamp(db, this.settings.refreshMs);
    this.cache = new StampedCache<Overview>(this.settings.refreshMs);
    this.feed = new CommandFeed<CommandView, Overview>({
      stamp: this.stamp,
      compute: (v) => this.overview(v),
      keyOf,
      pollMs: this.settings.pollMs,
      refreshMs: this.settings.refreshMs,
      onError,
    });
  }

  get size(): number {
    return this.open.size;
  }

  /** A view's figures: the cached ones while the change stamp has not moved, else computed once for all who ask. */
  async overview(view: CommandView): Promise<Overview> {
    const stamp = await this.stamp();
    return this.cache.get(keyOf(view), stamp, () => this.service.overviewOf(view));
  }

  /** Checks the caller and the limits, sends the headers and the first figures, and keeps the stream open. */
  async attach(actor: Actor, view: CommandView, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    if (this.open.size >= this.settings.maxStreams) throw CommandErrors.TOO_MANY_STREAMS();
    if ([...this.open].filter((s) => s.actorId === actor.id).length >= this.settings.maxPerActor) throw CommandErrors.TOO_MANY_STREAMS();
    const initial = await this.overview(view);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(req.id),
    });
    let seq = 1;
    res.write(sseRetry(this.settings.retryMs));
    res.write(sseEvent('overview', initial, seq));
    let ended = false;
    const stream: OpenStream = { actorId: actor.id, end: () => finish(true) };
    const unsubscribe = this.feed.subscribe(view, (o) => !ended && res.write(sseEvent('overview', o, ++seq)), initial);
    const heartbeat = setInterval(() => !ended && res.write(sseComment(`heartbeat ${new Date().toISOString()}`)), this.settings.heartbeatMs);
    const maxAge = setTimeout(() => finish(true), this.settings.maxAgeMs);
    heartbeat.unref?.();
    maxAge.unref?.();
    const finish = (endResponse: boolean) => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      clearTimeout(maxAge);
      unsubscribe();
      this.open.delete(stream);
      if (endResponse && !res.writableEnded) res.end();
    };
    this.open.add(stream);
    req.raw.on('close', () => finish(false));
    res.on('close', () => finish(false));
    res.on('error', () => finish(false));
    return reply;
  }

  /** Ends every stream (server shutdown) and stops the poller. */
  closeAll(): void {
    for (const s of [...this.open]) s.end();
    this.feed.stop();
  }
}

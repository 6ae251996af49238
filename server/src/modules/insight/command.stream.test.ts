import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { commandStreamsOf } from './index.ts';
import { closeCase, dispatchCase, HS, IN_HS, JY, reportCase, seedCommandFixture, type CommandFixture } from './command.test-fixtures.ts';

interface SseEvent {
  event?: string;
  id?: string;
  data?: string;
  retry?: string;
  comment?: string;
}

/** Reads server-sent events from a streaming fetch body. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queue: SseEvent[] = [];
  const pump = async () => {
    const { value, done } = await reader.read();
    if (done) throw new Error('stream ended');
    buffer += decoder.decode(value, { stream: true });
    let i;
    while ((i = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      const ev: SseEvent = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) ev.comment = line.slice(1).trim();
        else {
          const at = line.indexOf(':');
          const k = line.slice(0, at) as keyof SseEvent;
          ev[k] = line.slice(at + 1).trimStart();
        }
      }
      queue.push(ev);
    }
  };
  return {
    /** The next event matching `pred`, within `ms`. */
    async next(pred: (e: SseEvent) => boolean, ms: number): Promise<SseEvent> {
      const deadline = Date.now() + ms;
      for (;;) {
        const k = queue.findIndex(pred);
        if (k >= 0) return queue.splice(k, 1)[0];
        if (Date.now() > deadline) throw new Error('no matching event in time');
        await Promise.race([pump(), new Promise((r) => setTimeout(r, Math.max(1, deadline - Date.now())))]);
      }
    },
    cancel: () => reader.cancel().catch(() => {}),
  };
}

const waitFor = async (cond: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describeEachBackend('command screen live stream (SSE)', (backend) => {
  let t: TestApp;
  let f: CommandFixture;
  let base = '';
  const h: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    t = await testApp(backend);
    f = await seedCommandFixture(t.ctx);
    await createTestAccount(t, { username: 'dispatcher', grants: [{ role: 'dispatcher', regionCode: JY, orgId: null }] });
    await createTestAccount(t, { username: 'leader', grants: [{ role: 'leader', regionCode: JY, orgId: null }] });
    await createTestAccount(t, { username: 'handler', grants: [{ role: 'handler', regionCode: HS, orgId: f.orgs.hsEnf }] });
    for (const u of ['dispatcher', 'leader', 'handler']) h[u] = await signIn(t.app, u);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  }, 180_000);
  afterAll(() => t?.close());

  it('sends retry and the figures at once, then a new overview after a case changes, to every client of one shared poller', async () => {
    const id = await reportCase(t.ctx, IN_HS);
    await dispatchCase(t.ctx, id, f.orgs.hsEnf);
    const streams = commandStreamsOf(t.ctx);
    expect(streams).toBeDefined();

    const ctrlA = new AbortController();
    const ctrlB = new AbortController();
    const resA = await fetch(`${base}/api/command/stream`, { headers: { cookie: h.dispatcher.cookie }, signal: ctrlA.signal });
    const resB = await fetch(`${base}/api/command/stream`, { headers: { cookie: h.leader.cookie }, signal: ctrlB.signal });
    expect(resA.status).toBe(200);
    expect(resA.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(resA.headers.get('cache-control')).toContain('no-cache');
    const a = sseReader(resA.body as ReadableStream<Uint8Array>);
    const b = sseReader(resB.body as ReadableStream<Uint8Array>);
    expect((await a.next((e) => e.retry !== undefined, 5000)).retry).toBe('3000');
    const first = JSON.parse((await a.next((e) => e.event === 'overview', 5000)).data as string);
    expect(first.totals).toMatchObject({ received: 1, closed: 0, open: 1 });
    await b.next((e) => e.event === 'overview', 5000);
    // both clients (same view) share one poller
    expect(streams!.size).toBe(2);
    expect(streams!.feed.polling).toBe(true);

    // the case closes (another request, as from another process: only the database is shared)
    await closeCase(t.ctx, id);
    const nextA = await a.next((e) => e.event === 'overview', 10_000);
    const updated = JSON.parse(nextA.data as string);
    expect(updated.totals).toMatchObject({ received: 1, closed: 1, open: 0 });
    expect(Number(nextA.id)).toBeGreaterThan(1);
    const nextB = JSON.parse((await b.next((e) => e.event === 'overview', 10_000)).data as string);
    expect(nextB.totals.closed).toBe(1);

    // a new case: pushed again
    await reportCase(t.ctx, IN_HS, { description: '又一处垃圾' });
    const third = JSON.parse((await a.next((e) => e.event === 'overview', 10_000)).data as string);
    expect(third.totals).toMatchObject({ received: 2, open: 1 });

    // disconnecting removes the listeners; the poller stops with the last one
    ctrlA.abort();
    await a.cancel();
    await waitFor(() => streams!.size === 1, 5000);
    expect(streams!.feed.polling).toBe(true);
    ctrlB.abort();
    await b.cancel();
    await waitFor(() => streams!.size === 0, 5000);
    expect(streams!.feed.polling).toBe(false);
    expect(streams!.feed.listeners).toBe(0);
  }, 60_000);

  it('refuses like the other routes: 401 without a session, 403 without the permission, 400/404 for the region', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/command/stream' });
    expect(anon.statusCode).toBe(401);
    const handler = await t.app.inject({ method: 'GET', url: '/api/command/stream', headers: h.handler });
    expect(handler.statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'GET', url: '/api/command/stream?region=12', headers: h.dispatcher });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors[0].field).toBe('region');
    const outside = await t.app.inject({ method: 'GET', url: '/api/command/stream?region=320282', headers: h.dispatcher });
    expect(outside.statusCode).toBe(404);
    expect(commandStreamsOf(t.ctx)!.size).toBe(0);
  });

  it('closing the server ends open streams instead of hanging', async () => {
    const res = await fetch(`${base}/api/command/stream`, { headers: { cookie: h.dispatcher.cookie } });
    const r = sseReader(res.body as ReadableStream<Uint8Array>);
    await r.next((e) => e.event === 'overview', 5000);
    expect(commandStreamsOf(t.ctx)!.size).toBe(1);
    commandStreamsOf(t.ctx)!.closeAll();
    await expect(r.next(() => false, 5000)).rejects.toThrow(/stream ended/);
    expect(commandStreamsOf(t.ctx)!.size).toBe(0);
  });
});

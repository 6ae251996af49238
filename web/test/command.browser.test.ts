import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, DEMO_PASSWORD, launchBrowser, openSession, screenshot, signIn } from './browser.ts';

/** A demo account's API session (cookie + CSRF), for changing cases from the test while the screen watches. */
async function apiSession(username: string) {
  const res = await fetch(`${baseURL()}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string; roles: { role: string; orgId: number | null }[] };
  const headers = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' };
  const call = async <T>(method: string, path: string, payload?: unknown): Promise<T> => {
    const r = await fetch(`${baseURL()}${path}`, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
    const text = await r.text();
    if (r.status >= 300) throw new Error(`${method} ${path} as ${username}: ${r.status} ${text}`);
    return JSON.parse(text) as T;
  };
  return { call, roles: body.roles };
}

type CaseBody = { id: number; version: number; state: string };

const figure = (page: Page, key: string) => page.getByTestId(`figure-${key}-value`);
const count = async (page: Page, key: string) => Number((await figure(page, key).textContent())?.trim());

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('command screen (指挥屏)', () => {
  it('the dispatcher sees the grid map and the figures, and the counts change without a reload when a case is reported and closed', async () => {
    const { context, page, problems } = await openSession(browser, { width: 1920, height: 1080 });
    try {
      await signIn(page, 'dispatcher');
      await page.waitForURL((u) => u.pathname === '/command');
      await page.getByTestId('command-wall').waitFor();
      // the map is drawn from the grids' GeoJSON (no tiles): a canvas inside the map panel
      await page.getByTestId('grid-map').locator('canvas').first().waitFor();
      await expect.poll(() => page.getByTestId('live-badge').getAttribute('data-status'), { timeout: 15_000 }).toBe('live');
      await expect(page.getByTestId('ranking-towns')).toBeDefined();
      const received = await count(page, 'received');
      const closed = await count(page, 'closed');
      expect(Number.isFinite(received) && Number.isFinite(closed)).toBe(true);
      await screenshot(page, 'command-wall-1920');
      // a marker on the window: a reload would lose it
      await page.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 42));

      // the grid worker reports exposed rubbish in 华士镇
      const grid = await apiSession('grid');
      const dispatcher = await apiSession('dispatcher');
      const handler = await apiSession('handler');
      let c = await grid.call<CaseBody>('POST', '/api/cases/reports/grid', { categoryCode: 'E0101', description: '浏览器测试：路边暴露垃圾', lng: 120.52, lat: 31.82 });
      await expect.poll(() => count(page, 'received'), { timeout: 15_000 }).toBe(received + 1);

      // … it is filed, dispatched to the town's enforcement team, handled and verified: closed
      const act = async (who: typeof grid, action: string, body: Record<string, unknown> = {}) =>
        (c = await who.call<CaseBody>('POST', `/api/cases/${c.id}/actions/${action}`, { version: c.version, ...body }));
      await act(dispatcher, 'file');
      await act(dispatcher, 'dispatch', { orgId: handler.roles[0].orgId });
      await act(handler, 'sign');
      await act(handler, 'feedback', { result: '已清运完毕' });
      await act(grid, 'verify', { passed: true });
      expect(c.state).toBe('closed');
      await expect.poll(() => count(page, 'closed'), { timeout: 15_000 }).toBe(closed + 1);
      expect(await page.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(42);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('drills down from the county to a town, a grid’s cases and one case’s trace; fits a laptop screen', async () => {
    const { context, page, problems } = await openSession(browser, { width: 1366, height: 768 });
    try {
      // an open case in 华士镇 to drill down to
      const grid = await apiSession('grid');
      const c = await grid.call<CaseBody>('POST', '/api/cases/reports/grid', { categoryCode: 'E0101', description: '浏览器测试：下钻用案件', lng: 120.52, lat: 31.82 });
      await signIn(page, 'dispatcher');
      await page.getByTestId('command-wall').waitFor();
      await page.getByTestId('grid-map').locator('canvas').first().waitFor();
      // county → 华士镇 (through its ranking row, the same drill as clicking it on the map)
      await page.getByTestId('ranking-towns').locator('tbody tr').filter({ hasText: '华士镇' }).first().click();
      await expect.poll(() => page.getByTestId('map-crumbs').textContent()).toContain('华士镇');
      await page.getByTestId(`case-${c.id}`).click();
      await page.getByTestId('case-trace').waitFor();
      await expect.poll(() => page.getByTestId('case-trace').textContent()).toContain('浏览器测试：下钻用案件');
      await screenshot(page, 'command-trace-1366');
      expect(await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the leader opens the leader’s view from the workbench: overdue cases and the rankings, live', async () => {
    const { context, page, problems } = await openSession(browser, { width: 1920, height: 1080 });
    try {
      await signIn(page, 'leader');
      // from the leader's workbench, through its entry card
      await page.waitForURL((u) => u.pathname === '/workbench');
      await page.getByTestId('entry-leader').click();
      await page.waitForURL((u) => u.pathname === '/command/leader');
      await page.getByTestId('leader-view').waitFor();
      await page.getByTestId('overdue-list').waitFor();
      await page.getByTestId('ranking-towns').waitFor();
      await expect.poll(() => page.getByTestId('live-badge').getAttribute('data-status'), { timeout: 15_000 }).toBe('live');
      await screenshot(page, 'command-leader');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { horizontalOverflow, launchBrowser, openSession, screenshot, settle, signIn, type Session } from './browser.ts';

/**
 * 一网统管 in the browser: a grid worker reports exposed rubbish on a phone,
 * the dispatcher files and dispatches it to the town unit the duty list
 * names, the handler feeds back with a photo, the grid worker verifies on
 * site and the case closes on time; and a 12345 complaint that the first
 * unit returns, the dispatcher sends to another, is answered, called back as
 * unsatisfied, redone and closed.
 */

let browser: Browser;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const s of Object.values(sessions)) await s.context.close();
  await browser?.close();
});

/** One signed-in browser per demo account for the whole file (sign-ins are throttled per address). */
async function as(username: string, opts: { mobile?: boolean } = {}): Promise<Page> {
  if (!sessions[username]) {
    const s = await openSession(browser, opts.mobile ? { mobile: true, width: 390, height: 844 } : {});
    await signIn(s.page, username);
    await s.page.waitForURL((u) => u.pathname !== '/login');
    // the landing page (for a dispatcher, the command screen) is another module's; this file checks its own pages
    await s.page.goto(username === 'person' ? '/my' : '/workbench');
    await settle(s.page);
    s.problems.length = 0;
    sessions[username] = s;
  }
  return sessions[username].page;
}

// ── a real PNG (the server sniffs the content) ──────────────────────────────
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A 64×48 RGB picture in one colour. */
function png(r: number, g: number, b: number): Buffer {
  const w = 64;
  const h = 48;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rows.set([r, g, b], y * (w * 3 + 1) + 1 + x * 3);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// ── helpers over the pages' test ids ───────────────────────────────────────
const textArea = (page: Page, id: string) => page.locator(`textarea[data-testid="${id}"], [data-testid="${id}"] textarea`).first();
const inputOf = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function upload(page: Page, id: string, name: string, data: Buffer, expected = 1) {
  const box = page.getByTestId(id);
  await box.locator('input[type=file]').setInputFiles({ name, mimeType: 'image/png', buffer: data });
  await expect.poll(() => box.getAttribute('data-count'), { timeout: 15_000 }).toBe(String(expected));
}

/** Chooses an option of an antd Select after typing into its search. */
async function choose(page: Page, select: Locator, search: string, option: string | RegExp) {
  await select.click();
  await page.keyboard.type(search);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
  await item.waitFor();
  await item.click();
}

/** Opens the action's form on the case shown, fills it and waits for the case's new state. */
async function act(page: Page, action: string, fill: (page: Page) => Promise<void>, expectState: string) {
  const view = page.getByTestId('case-view');
  await view.getByTestId(`act-${action}`).click();
  await page.getByTestId('action-form').waitFor();
  await fill(page);
  await page.getByTestId('action-submit').click();
  await expect
    .poll(
      async () => {
        const error = page.getByTestId('action-error');
        if (await error.isVisible()) return `error: ${await error.textContent()}`;
        return page.getByTestId('case-view').getAttribute('data-state');
      },
      { timeout: 15_000 },
    )
    .toBe(expectState);
  await page.getByTestId('action-form').waitFor({ state: 'detached' });
}
const none = async () => undefined;

/** Opens a case from a list by its number (the drawer or the detail page). */
async function openRow(page: Page, list: string, caseNo: string) {
  const row = page.getByTestId(list).locator(`[data-testid="case-row"][data-case-no="${caseNo}"]`);
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  await page.locator(`[data-testid="case-view"]`).waitFor();
  await expect.poll(() => page.getByTestId('case-no').first().textContent()).toContain(caseNo);
}

async function closeDrawer(page: Page) {
  await page.locator('.ant-drawer-close').click();
  await page.getByTestId('case-view').waitFor({ state: 'detached' });
}

describe('一网统管 event loop (grid worker on a phone)', () => {
  it('暴露垃圾 reported on a phone → routed to the town by location and duty list → dispatched → feedback with photo → verified → closed on time', async () => {
    // the command screen is open on the dispatcher's second screen: its counts must move without a reload
    await as('dispatcher');
    const wall = await sessions.dispatcher.context.newPage();
    await wall.goto('/command');
    await wall.getByTestId('command-wall').waitFor();
    await expect.poll(() => wall.getByTestId('live-badge').getAttribute('data-status'), { timeout: 15_000 }).toBe('live');
    const figure = async (key: string) => Number((await wall.getByTestId(`figure-${key}-value`).textContent())?.trim());
    const received = await figure('received');
    const closed = await figure('closed');
    expect(Number.isFinite(received) && Number.isFinite(closed)).toBe(true);
    await wall.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 42));

    // the grid worker reports on a 390×844 phone
    const grid = await as('grid', { mobile: true });
    await grid.goto('/workbench/cases/report');
    await grid.getByTestId('report-form').waitFor();
    await choose(grid, grid.getByTestId('report-category'), '暴露垃圾', '暴露垃圾');
    await textArea(grid, 'report-description').fill('华士镇龙河路口绿化带旁暴露垃圾约 3 平方米，有异味');
    await upload(grid, 'report-photos', 'rubbish.png', png(120, 90, 40));
    const map = grid.getByTestId('report-location-map');
    await map.locator('canvas').first().waitFor();
    await settle(grid);
    const box = (await map.boundingBox())!;
    await grid.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => grid.getByTestId('report-location-grid').textContent(), { timeout: 15_000 }).toMatch(/华士镇.*网格/);
    expect(await inputOf(grid, 'report-location-lng').inputValue()).toMatch(/^120\.\d+/);
    await inputOf(grid, 'report-address').fill('龙河路与华西路交叉口东北角');
    expect(await horizontalOverflow(grid)).toBeLessThanOrEqual(0);
    await screenshot(grid, 'cases-grid-report-form');
    await grid.getByTestId('report-submit').click();
    const no = grid.getByTestId('report-case-no');
    await no.waitFor({ timeout: 15_000 });
    const caseNo = (await no.textContent())!.trim();
    const caseId = await no.getAttribute('data-case-id');
    expect(caseNo).toMatch(/^320281-\d{8}-\d{6}$/);
    // routed by location (grid → 华士镇) and the territorial duty list
    await expect.poll(() => grid.getByTestId('routing-lead').textContent()).toContain('华士镇');
    expect(await grid.getByTestId('routing-reason').textContent()).toContain('暴露垃圾');
    expect(await horizontalOverflow(grid)).toBeLessThanOrEqual(0);
    await screenshot(grid, 'cases-grid-reported');
    await expect.poll(() => figure('received'), { timeout: 15_000 }).toBe(received + 1);

    // the dispatcher files it and dispatches it to the town's enforcement bureau
    const disp = await as('dispatcher');
    await disp.goto('/workbench/cases/dispatch');
    await disp.getByTestId('dispatch-tab-reported').click();
    await openRow(disp, 'dispatch-cases', caseNo);
    expect(await disp.getByTestId('case-view').getByTestId('routing-reason').textContent()).toContain('属地管理事项清单');
    await screenshot(disp, 'cases-dispatch-queue');
    await act(disp, 'file', none, 'filed');
    await act(
      disp,
      'dispatch',
      async (p) => {
        await choose(p, p.getByTestId('action-org'), '执法局', '江阴市华士镇综合行政执法局');
        await textArea(p, 'action-note').fill('请华士镇执法局清运');
      },
      'dispatched',
    );
    expect(await disp.getByTestId('case-lead').textContent()).toBe('江阴市华士镇综合行政执法局');
    expect(await disp.getByTestId('case-due').textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await closeDrawer(disp);

    // the handler signs and feeds back with a photo
    // the handler is told in the platform inbox and opens the case from the notice
    const handler = await as('handler');
    await handler.goto('/workbench/cases/handle');
    await handler.getByTestId('handle-cases').locator(`[data-case-no="${caseNo}"]`).waitFor();
    await handler.getByTestId('case-notice').filter({ hasText: caseNo }).click();
    await handler.getByTestId('case-view').waitFor();
    await expect.poll(() => handler.getByTestId('case-no').first().textContent()).toContain(caseNo);
    await act(handler, 'sign', none, 'signed');
    await act(
      handler,
      'feedback',
      async (p) => {
        await textArea(p, 'action-result').fill('已组织环卫清运，现场清理完毕');
        await upload(p, 'action-photos', 'cleaned.png', png(60, 160, 80));
      },
      'handled',
    );
    await screenshot(handler, 'cases-handler-feedback');
    await closeDrawer(handler);

    // the grid worker verifies on site and the case closes on time
    await grid.goto('/workbench/cases/grid');
    await grid.getByTestId('grid-cases').locator(`[data-case-no="${caseNo}"]`).waitFor();
    await settle(grid);
    expect(await horizontalOverflow(grid)).toBeLessThanOrEqual(0);
    await screenshot(grid, 'cases-grid-verify-list');
    await openRow(grid, 'grid-cases', caseNo);
    expect(grid.url()).toContain(`/workbench/cases/${caseId}`);
    await act(
      grid,
      'verify',
      async (p) => {
        await p.getByTestId('action-passed-yes').click();
        await upload(p, 'action-photos', 'checked.png', png(200, 200, 200));
        await textArea(p, 'action-note').fill('现场已清理干净');
      },
      'closed',
    );
    expect(await grid.getByTestId('case-on-time').textContent()).toBe('按期结案');
    for (const step of ['report', 'file', 'dispatch', 'sign', 'feedback', 'verify']) await grid.getByTestId(`trace-${step}`).waitFor();
    for (const stage of ['report', 'feedback', 'verify']) await grid.getByTestId(`photos-${stage}`).locator('img').first().waitFor();
    await settle(grid);
    expect(await horizontalOverflow(grid)).toBeLessThanOrEqual(0);
    await screenshot(grid, 'cases-grid-closed');
    // … and the command screen counted it closed, live
    await expect.poll(() => figure('closed'), { timeout: 15_000 }).toBe(closed + 1);
    expect(await wall.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(42);
    await screenshot(wall, 'cases-command-after-close');
    await wall.close();

    expect(sessions.grid.problems).toEqual([]);
    expect(sessions.dispatcher.problems).toEqual([]);
    expect(sessions.handler.problems).toEqual([]);
  }, 300_000);
});

describe('12345 loop', () => {
  it('a hotline complaint is returned by the first unit, sent to another, answered, called back unsatisfied, redone and closed', async () => {
    const phone = `137${String(Date.now()).slice(-8)}`;
    const disp = await as('dispatcher');
    await disp.goto('/workbench/cases/hotline');
    await disp.getByTestId('hotline-form').waitFor();
    await inputOf(disp, 'hotline-phone').fill(phone);
    await inputOf(disp, 'hotline-name').fill('李女士');
    await disp.getByTestId('hotline-kind').getByText('投诉').click();
    await expect.poll(() => disp.getByTestId('hotline-script').textContent()).toContain('13 个工作日');
    await choose(disp, disp.getByTestId('hotline-category'), '占道经营', '占道经营');
    await textArea(disp, 'hotline-description').fill('华士镇菜场门口每天早上有流动摊贩占道经营，堵塞交通');
    await choose(disp, disp.getByTestId('hotline-town'), '华士', '华士镇');
    await disp.getByTestId('hotline-submit').click();
    const no = disp.getByTestId('hotline-case-no');
    await no.waitFor({ timeout: 15_000 });
    const caseNo = (await no.textContent())!.trim();
    const caseId = (await no.getAttribute('data-case-id'))!;
    expect(await disp.getByTestId('routing-lead').textContent()).toBe('江阴市华士镇人民政府');
    // the caller's earlier requests, looked up by the phone number
    await disp.getByTestId('hotline-lookup').click();
    await disp.locator(`[data-testid="hotline-history-item"][data-case-no="${caseNo}"]`).waitFor({ timeout: 15_000 });
    await screenshot(disp, 'cases-hotline-intake');

    // filed and dispatched first to the market regulator (a supporting unit of the duty list)
    await disp.getByTestId('hotline-open').click();
    await disp.getByTestId('case-view').waitFor();
    await act(disp, 'file', none, 'filed');
    await act(disp, 'dispatch', (p) => choose(p, p.getByTestId('action-org'), '市场', '江阴市市场监督管理局'), 'dispatched');
    expect(await disp.getByTestId('case-lead').textContent()).toBe('江阴市市场监督管理局');
    await closeDrawer(disp);

    // the first unit returns it (the demo has no account of that unit; the administrator acts for it)
    const admin = await as('admin');
    await admin.goto(`/workbench/cases/${caseId}`);
    await admin.getByTestId('case-view').waitFor();
    await act(admin, 'return', (p) => textArea(p, 'action-reason').fill('占道经营由属地镇街牵头处置，不属于本局职责'), 'returned');

    // the dispatcher sends it to the town's enforcement bureau
    await disp.goto('/workbench/cases/dispatch');
    await disp.getByTestId('dispatch-tab-returned').click();
    await openRow(disp, 'dispatch-cases', caseNo);
    await disp.getByTestId('trace-return').waitFor();
    await act(
      disp,
      'dispatch',
      async (p) => {
        await choose(p, p.getByTestId('action-org'), '执法局', '江阴市华士镇综合行政执法局');
        await textArea(p, 'action-note').fill('改派华士镇综合行政执法局');
      },
      'dispatched',
    );
    await closeDrawer(disp);

    const handler = await as('handler');
    const handle = async (result: string) => {
      await handler.goto('/workbench/cases/handle');
      await openRow(handler, 'handle-cases', caseNo);
      if ((await handler.getByTestId('case-view').getAttribute('data-state')) === 'dispatched') await act(handler, 'sign', none, 'signed');
      await act(handler, 'feedback', (p) => textArea(p, 'action-result').fill(result), 'handled');
      await closeDrawer(handler);
    };
    const review = async () => {
      await disp.goto('/workbench/cases/dispatch');
      await disp.getByTestId('dispatch-tab-review').click();
      await openRow(disp, 'dispatch-cases', caseNo);
      await act(disp, 'review', (p) => p.getByTestId('action-approved-yes').click(), 'reviewed');
      await closeDrawer(disp);
    };
    const callBack = async (satisfied: boolean, state: string) => {
      await disp.goto('/workbench/cases/hotline');
      await disp.getByTestId('hotline-tab-callback').click();
      await openRow(disp, 'hotline-callbacks', caseNo);
      await disp.getByTestId('reveal-phone').click();
      await expect.poll(() => disp.getByTestId('case-view').textContent()).toContain(phone);
      await act(
        disp,
        'callback',
        async (p) => {
          await p.getByTestId(satisfied ? 'action-satisfied' : 'action-unsatisfied').click();
          await textArea(p, 'action-note').fill(satisfied ? '来电人表示摊贩已清理，满意' : '来电人表示摊贩仍在，不满意');
        },
        state,
      );
    };

    await handle('已劝离流动摊贩，引导至疏导点经营');
    await review();
    await callBack(false, 'signed');
    await screenshot(disp, 'cases-hotline-unsatisfied');
    await closeDrawer(disp);

    await handle('已安排早市时段专人值守，摊贩全部进入疏导点');
    await review();
    await callBack(true, 'closed');
    expect(await disp.getByTestId('case-on-time').textContent()).toBe('按期结案');
    const trace = disp.getByTestId('case-trace');
    for (const step of ['report', 'file', 'dispatch', 'return', 'sign', 'feedback', 'review', 'callback']) await trace.getByTestId(`trace-${step}`).first().waitFor();
    expect(await trace.getByTestId('trace-callback').count()).toBe(2);
    expect(await trace.getByTestId('trace-dispatch').count()).toBe(2);
    expect(await disp.getByTestId('case-view').textContent()).toContain('1 / 0 / 0');
    await settle(disp);
    await screenshot(disp, 'cases-hotline-closed');

    expect(sessions.dispatcher.problems).toEqual([]);
    expect(sessions.handler.problems).toEqual([]);
    expect(sessions.admin.problems).toEqual([]);
  }, 300_000);
});

describe('我要反映 (public report page)', () => {
  const report = async (page: Page, contact?: { name: string; phone: string }) => {
    await page.goto('/report');
    await page.getByTestId('public-form').waitFor();
    await choose(page, page.getByTestId('public-category'), '井盖', '井盖缺失');
    await textArea(page, 'public-description').fill('人行道上雨水井盖缺失，夜间容易踩空');
    await upload(page, 'public-photos', 'manhole.png', png(90, 90, 110));
    const map = page.getByTestId('public-location-map');
    await map.locator('canvas').first().waitFor();
    await settle(page);
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('public-location-grid').textContent()).toMatch(/镇|街道|开发区/);
    if (contact) {
      await page.getByTestId('public-anonymous').click();
      await inputOf(page, 'public-name').fill(contact.name);
      await inputOf(page, 'public-phone').fill(contact.phone);
    }
    const [res] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/cases/reports/public')), page.getByTestId('public-submit').click()]);
    expect(res.status()).toBe(201);
    const body = await res.text();
    await page.getByTestId('public-case-no').waitFor();
    const caseNo = (await page.getByTestId('public-case-no').textContent())!.trim();
    expect(caseNo).toMatch(/^320281-\d{8}-\d{6}$/);
    expect(await page.getByTestId('public-state').textContent()).toBe('已上报');
    return { caseNo, body };
  };

  it('anyone reports from a phone without signing in; the answer echoes no personal data', async () => {
    const { context, page, problems } = await openSession(browser, { mobile: true, width: 390, height: 844 });
    try {
      const { body } = await report(page, { name: '王先生', phone: '13900002222' });
      expect(body).not.toContain('13900002222');
      expect(body).not.toContain('王先生');
      expect(await page.locator('body').textContent()).not.toContain('13900002222');
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'cases-public-report-done');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a signed-in citizen reports and finds it under 我的反映', async () => {
    const page = await as('person');
    const { caseNo } = await report(page);
    await page.getByTestId('public-mine').click();
    await page.locator(`[data-testid="my-report"][data-case-no="${caseNo}"]`).waitFor();
    await screenshot(page, 'cases-my-reports');
    expect(sessions.person.problems).toEqual([]);
  });
});

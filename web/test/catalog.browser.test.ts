import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, horizontalOverflow, launchBrowser, openSession, screenshot, settle, type Session } from './browser.ts';
import { ApiClient, ensureCatalogFixtures, type CatalogFixtures } from './catalog.fixtures.ts';

let browser: Browser;
let fx: CatalogFixtures;
beforeAll(async () => {
  browser = await launchBrowser();
  fx = await ensureCatalogFixtures(baseURL());
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A browser session signed in as the API client's account: the session cookie is
 * shared instead of signing in again (sign-ins are throttled per IP across all test files).
 */
async function openAs(client: ApiClient): Promise<Session> {
  const session = await openSession(browser);
  await session.context.addCookies([{ ...client.session(), url: baseURL(), httpOnly: true, sameSite: 'Lax' }]);
  return session;
}

/** Types into the portal's search box and waits for the results. */
async function search(page: Page, q: string) {
  const box = page.getByTestId('catalog-search').locator('input').first();
  await box.fill(q);
  await box.press('Enter');
  await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === q);
  await page.getByTestId('search-results').waitFor();
}

describe('catalog: a citizen finds and reads a guide', () => {
  it('everyday words find the formal item at the top; its guide shows materials, limits and a legal-basis article', async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      await page.goto('/');
      await page.getByTestId('home-search').waitFor();
      await settle(page);
      await screenshot(page, 'catalog-home');

      for (const [q, formal] of Object.entries(fx.expected)) {
        await page.goto('/');
        await search(page, q);
        // every phrase is checked (soft), so one misranked phrase does not hide the others
        const top = page.getByTestId('search-hit').first().getByTestId('search-hit-link');
        await top.waitFor();
        expect.soft(await top.textContent(), `top hit for ${q}`).toMatch(formal);
        // the expanded terms are shown, and the matched words are highlighted as <em>, never as raw markup
        await page.getByTestId('search-expanded').waitFor();
        expect(await page.getByTestId('search-hit').first().locator('em.tb-hit').count()).toBeGreaterThan(0);
        expect(await page.getByTestId('search-results').textContent()).not.toContain('<em>');
        if (q === '开饭店') {
          await settle(page);
          await screenshot(page, 'catalog-search');
        }
      }

      await page.goto('/');
      await search(page, '开饭店');
      await page.getByTestId('search-hit').first().getByTestId('search-hit-link').click();
      await page.waitForURL(/\/items\/\d+$/);
      await expect.poll(() => page.getByTestId('guide-title').textContent()).toMatch(fx.expected['开饭店']);
      expect(await page.getByTestId('material-row').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('fact-statutory').textContent()).toMatch(/\d+ 个工作日/);
      expect(await page.getByTestId('fact-promised').textContent()).toMatch(/\d+ 个工作日/);
      expect(await page.getByTestId('legal-basis-entry').count()).toBeGreaterThan(0);
      await settle(page);
      await screenshot(page, 'catalog-guide');

      // a guide citing a statute the server holds shows the article's text when asked
      await page.goto('/');
      await search(page, fx.quotable.name);
      await page.locator(`[data-testid="search-hit-link"][href="/items/${fx.quotable.id}"]`).first().click();
      await page.getByTestId('guide-title').waitFor();
      await page.getByTestId('law-article-toggle').first().click();
      await expect.poll(() => page.getByTestId('law-article').first().textContent()).toMatch(/第[一二三四五六七八九十百]+条/);
      expect((await page.getByTestId('law-article').first().textContent())!.length).toBeGreaterThan(40);
      await page.getByTestId('law-article').first().scrollIntoViewIfNeeded();
      await settle(page);
      await screenshot(page, 'catalog-guide-law');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a phone (375 px) the search and guide pages do not scroll sideways', async () => {
    const { context, page, problems } = await openSession(browser, { width: 375, height: 812, mobile: true });
    try {
      await page.goto('/');
      await page.getByTestId('home-search').waitFor();
      await settle(page);
      expect(await horizontalOverflow(page), 'overflow on /').toBeLessThanOrEqual(0);
      await screenshot(page, 'catalog-mobile-home');

      await search(page, '开饭店');
      await settle(page);
      expect(await horizontalOverflow(page), 'overflow on /search').toBeLessThanOrEqual(0);
      await screenshot(page, 'catalog-mobile-search');

      await page.getByTestId('search-hit').first().getByTestId('search-hit-link').click();
      await page.getByTestId('guide-title').waitFor();
      await settle(page);
      expect(await horizontalOverflow(page), 'overflow on the guide').toBeLessThanOrEqual(0);
      await page.goto(`/items/${fx.quotable.id}`);
      await page.getByTestId('guide-title').waitFor();
      await page.getByTestId('law-article-toggle').first().click();
      await page.getByTestId('law-article').first().waitFor();
      await settle(page);
      expect(await horizontalOverflow(page), 'overflow on the guide').toBeLessThanOrEqual(0);
      await screenshot(page, 'catalog-mobile-guide');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the published lists, the services browser and the bundles open', async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      for (const [path, testId, shot] of [
        ['/services', 'services-list', 'catalog-services'],
        ['/lists/power', 'item-table', 'catalog-power-list'],
        ['/lists/devolutions', 'devolution-table', 'catalog-devolutions'],
        ['/lists/proofs', 'proof-table', 'catalog-proofs'],
        ['/lists/commitment', 'commitment-table', 'catalog-commitment'],
        ['/lists/deferrable', 'deferrable-table', 'catalog-deferrable'],
      ] as const) {
        await page.goto(path);
        await page.getByTestId(testId).waitFor();
        await settle(page);
        await screenshot(page, shot);
      }
      await page.goto('/bundles');
      await page.getByText('一件事一次办').first().waitFor();
      await settle(page);
      await screenshot(page, 'catalog-bundles');
      const card = page.getByTestId('bundle-card').first();
      if (await card.count()) {
        await card.click();
        await page.getByTestId('bundle-result').waitFor();
        if (await page.getByTestId('bundle-evaluate').count()) {
          await page.getByTestId('bundle-evaluate').click();
          await page.getByTestId('bundle-materials').waitFor();
        }
        await settle(page);
        await screenshot(page, 'catalog-bundle');
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('catalog: staff adjust the catalog', () => {
  it('approver requests a change; staffing reviews (after a version conflict), approves and publishes; the diff shows exactly that field', async () => {
    const item = fx.editable;
    const before = item.promisedDays!;
    const after = before - 1;

    // the approver (catalog:edit) requests the change through the editor
    let adjustmentId = 0;
    {
      const { context, page, problems } = await openAs(await new ApiClient(baseURL()).signIn('approver'));
      try {
        await page.goto(`/workbench/catalog?q=${encodeURIComponent(item.name)}&kind=all`);
        await page.getByTestId('wb-item-table').waitFor();
        await settle(page);
        await screenshot(page, 'catalog-wb-items');
        await page.locator(`a[href="/workbench/catalog/adjustments/new?change=update&itemId=${item.id}"]`).first().click();
        await page.getByTestId('adjustment-form').waitFor();
        await expect.poll(() => page.getByTestId('editor-name').inputValue()).toBe(item.name);
        // a server-side field error lands under its field (proposed.regionCode)
        const region = page.getByTestId('editor-region');
        const regionBefore = await region.inputValue();
        await region.fill('3202');
        await page.getByTestId('editor-reason').fill('核对');
        await page.getByTestId('editor-basis').fill('核对');
        await page.getByTestId('editor-save').click();
        const regionItem = page.locator('.ant-form-item').filter({ has: region });
        await expect.poll(() => regionItem.locator('.ant-form-item-explain-error').textContent()).toContain('行政区划代码');
        await page.getByTestId('editor-error').waitFor();
        await region.fill(regionBefore);
        await page.getByTestId('editor-promised').fill(String(after));
        await page.getByTestId('editor-reason').fill('压缩承诺办结时限，提升办事效率');
        await page.getByTestId('editor-basis').fill('《江阴市优化营商环境若干措施》');
        await settle(page);
        await screenshot(page, 'catalog-editor');
        await page.getByTestId('editor-submit').click();
        await page.waitForURL(/\/workbench\/catalog\/adjustments\/\d+$/);
        adjustmentId = Number(new URL(page.url()).pathname.split('/').pop());
        await expect.poll(() => page.getByTestId('adjustment-state').textContent()).toBe('已提交');
        expect(await page.getByTestId('diff-field').count()).toBe(1);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }

    // staffing (catalog:review) works through the queue
    const { context, page, problems } = await openAs(fx.staffing);
    try {
      await page.goto('/workbench/catalog/review');
      await page.getByTestId('review-table').waitFor();
      await page.locator(`a[href="/workbench/catalog/adjustments/${adjustmentId}"]`).first().click();
      await page.getByTestId('adjustment-diff').waitFor();
      const fields = page.getByTestId('diff-field');
      await expect.poll(() => fields.count()).toBe(1);
      expect(await fields.first().getAttribute('data-field')).toBe('promisedDays');
      await settle(page);
      await screenshot(page, 'catalog-review');

      // someone else passes the review meanwhile: the stale page reports the conflict and reloads
      const current = await fx.staffing.get<{ version: number }>(`/api/catalog/adjustments/${adjustmentId}`);
      await fx.staffing.post(`/api/catalog/adjustments/${adjustmentId}/actions/review`, { version: current.version });
      await page.getByTestId('action-review').click();
      await page.getByTestId('action-confirm').click();
      await page.getByTestId('adjustment-conflict').waitFor();
      await screenshot(page, 'catalog-review-conflict');
      await page.getByTestId('adjustment-reload').click();
      await expect.poll(() => page.getByTestId('adjustment-state').textContent()).toBe('已审核');

      await page.getByTestId('action-approve').click();
      await page.getByTestId('action-docno').fill('澄编办〔2026〕8号');
      await page.getByTestId('action-confirm').click();
      await expect.poll(() => page.getByTestId('adjustment-state').textContent()).toBe('已批准');
      await page.getByTestId('action-publish').click();
      await page.getByTestId('action-confirm').click();
      await expect.poll(() => page.getByTestId('adjustment-state').textContent()).toBe('已发布');

      // the public history and diff pages
      await page.goto(`/items/${item.id}/history`);
      await page.getByTestId('history-table').waitFor();
      await page.getByText('澄编办〔2026〕8号').first().waitFor();
      await settle(page);
      await screenshot(page, 'catalog-history');
      await page.getByTestId(`history-diff-${item.currentVersion + 1}`).click();
      await page.getByTestId('diff-view').waitFor();
      await expect.poll(() => page.getByTestId('diff-field').count()).toBe(1);
      const field = page.getByTestId('diff-field').first();
      expect(await field.getAttribute('data-field')).toBe('promisedDays');
      expect(await field.getByTestId('diff-before').textContent()).toBe(`${before} 个工作日`);
      expect(await field.getByTestId('diff-after').textContent()).toBe(`${after} 个工作日`);
      await settle(page);
      await screenshot(page, 'catalog-diff');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an import of a malformed workbook shows every row and column error and writes nothing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('权责清单');
    ws.addRow(['江阴市权责清单（浏览器测试）']);
    ws.mergeCells(1, 1, 1, 7);
    ws.addRow(['序号', '事项名称', '职权类型', '实施主体', '法定办结时限', '承诺办结时限', '到现场次数']);
    ws.addRow([1, '浏览器测试导入事项甲', '行政许可', '江阴市行政审批局', 20, 5, 0]);
    ws.addRow([2, '', '行政许可', '江阴市行政审批局', 20, 5, 0]);
    ws.addRow([3, '浏览器测试导入事项丙', '许可证类', '江阴市行政审批局', '二十天左右', 5, 0]);
    ws.addRow([4, '浏览器测试导入事项丁', '行政确认', '江阴市不存在的局', 10, 3, 1]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());

    const count = async () => (await fx.staffing.get<{ items: unknown[] }>('/api/catalog/items', { q: '浏览器测试导入事项', status: 'published', limit: 50 })).items.length;
    expect(await count()).toBe(0);

    const { context, page, problems } = await openAs(fx.staffing);
    try {
      await page.goto('/workbench/catalog/imports');
      await page.getByTestId('import-form').waitFor();
      await page.locator('input[type="file"]').setInputFiles({ name: '江阴市权责清单.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
      await page.getByTestId('import-upload').click();
      await page.waitForURL(/\/workbench\/catalog\/imports\/\d+$/);
      await page.getByTestId('import-errors').waitFor();
      const errors = (await page.getByTestId('import-errors').textContent()) ?? '';
      expect(errors).toContain('第 4 行「事项名称」');
      expect(errors).toContain('第 5 行「职权类型」');
      expect(errors).toContain('第 5 行「法定办结时限」');
      expect(errors).toContain('第 6 行「实施主体」');
      expect(Number(await page.getByTestId('import-count-errors').locator('.ant-statistic-content-value').textContent())).toBeGreaterThanOrEqual(4);
      await page.getByTestId('import-blocked').waitFor();
      expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
      await settle(page);
      await screenshot(page, 'catalog-import-errors');

      await page.getByTestId('import-discard').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '放弃本批次' }).click();
      await page.getByTestId('import-discarded').waitFor();
      expect(await count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

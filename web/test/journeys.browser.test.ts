import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, screenshot, settle, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('public portal', () => {
  it('home, working-day calculator and identifier check work without signing in', async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      await page.goto('/');
      await page.getByText('一网通办 · 一网统管').waitFor();
      await settle(page);
      await screenshot(page, 'portal');

      await page.goto('/tools/working-days');
      await page.getByTestId('wd-from').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('2026-09-18');
      await page.keyboard.press('Enter');
      await page.getByTestId('wd-add').fill('20');
      await page.getByTestId('wd-submit').click();
      await expect.poll(() => page.getByTestId('wd-result').textContent()).toContain('2026年10月22日 星期四');
      await settle(page);
      await screenshot(page, 'portal-working-days');

      await page.goto('/tools/identifier');
      await page.getByTestId('id-value').fill('91320281MA1XXXXXX1');
      await page.getByTestId('id-submit').click();
      await expect.poll(() => page.getByTestId('id-result').textContent()).toContain('校验未通过');
      expect((await page.getByTestId('id-error').textContent())?.length).toBeGreaterThan(4);
      await screenshot(page, 'portal-identifier');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('staff journeys', () => {
  it('the staffing officer browses organisations and the staffing figures', async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      await signIn(page, 'staffing');
      await page.waitForURL((u) => u.pathname === '/workbench');
      await page.getByTestId('entry-orgs').click();
      await page.getByTestId('org-tree').waitFor();
      await page.getByTestId('staffing-figures').waitFor();
      await settle(page);
      await screenshot(page, 'staffing-orgs');

      await page.goto('/workbench/staffing');
      await page.getByTestId('staffing-table').waitFor();
      await page.getByTestId('staffing-chart').waitFor();
      await settle(page);
      await screenshot(page, 'staffing-figures');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the administrator creates an API token (secret shown once), revokes it, and reads the audit log', async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      await signIn(page, 'admin');
      await page.waitForURL((u) => u.pathname === '/workbench');
      await page.goto('/workbench/tokens');
      await page.getByTestId('token-create').click();
      await page.getByTestId('token-name').fill('不动产登记系统对接');
      await page.getByRole('button', { name: /^创\s*建$/ }).click();
      await expect.poll(() => page.getByTestId('token-secret').textContent()).toMatch(/^tbk_/);
      await page.waitForTimeout(400);
      await screenshot(page, 'admin-token-created');
      await page.getByRole('button', { name: '我已保存' }).click();
      await page.getByRole('button', { name: /^吊\s*销$/ }).first().click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: /^吊\s*销$/ }).click();
      await page.getByText('已吊销').first().waitFor();

      await page.goto('/workbench/audit');
      await page.getByText('吊销 API 令牌').first().waitFor();
      await settle(page);
      await screenshot(page, 'admin-audit');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

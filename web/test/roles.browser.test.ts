import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, screenshot, settle, signIn } from './browser.ts';

/** Each demo account and the home its role lands on (applicants → /my, dispatcher → /command, other staff → /workbench). */
const ACCOUNTS: { username: string; home: string }[] = [
  { username: 'admin', home: '/workbench' },
  { username: 'clerk', home: '/workbench' },
  { username: 'approver', home: '/workbench' },
  { username: 'grid', home: '/workbench' },
  { username: 'dispatcher', home: '/command' },
  { username: 'handler', home: '/workbench' },
  { username: 'inspector', home: '/workbench' },
  { username: 'staffing', home: '/workbench' },
  { username: 'leader', home: '/workbench' },
  { username: 'person', home: '/my' },
  { username: 'firm', home: '/my' },
];

const HOME_MARK: Record<string, string> = { '/workbench': 'welcome', '/my': 'account-name', '/command': 'command-wall' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('each demo account lands on its home', () => {
  for (const account of ACCOUNTS) {
    it(`${account.username} → ${account.home}`, async () => {
      const { context, page, problems } = await openSession(browser);
      try {
        const me = await signIn(page, account.username);
        await page.waitForURL((u) => u.pathname === account.home);
        await page.getByTestId(HOME_MARK[account.home]).first().waitFor();
        await expect.poll(() => page.getByTestId('display-name').first().textContent()).toBe(me.displayName);
        await settle(page);
        await screenshot(page, account.username);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

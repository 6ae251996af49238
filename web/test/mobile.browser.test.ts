import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { horizontalOverflow, launchBrowser, openSession, screenshot, settle, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Grid workers and applicants use phones: 375 px wide, no horizontal scrolling, menu in a drawer. */
describe('phone (375 px)', () => {
  const cases: { username: string; pages: string[] }[] = [
    { username: 'grid', pages: ['/workbench', '/workbench/orgs', '/workbench/working-days'] },
    { username: 'person', pages: ['/my', '/my/password', '/tools/identifier'] },
  ];
  for (const c of cases) {
    it(`${c.username} has no horizontal overflow`, async () => {
      const { context, page, problems } = await openSession(browser, { width: 375, height: 812, mobile: true });
      try {
        await signIn(page, c.username);
        await page.waitForURL((u) => u.pathname === c.pages[0]);
        for (const [i, path] of c.pages.entries()) {
          await page.goto(path);
          await settle(page);
          expect(await horizontalOverflow(page), `overflow on ${path}`).toBeLessThanOrEqual(0);
          await screenshot(page, i === 0 ? `${c.username}-mobile` : `${c.username}-mobile-${path.split('/').pop()}`);
        }
        await page.goto(c.pages[0]);
        await settle(page);
        if (c.pages[0] === '/workbench') {
          await page.getByTestId('menu-toggle').click();
          await page.getByTestId('shell-menu').waitFor();
          await page.waitForTimeout(400);
          await screenshot(page, `${c.username}-mobile-menu`);
        }
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

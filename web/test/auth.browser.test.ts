import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launchBrowser, openSession, residentId, screenshot, settle, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function submitLogin(page: Page, username: string, password: string) {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('sign-in', () => {
  it('a wrong password shows the server’s message and stays on the login page', async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      await page.goto('/login');
      await submitLogin(page, 'clerk', 'Wrong@2026x');
      await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
      expect(new URL(page.url()).pathname).toBe('/login');
      await screenshot(page, 'login-wrong-password');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the English switch changes the UI, the cookie and the server’s messages', async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      await page.goto('/login');
      await expect.poll(() => page.getByTestId('login-submit').textContent()).toMatch(/登\s*录/);
      await page.getByTestId('lang-switch').click();
      await expect.poll(() => page.getByTestId('login-submit').textContent()).toBe('Sign in');
      await page.mouse.move(700, 800);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      const cookies = await context.cookies();
      expect(cookies.find((c) => c.name === 'tb_lang')?.value).toBe('en');
      await submitLogin(page, 'approver', 'Wrong@2026x');
      await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Wrong username or password');
      await screenshot(page, 'login-en');
      // the choice survives a reload and is used after signing in
      await page.reload();
      await submitLogin(page, 'approver', 'Demo@2026');
      await page.waitForURL((u) => u.pathname === '/workbench');
      await expect.poll(() => page.getByTestId('welcome').textContent()).toMatch(/^Good (morning|afternoon|evening)/);
      await settle(page);
      await screenshot(page, 'approver-en');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('applicant registration, password change and lock-out', () => {
  const id = residentId('19930412', 215);
  const password = 'Reg@2026abc';

  it('registers a natural person, lands in the applicant centre with the ID masked, and changes the password', async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      await page.goto('/register');
      await page.getByTestId('register-form').waitFor();
      await page.locator('#name').fill('林晓晴');
      await page.locator('#residentId').fill(id);
      await page.locator('#phone').fill('13912345678');
      await page.locator('#password').fill(password);
      await page.locator('#confirm').fill(password);
      await screenshot(page, 'register');
      await page.getByRole('button', { name: '注册并登录' }).click();
      await page.waitForURL((u) => u.pathname === '/my');
      const shown = await page.getByTestId('account-login').textContent();
      expect(shown).toBe(`${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(-4)}`);

      await page.goto('/my/password');
      await page.locator('#currentPassword').fill('not-the-password');
      await page.locator('#newPassword').fill('Next@2026abc');
      await page.locator('#confirm').fill('Next@2026abc');
      await page.getByRole('button', { name: '确认修改' }).click();
      // the server names the field: the message appears under "current password"
      await expect.poll(() => page.locator('#currentPassword_help').textContent()).toContain('当前密码错误');
      await page.locator('#currentPassword').fill(password);
      await page.getByRole('button', { name: '确认修改' }).click();
      await page.getByText('密码已修改').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the lock-out message after repeated failures', async () => {
    const { context, page } = await openSession(browser);
    try {
      await page.goto('/login');
      for (let i = 0; i < 4; i++) {
        await submitLogin(page, id, `Bad@2026-${i}`);
        await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
      }
      await submitLogin(page, id, 'Bad@2026-last');
      await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('账号已锁定');
      // ISO instants in the message are shown in local time
      expect(await page.getByTestId('login-error').textContent()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
      await screenshot(page, 'login-locked');
    } finally {
      await context.close();
    }
  });

  it('signs out', async () => {
    const { context, page } = await openSession(browser);
    try {
      await signIn(page, 'firm');
      await page.waitForURL((u) => u.pathname === '/my');
      await page.getByTestId('user-menu').click();
      await page.getByText('退出登录').click();
      await page.waitForURL((u) => u.pathname === '/login');
      const me = await page.request.get(`${baseURL()}/api/me`);
      expect(me.status()).toBe(401);
    } finally {
      await context.close();
    }
  });
});

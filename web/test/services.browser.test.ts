/**
 * 一网通办 journeys in the browser: a firm applies online for the company
 * set-up bundle and the departments review it in parallel; a walk-in applicant
 * at the window gets one correction notice, returns once, and the deadline
 * moves by exactly the paused working days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openSession, residentId, screenshot, settle, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

interface AppBody {
  id: number;
  applicationNo: string;
  state: string;
  version: number;
  materials: { key: string; name: string; requirement: string; status: string }[];
  deadlines: { purpose: string; state: string; pausedDays: number; dueDate: string }[];
  subApplications: { id: number; applicationNo: string; itemName: string; handlingOrg: { name: string }; state: string }[];
}

/** The application as the signed-in account sees it (the page's own cookies). */
async function appOf(page: Page, id: number): Promise<AppBody> {
  const res = await page.request.get(`/api/applications/${id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as AppBody;
}

/** The input an Ant Design control put its data-testid on (the input itself or a wrapper). */
const inputOf = (page: Page, testId: string) => page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();

const idFromUrl = (page: Page) => Number(new URL(page.url()).pathname.split('/').pop());

/** Types a date (and time) into an Ant Design picker and confirms it. */
async function pickDate(page: Page, testId: string, value: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  const ok = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-ok button');
  if (await ok.isVisible()) await ok.click();
  await expect.poll(() => inputOf(page, testId).inputValue()).toBe(value);
}

/** Opens a staff action, fills what the callback fills, confirms, and waits for the modal to close. */
async function staffAction(page: Page, action: string, fill?: () => Promise<void>) {
  await page.getByTestId(`act-${action}`).click();
  await page.getByTestId(`action-form-${action}`).waitFor();
  if (fill) await fill();
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/applications\/\d+\//.test(r.url())),
    page.getByTestId('action-ok').click(),
  ]);
  if (res.status() >= 300) throw new Error(`${action} failed: ${res.status()} ${await res.text()}`);
  await page.getByTestId(`action-form-${action}`).waitFor({ state: 'detached' });
}

/** Uploads a PDF for each material on the page and waits until the server has it. */
async function uploadMaterials(page: Page, keys: string[]) {
  for (const key of keys) {
    await page.getByTestId(`material-file-${key}`).setInputFiles({ name: `${key}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => page.getByTestId(`material-${key}`).getAttribute('data-status'), { timeout: 15_000 }).not.toBe('missing');
  }
}

describe('window intake (窗口受理)', () => {
  it('a walk-in applicant gets ONE correction notice listing two materials, returns once, and the deadline moves by exactly the paused working days', async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      // back-dated intake: received three working days ago, the correction notice two working days ago
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const back = async (n: number) => ((await (await page.request.get(`/api/calendar/working-days?from=${today}&add=-${n}`)).json()) as { date: string }).date;
      await signIn(page, 'clerk');
      await page.waitForURL((u) => u.pathname === '/workbench');
      const receivedOn = await back(3);
      const correctedOn = await back(2);

      await page.goto('/workbench/intake');
      const idNumber = residentId('19900315', 100 + Math.floor(Math.random() * 800));
      await page.getByTestId('intake-id').fill(idNumber);
      await page.getByTestId('intake-lookup').click();
      await page.getByTestId('intake-unknown').waitFor();
      await page.getByTestId('intake-name').fill('李娜');
      await page.getByTestId('intake-item').click();
      await page.keyboard.type('食品经营许可');
      const option = page.locator('.ant-select-item-option', { hasText: '食品经营许可 — 江阴市行政审批局' }).first();
      await option.waitFor();
      await option.click();
      await pickDate(page, 'intake-at', `${receivedOn} 09:00:00`);
      await screenshot(page, 'services-window-intake');
      await page.getByTestId('intake-submit').click();
      await page.waitForURL((u) => /^\/workbench\/applications\/\d+$/.test(u.pathname));
      const id = idFromUrl(page);
      await expect.poll(async () => page.getByTestId('app-state').first().getAttribute('data-state')).toBe('submitted');

      // pre-check: the applicant brought all but two of the required materials
      await page.getByTestId('precheck').waitFor();
      const received = await appOf(page, id);
      const required = received.materials.filter((m) => m.requirement === 'required');
      expect(required.length).toBeGreaterThanOrEqual(3);
      const brought = required.slice(0, -2).map((m) => m.key);
      const missing = required.slice(-2);
      await uploadMaterials(page, brought);
      await expect.poll(() => page.getByTestId('precheck-missing').locator('.ant-alert-description').textContent()).toBe(missing.map((m) => m.name).join('；'));

      // ONE correction notice listing exactly the two missing materials; the decision clock pauses
      await staffAction(page, 'requestCorrection', async () => {
        for (const m of received.materials) {
          const box = inputOf(page, `correction-${m.key}`);
          expect(await box.isChecked()).toBe(missing.some((x) => x.key === m.key));
        }
        await pickDate(page, 'action-at', `${correctedOn} 10:00:00`);
      });
      await expect.poll(() => page.getByTestId('deadline-decision-state').textContent()).toBe('已暂停');
      const notice = page.getByTestId('notice-correction');
      await notice.waitFor();
      expect(await notice.getByTestId('notice-missing').locator('li').allTextContents()).toEqual(missing.map((m) => `${m.name}（未提交）`));
      // a second correction notice is not offered (art. 32: everything at once)
      expect(await page.getByTestId('act-requestCorrection').count()).toBe(0);
      const before = await page.getByTestId('deadline-decision-due').getAttribute('data-date');
      expect(before).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const pdf = await page.request.get((await page.getByTestId('notice-pdf-correction').getAttribute('href')) as string);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      await settle(page);
      await screenshot(page, 'services-window-correction');

      // the applicant returns once with both materials; the clock resumes
      await uploadMaterials(page, missing.map((m) => m.key));
      await staffAction(page, 'receiveCorrection');
      await expect.poll(() => page.getByTestId('deadline-decision-state').textContent()).toBe('计时中');
      const paused = Number(await page.getByTestId('deadline-decision-paused').getAttribute('data-days'));
      const after = await page.getByTestId('deadline-decision-due').getAttribute('data-date');
      // paused from the notice (two working days ago) until today
      expect(paused).toBe(2);
      const moved = (await (await page.request.get(`/api/calendar/working-days?from=${before}&add=${paused}`)).json()) as { date: string };
      expect(after).toBe(moved.date);

      // accepted: a receipt with the promised date as shown
      await staffAction(page, 'accept');
      await expect.poll(async () => page.getByTestId('app-state').first().getAttribute('data-state')).toBe('in_review');
      await page.getByTestId('notice-receipt').waitFor();
      expect(await page.getByTestId('notice-receipt').textContent()).toContain(after as string);
      const final = await appOf(page, id);
      expect(final.deadlines.find((d) => d.purpose === 'decision')).toMatchObject({ pausedDays: 2, dueDate: after, state: 'running' });
      await settle(page);
      await screenshot(page, 'services-window-accepted');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

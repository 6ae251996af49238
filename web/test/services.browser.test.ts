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

/** The department approver demo accounts (README demo table) by the department that handles each member item. */
const APPROVERS: Record<string, string> = {
  江阴市行政审批局: 'approver',
  江阴市公安局: 'approver_gaj',
  国家税务总局江阴市税务局: 'approver_tax',
  江阴市人力资源和社会保障局: 'approver_rsj',
  江阴市医疗保障局: 'approver_ybj',
};

describe('online application for a bundle (开办企业一件事)', () => {
  it('a firm applies online; registration, seal, tax and social insurance are reviewed in parallel by different approvers; the firm downloads and verifies its licence and rates the service', async () => {
    const firm = await openSession(browser);
    const sessions = [firm];
    try {
      const page = firm.page;
      await signIn(page, 'firm');
      await page.waitForURL((u) => u.pathname.startsWith('/my'));

      // the bundle page's 在线申办 opens the wizard; the situation decides the items
      await page.goto('/bundles/jy-qiye-kaiban');
      await page.getByTestId('bundle-apply').click();
      await page.waitForURL((u) => u.pathname === '/my/apply');
      await page.getByTestId('apply-start').waitFor();
      const services = page.getByTestId('bundle-question-services');
      await services.waitFor();
      for (const label of ['申领发票', '住房公积金缴存登记', '银行预约开户']) await services.getByText(label, { exact: true }).click();
      await screenshot(page, 'services-apply-situation');
      await page.getByTestId('apply-start-submit').click();
      await page.waitForURL((u) => /^\/my\/apply\/\d+$/.test(u.pathname));
      const id = idFromUrl(page);

      // one form for every department; the form checks formats before the draft is saved
      await page.getByTestId('apply-form').waitFor();
      await page.locator('#apply_companyName').fill('江阴市华士恒通纺织科技有限公司');
      await page.locator('#apply_legalRepName').fill('周建国');
      await page.locator('#apply_legalRepId').fill('12345');
      await page.locator('#apply_address').fill('江阴市华士镇华西新市村澄鹿路1号');
      await page.locator('#apply_contactPhone').fill('13861600000');
      await page.locator('#apply_financeContact').fill('王芳');
      await page.locator('#apply_sealKinds').click();
      await page.locator('.ant-select-item-option', { hasText: '公章' }).first().click();
      await page.getByTestId('apply-save').click();
      await page.getByText('法定代表人身份证号格式不正确').waitFor();
      await page.locator('#apply_legalRepId').fill(residentId('19700512', 31));
      const [saved] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/applications/${id}/draft`)), page.getByTestId('apply-form-next').click()]);
      expect(saved.status(), await saved.text()).toBe(200);
      expect(((await saved.json()) as { formData: Record<string, unknown> }).formData).toMatchObject({ companyName: '江阴市华士恒通纺织科技有限公司', sealKinds: '公章' });

      // one merged material list: upload what is required
      await page.getByTestId('apply-materials-card').waitFor();
      const draft = await appOf(page, id);
      const required = draft.materials.filter((m) => m.requirement === 'required');
      expect(required.length).toBeGreaterThan(3);
      // materials handed in with an earlier application are filled in already; upload the rest
      await uploadMaterials(page, required.filter((m) => m.status === 'missing').map((m) => m.key));
      await settle(page);
      await screenshot(page, 'services-apply-materials');
      await page.getByTestId('apply-materials-next').click();
      await page.getByTestId('apply-submit').click();
      await page.waitForURL((u) => u.pathname === `/my/applications/${id}`);
      await expect.poll(() => page.getByTestId('app-state').first().getAttribute('data-state')).toBe('submitted');
      const applicationNo = (await appOf(page, id)).applicationNo;

      // the window accepts: a receipt, and one sub-application per department
      const clerk = await openSession(browser);
      sessions.push(clerk);
      await signIn(clerk.page, 'clerk');
      await clerk.page.waitForURL((u) => u.pathname === '/workbench');
      await clerk.page.goto('/workbench/intake');
      await clerk.page.getByTestId(`queue-row-${applicationNo}`).getByTestId('queue-open').click();
      await clerk.page.waitForURL((u) => u.pathname === `/workbench/applications/${id}`);
      await clerk.page.getByTestId('precheck').getByText('材料齐全').waitFor();
      await staffAction(clerk.page, 'accept');
      await expect.poll(() => clerk.page.getByTestId('app-state').first().getAttribute('data-state')).toBe('parallel');
      await clerk.page.getByTestId('notice-receipt').waitFor();
      await settle(clerk.page);
      await screenshot(clerk.page, 'services-bundle-accepted');
      const subs = (await appOf(clerk.page, id)).subApplications;
      expect(subs.map((s) => s.itemName)).toEqual(['企业设立登记', '印章刻制备案', '纳税人（扣缴义务人）身份信息报告', '企业社会保险登记', '单位参保登记']);
      expect(new Set(subs.map((s) => s.handlingOrg.name))).toEqual(new Set(Object.keys(APPROVERS)));

      // each department's approver sees only its own sub-application and decides it
      for (const [i, sub] of subs.entries()) {
        const s = await openSession(browser);
        sessions.push(s);
        await signIn(s.page, APPROVERS[sub.handlingOrg.name]);
        await s.page.waitForURL((u) => u.pathname === '/workbench');
        await s.page.goto('/workbench/review');
        await s.page.getByTestId('review-queue').waitFor();
        await s.page.getByTestId(`queue-row-${sub.applicationNo}`).waitFor();
        expect(await s.page.locator(`[data-testid^="queue-row-${applicationNo}-"]`).count()).toBe(1);
        await s.page.getByTestId(`queue-row-${sub.applicationNo}`).getByTestId('queue-open').click();
        await s.page.waitForURL((u) => u.pathname === `/workbench/applications/${sub.id}`);
        await s.page.getByTestId('staff-actions').waitFor();
        if (i === 0) {
          await settle(s.page);
          await screenshot(s.page, 'services-approver-task');
        }
        while ((await s.page.getByTestId('act-advance').count()) > 0) await staffAction(s.page, 'advance', () => s.page.getByTestId('action-opinion').fill('材料齐全，符合法定形式'));
        await staffAction(s.page, 'decide', async () => {
          await s.page.getByTestId('action-reason').fill('申请材料齐全，符合法定条件');
          await s.page.getByTestId('action-basis').fill('《中华人民共和国行政许可法》第三十八条');
        });
        await expect.poll(() => s.page.getByTestId('app-state').first().getAttribute('data-state')).toBe('approved');
        const bundle = await appOf(page, id);
        // in parallel: the bundle finishes only with its last department
        expect(bundle.state).toBe(i < subs.length - 1 ? 'parallel' : 'completed');
        await s.context.close();
      }

      // the firm sees the matter completed with its e-licence: download, then verify publicly
      await page.reload();
      await expect.poll(() => page.getByTestId('app-state').first().getAttribute('data-state')).toBe('completed');
      await expect
        .poll(
          async () => {
            await page.reload();
            await page.getByTestId('detail-licences').waitFor();
            return page.getByTestId('licence-row').count();
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBeGreaterThan(0);
      const licence = page.getByTestId('licence-row').first();
      expect(await licence.textContent()).toContain('营业执照');
      const pdf = await page.request.get((await licence.getByTestId('licence-pdf').getAttribute('href')) as string);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await page.getByTestId('notice-receipt').waitFor();
      await screenshot(page, 'services-firm-completed');

      // the firm rates the service online (one rating per matter)
      await expect
        .poll(
          async () => {
            await page.reload();
            await page.getByTestId('rate-matter').waitFor();
            return page.getByTestId('rating-form').count();
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBe(1);
      await page.getByTestId('rating-level-5').click();
      await page.getByTestId('rating-submit').click();
      await page.getByTestId('rate-matter').getByText('非常满意').or(page.getByTestId('rate-matter').locator('.ant-result-success')).first().waitFor();
      await screenshot(page, 'services-firm-rated');

      await licence.getByTestId('licence-verify').click();
      await page.waitForURL((u) => u.pathname.startsWith('/verify/licence/'));
      const verdict = page.getByTestId('licence-verdict').or(page.getByTestId('licence-verify-error')).first();
      await verdict.waitFor({ timeout: 60_000 });
      expect(await verdict.getAttribute('data-verdict'), (await verdict.textContent()) ?? '').toBe('valid');
      await settle(page);
      await screenshot(page, 'services-licence-verified');

      for (const x of sessions) expect(x.problems).toEqual([]);
    } finally {
      for (const x of sessions) await x.context.close().catch(() => undefined);
    }
  }, 300_000);
});


import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, screenshot, settle, signIn } from './browser.ts';

let browser: Browser;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-licence-dl-'));
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('e-licences (电子证照)', () => {
  it('a firm downloads its business licence and verifies it on the public page; a changed copy fails; a revoked one shows as revoked', async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      await signIn(page, 'firm');
      await page.goto('/my/licenses');
      await page.getByTestId('licence-pdf').first().waitFor();
      await settle(page);
      await screenshot(page, 'licences-mine');
      // the demo firm's own 营业执照 (another test may have added one from its company set-up)
      const business = page.getByRole('row', { name: /营业执照/ }).first();
      const revokedRow = page.getByRole('row', { name: /卫生许可证/ });
      await expect.poll(() => revokedRow.textContent()).toContain('已撤销');

      const [pdfDl] = await Promise.all([page.waitForEvent('download'), business.getByTestId('licence-pdf').click()]);
      const pdfPath = path.join(dir, 'licence.pdf');
      await pdfDl.saveAs(pdfPath);
      expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
      const [jsonDl] = await Promise.all([page.waitForEvent('download'), business.getByTestId('licence-json').click()]);
      const jsonPath = path.join(dir, 'licence.json');
      await jsonDl.saveAs(jsonPath);
      const doc = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
      expect(doc.signature.alg).toBe('EdDSA');

      // the public page, signed out: upload the PDF
      await context.clearCookies();
      await page.goto('/verify');
      await page.getByRole('tab', { name: '上传证照文件' }).click();
      await page.locator('input[type=file]').setInputFiles(pdfPath);
      await expect.poll(() => page.getByTestId('licence-verdict').getAttribute('data-verdict')).toBe('valid');
      await expect.poll(() => page.getByTestId('licence-verdict').textContent()).toBe('有效');
      await settle(page);
      await screenshot(page, 'licences-verify-pdf');

      // a copy with another holder name
      doc.payload.holder.name = '江阴市冒名顶替有限公司';
      const tamperedPath = path.join(dir, 'tampered.json');
      fs.writeFileSync(tamperedPath, JSON.stringify(doc));
      await page.locator('input[type=file]').setInputFiles(tamperedPath);
      await expect.poll(() => page.getByTestId('licence-verdict').getAttribute('data-verdict')).toBe('tampered');
      expect(await page.getByTestId('licence-verdict').textContent()).toContain('已篡改');
      await screenshot(page, 'licences-verify-tampered');

      // by number, as the QR code does
      await page.goto(doc.payload.verifyPath);
      await expect.poll(() => page.getByTestId('licence-verdict').getAttribute('data-verdict')).toBe('valid');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a revoked licence verifies as 已撤销 by its number', async () => {
    const { context, page, problems } = await openSession(browser);
    try {
      await signIn(page, 'firm');
      const res = await page.request.get('/api/me/licenses');
      const items = (await res.json()).items as { type: string; licenceNo: string; state: string }[];
      const revoked = items.find((i) => i.state === 'revoked');
      expect(revoked?.type).toBe('卫生许可证');
      await page.goto(`/verify/licence/${revoked!.licenceNo}`);
      await expect.poll(() => page.getByTestId('licence-verdict').getAttribute('data-verdict')).toBe('revoked');
      expect(await page.getByTestId('licence-verdict').textContent()).toBe('已撤销');
      await settle(page);
      await screenshot(page, 'licences-verify-revoked');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK } from 'jose';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { inTransaction, query } from '../../platform/db/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import { activeSigningKey, LicenseService, validLicencesOfHolder, type ApplicationApproved, type SignedLicenceDocument } from './index.ts';
import { renderCertificate } from './licenses.pdf.ts';
import { chinaDateOf, type Jwks } from './licenses.rules.ts';

const JY = '320281';
const YX = '320282';
const PERSON_ID = '34052419800101001X';
const FIRM_USCC = '91350100M000100Y43';
const OTHER_USCC = '11100000000013338W';

const approved = (n: number, over: Partial<ApplicationApproved> = {}): ApplicationApproved => ({
  applicationId: n,
  applicationNo: `SQ20260301${String(n).padStart(5, '0')}`,
  parentApplicationNo: null,
  itemId: 1,
  itemName: '企业设立登记',
  implCode: null,
  baseCode: null,
  licence: { type: '营业执照', validYears: null },
  holder: { kind: 'legal', name: '江阴市通办科技有限公司', idNumber: FIRM_USCC, accountId: null },
  issuer: { orgId: 7, name: '江阴市行政审批局', regionCode: JY },
  decidedAt: '2026-03-01T02:00:00.000Z',
  commitment: false,
  formData: {},
  ...over,
});

describeEachBackend('licenses API (电子证照)', (backend) => {
  let t: TestApp;
  let svc: LicenseService;
  const h: Record<string, Record<string, string>> = {};
  const acct: Record<string, number> = {};
  const dir = mkdtempSync(join(tmpdir(), 'tb-lic-'));

  const req = (method: 'GET' | 'POST', url: string, who?: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who ? h[who] : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const issueBody = (over: Record<string, unknown> = {}) => ({
    type: '食品经营许可证',
    holder: { kind: 'legal', name: '江阴市通办科技有限公司', idNumber: FIRM_USCC },
    issuer: { name: '江阴市市场监督管理局', regionCode: JY },
    ...over,
  });
  const verifyDoc = (document: unknown) => req('POST', '/api/licenses/verify', undefined, { document });
  const verifyPdfBytes = (pdf: Buffer) => req('POST', '/api/licenses/verify', undefined, { pdfBase64: pdf.toString('base64') });

  beforeAll(async () => {
    t = await testApp(backend);
    svc = new LicenseService(t.ctx);
    acct.admin = await createTestAccount(t, { username: 'admin', grants: [{ role: 'admin', regionCode: null, orgId: null }] });
    acct.approver = await createTestAccount(t, { username: 'approver', grants: [{ role: 'approver', regionCode: JY, orgId: null }] });
    acct.yx = await createTestAccount(t, { username: 'yx', grants: [{ role: 'approver', regionCode: YX, orgId: null }] });
    acct.firm = await createTestAccount(t, { username: FIRM_USCC, kind: 'legal', uscc: FIRM_USCC, grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
    acct.person = await createTestAccount(t, { username: PERSON_ID, kind: 'person', residentId: PERSON_ID, grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
    for (const u of ['admin', 'approver', 'yx']) h[u] = await signIn(t.app, u);
    h.firm = await signIn(t.app, FIRM_USCC);
    h.person = await signIn(t.app, PERSON_ID);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('issue on application.approved', () => {
    it('issues exactly one licence per approved application even when the event is delivered twice', async () => {
      const p = approved(1, { holder: { kind: 'legal', name: '江阴市通办科技有限公司', idNumber: FIRM_USCC, accountId: acct.firm } });
      await inTransaction(t.db(), async (tx) => {
        await emit(tx, 'application.approved', p, { regionCode: JY });
        await emit(tx, 'application.approved', p, { regionCode: JY });
      });
      await t.ctx.jobs.drainOutbox();
      const rows = await query<{ licence_no: string; state: string; holder_account_id: number; valid_until: string | null; key_id: string }>(
        t.db(),
        sql`select licence_no, state, holder_account_id, valid_until, key_id from licenses where application_no = ${p.applicationNo}`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].state).toBe('valid');
      expect(rows[0].valid_until).toBeNull();
      expect(rows[0].licence_no).toMatch(/^1\.2\.156\.3005\.2\.11100000000013338W011\.320281\.2026\d{8}\.001\.[0-9A-Z]$/);
      const events = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from outbox_events where topic = 'license.issued'`);
      expect(events[0].n).toBe(1);
      const notices = await query<{ title: string }>(t.db(), sql`select title from notifications where account_id = ${acct.firm} and kind = 'license.issued'`);
      expect(notices.map((n) => n.title)).toEqual(['电子证照已签发：营业执照']);
      // a third, later delivery (e.g. a replayed event) still finds the licence
      await svc.issue({ type: '营业执照', holder: p.holder, issuer: p.issuer, applicationNo: p.applicationNo }, { actor: SYSTEM_ACTOR }, { allowNewType: true });
      expect((await query(t.db(), sql`select 1 from licenses where application_no = ${p.applicationNo}`)).length).toBe(1);
    });

    it('creates an unknown licence type on the fly, and ignores approvals without a licence', async () => {
      await inTransaction(t.db(), async (tx) => {
        await emit(tx, 'application.approved', approved(2, { licence: { type: '特种设备使用登记证', validYears: 2 } }));
        await emit(tx, 'application.approved', approved(3, { licence: null }));
      });
      await t.ctx.jobs.drainOutbox();
      const [row] = await query<{ type_number: string; valid_from: string; valid_until: string }>(
        t.db(),
        sql`select type_number, valid_from::text, valid_until::text from licenses l join license_types t on t.id = l.type_id where application_no = ${approved(2).applicationNo}`,
      );
      expect(row).toEqual({ type_number: '900', valid_from: '2026-03-01', valid_until: '2028-02-29' });
      expect((await query(t.db(), sql`select 1 from licenses where application_no = ${approved(3).applicationNo}`)).length).toBe(0);
    });
  });

  describe('staff issue', () => {
    it('issues with a type default validity; 401 / 403 / 400 paths', async () => {
      const res = await req('POST', '/api/licenses', 'approver', issueBody({ validFrom: '2026-03-02' }));
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ type: '食品经营许可证', state: 'valid', validFrom: '2026-03-02', validUntil: '2031-03-01', version: 1 });

      expect((await req('POST', '/api/licenses', undefined, issueBody())).statusCode).toBe(401);
      expect((await req('POST', '/api/licenses', 'firm', issueBody())).statusCode).toBe(403);
      expect((await req('POST', '/api/licenses', 'yx', issueBody())).statusCode).toBe(403);

      const badId = await req('POST', '/api/licenses', 'approver', issueBody({ holder: { kind: 'legal', name: 'x', idNumber: '91350100M000100Y4Z' } }));
      expect(badId.statusCode).toBe(400);
      expect(problem(badId).errors.map((e) => e.field)).toContain('holder.idNumber');
      const badType = await req('POST', '/api/licenses', 'approver', issueBody({ type: '不存在的证' }));
      expect(badType.statusCode).toBe(400);
      expect(problem(badType).errors[0].field).toBe('type');
      const badDates = await req('POST', '/api/licenses', 'approver', issueBody({ validFrom: '2026-03-02', validUntil: '2026-03-01' }));
      expect(badDates.statusCode).toBe(400);
      expect(problem(badDates).errors[0].field).toBe('validUntil');
      const badRegion = await req('POST', '/api/licenses', 'approver', issueBody({ issuer: { name: 'x', regionCode: '12' } }));
      expect(badRegion.statusCode).toBe(400);
      expect(problem(badRegion).errors[0].field).toBe('issuer.regionCode');
    });
  });

  describe('documents and verification', () => {
    let id: string;
    let licenceNo: string;
    let doc: SignedLicenceDocument;
    let pdf: Buffer;

    beforeAll(async () => {
      const res = await req('POST', '/api/licenses', 'approver', issueBody({ holder: { kind: 'person', name: '张三', idNumber: PERSON_ID, accountId: acct.person }, type: '卫生许可证' }));
      id = res.json().id;
      licenceNo = res.json().licenceNo;
    });

    it('serves the signed JSON to its holder and staff in scope only', async () => {
      const res = await req('GET', `/api/licenses/${id}/document.json`, 'person');
      expect(res.statusCode).toBe(200);
      doc = res.json();
      expect(doc.signature.alg).toBe('EdDSA');
      expect(doc.payload.holder).toEqual({ kind: 'person', name: '张三', idNumber: PERSON_ID });
      expect((await req('GET', `/api/licenses/${id}/document.json`, 'approver')).statusCode).toBe(200);
      expect((await req('GET', `/api/licenses/${id}/document.json`, 'firm')).statusCode).toBe(404);
      expect((await req('GET', `/api/licenses/${id}/document.json`, 'yx')).statusCode).toBe(404);
      expect((await req('GET', `/api/licenses/${id}/document.json`)).statusCode).toBe(401);
      expect((await req('GET', `/api/licenses/00000000-0000-4000-8000-000000000000/document.json`, 'admin')).statusCode).toBe(404);
      expect((await req('GET', `/api/licenses/not-a-uuid`, 'admin')).statusCode).toBe(400);
    });

    it('verifies offline with nothing but the JWKS (WebCrypto via jose)', async () => {
      const keys: Jwks = (await req('GET', '/.well-known/jwks.json')).json();
      expect((await req('GET', '/api/licenses/jwks.json')).json()).toEqual(keys);
      const jwk = keys.keys.find((k) => k.kid === doc.signature.kid)!;
      expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
      expect(JSON.stringify(keys)).not.toMatch(/"d"/);
      const key = (await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, 'EdDSA')) as Parameters<typeof crypto.subtle.verify>[1];
      // canonical JSON: keys sorted at every depth, no spaces, UTF-8
      const canon = (v: unknown): string =>
        v === null || typeof v !== 'object'
          ? JSON.stringify(v)
          : Array.isArray(v)
            ? `[${v.map(canon).join(',')}]`
            : `{${Object.keys(v)
                .sort()
                .map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`)
                .join(',')}}`;
      const verify = (payload: unknown) =>
        crypto.subtle.verify('Ed25519', key, Buffer.from(doc.signature.value, 'base64url'), new TextEncoder().encode(canon(payload)));
      expect(await verify(doc.payload)).toBe(true);
      expect(await verify({ ...doc.payload, holder: { ...doc.payload.holder, name: '李四' } })).toBe(false);
    });

    it('says valid for the genuine JSON and tampered when the holder name is changed', async () => {
      const ok = await verifyDoc(doc);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ kind: 'json', signatureValid: true, documentIntact: true, registered: true, state: 'valid', verdict: 'valid', licenceNo });
      expect(ok.json().licence.holder).toEqual({ kind: 'person', name: '张*', idNumber: '3405************1X' });
      const asText = await verifyDoc(JSON.stringify(doc));
      expect(asText.json().verdict).toBe('valid');

      const tampered = await verifyDoc({ ...doc, payload: { ...doc.payload, holder: { ...doc.payload.holder, name: '李四' } } });
      expect(tampered.json()).toMatchObject({ signatureValid: false, documentIntact: false, verdict: 'tampered' });
      expect(tampered.json().reasons.map((r: { code: string }) => r.code)).toContain('bad_signature');

      const junk = await verifyDoc({ hello: 1 });
      expect(junk.json()).toMatchObject({ verdict: 'unknown', signatureValid: false });
      const nothing = await req('POST', '/api/licenses/verify', undefined, {});
      expect(nothing.statusCode).toBe(400);
      expect(problem(nothing).errors[0].field).toBe('document');
    });

    it('serves a stable certificate PDF with Chinese text, the embedded JSON and a file signature', async () => {
      const res = await req('GET', `/api/licenses/${id}/document.pdf`, 'person');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      pdf = res.rawPayload;
      const again = await req('GET', `/api/licenses/${id}/document.pdf`, 'approver');
      expect(again.rawPayload.equals(pdf)).toBe(true);
      expect((await req('GET', `/api/licenses/${id}/document.pdf`, 'firm')).statusCode).toBe(404);
      const file = join(dir, 'cert.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
      expect(text).toContain('卫生许可证');
      expect(text).toContain('张三');
      expect(text).toContain(licenceNo);
    });

    it('verifies the PDF (JSON body and multipart upload), and fails a flipped byte or a changed embedded document', async () => {
      expect((await verifyPdfBytes(pdf)).json()).toMatchObject({ kind: 'pdf', signatureValid: true, documentIntact: true, verdict: 'valid' });

      const boundary = '----tb';
      const multipart = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="licence.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        pdf,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const up = await t.app.inject({ method: 'POST', url: '/api/licenses/verify', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: multipart });
      expect(up.statusCode).toBe(200);
      expect(up.json().verdict).toBe('valid');

      const flipped = Buffer.from(pdf);
      flipped[Math.floor(pdf.length / 3)] ^= 0x01;
      const bad = (await verifyPdfBytes(flipped)).json();
      expect(bad).toMatchObject({ signatureValid: false, documentIntact: false, verdict: 'tampered' });
      expect(bad.reasons.map((r: { code: string }) => r.code)).toContain('pdf_bad_signature');

      // a forger changes the embedded JSON and re-renders the whole file with a key of their own
      const { generateKeyPairSync } = await import('node:crypto');
      const forged = await renderCertificate(
        { ...doc, payload: { ...doc.payload, holder: { ...doc.payload.holder, name: '李四' } } },
        { origin: 'http://x', key: { kid: 'forger', privateKey: generateKeyPairSync('ed25519').privateKey } },
      );
      const f = (await verifyPdfBytes(forged)).json();
      expect(f).toMatchObject({ signatureValid: false, verdict: 'tampered' });
      expect(f.reasons.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['pdf_unknown_key', 'bad_signature']));
      // re-signed with the platform key (an insider without the register) still fails: the embedded JSON signature
      const insider = await renderCertificate(
        { ...doc, payload: { ...doc.payload, holder: { ...doc.payload.holder, name: '李四' } } },
        { origin: 'http://x', key: await activeSigningKey(t.db()) },
      );
      expect((await verifyPdfBytes(insider)).json()).toMatchObject({ verdict: 'tampered', signatureValid: false });

      const notPdf = await req('POST', '/api/licenses/verify', undefined, { pdfBase64: Buffer.from('hello').toString('base64') });
      expect(notPdf.statusCode).toBe(400);
      expect(problem(notPdf).errors[0].field).toBe('pdfBase64');
    });

    it('verifies by number publicly; rejects a wrong check character naming the field; 404 for an unknown number', async () => {
      const res = await req('GET', `/api/licenses/verify/${licenceNo}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ kind: 'number', verdict: 'valid', signatureValid: true, licence: { type: '卫生许可证', holder: { name: '张*' } } });
      expect(res.json().licence.history.map((e: { action: string }) => e.action)).toEqual(['issue']);
      const check = licenceNo.slice(-1);
      const wrong = await req('GET', `/api/licenses/verify/${licenceNo.slice(0, -1)}${check === 'A' ? 'B' : 'A'}`);
      expect(wrong.statusCode).toBe(400);
      expect(problem(wrong).errors[0].field).toBe('licenceNo');
      const parts = licenceNo.split('.');
      parts[7] = '209900000001';
      const { licenseIdCheckChar } = await import('../../platform/ids/index.ts');
      parts[9] = licenseIdCheckChar({ typeCode: parts[5], issuer: parts[6], serial: parts[7], version: parts[8] });
      expect((await req('GET', `/api/licenses/verify/${parts.join('.')}`)).statusCode).toBe(404);
    });

    it('revokes with a reason; a revoked licence verifies with a valid signature as revoked', async () => {
      const noReason = await req('POST', `/api/licenses/${id}/revoke`, 'approver', { reason: '' });
      expect(noReason.statusCode).toBe(400);
      expect(problem(noReason).errors[0].field).toBe('reason');
      expect((await req('POST', `/api/licenses/${id}/revoke`, 'firm', { reason: '违法' })).statusCode).toBe(403);
      expect((await req('POST', `/api/licenses/${id}/revoke`, 'yx', { reason: '违法' })).statusCode).toBe(404);
      expect((await req('POST', `/api/licenses/${id}/revoke`, undefined, { reason: '违法' })).statusCode).toBe(401);
      expect((await req('POST', `/api/licenses/${id}/revoke`, 'approver', { reason: '违法', version: 7 })).statusCode).toBe(409);

      const res = await req('POST', `/api/licenses/${id}/revoke`, 'approver', { reason: '以欺骗手段取得许可', version: 1 });
      expect(res.statusCode).toBe(200);
      expect(res.json().license).toMatchObject({ state: 'revoked', version: 2 });
      expect((await req('POST', `/api/licenses/${id}/revoke`, 'approver', { reason: '再次' })).statusCode).toBe(409);

      const byNo = (await req('GET', `/api/licenses/verify/${licenceNo}`)).json();
      expect(byNo).toMatchObject({ verdict: 'revoked', state: 'revoked', signatureValid: true });
      expect(byNo.verdictLabel.zh).toBe('已撤销');
      expect(byNo.licence.history.map((e: { action: string }) => e.action)).toEqual(['issue', 'revoke']);
      expect((await verifyDoc(doc)).json()).toMatchObject({ signatureValid: true, documentIntact: true, verdict: 'revoked' });
      expect((await verifyPdfBytes(pdf)).json()).toMatchObject({ signatureValid: true, verdict: 'revoked' });

      const detail = (await req('GET', `/api/licenses/${id}`, 'approver')).json();
      expect(detail.history.at(-1)).toMatchObject({ action: 'revoke', reason: '以欺骗手段取得许可', toState: 'revoked' });
      expect(detail.actions).toEqual([]);
      const audit = await query(t.db(), sql`select 1 from audit_entries where action = 'license.revoke' and entity_id = ${id}`);
      expect(audit).toHaveLength(1);
      const changed = await query<{ payload: { to: string } }>(t.db(), sql`select payload from outbox_events where topic = 'license.state_changed'`);
      expect(changed.map((c) => c.payload.to)).toContain('revoked');
    });
  });

  describe('transfer, cancel, expiry, renewal, reuse', () => {
    it('transfers to a new holder: the old licence becomes transferred, a new one is issued', async () => {
      const lic = (await req('POST', '/api/licenses', 'approver', issueBody({ type: '排污许可证', validFrom: '2026-01-01' }))).json();
      const same = await req('POST', `/api/licenses/${lic.id}/transfer`, 'approver', { reason: '股权转让', newHolder: { kind: 'legal', name: '同一家', idNumber: FIRM_USCC } });
      expect(same.statusCode).toBe(400);
      expect(problem(same).errors[0].field).toBe('newHolder.idNumber');
      const missing = await req('POST', `/api/licenses/${lic.id}/transfer`, 'approver', { reason: '股权转让' });
      expect(missing.statusCode).toBe(400);
      expect(problem(missing).errors[0].field).toBe('newHolder');

      const res = await req('POST', `/api/licenses/${lic.id}/transfer`, 'approver', {
        reason: '企业合并',
        newHolder: { kind: 'legal', name: '国家某某中心', idNumber: OTHER_USCC },
      });
      expect(res.statusCode).toBe(200);
      const { license, newLicense } = res.json();
      expect(license).toMatchObject({ state: 'transferred', transferredTo: newLicense.id });
      expect(newLicense).toMatchObject({ state: 'valid', transferredFrom: lic.id, validUntil: lic.validUntil, holder: { idNumber: OTHER_USCC } });
      expect(newLicense.licenceNo).not.toBe(lic.licenceNo);
    });

    it('cancels, and 404s an unknown licence', async () => {
      const lic = (await req('POST', '/api/licenses', 'admin', issueBody({ type: '卫生许可证' }))).json();
      const res = await req('POST', `/api/licenses/${lic.id}/cancel`, 'admin', { reason: '申请人申请注销' });
      expect(res.json().license.state).toBe('cancelled');
      expect((await req('POST', `/api/licenses/00000000-0000-4000-8000-000000000000/cancel`, 'admin', { reason: 'x' })).statusCode).toBe(404);
    });

    it('expires licences past their last day (daily job)', async () => {
      const lic = (await req('POST', '/api/licenses', 'approver', issueBody({ validFrom: '2020-01-01', validUntil: '2020-12-31' }))).json();
      const byNoBefore = (await req('GET', `/api/licenses/verify/${lic.licenceNo}`)).json();
      expect(byNoBefore.reasons.map((r: { code: string }) => r.code)).toContain('past_validity');
      expect(await svc.expireDue()).toBeGreaterThanOrEqual(1);
      const after = (await req('GET', `/api/licenses/verify/${lic.licenceNo}`)).json();
      expect(after).toMatchObject({ state: 'expired', verdict: 'expired' });
      expect(after.licence.history.map((e: { action: string }) => e.action)).toEqual(['issue', 'expire']);
      expect(await svc.expireDue()).toBe(0);
    });

    it('reminds holders once before expiry (outbox event and notice)', async () => {
      const today = chinaDateOf(new Date());
      const in10 = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
      const lic = (
        await req('POST', '/api/licenses', 'approver', issueBody({ holder: { kind: 'person', name: '张三', idNumber: PERSON_ID, accountId: acct.person }, validUntil: in10 }))
      ).json();
      expect(await svc.remindRenewals(5)).toBe(0);
      expect(await svc.remindRenewals(30)).toBe(1);
      expect(await svc.remindRenewals(30)).toBe(0);
      const [ev] = await query<{ payload: { licenceNo: string; daysLeft: number; validUntil: string } }>(t.db(), sql`select payload from outbox_events where topic = 'license.renewal_due'`);
      expect(ev.payload).toMatchObject({ licenceNo: lic.licenceNo, daysLeft: 10, validUntil: in10 });
      const notices = await query(t.db(), sql`select 1 from notifications where account_id = ${acct.person} and kind = 'license.renewal_due'`);
      expect(notices).toHaveLength(1);
    });

    it('lists my licences with download links, and offers valid ones for reuse', async () => {
      const mine = await req('GET', '/api/me/licenses', 'firm');
      expect(mine.statusCode).toBe(200);
      const items = mine.json().items as { holder: { idNumber: string }; downloads: { pdf: string }; state: string; type: string }[];
      expect(items.length).toBeGreaterThanOrEqual(3);
      expect(items.every((i) => i.holder.idNumber === FIRM_USCC)).toBe(true);
      expect(items[0].downloads.pdf).toMatch(/^\/api\/licenses\/[0-9a-f-]+\/document\.pdf$/);
      expect((await req('GET', '/api/me/licenses')).statusCode).toBe(401);

      const reusable = await validLicencesOfHolder(t.db(), FIRM_USCC);
      const states = new Map(items.map((i) => [i.type, i.state]));
      expect(reusable.map((r) => r.name)).toContain('营业执照');
      expect(reusable.map((r) => r.name)).not.toContain('排污许可证'); // transferred away
      expect(reusable.every((r) => r.type.length === 21)).toBe(true);
      expect(states.size).toBeGreaterThan(0);

      const list = await req('GET', '/api/licenses?limit=2', 'approver');
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toHaveLength(2);
      const next = await req('GET', `/api/licenses?limit=2&cursor=${list.json().nextCursor}`, 'approver');
      expect(next.json().items[0].id).not.toBe(list.json().items[0].id);
      expect((await req('GET', '/api/licenses', 'yx')).json().items).toEqual([]);
      expect((await req('GET', '/api/licenses', 'firm')).statusCode).toBe(403);
    });

    it('rotates the signing key; documents signed with the old key still verify', async () => {
      const old = (await req('POST', '/api/licenses', 'approver', issueBody())).json();
      const oldDoc = (await req('GET', `/api/licenses/${old.id}/document.json`, 'approver')).json();
      expect((await req('POST', '/api/licenses/keys/rotate', 'approver', {})).statusCode).toBe(403);
      const rot = await req('POST', '/api/licenses/keys/rotate', 'admin', {});
      expect(rot.statusCode).toBe(200);
      const keys = (await req('GET', '/.well-known/jwks.json')).json().keys;
      expect(keys).toHaveLength(2);
      const fresh = (await req('POST', '/api/licenses', 'approver', issueBody())).json();
      expect(fresh.keyId).toBe(rot.json().kid);
      expect((await verifyDoc(oldDoc)).json().verdict).toBe('valid');
    });
  });
});

import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, problem, signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { multipart } from '../../../test/helpers/multipart.ts';
import { query, sql } from '../db/index.ts';
import { sha256Hex } from './store.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-demo-bytes')]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describeEachBackend('platform files', (backend) => {
  let t: TestApp;
  let alice: Record<string, string>;
  let bob: Record<string, string>;

  beforeAll(async () => {
    t = await testApp(backend, { UPLOAD_MAX_MB: '0.001' }); // 1 KB: enough to test the limit
    await createTestAccount(t, { username: 'alice' });
    await createTestAccount(t, { username: 'bob' });
    alice = await signIn(t.app, 'alice');
    bob = await signIn(t.app, 'bob');
  });
  afterAll(() => t.close());

  const upload = (headers: Record<string, string>, name: string, data: Buffer, field = 'file') => {
    const body = multipart({}, { field, name, data });
    return t.app.inject({ method: 'POST', url: '/api/files', headers: { ...headers, ...body.headers }, payload: body.payload });
  };

  it('stores an upload by content: id, SHA-256, sniffed type, one row and one audit entry; bytes on disk under the hash', async () => {
    const res = await upload(alice, '材料.pdf', PDF);
    expect(res.statusCode).toBe(201);
    const file = res.json();
    expect(file).toMatchObject({ name: '材料.pdf', mediaType: 'application/pdf', size: PDF.length, sha256: sha256Hex(PDF) });
    const audits = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from audit_entries where action = 'file.store' and entity_id = ${file.id}`);
    expect(audits[0].n).toBe(1);
    const onDisk = fs.readFileSync(`${t.ctx.config.filesDir}/${file.sha256.slice(0, 2)}/${file.sha256.slice(2, 4)}/${file.sha256}`);
    expect(onDisk.equals(PDF)).toBe(true);

    const got = await t.app.inject({ method: 'GET', url: `/api/files/${file.id}/content`, headers: alice });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect(String(got.headers['content-disposition'])).toContain("filename*=UTF-8''%E6%9D%90%E6%96%99.pdf");
  });

  it("does not show one account's upload to another (404, as if missing)", async () => {
    const file = (await upload(alice, 'photo.png', PNG)).json();
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${file.id}`, headers: bob })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${file.id}/content`, headers: bob })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/files/${file.id}`, headers: alice })).json().mediaType).toBe('image/png');
  });

  it('refuses bad uploads with the field named and writes nothing', async () => {
    const before = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from stored_files`);
    const html = await upload(alice, 'x.pdf', Buffer.from('<html>not a pdf</html>'));
    expect(html.statusCode).toBe(400);
    expect(problem(html).code).toBe('files.UNSUPPORTED_TYPE');
    expect(problem(html).errors[0].field).toBe('file');

    const renamed = await upload(alice, 'photo.pdf', PNG);
    expect(problem(renamed).code).toBe('files.EXTENSION_MISMATCH');

    const big = await upload(alice, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(2000, 0x20)]));
    expect(big.statusCode).toBe(400);
    expect(problem(big).code).toBe('files.TOO_LARGE');

    const wrongField = await upload(alice, 'a.pdf', PDF, 'document');
    expect(problem(wrongField).code).toBe('files.REQUIRED');
    expect(problem(wrongField).errors[0].field).toBe('file');

    const notMultipart = await t.app.inject({ method: 'POST', url: '/api/files', headers: alice, payload: { a: 1 } });
    expect(notMultipart.statusCode).toBe(400);

    const after = await query<{ n: number }>(t.db(), sql`select count(*)::int as n from stored_files`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('requires a signed-in account and a valid id', async () => {
    const body = multipart({}, { name: 'a.pdf', data: PDF });
    expect((await t.app.inject({ method: 'POST', url: '/api/files', headers: body.headers, payload: body.payload })).statusCode).toBe(401);
    const bad = await t.app.inject({ method: 'GET', url: '/api/files/not-a-uuid', headers: alice });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors[0].field).toBe('id');
  });

  it('reads back through the service and detects bytes changed on disk', async () => {
    const file = (await upload(alice, 'c.png', PNG)).json();
    const { data } = await t.ctx.files.read(file.id);
    expect(data.equals(PNG)).toBe(true);
    const p = `${t.ctx.config.filesDir}/${file.sha256.slice(0, 2)}/${file.sha256.slice(2, 4)}/${file.sha256}`;
    fs.writeFileSync(p, Buffer.concat([PNG, Buffer.from('x')]));
    await expect(t.ctx.files.read(file.id)).rejects.toMatchObject({ code: 'files.STORE_FAILED' });
  });
});

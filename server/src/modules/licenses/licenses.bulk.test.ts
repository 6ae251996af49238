import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { query } from '../../platform/db/index.ts';
import type { OutboxEvent } from '../../platform/jobs/index.ts';
import { issueMany, jwks, LicenseService, onApplicationApproved, verifyNumber, verifySignedDocument, type ApplicationApproved, type SignedLicenceDocument } from './index.ts';

const JY = '320281';
const PERSON_ID = '34052419800101001X';
const FIRM_USCC = '91350100M000100Y43';

describeEachBackend('licences bulk issuing (issueMany)', (backend) => {
  let t: TestApp;
  let person: number;
  const rows = <T,>(q: ReturnType<typeof sql>) => query<T>(t.ctx.db, q);

  const approval = (prefix: string, n: number): ApplicationApproved => {
    const kind = n % 3;
    return {
      applicationId: 1000 + n,
      applicationNo: `${prefix}20260301${String(n).padStart(5, '0')}`,
      parentApplicationNo: null,
      itemId: 1,
      itemName: ['企业设立登记', '食品经营许可（新办）', '本地新增事项'][kind],
      implCode: null,
      baseCode: null,
      licence: { type: ['营业执照', '食品经营许可证', '本地批量测试证'][kind], validYears: kind === 1 ? 5 : kind === 2 ? 3 : null },
      holder: n % 2 ? { kind: 'legal', name: '江阴市通办科技有限公司', idNumber: FIRM_USCC, accountId: null } : { kind: 'person', name: '张三', idNumber: PERSON_ID, accountId: person },
      issuer: { orgId: 7, name: '江阴市行政审批局', regionCode: JY },
      decidedAt: new Date(Date.UTC(2026, 2, 1 + n, 2)).toISOString(),
      commitment: false,
      formData: {},
    };
  };
  const event = (p: ApplicationApproved) => ({ id: 0, topic: 'application.approved', payload: p, regionCode: JY, createdAt: p.decidedAt, attempt: 1 }) as OutboxEvent<ApplicationApproved>;

  type Row = { licence_no: string; application_no: string; type_name: string; holder_kind: string; holder_name: string; holder_id_number: string; holder_account_id: number | null; issuer_org_id: number; issuer_name: string; issuer_code: string; region_code: string; issued_at: string; valid_from: string; valid_until: string | null; state: string; version: number; application_id: number; item_name: string; payload: SignedLicenceDocument['payload']; signature: string; key_id: string };
  const licencesOf = (prefix: string) =>
    rows<Row>(sql`select licence_no, application_no, type_name, holder_kind, holder_name, holder_id_number, holder_account_id, issuer_org_id, issuer_name, issuer_code,
      region_code, issued_at::text, valid_from::text, valid_until::text, state, version, application_id, item_name, payload, signature, key_id
      from licenses where application_no like ${`${prefix}%`} order by application_no`);
  const recordsOf = async (prefix: string) => {
    const [c] = await rows<{ events: number; audits: number; outbox: number; notices: number }>(sql`select
      (select count(*)::int from license_events e join licenses l on l.id = e.license_id where l.application_no like ${`${prefix}%`} and e.action = 'issue' and e.to_state = 'valid' and e.data->>'applicationNo' = l.application_no) as events,
      (select count(*)::int from audit_entries a join licenses l on a.entity_id = l.id::text where l.application_no like ${`${prefix}%`} and a.action = 'license.issue' and a.after->>'licenceNo' = l.licence_no) as audits,
      (select count(*)::int from outbox_events o where o.topic = 'license.issued' and o.payload->>'applicationNo' like ${`${prefix}%`}) as outbox,
      (select count(*)::int from notifications n join licenses l on n.subject_id = l.id::text where l.application_no like ${`${prefix}%`} and n.kind = 'license.issued') as notices`);
    return c;
  };
  /** A row without what differs between two issues of the same approval (number, serial, application number). */
  const comparable = (r: Row) => {
    const { licence_no: _n, application_no: _a, signature: _s, payload, ...rest } = r;
    const { licenceNo: _pn, verifyPath: _pv, applicationNo: _pa, ...p } = payload;
    return { ...rest, payload: p };
  };

  beforeAll(async () => {
    t = await testApp(backend);
    person = await createTestAccount(t, { username: 'holder', kind: 'person', displayName: '张三', residentId: PERSON_ID, grants: [{ role: 'applicant', regionCode: null, orgId: null }] });
  }, 120_000);
  afterAll(async () => t?.close());

  it('issues exactly what the application.approved subscriber issues, one by one', async () => {
    const N = 9;
    const svc = new LicenseService(t.ctx);
    for (let i = 0; i < N; i++) await onApplicationApproved(svc, event(approval('SG', i)));
    const bulk = Array.from({ length: N }, (_, i) => approval('BK', i));
    const r = await issueMany(t.ctx.db, bulk);
    expect(r).toEqual({ issued: N, existing: 0, skipped: 0 });

    const single = await licencesOf('SG');
    const many = await licencesOf('BK');
    expect(many).toHaveLength(N);
    expect(many.map(comparable)).toEqual(single.map(comparable));
    // the document: number, verify path and application number in the signed payload, signature valid
    const keys = await jwks(t.ctx.db);
    for (const [i, l] of many.entries()) {
      expect(l.payload.licenceNo).toBe(l.licence_no);
      expect(l.payload.applicationNo).toBe(bulk[i].applicationNo);
      expect(l.payload.verifyPath).toBe(`/verify/licence/${l.licence_no}`);
      expect(Object.keys(l.payload).sort()).toEqual(Object.keys(single[i].payload).sort());
      const doc: SignedLicenceDocument = { payload: l.payload, signature: { alg: 'EdDSA', kid: l.key_id, value: l.signature } };
      expect(verifySignedDocument(doc, keys).signatureValid).toBe(true);
      expect((await verifyNumber(t.ctx.db, l.licence_no)).signatureValid).toBe(true);
    }
    // licence numbers are distinct across both paths (one serial sequence)
    expect(new Set([...single, ...many].map((l) => l.licence_no)).size).toBe(2 * N);
    // the same history, audit, outbox event and holder notices as the single path
    const holderNotices = bulk.filter((b) => b.holder.accountId !== null).length;
    expect(await recordsOf('BK')).toEqual({ events: N, audits: N, outbox: N, notices: holderNotices });
    expect(await recordsOf('SG')).toEqual(await recordsOf('BK'));
  });

  it('is idempotent: a second call, or approvals the subscriber already issued, change nothing', async () => {
    const bulk = Array.from({ length: 9 }, (_, i) => approval('BK', i));
    const [before] = await rows<{ n: number }>(sql`select count(*)::int as n from licenses`);
    expect(await issueMany(t.ctx.db, bulk)).toEqual({ issued: 0, existing: 9, skipped: 0 });
    expect(await issueMany(t.ctx.db, [approval('SG', 0), approval('SG', 1)])).toEqual({ issued: 0, existing: 2, skipped: 0 });
    // a repeat inside one call issues once
    expect(await issueMany(t.ctx.db, [approval('RP', 1), approval('RP', 1)])).toEqual({ issued: 1, existing: 1, skipped: 0 });
    const [after] = await rows<{ n: number }>(sql`select count(*)::int as n from licenses`);
    expect(after.n).toBe(before.n + 1);
    expect(await recordsOf('BK')).toMatchObject({ events: 9, audits: 9, outbox: 9 });
  });

  it('leaves approvals without a licence type or with bad data, as the subscriber does, and issues the rest', async () => {
    const logged: string[] = [];
    const bad = { ...approval('BD', 1), holder: { kind: 'legal' as const, name: '某公司', idNumber: 'not-a-uscc', accountId: null } };
    const none = { ...approval('BD', 2), licence: null };
    const good = approval('BD', 3);
    expect(await issueMany(t.ctx.db, [bad, none, good], { log: (m) => logged.push(m) })).toEqual({ issued: 1, existing: 0, skipped: 2 });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(bad.applicationNo);
    expect((await licencesOf('BD')).map((l) => l.application_no)).toEqual([good.applicationNo]);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import { inTransaction, pgErrorOf, query } from '../../platform/db/index.ts';
import { publishDirect } from './catalog.service.ts';
import { bulkContents, foodLicence, insertTestOrgs, type TestOrgs } from './catalog.test-fixtures.ts';

const who = { actor: SYSTEM_ACTOR };
const approval = { approvalDocNo: '澄政发〔2026〕1号', effectiveDate: '2026-01-01', reason: '权责清单首次公布', who };

describeEachBackend('catalog publication', (backend) => {
  let t: TestDatabase;
  let orgs: TestOrgs;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    orgs = await insertTestOrgs(t.db);
  });
  afterAll(() => t.destroy());

  it('publishes 8,000 items in one batch well under a minute, with one audit entry, one version and one event each', async () => {
    const contents = bulkContents(8000);
    const started = Date.now();
    const out = await inTransaction(t.db, (tx) => publishDirect(tx, contents, approval));
    const seconds = (Date.now() - started) / 1000;
    console.info(`[${backend}] publishDirect: 8000 items in ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(45);
    expect(out).toMatchObject({ created: 8000, updated: 0, retired: 0, unchanged: 0 });
    const [counts] = await query<{ items: number; versions: number; bases: number; events: number; audits: number }>(
      t.db,
      sql`select (select count(*)::int from catalog_items where status = 'published' and current_version = 1) as items,
                 (select count(*)::int from catalog_item_versions where version_no = 1 and approval_doc_no = '澄政发〔2026〕1号') as versions,
                 (select count(*)::int from catalog_base_items) as bases,
                 (select count(*)::int from outbox_events where topic = 'catalog.item_published') as events,
                 (select count(*)::int from audit_entries where action = 'catalog.bulk_published') as audits`,
    );
    expect(counts).toEqual({ items: 8000, versions: 8000, bases: 8000, events: 8000, audits: 1 });
    const [audit] = await query<{ after: { created: number; unchanged: number } }>(t.db, sql`select after from audit_entries where action = 'catalog.bulk_published'`);
    expect(audit.after).toMatchObject({ created: 8000, unchanged: 0 });
    const [row] = await query<{ online: boolean; visits: number; region_code: string; commitment_allowed: boolean }>(
      t.db,
      sql`select online, visits, region_code, commitment_allowed from catalog_items where impl_code = ${contents[11].implCode}`,
    );
    expect(row).toEqual({ online: true, visits: 2, region_code: '320281', commitment_allowed: true });
  }, 120_000);

  it('re-publishing the same list changes nothing; a changed item gets the next version', async () => {
    const contents = bulkContents(8000).slice(0, 300);
    contents[5] = { ...contents[5], promisedDays: 3 };
    const out = await inTransaction(t.db, (tx) => publishDirect(tx, contents, { ...approval, approvalDocNo: '澄政发〔2026〕2号', effectiveDate: '2026-02-01' }));
    expect(out).toMatchObject({ created: 0, updated: 1, unchanged: 299 });
    expect(out.items).toEqual([expect.objectContaining({ versionNo: 2, change: 'update', implCode: contents[5].implCode })]);
    const rows = await query<{ version_no: number; approval_doc_no: string }>(
      t.db,
      sql`select v.version_no, v.approval_doc_no from catalog_item_versions v join catalog_items i on i.id = v.item_id
           where i.impl_code = ${contents[5].implCode} order by v.version_no`,
    );
    expect(rows).toEqual([
      { version_no: 1, approval_doc_no: '澄政发〔2026〕1号' },
      { version_no: 2, approval_doc_no: '澄政发〔2026〕2号' },
    ]);
  });

  it('refuses a base code that means another name (四级四同), naming the entry, and publishes nothing of the batch', async () => {
    const before = await query<{ n: number }>(t.db, sql`select count(*)::int as n from catalog_items`);
    const batch = [
      foodLicence(orgs.scjg),
      foodLicence(orgs.hs, { name: '食品经营许可（小作坊）', implCode: 'XK0010100100-320281107000-000-X-1-00', implementingBody: { orgId: orgs.hs, name: '华士镇人民政府' } }),
    ];
    await expect(inTransaction(t.db, (tx) => publishDirect(tx, batch, approval))).rejects.toMatchObject({
      code: 'catalog.BASE_CODE_MISMATCH',
      fields: [expect.objectContaining({ field: 'items.1.name' })],
    });
    const typeClash = [foodLicence(orgs.scjg, { baseCode: 'T0000001', name: '测试事项00001', itemType: 'filing', implCode: 'other-1' })];
    await expect(inTransaction(t.db, (tx) => publishDirect(tx, typeClash, approval))).rejects.toMatchObject({
      code: 'catalog.BASE_CODE_MISMATCH',
      fields: [expect.objectContaining({ field: 'items.0.itemType' })],
    });
    const after = await query<{ n: number }>(t.db, sql`select count(*)::int as n from catalog_items`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('names the invalid field of the entry, and refuses a bad approval', async () => {
    const bad = foodLicence(orgs.scjg, { materials: [{ name: '申请书', copies: 1 }, { name: '营业执照', copies: -1 }] });
    await expect(inTransaction(t.db, (tx) => publishDirect(tx, [foodLicence(orgs.scjg), bad], approval))).rejects.toMatchObject({
      code: 'catalog.INVALID_CONTENT',
      fields: [expect.objectContaining({ field: 'items.1.materials.1.copies' })],
    });
    await expect(inTransaction(t.db, (tx) => publishDirect(tx, [foodLicence(orgs.scjg)], { ...approval, effectiveDate: '2026-02-30' }))).rejects.toMatchObject({
      code: 'common.VALIDATION',
      fields: [expect.objectContaining({ field: 'effectiveDate' })],
    });
  });

  it('fills in the region from the implementing organisation and derives an implementation code when there is none', async () => {
    const out = await inTransaction(t.db, (tx) =>
      publishDirect(tx, foodLicence(orgs.hs, { name: '小餐饮登记', baseCode: undefined, implCode: undefined, implementingBody: { orgId: orgs.hs, name: '华士镇人民政府' } }), approval),
    );
    const [ev] = out.items;
    expect(ev.regionCode).toBe('320281107');
    expect(ev.implCode).toBe(`L-320281107000-${String(ev.itemId).padStart(6, '0')}`);
    const [row] = await query<{ content: { implCode: string; regionCode: string } }>(t.db, sql`select content from catalog_item_versions where item_id = ${ev.itemId}`);
    expect(row.content).toMatchObject({ implCode: ev.implCode, regionCode: '320281107' });
  });

  it('keeps published versions immutable in the database', async () => {
    const [v] = await query<{ id: number }>(t.db, sql`select id::int as id from catalog_item_versions order by id limit 1`);
    const refused = async (q: ReturnType<typeof sql>) => {
      try {
        await t.db.execute(q);
        return null;
      } catch (e) {
        return pgErrorOf(e)?.message ?? String(e);
      }
    };
    expect(await refused(sql`update catalog_item_versions set approval_doc_no = 'forged' where id = ${v.id}`)).toMatch(/cannot be changed or deleted/);
    expect(await refused(sql`delete from catalog_item_versions where id = ${v.id}`)).toMatch(/cannot be changed or deleted/);
    const [row] = await query<{ approval_doc_no: string }>(t.db, sql`select approval_doc_no from catalog_item_versions where id = ${v.id}`);
    expect(row.approval_doc_no).toBe('澄政发〔2026〕1号');
  });
});

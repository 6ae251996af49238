import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { createTestAccount, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { query } from '../../platform/db/index.ts';
import { insertOrg } from '../org/index.ts';
import { LicenseService, seedDemoLicences, validLicencesOfHolder } from './index.ts';

const FIRM_USCC = '91350100M000100Y43';
const PERSON_ID = '34052419800101001X';

describeEachBackend('licenses demo data', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
    await t.db().execute(sql`insert into regions (code, name, level, parent_code, town_kind) values
      ('320000', '江苏省', 'province', null, null), ('320200', '无锡市', 'city', '320000', null), ('320281', '江阴市', 'county', '320200', null)
      on conflict (code) do nothing`);
    await insertOrg(t.db(), { code: '320281.spj', name: '江阴市行政审批局', type: 'approval_bureau', level: 'county', regionCode: '320281', uscc: '11100000000000027A' });
    await createTestAccount(t, { username: 'firm', kind: 'legal', displayName: '江阴市华士恒通纺织科技有限公司', uscc: FIRM_USCC });
    await createTestAccount(t, { username: 'person', kind: 'person', displayName: '陈思远', residentId: PERSON_ID });
  });
  afterAll(async () => t.close());

  it('issues the demo licences once: one revoked, one due for renewal, the rest valid', async () => {
    expect(await seedDemoLicences(t.ctx)).toBe(6);
    expect(await seedDemoLicences(t.ctx)).toBe(0);
    const rows = await query<{ type_name: string; state: string }>(t.db(), sql`select type_name, state from licenses order by application_no`);
    expect(rows.filter((r) => r.state === 'revoked').map((r) => r.type_name)).toEqual(['卫生许可证']);
    expect(rows).toHaveLength(6);
    const firmValid = (await validLicencesOfHolder(t.db(), FIRM_USCC)).map((l) => l.name).sort();
    expect(firmValid).toEqual(['公章刻制备案证明', '排污许可证', '营业执照', '食品经营许可证'].sort());
    expect(await new LicenseService(t.ctx).remindRenewals(30)).toBe(1);
    const [biz] = await query<{ licence_no: string }>(t.db(), sql`select licence_no from licenses where type_name = '营业执照'`);
    expect(biz.licence_no).toMatch(/^1\.2\.156\.3005\.2\.11100000000013338W011\.11100000000000027A\.2024\d{8}\.001\.[0-9A-Z]$/);
  });
});

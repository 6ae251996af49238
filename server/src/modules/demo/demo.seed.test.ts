import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { signIn, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { query } from '../../platform/db/index.ts';
import { validateResidentId, validateUscc } from '../../platform/ids/index.ts';
import { staffingProblems } from '../org/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOWN, DEPARTMENTS, isDemoSeeded, seedDemo, type SeedDemoResult } from './index.ts';

async function tableCounts(t: TestApp) {
  const [row] = await query<Record<string, number>>(
    t.db(),
    sql`select (select count(*)::int from organisations) as organisations, (select count(*)::int from staffing) as staffing,
               (select count(*)::int from people) as people, (select count(*)::int from accounts) as accounts,
               (select count(*)::int from role_grants) as grants, (select count(*)::int from entities) as entities,
               (select count(*)::int from citizens) as citizens, (select count(*)::int from regions) as regions`,
  );
  return row;
}

describeEachBackend('demo seed', (backend) => {
  let t: TestApp;
  let first: SeedDemoResult;

  beforeAll(async () => {
    t = await testApp(backend);
    expect(await isDemoSeeded(t.ctx)).toBe(false);
    first = await seedDemo(t.ctx);
  }, 600_000); // the whole demo county: seconds alone, minutes on a loaded two-core machine
  afterAll(() => t.close());

  // how long seeding takes is measured by the bench (bench/catalog-search.ts), not asserted here
  it('seeds the default scale', () => {
    expect(first.seeded).toBe(true);
    expect(first.scale).toBe('default');
    console.info(`[${backend}] default demo seed: ${Math.round(first.ms)} ms`, first.counts);
  });

  it('builds Jiangyin: government, departments, and the three platforms of every town, street and zone', async () => {
    const orgs = await query<{ code: string; name: string; type: string; region_code: string; parent_code: string | null; uscc: string }>(
      t.db(),
      sql`select o.code, o.name, o.type, o.region_code, p.code as parent_code, o.uscc from organisations o left join organisations p on p.id = o.parent_id`,
    );
    const byCode = new Map(orgs.map((o) => [o.code, o]));
    expect(byCode.get('320281.gov')).toMatchObject({ name: '江阴市人民政府', type: 'government', parent_code: null });
    expect(byCode.get('320281.spj')).toMatchObject({ name: '江阴市行政审批局', type: 'approval_bureau', parent_code: '320281.gov' });
    expect(byCode.get('320281.zwfw')?.type).toBe('service_centre');
    expect(byCode.get('320281.cyzx')?.type).toBe('command_centre');
    expect(byCode.get('320281.rx12345')?.parent_code).toBe('320281.cyzx');
    const county = orgs.filter((o) => o.region_code === '320281');
    expect(county).toHaveLength(DEPARTMENTS.length + 1);
    expect(DEPARTMENTS.length).toBeGreaterThanOrEqual(38);

    const towns = await query<{ code: string; name: string; town_kind: string }>(t.db(), sql`select code, name, town_kind from regions where parent_code = '320281'`);
    expect(towns).toHaveLength(21);
    for (const town of towns) {
      const gov = byCode.get(`${town.code}.gov`);
      expect(gov?.type).toBe(town.town_kind === 'street' ? 'street_office' : town.town_kind === 'zone' ? 'dev_zone' : 'town_government');
      expect(gov?.parent_code).toBe('320281.gov');
      for (const [key, type] of [['svc', 'service_centre'], ['cmd', 'command_centre'], ['enf', 'enforcement_team']]) {
        expect(byCode.get(`${town.code}.${key}`)).toMatchObject({ type, region_code: town.code, parent_code: `${town.code}.gov` });
      }
    }
    expect(byCode.get('320281107.enf')?.name).toBe('江阴市华士镇综合行政执法局');
    expect(byCode.get('320281001.gov')?.name).toBe('江阴市澄江街道办事处');
    expect(byCode.get('320281400.gov')?.name).toBe('江阴高新技术产业开发区管理委员会');
    for (const o of orgs) expect(validateUscc(o.uscc, { strictBody: true }).valid).toBe(true);
  });

  it('gives every organisation plausible staffing figures', async () => {
    const rows = await query<{ quota: number; actual: number; leader_quota: number; leader_actual: number; internal_units: number; type: string }>(
      t.db(),
      sql`select s.quota, s.actual, s.leader_quota, s.leader_actual, s.internal_units, o.type from staffing s join organisations o on o.id = s.org_id`,
    );
    expect(rows).toHaveLength(first.counts.organisations);
    for (const r of rows) {
      expect(staffingProblems({ quota: r.quota, actual: r.actual, leaderQuota: r.leader_quota, leaderActual: r.leader_actual, internalUnits: r.internal_units })).toEqual([]);
      expect(r.quota).toBeGreaterThan(0);
    }
    // town functional bodies: 7–10 after the reform
    for (const r of rows.filter((x) => x.type === 'town_government')) expect(r.internal_units).toBeGreaterThanOrEqual(7);
  });

  it('creates every demo account, each able to sign in with Demo@2026 and holding its role and scope', async () => {
    for (const spec of DEMO_ACCOUNTS) {
      const headers = await signIn(t.app, spec.username, DEMO_PASSWORD);
      const me = await t.app.inject({ method: 'GET', url: '/api/me', headers });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toMatchObject({ username: spec.username, kind: spec.kind, roles: [{ role: spec.role, regionCode: spec.scopeRegion }] });
    }
    const [person] = await query<{ resident_id: string }>(t.db(), sql`select resident_id from accounts where username = 'person'`);
    expect(validateResidentId(person.resident_id).valid).toBe(true);
    const [firm] = await query<{ uscc: string; name: string }>(t.db(), sql`select a.uscc, e.name from accounts a join entities e on e.uscc = a.uscc where a.username = 'firm'`);
    expect(validateUscc(firm.uscc, { strictBody: true }).valid).toBe(true);
    expect(firm.name).toBe('江阴市华士恒通纺织科技有限公司');
  });

  it('scopes the demo staff: the approver sees only the approval bureau, the grid worker only Huashi', async () => {
    const approver = await signIn(t.app, 'approver', DEMO_PASSWORD);
    const tree = await t.app.inject({ method: 'GET', url: '/api/orgs/tree', headers: approver });
    expect(tree.json().items.map((n: { code: string }) => n.code)).toEqual(['320281.spj']);
    const grid = await signIn(t.app, 'grid', DEMO_PASSWORD);
    const orgs = await t.app.inject({ method: 'GET', url: '/api/orgs?limit=100', headers: grid });
    const codes = orgs.json().items.map((o: { code: string }) => o.code).sort();
    expect(codes).toEqual([`${DEMO_TOWN}.cmd`, `${DEMO_TOWN}.enf`, `${DEMO_TOWN}.gov`, `${DEMO_TOWN}.svc`]);
    const people = await t.app.inject({ method: 'GET', url: `/api/people?orgId=${(await query<{ id: number }>(t.db(), sql`select id from organisations where code = '320281.gov'`))[0].id}`, headers: grid });
    expect(people.statusCode).toBe(404);
  });

  it('registers at least 10,000 market entities, all with valid and unique USCCs', async () => {
    const rows = await query<{ uscc: string; kind: string; region_code: string; name: string }>(t.db(), sql`select uscc, kind, region_code, name from entities`);
    expect(rows.length).toBeGreaterThanOrEqual(10_000);
    const prefix = { enterprise: '91', individual: '92', cooperative: '93' } as Record<string, string>;
    for (const r of rows) {
      expect(validateUscc(r.uscc, { strictBody: true }).valid).toBe(true);
      expect(r.uscc.slice(0, 8)).toBe(`${prefix[r.kind]}320281`);
      expect(r.region_code).toMatch(/^320281\d{3}$/);
    }
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    const kinds = new Set(rows.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['cooperative', 'enterprise', 'individual']);
  });

  it('registers citizens whose resident IDs are valid and match their sex and birth date', async () => {
    const rows = await query<{ resident_id: string; sex: 'male' | 'female'; birth_date: string }>(
      t.db(),
      sql`select resident_id, sex, to_char(birth_date, 'YYYY-MM-DD') as birth_date from citizens`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(5000);
    for (const r of rows) {
      const v = validateResidentId(r.resident_id);
      expect(v.valid).toBe(true);
      if (v.valid) expect(v.details).toMatchObject({ sex: r.sex, birthDate: r.birth_date });
    }
  });

  it('is idempotent: a second run changes nothing, and a run without the marker adds nothing', async () => {
    const before = await tableCounts(t);
    const again = await seedDemo(t.ctx);
    expect(again.seeded).toBe(false);
    expect(await tableCounts(t)).toEqual(before);

    await t.db().execute(sql`delete from demo_seed`);
    const rerun = await seedDemo(t.ctx);
    expect(rerun.seeded).toBe(true);
    expect(rerun.counts).toEqual(first.counts);
    expect(await tableCounts(t)).toEqual(before);
  });
});

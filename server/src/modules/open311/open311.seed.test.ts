import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend, freshDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { insertOrg } from '../org/index.ts';
import { KeyService } from './keys.service.ts';
import { definitionOf } from './open311.repository.ts';
import { DEMO_OPEN311_DEPARTMENT_KEY, DEMO_OPEN311_KEY, seedOpen311Demo } from './open311.seed.ts';
import { Open311Errors } from './open311.errors.ts';
import { insertOpen311Regions, JY } from './open311.test-fixtures.ts';

describeEachBackend('Open311 demo seed', (backend) => {
  let d: TestDatabase;
  let cgj: number;
  beforeAll(async () => {
    d = await freshDatabase(backend);
    await insertOpen311Regions(d.db);
    const gov = await insertOrg(d.db, { code: '320281.gov', name: '江阴市人民政府', type: 'government', level: 'county', regionCode: JY });
    cgj = await insertOrg(d.db, { code: '320281.cgj', name: '江阴市城市管理局', type: 'department', level: 'county', regionCode: JY, parentId: gov });
  });
  afterAll(() => d.destroy());

  it('creates the demo keys and service definitions once', async () => {
    expect(await seedOpen311Demo({ db: d.db })).toEqual({ keys: 2, definitions: 3 });
    expect(await seedOpen311Demo({ db: d.db })).toEqual({ keys: 0, definitions: 0 });
    const app = await KeyService.authenticate(d.db, DEMO_OPEN311_KEY, 'submit');
    expect(app).toMatchObject({ orgId: null, permissions: ['submit'], regionCode: JY });
    const dept = await KeyService.authenticate(d.db, DEMO_OPEN311_DEPARTMENT_KEY, 'update');
    expect(dept).toMatchObject({ orgId: cgj, permissions: ['update'] });
    await expect(KeyService.authenticate(d.db, DEMO_OPEN311_KEY, 'update')).rejects.toMatchObject({ code: Open311Errors.API_KEY_NO_UPDATE().code });
    expect((await definitionOf(d.db, 'E0101'))?.attributes.map((a) => a.code)).toEqual(['photo_hint', 'amount', 'waste_kinds']);
  });
});

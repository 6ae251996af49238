import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../../../test/helpers/db.ts';
import { problem, testApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeUscc } from './index.ts';

describeEachBackend('identifier validation API', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t.close());

  const get = (path: string, value?: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/validate/${path}`, query: value === undefined ? {} : { value }, headers });

  it('answers a valid USCC with its parts, without signing in', async () => {
    const res = await get('uscc', '91350100m000100y43');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      valid: true,
      value: '91350100M000100Y43',
      details: {
        authority: { code: '9', zh: '市场监管', en: 'market regulation (formerly industry and commerce)' },
        kind: { code: '1', zh: '企业', en: 'enterprise' },
        regionCode: '350100',
        bodyId: 'M000100Y4',
        orgCode: 'M000100Y-4',
        checkChar: '3',
      },
      warnings: [],
    });
  });

  it('answers an invalid USCC with 200, the code and the message in the caller language', async () => {
    const zh = await get('uscc', '91350100M000100Y4Z');
    expect(zh.statusCode).toBe(200);
    expect(zh.json()).toMatchObject({ valid: false, code: 'ids.USCC_CHECK', position: 18, expected: '3', error: expect.stringContaining('应为“3”') });
    const en = await get('uscc', '91350100M0I0100Y43', { 'accept-language': 'en-US' });
    expect(en.json()).toMatchObject({ valid: false, code: 'ids.USCC_CHARSET', position: 11, error: expect.stringContaining('"I" at position 11') });
    const empty = await get('uscc', '');
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({ valid: false, code: 'ids.USCC_EMPTY' });
  });

  it('reports the soft body-check rule as a warning', async () => {
    const res = await get('uscc', makeUscc('91350100M000100Y5'));
    expect(res.json()).toMatchObject({ valid: true, warnings: [{ code: 'ids.USCC_BODY_CHECK', expected: '4' }] });
  });

  it('checks resident IDs and returns birth date, sex and region', async () => {
    const ok = await get('resident-id', '11010519491231002X');
    expect(ok.json()).toMatchObject({ valid: true, details: { birthDate: '1949-12-31', sex: 'female', regionCode: '110105', province: { code: '11' } } });
    const bad = await get('resident-id', '11010519491231002Y');
    expect(bad.json()).toMatchObject({ valid: false, code: 'ids.RESIDENT_ID_CHECK', expected: 'X' });
    const date = await get('resident-id', '110105194902300021');
    expect(date.json()).toMatchObject({ valid: false, code: 'ids.RESIDENT_ID_DATE' });
  });

  it('checks region codes', async () => {
    const ok = await get('region-code', '350102101201');
    expect(ok.json()).toMatchObject({ valid: true, value: '350102101201', details: { level: 'village', townKind: 'town', parent: '350102101' } });
    const bad = await get('region-code', '350102700');
    expect(bad.json()).toMatchObject({ valid: false, code: 'ids.REGION_STRUCTURE' });
  });

  it('checks e-licence identifiers', async () => {
    const id = '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U';
    expect((await get('license-id', id)).json()).toMatchObject({ valid: true, details: { issuerKind: 'uscc', version: '001' } });
    expect((await get('license-id', id.replace(/U$/, 'V'))).json()).toMatchObject({ valid: false, code: 'ids.LICENSE_ID_CHECK', expected: 'U' });
  });

  it('answers 400 problem+json naming `value` only when it is missing', async () => {
    for (const path of ['uscc', 'resident-id', 'region-code', 'license-id']) {
      const res = await get(path);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(problem(res)).toMatchObject({ code: 'common.VALIDATION', errors: [{ field: 'value', in: 'query' }] });
    }
  });

  it('documents the endpoints in OpenAPI as public', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['uscc', 'resident-id', 'region-code', 'license-id']) {
      const op = doc.paths[`/api/validate/${path}`].get;
      expect(op.parameters).toEqual([expect.objectContaining({ name: 'value', in: 'query', required: true })]);
      expect(op.security).toBeUndefined();
    }
  });
});

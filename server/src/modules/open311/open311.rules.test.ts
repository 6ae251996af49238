import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  Open311Error,
  checkJurisdiction,
  formatOfUrl,
  open311Settings,
  parseAttributes,
  parseLocation,
  parseRequestFilter,
  parseW3Date,
  splitFormat,
  validateAttributes,
  w3DateTime,
  type AttributeDef,
} from './open311.rules.ts';
import { readXml, xmlList, xmlObject, xmlToData } from './open311.xml.ts';

const attr = (over: Partial<AttributeDef> & Pick<AttributeDef, 'code' | 'datatype'>): AttributeDef => ({
  variable: true,
  required: false,
  datatype_description: null,
  order: 1,
  description: over.code,
  values: [],
  ...over,
});

const thrown = (f: () => unknown): Open311Error => {
  try {
    f();
  } catch (e) {
    if (e instanceof Open311Error) return e;
    throw e;
  }
  throw new Error('did not throw');
};

describe('formats and settings', () => {
  it('splits the format extension', () => {
    expect(splitFormat('services.json')).toEqual({ name: 'services', format: 'json' });
    expect(splitFormat('JY-2026-000001.XML')).toEqual({ name: 'JY-2026-000001', format: 'xml' });
    expect(splitFormat('services')).toBeNull();
    expect(splitFormat('.json')).toBeNull();
    expect(splitFormat('services.csv')).toBeNull();
    expect(formatOfUrl('/open311/v2/requests.json?x=1.xml')).toBe('json');
    expect(formatOfUrl('/open311/v2/requests.xml')).toBe('xml');
    expect(formatOfUrl('/open311/v2/requests')).toBe('xml');
  });

  it('reads settings from the environment and refuses nonsense', () => {
    expect(open311Settings({})).toEqual(DEFAULT_SETTINGS);
    expect(open311Settings({ OPEN311_JURISDICTIONS: 'a.gov.cn, 320281', OPEN311_MAX_REQUESTS: '5', OPEN311_WINDOW_DAYS: '30' })).toMatchObject({
      jurisdictions: ['a.gov.cn', '320281'],
      maxRequests: 5,
      windowDays: 30,
    });
    expect(() => open311Settings({ OPEN311_MAX_REQUESTS: '0' })).toThrow(/OPEN311_MAX_REQUESTS/);
  });

  it('accepts the county jurisdiction or none, and refuses others with a 404', () => {
    expect(() => checkJurisdiction(DEFAULT_SETTINGS, undefined)).not.toThrow();
    expect(() => checkJurisdiction(DEFAULT_SETTINGS, 'jiangyin.gov.cn')).not.toThrow();
    expect(() => checkJurisdiction(DEFAULT_SETTINGS, '320281')).not.toThrow();
    const e = thrown(() => checkJurisdiction(DEFAULT_SETTINGS, 'wuxi.gov.cn'));
    expect(e.status).toBe(404);
    expect(e.errors[0].description).toContain('jurisdiction_id');
  });
});

describe('attributes', () => {
  const defs: AttributeDef[] = [
    attr({ code: 'note', datatype: 'string', variable: false, description: '请拍照' }),
    attr({ code: 'size', datatype: 'singlevaluelist', required: true, order: 2, values: [{ key: 's', name: '小' }, { key: 'l', name: '大' }] }),
    attr({ code: 'kinds', datatype: 'multivaluelist', order: 3, values: [{ key: 'a', name: 'A' }, { key: 'b', name: 'B' }, { key: 'c', name: 'C' }] }),
    attr({ code: 'count', datatype: 'number', order: 4 }),
    attr({ code: 'seen', datatype: 'datetime', order: 5 }),
    attr({ code: 'detail', datatype: 'text', order: 6 }),
  ];

  it('parses attribute[code] and attribute[code][] keys, and nested JSON', () => {
    expect(parseAttributes({ 'attribute[size]': 's', 'attribute[kinds][]': ['a', 'c'], description: 'x' })).toEqual({ size: 's', kinds: ['a', 'c'] });
    expect(parseAttributes({ 'attribute[kinds][]': 'b' })).toEqual({ kinds: ['b'] });
    expect(parseAttributes({ attribute: { size: 'l', kinds: ['a'] } })).toEqual({ size: 'l', kinds: ['a'] });
  });

  it('validates values by datatype', () => {
    const ok = validateAttributes(defs, { size: 'l', kinds: ['a', 'c', 'a'], count: '3', seen: '2026-12-01T08:00:00+08:00', detail: '很多' });
    expect(ok.errors).toEqual([]);
    expect(ok.values).toEqual({ size: 'l', kinds: ['a', 'c'], count: 3, seen: '2026-12-01T00:00:00.000Z', detail: '很多' });
  });

  it('names every missing or invalid attribute', () => {
    const r = validateAttributes(defs, { kinds: ['a', 'z'], count: 'three', seen: 'yesterday', note: 'x', other: '1' });
    const text = r.errors.map((e) => e.description).join('\n');
    expect(r.errors.every((e) => e.code === 400)).toBe(true);
    expect(text).toContain('attribute[size]');
    expect(text).toContain('Required attribute missing');
    expect(text).toContain('Invalid value for attribute[kinds]: z');
    expect(text).toContain('attribute[count] must be a number');
    expect(text).toContain('attribute[seen] must be an ISO 8601');
    expect(text).toContain('Unknown attribute attribute[note]');
    expect(text).toContain('Unknown attribute attribute[other]');
    expect(validateAttributes(defs, { size: ['s', 'l'] }).errors[0].description).toContain('takes one value');
  });
});

describe('dates', () => {
  it('reads the w3 subset; a zone-less time is Beijing time', () => {
    expect(parseW3Date('2026-12-03T10:00:00Z')?.toISOString()).toBe('2026-12-03T10:00:00.000Z');
    expect(parseW3Date('2026-12-03T10:00:00-05:00')?.toISOString()).toBe('2026-12-03T15:00:00.000Z');
    expect(parseW3Date('2026-12-03T10:00:00+0800')?.toISOString()).toBe('2026-12-03T02:00:00.000Z');
    expect(parseW3Date('2026-12-03')?.toISOString()).toBe('2026-12-02T16:00:00.000Z');
    expect(parseW3Date('2026-12-03T10:00')?.toISOString()).toBe('2026-12-03T02:00:00.000Z');
    expect(parseW3Date('2026-02-31')).toBeNull();
    expect(parseW3Date('2026-13-01')).toBeNull();
    expect(parseW3Date('03/12/2026')).toBeNull();
  });

  it('writes instants with the +08:00 offset', () => {
    expect(w3DateTime('2026-12-03T02:00:00.000Z')).toBe('2026-12-03T10:00:00+08:00');
    expect(w3DateTime(null)).toBeNull();
  });
});

describe('locations', () => {
  it('needs lat and long together, or an address', () => {
    expect(parseLocation({ lat: '31.9', long: '120.28' }).location).toMatchObject({ lat: 31.9, long: 120.28 });
    expect(parseLocation({ address_string: '澄江街道人民中路1号' }).errors).toEqual([]);
    expect(parseLocation({ address_id: 'A1' }).errors).toEqual([]);
    expect(parseLocation({}).errors[0].description).toContain('A location is required');
    expect(parseLocation({ lat: '31.9' }).errors[0].description).toContain('together');
    expect(parseLocation({ lat: '91', long: 'x' }).errors).toHaveLength(2);
  });
});

describe('GET requests filter', () => {
  const now = new Date('2026-12-03T04:00:00Z');
  const settings = { ...DEFAULT_SETTINGS, maxRequests: 1000, windowDays: 90 };

  it('defaults to the last 90 days and 1,000 requests', () => {
    const f = parseRequestFilter({}, settings, now);
    expect(f.to).toEqual(now);
    expect(f.from).toEqual(new Date(now.getTime() - 90 * 86_400_000));
    expect(f.limit).toBe(1000);
    expect(f).toMatchObject({ ids: null, serviceCodes: null, statuses: null });
  });

  it('opens 90 days from a start date or up to an end date', () => {
    const s = parseRequestFilter({ start_date: '2026-01-01T00:00:00Z' }, settings, now);
    expect(s.to.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    const e = parseRequestFilter({ end_date: '2026-04-01T00:00:00Z' }, settings, now);
    expect(e.from.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('splits comma lists and checks statuses and dates', () => {
    const f = parseRequestFilter({ service_code: 'a,b', status: 'open,CLOSED', service_request_id: 'X1' }, settings, now);
    expect(f).toMatchObject({ serviceCodes: ['a', 'b'], statuses: ['open', 'closed'], ids: ['X1'] });
    const e = thrown(() => parseRequestFilter({ status: 'pending', start_date: 'soon' }, settings, now));
    expect(e.status).toBe(400);
    expect(e.errors.map((x) => x.description).join()).toMatch(/status.*pending[\s\S]*start_date/);
    expect(thrown(() => parseRequestFilter({ start_date: '2026-02-01', end_date: '2026-01-01' }, settings, now)).errors[0].description).toContain('end_date');
  });
});

describe('XML', () => {
  it('serialises lists with the spec element names and reads them back', () => {
    const xml = xmlList('services', [{ service_code: 'a&b', metadata: true, keywords: null, group: '市容<环境>' }]);
    expect(xml).toBe(
      '<?xml version="1.0" encoding="utf-8"?><services><service><service_code>a&amp;b</service_code><metadata>true</metadata><keywords/><group>市容&lt;环境&gt;</group></service></services>',
    );
    expect(xmlToData(readXml(xml))).toEqual([{ service_code: 'a&b', metadata: 'true', keywords: null, group: '市容<环境>' }]);
  });

  it('nests attributes, values and errors', () => {
    const xml = xmlObject('service_definition', {
      service_code: 'x',
      attributes: [{ code: 'k', values: [{ key: '1', name: 'one' }, { key: '2', name: 'two' }] }],
    });
    expect(xml).toContain('<attributes><attribute><code>k</code><values><value><key>1</key><name>one</name></value><value>');
    const back = xmlToData(readXml(xml)) as { attributes: { values: unknown[] }[] };
    expect(back.attributes[0].values).toEqual([{ key: '1', name: 'one' }, { key: '2', name: 'two' }]);
    expect(xmlToData(readXml(xmlList('errors', [{ code: 403, description: 'Invalid api_key' }])))).toEqual([{ code: '403', description: 'Invalid api_key' }]);
  });

  it('refuses malformed XML', () => {
    expect(() => readXml('<a><b></a>')).toThrow();
    expect(() => readXml('<a></a><b/>')).toThrow();
    expect(() => readXml('<a>')).toThrow();
  });
});

describe('service definitions', () => {
  it('flags duplicate codes, list values and required informational attributes', async () => {
    const { definitionProblems } = await import('./open311.rules.ts');
    expect(definitionProblems([attr({ code: 'a', datatype: 'singlevaluelist', values: [{ key: '1', name: 'x' }] })])).toEqual([]);
    const p = definitionProblems([
      attr({ code: 'a', datatype: 'singlevaluelist' }),
      attr({ code: 'a', datatype: 'string', values: [{ key: '1', name: 'x' }] }),
      attr({ code: 'b', datatype: 'multivaluelist', values: [{ key: '1', name: 'x' }, { key: '1', name: 'y' }] }),
      attr({ code: 'c', datatype: 'string', variable: false, required: true }),
    ]);
    expect(p.map((x) => x.field)).toEqual(['attributes.0.values', 'attributes.1.code', 'attributes.1.values', 'attributes.2.values', 'attributes.3.required']);
  });
});

describe('XML escaping', () => {
  it('drops characters XML 1.0 cannot carry and escapes markup', async () => {
    const { escapeXml } = await import('./open311.xml.ts');
    expect(escapeXml('a\u0001b\u0007<c>&"\'\n')).toBe('ab&lt;c&gt;&amp;&quot;&apos;\n');
  });
});

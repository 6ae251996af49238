/**
 * Deterministic generators of the demo county: the organisation plan,
 * people in posts, market entities and citizens. Pure: the same input gives
 * the same output, and the first n items of a longer run equal a shorter
 * run's (so a large seed extends a default one).
 */
import { createRng, syntheticResidentId, syntheticUscc, type Rng } from '../../platform/ids/index.ts';
import type { OrgLevel, OrgType, StaffingValues, TownKind } from '../org/index.ts';
import type { NewCitizen, NewEntity } from '../registry/index.ts';
import {
  BRAND_FIRST,
  BRAND_SECOND,
  COOPERATIVE_LINES,
  DEFAULT_TOWN_WEIGHT,
  DEPARTMENTS,
  ENTERPRISE_INDUSTRIES,
  GIVEN_ANY,
  GIVEN_FEMALE,
  GIVEN_MALE,
  INDIVIDUAL_INDUSTRIES,
  JIANGYIN,
  POSTS,
  ROADS,
  SURNAMES,
  TOWN_WEIGHTS,
} from './demo.data.ts';

export interface TownRegion {
  code: string;
  name: string;
  townKind: TownKind;
}

export interface OrgPlan {
  code: string;
  name: string;
  shortName: string;
  type: OrgType;
  level: OrgLevel;
  regionCode: string;
  parentCode: string | null;
  sort: number;
  uscc: string;
  staffing: StaffingValues;
}

/** A weighted picker over fixed items. */
function weighted<T>(items: readonly T[], weightOf: (t: T) => number): (rng: Rng) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const it of items) {
    total += weightOf(it);
    cumulative.push(total);
  }
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

const pickSurname = weighted(SURNAMES, ([, w]) => w);

/** A common Chinese name: weighted surname, one or two given characters matching the sex. */
export function personName(rng: Rng, sex: 'male' | 'female'): string {
  const surname = pickSurname(rng)[0];
  const pool = sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  if (rng.next() < 0.35) return surname + rng.pick(pool);
  const first = rng.next() < 0.4 ? rng.pick(GIVEN_ANY) : rng.pick(pool);
  let second = rng.pick(pool);
  if (second === first) second = rng.pick(pool);
  return surname + first + second;
}

function isoDate(rng: Rng, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1);
  const days = Math.round((Date.UTC(toYear + 1, 0, 1) - from) / 86_400_000);
  return new Date(from + rng.int(0, days - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** A trade name (字号): two characters (恒通), sometimes three (恒通达), so there are tens of thousands. */
function brand(rng: Rng): string {
  const a = rng.pick(BRAND_FIRST);
  let b = rng.pick(BRAND_SECOND);
  if (b === a) b = rng.pick(BRAND_SECOND);
  if (rng.next() < 0.25) {
    let c = rng.pick(BRAND_SECOND);
    while (c === b) c = rng.pick(BRAND_SECOND);
    return a + b + c;
  }
  return a + b;
}

/** Draws names until one is free; the name space is far larger than any scale, so this ends quickly. */
function uniqueName(taken: Set<string>, draw: () => string): string {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const name = draw();
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error('demo seed: the synthetic name space is exhausted');
}

function phone(rng: Rng): string {
  return `1${rng.pick(['39', '38', '51', '58', '80', '89', '36', '50'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** The place as written in addresses: zones lose the county prefix (江阴高新技术产业开发区 → 高新技术产业开发区). */
export function placeName(town: TownRegion): string {
  return town.townKind === 'zone' ? town.name.replace(/^(江苏)?江阴/, '') : town.name;
}

/** The short town name used inside firm names: 华士, 澄江; zones use none. */
function tradePlace(town: TownRegion): string {
  if (town.townKind === 'zone') return '';
  return town.name.replace(/(街道|镇|乡)$/, '');
}

/** The prefix of organisation names: 江阴市, unless the region name already carries it. */
function orgPrefix(town: TownRegion): string {
  return /^(江苏)?江阴/.test(town.name) ? '' : '江阴市';
}

function headTitle(name: string): string {
  if (name.endsWith('大队')) return '大队长';
  if (name.endsWith('局')) return '局长';
  return '主任';
}

function orgUscc(code: string, kind: '11' | '12'): string {
  return syntheticUscc(createRng(`org:${code}`), JIANGYIN.code, { authority: kind[0], kind: kind[1] });
}

function staffingFor(code: string, quota: number, leaders: number, units: number, fixedActual?: number): StaffingValues {
  const rng = createRng(`staffing:${code}`);
  const actual = fixedActual ?? Math.max(leaders, quota - rng.int(0, Math.max(1, Math.round(quota * 0.06))));
  return { quota, actual, leaderQuota: leaders, leaderActual: Math.max(1, leaders - rng.int(0, 1)), internalUnits: units };
}

/**
 * The organisations of the demo county: the county government, its
 * departments and centres, and for every town, street and zone the "three
 * platforms" under its government: service centre, command centre and
 * comprehensive enforcement bureau. Parents come before their children.
 */
export function planOrgs(towns: readonly TownRegion[]): OrgPlan[] {
  const county = JIANGYIN.code;
  const gov = `${county}.gov`;
  const out: OrgPlan[] = [
    {
      code: gov,
      name: '江阴市人民政府',
      shortName: '市政府',
      type: 'government',
      level: 'county',
      regionCode: county,
      parentCode: null,
      sort: 0,
      uscc: orgUscc(gov, '11'),
      staffing: staffingFor(gov, 9, 9, 0, 9),
    },
  ];
  DEPARTMENTS.forEach((d, i) => {
    const code = `${county}.${d.key}`;
    out.push({
      code,
      name: d.name,
      shortName: d.shortName,
      type: d.type,
      level: 'county',
      regionCode: county,
      parentCode: d.parent ? `${county}.${d.parent}` : gov,
      sort: i + 1,
      uscc: orgUscc(code, d.uscc),
      staffing: staffingFor(code, d.quota, d.leaders, d.units, d.actual),
    });
  });
  towns.forEach((town, i) => {
    const rng = createRng(`town:${town.code}`);
    const prefix = orgPrefix(town);
    const base = { level: 'town' as const, regionCode: town.code };
    const townGov = `${town.code}.gov`;
    const govSpec =
      town.townKind === 'street'
        ? { name: `${prefix}${town.name}办事处`, type: 'street_office' as const, quota: rng.int(70, 110), leaders: rng.int(7, 9), units: rng.int(7, 9) }
        : town.townKind === 'zone'
          ? { name: `${prefix}${town.name}管理委员会`, type: 'dev_zone' as const, quota: rng.int(40, 90), leaders: rng.int(5, 7), units: rng.int(5, 8) }
          : { name: `${prefix}${town.name}人民政府`, type: 'town_government' as const, quota: rng.int(100, 150), leaders: rng.int(9, 11), units: rng.int(7, 10) };
    out.push({
      ...base,
      code: townGov,
      name: govSpec.name,
      shortName: town.name,
      type: govSpec.type,
      parentCode: gov,
      sort: 100 + i,
      uscc: orgUscc(townGov, '11'),
      staffing: staffingFor(townGov, govSpec.quota, govSpec.leaders, govSpec.units),
    });
    const platforms = [
      { key: 'svc', name: '便民服务中心', short: '便民服务中心', type: 'service_centre' as const, quota: rng.int(12, 24), leaders: 2, units: 2, uscc: '12' as const },
      { key: 'cmd', name: '综合指挥中心', short: '指挥中心', type: 'command_centre' as const, quota: rng.int(10, 20), leaders: 2, units: 3, uscc: '12' as const },
      { key: 'enf', name: '综合行政执法局', short: '执法局', type: 'enforcement_team' as const, quota: rng.int(25, 60), leaders: 3, units: 4, uscc: '11' as const },
    ];
    platforms.forEach((p, j) => {
      const code = `${town.code}.${p.key}`;
      out.push({
        ...base,
        code,
        name: `${prefix}${town.name}${p.name}`,
        shortName: `${tradePlace(town) || placeName(town)}${p.short}`,
        type: p.type,
        parentCode: townGov,
        sort: j + 1,
        uscc: orgUscc(code, p.uscc),
        staffing: staffingFor(code, p.quota, p.leaders, p.units),
      });
    });
  });
  return out;
}

export interface PersonPlan {
  name: string;
  residentId: string;
  orgCode: string;
  regionCode: string;
  post: string;
  phone: string;
  sort: number;
}

/** A few people in posts per organisation (the head first), with valid resident IDs. */
export function planPeople(orgs: readonly OrgPlan[], taken: Set<string> = new Set()): PersonPlan[] {
  const out: PersonPlan[] = [];
  for (const org of orgs) {
    const rng = createRng(`people:${org.code}`);
    const head = headTitle(org.name);
    POSTS[org.type].forEach((template, i) => {
      const sex = rng.next() < 0.62 ? 'male' : 'female';
      const birth = isoDate(rng, i === 0 ? 1966 : 1970, i === 0 ? 1980 : 1998);
      let residentId = syntheticResidentId(rng, JIANGYIN.code, birth, sex);
      while (taken.has(residentId)) residentId = syntheticResidentId(rng, JIANGYIN.code, birth, sex);
      taken.add(residentId);
      out.push({
        name: personName(rng, sex),
        residentId,
        orgCode: org.code,
        regionCode: org.regionCode,
        post: template.replace('{head}', head),
        phone: phone(rng),
        sort: i + 1,
      });
    });
  }
  return out;
}

/** Picks a town by the population weights. */
export function townPicker(towns: readonly TownRegion[]): (rng: Rng) => TownRegion {
  return weighted(towns, (t) => TOWN_WEIGHTS[t.code] ?? DEFAULT_TOWN_WEIGHT);
}

function address(rng: Rng, town: TownRegion): string {
  const building = rng.next() < 0.2 ? `${rng.int(1, 30)}幢` : '';
  return `江苏省江阴市${placeName(town)}${rng.pick(ROADS)}${rng.int(1, 999)}号${building}`;
}

function status(rng: Rng): NewEntity['status'] {
  const x = rng.next();
  return x < 0.93 ? 'active' : x < 0.98 ? 'cancelled' : 'revoked';
}

const pickEnterpriseIndustry = weighted(ENTERPRISE_INDUSTRIES, (i) => i.weight);
const pickShopIndustry = weighted(INDIVIDUAL_INDUSTRIES, (i) => i.weight);

/**
 * Synthetic market entities of the county: about 36% enterprises, 62%
 * individual businesses, 2% farmers' cooperatives, with valid and unique
 * USCCs (91/92/93 + 320281) and unique names. Yields in order; `taken`
 * holds USCCs and names already used (pass the same sets to continue).
 */
export function* generateEntities(
  towns: readonly TownRegion[],
  count: number,
  taken: { uscc: Set<string>; names: Set<string> } = { uscc: new Set(), names: new Set() },
): Generator<NewEntity> {
  const rng = createRng('jiangyin:entities:v1');
  const pickTown = townPicker(towns);
  for (let i = 0; i < count; i++) {
    const town = pickTown(rng);
    const x = rng.next();
    const kind: NewEntity['kind'] = x < 0.36 ? 'enterprise' : x < 0.98 ? 'individual' : 'cooperative';
    let name: string;
    let industryCode: string;
    let industry: string;
    let fromYear: number;
    if (kind === 'enterprise') {
      const ind = pickEnterpriseIndustry(rng);
      ({ code: industryCode, name: industry } = ind);
      const place = rng.next() < 0.8 ? tradePlace(town) : '';
      const suffix = rng.next() < 0.03 ? '股份有限公司' : '有限公司';
      const word = rng.pick(ind.words);
      name = uniqueName(taken.names, () => `${place ? `江阴市${place}` : '江阴'}${brand(rng)}${word}${suffix}`);
      fromYear = 1993;
    } else if (kind === 'individual') {
      const ind = pickShopIndustry(rng);
      ({ code: industryCode, name: industry } = ind);
      const shop = rng.pick(ind.shops);
      const where = town.townKind === 'zone' ? '' : town.name;
      name = uniqueName(taken.names, () => {
        const y = rng.next();
        const prefix = y < 0.7 ? brand(rng) : y < 0.88 ? `${pickSurname(rng)[0]}记` : `老${pickSurname(rng)[0]}`;
        return `江阴市${where}${prefix}${shop}`;
      });
      fromYear = 2000;
    } else {
      const line = rng.pick(COOPERATIVE_LINES);
      ({ code: industryCode, name: industry } = line);
      name = uniqueName(taken.names, () => `江阴市${tradePlace(town) || '澄江'}${brand(rng)}${line.line}专业合作社`);
      fromYear = 2008;
    }
    const usccKind = kind === 'enterprise' ? '1' : kind === 'individual' ? '2' : '3';
    let uscc = syntheticUscc(rng, JIANGYIN.code, { authority: '9', kind: usccKind });
    while (taken.uscc.has(uscc)) uscc = syntheticUscc(rng, JIANGYIN.code, { authority: '9', kind: usccKind });
    taken.uscc.add(uscc);
    const sex = rng.next() < 0.7 ? 'male' : 'female';
    yield {
      uscc,
      name,
      kind,
      industryCode,
      industry,
      regionCode: town.code,
      address: address(rng, town),
      legalRepresentative: personName(rng, sex),
      registeredAt: isoDate(rng, fromYear, 2025),
      status: status(rng),
    };
  }
}

/** Synthetic residents: names matching their sex, valid and unique resident IDs born 1940–2007. */
export function* generateCitizens(towns: readonly TownRegion[], count: number, taken: Set<string> = new Set()): Generator<NewCitizen> {
  const rng = createRng('jiangyin:citizens:v1');
  const pickTown = townPicker(towns);
  for (let i = 0; i < count; i++) {
    const town = pickTown(rng);
    const sex = rng.next() < 0.5 ? 'male' : 'female';
    const birthDate = isoDate(rng, 1940, 2007);
    let residentId = syntheticResidentId(rng, JIANGYIN.code, birthDate, sex);
    while (taken.has(residentId)) residentId = syntheticResidentId(rng, JIANGYIN.code, birthDate, sex);
    taken.add(residentId);
    yield { name: personName(rng, sex), residentId, sex, birthDate, regionCode: town.code, address: address(rng, town) };
  }
}

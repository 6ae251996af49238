/**
 * Builds the whole demo catalog as item contents, from the data tables and
 * the organisations of the county: the county power list and public
 * services (the 200 most used with complete guides), the towns' own powers,
 * and, given the devolution plan, the towns' and zones' implementations of
 * devolved county powers (same base code: 四级四同). Pure and deterministic.
 */
import type { ItemContentInput, ItemType } from '../../catalog/index.ts';
import { baseCode, CodeBook, implCode } from './codes.ts';
import { ALL_DOMAINS, ALL_GUIDES, ALL_NAMED, TARGETS } from './data.index.ts';
import { TOWN_POWERS } from './data.town.ts';
import { expandDomains, expandNamed, type PowerSpec } from './expand.ts';
import { guideContent } from './guide.build.ts';
import { basis } from './laws.ts';
import { basicGuide, COMPLAINT_PHONE, HOURS, isServiceType, townPhone } from './service.ts';
import { accountability, integrityRisks, responsibilities } from './templates.ts';
import { DEPARTMENTS } from '../demo.data.ts';
import type { DeptKey, GuideSpec, Visits } from './types.ts';

export const COUNTY = '320281';

export interface OrgRef {
  id: number;
  code: string;
  name: string;
  uscc: string;
  regionCode: string;
  type: string;
}

export interface TownRef {
  code: string;
  name: string;
  townKind: 'town' | 'street' | 'zone' | 'township';
}

/** One county item: its spec, content and the facts the seed needs beside the content. */
export interface BuiltItem {
  key: string | null;
  spec: PowerSpec;
  guide: GuideSpec | null;
  content: ItemContentInput;
  popularity: number;
}

/** A small stable hash (FNV-1a) for deterministic per-item choices. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Visits of a service item without a complete guide: mostly none or one; one in thirteen needs two. */
export function plainVisits(name: string): Visits {
  const h = hash(name);
  if (h % 13 === 0) return 2;
  return h % 3 === 0 ? 1 : 0;
}

const LEGAL_HINT = /企业|公司|单位|机构|经营|工程|项目|建设|许可证|运输|场所|排污|纳税|发票|社会组织|合作社/;

function orgOf(orgs: Map<string, OrgRef>, code: string): OrgRef {
  const o = orgs.get(code);
  if (!o) throw new Error(`demo catalog: organisation ${code} missing (is the demo county seeded?)`);
  return o;
}

function powerFields(type: ItemType, name: string): Partial<ItemContentInput> {
  return { responsibilities: responsibilities(type, name), accountability: accountability(type), integrityRisks: integrityRisks(type) };
}

/** The field (领域) of an item given by name: its department's line of work (市场监管, 交通运输 …). */
function deptField(dept: DeptKey): string {
  const d = DEPARTMENTS.find((x) => x.key === dept);
  return d ? d.shortName.replace(/(局|委员会|委|办|中心|大队)$/u, '') : '综合';
}

/** The county list: specs in code order, then trimmed to the targets (penalty sub-items beyond the target are left out). */
export function countySpecs(powerTarget: number): { specs: PowerSpec[]; guides: Map<string, GuideSpec> } {
  const book = new CodeBook();
  const guides = new Map<string, GuideSpec>();
  const specs: PowerSpec[] = [];
  const names = new Set<string>();
  for (const g of ALL_GUIDES) {
    if (names.has(g.name)) throw new Error(`demo catalog: guide name repeated: ${g.name}`);
    names.add(g.name);
    guides.set(g.name, g);
    specs.push({ dept: g.dept, type: g.type, name: g.name, base: baseCode(g.type, book.main(g.type)), field: g.field, legal: g.legal, sub: 0 });
  }
  const named = ALL_NAMED.filter(([, , name]) => !names.has(name) && (names.add(name), true));
  specs.push(...expandNamed(named, deptField, book));
  specs.push(...expandDomains(ALL_DOMAINS, book).filter((s) => !names.has(s.name) && (names.add(s.name), true)));
  return { specs: trimToTargets(specs, powerTarget), guides };
}

/** Keeps exactly the target numbers of public services and power items (drops the trailing extra services and the highest penalty sub-items). */
function trimToTargets(specs: PowerSpec[], powerTarget: number): PowerSpec[] {
  const services = specs.filter((s) => s.type === 'public_service');
  if (services.length < TARGETS.services) throw new Error(`demo catalog: only ${services.length} public services`);
  const dropServices = new Set(services.slice(TARGETS.services));
  const kept = specs.filter((s) => !dropServices.has(s));
  const powers = kept.filter((s) => s.type !== 'public_service').length;
  const excess = powers - powerTarget;
  if (excess < 0) throw new Error(`demo catalog: only ${powers} county power items (target ${powerTarget})`);
  const penalties = kept.filter((s) => s.type === 'penalty' && s.sub > 1).sort((a, b) => b.sub - a.sub || (a.base < b.base ? 1 : -1));
  const drop = new Set(penalties.slice(0, excess));
  return kept.filter((s) => !drop.has(s));
}

export function buildCounty(orgs: Map<string, OrgRef>, powerTarget: number): BuiltItem[] {
  const { specs, guides } = countySpecs(powerTarget);
  return specs.map((spec) => {
    const body = orgOf(orgs, `${COUNTY}.${spec.dept}`);
    const guide = guides.get(spec.name) ?? null;
    const common: ItemContentInput = {
      name: spec.name,
      baseCode: spec.base,
      implCode: implCode(spec.base, COUNTY, body.uscc),
      regionCode: COUNTY,
      itemType: spec.type,
      level: 'county',
      legalBasis: spec.legal,
      implementingBody: { orgId: body.id, name: body.name },
      ...powerFields(spec.type, spec.name),
    };
    let content: ItemContentInput = common;
    if (guide) content = { ...common, ...guideContent(guide) };
    else if (isServiceType(spec.type)) {
      content = { ...common, ...basicGuide({ type: spec.type, dept: spec.dept, name: spec.name, law: spec.legal[0].law, visits: plainVisits(spec.name), legal: LEGAL_HINT.test(spec.name) }) };
    }
    return { key: guide?.key ?? null, spec, guide, content, popularity: guide ? 200 + guide.pop : hash(spec.base) % 200 };
  });
}

/** The base items of the towns' own powers: main items 90001 on per type, apart from the county's numbering. */
export function townPowerBases(): { base: string; power: (typeof TOWN_POWERS)[number] }[] {
  const next = new Map<ItemType, number>();
  return TOWN_POWERS.map((power) => {
    const n = (next.get(power.type) ?? 90_000) + 1;
    next.set(power.type, n);
    return { power, base: baseCode(power.type, n) };
  });
}

/** How many own-power items the towns and streets implement (streets skip the rural ones). */
export function townPowerCount(towns: TownRef[]): number {
  const rural = TOWN_POWERS.filter((p) => p.rural).length;
  return towns.reduce((n, t) => n + (t.townKind === 'zone' ? 0 : t.townKind === 'street' ? TOWN_POWERS.length - rural : TOWN_POWERS.length), 0);
}

/** The towns' and streets' own powers (zones hold none), one implementation per town with the shared base code. */
export function buildTownPowers(orgs: Map<string, OrgRef>, towns: TownRef[]): ItemContentInput[] {
  const out: ItemContentInput[] = [];
  const bases = townPowerBases();
  for (const town of towns.filter((t) => t.townKind !== 'zone')) {
    for (const { power, base } of bases) {
      if (power.rural && town.townKind === 'street') continue;
      const body = orgOf(orgs, `${town.code}.${power.body}`);
      const content: ItemContentInput = {
        name: power.name,
        baseCode: base,
        implCode: implCode(base, town.code, body.uscc),
        regionCode: town.code,
        itemType: power.type,
        level: 'town',
        legalBasis: [basis(power.law, power.article)],
        implementingBody: { orgId: body.id, name: body.name },
        ...powerFields(power.type, power.name),
      };
      if (isServiceType(power.type)) {
        Object.assign(content, basicGuide({ type: power.type, dept: 'gov', name: power.name, law: basis(power.law).law, visits: plainVisits(power.name), legal: false }), {
          place: `${orgOf(orgs, `${town.code}.svc`).name}（地址以实际为准）`,
          consultPhone: townPhone(town.code),
        });
      }
      out.push(content);
    }
  }
  return out;
}

/** A town's or zone's implementation of a devolved county item: same base code and name, its own body, region and place. */
export function devolvedContent(county: ItemContentInput, body: OrgRef, town: TownRef, serviceCentre: OrgRef | undefined): ItemContentInput {
  const base = county.baseCode as string;
  const c: ItemContentInput = {
    ...county,
    implCode: implCode(base, town.code, body.uscc),
    regionCode: town.code,
    level: 'town',
    implementingBody: { orgId: body.id, name: body.name },
    remarks: `依赋权决定由${body.name}以自己名义实施。`,
  };
  if (county.place && serviceCentre) {
    c.place = `${serviceCentre.name}（地址以实际为准）`;
    c.hours = HOURS;
    c.consultPhone = townPhone(town.code);
    c.complaintPhone = COMPLAINT_PHONE;
  }
  return c;
}

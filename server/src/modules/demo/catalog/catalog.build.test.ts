/** The demo catalog as built from its tables, without a database: counts, codes, 四级四同, guides, proofs, bundles, duties, devolution plan. */
import { beforeAll, describe, expect, it } from 'vitest';
import { definitionProblems, ItemContent, materialReferenceProblems, type ItemContentInput } from '../../catalog/index.ts';
import { readRegionFiles } from '../../org/index.ts';
import { planOrgs, type TownRegion } from '../demo.generate.ts';
import { buildCounty, buildTownPowers, COUNTY, townPowerCount, type BuiltItem, type OrgRef, type TownRef } from './build.ts';
import { BUNDLES } from './data.bundles.ts';
import { DUTY_MATTERS } from './data.duties.ts';
import { TARGETS } from './data.index.ts';
import { PROOFS } from './data.proofs.ts';
import { DEVOLVED_TOTAL, planDevolutions, type PlannedDevolution } from './devolution.plan.ts';
import { applyProofCodes } from './seed.lists.ts';

let towns: TownRef[];
let orgs: Map<string, OrgRef>;
let county: BuiltItem[];
let townOwn: ItemContentInput[];
let plan: PlannedDevolution[];
let all: ItemContentInput[];

beforeAll(() => {
  towns = readRegionFiles()
    .filter((r) => r.parent_code === COUNTY && r.level === 'town')
    .map((r) => ({ code: r.code, name: r.name, townKind: r.town_kind as TownRef['townKind'] }));
  orgs = new Map(planOrgs(towns as TownRegion[]).map((o, i) => [o.code, { id: i + 1, code: o.code, name: o.name, uscc: o.uscc, regionCode: o.regionCode, type: o.type }]));
  county = buildCounty(orgs, TARGETS.powers - DEVOLVED_TOTAL - townPowerCount(towns));
  townOwn = buildTownPowers(orgs, towns);
  plan = planDevolutions(county, towns, orgs);
  all = [...county.map((c) => c.content), ...townOwn, ...plan.map((p) => p.content)];
  applyProofCodes(all);
});

const isPower = (c: ItemContentInput) => c.itemType !== 'public_service';

describe('demo catalog tables', () => {
  it('make exactly 7,318 power items and 555 public services, all valid item contents', () => {
    expect(all.filter(isPower)).toHaveLength(TARGETS.powers);
    expect(all.filter((c) => !isPower(c))).toHaveLength(TARGETS.services);
    for (const c of all) {
      const r = ItemContent.safeParse(c);
      if (!r.success) throw new Error(`${c.name}: ${r.error.message}`);
    }
  });

  it('keep 四级四同: one base code, one name and type, at every level', () => {
    const byBase = new Map<string, { name: string; type: string }>();
    for (const c of all) {
      const seen = byBase.get(c.baseCode as string);
      if (seen) expect({ name: c.name, type: c.itemType }).toEqual({ name: seen.name, type: seen.type });
      else byBase.set(c.baseCode as string, { name: c.name, type: c.itemType });
    }
    // the county list has no two items of one name, so a base code is the item
    const countyNames = county.map((c) => c.spec.name);
    expect(new Set(countyNames).size).toBe(countyNames.length);
  });

  it('code every item: base code by type, implementation code with the region and the implementing body’s USCC', () => {
    const usccById = new Map([...orgs.values()].map((o) => [o.id, o.uscc]));
    const impl = new Set<string>();
    for (const c of all) {
      expect(c.baseCode).toMatch(/^(XK|CF|QZ|ZS|JF|JC|QR|JL|CJ|QT|GG|BA)\d{8}$/);
      const uscc = usccById.get(c.implementingBody.orgId as number);
      expect(c.implCode).toBe(`${c.baseCode}-${(c.regionCode as string).padEnd(12, '0')}-000-${uscc}-1-00`);
      impl.add(c.implCode as string);
    }
    expect(impl.size).toBe(all.length);
  });

  it('cite a statute for every item, penalties with the seven responsibility steps', () => {
    for (const c of all) {
      expect(c.legalBasis?.length).toBeGreaterThan(0);
      for (const b of c.legalBasis ?? []) {
        expect(b.law).toMatch(/^《.+》/);
        if (b.article) expect(b.article).toMatch(/^第[一二三四五六七八九十百千零]+条$/);
      }
      if (c.itemType === 'penalty') expect(c.responsibilities?.map((r) => r.step)).toEqual(['立案', '调查取证', '审理', '告知', '决定', '送达', '执行']);
      if (isPower(c)) expect(c.accountability?.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('give the 200 most used items complete guides, and the approval bureau exactly its 69 permits', () => {
    const ranked = [...county].sort((a, b) => b.popularity - a.popularity).slice(0, 200);
    expect(ranked.every((c) => c.guide)).toBe(true);
    expect(county.filter((c) => c.guide)).toHaveLength(200);
    for (const { content: c } of ranked) {
      const g = ItemContent.parse(c);
      expect(g.materials.length).toBeGreaterThanOrEqual(3);
      expect(g.acceptanceConditions.length).toBeGreaterThanOrEqual(2);
      expect(g.process.length).toBeGreaterThanOrEqual(3);
      expect(g.promisedDays).not.toBeNull();
      expect(g.fees.length).toBeGreaterThan(0);
      expect(g.visits).not.toBeNull();
      expect(g.handlingMode).not.toBeNull();
      expect(g.faq.length).toBeGreaterThanOrEqual(2);
      expect(g.faq.length).toBeLessThanOrEqual(4);
      expect(g.forms.length).toBeGreaterThan(0);
      expect(g.place && g.hours && g.consultPhone && g.complaintPhone).toBeTruthy();
      expect(g.applicantKinds.length).toBeGreaterThan(0);
      if (g.handlingMode === 'promised' && g.promisedDays) expect(g.process.reduce((n, s) => n + (s.days ?? 0), 0)).toBe(g.promisedDays);
      for (const m of g.materials) if (m.requirement === 'conditional') expect(m.condition).toBeTruthy();
    }
    const spj = county.filter((c) => c.spec.dept === 'spj');
    expect(spj).toHaveLength(69);
    expect(spj.every((c) => c.spec.type === 'licensing' && c.guide)).toBe(true);
    const names = new Set(ranked.map((c) => c.spec.name));
    for (const n of ['企业设立登记', '食品经营许可', '建设工程规划许可证核发', '建筑工程施工许可证核发', '不动产转移登记', '公共场所卫生许可', '药品零售企业经营许可', '道路货物运输经营许可', '排污许可', '人力资源服务许可', '《出生医学证明》首次签发', '住房公积金提取（租赁住房）', '企业社会保险登记', '城乡居民参保登记', '居民身份证申领、换领、补领', '户口迁移登记', '企业变更登记', '印章刻制备案', '发票领用', '企业银行账户开户']) {
      expect(names.has(n), n).toBe(true);
    }
    expect(county.find((c) => c.spec.name === '企业设立登记')?.content.promisedDays).toBe(2);
    expect(county.filter((c) => c.content.commitmentAllowed).length).toBeGreaterThan(10);
  });

  it('need at most one visit for over 92% of the service items', () => {
    const service = all.filter((c) => c.visits !== undefined && c.visits !== null);
    const atMostOne = service.filter((c) => (c.visits as number) <= 1).length;
    expect(service.length).toBeGreaterThan(1000);
    expect(atMostOne / service.length).toBeGreaterThan(0.92);
  });

  it('list 20–40 proofs, every proof code in a material is listed and every listed proof is asked for somewhere', () => {
    expect(PROOFS.length).toBeGreaterThanOrEqual(20);
    expect(PROOFS.length).toBeLessThanOrEqual(40);
    const listed = new Set(PROOFS.filter((p) => (p.status ?? 'listed') === 'listed').map((p) => p.code));
    const used = new Set(all.flatMap((c) => (c.materials ?? []).flatMap((m) => (m.proofCode ? [m.proofCode] : []))));
    for (const code of used) expect(listed.has(code), code).toBe(true);
    for (const code of listed) expect(used.has(code), code).toBe(true);
  });

  it('plan 890 devolutions to towns and streets (75 + 815) and 163 approvals to the two zones, implemented under the county base codes', () => {
    const zone = plan.filter((p) => p.town.townKind === 'zone');
    const toTowns = plan.filter((p) => p.town.townKind !== 'zone');
    expect(toTowns).toHaveLength(890);
    expect(toTowns.filter((p) => ['licensing', 'benefit', 'confirmation', 'filing', 'public_service'].includes(p.county.spec.type))).toHaveLength(75);
    expect(zone).toHaveLength(163);
    expect(new Set(zone.map((p) => p.town.code))).toEqual(new Set(['320281400', '320281404']));
    expect(new Set(toTowns.map((p) => p.town.code)).size).toBe(towns.filter((t) => t.townKind !== 'zone').length);
    for (const p of plan) {
      expect(p.content.baseCode).toBe(p.county.content.baseCode);
      expect(p.content.name).toBe(p.county.content.name);
      expect(p.content.level).toBe('town');
      expect(p.content.regionCode).toBe(p.town.code);
    }
  });

  it('define at least 25 duty matters with a lead, supporting units and a basis for every duty', () => {
    expect(DUTY_MATTERS.length).toBeGreaterThanOrEqual(25);
    for (const code of ['event.garbage_exposed', 'event.road_dirty', 'event.illegal_building', 'event.street_vending', 'event.outdoor_ad', 'event.construction_noise', 'event.illegal_parking', 'asset.manhole_cover', 'asset.street_light', 'asset.road_damage', 'event.water_pollution', 'event.fire_hazard', 'event.food_safety', 'event.work_safety', 'complaint.business_environment']) {
      expect(DUTY_MATTERS.some((m) => m.code === code), code).toBe(true);
    }
    for (const m of DUTY_MATTERS) {
      for (const [unit, duty, basis] of [m.lead, ...m.support]) {
        expect(duty.length).toBeGreaterThan(4);
        expect(basis).toMatch(/《.+》/);
        if (unit !== 'town') expect(orgs.has(`${COUNTY}.${unit}`), unit).toBe(true);
      }
    }
  });

  it('define bundles whose members are guide items and whose option materials exist', () => {
    const byKey = new Map(county.filter((c) => c.key).map((c, i) => [c.key as string, { id: i + 1, c }]));
    expect(BUNDLES.map((b) => b.name)).toEqual(['开办企业一件事', '开办餐饮店一件事', '工业项目开工一件事', '企业注销一件事', '新生儿出生一件事']);
    for (const b of BUNDLES) {
      const members = b.members.map((m, i) => {
        const item = byKey.get(m.item);
        expect(item, `${b.code}: ${m.item}`).toBeDefined();
        return { itemId: item?.id ?? 0, sort: i, condition: m.condition ?? null, formFields: m.fields ?? [], produces: m.produces ?? [] };
      });
      const def = { members, questions: b.questions };
      expect(definitionProblems(def)).toEqual([]);
      const contents = new Map(members.map((m, i) => [m.itemId, ItemContent.parse(byKey.get(b.members[i].item)?.c.content)]));
      expect(materialReferenceProblems(def, contents)).toEqual([]);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../platform/workflow/index.ts';
import { CATEGORY_SEEDS } from './categories.data.ts';
import {
  boundingBox,
  caseNumber,
  centreRegion,
  dispatchTargetProblems,
  distanceMetres,
  everyCandidateReturned,
  findDuplicates,
  leadCandidates,
  limitFor,
  limitProblems,
  nextEscalationLevel,
  ratesOf,
  warnBeforeFor,
  type DuplicateCandidate,
  type OrgFacts,
  type RouteSuggestion,
} from './cases.rules.ts';
import { caseFlow } from './cases.workflow.ts';

const org = (id: number, over: Partial<OrgFacts> = {}): OrgFacts => ({ id, name: `org${id}`, type: 'department', level: 'county', regionCode: '320281', active: true, path: [1, id], ...over });
const deptRoute: RouteSuggestion = {
  lead: { orgId: 10, name: '江阴市综合行政执法局', kind: 'department' },
  supporting: [
    { orgId: 20, name: '华士镇人民政府', kind: 'town' },
    { orgId: 11, name: '江阴市自然资源和规划局', kind: 'department' },
  ],
  reason: { zh: '…', en: '…', basis: '《中华人民共和国城乡规划法》第六十四条', matterName: '违法建设', keptWithDepartment: false },
};
const townRoute: RouteSuggestion = {
  lead: { orgId: 20, name: '华士镇人民政府', kind: 'town' },
  supporting: [{ orgId: 12, name: '江阴市城市管理局', kind: 'department' }],
  reason: { zh: '…', en: '…', basis: '…', matterName: '暴露垃圾', keptWithDepartment: false },
};
const town = org(20, { type: 'town_government', level: 'town', regionCode: '320281107' });
const townTeam = org(21, { type: 'enforcement_team', level: 'town', regionCode: '320281107', path: [1, 20, 21] });

describe('case workflow definition', () => {
  it('is consistent (every state declared, no way out of final states)', () => {
    expect(checkDefinition(caseFlow)).toEqual([]);
  });
});

describe('handling limits', () => {
  const cat = (limitAmount: number, limitUnit: 'working_days' | 'working_hours') => ({ limitAmount, limitUnit });
  it('takes the category limit in working days or hours (暴露垃圾 1 working day, 道路不洁 5 working hours, 违法建设 15 working days)', () => {
    const seeds = Object.fromEntries(CATEGORY_SEEDS.map((s) => [s.name, s]));
    expect([seeds['暴露垃圾'].limit, seeds['暴露垃圾'].unit]).toEqual([1, 'working_days']);
    expect([seeds['道路不洁'].limit, seeds['道路不洁'].unit]).toEqual([5, 'working_hours']);
    expect([seeds['违法建设'].limit, seeds['违法建设'].unit]).toEqual([15, 'working_days']);
    expect(limitFor({ category: cat(5, 'working_hours'), source: 'grid_patrol', hotlineKind: null, urgency: 'normal' })).toEqual({ amount: 5, unit: 'working_hours', basis: 'category' });
  });
  it('gives hotline requests their kind’s default limit: consultation/help 3, complaint/report/suggestion 13 working days', () => {
    const base = { category: cat(1, 'working_days'), source: 'hotline', urgency: 'normal' as const };
    expect(limitFor({ ...base, hotlineKind: 'consult' })).toMatchObject({ amount: 3, unit: 'working_days', basis: 'hotline_kind' });
    expect(limitFor({ ...base, hotlineKind: 'help' }).amount).toBe(3);
    for (const k of ['complaint', 'report', 'suggest'] as const) expect(limitFor({ ...base, hotlineKind: k }).amount).toBe(13);
    // an edited hotline-kind category wins over the default
    expect(limitFor({ ...base, hotlineKind: 'complaint', hotlineKindLimit: cat(10, 'working_days') }).amount).toBe(10);
    // the kind's limit applies to hotline intake only
    expect(limitFor({ ...base, source: 'public', hotlineKind: 'complaint' })).toMatchObject({ amount: 1, basis: 'category' });
  });
  it('handles emergencies the same day', () => {
    expect(limitFor({ category: cat(13, 'working_days'), source: 'hotline', hotlineKind: 'help', urgency: 'emergency' })).toEqual({ amount: 0, unit: 'calendar_days', basis: 'emergency' });
  });
  it('the seeded 12345 kinds carry the default limits', () => {
    const byKind = Object.fromEntries(CATEGORY_SEEDS.filter((s) => s.hotlineKind).map((s) => [s.hotlineKind, s.limit]));
    expect(byKind).toEqual({ consult: 3, help: 3, complaint: 13, report: 13, suggest: 13 });
  });
  it('warns a day before for limits of 3 days or more, a fifth of the time for hours', () => {
    expect(warnBeforeFor({ amount: 15, unit: 'working_days' })).toBe(1);
    expect(warnBeforeFor({ amount: 1, unit: 'working_days' })).toBe(0);
    expect(warnBeforeFor({ amount: 5, unit: 'working_hours' })).toBe(1);
    expect(warnBeforeFor({ amount: 2, unit: 'working_hours' })).toBe(0.5);
    expect(warnBeforeFor({ amount: 0, unit: 'calendar_days' })).toBe(0);
  });
  it('refuses impossible category limits, naming the field', () => {
    expect(limitProblems(0, 'working_days')[0].field).toBe('limitAmount');
    expect(limitProblems(1.5, 'working_days')).toHaveLength(1);
    expect(limitProblems(1.5, 'working_hours')).toEqual([]);
    expect(limitProblems(1.2, 'working_hours')).toHaveLength(1);
  });
});

describe('dispatch targets (no push-down)', () => {
  it('never dispatches a department-led matter down to a town body', () => {
    const problems = dispatchTargetProblems(deptRoute, town, '320281107');
    expect(problems).toHaveLength(1);
    expect(problems[0].field).toBe('orgId');
    expect(problems[0].message).toContain('不得派遣给镇');
    expect(dispatchTargetProblems(deptRoute, townTeam, '320281107')).toHaveLength(1);
    expect(dispatchTargetProblems(deptRoute, org(10), '320281107')).toEqual([]);
    expect(dispatchTargetProblems(deptRoute, org(11), '320281107')).toEqual([]);
  });
  it('lets a town-led matter go to the town or a unit inside it, or to a department', () => {
    expect(dispatchTargetProblems(townRoute, town, '320281107')).toEqual([]);
    expect(dispatchTargetProblems(townRoute, townTeam, '320281107')).toEqual([]);
    expect(dispatchTargetProblems(townRoute, org(12), '320281107')).toEqual([]);
  });
  it('refuses inactive units and units of another county', () => {
    expect(dispatchTargetProblems(townRoute, org(12, { active: false }), '320281107')).toHaveLength(1);
    expect(dispatchTargetProblems(townRoute, null, '320281107')).toHaveLength(1);
    expect(dispatchTargetProblems(null, org(30, { regionCode: '320282' }), '320281107')).toHaveLength(1);
  });
});

describe('returns and arbitration', () => {
  it('only departments may lead a department-led matter; anyone listed a town-led one', () => {
    expect(leadCandidates(deptRoute)).toEqual([10, 11]);
    expect(leadCandidates(townRoute)).toEqual([20, 12]);
    expect(leadCandidates(null)).toEqual([]);
  });
  it('goes to arbitration once every unit that may lead returned it', () => {
    expect(everyCandidateReturned(deptRoute, [10])).toBe(false);
    expect(everyCandidateReturned(deptRoute, [10, 11])).toBe(true);
    expect(everyCandidateReturned(null, [10])).toBe(false);
  });
});

describe('duplicates', () => {
  const at = new Date('2026-12-01T02:00:00Z');
  const here = { lng: 120.3, lat: 31.8 };
  const cand = (id: number, over: Partial<DuplicateCandidate>): DuplicateCandidate => ({ id, caseNo: `N${id}`, categoryCode: 'E0101', reportedAt: at, state: 'reported', ...here, ...over });
  it('measures distance on the sphere', () => {
    expect(distanceMetres(here, { lng: 120.3, lat: 31.8 + 0.001 })).toBeCloseTo(111.2, 0);
    const box = boundingBox(here, 50);
    expect(box.maxLat - here.lat).toBeCloseTo(50 / 111_320, 8);
  });
  it('proposes same sub-class within 50 m and 72 h, still open, nearest first', () => {
    const near = cand(2, { lat: here.lat + 0.0003 }); // ~33 m
    const nearer = cand(3, { lat: here.lat + 0.0001 }); // ~11 m
    const far = cand(4, { lat: here.lat + 0.001 }); // ~111 m
    const old = cand(5, { reportedAt: new Date(at.getTime() - 73 * 3_600_000) });
    const other = cand(6, { categoryCode: 'E0102' });
    const closed = cand(7, { state: 'closed' });
    const self = cand(1, {});
    const found = findDuplicates({ id: 1, categoryCode: 'E0101', reportedAt: at, ...here }, [near, nearer, far, old, other, closed, self]);
    expect(found.map((d) => d.id)).toEqual([3, 2]);
    expect(found[0].distanceMetres).toBeLessThan(12);
  });
  it('uses the configured radius and window', () => {
    const far = cand(4, { lat: here.lat + 0.001 });
    expect(findDuplicates({ categoryCode: 'E0101', reportedAt: at, ...here }, [far], { radiusMetres: 150, hours: 1 }).map((d) => d.id)).toEqual([4]);
  });
});

describe('escalation and numbers', () => {
  it('goes town → county → city and stops there', () => {
    expect(nextEscalationLevel(0)).toBe(1);
    expect(nextEscalationLevel(1)).toBe(2);
    expect(nextEscalationLevel(2)).toBeNull();
    expect(centreRegion('320281107', 0)).toBe('320281107');
    expect(centreRegion('320281107', 1)).toBe('320281');
    expect(centreRegion('320281107', 2)).toBe('320200');
  });
  it('numbers cases by county, China-local date and id', () => {
    expect(caseNumber('320281107', new Date('2026-12-02T17:30:00Z'), 42)).toBe('320281-20261203-000042');
  });
});

describe('indicators', () => {
  it('computes rates and the composite score', () => {
    const r = ratesOf({ received: 12, dispatched: 10, closed: 8, closedOnTime: 6, reworked: 2, extended: 1 });
    expect(r).toEqual({ closureRate: 0.8, onTimeClosureRate: 0.75, reworkRate: 0.2, extensionRate: 0.1, score: 30 + 24 + 16 + 9 });
    expect(ratesOf({ received: 3, dispatched: 0, closed: 0, closedOnTime: 0, reworked: 0, extended: 0 }).score).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../platform/workflow/index.ts';
import {
  CHANNEL_DIMENSIONS,
  compareUnits,
  isBad,
  isSatisfied,
  LEVELS,
  monthRange,
  percent,
  pseudonymOf,
  rateByOf,
  ratingProblems,
  ratingSettings,
  storedDimensions,
  unitRates,
  withinDeadline,
} from './ratings.rules.ts';
import { rectificationFlow } from './rectification.workflow.ts';

const online = { efficiency: 5, guideAccuracy: 4, convenience: 5, usability: 4 };
const onsite = { efficiency: 4, competence: 5, attitude: 5 };

describe('rating rules', () => {
  it('has five levels of which the last two are bad; the first three count as satisfied', () => {
    expect(Object.values(LEVELS).map((l) => l.zh).reverse()).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
    expect([5, 4, 3, 2, 1].map(isBad)).toEqual([false, false, false, true, true]);
    expect([5, 4, 3, 2, 1].map(isSatisfied)).toEqual([true, true, true, false, false]);
  });

  it('uses the dimension set of each channel (DOMAIN §3)', () => {
    expect(CHANNEL_DIMENSIONS.online).toEqual(['overall', 'efficiency', 'guideAccuracy', 'convenience', 'usability']);
    expect(CHANNEL_DIMENSIONS.onsite).toEqual(['overall', 'efficiency', 'competence', 'attitude']);
    expect(ratingProblems('online', { level: 5, dimensions: online })).toEqual([]);
    expect(ratingProblems('onsite', { level: 4, dimensions: { ...onsite, overall: 4 } })).toEqual([]);
    // on-site dimensions are not online ones, and every dimension must be scored 1–5
    expect(ratingProblems('online', { level: 5, dimensions: { ...onsite } }).map((p) => p.field)).toEqual([
      'dimensions.competence',
      'dimensions.attitude',
      'dimensions.guideAccuracy',
      'dimensions.convenience',
      'dimensions.usability',
    ]);
    expect(ratingProblems('onsite', { level: 4, dimensions: { ...onsite, attitude: 6 } }).map((p) => p.field)).toEqual(['dimensions.attitude']);
    expect(ratingProblems('onsite', { level: 4, dimensions: { ...onsite, overall: 2 } }).map((p) => p.field)).toEqual(['dimensions.overall']);
    expect(ratingProblems('online', { level: 0, dimensions: online }).map((p) => p.field)).toEqual(['level']);
    expect(storedDimensions('onsite', 3, onsite)).toEqual({ overall: 3, efficiency: 4, competence: 5, attitude: 5 });
  });

  it('requires reasons on bad ratings only, known and unrepeated, and a comment for "other"', () => {
    expect(ratingProblems('online', { level: 2, dimensions: online }).map((p) => p.field)).toEqual(['reasons']);
    expect(ratingProblems('online', { level: 1, dimensions: online, reasons: ['slow', 'many_visits'] })).toEqual([]);
    expect(ratingProblems('online', { level: 4, dimensions: online, reasons: ['slow'] }).map((p) => p.field)).toEqual(['reasons']);
    expect(ratingProblems('online', { level: 1, dimensions: online, reasons: ['slow', 'bribery'] }).map((p) => p.field)).toEqual(['reasons.1']);
    expect(ratingProblems('online', { level: 1, dimensions: online, reasons: ['slow', 'slow'] }).map((p) => p.field)).toEqual(['reasons']);
    expect(ratingProblems('online', { level: 1, dimensions: online, reasons: ['other'] }).map((p) => p.field)).toEqual(['comment']);
    expect(ratingProblems('online', { level: 1, dimensions: online, reasons: ['other'], comment: '窗口午休无人' })).toEqual([]);
    const [p] = ratingProblems('online', { level: 2, dimensions: online });
    expect(p).toMatchObject({ in: 'body', message: '差评请至少选择一项原因', messageEn: 'Choose at least one reason for a bad rating' });
  });

  it('closes rating after the configured number of days and reads settings strictly', () => {
    const done = new Date('2026-11-02T08:00:00Z');
    const by = rateByOf(done, 30);
    expect(by.toISOString()).toBe('2026-12-02T08:00:00.000Z');
    expect(withinDeadline(by, new Date('2026-12-02T08:00:00Z'))).toBe(true);
    expect(withinDeadline(by, new Date('2026-12-02T08:00:01Z'))).toBe(false);
    expect(ratingSettings({})).toMatchObject({ rateWithinDays: 30, callbackWorkingDays: 5 });
    expect(ratingSettings({ RATING_DEADLINE_DAYS: '15', RATING_CALLBACK_WORKING_DAYS: '3' })).toMatchObject({ rateWithinDays: 15, callbackWorkingDays: 3 });
    expect(() => ratingSettings({ RATING_CALLBACK_WORKING_DAYS: 'five' })).toThrow('RATING_CALLBACK_WORKING_DAYS must be an integer 1–30');
  });

  it('gives a stable pseudonym per rating that does not reveal the account', () => {
    const a = pseudonymOf(7, 42, 'k');
    expect(a).toMatch(/^评价人#[0-9A-F]{6}$/);
    expect(pseudonymOf(7, 42, 'k')).toBe(a);
    expect(pseudonymOf(8, 42, 'k')).not.toBe(a);
    expect(pseudonymOf(7, 42, 'other key')).not.toBe(a);
    expect(a).not.toContain('42');
  });

  it('computes the published rates and the ranking', () => {
    const f = { completed: 40, ratedMatters: 30, ratings: 32, bad: 4, satisfied: 28, levelSum: 140, loops: 5, calledBack: 5, fixed: 4 };
    expect(unitRates(f)).toEqual({ ratingRate: 75, badRate: 12.5, satisfaction: 87.5, average: 4.38, callbackRate: 100, fixRate: 80 });
    expect(unitRates({ ...f, completed: 0, ratedMatters: 0, ratings: 0, bad: 0, satisfied: 0, levelSum: 0, loops: 0, calledBack: 0, fixed: 0 })).toEqual({
      ratingRate: null,
      badRate: null,
      satisfaction: null,
      average: null,
      callbackRate: null,
      fixRate: null,
    });
    expect(percent(1, 3)).toBe(33.3);
    const units = [
      { name: 'none', ratings: 0, ...unitRates({ ...f, ratings: 0, satisfied: 0, levelSum: 0, bad: 0 }) },
      { name: 'b', ratings: 10, ...unitRates({ ...f, ratings: 10, satisfied: 9, levelSum: 45 }) },
      { name: 'a', ratings: 10, ...unitRates({ ...f, ratings: 10, satisfied: 10, levelSum: 40 }) },
      { name: 'c', ratings: 20, ...unitRates({ ...f, ratings: 20, satisfied: 18, levelSum: 90 }) },
    ];
    expect(units.sort(compareUnits).map((u) => u.name)).toEqual(['a', 'c', 'b', 'none']);
  });

  it('takes a month in China time', () => {
    expect(monthRange('2026-11')).toEqual({ from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') });
    expect(monthRange('2026-12').to).toEqual(new Date('2026-12-31T16:00:00Z'));
  });

  it('declares a consistent bad-rating workflow', () => {
    expect(checkDefinition(rectificationFlow)).toEqual([]);
    const resolve = rectificationFlow.actions.resolve.to as (i: Record<string, unknown>) => string;
    expect([resolve({ outcome: 'fix_now' }), resolve({ outcome: 'log_fix' }), resolve({ outcome: 'explain' })]).toEqual(['notified', 'fixing', 'notified']);
  });
});

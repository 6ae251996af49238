/**
 * Pure rules of service ratings (好差评), State Council 2019 No. 51 (DOMAIN §3).
 */
import crypto from 'node:crypto';
import type { FieldError } from '../../platform/errors/index.ts';
import type { RatingChannel } from './ratings.schema.ts';

export interface Label {
  zh: string;
  en: string;
}

/** Five levels, 5 = 非常满意 … 1 = 非常不满意. */
export const LEVELS: Record<1 | 2 | 3 | 4 | 5, Label> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};

/** 不满意 and 非常不满意 are bad ratings (差评). */
export function isBad(level: number): boolean {
  return level <= 2;
}

/** Counted as satisfied in the published satisfaction rate: 非常满意, 满意, 基本满意. */
export function isSatisfied(level: number): boolean {
  return level >= 3;
}

export const DIMENSIONS = {
  overall: { zh: '总体评价', en: 'Overall' },
  efficiency: { zh: '办事效率', en: 'Efficiency' },
  guideAccuracy: { zh: '办事指南准确性', en: 'Guide accuracy' },
  convenience: { zh: '办事便捷程度', en: 'Convenience' },
  usability: { zh: '平台易用性', en: 'Usability' },
  competence: { zh: '业务水平', en: 'Competence' },
  attitude: { zh: '服务态度', en: 'Attitude' },
} as const satisfies Record<string, Label>;
export type Dimension = keyof typeof DIMENSIONS;

/** Dimensions by channel (DOMAIN §3): online and on site. `overall` is the level itself. */
export const CHANNEL_DIMENSIONS: Record<RatingChannel, readonly Dimension[]> = {
  online: ['overall', 'efficiency', 'guideAccuracy', 'convenience', 'usability'],
  onsite: ['overall', 'efficiency', 'competence', 'attitude'],
};

/** Reasons a rater may give for a bad rating. */
export const BAD_REASONS = {
  slow: { zh: '办理时间过长', en: 'Took too long' },
  many_visits: { zh: '多次跑动', en: 'Had to come back several times' },
  excess_materials: { zh: '要求材料过多或重复提交', en: 'Too many or repeated materials' },
  guide_inaccurate: { zh: '办事指南不准确', en: 'The guide was inaccurate' },
  attitude: { zh: '服务态度差', en: 'Poor attitude' },
  unclear_reply: { zh: '一次性告知不清', en: 'Requirements not told at once' },
  system_hard: { zh: '系统不好用', en: 'The system is hard to use' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Label>;
export type BadReason = keyof typeof BAD_REASONS;

export interface RatingInput {
  level: number;
  dimensions: Record<string, number>;
  comment?: string | null;
  reasons?: string[];
}

/**
 * Checks a rating against its channel: the channel's dimension set (each
 * 1–5, overall absent or equal to the level), reasons only on bad ratings
 * and at least one there, a comment when the reason is "other". Returns the
 * problems, each naming its field; none means valid.
 */
export function ratingProblems(channel: RatingChannel, r: RatingInput): FieldError[] {
  const out: FieldError[] = [];
  const problem = (field: string, message: string, messageEn: string) => out.push({ field, message, messageEn, in: 'body' });
  const levelOk = Number.isInteger(r.level) && r.level >= 1 && r.level <= 5;
  if (!levelOk) problem('level', '评价等级应为 1–5', 'Level must be 1–5');
  const wanted = CHANNEL_DIMENSIONS[channel];
  for (const key of Object.keys(r.dimensions)) {
    if (!(wanted as readonly string[]).includes(key)) problem(`dimensions.${key}`, `${channel === 'online' ? '网上' : '现场'}评价没有此维度`, `Not a dimension of ${channel} ratings`);
  }
  for (const d of wanted) {
    const v = r.dimensions[d];
    if (d === 'overall') {
      if (v !== undefined && v !== r.level) problem('dimensions.overall', '总体评价应与评价等级一致', 'Overall must equal the level');
      continue;
    }
    if (v === undefined) problem(`dimensions.${d}`, `请为「${DIMENSIONS[d].zh}」打分`, `Score "${DIMENSIONS[d].en}"`);
    else if (!Number.isInteger(v) || v < 1 || v > 5) problem(`dimensions.${d}`, '分值应为 1–5', 'Score must be 1–5');
  }
  const reasons = r.reasons ?? [];
  if (!levelOk) {
    // the level decides which reasons are allowed; nothing more to say until it is valid
  } else if (isBad(r.level)) {
    if (reasons.length === 0) problem('reasons', '差评请至少选择一项原因', 'Choose at least one reason for a bad rating');
  } else if (reasons.length > 0) {
    problem('reasons', '仅差评需要填写原因', 'Reasons are for bad ratings only');
  }
  reasons.forEach((reason, i) => {
    if (!(reason in BAD_REASONS)) problem(`reasons.${i}`, '未知的差评原因', 'Unknown reason');
  });
  if (new Set(reasons).size !== reasons.length) problem('reasons', '原因不能重复', 'Reasons must not repeat');
  if (reasons.includes('other') && !(r.comment ?? '').trim()) problem('comment', '选择「其他」时请说明情况', 'Explain the "other" reason in the comment');
  return out;
}

/** The full dimension record as stored: the channel's dimensions with overall = level. */
export function storedDimensions(channel: RatingChannel, level: number, dims: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of CHANNEL_DIMENSIONS[channel]) out[d] = d === 'overall' ? level : dims[d];
  return out;
}

/** Days after completion within which a matter may be rated (calendar days; RATING_DEADLINE_DAYS). */
export const DEFAULT_RATE_WITHIN_DAYS = 30;
/** Working days for the call-back of a bad rating (local practice; RATING_CALLBACK_WORKING_DAYS). */
export const DEFAULT_CALLBACK_WORKING_DAYS = 5;
/** Minutes an on-site rating code stays valid on the window tablet. */
export const VISIT_CODE_MINUTES = 15;

export function rateByOf(completedAt: Date, days: number): Date {
  return new Date(completedAt.getTime() + days * 86_400_000);
}

/** May the matter still be rated at `now`? */
export function withinDeadline(rateBy: Date, now: Date): boolean {
  return now.getTime() <= rateBy.getTime();
}

export interface RatingSettings {
  rateWithinDays: number;
  callbackWorkingDays: number;
  /** HMAC key of the raters' pseudonyms (RATING_PSEUDONYM_KEY; set it in production). */
  pseudonymKey: string;
}

/** Reads the module's settings from the environment; a bad value is refused at start-up, not ignored. */
export function ratingSettings(env: Record<string, string | undefined> = process.env): RatingSettings {
  const int = (name: string, fallback: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be an integer 1–${max}, got "${raw}"`);
    return n;
  };
  return {
    rateWithinDays: int('RATING_DEADLINE_DAYS', DEFAULT_RATE_WITHIN_DAYS, 365),
    callbackWorkingDays: int('RATING_CALLBACK_WORKING_DAYS', DEFAULT_CALLBACK_WORKING_DAYS, 30),
    pseudonymKey: env.RATING_PSEUDONYM_KEY || 'tongban-ratings-pseudonym',
  };
}

/**
 * The name the rated unit's staff see instead of the rater: stable for one
 * rating, unlinkable across ratings without the server's key.
 */
export function pseudonymOf(ratingId: number, raterAccountId: number | null, key: string): string {
  const h = crypto.createHmac('sha256', key).update(`${ratingId}:${raterAccountId ?? 'anon'}`).digest('hex');
  return `评价人#${h.slice(0, 6).toUpperCase()}`;
}

/** A share as a percentage with one decimal, or null when there is nothing to divide by. */
export function percent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

export interface UnitFigures {
  completed: number;
  ratedMatters: number;
  ratings: number;
  bad: number;
  satisfied: number;
  levelSum: number;
  /** Bad ratings under the loop, appeals upheld excluded. */
  loops: number;
  calledBack: number;
  fixed: number;
}

export interface UnitRates {
  ratingRate: number | null;
  badRate: number | null;
  satisfaction: number | null;
  average: number | null;
  callbackRate: number | null;
  fixRate: number | null;
}

/**
 * Published figures of a unit (DOMAIN §3): rating rate = rated matters /
 * completed matters; satisfaction = (非常满意 + 满意 + 基本满意) / ratings;
 * call-back rate and fix rate over the bad ratings under the loop.
 */
export function unitRates(f: UnitFigures): UnitRates {
  return {
    ratingRate: percent(f.ratedMatters, f.completed),
    badRate: percent(f.bad, f.ratings),
    satisfaction: percent(f.satisfied, f.ratings),
    average: f.ratings > 0 ? Math.round((f.levelSum / f.ratings) * 100) / 100 : null,
    callbackRate: percent(f.calledBack, f.loops),
    fixRate: percent(f.fixed, f.loops),
  };
}

/** Ranking order: satisfaction, then average level, then more ratings; units without ratings last. */
export function compareUnits(a: UnitRates & { ratings: number }, b: UnitRates & { ratings: number }): number {
  const s = (b.satisfaction ?? -1) - (a.satisfaction ?? -1);
  if (s !== 0) return s;
  const v = (b.average ?? -1) - (a.average ?? -1);
  if (v !== 0) return v;
  return b.ratings - a.ratings;
}

/** The half-open instant range of a month 'YYYY-MM' in China time. */
export function monthRange(period: string): { from: Date; to: Date } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!m) throw new Error(`bad period ${period}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const from = new Date(Date.UTC(y, mo - 1, 1) - 8 * 3_600_000);
  const to = new Date(Date.UTC(mo === 12 ? y + 1 : y, mo === 12 ? 0 : mo, 1) - 8 * 3_600_000);
  return { from, to };
}

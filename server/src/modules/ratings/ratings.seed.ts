/**
 * Demo ratings over the ratable matters that exist (made from historical
 * completed applications): most matters rated, on site for window matters
 * and online otherwise, a realistic share of bad ratings, each taken through
 * the loop with every outcome, a few appeals (upheld and rejected) and
 * re-ratings. Deterministic for a given seed; rated at plausible past times.
 */
import { inTransaction } from '../../platform/db/index.ts';
import { permissionsOf, SYSTEM_ACTOR, type Actor } from '../../platform/access/index.ts';
import type { AppContext } from '../../context.ts';
import { ratingModule } from './ratings.module.ts';
import * as repo from './ratings.repository.ts';
import type { RatingService } from './ratings.service.ts';
import { CHANNEL_DIMENSIONS, ratingSettings, type BadReason } from './ratings.rules.ts';
import type { RatingChannel } from './ratings.schema.ts';

export interface RatingsDemoResult {
  matters: number;
  rated: number;
  bad: number;
  appeals: number;
  rerated: number;
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GOOD_COMMENTS: Record<RatingChannel, (string | null)[]> = {
  online: ['办事很快，一次办好', '材料一次性告知，很清楚', '网上办理很方便', null, null, null],
  onsite: ['窗口人员很耐心', '一次办好，不用跑第二趟', '导办服务很周到', null, null, null],
};
const BAD_CASES: { reasons: BadReason[]; comment: string }[] = [
  { reasons: ['slow'], comment: '等了很久才办结' },
  { reasons: ['many_visits', 'unclear_reply'], comment: '补了两次材料，第一次没有说清楚' },
  { reasons: ['excess_materials'], comment: '要求提供已经在系统里的证明' },
  { reasons: ['system_hard'], comment: '网上申报页面经常卡住' },
  { reasons: ['attitude'], comment: '窗口人员不耐烦' },
  { reasons: ['guide_inaccurate'], comment: '办事指南和实际要求不一致' },
];

const applicant = (id: number): Actor => {
  const grants = [{ role: 'applicant' as const, regionCode: null, orgId: null }];
  return { id, username: `account#${id}`, kind: 'person', displayName: '申请人', grants, permissions: permissionsOf(grants), via: 'system' };
};
/** The rated unit's staff and the supervisor, as distinct system actors (a unit may not decide its own appeal). */
const unitActor: Actor = { ...SYSTEM_ACTOR, id: 0, username: 'demo-unit' };
const supervisorActor: Actor = { ...SYSTEM_ACTOR, id: 0, username: 'demo-supervisor' };

/**
 * Rates the unrated matters that have an applicant account. `share` of them
 * are rated (default 0.85), `badShare` of the ratings are bad (default 0.05).
 */
export async function seedRatingsDemo(
  ctx: Pick<AppContext, 'db' | 'workflows'>,
  opts: { share?: number; badShare?: number; seed?: number; limit?: number } = {},
): Promise<RatingsDemoResult> {
  const rnd = prng(opts.seed ?? 2019051);
  const share = opts.share ?? 0.85;
  const badShare = opts.badShare ?? 0.05;
  const settings = ratingSettings();
  // one transaction for the whole seed: the services below join it
  return inTransaction(ctx.db, async (tx) => {
    const matters = await repo.unratedMatters(tx, opts.limit ?? 100000);
    const mod0 = ratingModule(ctx, { settings });
    const out: RatingsDemoResult = { matters: matters.length, rated: 0, bad: 0, appeals: 0, rerated: 0 };
    const realNow = Date.now();
    // ratings that are not bad are written in bulk at the end; bad ones go through the rectification workflow as they come
    const good: Parameters<RatingService['recordFirstRatings']>[1][number][] = [];
    for (const m of matters) {
      if (m.applicant_account_id === null) continue;
      if (rnd() >= share) continue;
      // rated a few hours to a few days after completion, never in the future
      let clock = Math.min(new Date(m.completed_at).getTime() + (1 + rnd() * 96) * 3_600_000, realNow - 60_000);
      const at = () => new Date(clock);
      const later = (hours: number) => {
        clock = Math.min(clock + hours * 3_600_000, realNow - 1000);
      };
      const mod = ratingModule(ctx, { settings, now: at });
      const channel: RatingChannel = m.channel === 'window' ? 'onsite' : 'online';
      const bad = rnd() < badShare;
      const level = bad ? (rnd() < 0.5 ? 1 : 2) : rnd() < 0.72 ? 5 : rnd() < 0.8 ? 4 : 3;
      const dims: Record<string, number> = {};
      for (const d of CHANNEL_DIMENSIONS[channel]) if (d !== 'overall') dims[d] = Math.max(1, Math.min(5, level + (rnd() < 0.25 ? (rnd() < 0.5 ? -1 : 1) : 0)));
      const badCase = BAD_CASES[Math.floor(rnd() * BAD_CASES.length)];
      const input = bad ? { level, dimensions: dims, reasons: badCase.reasons, comment: badCase.comment } : { level, dimensions: dims, comment: GOOD_COMMENTS[channel][Math.floor(rnd() * GOOD_COMMENTS[channel].length)] };
      const rater = { actor: applicant(m.applicant_account_id), ip: '127.0.0.1' };
      if (!bad) {
        good.push({ who: rater, opener: { actor: SYSTEM_ACTOR }, matter: m, channel, input, at: at() });
        out.rated += 1;
        continue;
      }
      let rated;
      if (channel === 'onsite') {
        const visit = await mod.ratings.openVisit({ actor: SYSTEM_ACTOR }, m.id);
        rated = await mod.ratings.rateOnsite(rater, visit.code, input);
      } else {
        rated = await mod.ratings.rateOnline(rater, m.id, input);
      }
      out.rated += 1;
      if (!rated.rectificationId) continue;
      out.bad += 1;
      const id = rated.rectificationId;
      const unit = { actor: unitActor };
      let version = 2;
      const step = async (action: 'callBack' | 'resolve' | 'completeFix' | 'appeal', body: Record<string, unknown>, hours: number) => {
        later(hours);
        await mod.rectifications.act(unit, id, action, { version, ...body });
        version += 1;
      };
      const roll = rnd();
      if (roll < 0.1) {
        out.appeals += 1;
        await step('appeal', { reason: '评价内容与本单位办理事项无关，系误评' }, 20);
        later(30);
        const upheld = rnd() < 0.5;
        await mod.rectifications.act({ actor: supervisorActor }, id, upheld ? 'uphold' : 'rejectAppeal', { version, note: upheld ? '经核实属误评，申诉成立' : '评价属实，驳回申诉，请按期回访' });
        version += 1;
        if (upheld) continue;
      }
      await step('callBack', { note: '已通过平台中转号码回访评价人，了解具体情况' }, 8 + rnd() * 60);
      const outcome = roll < 0.5 ? 'fix_now' : roll < 0.75 ? 'log_fix' : 'explain';
      const fixBy = new Date(clock + 10 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
      await step('resolve', outcome === 'log_fix' ? { outcome, fixBy, note: '已列入整改台账，限期完成' } : { outcome, note: outcome === 'fix_now' ? '已当场整改并向评价人致歉' : '已向评价人解释相关规定' }, 4);
      if (outcome === 'log_fix') {
        if (clock + 8 * 86_400_000 > realNow) continue;
        await step('completeFix', { note: '整改已完成' }, 24 * 8);
      }
      later(24);
      const r = rnd();
      if (r < 0.5) {
        await mod.rectifications.raterAct(rater, rated.id, 'rerate', { version, level: 4, dimensions: Object.fromEntries(Object.keys(dims).map((k) => [k, 4])) });
        out.rerated += 1;
      } else if (r < 0.8) {
        await mod.rectifications.raterAct(rater, rated.id, 'accept', { version });
      }
    }
    await mod0.ratings.recordFirstRatings(tx, good);
    return out;
  });
}

import type { AppContext } from '../../context.ts';
import { ratingSettings, type RatingSettings } from './ratings.rules.ts';
import { RatingService } from './ratings.service.ts';
import { RectificationService } from './rectification.service.ts';
import { RatingStatsService } from './stats.service.ts';

export interface RatingModule {
  settings: RatingSettings;
  ratings: RatingService;
  rectifications: RectificationService;
  stats: RatingStatsService;
}

/** The module's services over the platform context (stateless: routes and jobs each build their own). */
export function ratingModule(ctx: Pick<AppContext, 'db' | 'workflows'>, opts: { settings?: RatingSettings; now?: () => Date } = {}): RatingModule {
  const settings = opts.settings ?? ratingSettings();
  const ratings = new RatingService(ctx.db, ctx.workflows, settings, opts.now);
  const rectifications = new RectificationService(ctx.db, ctx.workflows, ratings, settings, opts.now);
  return { settings, ratings, rectifications, stats: new RatingStatsService(ctx.db) };
}

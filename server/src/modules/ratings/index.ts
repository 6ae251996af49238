/** Service ratings (好差评). The only import surface of modules/ratings. */
export { ratingMatters, ratingVisits, ratings, ratingRectifications, ratingNotices, SUBJECT_TYPES, RATING_CHANNELS, RECTIFICATION_OUTCOMES } from './ratings.schema.ts';
export type { SubjectType, RatingChannel, RectificationOutcome } from './ratings.schema.ts';
export {
  LEVELS,
  DIMENSIONS,
  CHANNEL_DIMENSIONS,
  BAD_REASONS,
  isBad,
  isSatisfied,
  ratingProblems,
  unitRates,
  ratingSettings,
  DEFAULT_RATE_WITHIN_DAYS,
  DEFAULT_CALLBACK_WORKING_DAYS,
  type RatingSettings,
} from './ratings.rules.ts';
export { RatingErrors } from './ratings.errors.ts';
export { ApplicationCompleted, RATING_RECORDED, RATING_EXCLUDED, type RatingRecordedPayload } from './ratings.service.ts';
export { rectificationFlow, RECTIFICATION_WORKFLOW, CALLBACK_CLOCK } from './rectification.workflow.ts';
export { ratingModule, type RatingModule } from './ratings.module.ts';
export { registerRatingRoutes } from './ratings.routes.ts';
export { registerRatingJobs, APPLICATION_COMPLETED } from './ratings.jobs.ts';
export { seedRatingsDemo, type RatingsDemoResult } from './ratings.seed.ts';

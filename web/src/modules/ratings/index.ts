/** The ratings pages' public surface for other modules: the embeddable rating card and form. */
export { RateMatter } from './RateMatter.tsx';
export { RatingForm } from './RatingForm.tsx';
export { useRatingMeta } from './useRatingMeta.ts';
export type { RatingBody, RatingMeta } from './ratings.api.ts';
export { OnsiteRatingButton } from './OnsiteRatingButton.tsx';

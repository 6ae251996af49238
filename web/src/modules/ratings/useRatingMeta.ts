import { useRemote } from '../../app/hooks/useRemote.ts';
import { ratingMeta, type RatingMeta } from './ratings.api.ts';

let cached: Promise<RatingMeta> | null = null;

/** Levels, dimensions and reasons from the server (fetched once per page load). */
export function useRatingMeta() {
  return useRemote((signal) => {
    cached ??= ratingMeta(signal).catch((e: unknown) => {
      cached = null;
      throw e;
    });
    return cached;
  }, []);
}

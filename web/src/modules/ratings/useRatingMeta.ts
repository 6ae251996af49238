import { useRemote } from '../../app/hooks/useRemote.ts';
import { ratingMeta, type RatingMeta } from './ratings.api.ts';

let cached: Promise<RatingMeta> | null = null;

/**
 * Levels, dimensions and reasons from the server (fetched once per page load).
 * The shared request is not tied to any one component's abort signal: a
 * component that unmounts (or React's double mount in development) must not
 * cancel it for the others.
 */
export function useRatingMeta() {
  return useRemote(() => {
    cached ??= ratingMeta().catch((e: unknown) => {
      cached = null;
      throw e;
    });
    return cached;
  }, []);
}

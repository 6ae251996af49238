/** A compact constructor of GuideSpec rows for the guide tables. */
import type { ItemType } from '../../catalog/index.ts';
import type { DeptKey, GuideSpec, LegalBasisInput, Visits } from './types.ts';

export { basis as b } from './laws.ts';

/**
 * g(key, name, dept, type, field, legal, materials, [statutory, promised], visits, mode, popularity, applicant, extra).
 * `mode` 'i' = 即办件 (immediate), 'p' = 承诺件 (promised).
 */
export function g(
  key: string,
  name: string,
  dept: DeptKey,
  type: ItemType,
  field: string,
  legal: LegalBasisInput[],
  mats: string,
  days: [number | null, number],
  visits: Visits,
  mode: 'i' | 'p',
  pop: number,
  applicant: GuideSpec['applicant'],
  extra: Partial<GuideSpec> = {},
): GuideSpec {
  return { key, name, dept, type, field, legal, mats, days, visits, mode: mode === 'i' ? 'immediate' : 'promised', pop, applicant, ...extra };
}

/** A special procedure not counted in the time limit (Licensing Law art. 45). */
export const sp = (name: string, maxDays: number, basis?: string) => ({ name, maxDays, counted: false, ...(basis ? { basis } : {}) });

import type { Translate } from '../../../app/i18n/index.tsx';
import type { BundleApplicantKind } from '../catalog.types.ts';

/** Who a bundle is for: persons, legal persons or both. */
export function bundleApplicantText(kind: BundleApplicantKind, t: Translate): string {
  if (kind === 'person') return t('catalog.applicant.personService');
  if (kind === 'legal') return t('catalog.applicant.legalService');
  return t('catalog.bundle.anyApplicant');
}

/** All data tables of the demo catalog, in the fixed order that gives the codes. */
import { AGRI_DOMAINS } from './data.penalty.agri.ts';
import { BUILD_DOMAINS } from './data.penalty.build.ts';
import { ENV_DOMAINS } from './data.penalty.env.ts';
import { HEALTH_DOMAINS } from './data.penalty.health.ts';
import { MARKET_DOMAINS } from './data.penalty.market.ts';
import { MISC_DOMAINS } from './data.penalty.misc.ts';
import { MORE_DOMAINS } from './data.penalty.more.ts';
import { SAFETY_DOMAINS } from './data.penalty.safety.ts';
import { SOCIAL_DOMAINS } from './data.penalty.social.ts';
import { TRANSPORT_DOMAINS } from './data.penalty.transport.ts';
import { GUIDES_BUSINESS } from './data.guides.business.ts';
import { GUIDES_PEOPLE } from './data.guides.people.ts';
import { GUIDES_SOCIAL } from './data.guides.social.ts';
import { GUIDES_SPJ_1 } from './data.guides.spj1.ts';
import { GUIDES_SPJ_2 } from './data.guides.spj2.ts';
import { NAMED_POWERS } from './data.named.ts';
import { SAMPLE_POWERS_1 } from './data.sample.powers1.ts';
import { SAMPLE_POWERS_2 } from './data.sample.powers2.ts';
import { SAMPLE_SERVICES } from './data.sample.services.ts';
import { EXTRA_SERVICES } from './data.services.ts';
import type { Domain, GuideSpec, NamedRow } from './types.ts';

export const ALL_GUIDES: GuideSpec[] = [...GUIDES_SPJ_1, ...GUIDES_SPJ_2, ...GUIDES_PEOPLE, ...GUIDES_SOCIAL, ...GUIDES_BUSINESS];

export const ALL_NAMED: NamedRow[] = [...NAMED_POWERS, ...SAMPLE_POWERS_1, ...SAMPLE_POWERS_2, ...SAMPLE_SERVICES, ...EXTRA_SERVICES];

export const ALL_DOMAINS: Domain[] = [
  ...MARKET_DOMAINS,
  ...ENV_DOMAINS,
  ...BUILD_DOMAINS,
  ...SAFETY_DOMAINS,
  ...TRANSPORT_DOMAINS,
  ...AGRI_DOMAINS,
  ...HEALTH_DOMAINS,
  ...SOCIAL_DOMAINS,
  ...MISC_DOMAINS,
  ...MORE_DOMAINS,
];

/**
 * Jiangyin's published figures (seed 000/003): 7,318 power items (county
 * list + towns' own powers + towns' and zones' implementations of devolved
 * powers) and 555 public services; 890 powers devolved to towns (75 + 815)
 * and 163 approval powers to two zones.
 */
export const TARGETS = {
  powers: 7318,
  services: 555,
  devolvedApprovalService: 75,
  devolvedPenaltyOther: 815,
  zoneApprovals: 163,
} as const;

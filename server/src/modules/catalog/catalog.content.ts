import { z } from 'zod';
import { ITEM_TYPES } from './catalog.types.rules.ts';

/**
 * The content of one catalog item version: its power-list fields and its
 * service guide (DOMAIN §1–§2). Published versions store exactly this, so a
 * diff between versions is a diff of two such objects.
 */
const text = (max = 2000) => z.string().trim().min(1).max(max);

export const LegalBasis = z.object({
  law: text(200),
  article: z.string().trim().max(100).optional(),
  text: z.string().trim().max(5000).optional(),
});

export const Material = z.object({
  name: text(300),
  copies: z.number().int().min(0).max(99).default(1),
  form: z.enum(['original', 'copy', 'original_and_copy']).default('original'),
  source: z.enum(['applicant', 'government', 'intermediary', 'other']).default('applicant'),
  sourceNote: z.string().trim().max(300).optional(),
  requirement: z.enum(['required', 'conditional', 'optional']).default('required'),
  condition: z.string().trim().max(500).optional(),
  medium: z.enum(['paper', 'electronic', 'both']).default('both'),
  /** E-licence type that can replace the material (reuse instead of paper). */
  licenseType: z.string().trim().max(100).optional(),
  /** May be handed in after acceptance (容缺). */
  deferrable: z.boolean().default(false),
  /** Proof-requirement list entry this material is, when it is a proof (Regulation art. 44). */
  proofCode: z.string().trim().max(64).optional(),
  notes: z.string().trim().max(1000).optional(),
});

export const SpecialProcedure = z.object({
  name: text(100),
  maxDays: z.number().int().min(0).max(3650).nullable().default(null),
  basis: z.string().trim().max(500).optional(),
  /** Counted in the time limit? Hearing, testing, expert review etc. are not (Licensing Law art. 45). */
  counted: z.boolean().default(false),
});

export const ProcessStep = z.object({
  name: text(100),
  actor: z.string().trim().max(100).optional(),
  days: z.number().min(0).max(3650).optional(),
  description: z.string().trim().max(2000).optional(),
});

export const Fee = z.object({
  name: text(200),
  amount: z.string().trim().max(200),
  basis: z.string().trim().max(500).optional(),
});

export const Responsibility = z.object({
  step: text(50),
  content: text(2000),
  basis: z.string().trim().max(2000).optional(),
});

export const ItemContent = z.object({
  name: text(300),
  baseCode: z.string().trim().max(64).optional(),
  /** Implementation code (实施编码); derived at the first publication when absent. */
  implCode: z.string().trim().min(1).max(100).optional(),
  /** Region of the implementation (6, 9 or 12 digits; stored in its shortest form); defaults to the implementing body's region. */
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{6}(\d{3}){0,2}$/, { message: '应为 6、9 或 12 位行政区划代码' })
    .optional(),
  itemType: z.enum(ITEM_TYPES),
  subItemName: z.string().trim().max(300).optional(),
  variant: z.enum(['new', 'change', 'renew', 'cancel']).optional(),
  level: z.enum(['province', 'city', 'county', 'town']).default('county'),
  legalBasis: z.array(LegalBasis).max(50).default([]),
  implementingBody: z.object({ orgId: z.number().int().positive().nullable().default(null), name: text(200) }),
  acceptanceConditions: z.array(text(2000)).max(50).default([]),
  materials: z.array(Material).max(200).default([]),
  process: z.array(ProcessStep).max(50).default([]),
  specialProcedures: z.array(SpecialProcedure).max(20).default([]),
  statutoryDays: z.number().int().min(0).max(3650).nullable().default(null),
  promisedDays: z.number().int().min(0).max(3650).nullable().default(null),
  fees: z.array(Fee).max(50).default([]),
  /** 到现场次数: 0 = no visit, 1 = at most one. */
  visits: z.number().int().min(0).max(9).nullable().default(null),
  channels: z.array(z.enum(['window', 'online', 'post', 'self_service'])).max(4).default(['window']),
  scope: z.array(z.enum(['local', 'city_wide', 'province_wide', 'cross_province'])).max(4).default(['local']),
  handlingMode: z.enum(['immediate', 'promised']).nullable().default(null),
  place: z.string().trim().max(500).optional(),
  hours: z.string().trim().max(300).optional(),
  consultPhone: z.string().trim().max(100).optional(),
  complaintPhone: z.string().trim().max(100).optional(),
  faq: z.array(z.object({ q: text(500), a: text(3000) })).max(50).default([]),
  forms: z.array(z.object({ name: text(200), url: z.string().trim().max(500).optional() })).max(50).default([]),
  applicantKinds: z.array(z.enum(['person', 'legal'])).max(2).default([]),
  lifeEvents: z.array(text(50)).max(20).default([]),
  /** What an approval produces (审批结果): its name, the e-licence type issued (if any) and its validity in years. */
  result: z
    .object({
      name: text(200),
      licenseType: z.string().trim().max(100).optional(),
      validYears: z.number().int().min(1).max(100).nullable().default(null),
    })
    .optional(),
  /** Approval on commitment (告知承诺) allowed for this item. */
  commitmentAllowed: z.boolean().default(false),
  /** Power-list fields. */
  responsibilities: z.array(Responsibility).max(30).default([]),
  accountability: z.array(text(2000)).max(30).default([]),
  integrityRisks: z.array(text(1000)).max(30).default([]),
  remarks: z.string().trim().max(2000).optional(),
});

export type ItemContent = z.output<typeof ItemContent>;
export type ItemContentInput = z.input<typeof ItemContent>;
export type MaterialT = z.output<typeof Material>;

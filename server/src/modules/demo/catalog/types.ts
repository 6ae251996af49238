/** Shapes of the demo catalog's data tables (data.*.ts) before they become item contents. */
import type { ItemContentInput, ItemType } from '../../catalog/index.ts';
import type { LawKey } from './laws.ts';

/** Key of a county department in demo.data.ts DEPARTMENTS (`scjg` → organisation `320281.scjg`). */
export type DeptKey = string;

/** An article reference: `第三十五条`, or `lawKey:第三十五条` when it cites another law than the domain's. */
export type ArticleRef = string;

/**
 * One enforcement domain of a department: its penalty items (subjects ×
 * acts, one sub-item per pair, one main item per article group), its
 * inspection items (subjects × topics) and its compulsory measures.
 * Lists inside strings are separated by `|`.
 */
export interface Domain {
  dept: DeptKey;
  /** 领域 (used by the power list, devolution and search). */
  field: string;
  law: LawKey;
  /** [article, subjects ('' = the act names its subject), acts] → 对{subject}{act}的行政处罚 */
  p: [ArticleRef, string, string][];
  /** [article, subjects, topics] → 对{subject}{topic}的行政检查 */
  i?: [ArticleRef, string, string][];
  /** [article, names] → compulsion items named as given */
  q?: [ArticleRef, string][];
}

/** A power or service item given by name: [type, department, name, law, article?]. */
export type NamedRow = [ItemType, DeptKey, string, LawKey, string?];

/** How often the applicant must come in person (DOMAIN §1: 0 = 不见面, 1 = 最多跑一次). */
export type Visits = 0 | 1 | 2;

export type MaterialInput = NonNullable<ItemContentInput['materials']>[number];
export type LegalBasisInput = NonNullable<ItemContentInput['legalBasis']>[number];
export type FeeInput = NonNullable<ItemContentInput['fees']>[number];
export type SpecialInput = NonNullable<ItemContentInput['specialProcedures']>[number];
export type ScopeValue = NonNullable<ItemContentInput['scope']>[number];

/**
 * A complete service guide (办事指南) of one of the most used items. Material
 * strings use the notation of guide.materials.ts.
 */
export interface GuideSpec {
  /** Stable key (bundles and tests refer to items by it). */
  key: string;
  name: string;
  dept: DeptKey;
  type: ItemType;
  field: string;
  legal: LegalBasisInput[];
  /** Acceptance conditions; derived from the type when absent. */
  cond?: string[];
  /** Materials, `|`-separated in the notation of guide.materials.ts. */
  mats: string;
  /** [statutory, promised] working days; statutory null when the law sets none. */
  days: [number | null, number];
  visits: Visits;
  mode: 'immediate' | 'promised';
  /** Applications per year (popularity ranking). */
  pop: number;
  applicant: 'person' | 'legal' | 'both';
  life?: string[];
  online?: boolean;
  scope?: ScopeValue[];
  fees?: FeeInput[];
  special?: SpecialInput[];
  /** Extra FAQ entries ([question, answer]); generated ones complete them to 2–4. */
  faq?: [string, string][];
  forms?: string[];
  commit?: boolean;
  /** What an approval produces (审批结果), e.g. the e-licence type it issues. */
  result?: NonNullable<ItemContentInput['result']>;
  /** Process steps [name, days, description]; derived from mode and limits when absent. */
  steps?: [string, number, string][];
  place?: string;
  remarks?: string;
  subItemName?: string;
}

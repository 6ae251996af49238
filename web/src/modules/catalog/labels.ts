import type { MessageKey, Translate } from '../../app/i18n/index.tsx';
import type {
  AdjustmentState,
  ItemContent,
  ApplicantKind,
  Channel,
  ChangeKind,
  HandlingMode,
  Level,
  MaterialForm,
  MaterialSource,
  Medium,
  ProofReplacement,
  Requirement,
  Scope,
  Variant,
} from './catalog.types.ts';

/** Message keys of the catalog's enumerations (the server sends keys; the UI names them). */
export const FORM_LABEL: Record<MaterialForm, MessageKey> = {
  original: 'catalog.form.original',
  copy: 'catalog.form.copy',
  original_and_copy: 'catalog.form.original_and_copy',
};
export const SOURCE_LABEL: Record<MaterialSource, MessageKey> = {
  applicant: 'catalog.source.applicant',
  government: 'catalog.source.government',
  intermediary: 'catalog.source.intermediary',
  other: 'catalog.source.other',
};
export const REQUIREMENT_LABEL: Record<Requirement, MessageKey> = {
  required: 'catalog.requirement.required',
  conditional: 'catalog.requirement.conditional',
  optional: 'catalog.requirement.optional',
};
export const MEDIUM_LABEL: Record<Medium, MessageKey> = {
  paper: 'catalog.medium.paper',
  electronic: 'catalog.medium.electronic',
  both: 'catalog.medium.both',
};
export const CHANNEL_LABEL: Record<Channel, MessageKey> = {
  window: 'catalog.channel.window',
  online: 'catalog.channel.online',
  post: 'catalog.channel.post',
  self_service: 'catalog.channel.self_service',
};
export const SCOPE_LABEL: Record<Scope, MessageKey> = {
  local: 'catalog.scope.local',
  city_wide: 'catalog.scope.city_wide',
  province_wide: 'catalog.scope.province_wide',
  cross_province: 'catalog.scope.cross_province',
};
export const HANDLING_LABEL: Record<HandlingMode, MessageKey> = {
  immediate: 'catalog.handling.immediate',
  promised: 'catalog.handling.promised',
};
export const LEVEL_LABEL: Record<Level, MessageKey> = {
  province: 'catalog.level.province',
  city: 'catalog.level.city',
  county: 'catalog.level.county',
  town: 'catalog.level.town',
};
export const VARIANT_LABEL: Record<Variant, MessageKey> = {
  new: 'catalog.variant.new',
  change: 'catalog.variant.change',
  renew: 'catalog.variant.renew',
  cancel: 'catalog.variant.cancel',
};
export const APPLICANT_LABEL: Record<ApplicantKind, MessageKey> = {
  person: 'catalog.applicant.person',
  legal: 'catalog.applicant.legal',
};
export const CHANGE_LABEL: Record<ChangeKind, MessageKey> = {
  create: 'catalog.change.create',
  update: 'catalog.change.update',
  retire: 'catalog.change.retire',
};
export const STATE_COLOR: Record<AdjustmentState, string> = {
  draft: 'default',
  submitted: 'processing',
  reviewed: 'cyan',
  approved: 'geekblue',
  published: 'success',
  returned: 'warning',
  rejected: 'error',
  withdrawn: 'default',
};
export const REPLACEMENT_LABEL: Record<ProofReplacement, MessageKey> = {
  none: 'catalog.replacement.none',
  data_sharing: 'catalog.replacement.data_sharing',
  commitment: 'catalog.replacement.commitment',
  data_sharing_or_commitment: 'catalog.replacement.data_sharing_or_commitment',
};

/** A label from a table, or the raw value when the server sends one the UI does not know yet. */
export function labelOf<K extends string>(table: Record<K, MessageKey>, value: string | null | undefined, t: Translate): string {
  if (value === null || value === undefined || value === '') return '—';
  return value in table ? t(table[value as K]) : value;
}

/** 到现场次数: 0 = 不见面, 1 = 最多跑一次. */
export function visitsText(visits: number | null | undefined, t: Translate): string {
  if (visits === null || visits === undefined) return '—';
  if (visits === 0) return t('catalog.visits.zero');
  if (visits === 1) return t('catalog.visits.one');
  return t('catalog.visits.n', { n: visits });
}

/** "20 个工作日", or a dash when the limit is not set. */
export function daysText(days: number | null | undefined, t: Translate): string {
  if (days === null || days === undefined) return '—';
  return days === 0 ? t('catalog.daysZero') : t('catalog.days', { n: days });
}

/** Labels of the content fields (error messages that name a field the form does not show). */
export const FIELD_LABEL: Record<keyof ItemContent, MessageKey> = {
  name: 'catalog.field.name',
  baseCode: 'catalog.field.baseCode',
  implCode: 'catalog.field.implCode',
  regionCode: 'catalog.field.regionCode',
  itemType: 'catalog.field.itemType',
  subItemName: 'catalog.field.subItemName',
  variant: 'catalog.field.variant',
  level: 'catalog.field.level',
  legalBasis: 'catalog.field.legalBasis',
  implementingBody: 'catalog.field.implementingBody',
  acceptanceConditions: 'catalog.field.acceptanceConditions',
  materials: 'catalog.field.materials',
  process: 'catalog.field.process',
  specialProcedures: 'catalog.field.specialProcedures',
  statutoryDays: 'catalog.field.statutoryDays',
  promisedDays: 'catalog.field.promisedDays',
  fees: 'catalog.field.fees',
  visits: 'catalog.field.visits',
  channels: 'catalog.field.channels',
  scope: 'catalog.field.scope',
  handlingMode: 'catalog.field.handlingMode',
  place: 'catalog.field.place',
  hours: 'catalog.field.hours',
  consultPhone: 'catalog.field.consultPhone',
  complaintPhone: 'catalog.field.complaintPhone',
  faq: 'catalog.field.faq',
  forms: 'catalog.field.forms',
  applicantKinds: 'catalog.field.applicantKinds',
  lifeEvents: 'catalog.field.lifeEvents',
  commitmentAllowed: 'catalog.field.commitmentAllowed',
  responsibilities: 'catalog.field.responsibilities',
  accountability: 'catalog.field.accountability',
  integrityRisks: 'catalog.field.integrityRisks',
  remarks: 'catalog.field.remarks',
};

export const STATE_LABEL: Record<AdjustmentState, MessageKey> = {
  draft: 'catalog.state.draft',
  submitted: 'catalog.state.submitted',
  reviewed: 'catalog.state.reviewed',
  approved: 'catalog.state.approved',
  published: 'catalog.state.published',
  returned: 'catalog.state.returned',
  rejected: 'catalog.state.rejected',
  withdrawn: 'catalog.state.withdrawn',
};
export const ACTION_LABEL: Record<string, MessageKey> = {
  create: 'catalog.action.create',
  submit: 'catalog.action.submit',
  review: 'catalog.action.review',
  approve: 'catalog.action.approve',
  publish: 'catalog.action.publish',
  return: 'catalog.action.return',
  reject: 'catalog.action.reject',
  withdraw: 'catalog.action.withdraw',
};

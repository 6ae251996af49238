import type { MessageKey } from '../../app/i18n/index.tsx';
import { FINAL_STATES, type Application, type Deadline } from './services.types.ts';

/** Message keys of the services enumerations (the server sends keys; the UI names them). */
export const PURPOSE_LABEL: Record<string, MessageKey> = {
  correction: 'svc.purpose.correction',
  decision: 'svc.purpose.decision',
};
export const CLOCK_STATE_LABEL: Record<string, MessageKey> = {
  running: 'svc.clock.running',
  paused: 'svc.clock.paused',
  stopped: 'svc.clock.stopped',
};
export const NOTICE_LABEL: Record<string, MessageKey> = {
  receipt: 'svc.notice.receipt',
  correction: 'svc.notice.correction',
  refusal: 'svc.notice.refusal',
  decision: 'svc.notice.decision',
  deferred: 'svc.notice.deferred',
  commitment: 'svc.notice.commitment',
  special: 'svc.notice.special',
  extension: 'svc.notice.extension',
};
export const MATERIAL_STATUS_LABEL: Record<string, MessageKey> = {
  missing: 'svc.material.missing',
  provided: 'svc.material.provided',
  reused: 'svc.material.reused',
  deferred: 'svc.material.deferred',
};
export const CHANNEL_LABEL: Record<string, MessageKey> = {
  online: 'svc.channel.online',
  window: 'svc.channel.window',
};
export const KIND_LABEL: Record<string, MessageKey> = {
  single: 'svc.kind.single',
  bundle: 'svc.kind.bundle',
  sub: 'svc.kind.sub',
};
export const COUNTERSIGN_LABEL: Record<string, MessageKey> = {
  pending: 'svc.countersign.pending',
  agreed: 'svc.countersign.agreed',
  disagreed: 'svc.countersign.disagreed',
};

export const labelOf = (map: Record<string, MessageKey>, key: string, t: (k: MessageKey) => string) => (map[key] ? t(map[key]) : key);

/** Tag colour of a state. */
export function stateColor(state: string): string {
  switch (state) {
    case 'draft':
      return 'default';
    case 'submitted':
    case 'resubmitted':
      return 'processing';
    case 'correction':
      return 'orange';
    case 'approved':
    case 'completed':
      return 'success';
    case 'denied':
    case 'refused':
      return 'error';
    case 'special_procedure':
    case 'extension_requested':
      return 'purple';
    default:
      return 'blue';
  }
}

export type Urgency = 'overdue' | 'warning' | 'normal' | 'done';

/** The open decision clock (the last one), if any. */
export const decisionDeadline = (a: Pick<Application, 'deadlines'>): Deadline | undefined => a.deadlines.filter((d) => d.purpose === 'decision').at(-1);

/** Red when overdue, yellow from the warning point, none when finished (效能监督 lights). */
export function urgencyOf(a: Application, now = Date.now()): Urgency {
  if (FINAL_STATES.includes(a.state) || a.state === 'draft') return 'done';
  const d = decisionDeadline(a);
  if (a.overdueAt || d?.overdue || (d && d.state === 'running' && Date.parse(d.dueAt ?? '') < now)) return 'overdue';
  if (a.warnedAt || (d && d.state === 'running' && d.warnAt && Date.parse(d.warnAt) <= now)) return 'warning';
  return 'normal';
}

export const URGENCY_COLOR: Record<Urgency, string> = { overdue: 'red', warning: 'gold', normal: 'green', done: 'default' };
export const URGENCY_LABEL: Record<Urgency, MessageKey> = {
  overdue: 'svc.urgency.overdue',
  warning: 'svc.urgency.warning',
  normal: 'svc.urgency.normal',
  done: 'svc.urgency.done',
};
const URGENCY_RANK: Record<Urgency, number> = { overdue: 0, warning: 1, normal: 2, done: 3 };

/** Most urgent first, then the earliest deadline. */
export function byUrgency(a: Application, b: Application): number {
  const r = URGENCY_RANK[urgencyOf(a)] - URGENCY_RANK[urgencyOf(b)];
  if (r !== 0) return r;
  const da = decisionDeadline(a)?.dueAt ?? '9999';
  const db = decisionDeadline(b)?.dueAt ?? '9999';
  return da < db ? -1 : da > db ? 1 : 0;
}

export const OUTCOME_LABEL: Record<string, MessageKey> = {
  approved: 'svc.outcome.approved',
  denied: 'svc.outcome.denied',
  refused: 'svc.outcome.refused',
};

/** Names of the form fields the demo bundles and the item form use (the form stores keys). */
export const FORM_FIELD_LABEL: Record<string, [string, string]> = {
  companyName: ['企业名称', 'Company name'],
  uscc: ['统一社会信用代码', 'USCC'],
  legalRepName: ['法定代表人姓名', 'Legal representative'],
  legalRepId: ['法定代表人身份证号', 'Representative’s ID'],
  address: ['住所（经营场所）', 'Address'],
  contactPhone: ['联系电话', 'Phone'],
  contactName: ['联系人', 'Contact person'],
  request: ['申请事项说明', 'What is applied for'],
  sealKinds: ['印章种类', 'Seal kinds'],
  financeContact: ['财务负责人姓名', 'Finance contact'],
  invoiceKinds: ['发票种类', 'Invoice kinds'],
  fundRate: ['住房公积金缴存比例（%）', 'Housing fund rate (%)'],
  bankName: ['开户银行', 'Bank'],
  shopName: ['店铺名称', 'Shop name'],
  operatorId: ['经营者身份证号', 'Operator’s ID'],
  businessItems: ['经营项目', 'Business items'],
  signSize: ['招牌尺寸（米）', 'Sign size (m)'],
  floorArea: ['营业面积（平方米）', 'Floor area (m²)'],
  staffCount: ['从业人员人数', 'Staff'],
  projectName: ['项目名称', 'Project'],
  investment: ['总投资（万元）', 'Investment (10k CNY)'],
  landArea: ['用地面积（平方米）', 'Land area (m²)'],
  buildingArea: ['总建筑面积（平方米）', 'Floor area (m²)'],
};

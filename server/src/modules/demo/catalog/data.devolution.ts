/**
 * The devolution plan (赋权): which county powers the towns, streets and the
 * two development zones exercise in their own name, under which decision.
 * Jiangyin's figures: 890 to towns and streets (75 approval and public
 * service + 815 penalty and other), 163 approval powers to two zones.
 * Decision numbers are illustrative (see README.md).
 */
import type { DeptKey } from './types.ts';

export interface DevolutionDecision {
  decisionNo: string;
  decidedBy: string;
  effectiveDate: string;
  legalBasis: string;
}

export const TOWN_PENALTY_DECISION: DevolutionDecision = {
  decisionNo: '澄政发〔2025〕18号',
  decidedBy: '江阴市人民政府（经江苏省人民政府同意）',
  effectiveDate: '2025-03-01',
  legalBasis: '《中华人民共和国行政处罚法》第二十四条；《中共中央办公厅 国务院办公厅关于推进基层整合审批服务执法力量的实施意见》',
};

export const TOWN_APPROVAL_DECISION: DevolutionDecision = {
  decisionNo: '澄政发〔2025〕19号',
  decidedBy: '江阴市人民政府（经江苏省人民政府同意）',
  effectiveDate: '2025-03-01',
  legalBasis: '《中共中央办公厅 国务院办公厅关于推进基层整合审批服务执法力量的实施意见》',
};

export const ZONE_DECISION: DevolutionDecision = {
  decisionNo: '澄政发〔2025〕21号',
  decidedBy: '江阴市人民政府',
  effectiveDate: '2025-04-01',
  legalBasis: '《江苏省开发区条例》',
};

/** The two development zones that receive approval powers: 江阴高新技术产业开发区 and 临港经济开发区, with their counts. */
export const ZONES: { code: string; count: number }[] = [
  { code: '320281400', count: 90 },
  { code: '320281404', count: 73 },
];

/** Approval and service powers devolved to towns and streets, in priority order (streets take the first 4, towns 5, the first town 6). */
export const TOWN_APPROVAL_POOL = [
  '临时性建筑物搭建、堆放物料、占道施工审批',
  '80周岁以上老年人高龄津贴发放',
  '困难残疾人生活补贴',
  '重度残疾人护理补贴',
  '城市建筑物、设施上张挂、张贴宣传品审批',
  '依附于城市道路建设各种管线、杆线等设施审批',
];

/**
 * Where the penalty and other powers devolved to towns come from: the
 * comprehensive enforcement bureau's city-management penalties first, then
 * the fields towns enforce beyond the seven city-level fields (seed 003).
 */
export const TOWN_PENALTY_SOURCES: { dept: DeptKey; fields?: string[] }[] = [
  { dept: 'zfj', fields: ['市容环境卫生', '园林绿化和市政公用', '生活垃圾和建筑垃圾'] },
  { dept: 'slj', fields: ['河道和水域保护'] },
  { dept: 'mzj', fields: ['民政', '养老服务'] },
  { dept: 'wtlj', fields: ['文化市场'] },
];

/** Streets take this many penalty and other powers; towns share the rest of the 815 (the first towns one more). */
export const STREET_PENALTY_COUNT = 40;

/** Departments whose approvals the zones take over, in priority order. */
export const ZONE_SOURCES: DeptKey[] = ['spj', 'zjj', 'zrj', 'sthj', 'jtj', 'xfjy', 'rfb', 'slj', 'yjj', 'cgj', 'scjg'];

/** Results of the 2025 evaluation of the devolved powers (a sample: one in forty). */
export const EVALUATION = { evaluatedOn: '2025-12-15', every: 40, results: ['good', 'good', 'fair', 'good', 'poor'] as const };

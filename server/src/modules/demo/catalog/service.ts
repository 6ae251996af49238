/**
 * Where and how the demo county serves applicants: places, hours and
 * consultation phones of the departments, the basic guide of every service
 * item, and the defaults complete guides start from. The consultation
 * numbers are demo data (0510-86xxxxxx pattern), see README.md.
 */
import type { ItemContentInput, ItemType } from '../../catalog/index.ts';
import { DEPARTMENTS } from '../demo.data.ts';
import { parseMaterials } from './guide.materials.ts';
import { LAWS } from './laws.ts';
import type { DeptKey, Visits } from './types.ts';

export const CENTRE = '江阴市政务服务中心（地址以实际为准）';
export const HOURS = '周一至周五 上午8:30—12:00，下午13:30—17:00（法定节假日除外）';
export const COMPLAINT_PHONE = '12345（江阴市12345政务服务便民热线）';

/** The service area of a department inside the service centre, or its own hall. */
const PLACES: Record<DeptKey, string> = {
  spj: `${CENTRE}行政审批局综合受理窗口`,
  scjg: `${CENTRE}市场监管服务区`,
  gaj: '江阴市公安局各派出所户籍窗口及江阴市政务服务中心公安服务区（地址以实际为准）',
  swju: '国家税务总局江阴市税务局办税服务厅及江阴市政务服务中心税务服务区（地址以实际为准）',
  zrj: `${CENTRE}不动产登记服务区`,
  gjj: '无锡市住房公积金管理中心江阴分中心服务大厅（地址以实际为准）',
  rsj: `${CENTRE}人力资源和社会保障服务区`,
  ybj: `${CENTRE}医疗保障服务区`,
  mzj: `${CENTRE}民政服务窗口及各镇（街道）便民服务中心`,
  wjw: `${CENTRE}卫生健康服务窗口`,
  zwfw: `${CENTRE}企业开办服务专区`,
  xfjy: `${CENTRE}消防审验窗口`,
};

export function placeOf(dept: DeptKey): string {
  return PLACES[dept] ?? `${CENTRE}综合受理窗口`;
}

/** The consultation phone of a department: demo numbers of the 0510-86xxxxxx pattern, stable per department. */
export function phoneOf(dept: DeptKey): string {
  const i = Math.max(0, DEPARTMENTS.findIndex((d) => d.key === dept));
  return `0510-86${String(100_000 + ((i * 7919 + 3571) % 900_000)).padStart(6, '0')}`;
}

/** The consultation phone of a town's service centre (demo numbers, stable per town). */
export function townPhone(townCode: string): string {
  return `0510-86${String(100_000 + ((Number(townCode.slice(-3)) * 4099 + 1201) % 900_000)).padStart(6, '0')}`;
}

const SERVICE_TYPES = new Set<ItemType>(['licensing', 'confirmation', 'filing', 'benefit', 'public_service']);
/** Items that applicants apply for (they carry visits, limits and a basic guide). */
export const isServiceType = (t: ItemType) => SERVICE_TYPES.has(t);

export interface BasicGuideFacts {
  type: ItemType;
  dept: DeptKey;
  name: string;
  law: string;
  visits: Visits;
  legal: boolean;
}

/** Consultation and information services ask for no materials; look-ups only for proof of identity. */
const CONSULT = /咨询|指引|信息发布|公示|热线|宣传|参观|开放|培训服务|招聘会|普及|指导$/u;
const LOOKUP = /查询|核验|打印/u;

/** The basic guide of a service item outside the 200 complete guides. */
export function basicGuide(f: BasicGuideFacts): Partial<ItemContentInput> {
  const immediate = f.type === 'public_service' || f.type === 'filing';
  const statutory = f.type === 'licensing' ? 20 : null;
  const promised = immediate ? 0 : f.type === 'licensing' ? 10 : 5;
  const applicant = f.legal ? '申请单位营业执照或者统一社会信用代码证书#营业执照' : '申请人居民身份证#居民身份证';
  const consult = CONSULT.test(f.name);
  const lookup = !consult && LOOKUP.test(f.name);
  return {
    acceptanceConditions: consult
      ? ['咨询、服务事项属于本部门职责范围', '通过现场、电话或者网上渠道提出']
      : lookup
        ? ['查询人为信息主体本人、其委托的代理人或者依法有权查询的单位', '提供有效身份证明']
        : [`申请事项符合${f.law}规定的条件`, '申请材料齐全、符合法定形式'],
    materials: consult
      ? []
      : parseMaterials(lookup ? `${applicant}|$agent` : `${f.name.replace(/（.*）$/, '')}申请表|${f.legal ? '^' : ''}${applicant}|$agent`),
    statutoryDays: statutory,
    promisedDays: promised,
    visits: f.visits,
    channels: f.visits === 0 ? ['online', 'window'] : ['window', 'online'],
    scope: ['local'],
    handlingMode: immediate ? 'immediate' : 'promised',
    place: placeOf(f.dept),
    hours: HOURS,
    consultPhone: phoneOf(f.dept),
    complaintPhone: COMPLAINT_PHONE,
    applicantKinds: f.legal ? ['legal'] : ['person'],
    fees: f.type === 'licensing' ? [{ name: '不收费', amount: '0元', basis: `${LAWS.xzxk}第五十八条` }] : [],
  };
}

/**
 * The powers towns and streets hold in their own name by law (乡镇法定职权),
 * one base item each, implemented identically by every town (四级四同).
 * `rural`: towns only (streets have no village planning or homestead powers).
 * `body`: gov = the town government / street office, enf = its
 * comprehensive enforcement bureau, svc = its service centre.
 */
import type { ItemType } from '../../catalog/index.ts';
import type { LawKey } from './laws.ts';

export interface TownPower {
  type: ItemType;
  name: string;
  law: LawKey;
  article?: string;
  body: 'gov' | 'enf';
  field: string;
  rural?: boolean;
}

const t = (type: ItemType, name: string, law: LawKey, article: string | undefined, body: 'gov' | 'enf', field: string, rural = false): TownPower => ({
  type,
  name,
  law,
  ...(article ? { article } : {}),
  body,
  field,
  ...(rural ? { rural } : {}),
});

export const TOWN_POWERS: TownPower[] = [
  t('licensing', '农村村民宅基地审批', 'tdgl', '第六十二条', 'gov', '农村建房', true),
  t('licensing', '乡村建设规划许可申请审核', 'cxgh', '第四十一条', 'gov', '农村建房', true),
  t('licensing', '在村庄、集镇规划区内公共场所修建临时建筑等设施审批', 'czjz', undefined, 'gov', '农村建房', true),
  t('licensing', '农村村民建住宅使用原有宅基地、村内空闲地审批', 'tdgl', '第六十二条', 'gov', '农村建房', true),
  t('benefit', '最低生活保障审核确认', 'shjz', '第十一条', 'gov', '社会救助'),
  t('benefit', '特困人员救助供养审核确认', 'shjz', '第十五条', 'gov', '社会救助'),
  t('benefit', '临时救助审批（小额）', 'shjz', '第四十八条', 'gov', '社会救助'),
  t('benefit', '受灾人员过渡期生活救助', 'shjz', undefined, 'gov', '社会救助'),
  t('benefit', '义务兵家庭优待金发放', 'jrfx', undefined, 'gov', '退役军人服务'),
  t('benefit', '计划生育家庭奖励扶助资格初审', 'rkjs', undefined, 'gov', '卫生健康'),
  t('benefit', '医疗救助申请审核', 'shjz', undefined, 'gov', '社会救助'),
  t('confirmation', '农村集体经济组织成员身份确认', 'tdcb', undefined, 'gov', '农村经营管理', true),
  t('confirmation', '居民死亡殡葬证明出具', 'bzgl', undefined, 'gov', '民政'),
  t('confirmation', '生育登记', 'rkjs', undefined, 'gov', '卫生健康'),
  t('adjudication', '个人之间、个人与单位之间土地所有权和使用权争议处理', 'tdgl', '第十四条', 'gov', '土地管理', true),
  t('adjudication', '个人之间、个人与单位之间林木所有权和林地使用权争议处理', 'sfl', '第二十二条', 'gov', '土地管理', true),
  t('other', '民间纠纷处理', 'mjjf', undefined, 'gov', '司法行政'),
  t('other', '农村土地承包经营纠纷调解', 'tdcbzc', '第三条', 'gov', '农村经营管理', true),
  t('other', '最低生活保障家庭经济状况调查核实', 'shjz', '第十一条', 'gov', '社会救助'),
  t('other', '土地经营权流转合同鉴证', 'tdcb', undefined, 'gov', '农村经营管理', true),
  t('other', '防汛防台风应急处置', 'fx', undefined, 'gov', '应急管理'),
  t('other', '突发事件先期处置', 'aqsc', undefined, 'gov', '应急管理'),
  t('other', '生产安全事故报告和先期处置', 'sgbg', undefined, 'gov', '应急管理'),
  t('other', '农村危房改造申请审核', 'csfdc', undefined, 'gov', '农村建房', true),
  t('penalty', '对在乡、村庄规划区内未依法取得乡村建设规划许可证进行建设的行政处罚', 'cxgh', '第六十五条', 'enf', '农村建房', true),
  t('penalty', '对在乡、村庄规划区内未按照乡村建设规划许可证的规定进行建设的行政处罚', 'cxgh', '第六十五条', 'enf', '农村建房', true),
  t('penalty', '对擅自在村庄、集镇规划区内公共场所修建临时建筑等设施的行政处罚', 'czjz', undefined, 'enf', '农村建房', true),
  t('compulsion', '拆除在乡、村庄规划区内逾期不改正的违法建设', 'cxgh', '第六十五条', 'enf', '农村建房', true),
  t('inspection', '对辖区内生产经营单位安全生产状况的行政检查', 'aqsc', '第九条', 'enf', '安全生产'),
  t('inspection', '对辖区内小微企业、个体工商户事故隐患排查治理情况的行政检查', 'aqsc', '第九条', 'enf', '安全生产'),
  t('inspection', '对辖区内人员密集场所消防安全的行政检查', 'xf', '第三十二条', 'enf', '消防安全'),
  t('inspection', '对辖区内出租房屋和“三合一”场所消防安全的行政检查', 'xf', '第三十二条', 'enf', '消防安全'),
  t('inspection', '对辖区内餐饮场所燃气使用安全的行政检查', 'rqgl', undefined, 'enf', '安全生产'),
  t('inspection', '对辖区内露天焚烧秸秆、垃圾的行政检查', 'dqwr', '第七十七条', 'enf', '生态环境'),
  t('inspection', '对辖区内河道、沟塘保洁和水环境状况的行政检查', 'swr', '第五条', 'enf', '生态环境'),
  t('inspection', '对辖区内农村村民建房的行政检查', 'tdgl', '第六十二条', 'enf', '农村建房', true),
  t('inspection', '对辖区内市容环境卫生责任区的行政检查', 'csrh', undefined, 'enf', '市容环境'),
  t('inspection', '对辖区内建设工地扬尘防治的行政检查', 'dqwr', undefined, 'enf', '生态环境'),
  t('inspection', '对辖区内食用农产品种植养殖主体的行政检查', 'ncpzl', undefined, 'enf', '农产品质量安全', true),
  t('inspection', '对辖区内生活垃圾分类投放的行政检查', 'gf', undefined, 'enf', '市容环境'),
  t('inspection', '对辖区内违法建设的巡查检查', 'cxgh', undefined, 'enf', '农村建房'),
  t('inspection', '对辖区内非法行医、非法采供血的巡查检查', 'jbyl', undefined, 'enf', '卫生健康'),
  t('inspection', '对辖区内畜禽养殖污染防治的行政检查', 'hjbh', undefined, 'enf', '生态环境', true),
  t('inspection', '对辖区内殡葬活动的行政检查', 'bzgl', undefined, 'enf', '民政'),
  t('inspection', '对辖区内企业劳动用工和工资支付情况的行政检查', 'ldbzjc', undefined, 'enf', '劳动保障'),
  t('inspection', '对辖区内在建工程农民工工资支付情况的行政检查', 'nmggz', undefined, 'enf', '劳动保障'),
  t('inspection', '对辖区内养老机构安全的行政检查', 'yljgb', undefined, 'enf', '民政'),
  t('inspection', '对辖区内校外培训机构的行政检查', 'mbjy', undefined, 'enf', '教育'),
  t('inspection', '对辖区内文化娱乐场所的行政检查', 'ylcs', undefined, 'enf', '文化市场'),
  t('inspection', '对辖区内户外广告和店招标牌设置的行政检查', 'csrh', undefined, 'enf', '市容环境'),
  t('inspection', '对辖区内占道经营、店外经营的行政检查', 'csrh', undefined, 'enf', '市容环境'),
  t('inspection', '对辖区内渣土运输车辆的行政检查', 'jzlj', undefined, 'enf', '市容环境'),
  t('inspection', '对辖区内园林绿化设施的行政检查', 'cslh', undefined, 'enf', '园林绿化'),
  t('inspection', '对辖区内餐饮油烟排放的行政检查', 'dqwr', '第一百一十八条', 'enf', '生态环境'),
  t('inspection', '对辖区内社会生活噪声的行政检查', 'zs', undefined, 'enf', '生态环境'),
  t('inspection', '对辖区内小作坊、食品摊贩的行政检查', 'jsspxzf', undefined, 'enf', '食品安全'),
  t('inspection', '对辖区内电动自行车停放充电场所的行政检查', 'xf', undefined, 'enf', '消防安全'),
  t('inspection', '对辖区内危险化学品使用单位的行政检查', 'whp', undefined, 'enf', '安全生产'),
  t('inspection', '对辖区内有限空间作业单位的行政检查', 'yxkj', undefined, 'enf', '安全生产'),
  t('inspection', '对辖区内耕地保护情况的行政检查', 'tdgl', undefined, 'enf', '土地管理', true),
  t('other', '违法建设认定', 'cxgh', undefined, 'gov', '农村建房'),
  t('other', '物业服务企业履约情况监督', 'wygl', undefined, 'gov', '住房和城乡建设'),
  t('other', '业主大会成立和业主委员会选举指导', 'wygl', '第十条', 'gov', '住房和城乡建设'),
  t('other', '人民调解协议司法确认引导', 'rmtj', undefined, 'gov', '司法行政'),
];

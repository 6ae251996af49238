/**
 * Static data of the Jiangyin demo county: county departments with plausible
 * staffing figures, and the word pools the synthetic names are drawn from.
 * Figures are plausible, not official.
 */
import type { OrgType } from '../org/index.ts';

export const JIANGYIN = { code: '320281', name: '江阴市', city: '320200', province: '320000' } as const;

export interface DepartmentSpec {
  /** Suffix of the organisation code: `320281.<key>`. */
  key: string;
  name: string;
  shortName: string;
  type: OrgType;
  /** 编制数, 领导职数, 内设机构数. */
  quota: number;
  leaders: number;
  units: number;
  /** Key of the parent department; the county government when absent. */
  parent?: string;
  /** Registration kind of its USCC: 机关 (11) or 事业单位 (12). */
  uscc: '11' | '12';
  /** Fixed headcount when the figure is known from the seed documents. */
  actual?: number;
}

/**
 * County departments: the "three bureaus, three centres" (approval bureau,
 * city management bureau, enforcement bureau; service centre, command
 * centre, social assistance centre) and the usual county line departments.
 */
export const DEPARTMENTS: DepartmentSpec[] = [
  { key: 'bzb', name: '中共江阴市委机构编制委员会办公室', shortName: '市委编办', type: 'department', quota: 18, leaders: 4, units: 5, uscc: '11' },
  { key: 'zfb', name: '江阴市人民政府办公室', shortName: '市政府办', type: 'department', quota: 65, leaders: 7, units: 10, uscc: '11' },
  { key: 'fgw', name: '江阴市发展和改革委员会', shortName: '发改委', type: 'department', quota: 58, leaders: 6, units: 11, uscc: '11' },
  { key: 'jyj', name: '江阴市教育局', shortName: '教育局', type: 'department', quota: 62, leaders: 6, units: 12, uscc: '11' },
  { key: 'kjj', name: '江阴市科学技术局', shortName: '科技局', type: 'department', quota: 30, leaders: 4, units: 6, uscc: '11' },
  { key: 'gxj', name: '江阴市工业和信息化局', shortName: '工信局', type: 'department', quota: 52, leaders: 6, units: 10, uscc: '11' },
  { key: 'gaj', name: '江阴市公安局', shortName: '公安局', type: 'department', quota: 1360, leaders: 9, units: 24, uscc: '11' },
  { key: 'mzj', name: '江阴市民政局', shortName: '民政局', type: 'department', quota: 45, leaders: 5, units: 8, uscc: '11' },
  { key: 'sfj', name: '江阴市司法局', shortName: '司法局', type: 'department', quota: 120, leaders: 5, units: 9, uscc: '11' },
  { key: 'czj', name: '江阴市财政局', shortName: '财政局', type: 'department', quota: 78, leaders: 6, units: 13, uscc: '11' },
  { key: 'rsj', name: '江阴市人力资源和社会保障局', shortName: '人社局', type: 'department', quota: 96, leaders: 6, units: 12, uscc: '11' },
  { key: 'zrj', name: '江阴市自然资源和规划局', shortName: '自然资源和规划局', type: 'department', quota: 110, leaders: 6, units: 13, uscc: '11' },
  { key: 'sthj', name: '无锡市江阴生态环境局', shortName: '生态环境局', type: 'department', quota: 68, leaders: 5, units: 9, uscc: '11' },
  { key: 'zjj', name: '江阴市住房和城乡建设局', shortName: '住建局', type: 'department', quota: 86, leaders: 6, units: 12, uscc: '11' },
  { key: 'jtj', name: '江阴市交通运输局', shortName: '交通运输局', type: 'department', quota: 120, leaders: 6, units: 11, uscc: '11' },
  { key: 'slj', name: '江阴市水利局', shortName: '水利局', type: 'department', quota: 48, leaders: 5, units: 8, uscc: '11' },
  { key: 'nyj', name: '江阴市农业农村局', shortName: '农业农村局', type: 'department', quota: 70, leaders: 6, units: 11, uscc: '11' },
  { key: 'swj', name: '江阴市商务局', shortName: '商务局', type: 'department', quota: 40, leaders: 5, units: 8, uscc: '11' },
  { key: 'wtlj', name: '江阴市文体广电和旅游局', shortName: '文体广旅局', type: 'department', quota: 52, leaders: 5, units: 9, uscc: '11' },
  { key: 'wjw', name: '江阴市卫生健康委员会', shortName: '卫健委', type: 'department', quota: 60, leaders: 6, units: 11, uscc: '11' },
  { key: 'tyjr', name: '江阴市退役军人事务局', shortName: '退役军人事务局', type: 'department', quota: 24, leaders: 4, units: 5, uscc: '11' },
  { key: 'yjj', name: '江阴市应急管理局', shortName: '应急管理局', type: 'department', quota: 58, leaders: 5, units: 9, uscc: '11' },
  { key: 'sjj', name: '江阴市审计局', shortName: '审计局', type: 'department', quota: 38, leaders: 4, units: 7, uscc: '11' },
  { key: 'scjg', name: '江阴市市场监督管理局', shortName: '市场监管局', type: 'department', quota: 420, leaders: 7, units: 18, uscc: '11' },
  { key: 'tjj', name: '江阴市统计局', shortName: '统计局', type: 'department', quota: 26, leaders: 4, units: 5, uscc: '11' },
  { key: 'ybj', name: '江阴市医疗保障局', shortName: '医保局', type: 'department', quota: 32, leaders: 4, units: 6, uscc: '11' },
  { key: 'gzb', name: '江阴市国有资产监督管理办公室', shortName: '国资办', type: 'department', quota: 20, leaders: 3, units: 4, uscc: '11' },
  { key: 'spj', name: '江阴市行政审批局', shortName: '行政审批局', type: 'approval_bureau', quota: 96, leaders: 6, units: 14, uscc: '11' },
  { key: 'cgj', name: '江阴市城市管理局', shortName: '城管局', type: 'department', quota: 140, leaders: 6, units: 11, uscc: '11' },
  { key: 'zfj', name: '江阴市综合行政执法局', shortName: '综合执法局', type: 'enforcement_team', quota: 260, leaders: 6, units: 12, uscc: '11' },
  // Kunshan's figures from the seed documents: a data centre with 11 posts, 9 filled.
  { key: 'dsj', name: '江阴市大数据管理局', shortName: '大数据局', type: 'department', quota: 11, leaders: 3, units: 4, uscc: '11', actual: 9 },
  { key: 'xfj', name: '江阴市信访局', shortName: '信访局', type: 'department', quota: 28, leaders: 4, units: 5, uscc: '11' },
  { key: 'rfb', name: '江阴市人民防空办公室', shortName: '人防办', type: 'department', quota: 22, leaders: 3, units: 4, uscc: '11' },
  { key: 'jgsw', name: '江阴市机关事务管理局', shortName: '机关事务局', type: 'department', quota: 36, leaders: 4, units: 6, uscc: '11' },
  { key: 'swju', name: '国家税务总局江阴市税务局', shortName: '税务局', type: 'department', quota: 520, leaders: 7, units: 16, uscc: '11' },
  { key: 'gjj', name: '无锡市住房公积金管理中心江阴分中心', shortName: '公积金中心', type: 'other', quota: 34, leaders: 3, units: 5, uscc: '12' },
  { key: 'xfjy', name: '江阴市消防救援大队', shortName: '消防救援大队', type: 'other', quota: 150, leaders: 4, units: 6, uscc: '11' },
  { key: 'zwfw', name: '江阴市政务服务中心', shortName: '政务服务中心', type: 'service_centre', quota: 45, leaders: 4, units: 6, uscc: '12' },
  { key: 'cyzx', name: '江阴市城市运行管理中心（社会治理综合指挥中心）', shortName: '城运中心', type: 'command_centre', quota: 60, leaders: 4, units: 7, uscc: '12' },
  { key: 'rx12345', name: '江阴市12345政务服务便民热线', shortName: '12345热线', type: 'other', quota: 40, leaders: 2, units: 3, uscc: '12', parent: 'cyzx' },
  { key: 'jzzx', name: '江阴市社会综合救助中心', shortName: '社会救助中心', type: 'other', quota: 20, leaders: 2, units: 3, uscc: '12' },
];

/** Relative weight of each town in the synthetic population (澄江 is the urban core, the high-tech zone the industrial one). */
export const TOWN_WEIGHTS: Readonly<Record<string, number>> = {
  '320281001': 3.2, // 澄江街道
  '320281400': 2.0, // 江阴高新技术产业开发区
  '320281107': 1.7, // 华士镇
  '320281108': 1.5, // 周庄镇
  '320281104': 1.3, // 徐霞客镇
  '320281103': 1.2, // 青阳镇
  '320281109': 1.1, // 新桥镇
  '320281404': 1.0, // 临港经济开发区
  '320281405': 0.3,
  '320281406': 0.3,
  '320281403': 0.5,
};
export const DEFAULT_TOWN_WEIGHT = 0.9;

/** Weighted surnames (common in southern Jiangsu first; 缪 and 薛 are typical of Jiangyin). */
export const SURNAMES: readonly [string, number][] = [
  ['徐', 60], ['陈', 58], ['周', 52], ['张', 50], ['王', 50], ['顾', 40], ['陆', 36], ['沈', 34], ['钱', 30], ['缪', 28],
  ['黄', 28], ['吴', 28], ['夏', 24], ['薛', 22], ['刘', 22], ['朱', 22], ['李', 22], ['蒋', 20], ['杨', 18], ['孙', 18],
  ['赵', 16], ['许', 16], ['季', 14], ['邓', 12], ['曹', 12], ['承', 12], ['包', 10], ['郁', 10], ['殷', 10], ['章', 10],
  ['谢', 10], ['胡', 10], ['高', 9], ['姚', 9], ['奚', 8], ['吕', 8], ['邵', 8], ['范', 8], ['汤', 7], ['袁', 7],
  ['华', 7], ['戴', 6], ['冯', 6], ['金', 6], ['蔡', 6], ['贡', 5], ['邢', 5], ['瞿', 5], ['龚', 5], ['唐', 5],
  ['郭', 4], ['何', 4], ['马', 4], ['宋', 4], ['任', 4], ['丁', 4], ['严', 4], ['祝', 3], ['费', 3], ['谈', 3],
];

export const GIVEN_MALE = Array.from('伟强磊军勇杰涛斌明超刚平辉鹏华飞建国峰浩宇俊文志海东林波晨阳鑫亮健凯荣兵锋忠德');
export const GIVEN_FEMALE = Array.from('芳娜敏静丽艳娟霞秀玲萍燕红琳婷雪慧颖倩洁佳欣悦雯晶琴梅莉兰蕾');
export const GIVEN_ANY = Array.from('晓子思嘉雨一文春新永亦安');

/** Two-character trade-name words are built from these halves (恒通, 鑫达, 瑞丰…). */
export const BRAND_FIRST = Array.from('恒鑫华宏瑞兴永金盛泰天润博宇凯新长利嘉德源明海通达信丰汇佳安诚远中江澄锦富广联正');
export const BRAND_SECOND = Array.from('通达源盛泰丰辉宇信鑫华昌隆润星成豪升腾阳茂晟发祥业弘远科恒邦');

export interface IndustrySpec {
  code: string;
  name: string;
  weight: number;
  words: readonly string[];
}

/** Enterprise industries (GB/T 4754-2017 divisions) weighted to a manufacturing county, with name words. */
export const ENTERPRISE_INDUSTRIES: readonly IndustrySpec[] = [
  { code: 'C17', name: '纺织业', weight: 9, words: ['纺织', '织造', '纺织科技', '印染'] },
  { code: 'C18', name: '纺织服装、服饰业', weight: 6, words: ['服饰', '服装', '制衣'] },
  { code: 'C31', name: '黑色金属冶炼和压延加工业', weight: 2, words: ['特钢', '钢铁', '金属材料'] },
  { code: 'C33', name: '金属制品业', weight: 8, words: ['金属制品', '五金', '紧固件', '钢结构'] },
  { code: 'C34', name: '通用设备制造业', weight: 7, words: ['机械', '机械设备', '液压设备'] },
  { code: 'C35', name: '专用设备制造业', weight: 4, words: ['装备', '机电设备', '环保设备'] },
  { code: 'C26', name: '化学原料和化学制品制造业', weight: 3, words: ['化工', '新材料', '精细化工'] },
  { code: 'C29', name: '橡胶和塑料制品业', weight: 3, words: ['塑业', '塑料制品', '橡胶制品'] },
  { code: 'C38', name: '电气机械和器材制造业', weight: 4, words: ['电气', '电器', '电缆'] },
  { code: 'C39', name: '计算机、通信和其他电子设备制造业', weight: 3, words: ['电子', '微电子', '光电科技'] },
  { code: 'C36', name: '汽车制造业', weight: 2, words: ['汽车零部件', '汽配'] },
  { code: 'F51', name: '批发业', weight: 14, words: ['贸易', '商贸', '物资', '供应链'] },
  { code: 'G54', name: '道路运输业', weight: 4, words: ['物流', '运输'] },
  { code: 'G55', name: '水上运输业', weight: 1, words: ['港务', '船务'] },
  { code: 'E47', name: '房屋建筑业', weight: 3, words: ['建设工程', '建筑工程'] },
  { code: 'E50', name: '建筑装饰、装修和其他建筑业', weight: 4, words: ['装饰工程', '建筑装饰'] },
  { code: 'I65', name: '软件和信息技术服务业', weight: 4, words: ['信息科技', '软件', '网络科技'] },
  { code: 'L72', name: '商务服务业', weight: 6, words: ['企业管理咨询', '商务咨询', '人力资源'] },
  { code: 'M75', name: '科技推广和应用服务业', weight: 3, words: ['科技', '技术服务'] },
  { code: 'K70', name: '房地产业', weight: 1, words: ['置业', '房地产开发'] },
  { code: 'H62', name: '餐饮业', weight: 2, words: ['餐饮管理'] },
];

export interface ShopSpec {
  code: string;
  name: string;
  weight: number;
  shops: readonly string[];
}

/** Individual businesses (个体工商户): shop types by industry. */
export const INDIVIDUAL_INDUSTRIES: readonly ShopSpec[] = [
  { code: 'F52', name: '零售业', weight: 30, shops: ['五金店', '便利店', '超市', '日用品商店', '水果店', '烟酒店', '服装店', '建材商行', '电器商行', '手机店'] },
  { code: 'H62', name: '餐饮业', weight: 20, shops: ['小吃店', '面馆', '饭店', '餐馆', '烧烤店', '奶茶店'] },
  { code: 'O80', name: '机动车、电子产品和日用产品修理业', weight: 6, shops: ['汽车修理店', '家电维修部', '电动车维修部'] },
  { code: 'O81', name: '其他服务业', weight: 10, shops: ['理发店', '美容店', '洗衣店'] },
  { code: 'E50', name: '建筑装饰、装修和其他建筑业', weight: 5, shops: ['装潢部'] },
  { code: 'C33', name: '金属制品业', weight: 5, shops: ['五金加工厂'] },
  { code: 'C17', name: '纺织业', weight: 6, shops: ['织布厂', '针织厂'] },
  { code: 'A01', name: '农业', weight: 4, shops: ['家庭农场'] },
];

/** Farmers' specialised cooperatives: what they grow or do. */
export const COOPERATIVE_LINES: readonly { code: string; name: string; line: string }[] = [
  { code: 'A01', name: '农业', line: '水稻种植' },
  { code: 'A01', name: '农业', line: '葡萄种植' },
  { code: 'A01', name: '农业', line: '水蜜桃种植' },
  { code: 'A01', name: '农业', line: '蔬菜种植' },
  { code: 'A01', name: '农业', line: '花卉苗木' },
  { code: 'A01', name: '农业', line: '茶叶种植' },
  { code: 'A04', name: '渔业', line: '水产养殖' },
  { code: 'A05', name: '农、林、牧、渔专业及辅助性活动', line: '农机服务' },
];

export const ROADS = [
  '人民路', '澄江路', '长江路', '滨江路', '虹桥路', '延陵路', '朝阳路', '芙蓉大道', '新华路', '通江路', '锡澄路', '澄杨路',
  '兴业路', '创业路', '振兴路', '工业园路', '东环路', '西环路', '南环路', '北环路', '金山路', '中山路', '环镇路', '健康路',
  '友谊路', '建设路', '文化路', '花园路', '东风路', '团结路',
] as const;

/** Posts seeded per organisation type (the head first). */
export const POSTS: Readonly<Record<OrgType, readonly string[]>> = {
  government: ['市长', '常务副市长', '副市长', '副市长'],
  department: ['{head}', '副{head}', '副{head}', '科长', '科员'],
  approval_bureau: ['局长', '副局长', '审批科科长', '审批员', '审批员'],
  town_government: ['镇长', '副镇长', '副镇长', '党政办主任', '工作人员'],
  street_office: ['主任', '副主任', '副主任', '工作人员'],
  dev_zone: ['主任', '副主任', '工作人员'],
  service_centre: ['主任', '副主任', '窗口工作人员', '窗口工作人员', '窗口工作人员'],
  command_centre: ['主任', '副主任', '指挥调度员', '网格员'],
  enforcement_team: ['局长', '副局长', '执法队员', '执法队员', '执法队员'],
  other: ['主任', '副主任', '工作人员'],
};

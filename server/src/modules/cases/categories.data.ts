/**
 * The standard case categories seeded by migration 0020_cases_categories_seed
 * (kept here as data so tests and tools can read them): GB/T 30428 asset
 * (部件) and event (事件) classes with typical sub-classes, their handling
 * limits and conditions (local practice, DOMAIN §5), the 12345 request kinds
 * with their default limits, and the business-environment complaints.
 * Staff edit the live rows through the categories API; this file does not
 * change them after the seed.
 */
import type { CategoryKind, HotlineKind, LimitUnit, Urgency } from './cases.schema.ts';

export interface CategorySeed {
  code: string;
  kind: CategoryKind;
  className: string;
  name: string;
  filing: string;
  closing: string;
  limit: number;
  unit: LimitUnit;
  urgency: Urgency;
  duty: string | null;
  hotlineKind?: HotlineKind;
  script?: string;
}

const c = (
  code: string,
  kind: CategoryKind,
  className: string,
  name: string,
  limit: number,
  unit: LimitUnit,
  duty: string | null,
  filing: string,
  closing: string,
  urgency: Urgency = 'normal',
  extra: Partial<CategorySeed> = {},
): CategorySeed => ({ code, kind, className, name, limit, unit, duty, filing, closing, urgency, ...extra });

const WD = 'working_days' as const;
const WH = 'working_hours' as const;

export const CATEGORY_SEEDS: CategorySeed[] = [
  // ── 部件 assets (GB/T 30428.2 classes) ────────────────────────────────────
  c('A0101', 'asset', '公用设施', '井盖缺失', 4, WH, 'asset.manhole_cover', '道路、人行道上的上水、污水、雨水、电力、通信等井盖缺失、破损、移位或下沉', '井盖已补齐或更换，与路面平顺，无安全隐患', 'urgent'),
  c('A0102', 'asset', '公用设施', '路灯不亮', 3, WD, 'asset.street_light', '路灯、景观灯不亮、闪烁，灯杆倾斜或破损', '路灯正常亮灯，灯杆完好'),
  c('A0103', 'asset', '公用设施', '排水设施堵塞', 1, WD, 'asset.drain_blocked', '雨水口、排水管道堵塞或路面积水超过 10 厘米', '排水通畅，路面无积水'),
  c('A0104', 'asset', '公用设施', '公交站亭损坏', 5, WD, 'asset.bus_shelter', '公交站亭、站牌破损、缺失或存在安全隐患', '站亭、站牌修复完好'),
  c('A0201', 'asset', '道路交通', '道路破损', 3, WD, 'asset.road_damage', '城市道路路面坑洼、破损面积超过 0.5 平方米或出现塌陷', '路面修复平整，警示设施撤除'),
  c('A0202', 'asset', '道路交通', '交通信号灯故障', 4, WH, 'asset.traffic_signal', '交通信号灯不亮、故障或交通标志标线缺损', '信号灯、标志标线恢复正常', 'urgent'),
  c('A0301', 'asset', '市容环境', '垃圾箱破损', 3, WD, null, '公共垃圾箱、果皮箱破损、缺失或满溢', '垃圾箱修复或更换，周边整洁'),
  c('A0401', 'asset', '园林绿化', '行道树倒伏', 1, WD, null, '行道树倒伏、断枝或严重倾斜影响通行安全', '树木扶正或移除，现场清理完毕', 'urgent'),
  c('A0501', 'asset', '房屋土地', '危险房屋', 1, WD, null, '房屋外墙脱落、结构开裂等危及公共安全的情形', '已设置警示并采取排危措施', 'urgent'),
  c('A0601', 'asset', '其他设施', '消防设施损坏', 1, WD, 'event.fire_hazard', '室外消火栓、消防设施损坏或被占用', '消防设施修复，可正常使用'),
  c('A9901', 'asset', '扩展', '其他部件问题', 5, WD, null, '不属于上述小类的公共设施问题', '问题已处置，现场核查无误'),
  // ── 事件 events (GB/T 30428.2 classes) ────────────────────────────────────
  c('E0101', 'event', '市容环境', '暴露垃圾', 1, WD, 'event.garbage_exposed', '道路、广场、绿地等公共区域有暴露垃圾、积存垃圾渣土，面积超过 1 平方米', '垃圾清运完毕，地面无残留'),
  c('E0102', 'event', '市容环境', '道路不洁', 5, WH, 'event.road_dirty', '道路及附属设施有明显污渍、泥浆、抛洒物，长度超过 10 米', '路面清扫干净，无污渍泥浆'),
  c('E0103', 'event', '市容环境', '乱倒建筑垃圾', 2, WD, 'event.construction_waste', '随意倾倒、堆放建筑垃圾和工程渣土', '垃圾清运完毕，倾倒人已依法处理'),
  c('E0104', 'event', '市容环境', '餐饮油烟', 5, WD, 'event.cooking_fumes', '餐饮服务经营者油烟直排或净化设施未正常使用', '已安装并正常使用油烟净化设施'),
  c('E0105', 'event', '市容环境', '河道漂浮物', 1, WD, 'event.river_garbage', '河道、沟塘水面漂浮垃圾、水草面积超过 5 平方米', '水面打捞干净'),
  c('E0201', 'event', '宣传广告', '乱贴乱画', 2, WD, 'event.illegal_poster', '在建筑物、设施、树木上乱张贴、乱涂写、乱刻画', '张贴涂写已清除，墙面恢复'),
  c('E0202', 'event', '宣传广告', '违规户外广告', 5, WD, 'event.outdoor_ad', '未经批准设置或破损、存在安全隐患的户外广告、店招', '广告已拆除或整改，隐患消除'),
  c('E0301', 'event', '施工管理', '施工扰民', 2, WD, 'event.construction_noise', '建筑施工噪声超标或未经证明夜间施工', '施工单位已停止违规作业并依法处理'),
  c('E0302', 'event', '施工管理', '工地扬尘', 2, WD, 'event.construction_dust', '建设工地未落实围挡、覆盖、冲洗等扬尘防治措施', '扬尘防治措施落实到位'),
  c('E0303', 'event', '施工管理', '违法建设', 15, WD, 'event.illegal_building', '未取得或未按照建设工程规划许可证进行建设', '违法建设已停止并拆除或依法处理完毕'),
  c('E0401', 'event', '突发事件', '路面塌陷', 2, WH, 'asset.road_damage', '道路突发塌陷、坑洞危及通行安全', '已设置围挡警示并完成抢修', 'emergency'),
  c('E0402', 'event', '突发事件', '露天焚烧', 2, WH, 'event.open_burning', '露天焚烧秸秆、落叶、垃圾产生烟尘', '明火扑灭，现场清理，行为人依法处理', 'urgent'),
  c('E0403', 'event', '突发事件', '消防隐患', 1, WD, 'event.fire_hazard', '占用堵塞消防通道、违规住人等火灾隐患', '隐患消除，通道畅通'),
  c('E0501', 'event', '街面秩序', '占道经营', 1, WD, 'event.street_vending', '在城市道路、广场等公共场所占道摆摊设点', '摊点撤离，现场恢复整洁'),
  c('E0502', 'event', '街面秩序', '店外经营', 1, WD, 'event.shop_overflow', '临街商户超出门窗和外墙摆卖、经营、作业', '商户退回店内经营'),
  c('E0503', 'event', '街面秩序', '违章停车', 4, WH, 'event.illegal_parking', '机动车在禁停路段、人行道违法停放', '车辆驶离或依法处理'),
  c('E0504', 'event', '街面秩序', '僵尸车', 5, WD, 'event.abandoned_vehicle', '长期停放在道路、公共场所的废弃车辆', '车辆已移除'),
  c('E9901', 'event', '扩展', '违法占地', 10, WD, 'event.illegal_land_use', '未经批准占用土地或擅自改变土地用途', '已依法查处，土地恢复'),
  c('E9902', 'event', '扩展', '安全生产隐患', 3, WD, 'event.work_safety', '生产经营单位存在安全生产事故隐患', '隐患整改到位'),
  c('E9903', 'event', '扩展', '食品安全问题', 3, WD, 'event.food_safety', '食品生产经营违法行为、食品安全隐患', '已依法查处或整改到位'),
  c('E9904', 'event', '扩展', '无照经营', 5, WD, 'event.unlicensed_business', '未依法取得营业执照从事经营活动', '已依法查处或办理登记'),
  c('E9905', 'event', '扩展', '拖欠农民工工资', 5, WD, 'event.wage_arrears', '用人单位拖欠、克扣劳动者工资', '工资已支付或进入法定程序'),
  c('E9906', 'event', '扩展', '水体污染', 3, WD, 'event.water_pollution', '河道、湖泊水体发黑发臭、异常排污', '污染源查明并处置'),
  // ── 12345 request kinds (GB/T 33358; default limits, DOMAIN §5) ────────────
  c('H01', 'hotline', '12345 热线', '咨询', 3, WD, null, '来电人咨询政策、办事流程等', '已答复来电人，回访无异议', 'normal', {
    hotlineKind: 'consult',
    script: '您好，12345 政务服务便民热线，请问有什么可以帮您？请说明您要咨询的事项和所在区域。我们将在 3 个工作日内答复您。',
  }),
  c('H02', 'hotline', '12345 热线', '求助', 3, WD, null, '来电人遇到生活困难或需要公共服务帮助', '已提供帮助并回访', 'normal', {
    hotlineKind: 'help',
    script: '您好，请说明您需要帮助的情况、地点和联系方式。紧急情况请拨打 110/119/120，我们会立即转接。',
  }),
  c('H03', 'hotline', '12345 热线', '投诉', 13, WD, null, '来电人对行政机关、公共服务单位或经营者的投诉', '已办理并答复，回访满意或经审核办结', 'normal', {
    hotlineKind: 'complaint',
    script: '您好，请说明被投诉的单位或个人、发生的时间地点和具体经过，以及您的诉求。我们将在 13 个工作日内办理答复。',
  }),
  c('H04', 'hotline', '12345 热线', '举报', 13, WD, null, '来电人举报违法违规行为', '已核查处理并答复', 'normal', {
    hotlineKind: 'report',
    script: '您好，请说明举报的对象、地点、违法行为和您掌握的线索。您的个人信息将依法保密。',
  }),
  c('H05', 'hotline', '12345 热线', '建议', 13, WD, null, '来电人对政府工作和公共服务提出意见建议', '已答复采纳情况', 'normal', {
    hotlineKind: 'suggest',
    script: '您好，感谢您的建议，请说明建议的内容和涉及的部门或区域。',
  }),
  // ── business-environment complaints (seed 002: accept → verify → resolve → feed back) ──
  c('C01', 'complaint', '营商环境', '营商环境投诉', 10, WD, 'complaint.business_environment', '企业或群众对政务服务、涉企执法、政策兑现等营商环境问题的投诉', '问题已解决并反馈，投诉人确认'),
  c('C02', 'complaint', '营商环境', '消费投诉', 7, WD, 'complaint.consumer', '消费者权益争议投诉', '已调解或依法处理，投诉人确认'),
];

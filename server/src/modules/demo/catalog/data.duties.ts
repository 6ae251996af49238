/**
 * The territorial-management list (属地管理事项清单) of the event and asset
 * categories the cases module routes: county-wide entries (every town),
 * each with its lead unit and supporting units and the legal basis of every
 * duty. Matters the list gives to a department stay with it (a town only
 * finds, reports, dissuades and assists); town-led matters are the towns'
 * own or devolved city-management duties.
 */
import type { DeptKey } from './types.ts';

/** A unit: a county department by key, or 'town' (the town or street where the matter is). */
export type DutyUnitSpec = [unit: DeptKey | 'town', duty: string, basis: string];

export interface DutyMatterSpec {
  code: string;
  name: string;
  field: string;
  description: string;
  lead: DutyUnitSpec;
  support: DutyUnitSpec[];
}

const TOWN_FIND = '网格巡查发现、劝阻制止，及时上报并配合部门处置';
const BASE_LEVEL = '《中共中央办公厅 国务院办公厅关于推进基层整合审批服务执法力量的实施意见》';
const XZCF24 = '《中华人民共和国行政处罚法》第二十四条';
const CSRH4 = '《城市市容和环境卫生管理条例》第四条';

const town = (duty: string, basis: string): DutyUnitSpec => ['town', duty, basis];
const townSupport = (basis = BASE_LEVEL): DutyUnitSpec => ['town', TOWN_FIND, basis];

export const DUTY_MATTERS: DutyMatterSpec[] = [
  { code: 'event.garbage_exposed', name: '暴露垃圾', field: '市容环境', description: '道路、广场、绿地等公共区域的暴露垃圾、积存垃圾渣土', lead: town('组织环卫作业单位及时清运，对乱倒乱扔行为依法查处', `${CSRH4}；${XZCF24}`), support: [['cgj', '指导环卫作业标准，考核清运质量', CSRH4]] },
  { code: 'event.road_dirty', name: '道路不洁', field: '市容环境', description: '道路及附属设施存在污渍、泥浆、抛洒物等不洁情况', lead: town('督促保洁单位按作业标准清扫保洁，对抛洒滴漏行为依法查处', `${CSRH4}；${XZCF24}`), support: [['cgj', '制定道路保洁标准并监督考核', CSRH4], ['gaj', '对运输车辆抛洒滴漏的交通违法行为依法处理', '《中华人民共和国道路交通安全法》第四十八条']] },
  { code: 'event.street_vending', name: '占道经营', field: '街面秩序', description: '在城市道路、广场等公共场所占道摆摊设点、兜售物品', lead: town('劝导规范、依法查处占道经营，引导进入疏导点经营', `《城市市容和环境卫生管理条例》第三十四条；${XZCF24}`), support: [['scjg', '对无照经营行为依法查处', '《无证无照经营查处办法》第十三条']] },
  { code: 'event.shop_overflow', name: '店外经营', field: '街面秩序', description: '临街商户超出门窗和外墙摆卖、经营、作业', lead: town('落实门前责任区制度，依法查处店外经营', `${CSRH4}；${XZCF24}`), support: [] },
  { code: 'event.outdoor_ad', name: '违规户外广告', field: '宣传广告', description: '未经批准设置或者破损、存在安全隐患的户外广告、店招标牌', lead: town('依法查处擅自设置户外广告行为，督促设置人整改或者拆除存在安全隐患的设施', `《城市市容和环境卫生管理条例》第三十六条；${XZCF24}`), support: [['cgj', '户外广告设置规划和审批管理', '《城市市容和环境卫生管理条例》第十一条'], ['scjg', '对广告内容违法行为依法查处', '《中华人民共和国广告法》第四十九条']] },
  { code: 'event.illegal_poster', name: '乱张贴乱涂写', field: '宣传广告', description: '在建筑物、设施和树木上乱张贴、乱涂写、乱刻画', lead: town('组织清除并依法查处', `《城市市容和环境卫生管理条例》第十七条；${XZCF24}`), support: [['gaj', '对张贴内容涉嫌违法犯罪的依法查处', '《中华人民共和国治安管理处罚法》第六十八条']] },
  { code: 'event.cooking_fumes', name: '餐饮油烟', field: '市容环境', description: '餐饮服务经营者未安装或者未正常使用油烟净化设施、超标排放油烟', lead: town('依法查处油烟超标排放行为', `《中华人民共和国大气污染防治法》第一百一十八条；${XZCF24}`), support: [['sthj', '油烟排放监测和技术指导', '《中华人民共和国大气污染防治法》第五条']] },
  { code: 'event.open_burning', name: '露天焚烧', field: '生态环境', description: '露天焚烧秸秆、落叶、垃圾等产生烟尘污染的物质', lead: town('巡查劝阻、组织扑灭，依法查处露天焚烧行为', `《中华人民共和国大气污染防治法》第一百一十九条；${XZCF24}`), support: [['sthj', '秸秆禁烧监测预警和督查', '《中华人民共和国大气污染防治法》第七十七条'], ['nyj', '秸秆综合利用指导', '《中华人民共和国大气污染防治法》第七十六条']] },
  { code: 'event.construction_waste', name: '乱倒建筑垃圾', field: '市容环境', description: '随意倾倒、抛撒、堆放建筑垃圾和工程渣土', lead: town('组织清运，依法查处乱倒行为', `《中华人民共和国固体废物污染环境防治法》第一百一十一条；${XZCF24}`), support: [['cgj', '建筑垃圾处置核准和运输管理', '《城市建筑垃圾管理规定》'], ['gaj', '对渣土运输车辆交通违法行为依法处理', '《中华人民共和国道路交通安全法》第四十八条']] },
  { code: 'event.green_damage', name: '毁绿占绿', field: '园林绿化', description: '损毁城市绿地、树木或者擅自占用绿地', lead: town('制止毁绿占绿行为并依法查处', `《城市绿化条例》第二十六条；${XZCF24}`), support: [['cgj', '绿地恢复和补植技术指导', '《城市绿化条例》']] },
  { code: 'event.river_garbage', name: '河道漂浮物', field: '水环境', description: '河道、沟塘水面漂浮垃圾、水草', lead: town('落实河长制，组织河道保洁打捞', '《中华人民共和国水污染防治法》第五条'), support: [['slj', '河道管护技术指导和考核', '《中华人民共和国水法》第十二条']] },
  { code: 'event.illegal_building', name: '违法建设', field: '规划建设', description: '未取得或者未按照建设工程规划许可证进行建设，城市规划区内违法建设', lead: ['zfj', '依法查处城市规划区内违法建设，作出责令停止建设、限期拆除等决定', '《中华人民共和国城乡规划法》第六十四条'], support: [townSupport(), ['zrj', '出具规划认定意见', '《中华人民共和国城乡规划法》']] },
  { code: 'event.illegal_land_use', name: '违法占地', field: '土地管理', description: '未经批准非法占用土地、擅自改变土地用途', lead: ['zrj', '依法查处非法占用土地行为', '《中华人民共和国土地管理法》第七十七条'], support: [townSupport('《中华人民共和国土地管理法》第六十七条')] },
  { code: 'event.construction_noise', name: '施工噪声', field: '施工管理', description: '建筑施工噪声超标或者未经证明夜间施工扰民', lead: ['zfj', '依法查处建筑施工噪声违法行为', '《中华人民共和国噪声污染防治法》第七十七条'], support: [['zjj', '督促施工单位落实噪声污染防治措施', '《中华人民共和国噪声污染防治法》第四十条'], townSupport()] },
  { code: 'event.construction_dust', name: '工地扬尘', field: '施工管理', description: '建设工地未落实围挡、覆盖、冲洗等扬尘防治措施', lead: ['zjj', '监督施工单位落实扬尘污染防治措施并依法查处', '《中华人民共和国大气污染防治法》第一百一十五条'], support: [['sthj', '扬尘污染监测和统一监督', '《中华人民共和国大气污染防治法》第五条'], townSupport()] },
  { code: 'event.illegal_parking', name: '违章停车', field: '街面秩序', description: '机动车在禁停路段、人行道等违法停放', lead: ['gaj', '依法处理机动车违法停放，必要时拖移', '《中华人民共和国道路交通安全法》第九十三条'], support: [['zfj', '依法查处机动车在城市人行道上违法停放', '《中华人民共和国道路交通安全法》第九十三条'], townSupport()] },
  { code: 'event.abandoned_vehicle', name: '僵尸车', field: '街面秩序', description: '长期停放在道路、公共场所的废弃车辆', lead: ['gaj', '查明车辆所有人，依法处置废弃车辆', '《中华人民共和国道路交通安全法》第九十三条'], support: [townSupport()] },
  { code: 'event.water_pollution', name: '水体污染', field: '生态环境', description: '河道、湖泊水体发黑发臭、异常排污', lead: ['sthj', '开展监测和溯源，依法查处违法排污行为', '《中华人民共和国水污染防治法》第九条'], support: [['slj', '河道水量调度和水工程管理配合', '《中华人民共和国水法》第十二条'], ['zjj', '排查城镇污水管网和排水户', '《城镇排水与污水处理条例》第五条'], town('落实河长制，巡查发现并报告污染线索', '《中华人民共和国水污染防治法》第五条')] },
  { code: 'event.fire_hazard', name: '消防隐患', field: '公共安全', description: '占用堵塞消防通道、消防设施损坏、违规住人等火灾隐患', lead: ['xfjy', '依法开展消防监督检查，责令改正并查处消防违法行为', '《中华人民共和国消防法》第五十三条'], support: [town('开展消防安全网格化检查，督促整改一般隐患', '《中华人民共和国消防法》第三十二条'), ['yjj', '统筹协调重大火灾隐患整治', '《中华人民共和国消防法》第四条']] },
  { code: 'event.food_safety', name: '食品安全', field: '市场监管', description: '食品生产经营违法行为、食品安全隐患', lead: ['scjg', '依法开展监督检查和抽检，查处食品安全违法行为', '《中华人民共和国食品安全法》第六条'], support: [townSupport('《中华人民共和国食品安全法》第六条')] },
  { code: 'event.work_safety', name: '安全生产隐患', field: '安全生产', description: '生产经营单位存在的安全生产事故隐患', lead: ['yjj', '依法实施安全生产监督检查，查处违法行为', '《中华人民共和国安全生产法》第十条'], support: [town('对本区域生产经营单位安全生产状况进行监督检查，协助有关部门处置', '《中华人民共和国安全生产法》第九条')] },
  { code: 'event.unlicensed_business', name: '无照经营', field: '市场监管', description: '未依法取得营业执照从事经营活动', lead: ['scjg', '依法查处无照经营行为', '《无证无照经营查处办法》第六条'], support: [townSupport()] },
  { code: 'event.illegal_medical', name: '非法行医', field: '卫生健康', description: '未取得医疗机构执业许可或者非医师行医', lead: ['wjw', '依法查处非法行医行为', '《中华人民共和国基本医疗卫生与健康促进法》第九十九条'], support: [townSupport(), ['gaj', '涉嫌犯罪的依法立案侦查', '《中华人民共和国刑法》第三百三十六条']] },
  { code: 'event.wage_arrears', name: '拖欠农民工工资', field: '劳动保障', description: '用人单位拖欠、克扣劳动者工资', lead: ['rsj', '依法调查处理拖欠工资行为', '《保障农民工工资支付条例》'], support: [town('排查欠薪隐患，先行调解', '《保障农民工工资支付条例》'), ['zjj', '督促工程建设领域落实工资支付制度', '《保障农民工工资支付条例》']] },
  { code: 'asset.manhole_cover', name: '井盖缺损', field: '公用设施', description: '道路检查井盖缺失、破损、移位', lead: ['cgj', '组织权属单位限时修复，设置警示', '《城市道路管理条例》第二十三条'], support: [townSupport(), ['gaj', '对盗窃、损毁井盖行为依法查处', '《中华人民共和国治安管理处罚法》第三十七条']] },
  { code: 'asset.street_light', name: '路灯不亮', field: '公用设施', description: '路灯、景观灯不亮或者灯杆损坏', lead: ['cgj', '组织城市照明养护单位维修', '《城市道路管理条例》第二十一条'], support: [townSupport()] },
  { code: 'asset.road_damage', name: '道路破损', field: '道路交通', description: '城市道路路面破损、坑洼、塌陷', lead: ['cgj', '组织养护单位维修，设置安全警示', '《城市道路管理条例》第二十一条'], support: [['jtj', '公路路段破损的养护修复', '《中华人民共和国公路法》第三十五条'], townSupport()] },
  { code: 'asset.drain_blocked', name: '排水设施堵塞', field: '公用设施', description: '雨水口、排水管道堵塞，路面积水', lead: ['cgj', '组织排水设施维护单位疏通', '《城镇排水与污水处理条例》第五条'], support: [townSupport()] },
  { code: 'asset.traffic_signal', name: '交通信号灯故障', field: '道路交通', description: '交通信号灯不亮、故障或者标志标线缺损', lead: ['gaj', '组织交通设施维护单位修复', '《中华人民共和国道路交通安全法》第三十条'], support: [townSupport()] },
  { code: 'asset.bus_shelter', name: '公交站亭损坏', field: '公用设施', description: '公交站亭、站牌损坏或者缺失', lead: ['jtj', '督促公交企业修复', '《中华人民共和国道路运输条例》'], support: [townSupport()] },
  { code: 'complaint.business_environment', name: '营商环境投诉', field: '营商环境', description: '企业和群众对政务服务、涉企执法、政策兑现等营商环境问题的投诉', lead: ['fgw', '受理核实、协调责任单位限时解决并反馈，跟踪投诉人确认', '《优化营商环境条例》第四十九条'], support: [['zwfw', '政务服务类问题的核查和整改', '《优化营商环境条例》第三十五条'], ['spj', '审批服务类问题的核查和整改', '《优化营商环境条例》第三十五条']] },
  { code: 'complaint.consumer', name: '消费投诉', field: '市场监管', description: '消费者权益争议投诉', lead: ['scjg', '受理投诉并组织调解，依法查处侵害消费者权益行为', '《中华人民共和国消费者权益保护法》第三十二条'], support: [] },
];

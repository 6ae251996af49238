/**
 * The demo county's bundles (一件事): situation questions and members that
 * point at the published items by guide key. Material references in the
 * options are material names of the member items.
 */
import type { FormFieldDef, QuestionDef } from '../../catalog/index.ts';

export interface BundleMemberSpec {
  item: string;
  condition?: { all?: string[]; any?: string[]; none?: string[] };
  produces?: string[];
  fields?: FormFieldDef[];
}

export interface BundleSpec {
  code: string;
  name: string;
  lifeEvent: string;
  description: string;
  applicantKind: 'person' | 'legal' | 'any';
  questions: QuestionDef[];
  members: BundleMemberSpec[];
}

const opt = (id: string, label: string, requireMaterials: string[] = [], waiveMaterials: string[] = []) => ({ id, label, requireMaterials, waiveMaterials });
const q = (key: string, text: string, kind: 'single' | 'multi', options: ReturnType<typeof opt>[], defaults: string[], showIf: QuestionDef['showIf'] = null): QuestionDef => ({
  key,
  text,
  kind,
  required: true,
  showIf,
  options,
  defaultOptionIds: defaults,
});
const f = (key: string, label: string, type: FormFieldDef['type'], required = true, options?: string[]): FormFieldDef => ({ key, label, type, required, ...(options ? { options } : {}) });

const COMPANY = [f('companyName', '企业名称', 'text'), f('uscc', '统一社会信用代码', 'uscc', false), f('legalRepName', '法定代表人姓名', 'text'), f('legalRepId', '法定代表人身份证号', 'resident_id'), f('address', '住所（经营场所）', 'address'), f('contactPhone', '联系电话', 'phone')];
const PREMISES = q('premises', '住所（经营场所）的情况？', 'single', [opt('own', '自有房屋', ['住所（经营场所）使用证明']), opt('rented', '租赁房屋', ['住所（经营场所）使用证明']), opt('commitment', '选择住所申报承诺', [], ['住所（经营场所）使用证明'])], ['rented']);

export const BUNDLES: BundleSpec[] = [
  {
    code: 'jy-qiye-kaiban',
    name: '开办企业一件事',
    lifeEvent: '企业开办',
    description: '企业设立登记、公章刻制、新办纳税人信息确认和发票领用、社会保险和医疗保险登记、住房公积金缴存登记、银行预约开户一表申请、并联办理，江阴市2个工作日内办结（“2440”改革）。',
    applicantKind: 'legal',
    questions: [
      q('entity', '设立的企业类型？', 'single', [opt('company', '有限责任公司、股份有限公司', ['公司章程']), opt('partnership', '合伙企业', ['合伙协议'])], ['company']),
      PREMISES,
      q('services', '需要同步办理哪些事项？', 'multi', [opt('seal', '刻制公章'), opt('invoice', '申领发票'), opt('social', '社会保险和医疗保险登记'), opt('fund', '住房公积金缴存登记'), opt('bank', '银行预约开户')], ['seal', 'invoice', 'social', 'fund', 'bank']),
      q('employees', '是否已招用员工？', 'single', [opt('yes', '已招用'), opt('no', '暂未招用')], ['yes'], { any: ['services.social', 'services.fund'] }),
    ],
    members: [
      { item: 'company_register', produces: ['营业执照'], fields: COMPANY },
      { item: 'seal_filing', condition: { any: ['services.seal'] }, fields: [f('companyName', '企业名称', 'text'), f('sealKinds', '印章种类', 'select', true, ['公章', '财务专用章', '发票专用章', '法定代表人名章'])] },
      { item: 'taxpayer_info', fields: [f('companyName', '企业名称', 'text'), f('financeContact', '财务负责人姓名', 'text'), f('contactPhone', '联系电话', 'phone')] },
      { item: 'invoice', condition: { any: ['services.invoice'] }, fields: [f('invoiceKinds', '发票种类', 'select', true, ['数电发票（普通发票）', '数电发票（增值税专用发票）'])] },
      { item: 'social_insurance_register', condition: { all: ['services.social', 'employees.yes'] }, fields: [f('contactPhone', '联系电话', 'phone')] },
      { item: 'unit_medical', condition: { all: ['services.social', 'employees.yes'] }, fields: [f('contactPhone', '联系电话', 'phone')] },
      { item: 'fund_unit_register', condition: { all: ['services.fund', 'employees.yes'] }, fields: [f('fundRate', '住房公积金缴存比例（%）', 'number', false)] },
      { item: 'bank_account', condition: { any: ['services.bank'] }, fields: [f('bankName', '开户银行', 'select', true, ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '江苏江阴农村商业银行'])] },
    ],
  },
  {
    code: 'jy-canyin-kaiban',
    name: '开办餐饮店一件事',
    lifeEvent: '开办餐饮店',
    description: '营业执照、食品经营许可、污水排入排水管网许可、户外招牌设置、公众聚集场所消防安全检查和从业人员健康证明一次申请、集成办理。',
    applicantKind: 'any',
    questions: [
      q('entity', '以什么形式开店？', 'single', [opt('individual', '个体工商户'), opt('company', '公司')], ['individual']),
      q('public_place', '经营场所是否属于公众聚集场所（营业面积较大、人员密集的餐馆等）？', 'single', [opt('yes', '是'), opt('no', '否')], ['no']),
      q('signboard', '是否设置户外招牌或者广告？', 'single', [opt('yes', '设置'), opt('no', '不设置')], ['yes']),
      q('commitment', '食品经营许可是否选择告知承诺方式办理？', 'single', [opt('yes', '选择告知承诺', ['告知承诺书']), opt('no', '按一般程序办理')], ['yes']),
    ],
    members: [
      { item: 'indiv_register', condition: { any: ['entity.individual'] }, produces: ['营业执照'], fields: [f('shopName', '店铺名称', 'text'), f('operatorId', '经营者身份证号', 'resident_id'), f('address', '经营场所', 'address')] },
      { item: 'company_register', condition: { any: ['entity.company'] }, produces: ['营业执照'], fields: COMPANY },
      { item: 'food_business', fields: [f('businessItems', '经营项目', 'select', true, ['热食类食品制售', '冷食类食品制售', '糕点类食品制售', '自制饮品制售']), f('address', '经营场所', 'address')] },
      { item: 'sewage_permit', fields: [f('address', '经营场所', 'address')] },
      { item: 'outdoor_ad', condition: { any: ['signboard.yes'] }, fields: [f('signSize', '招牌尺寸（米）', 'text')] },
      { item: 'fire_check_open', condition: { any: ['public_place.yes'] }, fields: [f('floorArea', '营业面积（平方米）', 'number')] },
      { item: 'health_certificate', fields: [f('staffCount', '从业人员人数', 'number')] },
    ],
  },
  {
    code: 'jy-gongye-kaigong',
    name: '工业项目开工一件事',
    lifeEvent: '工业项目开工',
    description: '工业项目从项目备案（核准）、用地规划、工程规划到施工许可全流程并联审批，江阴市工业项目施工许可全流程不超过40个工作日（“2440”改革）。',
    applicantKind: 'legal',
    questions: [
      q('approval', '项目实行备案还是核准管理？', 'single', [opt('filing', '备案'), opt('approval', '核准')], ['filing']),
      q('land', '项目用地的取得方式？', 'single', [opt('transfer', '出让'), opt('allocation', '划拨')], ['transfer']),
      q('eia', '项目环境影响评价文件类型？', 'single', [opt('report', '报告书或者报告表'), opt('registration', '登记表')], ['report']),
      q('fire', '是否属于特殊建设工程？', 'single', [opt('special', '是'), opt('ordinary', '否')], ['special']),
    ],
    members: [
      { item: 'project_filing', condition: { any: ['approval.filing'] }, fields: [f('projectName', '项目名称', 'text'), f('investment', '总投资（万元）', 'number')] },
      { item: 'investment_approval', condition: { any: ['approval.approval'] }, fields: [f('projectName', '项目名称', 'text'), f('investment', '总投资（万元）', 'number')] },
      { item: 'site_selection', condition: { any: ['land.allocation'] }, fields: [f('landArea', '用地面积（平方米）', 'number')] },
      { item: 'land_use_plan', produces: ['建设用地规划许可证'], fields: [f('landArea', '用地面积（平方米）', 'number')] },
      { item: 'design_review', fields: [f('buildingArea', '总建筑面积（平方米）', 'number')] },
      { item: 'building_plan', produces: ['建设工程规划许可证'], fields: [f('buildingArea', '总建筑面积（平方米）', 'number')] },
      { item: 'eia_approval', condition: { any: ['eia.report'] } },
      { item: 'energy_review' },
      { item: 'soil_conservation' },
      { item: 'fire_design_review', condition: { any: ['fire.special'] } },
      { item: 'air_defence_fee' },
      { item: 'construction_waste' },
      { item: 'construction_permit', produces: ['建筑工程施工许可证'], fields: [f('contractor', '施工单位', 'text'), f('contractPrice', '合同价格（万元）', 'number')] },
    ],
  },
  {
    code: 'jy-qiye-zhuxiao',
    name: '企业注销一件事',
    lifeEvent: '企业注销',
    description: '清税、社会保险注销和企业注销登记一网申请、信息共享，适用简易注销的公示期满即可办结。',
    applicantKind: 'legal',
    questions: [
      q('procedure', '适用哪种注销程序？', 'single', [opt('simple', '简易注销（无债权债务）', ['全体投资人承诺书']), opt('ordinary', '普通注销（经清算）', ['经确认的清算报告'])], ['simple']),
      q('insured', '企业是否办理过社会保险登记？', 'single', [opt('yes', '办理过'), opt('no', '未办理')], ['yes']),
    ],
    members: [
      { item: 'tax_clearance', produces: ['清税信息'], fields: [f('companyName', '企业名称', 'text'), f('uscc', '统一社会信用代码', 'uscc')] },
      { item: 'unit_insurance_cancel', condition: { any: ['insured.yes'] }, fields: [f('uscc', '统一社会信用代码', 'uscc')] },
      { item: 'company_cancel', fields: [f('companyName', '企业名称', 'text'), f('uscc', '统一社会信用代码', 'uscc'), f('cancelReason', '注销原因', 'textarea')] },
    ],
  },
  {
    code: 'jy-xinshenger',
    name: '新生儿出生一件事',
    lifeEvent: '新生儿出生',
    description: '出生医学证明、户口登记、城乡居民医保参保、社会保障卡申领、预防接种证办理和生育津贴申领一次申请、联办联发。',
    applicantKind: 'person',
    questions: [
      q('hukou', '新生儿随谁落户？', 'single', [opt('father', '随父落户'), opt('mother', '随母落户')], ['father']),
      q('card', '是否同步申领社会保障卡？', 'single', [opt('yes', '申领'), opt('no', '暂不申领')], ['yes']),
      q('maternity', '母亲是否参加职工基本医疗保险（需申领生育津贴）？', 'single', [opt('yes', '参加'), opt('no', '未参加')], ['yes']),
    ],
    members: [
      { item: 'birth_certificate', produces: ['出生医学证明'], fields: [f('babyName', '新生儿姓名', 'text'), f('birthDate', '出生日期', 'date'), f('motherId', '母亲身份证号', 'resident_id'), f('fatherId', '父亲身份证号', 'resident_id', false)] },
      { item: 'birth_register', fields: [f('babyName', '新生儿姓名', 'text'), f('address', '落户地址', 'address')] },
      { item: 'resident_medical', fields: [f('babyName', '新生儿姓名', 'text')] },
      { item: 'social_card_apply', condition: { any: ['card.yes'] }, fields: [f('mailAddress', '社会保障卡邮寄地址', 'address')] },
      { item: 'vaccination_card', fields: [f('babyName', '新生儿姓名', 'text')] },
      { item: 'maternity_allowance', condition: { any: ['maternity.yes'] }, fields: [f('motherId', '母亲身份证号', 'resident_id')] },
    ],
  },
];

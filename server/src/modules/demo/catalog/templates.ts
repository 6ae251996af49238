/**
 * The power-list fields every item of a type shares: responsibility matters
 * by step (权责清单 责任事项), accountability cases (追责情形) and
 * integrity-risk points, with their bases. Article texts quoted here are
 * those of the statute files in shared/data/laws.
 */
import type { ItemContentInput, ItemType } from '../../catalog/index.ts';

type Responsibility = NonNullable<ItemContentInput['responsibilities']>[number];

const XZCF = '《中华人民共和国行政处罚法》';
const XZXK = '《中华人民共和国行政许可法》';
const XZQZ = '《中华人民共和国行政强制法》';

const r = (step: string, content: string, basis: string): Responsibility => ({ step, content, basis });

/** Penalty: 立案 → 调查取证 → 审理 → 告知 → 决定 → 送达 → 执行 (DOMAIN §2). */
function penaltySteps(act: string): Responsibility[] {
  return [
    r('立案', `对发现、投诉举报、移送或者上级交办的${act}线索，在10个工作日内核查，符合立案标准的及时立案。`, `${XZCF}第五十四条`),
    r('调查取证', '指定两名以上持有执法证件的执法人员调查，出示执法证件，全面、客观、公正地收集证据，询问或者检查制作笔录；证据可能灭失的，经负责人批准先行登记保存。', `${XZCF}第五十四条、第五十五条、第五十六条`),
    r('审理', '调查终结后，审查违法事实、证据、定性、依据、裁量和程序；符合法定情形的进行法制审核，情节复杂或者重大违法的由负责人集体讨论决定。', `${XZCF}第五十七条、第五十八条`),
    r('告知', '作出决定前告知当事人拟作出的处罚内容及事实、理由、依据，以及陈述、申辩、要求听证的权利；当事人要求听证的依法组织听证。', `${XZCF}第四十四条、第四十五条、第六十三条`),
    r('决定', '根据审理结果作出给予处罚、不予处罚或者移送司法机关的决定，制作行政处罚决定书，自立案之日起九十日内作出决定。', `${XZCF}第五十七条、第五十九条、第六十条`),
    r('送达', '行政处罚决定书当场交付当事人；当事人不在场的，在七日内依法送达。', `${XZCF}第六十一条`),
    r('执行', '督促当事人履行处罚决定；逾期不履行的依法加处罚款或者申请人民法院强制执行；依法公示行政处罚信息。', `${XZCF}第四十八条、第七十二条`),
  ];
}

const PENALTY_ACCOUNTABILITY = [
  '没有法定的行政处罚依据实施行政处罚的',
  '擅自改变行政处罚种类、幅度的',
  '违反法定的行政处罚程序的',
  '对符合立案标准的案件不及时立案的',
  '执法人员未取得执法证件实施行政处罚的',
  '对应当依法移交司法机关追究刑事责任的案件不移交，以行政处罚代替刑事处罚的',
  '对应当予以制止和处罚的违法行为不予制止、处罚，致使公民、法人或者其他组织的合法权益、公共利益和社会秩序遭受损害的',
];

const LICENSING_ACCOUNTABILITY = [
  '对符合法定条件的申请不予受理的',
  '申请材料不齐全、不符合法定形式，不一次告知申请人必须补正的全部内容的',
  '未依法说明不受理申请或者不予许可的理由的',
  '对不符合法定条件的申请人准予许可或者超越法定职权作出准予许可决定的',
  '对符合法定条件的申请人不予许可或者不在法定期限内作出准予许可决定的',
  '擅自收费或者不按照法定项目和标准收费的',
  '不依法履行监督职责或者监督不力，造成严重后果的',
];

const COMPULSION_ACCOUNTABILITY = [
  '没有法律、法规依据实施行政强制的',
  '改变行政强制对象、条件、方式的',
  '违反法定程序实施行政强制的',
  '扩大查封、扣押、冻结范围的',
  '使用或者损毁查封、扣押场所、设施或者财物的',
  '在查封、扣押法定期间不作出处理决定或者未依法及时解除查封、扣押的',
];

const GENERAL_ACCOUNTABILITY = [
  '对符合条件的申请不予受理、不予办理或者拖延办理的',
  '对不符合条件的申请予以办理的',
  '未按规定一次性告知或者擅自增加办理条件、材料的',
  '泄露申请人商业秘密或者个人信息的',
  '索取或者收受他人财物、谋取其他利益的',
];

const INSPECTION_ACCOUNTABILITY = [
  '无法定依据实施行政检查或者超出检查事项清单实施检查的',
  '未按“双随机、一公开”要求抽取检查对象和执法检查人员的',
  '检查中发现违法行为不依法处理的',
  '对同一检查对象重复检查、多头检查，干扰正常生产经营的',
  '检查中索取或者收受财物、谋取其他利益的',
];

/** Responsibility matters by step for an item of this type. */
export function responsibilities(type: ItemType, name: string): Responsibility[] {
  const act = name.replace(/^对/, '').replace(/的行政处罚$/, '').replace(/的行政检查$/, '');
  switch (type) {
    case 'penalty':
      return penaltySteps(act);
    case 'inspection':
      return [
        r('检查计划', '依据行政检查事项清单制定年度检查计划，对一般事项按“双随机、一公开”方式抽取检查对象和执法检查人员，按信用风险分类确定抽查比例。', '《优化营商环境条例》第五十四条'),
        r('实施检查', `检查${act}，执法人员不少于两人，出示执法证件，制作检查记录，不得妨碍正常生产经营活动。`, `${XZCF}第五十五条`),
        r('处置', '对检查发现的问题责令改正；涉嫌违法的依法立案查处；属于其他部门职责的及时移送。', `${XZCF}第五十四条`),
        r('公开', '检查结果依法向社会公开，涉企检查结果在20个工作日内通过国家企业信用信息公示系统公示。', '《企业信息公示暂行条例》第七条'),
      ];
    case 'compulsion':
      return [
        r('审批', '实施前向行政机关负责人报告并经批准；情况紧急需当场实施的，在二十四小时内报告并补办批准手续。', `${XZQZ}第十八条、第十九条`),
        r('实施', '由两名以上执法人员实施，出示执法证件，通知当事人到场，告知理由、依据和当事人依法享有的权利、救济途径，听取陈述和申辩，制作现场笔录。', `${XZQZ}第十八条`),
        r('决定', '制作并当场交付查封、扣押决定书和清单；查封、扣押期限不超过三十日，情况复杂的经批准可延长不超过三十日。', `${XZQZ}第二十四条、第二十五条`),
        r('保管与解除', '妥善保管查封、扣押的场所、设施或者财物，不得使用或者损毁；违法行为不存在或者不再需要查封、扣押的及时解除。', `${XZQZ}第二十六条、第二十八条`),
      ];
    case 'licensing':
      return [
        r('受理', '公示事项的依据、条件、程序、期限和材料目录；材料齐全、符合法定形式的予以受理，不齐全的当场或者在五日内一次性告知需要补正的全部内容。', `${XZXK}第三十条、第三十二条`),
        r('审查', '对申请材料进行审查，需要核实实质内容的指派两名以上工作人员核查；涉及他人重大利益的告知利害关系人。', `${XZXK}第三十四条、第三十六条`),
        r('决定', '在法定期限内作出准予或者不予许可的书面决定，不予许可的说明理由并告知救济途径。', `${XZXK}第三十八条、第四十二条`),
        r('送达', '自作出决定之日起十日内颁发、送达许可证件，同步生成电子证照。', `${XZXK}第四十四条`),
        r('事后监管', '依法对被许可人从事许可事项的活动进行监督检查，审批结果实时推送行业主管部门（审管衔接）。', `${XZXK}第六十一条`),
      ];
    case 'public_service':
      return [
        r('受理', '一次性告知办理条件和材料，材料齐全的即时受理。', '《优化营商环境条例》第三十五条'),
        r('办理', '按照办事指南规定的标准和时限办理，不得增加无依据的条件。', '《优化营商环境条例》第三十五条'),
        r('办结', '按照当场办结、一次办结、限时办结的要求办结，告知申请人结果，接受“好差评”评价。', '《优化营商环境条例》第三十六条'),
      ];
    default:
      return [
        r('受理', '对申请材料进行查验，材料齐全、符合法定形式的予以受理，不齐全的一次性告知需要补正的全部内容。', '《优化营商环境条例》第三十五条'),
        r('审查', '对申请事项进行审查，需要现场核实的组织现场核查。', '《优化营商环境条例》第三十五条'),
        r('决定', '在承诺期限内作出决定并告知申请人，不予办理的说明理由。', '《优化营商环境条例》第三十五条'),
        r('送达', '通过窗口、邮寄或者电子方式送达办理结果。', '《优化营商环境条例》第三十五条'),
      ];
  }
}

export function accountability(type: ItemType): string[] {
  switch (type) {
    case 'penalty':
      return PENALTY_ACCOUNTABILITY;
    case 'licensing':
      return LICENSING_ACCOUNTABILITY;
    case 'compulsion':
      return COMPULSION_ACCOUNTABILITY;
    case 'inspection':
      return INSPECTION_ACCOUNTABILITY;
    default:
      return GENERAL_ACCOUNTABILITY;
  }
}

export function integrityRisks(type: ItemType): string[] {
  switch (type) {
    case 'penalty':
      return ['自由裁量权行使不当，未执行行政处罚裁量基准', '违规减免罚款或者以罚代刑'];
    case 'inspection':
      return ['选择性检查、重复检查', '检查中吃拿卡要'];
    case 'compulsion':
      return ['超范围查封、扣押', '违规处置查封、扣押财物'];
    case 'licensing':
      return ['降低许可条件违规审批', '体外循环、隐性审批'];
    default:
      return ['违规增设条件或者材料', '优亲厚友、违规办理'];
  }
}

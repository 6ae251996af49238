/**
 * Turns a GuideSpec into the guide part of an item content: conditions,
 * materials, process, limits, fees, channels, place, phones, FAQ and forms.
 * What a spec leaves out is derived from its type, limits and visits, so
 * every one of the 200 guides is complete.
 */
import type { ItemContentInput } from '../../catalog/index.ts';
import { parseMaterials } from './guide.materials.ts';
import { LAWS } from './laws.ts';
import { COMPLAINT_PHONE, HOURS, phoneOf, placeOf } from './service.ts';
import type { GuideSpec } from './types.ts';

const lawOf = (g: GuideSpec) => g.legal[0]?.law ?? LAWS.yhyshj;

function conditions(g: GuideSpec): string[] {
  if (g.cond?.length) return g.cond;
  const law = lawOf(g);
  switch (g.type) {
    case 'licensing':
      return [`申请人具备${law}规定的主体资格`, `申请事项符合${law}规定的条件和标准`, '申请材料齐全、符合法定形式'];
    case 'confirmation':
      return ['申请人为权利人、利害关系人或者其委托的代理人', `申请事项属于本机关依${law}管辖的范围`, '申请材料齐全、真实、有效'];
    case 'benefit':
      return [`申请人符合${law}规定的给付对象条件`, '家庭经济状况等情况经核查属实', '申请材料齐全、真实、有效'];
    case 'filing':
      return ['备案主体已依法取得相应的主体资格', '备案事项属于本机关备案范围', '备案材料齐全、符合法定形式'];
    default:
      return ['申请人属于本事项的服务对象', `符合${law}等规定的办理条件`, '按要求提供相应材料'];
  }
}

/** Steps whose days add up to the promised limit. */
function steps(g: GuideSpec): NonNullable<ItemContentInput['process']> {
  if (g.steps) return g.steps.map(([name, days, description]) => ({ name, days, description }));
  const promised = g.days[1];
  const online = g.online !== false;
  const apply = online ? '通过江苏政务服务网、“苏服办”APP在线提交，或者到窗口提交申请材料' : '到窗口提交申请材料';
  if (g.mode === 'immediate' || promised === 0) {
    return [
      { name: '申请', days: 0, description: apply },
      { name: '受理', days: 0, description: '窗口核验材料，材料齐全、符合法定形式的当场受理；不齐全的一次性告知需要补正的全部内容' },
      { name: '审核办理', days: 0, description: '当场审核办理' },
      { name: '办结', days: 0, description: '当场办结，出具办理结果或者推送电子证照' },
    ];
  }
  const review = Math.max(0, promised - 1);
  return [
    { name: '申请', days: 0, description: apply },
    { name: '受理', days: 0, description: '材料齐全、符合法定形式的当场受理并出具受理凭证；不齐全的当场一次性告知需要补正的全部内容' },
    { name: '审查', days: review, description: g.special?.length ? `审查申请材料，组织${g.special.map((s) => s.name).join('、')}` : '审查申请材料，需要核实的进行核查' },
    { name: '决定', days: promised - review, description: '作出准予或者不予办理的书面决定，不予办理的说明理由并告知救济途径' },
    { name: '送达', days: 0, description: '通过窗口领取、免费邮寄或者电子证照方式送达结果' },
  ];
}

function faq(g: GuideSpec): { q: string; a: string }[] {
  const out = (g.faq ?? []).map(([q, a]) => ({ q, a }));
  const [statutory, promised] = g.days;
  const online = g.online !== false;
  const generated: { q: string; a: string }[] = [
    {
      q: `${g.name}可以网上办理吗？`,
      a: online
        ? `可以。登录江苏政务服务网或者“苏服办”APP，搜索“${g.name}”在线提交申请${g.visits === 0 ? '，全程网办，无需到现场' : '，网上预审通过后到现场一次即可办结'}。`
        : `本事项需要到${placeOf(g.dept)}现场办理，可以先通过江苏政务服务网查询办事指南、预约办理时间，最多跑一次。`,
    },
    {
      q: `办理${g.name}需要多长时间？`,
      a:
        g.mode === 'immediate' || promised === 0
          ? '本事项为即办件，材料齐全、符合条件的当场办结。'
          : `${statutory !== null ? `法定办结时限为${statutory}个工作日，` : ''}江阴市承诺${promised}个工作日内办结${g.special?.length ? `，${g.special.map((s) => s.name).join('、')}所需时间不计算在内` : ''}。`,
    },
  ];
  if (g.commit) {
    generated.push({
      q: `${g.name}可以实行告知承诺制吗？`,
      a: '可以。申请人书面承诺已经符合办理条件并提交告知承诺书的，可以当场或者在较短时间内作出决定；事后核查发现承诺不实的，依法撤销决定并记入信用记录。',
    });
  }
  if (g.applicant !== 'legal') {
    generated.push({ q: '可以委托他人代为办理吗？', a: '可以。受托人需提交授权委托书及本人居民身份证；法律规定必须本人到场的环节（如采集人像、指纹）除外。' });
  } else {
    generated.push({ q: '办理需要携带纸质营业执照吗？', a: '不需要。窗口通过电子营业执照和政务数据共享核验主体信息，申请人无需提交营业执照复印件。' });
  }
  for (const item of generated) {
    if (out.length >= 4) break;
    if (!out.some((o) => o.q === item.q)) out.push(item);
  }
  return out;
}

/** The guide part of a content (everything but codes, body and power-list fields). */
export function guideContent(g: GuideSpec): Partial<ItemContentInput> {
  const materials = parseMaterials(g.mats);
  if (materials.length < 3) throw new Error(`demo catalog: guide ${g.key} has fewer than 3 materials`);
  const online = g.online !== false;
  const kinds: ('person' | 'legal')[] = g.applicant === 'both' ? ['person', 'legal'] : [g.applicant];
  return {
    acceptanceConditions: conditions(g),
    materials,
    process: steps(g),
    specialProcedures: g.special ?? [],
    statutoryDays: g.days[0],
    promisedDays: g.days[1],
    fees: g.fees ?? (g.type === 'licensing' ? [{ name: '不收费', amount: '0元', basis: `${LAWS.xzxk}第五十八条` }] : [{ name: '不收费', amount: '0元' }]),
    visits: g.visits,
    channels: online ? (g.visits === 0 ? ['online', 'window', 'post'] : ['window', 'online']) : ['window'],
    scope: g.scope ?? ['city_wide'],
    handlingMode: g.mode,
    place: g.place ?? placeOf(g.dept),
    hours: HOURS,
    consultPhone: phoneOf(g.dept),
    complaintPhone: COMPLAINT_PHONE,
    faq: faq(g),
    forms: (g.forms ?? [`${g.name}申请表`]).map((name) => ({ name })),
    applicantKinds: kinds,
    lifeEvents: g.life ?? [],
    commitmentAllowed: g.commit ?? false,
    ...(g.result ? { result: g.result } : {}),
    ...(g.subItemName ? { subItemName: g.subItemName } : {}),
    ...(g.remarks ? { remarks: g.remarks } : {}),
  };
}

/**
 * The material notation of the guide tables, so a guide's material list
 * fits on a few lines. Materials are separated by `|`; each is
 *
 *   [^|%] name [#licence type] [@proof code] [×copies] [~|+] [*] [?condition]   (flags in any order)
 *
 * - `^` prefix: the government holds it (fetched by data sharing, electronic);
 *   `%` prefix: issued by an intermediary (test report, survey drawing);
 * - `#…` the e-licence type that replaces it (居民身份证, 营业执照 …);
 * - `@…` its entry in the proof-requirement list (Regulation art. 44);
 * - `×n` copies; `~` a copy, `+` original and copy (default: original);
 * - `*` may be handed in after acceptance (容缺);
 * - `?…` conditional, with the condition (default: required).
 *
 * `$key` names a material of the shared library below.
 */
import type { MaterialInput } from './types.ts';

const LIBRARY: Record<string, string> = {
  id: '申请人居民身份证#居民身份证',
  lr: '法定代表人（负责人）居民身份证#居民身份证',
  bl: '^营业执照#营业执照',
  agent: '授权委托书及受托人居民身份证#居民身份证?委托他人代为办理的',
  hk: '居民户口簿#居民户口簿',
  photo: '近期免冠彩色证件照片（白底）×2',
  site: '经营场所使用证明（不动产权证书或者房屋租赁合同）~#不动产权证书',
  plan: '经营场所平面布局图',
  sbk: '社会保障卡（或者电子社会保障卡）#社会保障卡',
  marry: '结婚证#结婚证?已婚的',
  bank: '本人银行账户（社会保障卡金融账户）信息',
  commit: '告知承诺书?选择告知承诺方式办理的',
  rules: '质量安全管理制度文本',
};

const FLAGS = /#([^#@×~+*]+)|@([^#@×~+*]+)|×(\d+)|([~+*])/gu;

/** Parses one material token (see the file comment; flags may come in any order). */
export function parseMaterial(raw: string): MaterialInput {
  let token = raw.trim();
  const lib = /^\$([a-z]+)/.exec(token);
  if (lib) {
    const base = LIBRARY[lib[1]];
    if (!base) throw new Error(`demo catalog: unknown library material ${token}`);
    const rest = token.slice(lib[0].length);
    token = (rest.includes('?') ? base.replace(/\?.*$/u, '') : base) + rest;
  }
  const q = token.indexOf('?');
  const condition = q >= 0 ? token.slice(q + 1).trim() : '';
  let body = q >= 0 ? token.slice(0, q) : token;
  const prefix = body[0] === '^' || body[0] === '%' ? body[0] : '';
  if (prefix) body = body.slice(1);
  const cut = body.search(/[#@×~+*]/u);
  const name = (cut >= 0 ? body.slice(0, cut) : body).trim();
  if (!name) throw new Error(`demo catalog: bad material "${raw}"`);
  let licence: string | undefined;
  let proof: string | undefined;
  let copies = 1;
  let form: MaterialInput['form'] = 'original';
  let deferrable = false;
  for (const f of (cut >= 0 ? body.slice(cut) : '').matchAll(FLAGS)) {
    if (f[1]) licence = f[1].trim();
    else if (f[2]) proof = f[2].trim();
    else if (f[3]) copies = Number(f[3]);
    else if (f[4] === '~') form = 'copy';
    else if (f[4] === '+') form = 'original_and_copy';
    else if (f[4] === '*') deferrable = true;
  }
  const source = prefix === '^' ? 'government' : prefix === '%' ? 'intermediary' : 'applicant';
  const out: MaterialInput = {
    name,
    copies,
    form,
    source,
    requirement: condition ? 'conditional' : 'required',
    medium: source === 'government' ? 'electronic' : 'both',
    deferrable,
  };
  if (source === 'government') out.sourceNote = '通过政务数据共享获取，申请人无需提交';
  if (source === 'intermediary') out.sourceNote = '由依法设立的专业机构出具';
  if (condition) out.condition = condition;
  if (licence) out.licenseType = licence;
  if (proof) out.proofCode = proof;
  return out;
}

export function parseMaterials(list: string): MaterialInput[] {
  return list
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseMaterial);
}

/**
 * Merging the materials of a bundle's applicable items into one list, so a
 * document needed by three items is asked for once.
 *
 * The rule:
 * 1. Situation. A conditional material whose name some option of the bundle
 *    lists in `requireMaterials` is *governed* by the questions: it applies
 *    (as required) only when such an option is chosen, and is otherwise left
 *    out. A conditional material no option governs stays in the list as
 *    conditional, with its condition text for the applicant to read. An
 *    option's `requireMaterials` also makes a required-or-optional material
 *    of the same name required.
 * 2. Produced in the bundle. A material another applicable item issues
 *    (member `produces`, matched by name or e-licence type) is not asked for:
 *    the business licence of company registration is not a material of the
 *    seal, tax or bank items of 开办企业.
 * 3. Same document. Two materials are the same document when their
 *    normalised names are equal (normaliseMaterialName), or they cite the
 *    same proof (`proofCode`), or the same e-licence type (`licenseType`)
 *    with the same holder: what is left of the name once the licence type
 *    and the generic words 有效/企业/公司/单位 are taken out must agree, so
 *    「营业执照副本」 and 「营业执照」 (licence 营业执照) are one document but
 *    「法定代表人身份证」 and 「经办人身份证」 (licence 居民身份证) are two
 *    people's cards. The relation is transitive (union-find).
 * 4. Strictest wins. requirement: required > conditional > optional;
 *    copies: the largest (one set serves every item, so copies are not
 *    summed); form: original if any item needs the original, copy if any
 *    needs a copy, both when both; medium: the media every item accepts
 *    (paper only when they disagree, as the window digitises paper); source:
 *    the applicant if any item asks the applicant; deferrable (容缺) only when
 *    every item allows it. The first name in member order is shown; all
 *    names are kept.
 * 5. Waivers. A chosen option's `waiveMaterials` removes every merged
 *    material one of whose names matches (reported in `waived`).
 */
import type { MaterialT } from './catalog.content.ts';
import type { OptionDef } from './bundles.rules.ts';

const FORM_SUFFIX = /(原件及复印件|原件和复印件|原件或复印件|原件及副本|复印件|原件|副本|正本)$/u;

/**
 * The comparison form of a material name: full-width folded (NFKC), lower
 * case, without spaces, punctuation and symbols, and without a trailing
 * form word (原件, 复印件, 副本 …), which the `form` field carries instead:
 * 「营业执照（副本）复印件」 and 「营业执照」 compare equal.
 */
export function normaliseMaterialName(name: string): string {
  const bare = name.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
  let s = bare;
  for (let i = 0; i < 3 && FORM_SUFFIX.test(s); i++) s = s.replace(FORM_SUFFIX, '');
  return s || bare;
}

const GENERIC_WORDS = /有效|企业|公司|单位/gu;

/** What distinguishes a licence-type material from others of the same type: its name without the type and generic words. */
function holderOf(norm: string, lic: string): string {
  return norm.split(lic).join('').replace(GENERIC_WORDS, '');
}

type Requirement = MaterialT['requirement'];
type Form = MaterialT['form'];
type Medium = MaterialT['medium'];
type Source = MaterialT['source'];

export interface MergedMaterial {
  /** Stable key of the merged material within this bundle (from its first name). */
  key: string;
  name: string;
  /** Every distinct name under which the items list it. */
  names: string[];
  requirement: Requirement;
  copies: number;
  form: Form;
  medium: Medium;
  source: Source;
  deferrable: boolean;
  licenseType: string | null;
  proofCode: string | null;
  /** Condition texts (when still conditional). */
  conditions: string[];
  /** Labels of the chosen options that made it required. */
  because: string[];
  /** The items it serves, in member order. */
  items: { itemId: number; name: string }[];
}

export interface WaivedMaterial {
  name: string;
  items: { itemId: number; name: string }[];
  /** Labels of the chosen options that waived it. */
  by: string[];
}

export interface ExcludedMaterial {
  name: string;
  itemId: number;
  itemName: string;
  /** situation: a governed conditional material whose situation was not chosen; produced: issued by another item of the bundle. */
  reason: 'situation' | 'produced';
  /** For `produced`: the item that issues it. */
  producedBy?: { itemId: number; name: string };
}

export interface MaterialSource {
  itemId: number;
  name: string;
  materials: MaterialT[];
  /** What this item issues within the bundle (names or e-licence types). */
  produces?: string[];
}

interface Instance {
  src: MaterialSource;
  m: MaterialT;
  norm: string;
  requirement: Requirement;
  because: string[];
  keys: string[];
}

const REQ_RANK: Record<Requirement, number> = { optional: 0, conditional: 1, required: 2 };
const SOURCE_RANK: Record<Source, number> = { government: 0, other: 1, intermediary: 2, applicant: 3 };
const MEDIA: Record<Medium, Medium[]> = { paper: ['paper'], electronic: ['electronic'], both: ['paper', 'electronic'] };

function labelsByName(options: OptionDef[], pick: (o: OptionDef) => string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of options) {
    for (const n of pick(o)) {
      const k = normaliseMaterialName(n);
      out.set(k, [...(out.get(k) ?? []), o.label]);
    }
  }
  return out;
}

function strictest(group: Instance[]): Omit<MergedMaterial, 'key' | 'name' | 'names' | 'items' | 'because'> {
  const forms = group.map((g) => g.m.form);
  const needOriginal = forms.some((f) => f !== 'copy');
  const needCopy = forms.some((f) => f !== 'original');
  let media: Medium[] = ['paper', 'electronic'];
  for (const g of group) media = media.filter((x) => MEDIA[g.m.medium].includes(x));
  const requirement = group.reduce<Requirement>((r, g) => (REQ_RANK[g.requirement] > REQ_RANK[r] ? g.requirement : r), 'optional');
  return {
    requirement,
    copies: Math.max(...group.map((g) => g.m.copies)),
    form: needOriginal && needCopy ? 'original_and_copy' : needOriginal ? 'original' : 'copy',
    medium: media.length === 2 ? 'both' : media.length === 1 ? media[0] : 'paper',
    source: group.reduce<Source>((s, g) => (SOURCE_RANK[g.m.source] > SOURCE_RANK[s] ? g.m.source : s), 'government'),
    deferrable: group.every((g) => g.m.deferrable),
    licenseType: group.find((g) => g.m.licenseType)?.m.licenseType ?? null,
    proofCode: group.find((g) => g.m.proofCode)?.m.proofCode ?? null,
    conditions:
      requirement === 'conditional'
        ? [...new Set(group.filter((g) => g.requirement === 'conditional' && g.m.condition).map((g) => g.m.condition as string))]
        : [],
  };
}

/**
 * Merges the materials of the applicable items (in member order) under the
 * chosen options; `all` are every option of the bundle (to know which
 * conditional materials the questions govern). `instances` counts the
 * materials asked for before merging (after situation and production).
 */
export function mergeMaterials(
  sources: MaterialSource[],
  options: { chosen: OptionDef[]; all: OptionDef[] },
): { materials: MergedMaterial[]; waived: WaivedMaterial[]; excluded: ExcludedMaterial[]; instances: number } {
  const governed = labelsByName(options.all, (o) => o.requireMaterials);
  const required = labelsByName(options.chosen, (o) => o.requireMaterials);
  const waivers = labelsByName(options.chosen, (o) => o.waiveMaterials);
  const produced = new Map<string, MaterialSource>();
  for (const s of sources) for (const p of s.produces ?? []) if (!produced.has(normaliseMaterialName(p))) produced.set(normaliseMaterialName(p), s);

  const excluded: ExcludedMaterial[] = [];
  const instances: Instance[] = [];
  for (const src of sources) {
    for (const m of src.materials) {
      const norm = normaliseMaterialName(m.name);
      const lic = m.licenseType ? normaliseMaterialName(m.licenseType) : null;
      const producer = produced.get(norm) ?? (lic ? produced.get(lic) : undefined);
      if (producer && producer.itemId !== src.itemId) {
        excluded.push({ name: m.name, itemId: src.itemId, itemName: src.name, reason: 'produced', producedBy: { itemId: producer.itemId, name: producer.name } });
        continue;
      }
      const because = required.get(norm) ?? [];
      if (m.requirement === 'conditional' && governed.has(norm) && because.length === 0) {
        excluded.push({ name: m.name, itemId: src.itemId, itemName: src.name, reason: 'situation' });
        continue;
      }
      const keys = [`n:${norm}`];
      if (lic) keys.push(`l:${lic}|${holderOf(norm, lic)}`);
      if (m.proofCode) keys.push(`p:${m.proofCode.trim().toUpperCase()}`);
      instances.push({ src, m, norm, requirement: because.length ? 'required' : m.requirement, because, keys });
    }
  }

  // union-find over the instances by shared keys
  const parent = instances.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  instances.forEach((inst, i) => {
    for (const k of inst.keys) {
      const j = owner.get(k);
      if (j === undefined) owner.set(k, i);
      else {
        const a = find(i);
        const b = find(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groups = new Map<number, Instance[]>();
  instances.forEach((inst, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), inst]);
  });

  const materials: MergedMaterial[] = [];
  const waived: WaivedMaterial[] = [];
  const usedKeys = new Set<string>();
  for (const root of [...groups.keys()].sort((a, b) => a - b)) {
    const group = groups.get(root) as Instance[];
    const items: MergedMaterial['items'] = [];
    for (const g of group) if (!items.some((i) => i.itemId === g.src.itemId)) items.push({ itemId: g.src.itemId, name: g.src.name });
    const names = [...new Set(group.map((g) => g.m.name))];
    const by = [...new Set(group.flatMap((g) => waivers.get(g.norm) ?? []))];
    if (by.length) {
      waived.push({ name: names[0], items, by });
      continue;
    }
    let key = group[0].norm;
    for (let n = 2; usedKeys.has(key); n++) key = `${group[0].norm}~${n}`;
    usedKeys.add(key);
    materials.push({
      key,
      name: names[0],
      names,
      ...strictest(group),
      because: [...new Set(group.flatMap((g) => g.because))],
      items,
    });
  }
  return { materials, waived, excluded, instances: instances.length };
}

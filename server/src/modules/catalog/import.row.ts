/**
 * One data row of an imported list → item content (see import.rules.ts for
 * the column mapping). Pure: organisation lookup is a function the service
 * passes in. Every problem of the row is reported, not only the first.
 */
import { z } from 'zod';
import { ItemContent, type ItemContentInput } from './catalog.content.ts';
import { parseItemType, type ItemType, type ItemTypeLabel } from './catalog.types.rules.ts';
import { columnOf, rowError, type FieldKey, type RowCells, type RowError, type RowPlace } from './import.rules.ts';
import * as v from './import.values.ts';

/** An organisation the implementing body resolved to. */
export interface ResolvedOrg {
  orgId: number;
  name: string;
  regionCode: string;
  level: 'county' | 'town' | 'village';
}

export interface MapContext {
  /** Target region (canonical code), its name and level. */
  regionCode: string;
  regionName: string;
  regionLevel: ItemContent['level'];
  /** The deployment's type labels (catalog_type_labels over the defaults). */
  labels: Record<ItemType, ItemTypeLabel>;
  /** The type given by the sheet's name, for sheets without a type column. */
  sheetType?: ItemType | null;
  createMissingOrgs: boolean;
  /** Resolves a body by name or code within the target region; 'ambiguous' when several match. */
  resolveOrg(name: string, code: string | undefined): ResolvedOrg | 'ambiguous' | null;
  /** Canonical form of a region code when it lies in the target region's subtree, else null. */
  regionInScope(code: string): string | null;
}

/** A row mapped to item content, ready to publish. */
export interface MappedRow {
  sheet?: string;
  row: number;
  content: ItemContent;
  /** The implementing body is not an organisation yet: created at commit (createMissingOrgs). */
  newOrg?: { name: string; code?: string };
}

const UNCATEGORISED = new Set(['未分类', '其他', '无']);

/** Maps one data row; returns the content or the row's errors (all of them, not the first). */
export function mapRow(place: RowPlace, cells: RowCells, ctx: MapContext): { row?: MappedRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const get = (k: FieldKey) => cells.get(k)?.value ?? '';
  const colName = (k: FieldKey) => cells.get(k)?.header ?? columnOf(k).header;
  const fail = (k: FieldKey, zh: string, en: string) => errors.push(rowError(place, colName(k), k, zh, en, get(k) || undefined));
  const take = <T>(k: FieldKey, p: v.Parsed<T>): T | undefined => {
    if (p.ok) return p.value;
    fail(k, p.zh, p.en);
    return undefined;
  };

  // names
  let name = v.oneLine(get('name'));
  let subItemName = v.oneLine(get('subItemName')) || undefined;
  const main = v.oneLine(get('mainName'));
  if (main && !UNCATEGORISED.has(main) && main !== name) {
    if (!name) name = main;
    else if (!subItemName) {
      subItemName = name;
      name = main;
    }
  }
  if (subItemName === name) subItemName = undefined;
  if (!name) fail(cells.has('name') ? 'name' : 'mainName', '事项名称不能为空', 'the item name is required');

  // type
  let itemType: ItemType | undefined;
  const typeRaw = get('itemType').replace(/\s+/g, '');
  if (typeRaw) {
    const bare = typeRaw.replace(/(类|事项)$/, '');
    const t = parseItemType(typeRaw, ctx.labels) ?? parseItemType(typeRaw) ?? parseItemType(bare, ctx.labels) ?? parseItemType(bare);
    if (t) itemType = t;
    else fail('itemType', `无法识别的类型“${get('itemType')}”`, `unrecognised item type "${get('itemType')}"`);
  } else if (ctx.sheetType) {
    itemType = ctx.sheetType;
  } else {
    fail('itemType', '职权类型不能为空', 'the item type is required');
  }

  // region and implementing body
  let regionCode = ctx.regionCode;
  const regionRaw = get('regionCode').replace(/\s+/g, '');
  if (regionRaw) {
    const r = ctx.regionInScope(regionRaw);
    if (r) regionCode = r;
    else fail('regionCode', `行政区划代码 ${regionRaw} 不在导入区划“${ctx.regionName}”（${ctx.regionCode}）范围内`, `region code ${regionRaw} is outside the importing region ${ctx.regionCode}`);
  }
  const bodyName = v.oneLine(get('implementingBody'));
  const orgCode = get('orgCode').replace(/\s+/g, '') || undefined;
  let body: { orgId: number | null; name: string } | undefined;
  let newOrg: MappedRow['newOrg'];
  let orgLevel: ResolvedOrg['level'] | undefined;
  if (!bodyName && !orgCode) {
    fail('implementingBody', '实施主体不能为空', 'the implementing body is required');
  } else {
    const found = ctx.resolveOrg(bodyName, orgCode);
    if (found === 'ambiguous') {
      fail('implementingBody', `“${bodyName}”对应多个机构，请填写实施主体编码区分`, `"${bodyName}" matches several organisations; give the body's code`);
    } else if (found) {
      body = { orgId: found.orgId, name: found.name };
      orgLevel = found.level;
      if (!regionRaw) regionCode = found.regionCode;
    } else if (bodyName && ctx.createMissingOrgs) {
      body = { orgId: null, name: bodyName };
      newOrg = orgCode ? { name: bodyName, code: orgCode } : { name: bodyName };
    } else {
      const what = bodyName ? `“${bodyName}”` : `编码 ${orgCode}`;
      const whatEn = bodyName ? `"${bodyName}"` : `code ${orgCode}`;
      fail(
        'implementingBody',
        `在“${ctx.regionName}”找不到实施主体机构${what}（请先建立该机构，或选择“自动创建缺少的机构”）`,
        `no organisation ${whatEn} in ${ctx.regionName} (create it first, or choose to create missing organisations)`,
      );
    }
  }

  // simple fields
  const preferredLevel: ItemContent['level'] = orgLevel === 'town' || orgLevel === 'village' ? 'town' : ctx.regionLevel;
  const level = take('level', v.parseLevel(get('level'), preferredLevel)) ?? preferredLevel;
  const statutoryDays = take('statutoryDays', v.parseDays(get('statutoryDays')));
  const promisedDays = take('promisedDays', v.parseDays(get('promisedDays')));
  if (statutoryDays != null && promisedDays != null && promisedDays > statutoryDays) {
    fail('promisedDays', `承诺办结时限（${promisedDays}）不能长于法定办结时限（${statutoryDays}）`, `the promised limit (${promisedDays}) exceeds the statutory limit (${statutoryDays})`);
  }
  const visits = take('visits', v.parseVisits(get('visits')));
  const online = take('online', v.parseYesNo(get('online')));
  let channels = take('channels', v.parseChannels(get('channels')));
  if (online !== undefined && online !== null) {
    const set = new Set(channels ?? ['window']);
    if (online) set.add('online');
    else set.delete('online');
    channels = v.CHANNEL_ORDER.filter((c) => set.has(c));
  }
  const handlingMode = take('handlingMode', v.parseHandlingMode(get('handlingMode')));
  const variant = take('variant', v.parseVariant(get('variant')));
  const scope = take('scope', v.parseScope(get('scope')));
  const applicantKinds = take('applicantKinds', v.parseApplicantKinds(get('applicantKinds')));
  const commitment = take('commitmentAllowed', v.parseYesNo(get('commitmentAllowed')));
  const handlingUnit = v.oneLine(get('handlingUnit'));
  const text = (k: FieldKey) => (v.isBlank(get(k)) ? undefined : get(k));

  const input: ItemContentInput = {
    name,
    itemType: itemType ?? 'other',
    implementingBody: body ?? { orgId: null, name: bodyName || '—' },
    regionCode,
    level,
    legalBasis: v.parseLegalBasis(get('legalBasis')),
    acceptanceConditions: v.parseList(get('acceptanceConditions'), { lines: true }),
    materials: v.parseList(get('materials'), { lines: true }).map((m) => ({ name: m })),
    process: handlingUnit && !v.isBlank(handlingUnit) ? [{ name: HANDLING_STEP, actor: handlingUnit }] : [],
    statutoryDays: statutoryDays ?? null,
    promisedDays: promisedDays ?? null,
    visits: visits ?? null,
    handlingMode: handlingMode ?? null,
    fees: v.parseFees(get('fees'), get('feeBasis')),
    applicantKinds: applicantKinds ?? [],
    lifeEvents: v.splitWords(get('lifeEvents')),
    commitmentAllowed: commitment ?? false,
    responsibilities: v.parseResponsibilities(get('responsibilities'), get('responsibilityBasis')),
    accountability: v.parseList(get('accountability')),
    integrityRisks: v.parseList(get('integrityRisks')),
  };
  if (channels) input.channels = channels;
  if (scope) input.scope = scope;
  if (subItemName) input.subItemName = subItemName;
  if (variant) input.variant = variant;
  const baseCode = get('baseCode').replace(/\s+/g, '');
  if (baseCode && !v.isBlank(baseCode)) input.baseCode = baseCode;
  const implCode = get('implCode').replace(/\s+/g, '');
  if (implCode && !v.isBlank(implCode)) input.implCode = implCode;
  for (const k of ['place', 'hours', 'consultPhone', 'complaintPhone', 'remarks'] as const) {
    const t = text(k);
    if (t !== undefined) input[k] = t;
  }

  if (errors.length > 0) return { errors };
  const parsed = validateContent(input);
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      const key = CONTENT_FIELD_COLUMN[issue.path[0] as keyof ItemContent] ?? null;
      errors.push(rowError(place, key ? colName(key) : null, key, issue.zh, issue.en, key ? get(key) || undefined : undefined));
    }
    return { errors };
  }
  return { row: { ...(place.sheet ? { sheet: place.sheet } : {}), row: place.row, content: parsed.content, ...(newOrg ? { newOrg } : {}) }, errors };
}

/** The process step an imported 承办机构 becomes (and the export reads it back from). */
export const HANDLING_STEP = '承办';

/** Which column a content field comes from, for validation messages. */
const CONTENT_FIELD_COLUMN: Partial<Record<keyof ItemContent, FieldKey>> = {
  name: 'name',
  baseCode: 'baseCode',
  implCode: 'implCode',
  regionCode: 'regionCode',
  itemType: 'itemType',
  subItemName: 'subItemName',
  variant: 'variant',
  level: 'level',
  legalBasis: 'legalBasis',
  implementingBody: 'implementingBody',
  acceptanceConditions: 'acceptanceConditions',
  materials: 'materials',
  process: 'handlingUnit',
  statutoryDays: 'statutoryDays',
  promisedDays: 'promisedDays',
  fees: 'fees',
  visits: 'visits',
  channels: 'channels',
  scope: 'scope',
  handlingMode: 'handlingMode',
  place: 'place',
  hours: 'hours',
  consultPhone: 'consultPhone',
  complaintPhone: 'complaintPhone',
  applicantKinds: 'applicantKinds',
  lifeEvents: 'lifeEvents',
  commitmentAllowed: 'commitmentAllowed',
  responsibilities: 'responsibilities',
  accountability: 'accountability',
  integrityRisks: 'integrityRisks',
  remarks: 'remarks',
};

const zhError = z.locales.zhCN().localeError;
const enError = z.locales.en().localeError;

/** ItemContent validation with Chinese and English messages per issue. */
export function validateContent(input: ItemContentInput): { ok: true; content: ItemContent } | { ok: false; issues: { path: PropertyKey[]; zh: string; en: string }[] } {
  const zh = ItemContent.safeParse(input, { error: zhError as never });
  if (zh.success) return { ok: true, content: zh.data };
  const en = ItemContent.safeParse(input, { error: enError as never });
  const enMsgs = en.success ? [] : en.error.issues.map((i) => i.message);
  return {
    ok: false,
    issues: zh.error.issues.map((issue, i) => {
      const sub = issue.path.length > 1 ? `（${issue.path.slice(1).map((p) => (typeof p === 'number' ? `第 ${p + 1} 项` : String(p))).join(' ')}）` : '';
      const subEn = issue.path.length > 1 ? ` (${issue.path.slice(1).map((p) => (typeof p === 'number' ? `entry ${p + 1}` : String(p))).join(' ')})` : '';
      return { path: issue.path, zh: `${issue.message}${sub}`, en: `${enMsgs[i] ?? issue.message}${subEn}` };
    }),
  };
}

/**
 * Import of power lists (权责清单) and service-item lists (政务服务事项清单):
 * the column mapping, header detection and the mapping of one row to item
 * content. Pure: no I/O; the service resolves organisations and stores.
 *
 * ## Column mapping
 *
 * `COLUMNS` below is the table. Each column has one canonical Chinese header
 * (what the export writes, so an export re-imports unchanged) and the other
 * headers published lists use for it. Headers are compared after
 * normalisation (`normalizeHeader`): NFKC (full-width brackets and letters
 * become half-width), whitespace and line breaks removed, required-field
 * marks (*) and a trailing colon dropped, Latin letters lower-cased. A header
 * with a bracketed note ("法定办结时限（工作日）") that is not itself in the
 * table is tried again without the note. Unknown columns are ignored and
 * listed in the preview.
 *
 * The header row is the row among the first 30 that matches the most known
 * columns (at least two, one of them a name column), so merged title rows
 * above it ("广安区权责清单（2024年版）") are skipped. Below it, rows whose
 * filled cells all hold the same text (a section title merged across the
 * row, "一、行政许可（共 120 项）") and rows with nothing but a 序号 are
 * skipped; cells of a merged block read as the block's value, so a 主项
 * merged down over its 子项 rows fills every row.
 *
 * The sample JSON form (an array of objects, or `{ items: [...] }`) goes
 * through the same table: its keys are the headers (department, mainItem,
 * name, itemCode, taskType, areaCode, deptCode, or the content's own field
 * names, or Chinese headers).
 *
 * Names: 事项名称 / 权力名称 / 事项名称（主项） is the item name and 子项名称
 * the sub-item. The JSON's `mainItem` is the 主项 grouping: "未分类" or the
 * item's own name means none; any other value becomes the item name and the
 * JSON `name` the sub-item name, as in a list with 主项 and 子项 columns.
 */

export type FieldKey =
  | 'seq'
  | 'name'
  | 'mainName'
  | 'subItemName'
  | 'variant'
  | 'itemType'
  | 'baseCode'
  | 'implCode'
  | 'implementingBody'
  | 'orgCode'
  | 'handlingUnit'
  | 'level'
  | 'legalBasis'
  | 'acceptanceConditions'
  | 'materials'
  | 'statutoryDays'
  | 'promisedDays'
  | 'visits'
  | 'online'
  | 'channels'
  | 'handlingMode'
  | 'scope'
  | 'applicantKinds'
  | 'fees'
  | 'feeBasis'
  | 'commitmentAllowed'
  | 'lifeEvents'
  | 'place'
  | 'hours'
  | 'consultPhone'
  | 'complaintPhone'
  | 'responsibilities'
  | 'responsibilityBasis'
  | 'accountability'
  | 'integrityRisks'
  | 'regionCode'
  | 'remarks';

export interface ColumnDef {
  key: FieldKey;
  /** Canonical header: written by the export, shown in messages. */
  header: string;
  en: string;
  /** Other headers accepted on import (any spelling that normalises the same also matches). */
  aliases: readonly string[];
  /** Several columns may feed it (their texts are joined); otherwise the first filled one counts. */
  multi?: boolean;
  /** Read on import, never written by the export. */
  importOnly?: boolean;
}

/** The mapping table, in export column order. */
export const COLUMNS: readonly ColumnDef[] = [
  { key: 'seq', header: '序号', en: 'No.', aliases: ['编号', '序', 'no', 'no.', 'index'] },
  {
    key: 'name',
    header: '事项名称',
    en: 'Item name',
    aliases: ['权力名称', '事项名称（主项）', '权力名称（主项）', '权力事项名称', '职权名称', '权责事项名称', '服务事项名称', '公共服务事项名称', '事项', 'name', 'itemname'],
  },
  { key: 'mainName', header: '主项名称', en: 'Main item', aliases: ['所属主项', 'mainitem'], importOnly: true },
  { key: 'subItemName', header: '子项名称', en: 'Sub-item name', aliases: ['子项', '事项名称（子项）', '权力名称（子项）', '子项事项名称', 'subitemname', 'subitem'] },
  { key: 'variant', header: '业务办理项', en: 'Handling variant', aliases: ['办理项', '业务办理项名称', 'variant'] },
  {
    key: 'itemType',
    header: '职权类型',
    en: 'Item type',
    aliases: ['事项类型', '权力类型', '职权类别', '权力类别', '事项类别', '权责类型', '类型', 'tasktype', 'itemtype', 'type'],
  },
  { key: 'baseCode', header: '基本编码', en: 'Base code', aliases: ['事项基本编码', '基本目录编码', '目录编码', 'basecode'] },
  { key: 'implCode', header: '实施编码', en: 'Implementation code', aliases: ['事项编码', '事项实施编码', '实施清单编码', '权力编码', '权责编码', 'itemcode', 'implcode'] },
  {
    key: 'implementingBody',
    header: '实施主体',
    en: 'Implementing body',
    aliases: ['行使主体', '实施机构', '实施部门', '实施单位', '实施主体名称', '行使部门', '责任主体', '责任单位', '部门', '部门名称', '所属部门', 'department', 'implementingbody', 'org', 'orgname'],
  },
  {
    key: 'orgCode',
    header: '实施主体编码',
    en: 'Implementing body code',
    aliases: ['实施主体代码', '实施机构编码', '实施主体统一社会信用代码', '统一社会信用代码', '部门编码', '机构编码', '机构代码', 'deptcode', 'orgcode'],
  },
  { key: 'handlingUnit', header: '承办机构', en: 'Handling unit', aliases: ['承办科室', '承办处（科）室', '内设机构', '承办单位'] },
  { key: 'level', header: '行使层级', en: 'Level', aliases: ['实施层级', '层级', '行使层级（省市县乡）', 'level'] },
  {
    key: 'legalBasis',
    header: '设定依据',
    en: 'Legal basis',
    aliases: ['实施依据', '法律依据', '设定和实施依据', '设定及实施依据', '法定依据', '依据', '政策依据', 'legalbasis'],
    multi: true,
  },
  { key: 'acceptanceConditions', header: '受理条件', en: 'Acceptance conditions', aliases: ['申请条件', '办理条件', '受理标准'] },
  { key: 'materials', header: '申请材料', en: 'Required materials', aliases: ['申报材料', '所需材料', '办理材料', '申请材料目录'] },
  { key: 'statutoryDays', header: '法定办结时限', en: 'Statutory time limit', aliases: ['法定时限', '法定期限', '法定办理时限', 'statutorydays'] },
  { key: 'promisedDays', header: '承诺办结时限', en: 'Promised time limit', aliases: ['承诺时限', '承诺期限', '承诺办理时限', 'promiseddays'] },
  { key: 'visits', header: '到现场次数', en: 'Visits required', aliases: ['到办事现场次数', '跑动次数', '最多跑次数', '到窗口次数', 'visits'] },
  { key: 'online', header: '是否网办', en: 'Online', aliases: ['是否网上办理', '是否可网上办理', '是否可网办', '网上办理', '网办', '是否支持网上办理', 'online'] },
  { key: 'channels', header: '办理渠道', en: 'Channels', aliases: ['办理方式', '申请方式', '办理形式', 'channels'] },
  { key: 'handlingMode', header: '办件类型', en: 'Handling mode', aliases: ['办理类型', '事项办理类型', '办件类别', 'handlingmode'] },
  { key: 'scope', header: '通办范围', en: 'Handling scope', aliases: ['通办类型', 'scope'] },
  { key: 'applicantKinds', header: '服务对象', en: 'Applicant kinds', aliases: ['办理对象', '申请对象', '行使对象', '面向对象'] },
  { key: 'fees', header: '收费标准', en: 'Fees', aliases: ['是否收费', '收费情况', '收费项目', '收费标准及依据'] },
  { key: 'feeBasis', header: '收费依据', en: 'Fee basis', aliases: ['收费标准依据'] },
  { key: 'commitmentAllowed', header: '是否告知承诺', en: 'Approval on commitment', aliases: ['告知承诺', '是否实行告知承诺', '是否告知承诺制'] },
  { key: 'lifeEvents', header: '主题分类', en: 'Life events', aliases: ['主题', '生活事件', '人生事件', '事项主题', 'lifeevents'] },
  { key: 'place', header: '办理地点', en: 'Place', aliases: ['受理地点', '办公地点', '窗口地址'] },
  { key: 'hours', header: '办理时间', en: 'Hours', aliases: ['办公时间', '受理时间', '窗口办公时间'] },
  { key: 'consultPhone', header: '咨询电话', en: 'Consultation phone', aliases: ['咨询方式', '咨询联系电话'] },
  { key: 'complaintPhone', header: '监督投诉电话', en: 'Complaint phone', aliases: ['投诉电话', '监督电话', '投诉方式', '监督投诉方式'] },
  { key: 'responsibilities', header: '责任事项', en: 'Responsibilities', aliases: ['责任事项内容', '职责', '责任事项（履职要求）'] },
  { key: 'responsibilityBasis', header: '责任事项依据', en: 'Responsibility basis', aliases: ['责任依据', '责任事项的依据'] },
  {
    key: 'accountability',
    header: '追责情形',
    en: 'Accountability cases',
    aliases: ['追责对象范围', '问责依据', '追责情形及依据', '问责情形', '追责依据', '责任追究'],
    multi: true,
  },
  { key: 'integrityRisks', header: '廉政风险点', en: 'Integrity risks', aliases: ['廉政风险', '风险点', '廉政风险防控'], multi: true },
  { key: 'regionCode', header: '行政区划代码', en: 'Region code', aliases: ['区划代码', '行政区划', 'areacode', 'regioncode'] },
  { key: 'remarks', header: '备注', en: 'Remarks', aliases: ['说明', 'remarks', 'remark'], multi: true },
];

const BY_KEY = new Map(COLUMNS.map((c) => [c.key, c]));
export const columnOf = (key: FieldKey): ColumnDef => BY_KEY.get(key)!;

/** NFKC, no whitespace, no required marks or trailing colon, Latin lower-cased. */
export function normalizeHeader(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[*＊※]+|[*＊※]+$/g, '')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}

const ALIASES = new Map<string, FieldKey>();
for (const c of COLUMNS) for (const h of [c.header, ...c.aliases]) ALIASES.set(normalizeHeader(h), c.key);

/** The field a header names, or null. */
export function fieldOfHeader(raw: string): FieldKey | null {
  const h = normalizeHeader(raw);
  if (!h) return null;
  const exact = ALIASES.get(h);
  if (exact) return exact;
  const bare = h.replace(/\([^)]*\)/g, '').replace(/\[[^\]]*\]/g, '').replace(/【[^】]*】/g, '');
  return bare && bare !== h ? (ALIASES.get(bare) ?? null) : null;
}

// ── tables ─────────────────────────────────────────────────────────────────

/** One sheet as read from a file: each row's number in the file and its cells as text. */
export interface SourceSheet {
  name: string;
  rows: { rowNo: number; cells: string[] }[];
}

export interface HeaderMap {
  /** Index of the header row within sheet.rows. */
  index: number;
  rowNo: number;
  /** Per field: the column indexes and the headers as written. */
  fields: Map<FieldKey, { col: number; header: string }[]>;
  unknown: string[];
}

const HEADER_SCAN = 30;

/** Finds the header row (see the module comment); null when the sheet has none. */
export function detectHeader(sheet: SourceSheet): HeaderMap | null {
  let best: HeaderMap | null = null;
  let bestCount = 1;
  for (let i = 0; i < Math.min(sheet.rows.length, HEADER_SCAN); i++) {
    const fields = new Map<FieldKey, { col: number; header: string }[]>();
    const unknown: string[] = [];
    sheet.rows[i].cells.forEach((cell, col) => {
      const text = cell.trim();
      if (!text) return;
      const key = fieldOfHeader(text);
      if (!key) {
        unknown.push(text);
        return;
      }
      const list = fields.get(key) ?? [];
      if (!list.some((l) => l.header === text)) list.push({ col, header: text });
      fields.set(key, list);
    });
    const hasName = fields.has('name') || fields.has('mainName');
    if (hasName && fields.size > bestCount) {
      best = { index: i, rowNo: sheet.rows[i].rowNo, fields, unknown };
      bestCount = fields.size;
    }
  }
  return best;
}

// ── rows ───────────────────────────────────────────────────────────────────

export interface RowError {
  sheet?: string;
  row: number;
  /** The header as written in the file (or the canonical one), null for a whole-row problem. */
  column: string | null;
  field: FieldKey | null;
  value?: string;
  message: string;
  messageEn: string;
}

/** Where a row is, in words: "第 12 行" or, with several sheets, "工作表「许可」第 12 行"; JSON records are "第 12 条". */
export interface RowPlace {
  sheet?: string;
  row: number;
  record?: boolean;
}

export function rowError(place: RowPlace, column: string | null, field: FieldKey | null, zh: string, en: string, value?: string): RowError {
  const where = `${place.sheet ? `工作表「${place.sheet}」` : ''}第 ${place.row} ${place.record ? '条' : '行'}`;
  const unit = place.record ? 'record' : 'row';
  const whereEn = place.sheet ? `Sheet "${place.sheet}", ${unit} ${place.row}` : `${place.record ? 'Record' : 'Row'} ${place.row}`;
  return {
    ...(place.sheet ? { sheet: place.sheet } : {}),
    row: place.row,
    column,
    field,
    ...(value !== undefined ? { value } : {}),
    message: `${where}${column ? `「${column}」` : ''}：${zh}`,
    messageEn: `${whereEn}${column ? `, column "${column}"` : ''}: ${en}`,
  };
}

/** The cells of one data row by field (several columns of a multi field joined by a line break). */
export type RowCells = Map<FieldKey, { value: string; header: string }>;

export function cellsOf(header: HeaderMap, cells: string[]): RowCells {
  const out: RowCells = new Map();
  for (const [key, cols] of header.fields) {
    const def = columnOf(key);
    const filled = cols.map((c) => ({ value: (cells[c.col] ?? '').trim(), header: c.header })).filter((c) => c.value !== '');
    if (filled.length === 0) {
      out.set(key, { value: '', header: cols[0].header });
    } else if (def.multi) {
      out.set(key, { value: filled.map((c) => c.value).join('\n'), header: filled[0].header });
    } else {
      out.set(key, filled[0]);
    }
  }
  return out;
}

/** A heading, a note or an empty row rather than an item (see the module comment). */
export function isSkippableRow(header: HeaderMap, cells: string[]): boolean {
  const mapped = new Set<number>();
  for (const cols of header.fields.values()) for (const c of cols) mapped.add(c.col);
  const filled = cells.map((c, i) => ({ text: c.trim(), i })).filter((c) => c.text !== '');
  if (filled.length === 0) return true;
  if (filled.length > 1 && filled.every((c) => c.text === filled[0].text)) return true;
  const seqCols = new Set((header.fields.get('seq') ?? []).map((c) => c.col));
  if (filled.every((c) => seqCols.has(c.i) || !mapped.has(c.i))) return true;
  return false;
}

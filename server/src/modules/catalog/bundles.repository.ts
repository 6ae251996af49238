/** SQL of bundles (一件事): bundles, their members and situation questions. */
import { sql, type SQL } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import { Material, type ItemContent, type MaterialT } from './catalog.content.ts';
import type { BundleApplicantKind, BundleStatus } from './bundles.schema.ts';
import type { BundleItem, MemberDef, QuestionDef } from './bundles.rules.ts';

export interface BundleRow {
  id: number;
  code: string;
  name: string;
  life_event: string;
  description: string;
  applicant_kind: BundleApplicantKind;
  region_code: string;
  status: BundleStatus;
  published_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  member_count?: number;
  question_count?: number;
}

const BUNDLE_COLS = sql.raw(
  'b.id, b.code, b.name, b.life_event, b.description, b.applicant_kind, b.region_code, b.status, b.published_at, b.version, b.created_at, b.updated_at',
);

export interface BundleHeader {
  code: string;
  name: string;
  lifeEvent: string;
  description: string;
  applicantKind: BundleApplicantKind;
  regionCode: string;
}

export async function insertBundle(ex: Executor, h: BundleHeader): Promise<number> {
  const [row] = await query<{ id: number }>(
    ex,
    sql`insert into catalog_bundles (code, name, life_event, description, applicant_kind, region_code)
        values (${h.code}, ${h.name}, ${h.lifeEvent}, ${h.description}, ${h.applicantKind}, ${h.regionCode})
        returning id`,
  );
  return row.id;
}

export async function findBundle(ex: Executor, code: string, forUpdate = false): Promise<BundleRow | undefined> {
  const [row] = await query<BundleRow>(
    ex,
    sql`select ${BUNDLE_COLS} from catalog_bundles b where b.code = ${code} ${forUpdate ? sql`for update` : sql``}`,
  );
  return row;
}

export interface BundleFilter {
  statuses: BundleStatus[];
  /** Drafts and retired bundles are only listed inside this SQL scope. */
  hiddenScope: SQL;
  lifeEvent?: string;
  applicantKind?: BundleApplicantKind;
  /** Bundles published by any of these regions (the region and its ancestors). */
  regionCodes?: string[];
  q?: string;
}

/** Bundles in code order; published ones for everyone, the others only within `hiddenScope`. */
export async function listBundles(ex: Executor, f: BundleFilter, after: string | undefined, limit: number): Promise<BundleRow[]> {
  const where: SQL[] = [sql`b.status in (${sql.join(f.statuses.map((s) => sql`${s}`), sql`, `)})`, sql`(b.status = 'published' or ${f.hiddenScope})`];
  if (f.lifeEvent) where.push(sql`b.life_event = ${f.lifeEvent}`);
  if (f.applicantKind) where.push(sql`(b.applicant_kind = ${f.applicantKind} or b.applicant_kind = 'any')`);
  if (f.regionCodes) where.push(sql`b.region_code in (${sql.join(f.regionCodes.map((c) => sql`${c}`), sql`, `)})`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(b.name like ${like} or b.life_event like ${like} or b.description like ${like})`);
  }
  if (after !== undefined) where.push(sql`b.code > ${after}`);
  return query<BundleRow>(
    ex,
    sql`select ${BUNDLE_COLS},
               (select count(*)::int from catalog_bundle_members m where m.bundle_id = b.id) as member_count,
               (select count(*)::int from catalog_bundle_questions q where q.bundle_id = b.id) as question_count
          from catalog_bundles b
         where ${sql.join(where, sql` and `)}
         order by b.code limit ${limit + 1}`,
  );
}

/** Optimistic update of the header; undefined when the version moved. */
export async function updateBundleHeader(
  ex: Executor,
  id: number,
  version: number,
  h: Omit<BundleHeader, 'code'>,
  status: BundleStatus,
): Promise<BundleRow | undefined> {
  const [row] = await query<BundleRow>(
    ex,
    sql`update catalog_bundles b set name = ${h.name}, life_event = ${h.lifeEvent}, description = ${h.description},
               applicant_kind = ${h.applicantKind}, region_code = ${h.regionCode}, status = ${status},
               updated_at = now(), version = version + 1
         where b.id = ${id} and b.version = ${version}
        returning ${BUNDLE_COLS}`,
  );
  return row;
}

/** Optimistic status change; undefined when the version moved. */
export async function setBundleStatus(ex: Executor, id: number, version: number, status: BundleStatus): Promise<BundleRow | undefined> {
  const [row] = await query<BundleRow>(
    ex,
    sql`update catalog_bundles b set status = ${status}, updated_at = now(), version = version + 1,
               published_at = case when ${status} = 'published' then now() else published_at end
         where b.id = ${id} and b.version = ${version}
        returning ${BUNDLE_COLS}`,
  );
  return row;
}

/** Replaces the members and questions of a bundle. */
export async function replaceDefinition(ex: Executor, bundleId: number, members: MemberDef[], questions: QuestionDef[]): Promise<void> {
  await ex.execute(sql`delete from catalog_bundle_members where bundle_id = ${bundleId}`);
  await ex.execute(sql`delete from catalog_bundle_questions where bundle_id = ${bundleId}`);
  if (members.length) {
    const json = JSON.stringify(
      members.map((m) => ({ item_id: m.itemId, sort: m.sort, condition: m.condition, form_fields: m.formFields, produces: m.produces })),
    );
    await ex.execute(
      sql`insert into catalog_bundle_members (bundle_id, item_id, sort, condition, form_fields, produces)
          select ${bundleId}, item_id, sort, condition, form_fields, array(select jsonb_array_elements_text(produces))
            from jsonb_to_recordset(${json}::jsonb) as x(item_id int, sort int, condition jsonb, form_fields jsonb, produces jsonb)`,
    );
  }
  if (questions.length) {
    const json = JSON.stringify(
      questions.map((q, i) => ({
        key: q.key,
        text: q.text,
        kind: q.kind,
        required: q.required,
        sort: i,
        show_if: q.showIf,
        options: q.options,
        default_option_ids: q.defaultOptionIds,
      })),
    );
    await ex.execute(
      sql`insert into catalog_bundle_questions (bundle_id, key, text, kind, required, sort, show_if, options, default_option_ids)
          select ${bundleId}, key, text, kind, required, sort, show_if, options, array(select jsonb_array_elements_text(default_option_ids))
            from jsonb_to_recordset(${json}::jsonb)
              as x(key text, text text, kind text, required boolean, sort int, show_if jsonb, options jsonb, default_option_ids jsonb)`,
    );
  }
}

interface MemberRow {
  item_id: number;
  sort: number;
  condition: MemberDef['condition'];
  form_fields: MemberDef['formFields'];
  produces: string[];
}

interface QuestionRow {
  key: string;
  text: string;
  kind: QuestionDef['kind'];
  required: boolean;
  show_if: QuestionDef['showIf'];
  options: QuestionDef['options'];
  default_option_ids: string[];
}

/** The stored definition of a bundle: members in sort order, questions in their order. */
export async function loadDefinition(ex: Executor, bundleId: number): Promise<{ members: MemberDef[]; questions: QuestionDef[] }> {
  const members = await query<MemberRow>(
    ex,
    sql`select item_id, sort, condition, form_fields, produces from catalog_bundle_members where bundle_id = ${bundleId} order by sort, item_id`,
  );
  const questions = await query<QuestionRow>(
    ex,
    sql`select key, text, kind, required, show_if, options, default_option_ids
          from catalog_bundle_questions where bundle_id = ${bundleId} order by sort, key`,
  );
  return {
    members: members.map((m) => ({ itemId: m.item_id, sort: m.sort, condition: m.condition, formFields: m.form_fields, produces: m.produces })),
    questions: questions.map((q) => ({
      key: q.key,
      text: q.text,
      kind: q.kind,
      required: q.required,
      showIf: q.show_if,
      options: q.options,
      defaultOptionIds: q.default_option_ids,
    })),
  };
}

/** Stored content is parsed content; this keeps older or hand-loaded rows usable by filling the material defaults. */
function withDefaults(m: unknown): MaterialT {
  const parsed = Material.safeParse(m);
  if (parsed.success) return parsed.data;
  const raw = m as Partial<MaterialT>;
  return {
    copies: 1,
    form: 'original',
    source: 'applicant',
    requirement: 'required',
    medium: 'both',
    deferrable: false,
    ...raw,
    name: String(raw.name ?? ''),
  };
}

interface ItemRow {
  id: number;
  impl_code: string;
  name: string;
  org_id: number | null;
  org_name: string;
  item_type: string;
  status: string;
  region_code: string;
  promised_days: number | null;
  statutory_days: number | null;
  visits: number | null;
  content: ItemContent;
}

/** Catalog items by id with their current content (the published version's, denormalised on the row). */
export async function findItems(ex: Executor, ids: number[]): Promise<Map<number, BundleItem & { regionCode: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await query<ItemRow>(
    ex,
    sql`select id, impl_code, name, org_id, org_name, item_type, status, region_code, promised_days, statutory_days, visits, content
          from catalog_items where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        itemId: r.id,
        implCode: r.impl_code,
        name: r.name,
        orgId: r.org_id,
        orgName: r.org_name,
        itemType: r.item_type,
        status: r.status,
        regionCode: r.region_code,
        promisedDays: r.promised_days,
        statutoryDays: r.statutory_days,
        visits: r.visits,
        content: { ...r.content, materials: (r.content.materials ?? []).map(withDefaults) },
      },
    ]),
  );
}

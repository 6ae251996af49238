/**
 * The list parts of the demo catalog seed: the proof-requirement list,
 * devolution records and their evaluations, territorial duties and
 * bundles. Each step is idempotent (existing rows are left alone).
 */
import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../../platform/access/index.ts';
import type { AuditWho } from '../../../platform/audit/index.ts';
import { query, type Db, type Executor } from '../../../platform/db/index.ts';
import { BundleService, DutyService, type DutyEntryInput, type DutyUnitInput, type ItemContentInput } from '../../catalog/index.ts';
import { COUNTY, type OrgRef, type TownRef } from './build.ts';
import { BUNDLES } from './data.bundles.ts';
import { EVALUATION } from './data.devolution.ts';
import { DUTY_MATTERS, type DutyUnitSpec } from './data.duties.ts';
import { PROOFS } from './data.proofs.ts';
import type { PlannedDevolution } from './devolution.plan.ts';

/** Writes each listed proof's code into the materials that are that proof. */
export function applyProofCodes(contents: ItemContentInput[]): void {
  const byName = new Map<string, string>();
  for (const p of PROOFS) if ((p.status ?? 'listed') === 'listed') for (const m of p.materials) byName.set(m, p.code);
  for (const c of contents) for (const m of c.materials ?? []) if (byName.has(m.name)) m.proofCode = byName.get(m.name);
}

export async function seedProofs(ex: Executor): Promise<void> {
  const rows = PROOFS.map((p) => ({
    code: p.code,
    name: p.name,
    region_code: COUNTY,
    basis: p.basis,
    requesting_unit: p.requestingUnit,
    issuing_unit: p.issuingUnit,
    guide: p.guide,
    replacement: p.replacement,
    status: p.status ?? 'listed',
    note: p.note ?? null,
  }));
  await ex.execute(sql`
    insert into catalog_proofs (code, name, region_code, basis, requesting_unit, issuing_unit, guide, replacement, status, note)
    select code, name, region_code, basis, requesting_unit, issuing_unit, guide, replacement, status, note
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(code text, name text, region_code text, basis text, requesting_unit text, issuing_unit text, guide text, replacement text, status text, note text)
    on conflict (code) do nothing`);
}

/** Devolution records (one per planned devolution, unless current), then a sample of evaluations. Returns the ids by "implCode@region". */
export async function seedDevolutions(ex: Executor, plan: PlannedDevolution[]): Promise<Map<string, number>> {
  const codes = [...new Set(plan.map((p) => p.county.content.implCode as string))];
  const ids = new Map(
    (await query<{ id: number; impl_code: string }>(ex, sql`select id, impl_code from catalog_items where impl_code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`)).map((r) => [r.impl_code, r.id]),
  );
  const rows = plan.map((p) => {
    const itemId = ids.get(p.county.content.implCode as string);
    if (itemId === undefined) throw new Error(`demo catalog: county item ${p.county.spec.name} not published`);
    return {
      item_id: itemId,
      region_code: p.town.code,
      org_id: p.receiver.id,
      field: p.field,
      legal_basis: p.decision.legalBasis,
      decision_no: p.decision.decisionNo,
      decided_by: p.decision.decidedBy,
      effective_date: p.decision.effectiveDate,
    };
  });
  await ex.execute(sql`
    insert into catalog_devolutions (item_id, region_code, org_id, field, legal_basis, decision_no, decided_by, effective_date)
    select item_id, region_code, org_id, field, legal_basis, decision_no, decided_by, effective_date::date
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(item_id int, region_code text, org_id int, field text, legal_basis text, decision_no text, decided_by text, effective_date text)
    on conflict (item_id, region_code) where status <> 'withdrawn' do nothing`);
  const stored = await query<{ id: number; item_id: number; region_code: string }>(
    ex,
    sql`select id, item_id, region_code from catalog_devolutions where status = 'active' and region_code like ${`${COUNTY}%`} order by id`,
  );
  // evaluations: one in EVALUATION.every devolutions, results cycling through the table; never twice
  const sample = stored.filter((_, i) => i % EVALUATION.every === 0).map((d, i) => ({ id: d.id, region_code: d.region_code, result: EVALUATION.results[i % EVALUATION.results.length] }));
  await ex.execute(sql`
    with s as (select * from jsonb_to_recordset(${JSON.stringify(sample)}::jsonb) as x(id int, region_code text, result text)),
    ins as (
      insert into catalog_devolution_evaluations (devolution_id, region_code, evaluated_on, result, note)
      select s.id, s.region_code, ${EVALUATION.evaluatedOn}::date, s.result,
             case s.result when 'good' then '承接良好，案件办理及时规范' when 'fair' then '基本承接，专业执法力量需加强' else '承接困难，建议加强业务指导或者调整赋权' end
        from s where not exists (select 1 from catalog_devolution_evaluations e where e.devolution_id = s.id)
      returning devolution_id, result)
    update catalog_devolutions d set last_evaluated_on = ${EVALUATION.evaluatedOn}::date, last_result = ins.result, version = d.version + 1, updated_at = now()
      from ins where d.id = ins.devolution_id`);
  const itemById = new Map([...ids].map(([code, id]) => [id, code]));
  return new Map(stored.flatMap((d) => (itemById.has(d.item_id) ? [[`${itemById.get(d.item_id)}@${d.region_code}`, d.id] as [string, number]] : [])));
}

function unit(orgs: Map<string, OrgRef>, spec: DutyUnitSpec): DutyUnitInput {
  const [key, text, basis] = spec;
  if (key === 'town') return { unitKind: 'town', orgId: null, unitName: '事发地镇人民政府（街道办事处）', duties: [{ text, basis }] };
  const o = orgs.get(`${COUNTY}.${key}`);
  if (!o) throw new Error(`demo catalog: department ${key} missing`);
  return { unitKind: 'department', orgId: o.id, unitName: o.name, duties: [{ text, basis }] };
}

/** The county-wide territorial duties, and the towns' own entries for matters devolved to them (违法建设). */
export async function seedDuties(db: Db, ex: Executor, orgs: Map<string, OrgRef>, towns: TownRef[], devolutionIds: Map<string, number>, buildingPenaltyCode: string | null, who: AuditWho): Promise<void> {
  const existing = new Set((await query<{ key: string }>(ex, sql`select matter_code || '@' || region_code as key from catalog_duty_matters where status = 'active'`)).map((r) => r.key));
  const service = new DutyService(db);
  for (const m of DUTY_MATTERS) {
    if (existing.has(`${m.code}@${COUNTY}`)) continue;
    const entry: DutyEntryInput = { matterCode: m.code, name: m.name, field: m.field, regionCode: COUNTY, description: m.description, devolutionId: null, lead: unit(orgs, m.lead), supporting: m.support.map((s) => unit(orgs, s)) };
    await service.create(SYSTEM_ACTOR, who, entry);
  }
  if (!buildingPenaltyCode) return;
  const matter = DUTY_MATTERS.find((m) => m.code === 'event.illegal_building');
  if (!matter) return;
  for (const town of towns) {
    const devolutionId = devolutionIds.get(`${buildingPenaltyCode}@${town.code}`);
    const enf = orgs.get(`${town.code}.enf`);
    if (devolutionId === undefined || !enf || existing.has(`${matter.code}@${town.code}`)) continue;
    await service.create(SYSTEM_ACTOR, who, {
      matterCode: matter.code,
      name: matter.name,
      field: matter.field,
      regionCode: town.code,
      description: `${town.name}经赋权查处城市规划区内违法建设`,
      devolutionId,
      lead: { unitKind: 'town', orgId: enf.id, unitName: enf.name, duties: [{ text: '依赋权查处本辖区城市规划区内违法建设，作出责令停止建设、限期拆除等决定', basis: '《中华人民共和国城乡规划法》第六十四条；《中华人民共和国行政处罚法》第二十四条' }] },
      supporting: [unit(orgs, ['zfj', '业务指导，对跨区域、重大复杂案件直接查处', '《中华人民共和国行政处罚法》第二十四条']), unit(orgs, ['zrj', '出具规划认定意见', '《中华人民共和国城乡规划法》'])],
    });
  }
}

/** The bundles (一件事), created and published through the bundle service; members point at the county items by guide key. */
export async function seedBundles(db: Db, ex: Executor, itemIdByKey: Map<string, number>, who: AuditWho): Promise<void> {
  const existing = new Set((await query<{ code: string }>(ex, sql`select code from catalog_bundles`)).map((r) => r.code));
  const service = new BundleService(db);
  for (const b of BUNDLES) {
    if (existing.has(b.code)) continue;
    const created = await service.create(SYSTEM_ACTOR, who, {
      code: b.code,
      name: b.name,
      lifeEvent: b.lifeEvent,
      description: b.description,
      applicantKind: b.applicantKind,
      regionCode: COUNTY,
      questions: b.questions,
      members: b.members.map((m, i) => {
        const itemId = itemIdByKey.get(m.item);
        if (itemId === undefined) throw new Error(`demo catalog: bundle ${b.code} member ${m.item} is not published`);
        return { itemId, sort: (i + 1) * 10, condition: m.condition ?? null, formFields: m.fields ?? [], produces: m.produces ?? [] };
      }),
    });
    await service.setStatus(SYSTEM_ACTOR, who, b.code, 'published', created.version);
  }
}

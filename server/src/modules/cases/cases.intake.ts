/**
 * Intake from every source through one function (grid workers, the public,
 * 12345 operators, enterprises, sensors and Open311): validate, locate
 * (grid → town), route by the territorial-duty list, look for likely
 * duplicates, insert, audit and emit `case.reported`, in one transaction.
 */
import crypto from 'node:crypto';
import { canAct, type Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { inTransaction, type Db, type Executor } from '../../platform/db/index.ts';
import { CommonErrors, type FieldError } from '../../platform/errors/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import type { FileService } from '../../platform/files/index.ts';
import { routeByDuty } from '../catalog/index.ts';
import { canonicalRegionCode, findRegion, maskPhone } from '../org/index.ts';
import { CaseErrors } from './cases.errors.ts';
import type { GridHit, GridLocator } from './cases.grid.ts';
import * as repo from './cases.repository.ts';
import type { CaseSource, HotlineKind, Urgency } from './cases.schema.ts';
import {
  boundingBox,
  caseNumber,
  DEFAULT_DUPLICATES,
  findDuplicates,
  limitFor,
  OPEN_FOR_MERGE,
  UNROUTABLE_LABELS,
  type DuplicateSettings,
  type RouteSuggestion,
  type UnroutableReason,
} from './cases.rules.ts';
import { caseFlow } from './cases.workflow.ts';

export type Who = AuditWho & { actor: Actor };

/** What every intake channel hands over. Open311 and machine clients call `CaseService.intake` with this too. */
export interface CaseIntakeInput {
  source: CaseSource;
  /** Category code (case_categories.code), e.g. E0101 暴露垃圾, H03 投诉, C01 营商环境投诉. */
  categoryCode: string;
  description: string;
  title?: string | null;
  lng?: number | null;
  lat?: number | null;
  address?: string | null;
  /** The town (9-digit code) when known without a grid lookup. */
  townRegionCode?: string | null;
  /** The county when the town is not known (the case waits in that county's dispatcher queue). */
  regionCode?: string | null;
  urgency?: Urgency | null;
  hotlineKind?: HotlineKind | null;
  requester?: { name?: string | null; phone?: string | null; uscc?: string | null } | null;
  /** Photos already stored through the platform files service. */
  photoFileIds?: string[] | null;
  /** Open311 service_request_id or a sensor's event id: a repeat returns the first case. */
  externalRef?: string | null;
  /** When it was reported (back-dated intake of a call or a batch); default now; never in the future. */
  at?: string | null;
}

export interface RoutingResult {
  status: 'routed' | 'unroutable';
  reason: { code: UnroutableReason; zh: string; en: string } | null;
  suggestion: RouteSuggestion | null;
  grid: GridHit | null;
}

export interface IntakeResult {
  id: number;
  caseNo: string;
  created: boolean;
  possibleDuplicates: ReturnType<typeof findDuplicates>;
}

const field = (f: string, zh: string, en: string): FieldError => ({ field: f, message: zh, messageEn: en, in: 'body' });
export const phoneHash = (phone: string) => crypto.createHash('sha256').update(phone.replace(/\D/g, '')).digest('hex');

/** A time given by the client: ISO, not in the future (5 minutes of clock skew allowed). */
export function pastInstant(value: string | null | undefined, name = 'at'): Date {
  if (value == null || value === '') return new Date();
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw CommonErrors.VALIDATION({ fields: [field(name, '时间格式无效', 'Invalid time')] });
  if (d.getTime() > Date.now() + 5 * 60_000) throw CaseErrors.FUTURE_TIME({ fields: [field(name, '时间不能晚于当前时间', 'The time may not be in the future')] });
  return d;
}

/** Routes a matter in a town by the territorial-duty list (catalog), or says why it cannot be routed. */
export async function routeCase(
  ex: Executor,
  grids: GridLocator | undefined,
  q: { lng?: number | null; lat?: number | null; townRegionCode?: string | null; dutyMatterCode: string | null },
): Promise<RoutingResult & { townRegionCode: string | null }> {
  let grid: GridHit | null = null;
  if (q.lng != null && q.lat != null && grids) grid = (await grids.locate(q.lng, q.lat)) ?? null;
  const town = grid?.townRegionCode ?? q.townRegionCode ?? null;
  const out = (code: UnroutableReason) => ({ status: 'unroutable' as const, reason: { code, ...UNROUTABLE_LABELS[code] }, suggestion: null, grid, townRegionCode: town });
  if (!town) return out(q.lng != null && grids ? 'outside_grids' : 'no_location');
  if (!q.dutyMatterCode) return out('no_duty_matter');
  const route = await routeByDuty(ex, { matterCode: q.dutyMatterCode, townRegionCode: town });
  if (!route) return out('no_duty_entry');
  const suggestion: RouteSuggestion = {
    lead: { orgId: route.lead.orgId, name: route.lead.name, kind: route.lead.kind },
    supporting: route.supporting.map((s) => ({ orgId: s.orgId, name: s.name, kind: s.kind })),
    reason: { zh: route.reason.zh, en: route.reason.en, basis: route.reason.basis, matterName: route.reason.matterName, keptWithDepartment: route.reason.keptWithDepartment },
  };
  return { status: 'routed', reason: null, suggestion, grid, townRegionCode: town };
}

export class CaseIntake {
  constructor(
    private readonly db: Db,
    private readonly files: FileService,
    private readonly grids: () => GridLocator | undefined,
    readonly duplicates: DuplicateSettings = DEFAULT_DUPLICATES,
  ) {}

  async intake(input: CaseIntakeInput, who: Who): Promise<IntakeResult> {
    const actor = who.actor;
    return inTransaction(this.db, async (tx) => {
      if (input.externalRef) {
        const prior = await repo.findByExternalRef(tx, input.source, input.externalRef);
        if (prior) return { id: Number(prior.id), caseNo: prior.case_no, created: false, possibleDuplicates: [] };
      }
      const problems: FieldError[] = [];
      const category = await repo.findCategoryByCode(tx, input.categoryCode);
      if (!category || !category.active) problems.push(field('categoryCode', `案件分类 ${input.categoryCode} 不存在或已停用`, `Category ${input.categoryCode} does not exist or is inactive`));
      if (!input.description?.trim()) problems.push(field('description', '请描述问题', 'Describe the problem'));
      if ((input.lng == null) !== (input.lat == null)) problems.push(field(input.lng == null ? 'lng' : 'lat', '经度和纬度须同时提供', 'Give both longitude and latitude'));
      if (input.source === 'hotline') {
        if (!input.hotlineKind) problems.push(field('hotlineKind', '请选择诉求类型（咨询、求助、投诉、举报、建议）', 'Choose the request kind'));
        if (!input.requester?.phone) problems.push(field('requester.phone', '请填写来电号码', "Give the caller's number"));
      }
      if (input.townRegionCode) {
        const code = canonicalRegionCode(input.townRegionCode);
        if (!code || code.length !== 9 || !(await findRegion(tx, code))) problems.push(field('townRegionCode', '镇（街道）区划代码无效', 'Unknown town code'));
      }
      let county: string | null = null;
      if (input.regionCode) {
        county = canonicalRegionCode(input.regionCode) ?? null;
        if (!county || !(await findRegion(tx, county))) problems.push(field('regionCode', '行政区划代码无效', 'Unknown region code'));
      }
      const photoIds = [...new Set(input.photoFileIds ?? [])];
      if (photoIds.length) {
        const known = new Set((await this.files.metaMany(tx, photoIds)).map((f) => f.id));
        photoIds.forEach((id, i) => {
          if (!known.has(id)) problems.push(field(`photoFileIds.${i}`, '照片文件不存在，请先上传', 'Unknown photo file; upload it first'));
        });
      }
      if (problems.length || !category) throw CaseErrors.INVALID({ fields: problems });
      const reportedAt = pastInstant(input.at);

      const routing = await routeCase(tx, this.grids(), {
        lng: input.lng,
        lat: input.lat,
        townRegionCode: input.townRegionCode ? canonicalRegionCode(input.townRegionCode) : null,
        dutyMatterCode: category.duty_matter_code,
      });
      const regionCode = routing.townRegionCode ?? county;
      if (!regionCode) {
        throw CaseErrors.NO_TERRITORY({ fields: [field('townRegionCode', '请提供位置（经纬度）或所属镇（街道）', 'Give a location or the town')] });
      }
      // staff report only where their role reaches
      if ((input.source === 'grid_patrol' || input.source === 'hotline' || input.source === 'assigned_from_above') && !canAct(actor, 'case:report', { regionCode })) {
        throw CaseErrors.OUT_OF_SCOPE({ fields: [field('townRegionCode', '案件属地不在您的职责范围内', 'Outside your scope')] });
      }

      const urgency = input.urgency ?? category.default_urgency;
      const hotlineKind = input.hotlineKind ?? category.hotline_kind ?? null;
      const kindCategory = hotlineKind && input.source === 'hotline' ? await repo.hotlineKindCategory(tx, hotlineKind) : undefined;
      const limit = limitFor({
        category: { limitAmount: Number(category.limit_amount), limitUnit: category.limit_unit },
        source: input.source,
        hotlineKind,
        urgency,
        hotlineKindLimit: kindCategory ? { limitAmount: Number(kindCategory.limit_amount), limitUnit: kindCategory.limit_unit } : null,
      });
      const kind = category.kind === 'complaint' || input.source === 'enterprise' ? 'complaint' : input.source === 'hotline' ? 'hotline' : category.kind;

      const phone = input.requester?.phone?.trim() || null;
      const requesterKind =
        input.source === 'hotline'
          ? 'caller'
          : input.source === 'enterprise'
            ? 'enterprise'
            : input.source === 'sensor' || input.source === 'open311'
              ? actor.kind === 'staff' && actor.via === 'token'
                ? 'machine'
                : actor.id > 0
                  ? 'account'
                  : 'anonymous'
              : input.source === 'public'
                ? actor.id > 0
                  ? 'account'
                  : 'anonymous'
                : 'staff';
      const requesterAccountId = requesterKind === 'account' || requesterKind === 'enterprise' ? actor.id : null;
      const requesterName = input.requester?.name?.trim() || (requesterAccountId !== null || requesterKind === 'staff' ? actor.displayName : null);

      const id = await repo.nextCaseId(tx);
      const caseNo = caseNumber(regionCode, reportedAt, id);
      await repo.insertCase(tx, {
        id,
        caseNo,
        kind,
        source: input.source,
        categoryId: category.id,
        categoryCode: category.code,
        categoryVersion: category.version,
        limitAmount: limit.amount,
        limitUnit: limit.unit,
        title: input.title?.trim() || null,
        description: input.description.trim(),
        lng: input.lng ?? null,
        lat: input.lat ?? null,
        address: input.address?.trim() || null,
        gridId: routing.grid ? String(routing.grid.gridId) : null,
        gridCode: routing.grid?.code ?? null,
        gridName: routing.grid?.name ?? null,
        townRegionCode: routing.townRegionCode,
        regionCode,
        requesterKind,
        requesterAccountId,
        requesterName,
        requesterPhone: phone,
        requesterPhoneMasked: phone ? maskPhone(phone) : null,
        requesterPhoneHash: phone ? phoneHash(phone) : null,
        requesterUscc: input.requester?.uscc?.trim() || null,
        reporterAccountId: input.source === 'grid_patrol' ? actor.id : null,
        hotlineKind,
        urgency,
        state: caseFlow.initial,
        route: { status: routing.status, reason: routing.reason, suggestion: routing.suggestion, limitBasis: limit.basis },
        routable: routing.status === 'routed',
        supportingOrgIds: routing.suggestion?.supporting.map((s) => s.orgId) ?? [],
        externalRef: input.externalRef ?? null,
        reportedAt: reportedAt.toISOString(),
      });
      if (photoIds.length) await repo.insertPhotos(tx, id, regionCode, 'report', photoIds, actor.id > 0 ? actor.id : null);
      await recordAudit(tx, who, {
        action: 'case.reported',
        entityType: caseFlow.name,
        entityId: id,
        regionCode,
        after: { caseNo, source: input.source, categoryCode: category.code, kind, routed: routing.status === 'routed', lead: routing.suggestion?.lead.name ?? null },
      });
      await emit(tx, 'case.reported', { caseId: id, caseNo, kind, source: input.source, categoryCode: category.code, regionCode, routed: routing.status === 'routed' }, { regionCode });
      const possibleDuplicates = input.lng != null && input.lat != null ? await this.duplicatesOf(tx, { id, categoryCode: category.code, lng: input.lng, lat: input.lat!, reportedAt }) : [];
      return { id, caseNo, created: true, possibleDuplicates };
    });
  }

  /** Likely duplicates of a case: same sub-class, within the radius and the time window, still open. */
  async duplicatesOf(ex: Executor, c: { id: number; categoryCode: string; lng: number; lat: number; reportedAt: Date }) {
    const box = boundingBox(c, this.duplicates.radiusMetres);
    const ms = this.duplicates.hours * 3_600_000;
    const candidates = await repo.duplicateCandidates(ex, {
      categoryCode: c.categoryCode,
      ...box,
      from: new Date(c.reportedAt.getTime() - ms).toISOString(),
      to: new Date(c.reportedAt.getTime() + ms).toISOString(),
      states: OPEN_FOR_MERGE,
    });
    return findDuplicates(c, candidates, this.duplicates);
  }
}

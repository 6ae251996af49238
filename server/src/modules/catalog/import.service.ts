/**
 * Import of published lists: upload → preview (parsed, validated, stored as
 * a batch) → commit (every row published in one transaction through
 * publishDirect) or discard. All or nothing: a batch with any error cannot
 * be committed, and a commit that fails writes nothing.
 */
import crypto from 'node:crypto';
import { canAct, regionPrefix, ROLE_PERMISSIONS, type Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { executor, inTransaction, type Db, type Executor } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { isUscc } from '../../platform/ids/index.ts';
import { canonicalRegionCode, findRegion, insertOrg, type OrgType } from '../org/index.ts';
import type { ItemContent } from './catalog.content.ts';
import { loadTypeLabels, publishDirect } from './catalog.service.ts';
import { DEFAULT_TYPE_LABELS } from './catalog.types.rules.ts';
import { baseCodeErrors, mapSheets, orgResolver, summarize, type BatchSummary, type SheetInfo } from './import.batch.ts';
import { ImportErrors } from './import.errors.ts';
import { readSheets } from './import.read.ts';
import * as repo from './import.repository.ts';
import type { MappedRow } from './import.row.ts';
import type { RowError } from './import.rules.ts';

/** A stored row: the mapped content and whether publishing creates or updates an item. */
export interface StoredRow extends MappedRow {
  action: 'create' | 'update';
}

export interface StoredSummary extends BatchSummary {
  totalRows: number;
  create: number;
  update: number;
  newOrgs: string[];
  sheets: SheetInfo[];
  skippedSheets: string[];
  regionName: string;
}

export interface CommitResult {
  created: number;
  updated: number;
  unchanged: number;
  orgsCreated: { id: number; name: string; code: string }[];
  itemIds: number[];
}

const FIRST_ROWS = 20;
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A row as shown in the preview table. */
export function presentRow(r: StoredRow) {
  const c = r.content;
  return {
    row: r.row,
    ...(r.sheet ? { sheet: r.sheet } : {}),
    action: r.action,
    name: c.name,
    subItemName: c.subItemName ?? null,
    itemType: c.itemType,
    typeLabel: DEFAULT_TYPE_LABELS[c.itemType].zh,
    implCode: c.implCode ?? null,
    baseCode: c.baseCode ?? null,
    implementingBody: c.implementingBody,
    newOrg: !!r.newOrg,
    regionCode: c.regionCode ?? null,
    level: c.level,
    statutoryDays: c.statutoryDays,
    promisedDays: c.promisedDays,
    visits: c.visits,
    online: c.channels.includes('online'),
    handlingMode: c.handlingMode,
  };
}

function presentBatch(b: repo.ImportRow) {
  const summary = b.summary as StoredSummary;
  return {
    id: b.id,
    fileName: b.file_name,
    sha256: b.sha256,
    kind: b.kind,
    regionCode: b.region_code,
    regionName: summary.regionName,
    createMissingOrgs: b.create_missing_orgs,
    state: b.state,
    version: b.version,
    createdBy: b.created_by,
    createdAt: iso(b.created_at),
    totalRows: summary.totalRows,
    validRows: b.row_count,
    errorCount: b.error_count,
    warningCount: b.warning_count,
    canCommit: b.state === 'previewed' && b.error_count === 0 && b.row_count > 0,
    approvalDocNo: b.approval_doc_no,
    effectiveDate: b.effective_date,
    committedAt: iso(b.committed_at),
    result: (b.result as CommitResult | null) ?? null,
  };
}
export type ImportSummary = ReturnType<typeof presentBatch>;

function presentFull(b: repo.ImportFull) {
  const summary = b.summary as StoredSummary;
  const rows = b.rows as StoredRow[];
  return {
    ...presentBatch(b),
    summary: {
      byType: summary.byType,
      byDepartment: summary.byDepartment,
      create: summary.create,
      update: summary.update,
      newOrgs: summary.newOrgs,
      sheets: summary.sheets,
      skippedSheets: summary.skippedSheets,
    },
    firstRows: rows.slice(0, FIRST_ROWS).map(presentRow),
    errors: b.errors as RowError[],
    warnings: b.warnings as RowError[],
  };
}
export type ImportPreview = ReturnType<typeof presentFull>;

export interface UploadInput {
  fileName: string;
  data: Buffer;
  regionCode: string;
  createMissingOrgs: boolean;
}

export interface CommitInput {
  version: number;
  approvalDocNo: string;
  effectiveDate: string;
  reason?: string;
}

/** Guesses the type of an organisation an import creates from its name. */
function orgTypeOf(name: string): OrgType {
  if (/(乡|镇)人民政府$/.test(name)) return 'town_government';
  if (/街道办事处$/.test(name)) return 'street_office';
  if (/人民政府$/.test(name)) return 'government';
  if (/行政审批(服务)?局$/.test(name)) return 'approval_bureau';
  if (/综合(行政)?执法/.test(name)) return 'enforcement_team';
  return 'department';
}

export class CatalogImportService {
  constructor(private readonly db: Db) {}

  /** The batch when the actor may review the catalog in its region; otherwise "not found". */
  private async visible(actor: Actor, id: number, lock = false): Promise<repo.ImportFull> {
    const b = await repo.findImport(executor(this.db), id, { lock });
    if (!b || !canAct(actor, 'catalog:review', { regionCode: b.region_code })) throw ImportErrors.IMPORT_NOT_FOUND();
    return b;
  }

  /** Parses and validates an upload, stores it as a batch and returns the preview. Nothing is published. */
  async preview(actor: Actor, who: AuditWho, input: UploadInput): Promise<ImportPreview> {
    const regionCode = canonicalRegionCode(input.regionCode);
    const region = regionCode ? await findRegion(executor(this.db), regionCode) : undefined;
    if (!region || !regionCode || !canAct(actor, 'catalog:review', { regionCode })) {
      throw ImportErrors.REGION_NOT_FOUND({
        vars: { code: input.regionCode },
        fields: [{ field: 'regionCode', in: 'body', message: `行政区划 ${input.regionCode} 不存在或不在管辖范围内`, messageEn: `Unknown region ${input.regionCode} or outside your scope` }],
      });
    }
    if (input.createMissingOrgs && !canAct(actor, 'org:manage', { regionCode })) throw CommonErrors.FORBIDDEN();
    const sha256 = crypto.createHash('sha256').update(input.data).digest('hex');
    const { kind, sheets } = await readSheets(input.data);

    return inTransaction(this.db, async (tx) => {
      const prefix = regionPrefix(regionCode);
      const labels = await loadTypeLabels(tx);
      const orgs = await repo.orgsInRegion(tx, prefix);
      const batch = mapSheets(sheets, kind, {
        regionCode,
        regionName: region.name,
        regionLevel: region.level,
        labels,
        createMissingOrgs: input.createMissingOrgs,
        resolveOrg: orgResolver(
          orgs.map((o) => ({ id: o.id, code: o.code, name: o.name, shortName: o.short_name, uscc: o.uscc, regionCode: o.region_code, level: o.level })),
        ),
        regionInScope: (raw) => {
          if (raw === region.name) return regionCode;
          const c = canonicalRegionCode(raw);
          return c && c.startsWith(prefix) ? c : null;
        },
      });
      const record = kind === 'json';
      const codes = [...new Set(batch.rows.map((r) => r.content.implCode).filter((c): c is string => !!c))];
      const existing = await repo.existingImplCodes(tx, codes);
      const bases = [...new Set(batch.rows.map((r) => r.content.baseCode).filter((c): c is string => !!c))];
      const known = await repo.knownBaseCodes(tx, bases, [...existing.keys()]);
      const errors = [...batch.errors, ...baseCodeErrors(batch.rows, record, known)].sort(
        (a, b) => (a.sheet ?? '').localeCompare(b.sheet ?? '') || a.row - b.row,
      );
      const rows: StoredRow[] = batch.rows.map((r) => ({ ...r, action: r.content.implCode && existing.has(r.content.implCode) ? 'update' : 'create' }));
      const summary: StoredSummary = {
        ...summarize(rows),
        totalRows: batch.totalRows,
        create: rows.filter((r) => r.action === 'create').length,
        update: rows.filter((r) => r.action === 'update').length,
        newOrgs: [...new Set(rows.filter((r) => r.newOrg).map((r) => r.newOrg!.name))],
        sheets: batch.sheets,
        skippedSheets: batch.skippedSheets,
        regionName: region.name,
      };
      const id = await repo.insertImport(tx, {
        fileName: input.fileName,
        sha256,
        kind,
        regionCode,
        createMissingOrgs: input.createMissingOrgs,
        rows,
        errors,
        warnings: batch.warnings,
        summary,
        createdBy: actor.id,
      });
      await recordAudit(tx, who, {
        action: 'catalog.import_previewed',
        entityType: 'catalog_import',
        entityId: id,
        regionCode,
        after: { fileName: input.fileName, sha256, kind, rows: rows.length, totalRows: batch.totalRows, errors: errors.length, createMissingOrgs: input.createMissingOrgs },
      });
      const stored = await repo.findImport(tx, id);
      return presentFull(stored!);
    });
  }

  async get(actor: Actor, id: number): Promise<ImportPreview> {
    return presentFull(await this.visible(actor, id));
  }

  /** Every row of a batch, page by page, with its full content (what commit publishes). */
  async rows(actor: Actor, id: number, q: { offset?: number; limit?: number }) {
    const b = await this.visible(actor, id);
    const offset = Math.max(q.offset ?? 0, 0);
    const limit = Math.min(Math.max(q.limit ?? 100, 1), 2000);
    const rows = (await repo.importRowsSlice(executor(this.db), id, offset, limit)) as StoredRow[];
    return { id, total: b.row_count, offset, items: rows.map((r) => ({ ...presentRow(r), content: r.content })) };
  }

  async list(actor: Actor, q: { state?: repo.ImportState; cursor?: number; limit?: number }): Promise<{ items: ImportSummary[]; nextCursor: number | null }> {
    const limit = Math.min(Math.max(q.limit ?? 20, 1), 100);
    // batches are per region: grants limited to one organisation do not cover them (as in `visible`)
    const reviewer = actor.grants.filter((g) => g.orgId === null && ROLE_PERMISSIONS[g.role].includes('catalog:review'));
    const prefixes = reviewer.some((g) => g.regionCode === null) ? null : reviewer.map((g) => regionPrefix(g.regionCode!));
    const rows = await repo.listImports(executor(this.db), { prefixes, state: q.state, before: q.cursor, limit });
    const items = rows.slice(0, limit).map(presentBatch);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }

  /**
   * Publishes every row of a previewed batch without errors, in one
   * transaction: organisations to create first (createMissingOrgs), then
   * publishDirect with the approval document number and effective date.
   * Repeating a commit that succeeded (same version and document number)
   * returns the committed batch again.
   */
  async commit(actor: Actor, who: AuditWho, id: number, input: CommitInput): Promise<ImportPreview> {
    return inTransaction(this.db, async (tx) => {
      const b = await this.visible(actor, id, true);
      if (b.state === 'committed') {
        if (input.version === b.version - 1 && input.approvalDocNo === b.approval_doc_no && input.effectiveDate === b.effective_date) return presentFull(b);
        throw ImportErrors.ALREADY_COMMITTED({ vars: { at: iso(b.committed_at) ?? '' }, extra: { currentVersion: b.version } });
      }
      if (b.state === 'discarded') throw ImportErrors.DISCARDED({ extra: { currentVersion: b.version } });
      if (b.version !== input.version) throw CommonErrors.VERSION_CONFLICT({ vars: { current: b.version }, extra: { currentVersion: b.version } });
      if (b.error_count > 0) throw ImportErrors.HAS_ERRORS({ vars: { count: b.error_count } });
      if (b.row_count === 0) throw ImportErrors.NO_ROWS();

      const rows = b.rows as StoredRow[];
      const contents: ItemContent[] = rows.map((r) => r.content);
      // organisations referenced at preview must still be there
      const orgIds = [...new Set(contents.map((c) => c.implementingBody.orgId).filter((x): x is number => x !== null))];
      const live = new Set((await repo.orgsByIds(tx, orgIds)).filter((o) => o.active).map((o) => o.id));
      const gone = orgIds.filter((x) => !live.has(x));
      if (gone.length) {
        const names = [...new Set(contents.filter((c) => gone.includes(c.implementingBody.orgId!)).map((c) => c.implementingBody.name))].slice(0, 5).join('、');
        throw ImportErrors.ORGS_CHANGED({ vars: { names } });
      }
      const orgsCreated = await this.createMissingOrgs(tx, actor, who, b, rows, contents);

      const outcome = await publishDirect(tx, contents, {
        approvalDocNo: input.approvalDocNo,
        effectiveDate: input.effectiveDate,
        reason: input.reason?.trim() || `批量导入：${b.file_name}（${rows.length} 项）`,
        who,
      });
      const result: CommitResult = {
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        orgsCreated,
        itemIds: outcome.items.map((i) => i.itemId),
      };
      await repo.markCommitted(tx, id, { version: b.version, approvalDocNo: input.approvalDocNo, effectiveDate: input.effectiveDate, committedBy: actor.id, result });
      await recordAudit(tx, who, {
        action: 'catalog.import_committed',
        entityType: 'catalog_import',
        entityId: id,
        regionCode: b.region_code,
        before: { state: b.state, version: b.version },
        after: {
          state: 'committed',
          version: b.version + 1,
          approvalDocNo: input.approvalDocNo,
          effectiveDate: input.effectiveDate,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          orgsCreated: orgsCreated.length,
        },
      });
      return presentFull((await repo.findImport(tx, id))!);
    });
  }

  /** Creates the organisations the batch names but the region lacks, and points the rows at them. */
  private async createMissingOrgs(
    tx: Executor,
    actor: Actor,
    who: AuditWho,
    b: repo.ImportFull,
    rows: StoredRow[],
    contents: ItemContent[],
  ): Promise<CommitResult['orgsCreated']> {
    const missing = rows.filter((r) => r.newOrg);
    if (missing.length === 0) return [];
    if (!canAct(actor, 'org:manage', { regionCode: b.region_code })) throw CommonErrors.FORBIDDEN();
    const prefix = regionPrefix(b.region_code);
    // created since the preview (by someone else, or an earlier batch)? use those
    const resolve = orgResolver(
      (await repo.orgsInRegion(tx, prefix)).map((o) => ({ id: o.id, code: o.code, name: o.name, shortName: o.short_name, uscc: o.uscc, regionCode: o.region_code, level: o.level })),
    );
    const region = await findRegion(tx, b.region_code);
    const level = region?.level === 'town' ? 'town' : 'county';
    const parentId = await repo.regionGovernment(tx, b.region_code);
    const wanted = new Map<string, { code?: string }>();
    for (const r of missing) if (!wanted.has(r.newOrg!.name)) wanted.set(r.newOrg!.name, { code: r.newOrg!.code });
    const taken = await repo.takenOrgCodes(tx, [...wanted.values()].map((w) => w.code).filter((c): c is string => !!c));
    const ids = new Map<string, { id: number; name: string }>();
    const created: CommitResult['orgsCreated'] = [];
    let sort = 100;
    for (const [name, w] of wanted) {
      const hit = resolve(name, undefined);
      if (hit && hit !== 'ambiguous') {
        ids.set(name, { id: hit.orgId, name: hit.name });
        continue;
      }
      const given = w.code && !taken.has(w.code) ? w.code : undefined;
      const code = given ?? `${b.region_code}.import.${crypto.createHash('sha256').update(name).digest('hex').slice(0, 10)}`;
      const uscc = given && isUscc(given) ? given : null;
      const id = await insertOrg(tx, { code, name, type: orgTypeOf(name), level, regionCode: b.region_code, parentId, uscc, sort: sort++ });
      if (given) taken.add(given);
      ids.set(name, { id, name });
      created.push({ id, name, code });
      await recordAudit(tx, who, {
        action: 'org.created',
        entityType: 'organisation',
        entityId: id,
        regionCode: b.region_code,
        after: { code, name, type: orgTypeOf(name), level, regionCode: b.region_code, parentId, uscc, importId: b.id },
      });
    }
    rows.forEach((r, i) => {
      if (!r.newOrg) return;
      const org = ids.get(r.newOrg.name)!;
      contents[i] = { ...contents[i], implementingBody: { orgId: org.id, name: org.name } };
    });
    return created;
  }

  async discard(actor: Actor, who: AuditWho, id: number, input: { version: number }): Promise<ImportPreview> {
    return inTransaction(this.db, async (tx) => {
      const b = await this.visible(actor, id, true);
      if (b.state === 'committed') throw ImportErrors.ALREADY_COMMITTED({ vars: { at: iso(b.committed_at) ?? '' }, extra: { currentVersion: b.version } });
      if (b.state === 'discarded') return presentFull(b);
      if (b.version !== input.version) throw CommonErrors.VERSION_CONFLICT({ vars: { current: b.version }, extra: { currentVersion: b.version } });
      await repo.markDiscarded(tx, id, b.version);
      await recordAudit(tx, who, {
        action: 'catalog.import_discarded',
        entityType: 'catalog_import',
        entityId: id,
        regionCode: b.region_code,
        before: { state: b.state, version: b.version },
        after: { state: 'discarded', version: b.version + 1 },
      });
      return presentFull((await repo.findImport(tx, id))!);
    });
  }
}


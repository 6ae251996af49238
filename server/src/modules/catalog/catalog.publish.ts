/**
 * Publication of catalog content: the one place that turns content into a
 * published, immutable version. Used by the adjustment workflow (one item,
 * at its `publish` action) and by `publishDirect` (bulk: imports and the demo
 * seed), with the same rules: the content is validated, the base code must
 * mean the same item name and type everywhere (四级四同), a request based on
 * an older version is refused, the version number is the current one + 1,
 * the item row carries the new content and its filter columns, the search
 * index is refreshed and `catalog.item_published` is emitted, all in the
 * caller's transaction.
 */
import { z } from 'zod';
import type { AuditWho } from '../../platform/audit/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { pgErrorOf, type Executor } from '../../platform/db/index.ts';
import { CommonErrors, type FieldError } from '../../platform/errors/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import { canonicalRegionCode } from '../org/index.ts';
import { ItemContent } from './catalog.content.ts';
import { CatalogErrors } from './catalog.errors.ts';
import * as repo from './catalog.repository.ts';
import { sameValue } from './diff.rules.ts';
import { indexItems, reindexAll } from './search.indexer.ts';

/** Topic of the domain event written for every published version. */
export const ITEM_PUBLISHED = 'catalog.item_published';

export interface ItemPublishedEvent {
  itemId: number;
  versionNo: number;
  change: 'create' | 'update' | 'retire';
  implCode: string;
  baseCode: string | null;
  name: string;
  regionCode: string;
  orgId: number | null;
  status: repo.ItemStatus;
  effectiveDate: string;
  approvalDocNo: string;
  adjustmentId: number | null;
}

const zhError = z.locales.zhCN().localeError;
const enError = z.locales.en().localeError;

/** Validates content with ItemContent; errors name the field under `path` (e.g. proposed.materials.2.copies). */
export function validateContent(raw: unknown, path: string): { ok: true; content: ItemContent } | { ok: false; fields: FieldError[] } {
  const zh = ItemContent.safeParse(raw, { error: zhError as never });
  if (zh.success) return { ok: true, content: zh.data };
  const en = ItemContent.safeParse(raw, { error: enError as never });
  const enMsgs = en.success ? [] : en.error.issues.map((i) => i.message);
  return {
    ok: false,
    fields: zh.error.issues.map((issue, i) => ({
      field: [path, ...issue.path.map(String)].filter(Boolean).join('.'),
      message: issue.message,
      messageEn: enMsgs[i] ?? issue.message,
      in: 'body',
    })),
  };
}

export function assertContent(raw: unknown, path: string): ItemContent {
  const r = validateContent(raw, path);
  if (!r.ok) throw CatalogErrors.INVALID_CONTENT({ fields: r.fields });
  return r.content;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isCalendarDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** One item to publish. */
export interface PublishEntry {
  content: unknown;
  /** Field path naming this entry's content in errors (`proposed`, `items.3`). */
  path: string;
  /** create, update or retire an item; `auto` (bulk) updates the item with the same implementation code, or creates one. */
  change: 'create' | 'update' | 'retire' | 'auto';
  /** The item an update or retire applies to. */
  itemId?: number;
  /** The version the change was based on: publishing over a newer one is refused (stale). */
  baseVersion?: number;
  adjustmentId?: number | null;
}

export interface PublishMeta {
  approvalDocNo: string;
  effectiveDate: string;
  reason: string | null;
  who: AuditWho;
}

export interface PublishOutcome {
  items: ItemPublishedEvent[];
  created: number;
  updated: number;
  retired: number;
  /** Bulk entries whose content equals the published one (no new version). */
  unchanged: number;
}

const CHUNK = 500;
const MAX_FIELD_ERRORS = 100;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

const field = (path: string, name: string, zh: string, en: string): FieldError => ({ field: `${path}.${name}`, message: zh, messageEn: en, in: 'body' });

/** A derived implementation code for an item published without one: base code (or L), 12-digit region, item id. */
function deriveImplCode(baseCode: string | undefined, regionCode: string, id: number): string {
  return `${baseCode ?? 'L'}-${regionCode.padEnd(12, '0')}-${String(id).padStart(6, '0')}`;
}

interface Planned {
  entry: PublishEntry;
  content: ItemContent;
  existing?: { id: number; current_version: number; status: repo.ItemStatus; content: unknown; impl_code: string; region_code: string };
  change: 'create' | 'update' | 'retire';
  itemId: number;
  regionCode: string;
  orgId: number | null;
}

/**
 * Publishes entries in the caller's transaction. `audit`: 'each' writes one
 * audit entry per item (the adjustment path), 'batch' one entry for the
 * whole batch with its counts (the bulk path).
 */
export async function publishEntries(tx: Executor, entries: PublishEntry[], meta: PublishMeta, audit: 'each' | 'batch'): Promise<PublishOutcome> {
  if (!meta.approvalDocNo?.trim())
    throw CommonErrors.VALIDATION({ fields: [{ field: 'approvalDocNo', message: '必填：批准文号', messageEn: 'Required: approval document number' }] });
  if (!isCalendarDate(meta.effectiveDate))
    throw CommonErrors.VALIDATION({ fields: [{ field: 'effectiveDate', message: '应为 YYYY-MM-DD 格式的日期', messageEn: 'A date as YYYY-MM-DD' }] });

  // 1. validate every content
  const fields: FieldError[] = [];
  const contents: ItemContent[] = [];
  entries.forEach((e, i) => {
    const r = validateContent(e.content, e.path);
    if (r.ok) contents[i] = r.content;
    else fields.push(...r.fields);
  });
  if (fields.length) throw CatalogErrors.INVALID_CONTENT({ fields: fields.slice(0, MAX_FIELD_ERRORS) });

  // 2. the items they apply to (locked until commit)
  const byCode = new Map<string, number>();
  entries.forEach((e, i) => {
    const code = contents[i].implCode;
    if (!code || e.change === 'update' || e.change === 'retire') return;
    if (byCode.has(code)) throw CatalogErrors.BATCH_CONFLICT({ vars: { code }, fields: [field(e.path, 'implCode', '同一批次中重复', 'Repeated in the batch')] });
    byCode.set(code, i);
  });
  const existingByCode = await repo.findItemIdsByImplCode(tx, [...byCode.keys()]);
  const orgIds = [...new Set(contents.map((c) => c.implementingBody.orgId).filter((id): id is number => id !== null))];
  const orgs = await repo.findOrgRefs(tx, orgIds);

  const planned: Planned[] = [];
  for (const [i, entry] of entries.entries()) {
    const content = contents[i];
    let existing: Planned['existing'];
    let change: Planned['change'];
    if (entry.change === 'update' || entry.change === 'retire') {
      const item = entry.itemId === undefined ? undefined : await repo.findItem(tx, entry.itemId, { lock: true });
      if (!item) throw CatalogErrors.ITEM_NOT_FOUND();
      existing = item;
      if (entry.baseVersion !== undefined && entry.baseVersion !== item.current_version) {
        throw CatalogErrors.STALE_BASE({ vars: { current: item.current_version, base: entry.baseVersion }, extra: { currentVersion: item.current_version } });
      }
      if (entry.change === 'retire' && item.status !== 'published') {
        throw CatalogErrors.ITEM_STATE({ vars: { status: item.status, changeZh: '注销', changeEn: 'retired' } });
      }
      change = entry.change === 'update' && item.current_version === 0 ? 'create' : entry.change;
    } else {
      const found = content.implCode ? existingByCode.get(content.implCode) : undefined;
      if (found && entry.change === 'create') {
        throw CatalogErrors.IMPL_CODE_TAKEN({ vars: { code: content.implCode ?? '' }, fields: [field(entry.path, 'implCode', '已被其他事项使用', 'Used by another item')] });
      }
      if (found) {
        existing = found;
        change = found.current_version === 0 ? 'create' : 'update';
      } else {
        change = 'create';
      }
    }
    const orgId = content.implementingBody.orgId;
    const org = orgId === null ? undefined : orgs.get(orgId);
    if (orgId !== null && !org) {
      throw CatalogErrors.UNKNOWN_ORG({ vars: { id: orgId }, fields: [field(entry.path, 'implementingBody.orgId', `机构 ${orgId} 不存在`, `Organisation ${orgId} does not exist`)] });
    }
    const given = content.regionCode ? (canonicalRegionCode(content.regionCode) ?? content.regionCode) : undefined;
    const regionCode = given ?? org?.region_code ?? existing?.region_code;
    if (!regionCode) {
      throw CatalogErrors.REGION_REQUIRED({ fields: [field(entry.path, 'regionCode', '请填写行政区划代码或实施主体机构', 'Give the region code or the implementing organisation')] });
    }
    planned.push({ entry, content, existing, change, itemId: existing?.id ?? 0, regionCode, orgId });
  }

  // 3. 四级四同: one base code, one item name and type, at every level
  const newBases = await checkBaseCodes(
    tx,
    planned.map((p) => ({ path: p.entry.path, content: p.content })),
    planned.filter((p) => p.existing).map((p) => p.itemId),
  );
  for (const part of chunks(newBases)) await repo.insertBaseItems(tx, part);

  // 4. ids and implementation codes of new items
  const fresh = planned.filter((p) => !p.existing);
  const ids = await repo.reserveItemIds(tx, fresh.length);
  fresh.forEach((p, k) => (p.itemId = ids[k]));
  const finalCode = (p: Planned) => p.content.implCode ?? p.existing?.impl_code ?? deriveImplCode(p.content.baseCode, p.regionCode, p.itemId);
  const renamed = planned.filter((p) => p.existing && finalCode(p) !== p.existing.impl_code);
  if (renamed.length) {
    const holders = await repo.findItemIdsByImplCode(tx, renamed.map(finalCode));
    for (const p of renamed) {
      const holder = holders.get(finalCode(p));
      if (holder && holder.id !== p.itemId) {
        throw CatalogErrors.IMPL_CODE_TAKEN({ vars: { code: finalCode(p) }, fields: [field(p.entry.path, 'implCode', '已被其他事项使用', 'Used by another item')] });
      }
    }
  }

  // 5. rows
  const inserts: repo.ItemValues[] = [];
  const updates: repo.ItemValues[] = [];
  const versions: repo.VersionValues[] = [];
  const published: ItemPublishedEvent[] = [];
  const before = new Map<number, { version: number; status: string }>();
  let unchanged = 0;
  for (const p of planned) {
    const implCode = finalCode(p);
    const stored: ItemContent = { ...p.content, implCode, regionCode: p.regionCode };
    if (p.entry.change === 'auto' && p.existing?.status === 'published' && sameValue(p.existing.content, stored)) {
      unchanged += 1;
      continue;
    }
    const versionNo = (p.existing?.current_version ?? 0) + 1;
    const status: repo.ItemStatus = p.change === 'retire' ? 'retired' : 'published';
    const values: repo.ItemValues = {
      id: p.itemId,
      impl_code: implCode,
      base_code: stored.baseCode ?? null,
      item_type: stored.itemType,
      name: stored.name,
      sub_item_name: stored.subItemName ?? null,
      variant: stored.variant ?? null,
      region_code: p.regionCode,
      org_id: p.orgId,
      org_name: stored.implementingBody.name,
      level: stored.level,
      status,
      current_version: versionNo,
      visits: stored.visits,
      online: stored.channels.includes('online'),
      statutory_days: stored.statutoryDays,
      promised_days: stored.promisedDays,
      applicant_kinds: stored.applicantKinds,
      life_events: stored.lifeEvents,
      commitment_allowed: stored.commitmentAllowed,
      content: stored,
    };
    if (p.existing) {
      updates.push(values);
      before.set(p.itemId, { version: p.existing.current_version, status: p.existing.status });
    } else {
      inserts.push(values);
    }
    versions.push({
      item_id: p.itemId,
      version_no: versionNo,
      content: stored,
      change: p.change,
      effective_date: meta.effectiveDate,
      approval_doc_no: meta.approvalDocNo,
      adjustment_id: p.entry.adjustmentId ?? null,
      reason: meta.reason,
      published_by: meta.who.actor.id > 0 ? meta.who.actor.id : null,
    });
    published.push({
      itemId: p.itemId,
      versionNo,
      change: p.change,
      implCode,
      baseCode: stored.baseCode ?? null,
      name: stored.name,
      regionCode: p.regionCode,
      orgId: p.orgId,
      status,
      effectiveDate: meta.effectiveDate,
      approvalDocNo: meta.approvalDocNo,
      adjustmentId: p.entry.adjustmentId ?? null,
    });
  }

  try {
    for (const part of chunks(inserts)) await repo.insertItems(tx, part);
    for (const part of chunks(updates)) await repo.updateItems(tx, part);
    for (const part of chunks(versions)) await repo.insertVersions(tx, part);
  } catch (e) {
    const pg = pgErrorOf(e);
    if (pg?.code === '23505' && pg.constraint === 'catalog_items_impl_code') {
      throw CatalogErrors.IMPL_CODE_TAKEN({ vars: { code: '' }, fields: [{ field: 'implCode', message: '实施编码已被使用', messageEn: 'Implementation code in use', in: 'body' }] });
    }
    // a concurrent publication of the same item took the version number first
    if (pg?.code === '23505' && pg.constraint === 'catalog_item_versions_no') throw CommonErrors.VERSION_CONFLICT({ vars: { current: '?' } });
    throw e;
  }

  await refreshSearchIndex(tx, published.map((e) => e.itemId));
  for (const ev of published) await emit(tx, ITEM_PUBLISHED, ev, { regionCode: ev.regionCode });

  const counts = {
    created: published.filter((e) => e.change === 'create').length,
    updated: published.filter((e) => e.change === 'update').length,
    retired: published.filter((e) => e.change === 'retire').length,
    unchanged,
  };
  if (audit === 'each') {
    for (const ev of published) {
      const b = before.get(ev.itemId);
      await recordAudit(tx, meta.who, {
        action: 'catalog.item_published',
        entityType: 'catalog_item',
        entityId: ev.itemId,
        regionCode: ev.regionCode,
        before: b ? { currentVersion: b.version, status: b.status } : null,
        after: { currentVersion: ev.versionNo, status: ev.status, change: ev.change, approvalDocNo: ev.approvalDocNo, effectiveDate: ev.effectiveDate, adjustmentId: ev.adjustmentId },
      });
    }
  } else if (published.length || unchanged) {
    await recordAudit(tx, meta.who, {
      action: 'catalog.bulk_published',
      entityType: 'catalog_item',
      entityId: null,
      regionCode: commonRegion(published.map((e) => e.regionCode)),
      after: { ...counts, approvalDocNo: meta.approvalDocNo, effectiveDate: meta.effectiveDate, reason: meta.reason, firstItemId: published[0]?.itemId ?? null, lastItemId: published.at(-1)?.itemId ?? null },
    });
  }
  return { items: published, ...counts };
}

/**
 * Keeps the search index in step, in the same transaction: item by item
 * (indexItem), or, for a batch that is a large part of the catalog (an
 * import, the demo seed), one rebuild of the whole index (reindexAll), which
 * is an order of magnitude faster per item than thousands of single updates.
 */
async function refreshSearchIndex(tx: Executor, itemIds: number[]): Promise<void> {
  if (itemIds.length >= 500) {
    const total = await repo.publishedCount(tx);
    if (itemIds.length * 10 >= total) {
      await reindexAll(tx);
      return;
    }
  }
  await indexItems(tx, itemIds);
}

/** The longest region code prefix every region shares (the batch's region for the audit entry), or null. */
function commonRegion(codes: string[]): string | null {
  if (codes.length === 0) return null;
  let prefix = codes[0];
  for (const c of codes) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.length >= 2 ? prefix : null;
}

type NewBase = { base_code: string; name: string; item_type: ItemContent['itemType']; legal_basis: unknown };

/** Refuses a base code used for another name or type; returns the base items to create (codes seen for the first time). */
async function checkBaseCodes(tx: Executor, planned: { path: string; content: ItemContent }[], exclude: number[]): Promise<NewBase[]> {
  const codes = [...new Set(planned.map((p) => p.content.baseCode).filter((c): c is string => !!c))];
  if (codes.length === 0) return [];
  const bases = await repo.findBaseItems(tx, codes);
  const users = await repo.baseCodeUsers(tx, codes, exclude);
  const firstInBatch = new Map<string, ItemContent>();
  const newBases: NewBase[] = [];
  for (const p of planned) {
    const code = p.content.baseCode;
    if (!code) continue;
    const ref = bases.get(code) ?? users.get(code);
    const refName = ref?.name ?? firstInBatch.get(code)?.name;
    const refType = ref?.item_type ?? firstInBatch.get(code)?.itemType;
    if (refName !== undefined && refName !== p.content.name) throw mismatch(p, code, refName, 'name');
    if (refType !== undefined && refType !== p.content.itemType) throw mismatch(p, code, refName ?? code, 'itemType');
    if (!ref && !firstInBatch.has(code)) {
      firstInBatch.set(code, p.content);
      newBases.push({ base_code: code, name: p.content.name, item_type: p.content.itemType, legal_basis: p.content.legalBasis });
    }
  }
  return newBases;
}

/**
 * Early checks of a proposal (when it is drafted or edited), so the requester
 * hears of a conflicting implementation code or base code before review;
 * publication checks again.
 */
export async function preflightContent(tx: Executor, content: ItemContent, path: string, itemId: number | null): Promise<void> {
  if (content.implCode) {
    const holder = (await repo.findItemIdsByImplCode(tx, [content.implCode], { lock: false })).get(content.implCode);
    if (holder && holder.id !== itemId) {
      throw CatalogErrors.IMPL_CODE_TAKEN({ vars: { code: content.implCode }, fields: [field(path, 'implCode', '已被其他事项使用', 'Used by another item')] });
    }
  }
  await checkBaseCodes(tx, [{ path, content }], itemId === null ? [] : [itemId]);
}

function mismatch(p: { path: string }, code: string, existing: string, which: 'name' | 'itemType') {
  const fieldZh = which === 'name' ? '事项名称' : '事项类型';
  const fieldEn = which === 'name' ? 'item name' : 'item type';
  return CatalogErrors.BASE_CODE_MISMATCH({
    vars: { code, existing, fieldZh, fieldEn },
    fields: [
      field(
        p.path,
        which,
        `基本编码 ${code} 对应的${fieldZh}与「${existing}」不一致（四级四同）`,
        `The ${fieldEn} differs from the one base code ${code} stands for ("${existing}")`,
      ),
    ],
  });
}

/**
 * Case categories: read by everyone (the public report page lists them),
 * created and edited by staff who supervise cases; optimistic locking on the
 * version, every change audited with before and after.
 */
import type { Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { executor, inTransaction, pgErrorOf, type Db } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { CaseErrors } from './cases.errors.ts';
import { presentCategory, type CaseCategory } from './cases.present.ts';
import * as repo from './cases.repository.ts';
import { limitProblems } from './cases.rules.ts';
import type { CategoryKind } from './cases.schema.ts';

export type CategoryInput = repo.CategoryValues;

export class CaseCategoryService {
  constructor(private readonly db: Db) {}

  async list(f: { kind?: CategoryKind; includeInactive?: boolean }): Promise<CaseCategory[]> {
    return (await repo.listCategories(executor(this.db), f)).map(presentCategory);
  }

  async get(id: number): Promise<CaseCategory> {
    const k = await repo.findCategory(executor(this.db), id);
    if (!k) throw CaseErrors.CATEGORY_NOT_FOUND();
    return presentCategory(k);
  }

  private check(v: CategoryInput) {
    const problems = limitProblems(v.limitAmount, v.limitUnit);
    if (v.kind === 'hotline' && !v.hotlineKind) problems.push({ field: 'hotlineKind', message: '热线分类须指定诉求类型', messageEn: 'Hotline categories need a request kind', in: 'body' });
    if (problems.length) throw CaseErrors.INVALID({ fields: problems });
  }

  async create(who: AuditWho & { actor: Actor }, code: string, v: CategoryInput): Promise<CaseCategory> {
    this.check(v);
    return inTransaction(this.db, async (tx) => {
      if (await repo.findCategoryByCode(tx, code)) throw CaseErrors.CATEGORY_EXISTS({ vars: { code }, fields: [{ field: 'code', message: '编码已存在', messageEn: 'Code already exists', in: 'body' }] });
      let id: number;
      try {
        id = await repo.insertCategory(tx, code, v);
      } catch (e) {
        if (pgErrorOf(e)?.code === '23505') throw CaseErrors.CATEGORY_EXISTS({ vars: { code } });
        throw e;
      }
      const after = presentCategory((await repo.findCategory(tx, id))!);
      await recordAudit(tx, who, { action: 'case.category_created', entityType: 'case_category', entityId: id, after });
      return after;
    });
  }

  async update(who: AuditWho & { actor: Actor }, id: number, version: number, v: CategoryInput): Promise<CaseCategory> {
    this.check(v);
    return inTransaction(this.db, async (tx) => {
      const row = await repo.findCategory(tx, id);
      if (!row) throw CaseErrors.CATEGORY_NOT_FOUND();
      if (row.version !== version) throw CommonErrors.VERSION_CONFLICT({ vars: { current: row.version }, extra: { version: row.version } });
      const before = presentCategory(row);
      if (!(await repo.updateCategory(tx, id, version, v))) {
        const now = await repo.findCategory(tx, id);
        throw CommonErrors.VERSION_CONFLICT({ vars: { current: now?.version ?? '?' } });
      }
      const after = presentCategory((await repo.findCategory(tx, id))!);
      await recordAudit(tx, who, { action: 'case.category_updated', entityType: 'case_category', entityId: id, before, after });
      return after;
    });
  }
}

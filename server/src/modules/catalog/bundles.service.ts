import { sql } from 'drizzle-orm';
import { canAct, type Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { indexBundle } from './search.indexer.ts';
import { decodeCursor, executor, inTransaction, paginate, pgErrorOf, query, type Db, type Executor, type Page } from '../../platform/db/index.ts';
import { CommonErrors, type FieldError } from '../../platform/errors/index.ts';
import { scopeCondition } from '../org/index.ts';
import { BundleErrors } from './bundles.errors.ts';
import * as repo from './bundles.repository.ts';
import {
  defaultAnswers,
  definitionProblems,
  evaluateBundle,
  materialReferenceProblems,
  normaliseAnswers,
  type BundleDefinition,
  type Evaluation,
  type MemberDef,
  type QuestionDef,
} from './bundles.rules.ts';
import type { BundleApplicantKind, BundleStatus } from './bundles.schema.ts';
import { ListErrors } from './lists.errors.ts';
import { regionAncestry } from './lists.rules.ts';

export function presentBundle(r: repo.BundleRow) {
  return {
    code: r.code,
    name: r.name,
    lifeEvent: r.life_event,
    description: r.description,
    applicantKind: r.applicant_kind,
    regionCode: r.region_code,
    status: r.status,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    updatedAt: new Date(r.updated_at).toISOString(),
    version: r.version,
  };
}
export type BundleSummary = ReturnType<typeof presentBundle> & { memberCount: number; questionCount: number };

/** A member as given by a caller: sort defaults to its position. */
export type MemberInput = Omit<MemberDef, 'sort'> & { sort?: number };

export interface BundleInput {
  code: string;
  name: string;
  lifeEvent: string;
  description?: string;
  applicantKind: BundleApplicantKind;
  regionCode: string;
  members: MemberInput[];
  questions: QuestionDef[];
}

export type BundleUpdate = Omit<BundleInput, 'code'> & { version: number };

const MAX_LIMIT = 200;

/**
 * Bundles (一件事): public listing, detail and evaluation of published
 * bundles; staff create and edit (catalog:edit) and publish or retire them
 * (catalog:review) within their region. Drafts outside one's scope look missing.
 */
export class BundleService {
  constructor(private readonly db: Db) {}

  private canEdit = (actor: Actor, regionCode: string) => canAct(actor, 'catalog:edit', { regionCode, orgIds: [] });
  private canReview = (actor: Actor, regionCode: string) => canAct(actor, 'catalog:review', { regionCode, orgIds: [] });
  private seesHidden = (actor: Actor, regionCode: string) => this.canEdit(actor, regionCode) || this.canReview(actor, regionCode);

  private async visible(ex: Executor, actor: Actor, code: string, forUpdate = false): Promise<repo.BundleRow> {
    const row = await repo.findBundle(ex, code, forUpdate);
    if (!row || (row.status !== 'published' && !this.seesHidden(actor, row.region_code))) throw BundleErrors.BUNDLE_NOT_FOUND({ vars: { code } });
    return row;
  }

  async list(
    actor: Actor,
    f: { lifeEvent?: string; applicantKind?: BundleApplicantKind; regionCode?: string; q?: string; status?: BundleStatus; cursor?: string; limit?: number },
  ): Promise<Page<BundleSummary>> {
    const limit = Math.min(Math.max(f.limit ?? 50, 1), MAX_LIMIT);
    const key = decodeCursor(f.cursor);
    if (key !== undefined && (key.length !== 1 || typeof key[0] !== 'string')) {
      throw CommonErrors.VALIDATION({ fields: [{ field: 'cursor', message: '分页游标无效', messageEn: 'Invalid pagination cursor', in: 'query' }] });
    }
    const cols = { region: sql.raw('b.region_code'), path: sql.raw('array[]::int[]') };
    const hiddenScope = sql`(${scopeCondition(actor, 'catalog:edit', cols)} or ${scopeCondition(actor, 'catalog:review', cols)})`;
    const rows = await repo.listBundles(
      executor(this.db),
      {
        statuses: f.status ? [f.status] : ['draft', 'published', 'retired'],
        hiddenScope,
        lifeEvent: f.lifeEvent,
        applicantKind: f.applicantKind,
        regionCodes: f.regionCode ? regionAncestry(f.regionCode) : undefined,
        q: f.q,
      },
      key?.[0] as string | undefined,
      limit,
    );
    const page = paginate(rows, limit, (r) => [r.code]);
    return {
      items: page.items.map((r) => ({ ...presentBundle(r), memberCount: r.member_count ?? 0, questionCount: r.question_count ?? 0 })),
      nextCursor: page.nextCursor,
    };
  }

  private async definitionOf(ex: Executor, row: repo.BundleRow) {
    const def = await repo.loadDefinition(ex, row.id);
    const items = await repo.findItems(
      ex,
      def.members.map((m) => m.itemId),
    );
    return { def, items };
  }

  /** One bundle: members, questions, and the merged materials for the default answers. */
  async get(actor: Actor, code: string) {
    const ex = executor(this.db);
    const row = await this.visible(ex, actor, code);
    const { def, items } = await this.definitionOf(ex, row);
    return {
      ...presentBundle(row),
      members: def.members.map((m) => {
        const it = items.get(m.itemId);
        return {
          itemId: m.itemId,
          implCode: it?.implCode ?? null,
          name: it?.name ?? null,
          orgId: it?.orgId ?? null,
          orgName: it?.orgName ?? null,
          itemType: it?.itemType ?? null,
          itemStatus: it?.status ?? null,
          promisedDays: it?.promisedDays ?? null,
          sort: m.sort,
          condition: m.condition,
          formFields: m.formFields,
          produces: m.produces,
        };
      }),
      questions: def.questions,
      evaluation: evaluateBundle(def, items, defaultAnswers(def.questions), { partial: true }),
      actions: { edit: this.canEdit(actor, row.region_code), review: this.canReview(actor, row.region_code) },
    };
  }

  /** Evaluates the caller's situation answers: applicable items, merged materials and form. Changes nothing. */
  async evaluate(actor: Actor, code: string, answers: Record<string, string | string[] | null>): Promise<Evaluation & { code: string; version: number }> {
    const ex = executor(this.db);
    const row = await this.visible(ex, actor, code);
    const { def, items } = await this.definitionOf(ex, row);
    return { code: row.code, version: row.version, ...evaluateBundle(def, items, normaliseAnswers(answers)) };
  }

  /** Checks a definition against the rules and the catalog; throws a 400 naming every bad field. */
  private async checkDefinition(ex: Executor, regionCode: string, def: BundleDefinition): Promise<void> {
    const problems: FieldError[] = [...definitionProblems(def)];
    const [region] = await query<{ code: string }>(ex, sql`select code from regions where code = ${regionCode}`);
    if (!region) problems.push({ field: 'regionCode', message: `行政区划 ${regionCode} 不存在`, messageEn: `Region ${regionCode} does not exist`, in: 'body' });
    const items = await repo.findItems(
      ex,
      def.members.map((m) => m.itemId),
    );
    def.members.forEach((m, i) => {
      const it = items.get(m.itemId);
      if (!it) problems.push({ field: `members.${i}.itemId`, message: `事项 ${m.itemId} 不存在`, messageEn: `Item ${m.itemId} does not exist`, in: 'body' });
      else if (it.status === 'retired') problems.push({ field: `members.${i}.itemId`, message: `事项「${it.name}」已废止`, messageEn: `Item "${it.name}" is retired`, in: 'body' });
    });
    problems.push(...materialReferenceProblems(def, new Map([...items].map(([id, it]) => [id, it.content]))));
    if (problems.length) throw BundleErrors.BUNDLE_INVALID({ fields: problems });
  }

  private snapshot(row: repo.BundleRow, def: { members: MemberDef[]; questions: QuestionDef[] }) {
    return { ...presentBundle(row), members: def.members, questions: def.questions };
  }

  private outOfScope() {
    return ListErrors.OUT_OF_SCOPE({ fields: [{ field: 'regionCode', message: '不在您的管辖范围内', messageEn: 'Outside your scope', in: 'body' }] });
  }

  async create(actor: Actor, who: AuditWho, input: BundleInput) {
    if (!this.canEdit(actor, input.regionCode)) throw this.outOfScope();
    const def = { members: withSort(input.members), questions: input.questions };
    return inTransaction(this.db, async (tx) => {
      await this.checkDefinition(tx, input.regionCode, def);
      let id: number;
      try {
        id = await repo.insertBundle(tx, { ...input, description: input.description ?? '' });
      } catch (e) {
        if (pgErrorOf(e)?.code === '23505') {
          throw BundleErrors.BUNDLE_CODE_TAKEN({ vars: { code: input.code }, fields: [{ field: 'code', message: '编码已被使用', messageEn: 'Code already in use', in: 'body' }] });
        }
        throw e;
      }
      await repo.replaceDefinition(tx, id, def.members, def.questions);
      const row = await repo.findBundle(tx, input.code);
      if (!row) throw BundleErrors.BUNDLE_NOT_FOUND({ vars: { code: input.code } });
      await recordAudit(tx, who, { action: 'catalog.bundle_created', entityType: 'bundle', entityId: input.code, regionCode: row.region_code, after: this.snapshot(row, def) });
      return this.get(actor, input.code);
    });
  }

  /** Replaces the definition under optimistic locking; an edited published bundle goes back to draft until reviewed again. */
  async update(actor: Actor, who: AuditWho, code: string, input: BundleUpdate) {
    const def = { members: withSort(input.members), questions: input.questions };
    return inTransaction(this.db, async (tx) => {
      const before = await repo.findBundle(tx, code);
      if (!before || !this.canEdit(actor, before.region_code)) throw BundleErrors.BUNDLE_NOT_FOUND({ vars: { code } });
      if (!this.canEdit(actor, input.regionCode)) throw this.outOfScope();
      if (before.version !== input.version) throw conflict(before.version);
      await this.checkDefinition(tx, input.regionCode, def);
      const beforeDef = await repo.loadDefinition(tx, before.id);
      const after = await repo.updateBundleHeader(tx, before.id, input.version, { ...input, description: input.description ?? '' }, 'draft');
      if (!after) throw conflict((await repo.findBundle(tx, code))?.version ?? before.version);
      await repo.replaceDefinition(tx, before.id, def.members, def.questions);
      // back to draft: out of the public search until reviewed again
      await indexBundle(tx, before.id);
      await recordAudit(tx, who, {
        action: 'catalog.bundle_updated',
        entityType: 'bundle',
        entityId: code,
        regionCode: after.region_code,
        before: this.snapshot(before, beforeDef),
        after: this.snapshot(after, def),
      });
      return this.get(actor, code);
    });
  }

  /** Publishes (draft or retired → published) or retires (→ retired) a bundle; catalog:review. */
  async setStatus(actor: Actor, who: AuditWho, code: string, target: 'published' | 'retired', version: number) {
    return inTransaction(this.db, async (tx) => {
      const before = await repo.findBundle(tx, code);
      if (!before || !this.canReview(actor, before.region_code)) throw BundleErrors.BUNDLE_NOT_FOUND({ vars: { code } });
      if (before.version !== version) throw conflict(before.version);
      if (before.status === target) {
        const vars = target === 'published' ? { actionZh: '再次发布', actionEn: 'published again' } : { actionZh: '再次废止', actionEn: 'retired again' };
        throw BundleErrors.BUNDLE_STATE({ vars: { status: before.status, ...vars } });
      }
      if (target === 'published') {
        const def = await repo.loadDefinition(tx, before.id);
        const items = await repo.findItems(
          tx,
          def.members.map((m) => m.itemId),
        );
        const problems: FieldError[] = [];
        if (def.members.length === 0) problems.push({ field: 'members', message: '至少需要一个事项', messageEn: 'At least one item is needed', in: 'body' });
        def.members.forEach((m, i) => {
          const it = items.get(m.itemId);
          if (it?.status !== 'published') {
            problems.push({ field: `members.${i}.itemId`, message: `事项「${it?.name ?? m.itemId}」尚未发布`, messageEn: `Item "${it?.name ?? m.itemId}" is not published`, in: 'body' });
          }
        });
        problems.push(...definitionProblems(def));
        if (problems.length) throw BundleErrors.BUNDLE_INVALID({ fields: problems });
      }
      const after = await repo.setBundleStatus(tx, before.id, version, target);
      if (!after) throw conflict((await repo.findBundle(tx, code))?.version ?? before.version);
      await indexBundle(tx, before.id);
      await recordAudit(tx, who, {
        action: target === 'published' ? 'catalog.bundle_published' : 'catalog.bundle_retired',
        entityType: 'bundle',
        entityId: code,
        regionCode: after.region_code,
        before: { status: before.status, version: before.version },
        after: { status: after.status, version: after.version },
      });
      return this.get(actor, code);
    });
  }
}

function withSort(members: MemberInput[]): MemberDef[] {
  return members.map((m, i) => ({ ...m, sort: m.sort ?? (i + 1) * 10 }));
}

function conflict(current: number) {
  return CommonErrors.VERSION_CONFLICT({ vars: { current }, extra: { currentVersion: current } });
}

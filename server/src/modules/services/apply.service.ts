/**
 * Applying (申请): drafts for an item or a bundle, materials (upload, reuse
 * of e-licences and earlier submissions), submission, corrections handed in
 * online, the applicant's list, proxy authorisations (代办).
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { CommonErrors, isDomainError, type FieldError } from '../../platform/errors/index.ts';
import { decodeCursor, encodeCursor, executor, inTransaction, type Executor } from '../../platform/db/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import { isoOf, localDayOf } from '../../platform/clock/index.ts';
import { BundleService, CatalogService, type ItemContent } from '../catalog/index.ts';
import * as repo from './services.repository.ts';
import { type ServicesCore, presentMaterial, presentNotice, type Who } from './services.core.ts';
import { ServiceErrors } from './services.errors.ts';
import { APPLICATION_SUBMITTED, type ApplicationSubmittedEvent, type ItemSnapshot } from './services.events.ts';
import { applicationNumber, bundleDecisionDays, decisionDays, formProblems, missingMaterials } from './services.rules.ts';
import { isApplicantOf } from './services.policy.ts';
import type { Channel } from './services.schema.ts';
import { FINAL_STATES } from './services.workflow.ts';
import { licenceFits, licencesOfHolder } from './licences.port.ts';

/** Prefix of application numbers (local: JY for Jiangyin). */
export const APPLICATION_NO_PREFIX = 'JY';
/** Accepted upload kinds and size for materials. */
export const MATERIAL_KINDS = ['pdf', 'image', 'office', 'ofd'] as const;
export const MATERIAL_MAX_BYTES = 20 * 1024 * 1024;

export interface DraftInput {
  itemId?: number;
  bundleCode?: string;
  answers?: Record<string, string | string[] | null>;
  formData?: Record<string, unknown>;
  /** Proxy service: the USCC of the firm the agent applies for. */
  onBehalfOf?: string;
}

export interface Applicant {
  accountId: number | null;
  kind: 'person' | 'legal';
  name: string;
  idNumber: string;
  agent: { accountId: number; name: string } | null;
}

interface Target {
  kind: 'single' | 'bundle';
  itemId: number | null;
  implCode: string | null;
  baseCode: string | null;
  itemName: string;
  bundleCode: string | null;
  regionCode: string;
  handlingOrgId: number | null;
  handlingOrgName: string;
  promisedDays: number | null;
  statutoryDays: number | null;
  decisionDays: number;
  snapshot: ItemSnapshot;
  answers: Record<string, unknown>;
  materials: { key: string; name: string; requirement: string; deferrable: boolean; licenseType: string | null; itemIds: number[] }[];
  applicantKinds: string[];
}

const field = (f: string, zh: string, en: string): FieldError => ({ field: f, message: zh, messageEn: en, in: 'body' });

export class ApplyService {
  readonly catalog: CatalogService;
  readonly bundles: BundleService;

  constructor(readonly core: ServicesCore) {
    this.catalog = new CatalogService(core.db);
    this.bundles = new BundleService(core.db);
  }

  /** What the application is for: an item in force or a published bundle evaluated with the answers. */
  async target(actor: Actor, input: DraftInput): Promise<Target> {
    if ((input.itemId === undefined) === (input.bundleCode === undefined)) {
      throw CommonErrors.VALIDATION({ fields: [field('itemId', '请选择一个事项或一件事（itemId 或 bundleCode，二选一）', 'Give exactly one of itemId and bundleCode')] });
    }
    if (input.itemId !== undefined) {
      let item;
      try {
        item = await this.catalog.getItem(input.itemId);
      } catch (e) {
        if (isDomainError(e) && e.kind === 'not_found') throw ServiceErrors.ITEM_NOT_AVAILABLE({ fields: [field('itemId', '事项不存在或未公布', 'No such published item')] });
        throw e;
      }
      if (item.status !== 'published') throw ServiceErrors.ITEM_NOT_AVAILABLE({ fields: [field('itemId', '事项已取消', 'The item is retired')] });
      const c: ItemContent = item.content;
      return {
        kind: 'single',
        itemId: item.id,
        implCode: item.implCode,
        baseCode: item.baseCode,
        itemName: item.name,
        bundleCode: null,
        regionCode: item.regionCode,
        handlingOrgId: item.org.id,
        handlingOrgName: item.org.name,
        promisedDays: item.promisedDays,
        statutoryDays: item.statutoryDays,
        decisionDays: decisionDays(item.promisedDays, item.statutoryDays),
        snapshot: {
          baseCode: item.baseCode,
          process: c.process,
          specialProcedures: c.specialProcedures,
          result: c.result ?? null,
          commitmentAllowed: c.commitmentAllowed,
          legalBasis: c.legalBasis.map((b) => ({ law: b.law, article: b.article })),
        },
        answers: {},
        materials: c.materials.map((m, i) => ({
          key: `m${i + 1}`,
          name: m.name,
          requirement: m.requirement,
          deferrable: m.deferrable,
          licenseType: m.licenseType ?? null,
          itemIds: [item.id],
        })),
        applicantKinds: c.applicantKinds,
      };
    }
    const code = input.bundleCode as string;
    let bundle;
    let evaluation;
    try {
      bundle = await this.bundles.get(actor, code);
      evaluation = await this.bundles.evaluate(actor, code, input.answers ?? {});
    } catch (e) {
      if (isDomainError(e) && e.kind === 'not_found') throw ServiceErrors.BUNDLE_NOT_AVAILABLE({ fields: [field('bundleCode', '一件事不存在或未公布', 'No such published bundle')] });
      throw e;
    }
    if (bundle.status !== 'published') throw ServiceErrors.BUNDLE_NOT_AVAILABLE({ fields: [field('bundleCode', '一件事未公布', 'The bundle is not published')] });
    if (evaluation.unanswered.length) {
      throw CommonErrors.VALIDATION({ fields: evaluation.unanswered.map((q) => field(`answers.${q.key}`, `请回答：${q.text}`, `Answer: ${q.text}`)) });
    }
    if (evaluation.items.length === 0) throw ServiceErrors.BUNDLE_EMPTY({ fields: [field('answers', '没有适用的事项', 'No item applies')] });
    const lead = evaluation.items[0];
    return {
      kind: 'bundle',
      itemId: null,
      implCode: null,
      baseCode: null,
      itemName: bundle.name,
      bundleCode: bundle.code,
      regionCode: bundle.regionCode,
      handlingOrgId: lead.orgId,
      handlingOrgName: lead.orgName,
      promisedDays: evaluation.totals.maxPromisedDays,
      statutoryDays: null,
      decisionDays: bundleDecisionDays(evaluation.items),
      snapshot: {
        members: evaluation.items.map((i) => ({ itemId: i.itemId, name: i.name, orgId: i.orgId, orgName: i.orgName })),
        formFields: evaluation.formFields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required, ...(f.options ? { options: f.options } : {}) })),
        process: [{ name: '并联审批' }],
      },
      answers: evaluation.answers,
      materials: evaluation.materials.map((m) => ({
        key: m.key,
        name: m.name,
        requirement: m.requirement,
        deferrable: m.deferrable,
        licenseType: m.licenseType,
        itemIds: m.items.map((i) => i.itemId),
      })),
      applicantKinds: bundle.applicantKind === 'any' ? ['person', 'legal'] : [bundle.applicantKind],
    };
  }

  /** The applicant of an online application: the caller, or the firm an authorised agent applies for. */
  async onlineApplicant(ex: Executor, actor: Actor, onBehalfOf: string | undefined, at: Date): Promise<Applicant> {
    if (onBehalfOf) {
      const proxy = await repo.validProxy(ex, actor.id, onBehalfOf, at);
      if (!proxy) throw ServiceErrors.NO_PROXY({ fields: [field('onBehalfOf', '没有该企业有效的代办授权', 'No valid authorisation from this firm')] });
      return { accountId: proxy.firmAccountId, kind: 'legal', name: proxy.firmName, idNumber: proxy.firmUscc, agent: { accountId: actor.id, name: actor.displayName } };
    }
    const acc = await repo.findAccount(ex, { id: actor.id });
    const idNumber = acc?.kind === 'legal' ? acc.uscc : acc?.resident_id;
    if (!acc || acc.kind === 'staff' || !idNumber) throw CommonErrors.FORBIDDEN();
    return { accountId: acc.id, kind: acc.kind, name: acc.display_name, idNumber, agent: null };
  }

  /** Creates the draft: the application row and its material list, with reusable materials filled in. */
  async insertDraft(ex: Executor, t: Target, applicant: Applicant, opts: { channel: Channel; intakeOrgId: number | null; createdBy: number; formData: Record<string, unknown>; at: Date }) {
    if (t.applicantKinds.length && !t.applicantKinds.includes(applicant.kind)) {
      const zh = applicant.kind === 'legal' ? '法人' : '自然人';
      throw ServiceErrors.APPLICANT_KIND({ vars: { kind: zh, kindEn: applicant.kind === 'legal' ? 'legal-person' : 'natural-person' }, fields: [field(t.kind === 'bundle' ? 'bundleCode' : 'itemId', `该事项不面向${zh}`, 'Not for this kind of applicant')] });
    }
    const org = t.handlingOrgId !== null ? await repo.findOrg(ex, t.handlingOrgId) : undefined;
    const serial = await repo.nextSerial(ex);
    const row = await repo.insertApplication(ex, {
      applicationNo: applicationNumber(APPLICATION_NO_PREFIX, isoOf(localDayOf(opts.at)), serial),
      kind: t.kind,
      itemId: t.itemId,
      implCode: t.implCode,
      baseCode: t.baseCode,
      itemName: t.itemName,
      bundleCode: t.bundleCode,
      itemSnapshot: t.snapshot,
      applicantAccountId: applicant.accountId,
      applicantKind: applicant.kind,
      applicantName: applicant.name,
      applicantIdNumber: applicant.idNumber,
      agentAccountId: applicant.agent?.accountId ?? null,
      agentName: applicant.agent?.name ?? null,
      channel: opts.channel,
      intakeOrgId: opts.intakeOrgId,
      handlingOrgId: t.handlingOrgId,
      handlingOrgName: org?.name ?? t.handlingOrgName,
      handlingOrgPath: org?.path ?? [],
      regionCode: t.regionCode,
      formData: opts.formData,
      answers: t.answers,
      state: 'draft',
      promisedDays: t.promisedDays,
      statutoryDays: t.statutoryDays,
      decisionDays: t.decisionDays,
      createdBy: opts.createdBy,
    });
    const licences = t.materials.some((m) => m.licenseType) ? await licencesOfHolder(ex, applicant.idNumber) : [];
    const rows: repo.NewMaterial[] = [];
    for (const [i, m] of t.materials.entries()) {
      const base: repo.NewMaterial = { applicationId: row.id, regionCode: row.regionCode, key: m.key, name: m.name, requirement: m.requirement, deferrable: m.deferrable, licenseType: m.licenseType, itemIds: m.itemIds, sort: i };
      const licence = m.licenseType ? licences.find((l) => licenceFits(l, m.licenseType)) : undefined;
      if (licence) {
        rows.push({ ...base, status: 'reused', reusedLicenceId: licence.id, reusedLicenceNo: licence.licenceNo });
        continue;
      }
      const earlier = await repo.earlierMaterial(ex, applicant.idNumber, m.name, row.id);
      if (earlier) {
        rows.push({ ...base, status: 'reused', reusedMaterialId: earlier.id, fileId: earlier.fileId, fileName: earlier.fileName, sha256: earlier.sha256 });
        continue;
      }
      rows.push(base);
    }
    await repo.insertMaterials(ex, rows);
    return row;
  }

  async createDraft(actor: Actor, who: Who, input: DraftInput) {
    const t = await this.target(actor, input);
    const id = await inTransaction(this.core.db, async (tx) => {
      const at = new Date();
      const applicant = await this.onlineApplicant(tx, actor, input.onBehalfOf, at);
      const row = await this.insertDraft(tx, t, applicant, { channel: 'online', intakeOrgId: null, createdBy: actor.id, formData: input.formData ?? {}, at });
      await this.audit(tx, who, row, 'application.create', { state: 'draft', applicationNo: row.applicationNo });
      return row.id;
    });
    return this.detail(actor, id);
  }

  async audit(tx: Executor, who: Who, row: repo.ApplicationRow, action: string, after: Record<string, unknown>, before: Record<string, unknown> | null = null) {
    await recordAudit(tx, who, { action, entityType: 'application', entityId: row.id, regionCode: row.regionCode, before, after });
  }

  /** Saves the draft's form (optimistic: the version read). */
  async saveDraft(actor: Actor, who: Who, id: number, input: { formData: Record<string, unknown>; version: number }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.core.own(actor, id, tx);
      if (row.state !== 'draft') throw ServiceErrors.NOT_EDITABLE();
      const v = await repo.updateDraft(tx, id, input.version, { formData: input.formData });
      if (v === null) throw CommonErrors.VERSION_CONFLICT({ vars: { current: row.version }, extra: { version: row.version } });
      await this.audit(tx, who, row, 'application.save', { version: v });
    });
    return this.detail(actor, id);
  }

  /**
   * The application and material a caller may change: the applicant in draft
   * or correction, the window in any intake state, and either of them for a
   * material deferred at acceptance (容缺) until the matter is finished.
   */
  private async forMaterial(tx: Executor, actor: Actor, id: number, key: string): Promise<{ row: repo.ApplicationRow; m: repo.MaterialRow }> {
    const row = await this.core.visible(actor, id, tx);
    const applicant = isApplicantOf(actor, row);
    const window = await this.core.mayIntake(actor, row, tx);
    if (!applicant && !window) throw CommonErrors.NOT_FOUND();
    const m = (await repo.materialsOf(tx, row.id)).find((x) => x.key === key);
    if (!m) throw ServiceErrors.MATERIAL_NOT_FOUND({ vars: { key } });
    const byState = (applicant && ['draft', 'correction'].includes(row.state)) || (window && ['draft', 'submitted', 'correction', 'resubmitted'].includes(row.state));
    const deferred = m.status === 'deferred' && row.kind !== 'sub' && !(FINAL_STATES as readonly string[]).includes(row.state);
    if (!byState && !deferred) throw ServiceErrors.MATERIAL_LOCKED();
    return { row, m };
  }

  /** Writes a material, and for a bundle the same material of its sub-applications. */
  private async setMaterial(tx: Executor, row: repo.ApplicationRow, m: repo.MaterialRow, set: Partial<repo.NewMaterial>): Promise<repo.MaterialRow> {
    const out = await repo.updateMaterial(tx, m.id, set);
    if (row.kind === 'bundle') await repo.updateSubMaterials(tx, row.id, m.key, set);
    return out;
  }

  /** Stores an uploaded file (size, sniffed type, SHA-256 via the platform file service) as the material. */
  async attachFile(actor: Actor, who: Who, id: number, key: string, upload: { name: string; data: Buffer }) {
    return inTransaction(this.core.db, async (tx) => {
      const { row, m } = await this.forMaterial(tx, actor, id, key);
      const file = await this.core.ctx.files.store({ data: upload.data, name: upload.name, kinds: MATERIAL_KINDS, maxBytes: MATERIAL_MAX_BYTES, who, regionCode: row.regionCode });
      const out = await this.setMaterial(tx, row, m, {
        status: 'provided',
        fileId: file.id,
        fileName: file.name,
        sha256: file.sha256,
        reusedLicenceId: null,
        reusedLicenceNo: null,
        reusedMaterialId: null,
        deferredUntil: null,
      });
      await this.audit(tx, who, row, 'application.material', { key, status: 'provided', fileId: file.id, sha256: file.sha256 }, { status: m.status });
      return presentMaterial(out);
    });
  }

  /** Fills a material with a valid e-licence of the applicant, or with the same material of an earlier application. */
  async reuse(actor: Actor, who: Who, id: number, key: string, input: { licenceId?: string; materialId?: number }) {
    return inTransaction(this.core.db, async (tx) => {
      const { row, m } = await this.forMaterial(tx, actor, id, key);
      let set: Partial<repo.NewMaterial>;
      if (input.licenceId !== undefined) {
        const licence = (await licencesOfHolder(tx, row.applicantIdNumber)).find((l) => l.id === input.licenceId);
        if (!licence) throw ServiceErrors.LICENCE_NOT_USABLE({ fields: [field('licenceId', '电子证照不可用', 'Licence not usable')] });
        if (!licenceFits(licence, m.licenseType)) throw ServiceErrors.LICENCE_WRONG_TYPE({ vars: { type: m.licenseType ?? "" }, fields: [field('licenceId', `须为“${m.licenseType}”`, `Must be a "${m.licenseType}"`)] });
        set = { status: 'reused', reusedLicenceId: licence.id, reusedLicenceNo: licence.licenceNo, reusedMaterialId: null, fileId: null, fileName: null, sha256: null };
      } else if (input.materialId !== undefined) {
        const earlier = await repo.earlierMaterial(tx, row.applicantIdNumber, m.name, row.id, input.materialId);
        if (!earlier) throw ServiceErrors.REUSE_NOT_USABLE({ fields: [field('materialId', '材料不可复用', 'Material cannot be reused')] });
        set = { status: 'reused', reusedMaterialId: earlier.id, fileId: earlier.fileId, fileName: earlier.fileName, sha256: earlier.sha256, reusedLicenceId: null, reusedLicenceNo: null };
      } else {
        throw CommonErrors.VALIDATION({ fields: [field('licenceId', '请给出电子证照或以往材料（licenceId 或 materialId）', 'Give licenceId or materialId')] });
      }
      const out = await this.setMaterial(tx, row, m, { ...set, deferredUntil: null });
      await this.audit(tx, who, row, 'application.material', { key, ...set }, { status: m.status });
      return presentMaterial(out);
    });
  }

  /** Submits online: every required material must be in; starts the correction and decision clocks at receipt. */
  async submit(actor: Actor, who: Who, id: number, input: { version?: number }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.core.own(actor, id, tx);
      // an agent submits only while the firm's authorisation holds
      if (row.agentAccountId !== null && row.agentAccountId === actor.id) {
        const proxy = await repo.validProxy(tx, actor.id, row.applicantIdNumber, new Date());
        if (!proxy) throw ServiceErrors.NO_PROXY();
      }
      if (row.state === 'draft') {
        checkForm(row);
        const missing = missingMaterials(await repo.materialsOf(tx, id));
        if (missing.length) {
          throw ServiceErrors.INCOMPLETE({
            vars: { n: missing.length, names: missing.map((m) => m.name).join('、') },
            fields: missing.map((m) => field(`materials.${m.key}`, `请提交：${m.name}`, `Missing: ${m.name}`)),
          });
        }
      }
      await this.submitRow(row, 'submit', who, { version: input.version, at: new Date() });
    });
    return this.detail(actor, id);
  }

  /** The submit transition (online or at the window): receipt time, clocks, the submitted event. */
  async submitRow(row: repo.ApplicationRow, action: 'submit' | 'windowSubmit', who: Who, opts: { version?: number; at: Date }) {
    await this.core.transition(row.id, action, who, {
      version: opts.version,
      input: { decisionDays: row.decisionDays, at: opts.at.toISOString() },
      effect: async (etx) => {
        await repo.updateApplication(etx, row.id, { receivedAt: opts.at, submittedAt: opts.at });
        const ev: ApplicationSubmittedEvent = {
          applicationId: row.id,
          applicationNo: row.applicationNo,
          kind: row.kind,
          itemId: row.itemId,
          itemName: row.itemName,
          bundleCode: row.bundleCode,
          channel: row.channel,
          regionCode: row.regionCode,
          handlingOrgId: row.handlingOrgId,
          receivedAt: opts.at.toISOString(),
        };
        await emit(etx, APPLICATION_SUBMITTED, ev, { regionCode: row.regionCode });
      },
    });
  }

  /** The applicant hands in what the correction notice asked for; the decision clock resumes. */
  async resubmit(actor: Actor, who: Who, id: number, input: { version?: number }) {
    await inTransaction(this.core.db, async (tx) => {
      const row = await this.core.own(actor, id, tx);
      await resubmitRow(this.core, tx, row, 'resubmit', who, { version: input.version, at: new Date() });
    });
    return this.detail(actor, id);
  }

  /** One application with its materials, notices, deadlines, history, sub-applications and countersigns. */
  async detail(actor: Actor, id: number) {
    const ex = executor(this.core.db);
    const row = await this.core.visible(actor, id, ex);
    const subs = row.kind === 'bundle' ? await repo.subApplications(ex, id) : [];
    // a bundle's notices include its sub-applications' (each department's decision)
    const notices = await repo.noticesOf(ex, [id, ...subs.map((x) => x.id)]);
    const history = await repo.historyOf(ex, id);
    const applicant = isApplicantOf(actor, row);
    return {
      ...(await this.core.view(actor, row, ex)),
      materials: (await repo.materialsOf(ex, id)).map(presentMaterial),
      notices: notices.map(presentNotice),
      countersigns: (await repo.countersignsOf(ex, id)).map((c) => ({
        id: c.id,
        orgId: c.orgId,
        orgName: c.orgName,
        state: c.state,
        question: c.question,
        opinion: c.opinion,
        requestedAt: c.requestedAt.toISOString(),
        answeredAt: c.answeredAt?.toISOString() ?? null,
        version: c.version,
      })),
      subApplications: await Promise.all(subs.map((s) => this.core.view(actor, s, ex))),
      history: history.map((h) => ({
        action: h.action,
        from: h.from_state,
        to: h.to_state,
        version: h.version,
        // applicants see the office, not the clerk's account
        actor: applicant ? null : h.actor_name,
        note: h.note,
        at: new Date(h.at).toISOString(),
      })),
    };
  }

  /** The caller's applications (as applicant or agent), newest first, with state, deadlines and actions. */
  async mine(actor: Actor, q: { cursor?: string; limit?: number; state?: string }) {
    const limit = Math.min(Math.max(q.limit ?? 20, 1), 100);
    const key = decodeCursor(q.cursor);
    if (key !== undefined && (key.length !== 1 || !Number.isInteger(key[0]))) {
      throw CommonErrors.VALIDATION({ fields: [{ field: 'cursor', message: '分页游标无效', messageEn: 'Invalid cursor', in: 'query' }] });
    }
    const ex = executor(this.core.db);
    const where = sql`(applicant_account_id = ${actor.id} or agent_account_id = ${actor.id}) and kind <> 'sub' ${q.state ? sql`and state = ${q.state}` : sql``}`;
    const rows = await repo.listApplications(ex, { where, afterId: key?.[0] as number | undefined, limit });
    const page = rows.slice(0, limit);
    const notices = await repo.noticesOf(
      ex,
      page.map((r) => r.id),
    );
    const items = [];
    for (const r of page) {
      items.push({ ...(await this.core.view(actor, r, ex)), notices: notices.filter((n) => n.applicationId === r.id).map(presentNotice) });
    }
    return { items, nextCursor: rows.length > limit ? encodeCursor([page[page.length - 1].id]) : null };
  }

  // ── proxy authorisations (代办) ───────────────────────────────────────────

  async authoriseProxy(actor: Actor, who: Who, input: { agentUsername: string; validUntil: string }) {
    return inTransaction(this.core.db, async (tx) => {
      const firm = await repo.findAccount(tx, { id: actor.id });
      if (!firm || firm.kind !== 'legal' || !firm.uscc) throw ServiceErrors.PROXY_FIRM_ONLY();
      const agent = await repo.findAccount(tx, { username: input.agentUsername });
      if (!agent || agent.id === firm.id) throw ServiceErrors.AGENT_NOT_FOUND({ fields: [field('agentUsername', '代办人账号不存在', 'No such account')] });
      const until = new Date(input.validUntil);
      if (until.getTime() <= Date.now()) throw CommonErrors.VALIDATION({ fields: [field('validUntil', '有效期须晚于现在', 'Must be in the future')] });
      const row = await repo.insertProxy(tx, { firmUscc: firm.uscc, firmName: firm.display_name, firmAccountId: firm.id, agentAccountId: agent.id, agentName: agent.display_name, validUntil: until });
      await recordAudit(tx, who, { action: 'proxy.authorise', entityType: 'proxy_authorisation', entityId: row.id, regionCode: null, after: { agent: agent.username, validUntil: until.toISOString() } });
      return presentProxy(row);
    });
  }

  /** The firm withdraws an authorisation; the agent can no longer apply or submit for it. */
  async revokeProxy(actor: Actor, who: Who, id: number) {
    return inTransaction(this.core.db, async (tx) => {
      const row = await repo.revokeProxy(tx, id, actor.id);
      if (!row) throw CommonErrors.NOT_FOUND();
      await recordAudit(tx, who, { action: 'proxy.revoke', entityType: 'proxy_authorisation', entityId: row.id, regionCode: null, before: { revokedAt: null }, after: { revokedAt: row.revokedAt?.toISOString() } });
      return presentProxy(row);
    });
  }

  async proxies(actor: Actor) {
    return { items: (await repo.proxiesOf(executor(this.core.db), actor.id)).map(presentProxy) };
  }
}

/** The one form must satisfy its fields (a bundle's merged form) before submission and acceptance. */
export function checkForm(row: repo.ApplicationRow): void {
  const problems = formProblems((row.itemSnapshot as ItemSnapshot).formFields ?? [], (row.formData ?? {}) as Record<string, unknown>);
  if (problems.length) throw CommonErrors.VALIDATION({ fields: problems });
}

export function presentProxy(p: repo.ProxyRow) {
  return {
    id: p.id,
    firmUscc: p.firmUscc,
    firmName: p.firmName,
    agentAccountId: p.agentAccountId,
    agentName: p.agentName,
    validUntil: p.validUntil.toISOString(),
    revokedAt: p.revokedAt?.toISOString() ?? null,
    valid: p.revokedAt === null && p.validUntil.getTime() > Date.now(),
  };
}

/** Hands in the corrections (online or at the window): everything the notice listed must now be in. */
export async function resubmitRow(core: ServicesCore, tx: Executor, row: repo.ApplicationRow, action: 'resubmit' | 'receiveCorrection', who: Who, opts: { version?: number; at: Date }) {
  const notices = await repo.noticesOf(tx, [row.id]);
  const notice = notices.find((n) => n.kind === 'correction');
  const listed = new Set(((notice?.content as { missing?: { key: string }[] })?.missing ?? []).map((m) => m.key));
  const materials = await repo.materialsOf(tx, row.id);
  const still = materials.filter((m) => listed.has(m.key) && m.status === 'missing');
  if (row.state === 'correction' && still.length) {
    throw ServiceErrors.STILL_MISSING({
      vars: { names: still.map((m) => m.name).join('、') },
      fields: still.map((m) => field(`materials.${m.key}`, `请补正：${m.name}`, `Still missing: ${m.name}`)),
    });
  }
  await core.transition(row.id, action, who, { version: opts.version, input: { at: opts.at.toISOString() } });
}


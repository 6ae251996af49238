/**
 * Issuing and managing e-licences. Each write is one transaction: authorise →
 * load → rules → persist → history → audit → outbox event → holder notice.
 */
import { createHash } from 'node:crypto';
import { canAct, type Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { decodeCursor, executor, inTransaction, paginate, type Db, type Executor, type Page } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import { scopeCondition } from '../org/index.ts';
import { notify } from '../../platform/notify/index.ts';
import { availableActions, type Workflows } from '../../platform/workflow/index.ts';
import { LicenseErrors } from './licenses.errors.ts';
import { activeSigningKey } from './licenses.keys.ts';
import { renderCertificate } from './licenses.pdf.ts';
import * as repo from './licenses.repository.ts';
import { STATE_LABELS, verifyPathOf, type SignedLicenceDocument } from './licenses.rules.ts';
import type { HolderKind, LicenseState } from './licenses.schema.ts';
import { buildLicence, checkHolder, checkIssue, issuedRecords, validityOf, type HolderInput, type IssueInput } from './licenses.issue.ts';
import { LICENSE_WORKFLOW, type LicenseAction } from './licenses.workflow.ts';
import { DEFAULT_RENEWAL_DAYS, expireDue, licenseStore, recordTransition, remindRenewals, todayInChina, TOPIC_ISSUED } from './licenses.lifecycle.ts';

export { TOPIC_ISSUED, TOPIC_STATE_CHANGED, TOPIC_RENEWAL_DUE, DEFAULT_RENEWAL_DAYS } from './licenses.lifecycle.ts';



export type { HolderInput, IssueInput } from './licenses.issue.ts';

export interface LicenseView {
  id: string;
  licenceNo: string;
  type: string;
  holder: { kind: HolderKind; name: string; idNumber: string; accountId: number | null };
  issuer: { orgId: number | null; name: string; code: string };
  regionCode: string;
  issuedAt: string;
  validFrom: string;
  validUntil: string | null;
  state: LicenseState;
  stateLabel: { zh: string; en: string };
  version: number;
  applicationNo: string | null;
  itemName: string | null;
  keyId: string;
  transferredFrom: string | null;
  transferredTo: string | null;
  downloads: { json: string; pdf: string };
  verifyPath: string;
}

export const iso = (v: string | Date) => new Date(v).toISOString();

export function present(r: repo.LicenseRow): LicenseView {
  return {
    id: r.id,
    licenceNo: r.licence_no,
    type: r.type_name,
    holder: { kind: r.holder_kind, name: r.holder_name, idNumber: r.holder_id_number, accountId: r.holder_account_id },
    issuer: { orgId: r.issuer_org_id, name: r.issuer_name, code: r.issuer_code },
    regionCode: r.region_code,
    issuedAt: iso(r.issued_at),
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    state: r.state,
    stateLabel: STATE_LABELS[r.state],
    version: r.version,
    applicationNo: r.application_no,
    itemName: r.item_name,
    keyId: r.key_id,
    transferredFrom: r.transferred_from,
    transferredTo: r.transferred_to,
    downloads: { json: `/api/licenses/${r.id}/document.json`, pdf: `/api/licenses/${r.id}/document.pdf` },
    verifyPath: verifyPathOf(r.licence_no),
  };
}

export const documentOf = (r: repo.LicenseRow): SignedLicenceDocument => ({ payload: r.payload, signature: { alg: 'EdDSA', kid: r.key_id, value: r.signature } });


export class LicenseService {
  constructor(private readonly ctx: { db: Db; workflows: Workflows }) {}

  /**
   * Issues a licence. With an application number it is idempotent: a second
   * call for the same application and type returns the first licence
   * (`created: false`). `allowNewType` creates an unknown type on the fly.
   */
  async issue(input: IssueInput, who: AuditWho, opts: { allowNewType?: boolean } = {}): Promise<{ license: LicenseView; created: boolean }> {
    const checked = checkIssue(input);
    const typeName = input.type.trim();
    return inTransaction(this.ctx.db, async (tx) => {
      let type = await repo.typeByName(tx, typeName);
      if (!type) {
        if (!opts.allowNewType) {
          throw LicenseErrors.UNKNOWN_TYPE({ vars: { type: typeName }, fields: [{ field: 'type', message: `未知的证照类型：${typeName}`, messageEn: `Unknown licence type: ${typeName}` }] });
        }
        type = await repo.createLocalType(tx, typeName, input.validYears ?? null);
      }
      if (input.applicationNo) {
        const existing = await repo.byApplication(tx, input.applicationNo, type.id);
        if (existing) return { license: present(existing), created: false };
      }
      validityOf(input, type, input.issuedAt ?? new Date()); // bad validity fails before a serial is drawn
      const serialNo = await repo.nextSerial(tx);
      const licence = buildLicence(checked, type, serialNo, await activeSigningKey(this.ctx.db));
      const id = await repo.insertLicense(tx, licence);
      if (!id) {
        // a concurrent delivery of the same approval won the insert
        const existing = await repo.byApplication(tx, input.applicationNo!, type.id);
        return { license: present(existing!), created: false };
      }
      const row = (await repo.byId(tx, id))!;
      const rec = issuedRecords(id, licence, who);
      await repo.insertEvent(tx, rec.event);
      await recordAudit(tx, who, rec.audit);
      await emit(tx, TOPIC_ISSUED, rec.issued, { regionCode: licence.regionCode });
      await notify(tx, rec.notices);
      return { license: present(row), created: true };
    });
  }

  /** A licence its holder or a manager in scope may see; anyone else gets "not found". */
  private async visible(ex: Executor, id: string, actor: Actor): Promise<repo.LicenseRow> {
    const row = await repo.byId(ex, id);
    if (!row) throw CommonErrors.NOT_FOUND();
    if (canAct(actor, 'license:manage', { regionCode: row.region_code, orgIds: row.issuer_org_id === null ? [] : [row.issuer_org_id] })) return row;
    if (actor.id > 0 && row.holder_account_id === actor.id) return row;
    if (actor.kind !== 'staff' && actor.id > 0 && (await repo.accountIdNumbers(ex, actor.id)).includes(row.holder_id_number)) return row;
    throw CommonErrors.NOT_FOUND();
  }

  async get(id: string, actor: Actor) {
    const ex = executor(this.ctx.db);
    const row = await this.visible(ex, id, actor);
    const events = await repo.eventsOf(ex, id);
    const subject = { state: row.state, version: row.version, regionCode: row.region_code, orgIds: row.issuer_org_id === null ? [] : [row.issuer_org_id] };
    return {
      ...present(row),
      history: events.map((e) => ({ action: e.action, fromState: e.from_state, toState: e.to_state, reason: e.reason, actor: e.actor_name, at: iso(e.at), data: e.data })),
      actions: availableActions(LICENSE_WORKFLOW, subject, actor).filter((a) => a.action !== 'expire'),
    };
  }

  async document(id: string, actor: Actor): Promise<SignedLicenceDocument> {
    return documentOf(await this.visible(executor(this.ctx.db), id, actor));
  }

  /** The certificate PDF: rendered and signed on first download, then served byte-identical. */
  async pdf(id: string, actor: Actor, origin: string): Promise<{ pdf: Buffer; licenceNo: string }> {
    const ex = executor(this.ctx.db);
    const row = await this.visible(ex, id, actor);
    const stored = await repo.storedPdf(ex, id);
    if (stored) return { pdf: stored.pdf, licenceNo: row.licence_no };
    const pdf = await renderCertificate(documentOf(row), { origin, key: await activeSigningKey(this.ctx.db) });
    await inTransaction(this.ctx.db, (tx) => repo.storePdf(tx, id, pdf, createHash('sha256').update(pdf).digest('hex')));
    // a concurrent first download may have stored its own rendering first: serve what is stored
    const now = await repo.storedPdf(ex, id);
    return { pdf: now?.pdf ?? pdf, licenceNo: row.licence_no };
  }

  /** The caller's own licences (as holder, by account or by the identifier the account registered with). */
  async mine(actor: Actor): Promise<LicenseView[]> {
    const ex = executor(this.ctx.db);
    const rows = await repo.listForHolder(ex, { accountId: actor.id, idNumbers: actor.kind === 'staff' ? [] : await repo.accountIdNumbers(ex, actor.id) });
    return rows.map(present);
  }

  async list(actor: Actor, f: { state?: LicenseState; q?: string; cursor?: string; limit?: number }): Promise<Page<LicenseView>> {
    const limit = f.limit ?? 50;
    const key = decodeCursor(f.cursor);
    if (key && !(key.length === 2 && typeof key[0] === 'string' && typeof key[1] === 'string')) decodeCursor('!');
    const rows = await repo.listScoped(executor(this.ctx.db), scopeCondition(actor, 'license:manage', repo.SCOPE_COLS), {
      state: f.state,
      q: f.q?.trim() || undefined,
      after: key as [string, string] | undefined,
      limit,
    });
    const page = paginate(rows, limit, (r) => [iso(r.issued_at), r.id]);
    return { items: page.items.map(present), nextCursor: page.nextCursor };
  }

  async types() {
    return (await repo.listTypes(executor(this.ctx.db))).map((t) => ({
      id: t.id,
      name: t.name,
      nameEn: t.name_en,
      code: `${t.defining_uscc}${t.type_number}`,
      definingBody: t.defining_body,
      defaultValidYears: t.default_valid_years,
    }));
  }

  /** Revoke, cancel, withdraw or transfer (to `newHolder`, who gets a new licence) with a reason. */
  async act(
    id: string,
    action: Exclude<LicenseAction, 'expire'>,
    who: AuditWho & { actor: Actor },
    body: { reason: string; expectedVersion?: number; newHolder?: HolderInput },
  ): Promise<{ license: LicenseView; newLicense: LicenseView | null }> {
    return inTransaction(this.ctx.db, async (tx) => {
      const row = await repo.byId(tx, id);
      if (!row) throw CommonErrors.NOT_FOUND();
      let newHolder: HolderInput | undefined;
      if (action === 'transfer' && body.newHolder && canAct(who.actor, 'license:manage', { regionCode: row.region_code, orgIds: row.issuer_org_id === null ? [] : [row.issuer_org_id] })) {
        newHolder = checkHolder(body.newHolder, 'newHolder');
        if (newHolder.idNumber === row.holder_id_number) {
          throw LicenseErrors.SAME_HOLDER({ fields: [{ field: 'newHolder.idNumber', message: '受让方不能与原持证主体相同', messageEn: 'Must differ from the current holder' }] });
        }
      }
      let created: LicenseView | null = null;
      await this.ctx.workflows.transition(LICENSE_WORKFLOW, licenseStore, id, action, {
        expectedVersion: body.expectedVersion,
        input: { reason: body.reason?.trim() ?? '', ...(action === 'transfer' ? { newHolder: newHolder ?? null } : {}) },
        note: body.reason,
        who,
        effect: async (etx, r) => {
          if (newHolder) {
            const issued = await this.issue(
              {
                type: row.type_name,
                holder: newHolder,
                issuer: { orgId: row.issuer_org_id, name: row.issuer_name, regionCode: row.region_code, uscc: row.issuer_code.length === 18 ? row.issuer_code : null },
                validFrom: todayInChina() > row.valid_from ? todayInChina() : row.valid_from,
                validUntil: row.valid_until,
                itemName: row.item_name,
                transferredFrom: id,
              },
              who,
            );
            created = issued.license;
          }
          await recordTransition(etx, row, action, r.from, r.to, body.reason, who, { transferredTo: created?.id });
        },
      });
      return { license: present((await repo.byId(tx, id))!), newLicense: created };
    });
  }

  /** Marks valid licences past their last day as expired (the daily job). Returns how many. */
  expireDue(today?: string, batch?: number): Promise<number> {
    return expireDue(this.ctx, today, batch);
  }

  /** Renewal reminders for valid licences ending within `days` days. Returns how many. */
  remindRenewals(days = DEFAULT_RENEWAL_DAYS, today?: string, batch?: number): Promise<number> {
    return remindRenewals(this.ctx, days, today, batch);
  }
}

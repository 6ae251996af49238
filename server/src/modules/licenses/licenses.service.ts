/**
 * Issuing and managing e-licences. Each write is one transaction: authorise →
 * load → rules → persist → history → audit → outbox event → holder notice.
 */
import { createHash } from 'node:crypto';
import { canAct, type Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { decodeCursor, executor, inTransaction, paginate, type Db, type Executor, type Page } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { buildLicenseId, requireValid, validateRegionCode, validateResidentId, validateUscc } from '../../platform/ids/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import { scopeCondition } from '../org/index.ts';
import { notify } from '../../platform/notify/index.ts';
import { availableActions, type Workflows } from '../../platform/workflow/index.ts';
import { LicenseErrors } from './licenses.errors.ts';
import { activeSigningKey } from './licenses.keys.ts';
import { renderCertificate } from './licenses.pdf.ts';
import * as repo from './licenses.repository.ts';
import { chinaDateOf, DOCUMENT_SCHEMA, signPayload, STATE_LABELS, validUntilOf, verifyPathOf, type LicencePayload, type SignedLicenceDocument } from './licenses.rules.ts';
import type { HolderKind, LicenseState } from './licenses.schema.ts';
import { LICENSE_WORKFLOW, type LicenseAction } from './licenses.workflow.ts';
import { DEFAULT_RENEWAL_DAYS, expireDue, holderNotice, licenseStore, recordTransition, remindRenewals, todayInChina, TOPIC_ISSUED } from './licenses.lifecycle.ts';

export { TOPIC_ISSUED, TOPIC_STATE_CHANGED, TOPIC_RENEWAL_DUE, DEFAULT_RENEWAL_DAYS } from './licenses.lifecycle.ts';



export interface HolderInput {
  kind: HolderKind;
  name: string;
  idNumber: string;
  accountId?: number | null;
}

export interface IssueInput {
  /** Licence type name, e.g. 营业执照. */
  type: string;
  /** Years of validity; null = long-term; undefined = the type's default. Ignored when validUntil is given. */
  validYears?: number | null;
  validFrom?: string;
  /** Explicit last day (null = long-term). */
  validUntil?: string | null;
  holder: HolderInput;
  issuer: { orgId?: number | null; name: string; regionCode: string; uscc?: string | null };
  applicationId?: number | null;
  applicationNo?: string | null;
  itemName?: string | null;
  issuedAt?: Date;
  transferredFrom?: string | null;
}

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


function checkHolder(h: HolderInput, field: string): HolderInput {
  const raw = String(h.idNumber ?? '');
  const idNumber = h.kind === 'person' ? requireValid(validateResidentId(raw), `${field}.idNumber`) : requireValid(validateUscc(raw), `${field}.idNumber`);
  const name = h.name.trim();
  if (!name) throw CommonErrors.VALIDATION({ fields: [{ field: `${field}.name`, message: '不能为空', messageEn: 'Required' }] });
  return { ...h, idNumber, name };
}

function issuerCodeOf(issuer: IssueInput['issuer']): string {
  if (issuer.uscc) return requireValid(validateUscc(issuer.uscc), 'issuer.uscc');
  const county = issuer.regionCode.trim().slice(0, 6);
  return requireValid(validateRegionCode(county), 'issuer.regionCode');
}

export class LicenseService {
  constructor(private readonly ctx: { db: Db; workflows: Workflows }) {}

  /**
   * Issues a licence. With an application number it is idempotent: a second
   * call for the same application and type returns the first licence
   * (`created: false`). `allowNewType` creates an unknown type on the fly.
   */
  async issue(input: IssueInput, who: AuditWho, opts: { allowNewType?: boolean } = {}): Promise<{ license: LicenseView; created: boolean }> {
    const holder = checkHolder(input.holder, 'holder');
    const issuerCode = issuerCodeOf(input.issuer);
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
      const issuedAt = input.issuedAt ?? new Date();
      const validFrom = input.validFrom ?? chinaDateOf(issuedAt);
      const validUntil = input.validUntil !== undefined ? input.validUntil : validUntilOf(validFrom, input.validYears !== undefined ? input.validYears : type.default_valid_years);
      if (validUntil !== null && validUntil < validFrom) {
        throw LicenseErrors.INVALID_VALIDITY({ fields: [{ field: 'validUntil', message: '截止日期不能早于起始日期', messageEn: 'Must not be before validFrom' }] });
      }
      const serial = `${validFrom.slice(0, 4)}${String(await repo.nextSerial(tx)).padStart(8, '0')}`;
      const licenceNo = buildLicenseId({ definingUscc: type.defining_uscc, typeNumber: type.type_number, issuer: issuerCode, serial, version: 1 });
      const regionCode = input.issuer.regionCode.trim();
      const payload: LicencePayload = {
        schema: DOCUMENT_SCHEMA,
        licenceNo,
        type: { code: `${type.defining_uscc}${type.type_number}`, name: type.name },
        holder: { kind: holder.kind, name: holder.name, idNumber: holder.idNumber },
        issuer: { name: input.issuer.name, code: issuerCode, regionCode },
        issuedAt: issuedAt.toISOString(),
        validFrom,
        validUntil,
        applicationNo: input.applicationNo ?? null,
        itemName: input.itemName ?? null,
        verifyPath: verifyPathOf(licenceNo),
      };
      const key = await activeSigningKey(this.ctx.db);
      const signed = signPayload(key.privateKey, key.kid, payload);
      const id = await repo.insertLicense(tx, {
        licenceNo,
        typeId: type.id,
        typeName: type.name,
        holderKind: holder.kind,
        holderName: holder.name,
        holderIdNumber: holder.idNumber,
        holderAccountId: holder.accountId ?? null,
        issuerOrgId: input.issuer.orgId ?? null,
        issuerName: input.issuer.name,
        issuerCode,
        regionCode,
        issuedAt: payload.issuedAt,
        validFrom,
        validUntil,
        applicationId: input.applicationId ?? null,
        applicationNo: input.applicationNo ?? null,
        itemName: input.itemName ?? null,
        payload,
        signature: signed.signature.value,
        keyId: key.kid,
        transferredFrom: input.transferredFrom ?? null,
      });
      if (!id) {
        // a concurrent delivery of the same approval won the insert
        const existing = await repo.byApplication(tx, input.applicationNo!, type.id);
        return { license: present(existing!), created: false };
      }
      const row = (await repo.byId(tx, id))!;
      await repo.insertEvent(tx, {
        licenseId: id,
        action: input.transferredFrom ? 'issue_transfer' : 'issue',
        fromState: null,
        toState: 'valid',
        reason: null,
        actorId: who.actor.id > 0 ? who.actor.id : null,
        actorName: who.actor.username,
        data: { applicationNo: row.application_no, transferredFrom: input.transferredFrom ?? null },
        regionCode,
      });
      await recordAudit(tx, who, { action: 'license.issue', entityType: 'license', entityId: id, regionCode, after: { licenceNo, type: type.name, holder: holder.name, validFrom, validUntil } });
      await emit(
        tx,
        TOPIC_ISSUED,
        {
          licenseId: id,
          licenceNo,
          type: type.name,
          holder: { kind: holder.kind, name: holder.name, idNumber: holder.idNumber, accountId: holder.accountId ?? null },
          issuer: { orgId: input.issuer.orgId ?? null, name: input.issuer.name, code: issuerCode },
          applicationNo: input.applicationNo ?? null,
          validFrom,
          validUntil,
          transferredFrom: input.transferredFrom ?? null,
        },
        { regionCode },
      );
      await notify(
        tx,
        holderNotice(row, 'license.issued', [`电子证照已签发：${type.name}`, `E-licence issued: ${type.name}`], [
          `证照标识 ${licenceNo}，可在“我的证照”中下载。`,
          `Licence ${licenceNo} is ready to download under “My licences”.`,
        ]),
      );
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

/**
 * Open311 GeoReport v2 commands and queries over the cases module (through
 * CasesPort). Each write is one transaction: key check → validation → case
 * intake or transition (cases' own audit, clock and events) → Open311 record
 * → audit entry.
 */
import crypto from 'node:crypto';
import { canAct, permissionsOf, regionPrefix, type Actor, type Role } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { executor, inTransaction, type Db, type Tx } from '../../platform/db/index.ts';
import { CommonErrors } from '../../platform/errors/index.ts';
import { Open311Errors } from './open311.errors.ts';
import {
  Open311Error,
  checkJurisdiction,
  definitionProblems,
  one,
  parseAttributes,
  parseLocation,
  parseRequestFilter,
  parseW3Date,
  validateAttributes,
  type AttributeDef,
  type FormBody,
  type Open311Settings,
  type SpecError,
} from './open311.rules.ts';
import { KeyService, type KeyCaller } from './keys.service.ts';
import type { CaseView, CasesPort } from './open311.port.ts';
import * as present from './open311.present.ts';
import * as repo from './open311.repository.ts';

export interface CallerInfo {
  ip?: string;
  requestId?: string;
  /** The Idempotency-Key header of a POST: a retry returns the first answer. */
  idempotencyKey?: string;
}

/** The actor a key acts as inside the cases workflow: a machine with one role, scoped to the key's region or department. */
export function keyActor(key: KeyCaller, role: Role): Actor {
  const grants = [{ role, regionCode: key.regionCode, orgId: role === 'handler' ? key.orgId : null }];
  return { id: 0, username: `open311:${key.name}#${key.id}`, kind: 'staff', displayName: key.name, grants, permissions: permissionsOf(grants), via: 'token' };
}

const bad = (errors: SpecError[]) => new Open311Error(400, errors);
const err400 = (zh: string, en: string): SpecError => ({ code: 400, description: `${zh} (${en})` });

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const PHONE = /^\+?[\d\s-]{5,20}$/;
const URL_RE = /^https?:\/\/\S{1,2000}$/;

export class Open311Service {
  constructor(
    private readonly db: Db,
    private readonly cases: CasesPort,
    readonly settings: Open311Settings,
  ) {}

  // ── services ──

  async services(q: FormBody) {
    checkJurisdiction(this.settings, q.jurisdiction_id);
    const cats = await this.cases.categories();
    const withAttrs = await repo.codesWithAttributes(executor(this.db));
    return cats.map((c) => present.service(c, withAttrs.has(c.code)));
  }

  private async category(code: string) {
    const c = (await this.cases.categories()).find((x) => x.code === code);
    if (!c) throw Open311Errors.SERVICE_NOT_FOUND({ vars: { code } });
    return c;
  }

  async definition(code: string, q: FormBody) {
    checkJurisdiction(this.settings, q.jurisdiction_id);
    await this.category(code);
    const def = await repo.definitionOf(executor(this.db), code);
    return present.definition(code, def?.attributes ?? []);
  }

  // ── requests ──

  async submit(body: FormBody, who: CallerInfo) {
    checkJurisdiction(this.settings, body.jurisdiction_id);
    return inTransaction(this.db, async (tx) => {
      const key = await KeyService.authenticate(tx, one(body, 'api_key'), 'submit');
      const code = one(body, 'service_code');
      if (!code) throw bad([err400('缺少 service_code', 'service_code is required')]);
      const cat = await this.category(code);
      const def = await repo.definitionOf(tx, code);
      const errors: SpecError[] = [];
      const { location, errors: locErrors } = parseLocation(body);
      errors.push(...locErrors);
      const attrs = validateAttributes(def?.attributes ?? [], parseAttributes(body as Record<string, unknown>));
      errors.push(...attrs.errors);
      const description = one(body, 'description');
      if (description && description.length > 4000) errors.push(err400('description 不能超过 4000 个字符', 'description is at most 4000 characters'));
      const email = one(body, 'email');
      if (email && !EMAIL.test(email)) errors.push(err400('email 格式不正确', 'email is not a valid address'));
      const phone = one(body, 'phone');
      if (phone && !PHONE.test(phone)) errors.push(err400('phone 格式不正确', 'phone is not a valid number'));
      const mediaUrl = one(body, 'media_url');
      if (mediaUrl && !URL_RE.test(mediaUrl)) errors.push(err400('media_url 须为 http(s) 地址', 'media_url must be an http(s) URL'));
      const accountId = one(body, 'account_id');
      if (who.idempotencyKey !== undefined && (who.idempotencyKey.length < 1 || who.idempotencyKey.length > 200)) {
        errors.push(err400('Idempotency-Key 须为 1–200 个字符', 'Idempotency-Key must have 1 to 200 characters'));
      }
      const deviceId = one(body, 'device_id');
      for (const [k, v] of [['account_id', accountId], ['device_id', deviceId], ['first_name', one(body, 'first_name')], ['last_name', one(body, 'last_name')]] as const) {
        if (v && v.length > 100) errors.push(err400(`${k} 不能超过 100 个字符`, `${k} is at most 100 characters`));
      }
      if (errors.length > 0) throw bad(errors);

      const name = [one(body, 'last_name'), one(body, 'first_name')].filter(Boolean).join('') || null;
      const details = this.attributeLines(def?.attributes ?? [], attrs.values);
      if (location.addressId) details.push(`地址编号 address_id：${location.addressId}`);
      if (email) details.push(`电子邮箱 email：${email}`);
      const auditWho: AuditWho & { actor: Actor } = { actor: keyActor(key, 'grid_worker'), ip: who.ip, requestId: who.requestId };
      const { case: c, created } = await this.cases.intake(auditWho, {
        serviceCode: code,
        description: description ?? cat.name,
        lat: location.lat,
        long: location.long,
        address: location.addressString,
        requesterName: name,
        requesterPhone: phone ?? null,
        details,
        // per key, so two clients' keys never meet
        externalRef: who.idempotencyKey ? `open311:${key.id}:${who.idempotencyKey}` : null,
      });
      if (!created) {
        const [prior] = [...(await repo.requestsOfCases(tx, [c.id])).values()];
        if (prior) return [{ service_request_id: prior.service_request_id, service_notice: present.serviceNotice(c), account_id: prior.account_id, token: prior.token }];
      }
      const token = crypto.randomBytes(12).toString('base64url');
      await repo.insertRequest(tx, {
        caseId: c.id,
        serviceRequestId: c.caseNo,
        token,
        serviceCode: code,
        keyId: key.id,
        attributes: attrs.values,
        mediaUrl: mediaUrl ?? null,
        accountId: accountId ?? null,
        deviceId: deviceId ?? null,
        regionCode: c.regionCode,
      });
      await recordAudit(tx, auditWho, {
        action: 'open311.request_submitted',
        entityType: 'case',
        entityId: c.id,
        regionCode: c.regionCode,
        after: { serviceRequestId: c.caseNo, serviceCode: code, keyId: key.id, token, attributes: attrs.values, mediaUrl: mediaUrl ?? null },
      });
      return [{ service_request_id: c.caseNo, service_notice: present.serviceNotice(c), account_id: accountId ?? null, token }];
    });
  }

  /** Attribute values as readable lines for the case description (`名称：值`). */
  private attributeLines(defs: AttributeDef[], values: Record<string, unknown>): string[] {
    return defs
      .filter((d) => values[d.code] !== undefined)
      .sort((a, b) => a.order - b.order)
      .map((d) => {
        const v = values[d.code];
        const names = (Array.isArray(v) ? v : [v]).map((x) => d.values.find((o) => o.key === String(x))?.name ?? String(x));
        return `${d.description}：${names.join('、')}`;
      });
  }

  private async render(cases: CaseView[]) {
    const ex = executor(this.db);
    const ids = cases.map((c) => c.id);
    const requests = await repo.requestsOfCases(ex, ids);
    const notes = await repo.notesOf(ex, ids);
    // a department's note stands until the next one; a workflow note only while the case is still in the state it describes;
    // once closed, what the department did (its last note) says more than the closing step's own label
    const noteOf = (c: CaseView) => {
      const list = notes.get(c.id) ?? [];
      const done = c.state === 'closed' || c.state === 'evaluated' ? list.find((n) => n.source === 'department') : undefined;
      return (done ?? list.find((n) => n.source === 'department' || n.caseState === c.state))?.description;
    };
    return cases.map((c) => present.serviceRequest(c, { request: requests.get(c.id), note: noteOf(c) }));
  }

  private inJurisdiction(c: CaseView) {
    return c.regionCode.startsWith(regionPrefix(this.settings.regionCode));
  }

  /** What Open311 clients may read: located cases of this jurisdiction (not 12345 calls or complaints). */
  private visible(c: CaseView) {
    return c.isService && this.inJurisdiction(c);
  }

  async request(id: string, q: FormBody) {
    checkJurisdiction(this.settings, q.jurisdiction_id);
    const found = (await this.cases.byNumbers([id])).filter((c) => this.visible(c));
    if (found.length === 0) throw Open311Errors.REQUEST_NOT_FOUND({ vars: { id } });
    return this.render(found);
  }

  async requests(q: FormBody, now = new Date()) {
    checkJurisdiction(this.settings, q.jurisdiction_id);
    const f = parseRequestFilter(q, this.settings, now);
    if (f.ids) {
      const found = (await this.cases.byNumbers(f.ids.slice(0, f.limit))).filter((c) => this.visible(c));
      return this.render(found);
    }
    const closed = f.statuses && f.statuses.length === 1 ? f.statuses[0] === 'closed' : null;
    const found = await this.cases.search({ serviceCodes: f.serviceCodes, closed, from: f.from, to: f.to, limit: f.limit, regionCode: this.settings.regionCode });
    return this.render(found);
  }

  async token(token: string, q: FormBody) {
    checkJurisdiction(this.settings, q.jurisdiction_id);
    const row = await repo.requestByToken(executor(this.db), token);
    if (!row) throw Open311Errors.TOKEN_NOT_FOUND({ vars: { token } });
    return [{ service_request_id: row.service_request_id, token: row.token }];
  }

  // ── status updates both ways ──

  /** A department's own system reports progress on a case it leads. */
  async postUpdate(body: FormBody, who: CallerInfo, now = new Date()) {
    checkJurisdiction(this.settings, body.jurisdiction_id);
    return inTransaction(this.db, async (tx) => {
      const key = await KeyService.authenticate(tx, one(body, 'api_key'), 'update');
      const errors: SpecError[] = [];
      const id = one(body, 'service_request_id');
      if (!id) errors.push(err400('缺少 service_request_id', 'service_request_id is required'));
      const status = one(body, 'status')?.toLowerCase();
      if (!status) errors.push(err400('缺少 status', 'status is required'));
      else if (status !== 'open' && status !== 'closed') errors.push(err400(`status 只能为 open 或 closed：${status}`, `status must be open or closed: ${status}`));
      const note = one(body, 'description') ?? one(body, 'status_notes');
      if (status === 'closed' && !note) errors.push(err400('办结时须填写 description（处置结果）', 'description (the result) is required when closing'));
      if (note && note.length > 4000) errors.push(err400('description 不能超过 4000 个字符', 'description is at most 4000 characters'));
      const mediaUrl = one(body, 'media_url');
      if (mediaUrl && !URL_RE.test(mediaUrl)) errors.push(err400('media_url 须为 http(s) 地址', 'media_url must be an http(s) URL'));
      const atS = one(body, 'updated_datetime');
      const at = atS ? parseW3Date(atS) : now;
      if (!at) errors.push(err400('updated_datetime 须为 ISO 8601 日期时间', 'updated_datetime must be an ISO 8601 date-time'));
      else if (at.getTime() > now.getTime() + 5 * 60_000) errors.push(err400('updated_datetime 不能晚于当前时间', 'updated_datetime may not be in the future'));
      if (errors.length > 0 || !id || !at) throw bad(errors);

      // only service requests Open311 clients can see (not 12345 calls or complaints, whose notes would then be listed)
      const [c] = (await this.cases.byNumbers([id])).filter((x) => this.visible(x));
      if (!c) throw Open311Errors.REQUEST_NOT_FOUND({ vars: { id } });
      if (key.orgId === null || !c.leadOrgPath.includes(key.orgId)) throw Open311Errors.NOT_LEAD_UNIT({ vars: { id } });
      const actor = keyActor(key, 'handler');
      const after = await this.cases.departmentUpdate(actor, c, { closed: status === 'closed', note: note ?? '', at });
      const row = await repo.insertUpdate(tx, {
        caseId: c.id,
        serviceRequestId: c.caseNo,
        status: after.closed ? 'closed' : 'open',
        caseState: after.state,
        description: note ?? null,
        mediaUrl: mediaUrl ?? null,
        source: 'department',
        keyId: key.id,
        eventId: null,
        regionCode: c.regionCode,
        updatedAt: at,
      });
      const auditWho = { actor, ip: who.ip, requestId: who.requestId };
      await recordAudit(tx, auditWho, {
        action: 'open311.update_received',
        entityType: 'case',
        entityId: c.id,
        regionCode: c.regionCode,
        before: { state: c.state },
        after: { state: after.state, reported: status, note: note ?? null, mediaUrl: mediaUrl ?? null, keyId: key.id, updatedAt: at.toISOString() },
      });
      return [present.requestUpdate(row!)];
    });
  }

  /** Status changes for polling: GET servicerequestupdates with start_date / end_date (same window and cap as requests). */
  async updates(q: FormBody, now = new Date()) {
    checkJurisdiction(this.settings, q.jurisdiction_id);
    const f = parseRequestFilter({ start_date: q.start_date, end_date: q.end_date, service_request_id: q.service_request_id }, this.settings, now);
    const rows = await repo.listUpdates(executor(this.db), { from: f.from, to: f.to, limit: f.limit, regionPrefix: regionPrefix(this.settings.regionCode), ids: f.ids });
    return rows.map(present.requestUpdate);
  }

  /**
   * Records a status change of a case made in the case workflow (outbox
   * subscriber): the state the event moved the case to, with the lead unit
   * on dispatch. Idempotent by event id.
   */
  async recordCaseChange(tx: Tx, eventId: string, caseId: number, toState: string | null, at: Date): Promise<void> {
    const c = await this.cases.byId(caseId);
    if (!c || !this.visible(c)) return;
    const state = toState ?? c.state;
    const { label, closed } = this.cases.describeState(state);
    const withLead = state === 'dispatched' && c.leadOrgName;
    await repo.insertUpdate(tx, {
      caseId: c.id,
      serviceRequestId: c.caseNo,
      status: closed ? 'closed' : 'open',
      caseState: state,
      description: withLead ? `${label.zh}：${c.leadOrgName} (${label.en}: ${c.leadOrgName})` : `${label.zh} (${label.en})`,
      mediaUrl: null,
      source: 'case',
      keyId: null,
      eventId,
      regionCode: c.regionCode,
      updatedAt: at,
    });
  }

  // ── service definitions (administration, /api/open311/services) ──

  async getDefinition(code: string) {
    await this.category(code);
    const def = await repo.definitionOf(executor(this.db), code);
    return { serviceCode: code, attributes: def?.attributes ?? [], version: def?.version ?? 0 };
  }

  async putDefinition(who: AuditWho & { actor: Actor }, code: string, attributes: AttributeDef[], version: number) {
    if (!canAct(who.actor, 'open311:manage', { regionCode: this.settings.regionCode, orgIds: [] })) throw Open311Errors.SERVICE_NOT_FOUND({ vars: { code } });
    const problems = definitionProblems(attributes);
    if (problems.length > 0) throw Open311Errors.DEFINITION_INVALID({ fields: problems.map((p) => ({ ...p, in: 'body' })) });
    return inTransaction(this.db, async (tx) => {
      await this.category(code);
      const before = await repo.definitionOf(tx, code);
      const current = before?.version ?? 0;
      if (version !== current) throw CommonErrors.VERSION_CONFLICT({ vars: { current } });
      const saved = await repo.saveDefinition(tx, code, attributes, before ? version : null, who.actor.id > 0 ? who.actor.id : null);
      if (saved === null) throw CommonErrors.VERSION_CONFLICT({ vars: { current } });
      await recordAudit(tx, who, { action: 'open311.service_defined', entityType: 'open311_service', entityId: code, regionCode: this.settings.regionCode, before: before?.attributes ?? null, after: attributes });
      return { serviceCode: code, attributes, version: saved };
    });
  }
}

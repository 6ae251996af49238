import crypto from 'node:crypto';
import { canAct, type Actor } from '../../platform/access/index.ts';
import { recordAudit, type AuditWho } from '../../platform/audit/index.ts';
import { executor, inTransaction, type Db, type Executor } from '../../platform/db/index.ts';
import { OrgService } from '../org/index.ts';
import { Open311Errors } from './open311.errors.ts';
import { KEY_PERMISSIONS, type KeyPermission } from './open311.rules.ts';
import * as repo from './keys.repository.ts';

export const hashKey = (key: string) => crypto.createHash('sha256').update(key, 'utf8').digest('hex');

/** A new random key: `o311_` and 32 random bytes (base64url). */
export const newKeyValue = () => `o311_${crypto.randomBytes(32).toString('base64url')}`;

export function presentKey(k: repo.KeyRow) {
  return {
    id: k.id,
    keyPrefix: k.key_prefix,
    name: k.name,
    orgId: k.org_id,
    regionCode: k.region_code,
    permissions: k.permissions,
    active: k.active,
    createdAt: new Date(k.created_at).toISOString(),
    revokedAt: k.revoked_at ? new Date(k.revoked_at).toISOString() : null,
    lastUsedAt: k.last_used_at ? new Date(k.last_used_at).toISOString() : null,
  };
}
export type Open311Key = ReturnType<typeof presentKey>;

export interface CreateKeyInput {
  name: string;
  /** The department whose own system uses the key (required for `update`). */
  orgId?: number | null;
  /** Region of the key (default: the department's region, else the endpoint's). */
  regionCode?: string | null;
  permissions: KeyPermission[];
  /** A chosen key value (the demo seed); otherwise a random one is made. */
  key?: string;
}

/** The caller of an Open311 write, after its api_key was checked. */
export interface KeyCaller {
  id: number;
  name: string;
  orgId: number | null;
  regionCode: string;
  permissions: KeyPermission[];
}

/** Open311 API keys: created and revoked by administrators (audited); the key itself is shown once. */
export class KeyService {
  constructor(
    private readonly db: Db,
    private readonly defaultRegion: string,
  ) {}

  async create(who: AuditWho & { actor: Actor }, input: CreateKeyInput): Promise<Open311Key & { key: string }> {
    const perms = [...new Set(input.permissions)].filter((p): p is KeyPermission => (KEY_PERMISSIONS as readonly string[]).includes(p));
    const fields = [];
    if (perms.length === 0) fields.push({ field: 'permissions', message: '至少选择一项权限（submit、update）', messageEn: 'Choose at least one permission (submit, update)' });
    if (perms.includes('update') && !input.orgId) fields.push({ field: 'orgId', message: '有更新权限的密钥必须属于一个部门', messageEn: 'A key with the update permission must belong to a department' });
    if (input.key !== undefined && input.key.length < 12) fields.push({ field: 'key', message: '密钥至少 12 个字符', messageEn: 'A key has at least 12 characters' });
    if (fields.length) throw Open311Errors.KEY_INVALID({ fields });
    return inTransaction(this.db, async (tx) => {
      let regionCode = input.regionCode ?? null;
      if (input.orgId) {
        // not found and not visible look the same
        const org = await new OrgService(this.db).getOrg(who.actor, input.orgId).catch(() => null);
        if (!org) throw Open311Errors.KEY_INVALID({ fields: [{ field: 'orgId', message: '部门不存在', messageEn: 'No such department' }] });
        regionCode ??= org.regionCode;
      }
      regionCode ??= this.defaultRegion;
      if (!canAct(who.actor, 'open311:manage', { regionCode, orgIds: [] })) {
        throw Open311Errors.KEY_INVALID({ fields: [{ field: 'regionCode', message: '超出您的管辖范围', messageEn: 'Outside your scope' }] });
      }
      const key = input.key ?? newKeyValue();
      const row = await repo.insertKey(tx, {
        keyHash: hashKey(key),
        keyPrefix: key.slice(0, 9),
        name: input.name,
        orgId: input.orgId ?? null,
        regionCode,
        permissions: perms,
        createdBy: who.actor.id > 0 ? who.actor.id : null,
      });
      if (!row) throw Open311Errors.KEY_INVALID({ fields: [{ field: 'key', message: '该密钥已存在', messageEn: 'This key already exists' }] });
      const out = presentKey(row);
      await recordAudit(tx, who, { action: 'open311.key_created', entityType: 'open311_key', entityId: row.id, regionCode, after: out });
      return { ...out, key };
    });
  }

  async list(actor: Actor): Promise<Open311Key[]> {
    const rows = await repo.listKeys(executor(this.db), null);
    return rows.filter((k) => canAct(actor, 'open311:manage', { regionCode: k.region_code, orgIds: [] })).map(presentKey);
  }

  async revoke(who: AuditWho & { actor: Actor }, id: number): Promise<Open311Key> {
    return inTransaction(this.db, async (tx) => {
      const before = await repo.findKey(tx, id);
      if (!before || !canAct(who.actor, 'open311:manage', { regionCode: before.region_code, orgIds: [] })) throw Open311Errors.KEY_NOT_FOUND();
      const row = await repo.revokeKey(tx, id);
      if (!row) throw Open311Errors.KEY_REVOKED();
      const out = presentKey(row);
      await recordAudit(tx, who, { action: 'open311.key_revoked', entityType: 'open311_key', entityId: id, regionCode: row.region_code, before: presentKey(before), after: out });
      return out;
    });
  }

  /** The active key for an api_key value, or the spec's 403. */
  static async authenticate(ex: Executor, apiKey: string | undefined, need: KeyPermission): Promise<KeyCaller> {
    if (!apiKey) throw Open311Errors.API_KEY_MISSING();
    const row = await repo.useKey(ex, hashKey(apiKey));
    if (!row) throw Open311Errors.API_KEY_INVALID();
    if (!row.permissions.includes(need)) throw need === 'submit' ? Open311Errors.API_KEY_NO_SUBMIT() : Open311Errors.API_KEY_NO_UPDATE();
    return { id: row.id, name: row.name, orgId: row.org_id, regionCode: row.region_code, permissions: row.permissions };
  }
}

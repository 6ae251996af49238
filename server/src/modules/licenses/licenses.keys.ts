/**
 * Ed25519 signing keys, kept in `signing_keys` so that every process of a
 * deployment signs with the same key and publishes the same JWKS. The first
 * signature generates a key (under an advisory lock, so two processes do not
 * both create one); rotation retires the current key, which stays in the JWKS
 * so documents it signed still verify.
 */
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { executor, inTransaction, query, sql, type Db, type Executor } from '../../platform/db/index.ts';
import type { Jwks, PublicJwk } from './licenses.rules.ts';

export interface ActiveKey {
  kid: string;
  privateKey: KeyObject;
}

/** RFC 7638 thumbprint of an Ed25519 public key: the key id. */
export function thumbprint(x: string): string {
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

const CACHE_MS = 60_000;
const cache = new WeakMap<object, { key: ActiveKey; at: number }>();

async function loadActive(ex: Executor): Promise<ActiveKey | null> {
  const [row] = await query<{ kid: string; private_key: string }>(
    ex,
    sql`select kid, private_key from signing_keys where retired_at is null order by created_at desc, kid limit 1`,
  );
  return row ? { kid: row.kid, privateKey: createPrivateKey(row.private_key) } : null;
}

async function createKey(ex: Executor): Promise<ActiveKey> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const { x } = publicKey.export({ format: 'jwk' }) as { x: string };
  const kid = thumbprint(x);
  const jwk: PublicJwk = { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' };
  await ex.execute(sql`insert into signing_keys (kid, alg, public_jwk, private_key)
    values (${kid}, 'EdDSA', ${JSON.stringify(jwk)}::jsonb, ${privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()})`);
  return { kid, privateKey };
}

/** The key to sign with now; creates the deployment's first key when there is none. */
export async function activeSigningKey(db: Db): Promise<ActiveKey> {
  const hit = cache.get(db);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.key;
  const ex = executor(db);
  let key = await loadActive(ex);
  if (!key) {
    key = await inTransaction(db, async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tongban.signing_keys'))`);
      return (await loadActive(tx)) ?? (await createKey(tx));
    });
  }
  // inside a transaction the key may yet roll back with it: cache only what is committed
  if (executor(db) === db) cache.set(db, { key, at: Date.now() });
  return key;
}

/** Retires the current key and creates a new one; returns the new key id. */
export async function rotateSigningKey(db: Db): Promise<string> {
  const key = await inTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('tongban.signing_keys'))`);
    await tx.execute(sql`update signing_keys set retired_at = now() where retired_at is null`);
    return createKey(tx);
  });
  if (executor(db) === db) cache.set(db, { key, at: Date.now() });
  else cache.delete(db);
  return key.kid;
}

/** Every public key, current and retired, as a JWKS. */
export async function jwks(db: Db): Promise<Jwks> {
  const rows = await query<{ public_jwk: PublicJwk }>(executor(db), sql`select public_jwk from signing_keys order by created_at, kid`);
  return { keys: rows.map((r) => r.public_jwk) };
}

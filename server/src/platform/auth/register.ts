import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { inTransaction, pgErrorOf, query, type Db } from '../db/index.ts';
import { recordAudit } from '../audit/index.ts';
import { zResidentId, zUscc } from '../ids/index.ts';
import type { Caller } from '../http/index.ts';
import { AuthErrors } from './auth.errors.ts';
import { assertPassword, hashPassword } from './auth.service.ts';
import { insertAccount } from './accounts.ts';

const phone = z.string().trim().regex(/^1[3-9]\d{9}$/, { message: '请输入 11 位手机号码' });

/**
 * Applicant self-registration. In production the provincial identity
 * platform (OIDC) verifies real names; this is the embedded equivalent, with
 * the identifiers validated to the standard.
 */
export const RegisterSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('person'),
    name: z.string().trim().min(2).max(50),
    residentId: zResidentId,
    phone,
    password: z.string().min(1).max(200),
  }),
  z.object({
    kind: z.literal('legal'),
    name: z.string().trim().min(2).max(100),
    uscc: zUscc,
    legalRepresentative: z.string().trim().min(2).max(50),
    phone,
    password: z.string().min(1).max(200),
  }),
]);
export type RegisterInput = z.output<typeof RegisterSchema>;

export async function registerApplicant(db: Db, caller: Caller, input: RegisterInput): Promise<number> {
  const identifier = input.kind === 'person' ? input.residentId : input.uscc;
  assertPassword(input.password, identifier);
  const passwordHash = await hashPassword(input.password);
  const field = input.kind === 'person' ? 'residentId' : 'uscc';
  const what = input.kind === 'person' ? '身份证号' : '统一社会信用代码';
  const whatEn = input.kind === 'person' ? 'resident ID' : 'USCC';
  const duplicate = () =>
    AuthErrors.DUPLICATE_ACCOUNT({ vars: { what }, fields: [{ field, in: 'body', message: `该${what}已注册，请直接登录`, messageEn: `This ${whatEn} is already registered; sign in instead` }] });
  return inTransaction(db, async (tx) => {
    const existing = await query<{ id: number }>(tx, sql`select id from accounts where username = ${identifier} or resident_id = ${identifier} or uscc = ${identifier}`);
    if (existing.length) throw duplicate();
    try {
      const id = await insertAccount(tx, {
        username: identifier,
        kind: input.kind,
        displayName: input.name,
        passwordHash,
        residentId: input.kind === 'person' ? input.residentId : null,
        uscc: input.kind === 'legal' ? input.uscc : null,
        phone: input.phone,
        grants: [{ role: 'applicant', regionCode: null, orgId: null }],
      });
      await recordAudit(tx, caller, {
        action: 'auth.registered',
        entityType: 'account',
        entityId: id,
        // no identifiers or phone numbers in the audit payload: it is read by many staff
        after: { kind: input.kind, name: input.name },
      });
      return id;
    } catch (e) {
      if (pgErrorOf(e)?.code === '23505') throw duplicate();
      throw e;
    }
  });
}

/**
 * zod 4 schemas for request fields that carry an identifier. Each trims and
 * upper-cases the input, outputs the normalised value, and on failure raises
 * one custom issue whose message is the specific Chinese message (e.g. the
 * expected check character). The issue's `params` carry the stable code and
 * the English message: `{ code: 'ids.USCC_CHECK', messageEn: '…' }`.
 */
import { z } from 'zod';
import type { IdResult } from './issue.ts';
import { validateLicenseId } from './license-id.rules.ts';
import { validateRegionCode } from './region.rules.ts';
import { validateResidentId } from './resident-id.rules.ts';
import { validateUscc } from './uscc.rules.ts';

function idSchema<T>(validate: (raw: string) => IdResult<T>, meta: { description: string; examples: string[] }) {
  return z
    .string()
    .transform((raw, ctx) => {
      const r = validate(raw);
      if (r.valid) return r.value;
      ctx.addIssue({ code: 'custom', message: r.error.zh, input: raw, params: { code: r.error.code, messageEn: r.error.en } });
      return z.NEVER;
    })
    .meta(meta);
}

/** Unified social credit code (GB 32100); a GB 11714 body-check mismatch is accepted (see validateUscc). */
export const zUscc = idSchema(validateUscc, {
  description: '统一社会信用代码 Unified social credit code (GB 32100), 18 characters',
  examples: ['91350100M000100Y43'],
});

/** Resident ID number (GB 11643), birth date not in the future. */
export const zResidentId = idSchema(validateResidentId, {
  description: '公民身份号码 Resident ID number (GB 11643), 18 characters',
  examples: ['34052419800101001X'],
});

/** Region code of any level (6, 9 or 12 digits); outputs the shortest form (trailing zero padding cut). */
export const zRegionCode = idSchema(validateRegionCode, {
  description: '行政区划代码 Region code (GB/T 2260; 6, 9 or 12 digits)',
  examples: ['350102', '350102001'],
});

/** E-licence identifier with its MOD 37,36 check. */
export const zLicenseId = idSchema(validateLicenseId, {
  description: '电子证照标识 E-licence identifier (1.2.156.3005.2.…)',
  examples: ['1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U'],
});

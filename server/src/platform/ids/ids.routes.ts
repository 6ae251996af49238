import { z } from 'zod';
import type { Routes } from '../http/index.ts';
import type { IdIssue, IdResult } from './issue.ts';
import { validateLicenseId } from './license-id.rules.ts';
import { validateRegionCode } from './region.rules.ts';
import { validateResidentId } from './resident-id.rules.ts';
import { validateUscc } from './uscc.rules.ts';

const ValueQuery = z.object({ value: z.string().max(1000).meta({ description: 'The identifier to check (trimmed and upper-cased first)' }) });

const IssueOut = z.object({ code: z.string(), message: z.string(), position: z.number().optional(), expected: z.string().optional() });

const AnswerSchema = z.object({
  valid: z.boolean(),
  value: z.string().meta({ description: 'The normalised input' }),
  code: z.string().optional().meta({ description: 'Stable error code when invalid, e.g. ids.USCC_CHECK' }),
  error: z.string().optional().meta({ description: "Error message in the caller's language when invalid" }),
  position: z.number().optional().meta({ description: '1-based position of the offending character' }),
  expected: z.string().optional().meta({ description: 'The check character that was expected' }),
  details: z.record(z.string(), z.unknown()).optional().meta({ description: 'Parsed parts when valid' }),
  warnings: z.array(IssueOut).optional(),
});

function issueOut(issue: IdIssue, lang: 'zh' | 'en') {
  return {
    code: issue.code,
    message: lang === 'en' ? issue.en : issue.zh,
    ...(issue.position !== undefined ? { position: issue.position } : {}),
    ...(issue.expected !== undefined ? { expected: issue.expected } : {}),
  };
}

/** The answer for one identifier: an invalid identifier is a 200 answer, not an error. */
export function presentValidation<T>(result: IdResult<T>, lang: 'zh' | 'en') {
  if (!result.valid) {
    const { code, message, ...where } = issueOut(result.error, lang);
    return { valid: false, value: result.value, code, error: message, ...where };
  }
  return { valid: true, value: result.value, details: result.details, warnings: result.warnings.map((w) => issueOut(w, lang)) };
}

const ENDPOINTS: { path: string; summary: string; description: string; validate: (v: string) => IdResult<unknown> }[] = [
  {
    path: 'uscc',
    summary: 'Check a unified social credit code (统一社会信用代码, GB 32100)',
    description:
      'Checks length, characters, registration authority, organisation kind, region and the check character. A body id that breaks the GB 11714 check is still valid but comes with the warning `ids.USCC_BODY_CHECK`.',
    validate: (v) => validateUscc(v),
  },
  {
    path: 'resident-id',
    summary: 'Check a resident ID number (公民身份号码, GB 11643)',
    description: 'Checks length, characters, province, birth date (real, from 1900, not in the future) and the check character; when valid returns birth date, sex and region.',
    validate: (v) => validateResidentId(v),
  },
  {
    path: 'region-code',
    summary: 'Check the structure of a region code (行政区划代码, 6/9/12 digits)',
    description: 'Structure only (province, zero parts, town ranges); whether the code exists in the current division list is not checked here.',
    validate: (v) => validateRegionCode(v),
  },
  {
    path: 'license-id',
    summary: 'Check an e-licence identifier (电子证照标识) and its ISO 7064 MOD 37,36 check',
    description: 'The check covers type code + issuer + serial + version with the dots removed (the root 1.2.156.3005.2 is not included).',
    validate: (v) => validateLicenseId(v),
  },
];

/** Public identifier checks: GET /api/validate/{uscc,resident-id,region-code,license-id}?value=… */
export function registerValidateRoutes(routes: Routes) {
  for (const e of ENDPOINTS) {
    routes.define({
      method: 'GET',
      url: `/api/validate/${e.path}`,
      tags: ['validate'],
      summary: e.summary,
      description: `${e.description}\n\nAn invalid identifier is answered with 200 and \`valid: false\`; 400 only when \`value\` is missing.`,
      access: 'public',
      query: ValueQuery,
      response: AnswerSchema,
      handler: async ({ query, caller }) => presentValidation(e.validate(query.value), caller.lang),
    });
  }
}

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DomainError } from '../errors/index.ts';
import { parseInput } from '../http/index.ts';
import { zLicenseId, zRegionCode, zResidentId, zUscc } from './ids.zod.ts';

const paramsOf = (issue: unknown) => (issue as { params?: Record<string, unknown> } | undefined)?.params;

describe('identifier zod schemas', () => {
  it('normalise valid input', () => {
    expect(zUscc.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(zResidentId.parse('34052419800101001x')).toBe('34052419800101001X');
    expect(zRegionCode.parse('350102000000')).toBe('350102');
    expect(zLicenseId.parse('1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.u')).toMatch(/\.U$/);
  });

  it('fail with the specific Chinese message and carry the code and English message', () => {
    const r = zUscc.safeParse('91350100M000100Y4Z');
    expect(r.success).toBe(false);
    expect(r.error?.issues).toHaveLength(1);
    expect(r.error?.issues[0]).toMatchObject({
      code: 'custom',
      message: expect.stringContaining('应为“3”'),
      params: { code: 'ids.USCC_CHECK', messageEn: expect.stringContaining('should be "3"') },
    });
    expect(paramsOf(zResidentId.safeParse('340524198002300011').error?.issues[0])).toMatchObject({ code: 'ids.RESIDENT_ID_DATE' });
    expect(paramsOf(zRegionCode.safeParse('35010').error?.issues[0])).toMatchObject({ code: 'ids.REGION_LENGTH' });
    expect(zUscc.safeParse(123).success).toBe(false);
  });

  it('name the field in a route problem', () => {
    const schema = z.object({ uscc: zUscc, legalRep: z.object({ residentId: zResidentId }), regionCode: zRegionCode.optional() });
    expect(parseInput(schema, { uscc: '91350100M000100Y43', legalRep: { residentId: '34052419800101001X' } }, 'body')).toEqual({
      uscc: '91350100M000100Y43',
      legalRep: { residentId: '34052419800101001X' },
    });
    try {
      parseInput(schema, { uscc: '91350100M000100Y4Z', legalRep: { residentId: '3405241980010100' }, regionCode: '99' }, 'body');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.code).toBe('common.VALIDATION');
      expect(err.fields).toEqual([
        expect.objectContaining({ field: 'uscc', in: 'body', message: expect.stringContaining('校验码错误') }),
        expect.objectContaining({ field: 'legalRep.residentId', message: expect.stringContaining('18 位') }),
        expect.objectContaining({ field: 'regionCode', message: expect.stringContaining('6 位') }),
      ]);
    }
  });

  it('document themselves in JSON Schema as strings', () => {
    const js = z.toJSONSchema(z.object({ uscc: zUscc }), { io: 'input', unrepresentable: 'any' }) as unknown as { properties: { uscc: { type: string; description: string } } };
    expect(js.properties.uscc.type).toBe('string');
    expect(js.properties.uscc.description).toContain('统一社会信用代码');
  });
});

import { describe, expect, it } from 'vitest';
import { canAct, permissionsOf, regionCovers, regionPrefix, type Actor } from './index.ts';

describe('region scope', () => {
  it('cuts only whole zero segments', () => {
    expect(regionPrefix('320000')).toBe('32');
    expect(regionPrefix('320200')).toBe('3202');
    expect(regionPrefix('320281')).toBe('320281');
    expect(regionPrefix('320281000000')).toBe('320281');
    expect(regionPrefix('320281100')).toBe('320281100');
    expect(regionPrefix('320281100000')).toBe('320281100');
    expect(regionPrefix('320281400')).toBe('320281400');
    expect(regionPrefix('320281107001')).toBe('320281107001');
  });

  it('does not let a town ending in 00 cover its neighbours', () => {
    expect(regionCovers('320281100', '320281100')).toBe(true);
    expect(regionCovers('320281100', '320281100203')).toBe(true);
    expect(regionCovers('320281100', '320281107')).toBe(false);
    expect(regionCovers('320281400', '320281401')).toBe(false);
    expect(regionCovers('320281', '320281107')).toBe(true);
    expect(regionCovers(null, '110101')).toBe(true);
    expect(regionCovers('320281', null)).toBe(false);
  });

  it('requires the permission and the organisation of the grant', () => {
    const grants = [{ role: 'approver' as const, regionCode: '320281', orgId: 7 }];
    const a: Actor = { id: 1, username: 'a', kind: 'staff', displayName: 'a', grants, permissions: permissionsOf(grants), via: 'session' };
    expect(canAct(a, 'application:review', { regionCode: '320281107', orgIds: [7] })).toBe(true);
    expect(canAct(a, 'application:review', { regionCode: '320281107', orgIds: [8] })).toBe(false);
    expect(canAct(a, 'application:intake', { regionCode: '320281107', orgIds: [7] })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { permissionsOf, type Actor, type RoleGrant } from '../../platform/access/index.ts';
import {
  canViewCommand,
  commandRegion,
  defaultPeriod,
  gridCodeLength,
  overviewDigest,
  parentFits,
  periodBounds,
  periodProblem,
  rankByScore,
  rate,
  sseComment,
  sseEvent,
  sseRetry,
} from './command.rules.ts';

const actor = (grants: RoleGrant[]): Actor => ({ id: 7, username: 'u', kind: 'staff', displayName: 'u', grants, permissions: permissionsOf(grants), via: 'session' });
const JY = '320281';
const HS = '320281107';

describe('who sees the command screen, and where', () => {
  it('dispatchers, leaders, staffing officers and admins may; handlers and grid workers may not', () => {
    expect(canViewCommand(actor([{ role: 'dispatcher', regionCode: JY, orgId: null }]))).toBe(true);
    expect(canViewCommand(actor([{ role: 'leader', regionCode: JY, orgId: null }]))).toBe(true);
    expect(canViewCommand(actor([{ role: 'staffing_officer', regionCode: JY, orgId: null }]))).toBe(true);
    expect(canViewCommand(actor([{ role: 'admin', regionCode: null, orgId: null }]))).toBe(true);
    expect(canViewCommand(actor([{ role: 'handler', regionCode: HS, orgId: 3 }]))).toBe(false);
    expect(canViewCommand(actor([{ role: 'grid_worker', regionCode: HS, orgId: null }]))).toBe(false);
  });

  it('defaults to the widest grant; a region inside a grant is allowed, one outside is not', () => {
    const d = actor([
      { role: 'dispatcher', regionCode: HS, orgId: null },
      { role: 'leader', regionCode: JY, orgId: null },
    ]);
    expect(commandRegion(d, null)).toBe(JY);
    expect(commandRegion(d, HS)).toBe(HS);
    expect(commandRegion(d, '320281100')).toBe('320281100');
    expect(commandRegion(d, '320282')).toBeNull();
    expect(commandRegion(d, '320200')).toBeNull();
  });

  it('an unscoped grant means everywhere; grants without the permission or limited to an organisation do not count', () => {
    expect(commandRegion(actor([{ role: 'admin', regionCode: null, orgId: null }]), null)).toBe('');
    expect(commandRegion(actor([{ role: 'admin', regionCode: null, orgId: null }]), '110101')).toBe('110101');
    expect(commandRegion(actor([{ role: 'handler', regionCode: JY, orgId: null }]), JY)).toBeNull();
    expect(commandRegion(actor([{ role: 'leader', regionCode: JY, orgId: 12 }]), JY)).toBeNull();
  });
});

describe('period', () => {
  it('defaults to the current year in China time (a UTC evening is already the next day there)', () => {
    expect(defaultPeriod(new Date('2026-12-31T17:00:00Z'))).toEqual({ from: '2027-01-01', to: '2027-01-01' });
    expect(defaultPeriod(new Date('2026-06-15T03:00:00Z'))).toEqual({ from: '2026-01-01', to: '2026-06-15' });
  });
  it('rejects an end before the start and overlong periods, naming the field', () => {
    expect(periodProblem('2026-02-01', '2026-01-31')?.field).toBe('to');
    expect(periodProblem('2020-01-01', '2026-01-31')?.field).toBe('from');
    expect(periodProblem('2026-01-01', '2026-01-01')).toBeNull();
  });
  it('bounds are China-time midnights, the end exclusive', () => {
    expect(periodBounds('2026-01-01', '2026-12-31')).toEqual({ fromAt: '2026-01-01T00:00:00+08:00', toAt: '2027-01-01T00:00:00+08:00' });
  });
});

describe('rates and rankings', () => {
  it('rate is null without a denominator and rounded to four decimals', () => {
    expect(rate(1, 0)).toBeNull();
    expect(rate(1, 3)).toBe(0.3333);
  });
  it('ranks by score, ties share a rank, no score ranks last without a number', () => {
    const out = rankByScore([
      { id: 'a', score: 80, received: 3 },
      { id: 'b', score: null, received: 9 },
      { id: 'c', score: 90, received: 1 },
      { id: 'd', score: 80, received: 5 },
    ]);
    expect(out.map((r) => [r.id, r.rank])).toEqual([
      ['c', 1],
      ['d', 2],
      ['a', 2],
      ['b', null],
    ]);
  });
});

describe('grids', () => {
  it('code length per level and which parents fit', () => {
    expect([1, 2, 3].map((l) => gridCodeLength(l as 1 | 2 | 3))).toEqual([9, 12, 15]);
    expect(parentFits(1, undefined)).toBe(true);
    expect(parentFits(1, HS)).toBe(false);
    expect(parentFits(2, HS)).toBe(true);
    expect(parentFits(2, '320281107001')).toBe(false);
    expect(parentFits(3, '320281107001')).toBe(true);
    expect(parentFits(3, HS)).toBe(false);
  });
});

describe('server-sent events wire format', () => {
  it('an event is event/id/data lines ended by a blank line; data is one JSON line', () => {
    expect(sseEvent('overview', { a: 'x\ny' }, 3)).toBe('event: overview\nid: 3\ndata: {"a":"x\\ny"}\n\n');
    expect(sseEvent('ping', 1)).toBe('event: ping\ndata: 1\n\n');
  });
  it('comments and retry', () => {
    expect(sseComment('heart\nbeat')).toBe(': heart beat\n\n');
    expect(sseRetry(3000)).toBe('retry: 3000\n\n');
  });
  it('the digest ignores when the figures were computed', () => {
    expect(overviewDigest({ generatedAt: '1', totals: { open: 2 } })).toBe(overviewDigest({ generatedAt: '2', totals: { open: 2 } }));
    expect(overviewDigest({ generatedAt: '1', totals: { open: 2 } })).not.toBe(overviewDigest({ generatedAt: '1', totals: { open: 3 } }));
  });
});

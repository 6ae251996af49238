/**
 * Demo licences for the Jiangyin demo county: the demo firm holds a business
 * licence, a food business licence, a seal filing, a discharge permit due for
 * renewal and a revoked hygiene licence; the demo person holds a real estate
 * title. Skipped when the demo accounts or the approval bureau are missing,
 * and when demo licences exist already.
 */
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import { executor, query, sql, type Db } from '../../platform/db/index.ts';
import { Workflows } from '../../platform/workflow/index.ts';
import { findOrgByCode } from '../org/index.ts';
import { chinaDateOf } from './licenses.rules.ts';
import { LicenseService, type IssueInput } from './licenses.service.ts';

const COUNTY = '320281';
const daysFrom = (today: string, n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoLicences(ctx: { db: Db; workflows?: Workflows }, opts: { log?: (line: string) => void } = {}): Promise<number> {
  const ex = executor(ctx.db);
  if ((await query(ex, sql`select 1 from licenses where application_no like 'DEMO-%' limit 1`)).length) return 0;
  const spj = await findOrgByCode(ex, `${COUNTY}.spj`);
  const scjg = await findOrgByCode(ex, `${COUNTY}.scjg`);
  const accounts = await query<{ id: number; username: string; display_name: string; uscc: string | null; resident_id: string | null }>(
    ex,
    sql`select id, username, display_name, uscc, resident_id from accounts where username in ('firm', 'person')`,
  );
  const firm = accounts.find((a) => a.username === 'firm' && a.uscc);
  const person = accounts.find((a) => a.username === 'person' && a.resident_id);
  if (!spj || !firm || !person) return 0;

  const svc = new LicenseService({ db: ctx.db, workflows: ctx.workflows ?? new Workflows(ctx.db) });
  const who = { actor: SYSTEM_ACTOR };
  const today = chinaDateOf(new Date());
  const issuerOf = (o: NonNullable<typeof spj>) => ({ orgId: o.id, name: o.name, regionCode: o.region_code, uscc: o.uscc });
  const firmHolder = { kind: 'legal' as const, name: firm.display_name, idNumber: firm.uscc!, accountId: firm.id };
  const plan: (IssueInput & { revoke?: string })[] = [
    { type: '营业执照', holder: firmHolder, issuer: issuerOf(spj), applicationNo: 'DEMO-2024-0001', itemName: '企业设立登记', issuedAt: new Date('2024-06-18T02:30:00Z') },
    { type: '公章刻制备案证明', holder: firmHolder, issuer: issuerOf(spj), applicationNo: 'DEMO-2024-0002', itemName: '公章刻制备案', issuedAt: new Date('2024-06-20T06:10:00Z') },
    {
      type: '食品经营许可证',
      holder: firmHolder,
      issuer: issuerOf(scjg ?? spj),
      applicationNo: 'DEMO-2024-0003',
      itemName: '食品经营许可（新办）',
      issuedAt: new Date('2024-07-02T01:45:00Z'),
    },
    {
      type: '排污许可证',
      holder: firmHolder,
      issuer: issuerOf(spj),
      applicationNo: 'DEMO-2021-0004',
      itemName: '排污许可证核发',
      issuedAt: new Date(`${daysFrom(today, -5 * 365 + 21)}T02:00:00Z`),
      validFrom: daysFrom(today, -5 * 365 + 21),
      validUntil: daysFrom(today, 20),
    },
    {
      type: '卫生许可证',
      holder: firmHolder,
      issuer: issuerOf(spj),
      applicationNo: 'DEMO-2025-0005',
      itemName: '公共场所卫生许可',
      issuedAt: new Date('2025-03-10T02:00:00Z'),
      revoke: '经核查，申请时提交的场所平面图与实际不符，依法撤销许可',
    },
    {
      type: '不动产权证书',
      holder: { kind: 'person', name: person.display_name, idNumber: person.resident_id!, accountId: person.id },
      issuer: issuerOf(spj),
      applicationNo: 'DEMO-2023-0006',
      itemName: '不动产首次登记',
      issuedAt: new Date('2023-09-01T02:00:00Z'),
    },
  ];
  let n = 0;
  for (const { revoke, ...input } of plan) {
    const { license, created } = await svc.issue(input, who);
    if (!created) continue;
    n++;
    if (revoke) await svc.act(license.id, 'revoke', who, { reason: revoke });
  }
  opts.log?.(`电子证照 e-licences: ${n}`);
  return n;
}

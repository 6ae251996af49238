import { sql } from 'drizzle-orm';
import { SYSTEM_ACTOR } from '../../platform/access/index.ts';
import { recordAudit } from '../../platform/audit/index.ts';
import { hashPassword, insertAccount } from '../../platform/auth/index.ts';
import { inTransaction, type Db, type Tx } from '../../platform/db/index.ts';
import type { AppContext } from '../../context.ts';
import { findOrgByCode, insertOrg, insertPeople, loadRegions, setStaffing, type NewPerson } from '../org/index.ts';
import { insertCitizens, insertEntities, type NewCitizen, type NewEntity } from '../registry/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOWN, demoFirmUscc, demoResidentId } from './demo.accounts.ts';
import { JIANGYIN } from './demo.data.ts';
import { generateCitizens, generateEntities, planOrgs, planPeople, placeName, type TownRegion } from './demo.generate.ts';
import * as repo from './demo.repository.ts';
import { seedDemoCatalog } from './catalog/catalog.seed.ts';
import { seedGridsDemo } from '../grids/index.ts';
import { seedDemoCases } from '../cases/index.ts';
import { seedDemoLicences } from '../licenses/index.ts';
import { seedOpen311Demo } from '../open311/index.ts';
import { seedCasesDemo } from './cases/cases.demo.ts';
import { seedServicesDemo } from './services/services.demo.ts';

export type DemoScale = 'default' | 'large';

/** How many synthetic market entities and citizens each scale generates (the large figure is Qingdao West Coast's 366,000). */
export const DEMO_SCALES: Readonly<Record<DemoScale, { entities: number; citizens: number }>> = {
  default: { entities: 10_000, citizens: 5_000 },
  large: { entities: 366_000, citizens: 50_000 },
};

const MARKER = 'jiangyin';
const BATCH = 2000;

export interface SeedDemoResult {
  /** False when the demo county was already seeded at this scale (or larger): nothing changed. */
  seeded: boolean;
  scale: DemoScale;
  counts: Record<string, number>;
  ms: number;
}

export interface SeedDemoOptions {
  scale?: DemoScale;
  /** Progress lines (CLI). */
  log?: (line: string) => void;
  /** How many bulk demo cases (default by scale: 20,000 / 300,000; see ./cases). */
  cases?: number;
  /** How many historical 一网通办 applications (default by scale: 3,000 / 50,000; see ./services). */
  applications?: number;
}

/** Whether the demo county has been seeded (at any scale). */
export async function isDemoSeeded(ctx: Pick<AppContext, 'db'>): Promise<boolean> {
  return (await repo.findMarker(ctx.db, MARKER)) !== undefined;
}

/**
 * What automatic seeding on start-up should do: nothing when the demo is
 * there ('seeded'), seed an empty database ('empty'), and leave a database
 * that already holds organisations of its own alone ('other-data').
 */
export async function demoSeedState(ctx: Pick<AppContext, 'db'>): Promise<'seeded' | 'empty' | 'other-data'> {
  if (await isDemoSeeded(ctx)) return 'seeded';
  return (await repo.hasOrganisations(ctx.db)) ? 'other-data' : 'empty';
}

async function seedOrgs(tx: Tx, towns: TownRegion[]): Promise<Map<string, { id: number; regionCode: string }>> {
  const ids = new Map<string, { id: number; regionCode: string }>();
  for (const plan of planOrgs(towns)) {
    const existing = await findOrgByCode(tx, plan.code);
    if (existing) {
      ids.set(plan.code, { id: existing.id, regionCode: existing.region_code });
      continue;
    }
    const parentId = plan.parentCode === null ? null : ids.get(plan.parentCode)?.id;
    if (parentId === undefined) throw new Error(`demo seed: parent ${plan.parentCode} of ${plan.code} missing`);
    const id = await insertOrg(tx, { ...plan, parentId });
    await setStaffing(tx, id, plan.staffing);
    ids.set(plan.code, { id, regionCode: plan.regionCode });
  }
  return ids;
}

async function seedAccounts(tx: Tx, orgs: Map<string, { id: number; regionCode: string }>): Promise<NewPerson[]> {
  let hash: string | undefined;
  const staff: NewPerson[] = [];
  for (const a of DEMO_ACCOUNTS) {
    let id = await repo.accountIdByUsername(tx, a.username);
    const org = a.orgCode ? orgs.get(a.orgCode) : undefined;
    const residentId = a.kind === 'legal' ? null : demoResidentId(a);
    if (id === undefined) {
      hash ??= await hashPassword(DEMO_PASSWORD);
      id = await insertAccount(tx, {
        username: a.username,
        kind: a.kind,
        displayName: a.displayName,
        passwordHash: hash,
        residentId,
        uscc: a.kind === 'legal' ? demoFirmUscc() : null,
        phone: null,
        orgId: org?.id ?? null,
        grants: [{ role: a.role, regionCode: a.scopeRegion, orgId: a.scopeOrgCode ? (orgs.get(a.scopeOrgCode)?.id ?? null) : null }],
      });
    }
    if (org && a.post && residentId) {
      staff.push({ name: a.displayName, residentId, orgId: org.id, regionCode: org.regionCode, post: a.post, phone: null, accountId: id, sort: 0 });
    }
  }
  return staff;
}

/** The demo firm and the demo person, registered like everyone else. */
function demoSubjects(towns: TownRegion[]): { firm: NewEntity; person: NewCitizen } {
  const town = towns.find((t) => t.code === DEMO_TOWN) ?? towns[0];
  const firmSpec = DEMO_ACCOUNTS.find((a) => a.username === 'firm');
  const personSpec = DEMO_ACCOUNTS.find((a) => a.username === 'person');
  if (!firmSpec || !personSpec) throw new Error('demo seed: firm and person accounts are missing from DEMO_ACCOUNTS');
  return {
    firm: {
      uscc: demoFirmUscc(),
      name: firmSpec.displayName,
      kind: 'enterprise',
      industryCode: 'C17',
      industry: '纺织业',
      regionCode: town.code,
      address: `江苏省江阴市${placeName(town)}华士大道88号`,
      legalRepresentative: '缪建国',
      registeredAt: '2006-04-18',
      status: 'active',
    },
    person: {
      name: personSpec.displayName,
      residentId: demoResidentId(personSpec),
      sex: personSpec.sex,
      birthDate: personSpec.birthDate,
      regionCode: town.code,
      address: `江苏省江阴市${placeName(town)}人民路16号`,
    },
  };
}

async function insertInBatches<T>(rows: Iterable<T>, insert: (batch: T[]) => Promise<number>): Promise<number> {
  let inserted = 0;
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      inserted += await insert(batch);
      batch = [];
    }
  }
  if (batch.length) inserted += await insert(batch);
  return inserted;
}

/**
 * Seeds the demo county Jiangyin (江阴市, 320281): its government,
 * departments and centres, the "three platforms" of every town, street and
 * zone, people in posts, the demo accounts (password Demo@2026), and
 * synthetic market entities and citizens, and the demo catalog (power and
 * service lists with guides, devolutions, duties, proofs, bundles; see
 * ./catalog). One transaction; idempotent: a
 * second run at the same scale changes nothing, and a large run after a
 * default one only adds the missing rows.
 */
export async function seedDemo(ctx: Pick<AppContext, 'db'>, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const scale = opts.scale ?? 'default';
  const log = opts.log ?? (() => undefined);
  const started = performance.now();
  const db: Db = ctx.db;
  await loadRegions(db);
  const result = await inTransaction(db, async (tx): Promise<SeedDemoResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(7318557)`);
    const marker = await repo.findMarker(tx, MARKER);
    if (marker && (marker.scale === 'large' || marker.scale === scale)) {
      // the county is there; its catalog may not be (a database seeded before the catalog existed)
      await seedGridsDemo({ db }, { log }); // likewise its grids (no-op when present)
      const catalog = await seedDemoCatalog(db, tx, { log });
      await seedCasesDemo(ctx, { scale: marker.scale, log, count: opts.cases }); // and its year of cases (no-op when present)
      return { seeded: catalog.seeded, scale: marker.scale, counts: { ...marker.counts, ...catalog.counts }, ms: performance.now() - started };
    }
    const towns = await repo.townsOf(tx, JIANGYIN.code);
    if (towns.length === 0) throw new Error(`demo seed: no towns under ${JIANGYIN.code}; are the regions loaded?`);

    const orgs = await seedOrgs(tx, towns);
    log(`机构 organisations: ${orgs.size}`);
    const staff = await seedAccounts(tx, orgs);
    const taken = new Set(staff.map((p) => p.residentId as string));
    const people: NewPerson[] = [
      ...staff,
      ...planPeople(planOrgs(towns), taken).map((p) => {
        const org = orgs.get(p.orgCode);
        if (!org) throw new Error(`demo seed: organisation ${p.orgCode} missing`);
        return { name: p.name, residentId: p.residentId, orgId: org.id, regionCode: p.regionCode, post: p.post, phone: p.phone, sort: p.sort };
      }),
    ];
    await insertPeople(tx, people);
    log(`人员 people: ${people.length}; 演示账号 demo accounts: ${DEMO_ACCOUNTS.length}`);

    const { firm, person } = demoSubjects(towns);
    const size = DEMO_SCALES[scale];
    const t0 = performance.now();
    const entityTaken = { uscc: new Set([firm.uscc]), names: new Set([firm.name]) };
    await insertEntities(tx, [firm]);
    await insertInBatches(generateEntities(towns, size.entities, entityTaken), (b) => insertEntities(tx, b));
    log(`市场主体 market entities: ${size.entities + 1} (${Math.round(performance.now() - t0)} ms)`);
    const t1 = performance.now();
    await insertCitizens(tx, [person]);
    await insertInBatches(generateCitizens(towns, size.citizens, new Set([person.residentId])), (b) => insertCitizens(tx, b));
    log(`居民 citizens: ${size.citizens + 1} (${Math.round(performance.now() - t1)} ms)`);

    await seedGridsDemo({ db }, { log });
    const t2 = performance.now();
    const catalog = await seedDemoCatalog(db, tx, { log });
    log(`事项目录 catalog: ${JSON.stringify(catalog.counts)} (${Math.round(performance.now() - t2)} ms)`);
    await seedDemoCases(ctx, { log });
    await seedCasesDemo(ctx, { scale, log, count: opts.cases });
    await seedDemoLicences(ctx, { log });
    await seedOpen311Demo(ctx, { log });
    const counts = { ...(await repo.demoCounts(tx, JIANGYIN.code, DEMO_ACCOUNTS.map((a) => a.username))), ...catalog.counts };
    const ms = performance.now() - started;
    await repo.saveMarker(tx, { name: MARKER, scale, counts, duration_ms: ms });
    await recordAudit(tx, { actor: SYSTEM_ACTOR }, { action: 'demo.seeded', entityType: 'demo_seed', entityId: MARKER, regionCode: JIANGYIN.code, after: { scale, counts } });
    return { seeded: true, scale, counts, ms };
  });
  // its own transaction, after the county commits (the ratings seed reads committed matters); a no-op when done
  await seedServicesDemo(ctx, { scale, log, applications: opts.applications });
  return result;
}

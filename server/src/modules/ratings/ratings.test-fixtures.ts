/** Test data for the ratings module: regions, units, and completed matters made by emitting application.completed. */
import { sql } from 'drizzle-orm';
import { inTransaction, type Db, type Executor } from '../../platform/db/index.ts';
import { emit } from '../../platform/jobs/index.ts';
import type { ApplicationCompleted } from './ratings.service.ts';

export const JY = '320281';
export const YX = '320282';

export async function insertRatingRegions(ex: Executor): Promise<void> {
  await ex.execute(sql`insert into regions (code, name, level, parent_code, town_kind) values
    ('320000', '江苏省', 'province', null, null),
    ('320200', '无锡市', 'city', '320000', null),
    (${JY}, '江阴市', 'county', '320200', null),
    (${YX}, '宜兴市', 'county', '320200', null)
    on conflict (code) do nothing`);
}

/** Emits application.completed as the applications module does (the caller drains the outbox). */
export async function completeApplication(db: Db, p: Partial<ApplicationCompleted> & Pick<ApplicationCompleted, 'applicationId' | 'handlingOrgId'>): Promise<void> {
  const payload: ApplicationCompleted = {
    applicationNo: `JY2026${String(p.applicationId).padStart(6, '0')}`,
    itemName: '食品经营许可',
    handlingOrgName: '江阴市市场监督管理局',
    intakeOrgId: null,
    channel: 'online',
    applicantAccountId: null,
    regionCode: JY,
    completedAt: new Date().toISOString(),
    outcome: 'approved',
    ...p,
  };
  await inTransaction(db, (tx) => emit(tx, 'application.completed', payload, { regionCode: payload.regionCode }).then(() => undefined));
}

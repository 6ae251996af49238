/** SQL of the registry module: market entities and citizens. */
import { sql } from 'drizzle-orm';
import { query, type Executor } from '../../platform/db/index.ts';
import type { EntityKind, EntityStatus } from './registry.schema.ts';

export interface NewEntity {
  uscc: string;
  name: string;
  kind: EntityKind;
  industryCode: string;
  industry: string;
  regionCode: string;
  address: string;
  legalRepresentative: string;
  registeredAt: string;
  status: EntityStatus;
}

export interface EntityRow {
  id: number;
  uscc: string;
  name: string;
  kind: EntityKind;
  industry_code: string;
  industry: string;
  region_code: string;
  address: string;
  legal_representative: string;
  registered_at: string;
  status: EntityStatus;
}

export interface NewCitizen {
  name: string;
  residentId: string;
  sex: 'male' | 'female';
  birthDate: string;
  regionCode: string;
  address: string;
}

/**
 * Bulk insert of market entities: each batch is one statement with one JSON
 * parameter. Entities whose USCC is already registered are skipped. Returns
 * how many rows were inserted.
 */
export async function insertEntities(ex: Executor, rows: NewEntity[], batch = 2000): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += batch) {
    const json = JSON.stringify(
      rows.slice(i, i + batch).map((e) => ({
        uscc: e.uscc,
        name: e.name,
        kind: e.kind,
        industry_code: e.industryCode,
        industry: e.industry,
        region_code: e.regionCode,
        address: e.address,
        legal_representative: e.legalRepresentative,
        registered_at: e.registeredAt,
        status: e.status,
      })),
    );
    const [r] = await query<{ n: number }>(
      ex,
      sql`with ins as (
            insert into entities (uscc, name, kind, industry_code, industry, region_code, address, legal_representative, registered_at, status)
            select uscc, name, kind, industry_code, industry, region_code, address, legal_representative, registered_at, status
              from jsonb_to_recordset(${json}::jsonb) as x(uscc text, name text, kind text, industry_code text, industry text,
                   region_code text, address text, legal_representative text, registered_at date, status text)
            on conflict (uscc) do nothing
            returning 1)
          select count(*)::int as n from ins`,
    );
    inserted += r.n;
  }
  return inserted;
}

/** Bulk insert of citizens (one JSON parameter per batch); known resident IDs are skipped. */
export async function insertCitizens(ex: Executor, rows: NewCitizen[], batch = 2000): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += batch) {
    const json = JSON.stringify(
      rows.slice(i, i + batch).map((c) => ({
        name: c.name,
        resident_id: c.residentId,
        sex: c.sex,
        birth_date: c.birthDate,
        region_code: c.regionCode,
        address: c.address,
      })),
    );
    const [r] = await query<{ n: number }>(
      ex,
      sql`with ins as (
            insert into citizens (name, resident_id, sex, birth_date, region_code, address)
            select name, resident_id, sex, birth_date, region_code, address
              from jsonb_to_recordset(${json}::jsonb) as x(name text, resident_id text, sex text, birth_date date, region_code text, address text)
            on conflict (resident_id) do nothing
            returning 1)
          select count(*)::int as n from ins`,
    );
    inserted += r.n;
  }
  return inserted;
}

export async function findEntityByUscc(ex: Executor, uscc: string): Promise<EntityRow | undefined> {
  const [row] = await query<EntityRow>(
    ex,
    sql`select id, uscc, name, kind, industry_code, industry, region_code, address, legal_representative,
               to_char(registered_at, 'YYYY-MM-DD') as registered_at, status
          from entities where uscc = ${uscc}`,
  );
  return row;
}

/** Row counts of the registry tables. */
export async function registryCounts(ex: Executor): Promise<{ entities: number; citizens: number }> {
  const [row] = await query<{ entities: number; citizens: number }>(
    ex,
    sql`select (select count(*)::int from entities) as entities, (select count(*)::int from citizens) as citizens`,
  );
  return row;
}

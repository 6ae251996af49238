import type { OrgDetail, Staffing } from './org.types.ts';

export interface StaffingRow {
  id: number;
  name: string;
  staffing: Staffing | null;
}

export interface StaffingTotals {
  quota: number;
  actual: number;
  vacancies: number;
  leaderQuota: number;
  leaderActual: number;
  internalUnits: number;
  over: number;
}

export const rowsOf = (details: OrgDetail[]): StaffingRow[] => details.map((d) => ({ id: d.id, name: d.shortName ?? d.name, staffing: d.staffing }));

export function totalsOf(rows: StaffingRow[]): StaffingTotals {
  const t: StaffingTotals = { quota: 0, actual: 0, vacancies: 0, leaderQuota: 0, leaderActual: 0, internalUnits: 0, over: 0 };
  for (const { staffing: s } of rows) {
    if (!s) continue;
    t.quota += s.quota;
    t.actual += s.actual;
    t.vacancies += s.vacancies;
    t.leaderQuota += s.leaderQuota;
    t.leaderActual += s.leaderActual;
    t.internalUnits += s.internalUnits;
    if (s.overQuota || s.overLeadership) t.over += 1;
  }
  return t;
}

import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Executor } from '../../platform/db/index.ts';
import { insertOrg } from '../org/index.ts';
import { readXml, xmlToData } from './open311.xml.ts';

export const JY = '320281';
export const HS = '320281107';

export async function insertOpen311Regions(ex: Executor): Promise<void> {
  await ex.execute(sql`insert into regions (code, name, level, parent_code, town_kind) values
    ('320000', '江苏省', 'province', null, null),
    ('320200', '无锡市', 'city', '320000', null),
    (${JY}, '江阴市', 'county', '320200', null),
    (${HS}, '华士镇', 'town', ${JY}, 'town')
    on conflict (code) do nothing`);
}

export async function insertOpen311Orgs(ex: Executor): Promise<{ gov: number; cgj: number; zfj: number }> {
  const gov = await insertOrg(ex, { code: 'o.gov', name: '江阴市人民政府', type: 'government', level: 'county', regionCode: JY });
  const cgj = await insertOrg(ex, { code: 'o.cgj', name: '江阴市城市管理局', type: 'department', level: 'county', regionCode: JY, parentId: gov });
  const zfj = await insertOrg(ex, { code: 'o.zfj', name: '江阴市综合行政执法局', type: 'department', level: 'county', regionCode: JY, parentId: gov });
  return { gov, cgj, zfj };
}

/** application/x-www-form-urlencoded with repeated keys for arrays (attribute[code][]=a&attribute[code][]=b). */
export function form(fields: Record<string, string | number | string[] | undefined>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(one))}`);
  }
  return parts.join('&');
}

export const FORM_HEADERS = { 'content-type': 'application/x-www-form-urlencoded' };

/** An XML response parsed back to data (after checking it is XML with the declaration). */
export function xmlBody(res: LightMyRequestResponse): unknown {
  if (!String(res.headers['content-type']).startsWith('text/xml')) throw new Error(`not XML: ${res.headers['content-type']} ${res.body}`);
  if (!res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')) throw new Error(`no XML declaration: ${res.body.slice(0, 60)}`);
  return xmlToData(readXml(res.body));
}

export function xmlRoot(res: LightMyRequestResponse): string {
  return readXml(res.body).name;
}

/** Open311 documents in the spec's field names (the same objects serialise to JSON and XML). */
import type { AttributeDef, Open311Settings } from './open311.rules.ts';
import { w3DateTime } from './open311.rules.ts';
import type { CaseView, ServiceCategory } from './open311.port.ts';
import type { RequestRow, UpdateRow } from './open311.repository.ts';

export const SPEC_URL = 'http://wiki.open311.org/GeoReport_v2';
/** When this endpoint's description last changed (the discovery changeset). */
export const CHANGESET = '2026-12-03T00:00:00+08:00';

export function discovery(baseUrl: string, settings: Open311Settings) {
  return {
    changeset: CHANGESET,
    contact: '江阴市 12345 政务服务便民热线，电话 12345 (Jiangyin 12345 government service hotline)',
    key_service: `提交服务请求须使用 api_key，请向江阴市政务服务管理办公室申请；辖区 jurisdiction_id：${settings.jurisdictions.join('、')} (An api_key is required to submit requests; apply to the Jiangyin government service office. jurisdiction_id: ${settings.jurisdictions.join(', ')})`,
    endpoints: [
      {
        specification: SPEC_URL,
        url: `${baseUrl}/open311/v2`,
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

export function service(c: ServiceCategory, hasAttributes: boolean) {
  return {
    service_code: c.code,
    service_name: c.name,
    description: c.description,
    metadata: hasAttributes,
    type: 'realtime',
    keywords: c.keywords.join(','),
    group: c.group,
  };
}

export function definition(code: string, attributes: AttributeDef[]) {
  return {
    service_code: code,
    attributes: [...attributes]
      .sort((a, b) => a.order - b.order)
      .map((a) => ({
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: a.datatype_description,
        order: a.order,
        description: a.description,
        values: a.values.map((v) => ({ key: v.key, name: v.name })),
      })),
  };
}

export function serviceRequest(c: CaseView, extra: { request?: RequestRow; note?: string }) {
  return {
    service_request_id: c.caseNo,
    status: c.closed ? 'closed' : 'open',
    status_notes: extra.note ?? `${c.stateLabel.zh} (${c.stateLabel.en})`,
    service_name: c.categoryName,
    service_code: c.categoryCode,
    description: c.description,
    agency_responsible: c.leadOrgName,
    service_notice: serviceNotice(c),
    requested_datetime: w3DateTime(c.reportedAt),
    updated_datetime: w3DateTime(c.updatedAt),
    expected_datetime: w3DateTime(c.dueAt),
    address: c.address,
    address_id: null,
    zipcode: null,
    lat: c.lat,
    long: c.long,
    media_url: extra.request?.media_url ?? null,
  };
}

/** What the requester is told about the handling: who handles it and by when, or that it awaits dispatch. */
export function serviceNotice(c: CaseView): string {
  if (c.closed) return `已办结 (Closed)`;
  if (c.leadOrgName && c.dueAt) return `由${c.leadOrgName}办理，应于 ${w3DateTime(c.dueAt)} 前办结 (Handled by ${c.leadOrgName}; due by ${w3DateTime(c.dueAt)})`;
  if (c.leadOrgName) return `由${c.leadOrgName}办理 (Handled by ${c.leadOrgName})`;
  return '已受理，等待指挥中心派遣 (Received; awaiting dispatch by the command centre)';
}

export function requestUpdate(u: UpdateRow) {
  return {
    update_id: String(u.id),
    service_request_id: u.service_request_id,
    status: u.status,
    updated_datetime: w3DateTime(u.updated_at),
    description: u.description,
    media_url: u.media_url,
  };
}

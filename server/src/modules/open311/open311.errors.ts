import { defineErrors } from '../../platform/errors/index.ts';

/**
 * Error codes of the Open311 module. On /open311/ they are rendered in the
 * GeoReport error format (code = HTTP status, description); on /api/open311/
 * as problem+json like every other module.
 */
export const Open311Errors = defineErrors('open311', {
  API_KEY_MISSING: { kind: 'forbidden', zh: '缺少 api_key', en: 'api_key is required' },
  API_KEY_INVALID: { kind: 'forbidden', zh: 'api_key 无效或已吊销', en: 'Invalid api_key' },
  API_KEY_NO_SUBMIT: { kind: 'forbidden', zh: '该 api_key 无权提交服务请求', en: 'This api_key may not submit service requests' },
  API_KEY_NO_UPDATE: { kind: 'forbidden', zh: '该 api_key 无权更新服务请求', en: 'This api_key may not update service requests' },
  NOT_LEAD_UNIT: {
    kind: 'forbidden',
    zh: '该 api_key 所属部门不是服务请求 {id} 的牵头单位',
    en: "This api_key's department is not the lead unit of service request {id}",
  },
  SERVICE_NOT_FOUND: { kind: 'not_found', zh: 'service_code 不存在：{code}', en: 'service_code not found: {code}' },
  REQUEST_NOT_FOUND: { kind: 'not_found', zh: 'service_request_id 不存在：{id}', en: 'service_request_id not found: {id}' },
  TOKEN_NOT_FOUND: { kind: 'not_found', zh: 'token 不存在：{token}', en: 'token not found: {token}' },
  KEY_NOT_FOUND: { kind: 'not_found', zh: '未找到该 API 密钥', en: 'API key not found' },
  KEY_REVOKED: { kind: 'conflict', zh: '该 API 密钥已吊销', en: 'This API key is already revoked' },
  KEY_INVALID: { kind: 'invalid', zh: 'API 密钥设置有误', en: 'The API key settings are invalid' },
  DEFINITION_INVALID: { kind: 'invalid', zh: '服务定义有误', en: 'The service definition is invalid' },
  UPDATE_INVALID: { kind: 'invalid', zh: '状态更新有误', en: 'The status update is invalid' },
  NOT_ALLOWED_NOW: { kind: 'conflict', zh: '服务请求 {id} 当前状态为「{state}」，不能{action}', en: 'Service request {id} is "{state}"; it cannot be {actionEn} now' },
});

/** Open311 GeoReport v2 over the case loop. The only import surface of modules/open311. */
export { open311Keys, open311Services, open311Requests, open311Updates, UPDATE_SOURCES, type UpdateSource } from './open311.schema.ts';
export { Open311Errors } from './open311.errors.ts';
export {
  Open311Error,
  open311Settings,
  DEFAULT_SETTINGS as OPEN311_DEFAULT_SETTINGS,
  DATATYPES as OPEN311_DATATYPES,
  KEY_PERMISSIONS as OPEN311_KEY_PERMISSIONS,
  parseW3Date,
  w3DateTime,
  type AttributeDef,
  type Open311Settings,
  type KeyPermission,
} from './open311.rules.ts';
export { readXml, xmlToData, xmlList, xmlObject, type XmlNode } from './open311.xml.ts';
export { KeyService, presentKey, type Open311Key, type CreateKeyInput } from './keys.service.ts';
export { Open311Service } from './open311.service.ts';
export { open311Of, registerOpen311Routes } from './open311.context.ts';
export { registerOpen311Jobs, CASE_TOPICS as OPEN311_CASE_TOPICS } from './open311.jobs.ts';
export { seedOpen311Demo, DEMO_OPEN311_KEY, DEMO_OPEN311_DEPARTMENT_KEY, DEMO_DEFINITIONS as OPEN311_DEMO_DEFINITIONS } from './open311.seed.ts';

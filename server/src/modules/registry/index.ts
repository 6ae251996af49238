/**
 * Registry module: market entities (市场主体, keyed by USCC) and citizens
 * (keyed by resident ID), the subjects other modules (services, supervision,
 * credit) refer to. The only import surface of modules/registry.
 */
export { entities, citizens, ENTITY_KINDS, ENTITY_STATUSES, SEXES, type EntityKind, type EntityStatus } from './registry.schema.ts';
export {
  insertEntities,
  insertCitizens,
  findEntityByUscc,
  registryCounts,
  type NewEntity,
  type NewCitizen,
  type EntityRow,
} from './registry.repository.ts';

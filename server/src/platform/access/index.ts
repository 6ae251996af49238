export { ROLES, PERMISSIONS, ROLE_PERMISSIONS, ROLE_LABELS, type Role, type Permission } from './roles.ts';
export { SYSTEM_ACTOR, ANONYMOUS, permissionsOf, regionPrefix, regionCovers, canAct, type Actor, type RoleGrant, type AccountKind } from './actor.ts';

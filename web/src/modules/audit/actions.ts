import type { MessageKey } from '../../app/i18n/index.tsx';

/** Labels for the audit actions the platform writes; unknown actions (e.g. workflow transitions) show their code. */
const ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.locked',
  'auth.password_changed',
  'auth.registered',
  'auth.token_created',
  'auth.token_revoked',
  'org.created',
  'org.staffing_updated',
  'org.people_read',
  'calendar.year.load',
  'demo.seeded',
] as const;

const ENTITIES = ['account', 'api_token', 'calendar_year', 'demo_seed', 'organisation', 'org', 'person', 'staffing'] as const;

export const AUDIT_ACTIONS: readonly string[] = ACTIONS;
export const AUDIT_ENTITIES: readonly string[] = ENTITIES;

export const actionKey = (action: string): MessageKey | null => (AUDIT_ACTIONS.includes(action) ? (`audit.action.${action}` as MessageKey) : null);
export const entityKey = (type: string): MessageKey | null => (AUDIT_ENTITIES.includes(type) ? (`audit.entity.${type}` as MessageKey) : null);

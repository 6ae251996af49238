import { sql } from 'drizzle-orm';
import { boolean, check, customType, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const citext = customType<{ data: string }>({ dataType: () => 'citext' });

/** Sign-in accounts: staff, natural persons (resident ID) and legal persons (USCC). */
export const accounts = pgTable(
  'accounts',
  {
    id: serial('id').primaryKey(),
    username: citext('username').notNull(),
    kind: text('kind', { enum: ['staff', 'person', 'legal'] }).notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    residentId: text('resident_id'),
    uscc: text('uscc'),
    phone: text('phone'),
    /** The organisation a staff account works in (organisations.id). */
    orgId: integer('org_id'),
    /** External identity (OIDC issuer + subject) for a later provincial login. */
    externalIssuer: text('external_issuer'),
    externalSubject: text('external_subject'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('accounts_username').on(t.username),
    uniqueIndex('accounts_resident_id').on(t.residentId).where(sql`resident_id is not null`),
    uniqueIndex('accounts_uscc').on(t.uscc).where(sql`uscc is not null`),
    uniqueIndex('accounts_external').on(t.externalIssuer, t.externalSubject).where(sql`external_issuer is not null`),
    check('accounts_kind_ids', sql`(kind <> 'person' or resident_id is not null) and (kind <> 'legal' or uscc is not null)`),
  ],
);

/** A role held by an account within a scope (region subtree and/or organisation). */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    regionCode: text('region_code'),
    orgId: integer('org_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('role_grants_account').on(t.accountId)],
);

/** Browser sessions; the id is the SHA-256 of the cookie value. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_account').on(t.accountId), index('sessions_expires').on(t.expiresAt)],
);

/** API tokens for machine clients; only a hash is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash), index('api_tokens_account').on(t.accountId)],
);

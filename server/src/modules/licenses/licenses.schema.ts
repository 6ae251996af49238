import { sql } from 'drizzle-orm';
import { bigserial, check, customType, date, index, integer, jsonb, pgSequence, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const LICENSE_STATES = ['valid', 'revoked', 'cancelled', 'expired', 'transferred', 'withdrawn'] as const;
export type LicenseState = (typeof LICENSE_STATES)[number];
export const HOLDER_KINDS = ['person', 'legal'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** Licence types (证照类型): the 21-character type code is the defining body's USCC + a 3-digit type number. */
export const licenseTypes = pgTable(
  'license_types',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    definingUscc: text('defining_uscc').notNull(),
    definingBody: text('defining_body').notNull(),
    typeNumber: text('type_number').notNull(),
    /** Default validity in years; null = long-term (长期). */
    defaultValidYears: integer('default_valid_years'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('license_types_name').on(t.name),
    uniqueIndex('license_types_code').on(t.definingUscc, t.typeNumber),
    check('license_types_number', sql`${t.typeNumber} ~ '^[0-9]{3}$'`),
  ],
);

/** Ed25519 signing keys shared by every process of a deployment; retired keys stay in the JWKS. */
export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg').notNull().default('EdDSA'),
  publicJwk: jsonb('public_jwk').notNull(),
  /** PKCS#8 PEM, server-side only (never leaves the database through the API). */
  privateKey: text('private_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});

/** Serial numbers inside licence identifiers. */
export const licenseSerialSeq = pgSequence('license_serial_seq', { startWith: 1 });

/** E-licences (电子证照). `payload` is the canonical signed document. */
export const licenses = pgTable(
  'licenses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    licenceNo: text('licence_no').notNull(),
    typeId: integer('type_id')
      .notNull()
      .references(() => licenseTypes.id),
    typeName: text('type_name').notNull(),
    holderKind: text('holder_kind', { enum: HOLDER_KINDS }).notNull(),
    holderName: text('holder_name').notNull(),
    holderIdNumber: text('holder_id_number').notNull(),
    holderAccountId: integer('holder_account_id'),
    issuerOrgId: integer('issuer_org_id'),
    issuerName: text('issuer_name').notNull(),
    /** The issuer part of the identifier: the issuing body's USCC or a 6-digit region code. */
    issuerCode: text('issuer_code').notNull(),
    regionCode: text('region_code').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    /** Null = long-term. */
    validUntil: date('valid_until', { mode: 'string' }),
    state: text('state', { enum: LICENSE_STATES }).notNull().default('valid'),
    version: integer('version').notNull().default(1),
    applicationId: integer('application_id'),
    applicationNo: text('application_no'),
    itemName: text('item_name'),
    payload: jsonb('payload').notNull(),
    signature: text('signature').notNull(),
    keyId: text('key_id')
      .notNull()
      .references(() => signingKeys.kid),
    transferredFrom: uuid('transferred_from'),
    transferredTo: uuid('transferred_to'),
    renewalNoticeAt: timestamp('renewal_notice_at', { withTimezone: true }),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('licenses_no').on(t.licenceNo),
    uniqueIndex('licenses_application_type').on(t.applicationNo, t.typeId).where(sql`${t.applicationNo} is not null`),
    index('licenses_holder').on(t.holderIdNumber, t.state),
    index('licenses_holder_account').on(t.holderAccountId),
    index('licenses_expiry').on(t.state, t.validUntil),
    index('licenses_region').on(t.regionCode),
    check('licenses_state', sql`${t.state} in (${quoted(LICENSE_STATES)})`),
    check('licenses_holder_kind', sql`${t.holderKind} in (${quoted(HOLDER_KINDS)})`),
    check('licenses_validity', sql`${t.validUntil} is null or ${t.validUntil} >= ${t.validFrom}`),
  ],
);

/** A licence's history: issue and every state change, with the reason. */
export const licenseEvents = pgTable(
  'license_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    licenseId: uuid('license_id')
      .notNull()
      .references(() => licenses.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    regionCode: text('region_code').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('license_events_license').on(t.licenseId, t.id)],
);

/** The certificate PDF as first rendered and signed (the bytes a holder downloads, stable across font upgrades). */
export const licensePdfs = pgTable('license_pdfs', {
  licenseId: uuid('license_id')
    .primaryKey()
    .references(() => licenses.id),
  pdf: bytea('pdf').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

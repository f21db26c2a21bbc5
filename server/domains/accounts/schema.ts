import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  appUser,
  createdAt,
  id,
  optionalTenantPolicy,
  tenantPolicy,
  ts,
  updatedAt,
} from '../../platform/db/columns';

export const SELLER_STATUSES = ['pending_review', 'active', 'rejected', 'suspended'] as const;
export type SellerStatus = (typeof SELLER_STATUSES)[number];

/** Legal data a seller asked to change; applied only after a platform operator approves it. */
export interface LegalChangeRequest {
  fields: Partial<Record<LegalField, string>>;
  requestedAt: string;
  requestedBy: string;
}
export const LEGAL_FIELDS = [
  'legalName',
  'registrationNumber',
  'registeredAddress',
  'legalRepresentative',
  'taxId',
] as const;
export type LegalField = (typeof LEGAL_FIELDS)[number];

/** A company account (the tenant). */
export const sellers = pgTable(
  'sellers',
  {
    id: id(),
    legalName: text('legal_name').notNull(),
    displayName: text('display_name').notNull(),
    country: char('country', { length: 2 }).notNull(),
    defaultCurrency: char('default_currency', { length: 3 }).notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    registrationNumber: text('registration_number'),
    registeredAddress: text('registered_address'),
    legalRepresentative: text('legal_representative'),
    taxId: text('tax_id'),
    status: text('status').$type<SellerStatus>().notNull().default('pending_review'),
    statusReason: text('status_reason'),
    pendingLegalChange: jsonb('pending_legal_change').$type<LegalChangeRequest>(),
    require2fa: boolean('require_2fa').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('sellers_status_idx').on(t.status, t.createdAt),
    check('sellers_status_check', sql`${t.status} in ('pending_review','active','rejected','suspended')`),
    tenantPolicy(t.id),
  ],
);

/** Every status change of a seller, with who and why. */
export const sellerStatusHistory = pgTable(
  'seller_status_history',
  {
    id: id(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('seller_status_history_idx').on(t.sellerId, t.createdAt), tenantPolicy(t.sellerId)],
);

export const USER_KINDS = ['seller', 'operator'] as const;
export type UserKind = (typeof USER_KINDS)[number];

/** A person who signs in: a seller member or a platform operator (separate kinds of account). */
export const users = pgTable(
  'users',
  {
    id: id(),
    kind: text('kind').$type<UserKind>().notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    emailVerifiedAt: ts('email_verified_at'),
    locale: text('locale').notNull().default('en-US'),
    totpSecret: text('totp_secret'),
    totpEnabledAt: ts('totp_enabled_at'),
    /** Last accepted TOTP time step: a code is accepted once. */
    totpLastStep: integer('totp_last_step'),
    /** Operators only: their platform role key. */
    platformRole: text('platform_role'),
    lastSellerId: uuid('last_seller_id'),
    disabledAt: ts('disabled_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_idx').on(sql`lower(${t.email})`),
    check('users_kind_check', sql`${t.kind} in ('seller','operator')`),
    // Users are global; members of a seller may read them, writes go through system context.
    pgPolicy('users_read', { as: 'permissive', for: 'select', to: appUser, using: sql`true` }),
    pgPolicy('users_update', {
      as: 'permissive',
      for: 'update',
      to: appUser,
      using: sql`true`,
    }),
  ],
);

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

export const TOKEN_PURPOSES = ['verify_email', 'reset_password'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** Single-use emailed links (verification, password reset); only the hash is stored. */
export const userTokens = pgTable(
  'user_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').$type<TokenPurpose>().notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('user_tokens_hash_idx').on(t.tokenHash)],
);

/** Web sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sellerId: uuid('seller_id'),
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    /** Password accepted, second factor still owed. */
    mfaPending: boolean('mfa_pending').notNull().default(false),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('sessions_token_idx').on(t.tokenHash), index('sessions_user_idx').on(t.userId)],
);

/** Every sign-in attempt, successful or not. Also the source of lockout counting. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: id(),
    userId: uuid('user_id'),
    sellerId: uuid('seller_id'),
    email: text('email').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    success: boolean('success').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('login_attempts_email_idx').on(sql`lower(${t.email})`, t.createdAt),
    index('login_attempts_ip_idx').on(t.ip, t.createdAt),
    index('login_attempts_user_idx').on(t.userId, t.createdAt.desc()),
    index('login_attempts_seller_idx').on(t.sellerId, t.createdAt.desc()),
    ...optionalTenantPolicy(t.sellerId),
  ],
);

export const STORE_STATUSES = ['active', 'archived'] as const;
export type StoreStatus = (typeof STORE_STATUSES)[number];

export interface Address {
  name: string;
  phone?: string;
  country: string;
  region?: string;
  city: string;
  line1: string;
  line2?: string;
  postalCode?: string;
}

export const stores = pgTable(
  'stores',
  {
    id: id(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    name: text('name').notNull(),
    logoUrl: text('logo_url'),
    description: text('description'),
    marketCountry: char('market_country', { length: 2 }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    defaultLanguage: text('default_language').notNull(),
    returnAddress: jsonb('return_address').$type<Address>(),
    shipFromAddress: jsonb('ship_from_address').$type<Address>(),
    status: text('status').$type<StoreStatus>().notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('stores_seller_idx').on(t.sellerId, t.createdAt),
    uniqueIndex('stores_seller_name_idx').on(t.sellerId, sql`lower(${t.name})`),
    tenantPolicy(t.sellerId),
  ],
);

/** Custom roles built from the permission list; built-in roles live in code. */
export const roles = pgTable(
  'roles',
  {
    id: id(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    name: text('name').notNull(),
    description: text('description'),
    permissions: text('permissions').array().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('roles_seller_name_idx').on(t.sellerId, sql`lower(${t.name})`),
    tenantPolicy(t.sellerId),
  ],
);

export const MEMBER_STATUSES = ['active', 'deactivated'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** A user's membership of a seller: a built-in role key or a custom role, optionally limited to stores. */
export const members = pgTable(
  'members',
  {
    id: id(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role'),
    customRoleId: uuid('custom_role_id').references(() => roles.id),
    storeIds: uuid('store_ids').array(),
    status: text('status').$type<MemberStatus>().notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('members_seller_user_idx').on(t.sellerId, t.userId),
    index('members_user_idx').on(t.userId),
    check('members_one_role', sql`(${t.role} is null) <> (${t.customRoleId} is null)`),
    tenantPolicy(t.sellerId),
  ],
);

export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    sellerId: uuid('seller_id')
      .notNull()
      .references(() => sellers.id),
    email: text('email').notNull(),
    name: text('name'),
    role: text('role'),
    customRoleId: uuid('custom_role_id').references(() => roles.id),
    storeIds: uuid('store_ids').array(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('invitations_token_idx').on(t.tokenHash),
    index('invitations_seller_idx').on(t.sellerId, t.createdAt.desc()),
    tenantPolicy(t.sellerId),
  ],
);

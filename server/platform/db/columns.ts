import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, pgPolicy, pgRole, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The non-superuser role every request transaction runs as (created by the first migration). */
export const appUser = pgRole('app_user').existing();

export const id = () => uuid('id').primaryKey();
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
export const ts = (name: string) => timestamp(name, { withTimezone: true });

/** The transaction's seller (withTenant sets it; null elsewhere). */
export const currentSeller = sql`nullif(current_setting('app.seller_id', true), '')::uuid`;
const platformOn = sql`coalesce(current_setting('app.platform', true), '') = 'on'`;

/** Row-level security for a seller-owned table: the row's seller must be the transaction's seller. */
export function tenantPolicy(sellerColumn: AnyPgColumn, name = 'tenant_isolation') {
  const check: SQL = sql`${sellerColumn} = ${currentSeller} or ${platformOn}`;
  return pgPolicy(name, { as: 'permissive', for: 'all', to: appUser, using: check, withCheck: check });
}

/** For rows that may have no seller (platform-level audit rows, operator logins). */
export function optionalTenantPolicy(sellerColumn: AnyPgColumn, name = 'tenant_isolation') {
  const visible: SQL = sql`${sellerColumn} = ${currentSeller} or ${platformOn}`;
  const insertable: SQL = sql`${sellerColumn} is null or ${sellerColumn} = ${currentSeller} or ${platformOn}`;
  return [
    pgPolicy(`${name}_read`, { as: 'permissive', for: 'select', to: appUser, using: visible }),
    pgPolicy(`${name}_insert`, { as: 'permissive', for: 'insert', to: appUser, withCheck: insertable }),
    pgPolicy(`${name}_update`, { as: 'permissive', for: 'update', to: appUser, using: visible }),
  ];
}

/** Platform-managed reference data (categories, rates …): every role reads it, only operators write it. */
export function platformManagedPolicy(name = 'platform_managed') {
  return [
    pgPolicy(`${name}_read`, { as: 'permissive', for: 'select', to: appUser, using: sql`true` }),
    pgPolicy(`${name}_insert`, { as: 'permissive', for: 'insert', to: appUser, withCheck: platformOn }),
    pgPolicy(`${name}_update`, { as: 'permissive', for: 'update', to: appUser, using: platformOn }),
    pgPolicy(`${name}_delete`, { as: 'permissive', for: 'delete', to: appUser, using: platformOn }),
  ];
}

/** A public read model written by its seller's transactions (e.g. storefront listings). */
export function publicReadTenantWritePolicy(sellerColumn: AnyPgColumn, name = 'public_read') {
  const own: SQL = sql`${sellerColumn} = ${currentSeller} or ${platformOn}`;
  return [
    pgPolicy(`${name}_select`, { as: 'permissive', for: 'select', to: appUser, using: sql`true` }),
    pgPolicy(`${name}_insert`, { as: 'permissive', for: 'insert', to: appUser, withCheck: own }),
    pgPolicy(`${name}_update`, { as: 'permissive', for: 'update', to: appUser, using: own }),
    pgPolicy(`${name}_delete`, { as: 'permissive', for: 'delete', to: appUser, using: own }),
  ];
}

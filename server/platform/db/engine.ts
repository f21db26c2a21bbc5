import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg, NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgDialect, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

export type AnyDb = PgDatabase<PgQueryResultHKT>;

/** Runs raw SQL with positional parameters; used by pg-boss and by tests. */
export type RawQuery = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

// biome-ignore lint/suspicious/noExplicitAny: drizzle's transaction type is generic over the driver.
export type Tx = PgTransaction<any, any, any>;

export interface Database {
  kind: 'postgres' | 'pglite';
  db: AnyDb;
  raw: RawQuery;
  /**
   * One transaction. `prelude` is parameter-free SQL run first; on a server it travels with BEGIN in
   * one round trip (every request transaction starts with its role and tenant settings).
   */
  transaction<T>(prelude: string | null, fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = new URL('../../db/migrations', import.meta.url).pathname;

export interface OpenOptions {
  url?: string;
  dataDir?: string;
  poolSize?: number;
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite in `dataDir` (or memory). */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 20 });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it on next use.
    });
    const db = drizzleNodePg({ client: pool }) as unknown as AnyDb;
    const dialect = (db as unknown as { dialect: PgDialect }).dialect;
    return {
      kind: 'postgres',
      db,
      raw: async (text, values) => pool.query(text, values as unknown[]),
      async transaction(prelude, fn) {
        const client = await pool.connect();
        let broken: Error | undefined;
        try {
          await client.query(prelude ? `begin; ${prelude}` : 'begin');
          const tx = new NodePgTransaction(dialect, new NodePgSession(client, dialect, undefined), undefined);
          const result = await fn(tx as unknown as Tx);
          await client.query('commit');
          return result;
        } catch (err) {
          await client.query('rollback').catch((rollbackError: Error) => {
            broken = rollbackError;
          });
          throw err;
        } finally {
          client.release(broken);
        }
      },
      close: () => pool.end(),
    };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir: opts.dataDir, extensions: { pg_trgm } });
  const db = drizzlePglite({ client }) as unknown as AnyDb;
  return {
    kind: 'pglite',
    db,
    raw: async (text, values) => {
      if (values && values.length > 0) return client.query(text, values);
      // Multi-statement SQL (pg-boss schema setup): return the last statement's rows.
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    transaction: (prelude, fn) =>
      db.transaction(async (tx) => {
        if (prelude) await tx.execute(sql.raw(prelude));
        return fn(tx as Tx);
      }),
    close: () => client.close(),
  };
}

/** Applies committed migrations, then grants the request role what it needs on new tables. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    // biome-ignore lint/suspicious/noExplicitAny: drizzle's migrator wants its own driver type
    await migrateNodePg(database.db as any, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: drizzle's migrator wants its own driver type
    await migratePglite(database.db as any, { migrationsFolder: MIGRATIONS_DIR });
  }
  await database.db.execute(sql`grant usage on schema public to app_user`);
  await database.db.execute(sql`grant select on all tables in schema public to app_user`);
  // Writes only on tables: a view (catalog's seller_products …) runs as its owner, whom row-level security
  // does not bind, so writing through it would skip the tables' policies.
  await database.db.execute(sql`do $$
    declare t text;
    begin
      for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'public' and c.relkind in ('r', 'p') loop
        execute format('grant insert, update, delete on %I to app_user', t);
      end loop;
      for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
               where n.nspname = 'public' and c.relkind = 'v' loop
        execute format('revoke insert, update, delete on %I from app_user', t);
      end loop;
    end $$`);
  // Sequences behind display numbers (product_number_seq …) are used by request transactions.
  await database.db.execute(sql`grant usage, select on all sequences in schema public to app_user`);
}

/** True when every committed migration has been applied (used by /readyz). */
export async function migrationsApplied(database: Database, expected: number): Promise<boolean> {
  const { rows } = await database.raw('select count(*)::int as n from drizzle.__drizzle_migrations');
  return Number(rows[0]?.n ?? 0) >= expected;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, runMigrations } from '../../server/platform/db/engine';

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const pgUrlFor = (db: string) => PG_ADMIN_URL.replace(/\/[^/]*$/, `/${db}`);

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteTemplate: string;
  }
}

/**
 * Migrates once into a PostgreSQL template database and a PGlite data dir; each test file then
 * clones its own copy in milliseconds.
 */
export default async function setup(project: TestProject) {
  const pgTemplate = `sc_tpl_${process.pid}`;
  const admin = await openDatabase({ url: PG_ADMIN_URL, poolSize: 1 });
  await admin.raw(`drop database if exists ${pgTemplate}`);
  await admin.raw(`create database ${pgTemplate}`);
  const tpl = await openDatabase({ url: pgUrlFor(pgTemplate), poolSize: 1 });
  await runMigrations(tpl);
  await tpl.close();

  const pgliteTemplate = mkdtempSync(join(tmpdir(), 'sc-pglite-tpl-'));
  const lite = await openDatabase({ dataDir: pgliteTemplate });
  await runMigrations(lite);
  await lite.close();

  project.provide('pgTemplate', pgTemplate);
  project.provide('pgliteTemplate', pgliteTemplate);

  return async () => {
    const leftovers = await admin.raw(
      `select datname from pg_database where datname like 't\\_${process.pid}\\_%' or datname = '${pgTemplate}'`,
    );
    for (const row of leftovers.rows)
      await admin.raw(`drop database if exists "${String(row.datname)}" with (force)`);
    await admin.close();
    rmSync(pgliteTemplate, { recursive: true, force: true });
  };
}

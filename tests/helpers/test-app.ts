import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../server/config';
import { type Database, openDatabase } from '../../server/platform/db/engine';
import { type DevSmtp, startDevSmtp } from '../../server/platform/mail/dev-smtp';
import { type Runtime, startRuntime } from '../../server/runtime';
import { PG_ADMIN_URL, pgUrlFor } from '../setup/global-setup';

export interface TestApp extends Runtime {
  smtp: DevSmtp;
  close(): Promise<void>;
}

let counter = 0;

/** A fresh database for this test file (PostgreSQL by default), cloned from the migrated template. */
export async function openTestDatabase(engine: 'postgres' | 'pglite' = 'postgres') {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'sc-pglite-'));
    cpSync(inject('pgliteTemplate'), dir, { recursive: true });
    const database = await openDatabase({ dataDir: dir });
    return { database, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `t_${process.ppid}_${process.pid}_${Date.now()}_${counter++}`;
  const admin = await openDatabase({ url: PG_ADMIN_URL, poolSize: 1 });
  await admin.raw(`create database ${name} template ${inject('pgTemplate')}`);
  const database = await openDatabase({ url: pgUrlFor(name), poolSize: 10 });
  return {
    database,
    drop: async () => {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

/** The whole product on a fresh database, with a real SMTP server capturing mail. */
export async function createTestApp(
  opts: { engine?: 'postgres' | 'pglite'; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const { database, drop } = await openTestDatabase(opts.engine);
  const smtp = await startDevSmtp(0);
  const filesDir = mkdtempSync(join(tmpdir(), 'sc-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    PUBLIC_URL: 'http://localhost:3000',
    SMTP_URL: smtp.url,
    WEB_DIST: '/nonexistent',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
    APP_SECRET: 'test-app-secret-that-is-long-enough-0123456789',
    FILES_DIR: filesDir,
    ...opts.env,
  });
  const runtime = await startRuntime(config, { database: database as Database, devSmtp: smtp });
  await runtime.app.ready();
  return {
    ...runtime,
    smtp,
    async close() {
      await runtime.stop();
      await database.close();
      await smtp.close();
      await drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

// An import survives a restart: the worker stops after some committed batches, a new runtime on the
// same database resumes from the checkpoint and finishes with the right counts and no duplicates.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { openTestDatabase, type TestApp } from '../../../../tests/helpers/test-app';
import { loadConfig } from '../../../config';
import type { Database } from '../../../platform/db/engine';
import { type DevSmtp, startDevSmtp } from '../../../platform/mail/dev-smtp';
import { type Runtime, startRuntime } from '../../../runtime';
import { makeSeller } from '../../accounts/factories';
import { makeCategory } from '../../platform/factories';
import { IMPORT_TUNING } from '../service/import/run';
import { csv, uploadImport, waitForImport } from './import-helpers';

let database: Database;
let drop: () => Promise<void>;
let smtp: DevSmtp;
let filesDir: string;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  smtp = await startDevSmtp(0);
  filesDir = mkdtempSync(join(tmpdir(), 'sc-files-'));
});
afterAll(async () => {
  IMPORT_TUNING.afterBatch = null;
  await database.close();
  await smtp.close();
  await drop();
  rmSync(filesDir, { recursive: true, force: true });
});

const start = () =>
  startRuntime(
    loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      PUBLIC_URL: 'http://localhost:3000',
      SMTP_URL: smtp.url,
      WEB_DIST: '/nonexistent',
      RATE_LIMIT_AUTH_PER_MINUTE: '1000',
      APP_SECRET: 'test-app-secret-that-is-long-enough-0123456789',
      FILES_DIR: filesDir,
    }),
    { database, devSmtp: smtp },
  );

/** The runtime as the factories want it (they use the app and the database). */
const asTestApp = (runtime: Runtime) => ({ ...runtime, smtp, close: async () => {} }) as TestApp;

it('resumes after a restart from the last committed batch', async () => {
  const first = await start();
  const seller = await makeSeller(asTestApp(first));
  const category = await makeCategory(asTestApp(first));
  const rows: string[][] = [['product_key', 'title.en-US', 'sku_code', 'list_price']];
  for (let p = 0; p < 30; p++)
    for (let s = 0; s < 4; s++) rows.push([`R${p}`, `Product ${p}`, `RS-${p}-${s}`, '9.90']);

  IMPORT_TUNING.batchRows = 20;
  let stopped!: () => void;
  let reached!: () => void;
  const atCheckpoint = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const released = new Promise<void>((_, reject) => {
    stopped = () => reject(new Error('worker stopped'));
  });
  released.catch(() => {});
  // The first worker stops for good after its second committed batch (40 rows).
  IMPORT_TUNING.afterBatch = async (_id, done) => {
    if (done < 40) return;
    reached();
    await released;
  };
  const res = await uploadImport(seller.owner, csv(rows), { query: { categoryId: category.id } });
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id as string;
  await atCheckpoint;
  const during = await seller.owner.get(`/api/v1/seller/imports/${id}`);
  expect(during.json()).toMatchObject({ status: 'running', totalRows: 120, doneRows: 40, created: 40 });
  await first.stop();
  IMPORT_TUNING.afterBatch = null;
  stopped();

  const second = await start();
  try {
    const owner = new Agent(second.app);
    owner.cookie = seller.owner.cookie;
    owner.csrf = seller.owner.csrf;
    const view = await waitForImport(owner, id, 60_000);
    expect(view).toMatchObject({
      status: 'succeeded',
      totalRows: 120,
      doneRows: 120,
      created: 120,
      updated: 0,
      unchanged: 0,
      failed: 0,
    });
    const counts = await database.raw(
      'select count(*)::int as skus, count(distinct code)::int as codes, count(distinct product_id)::int as products from skus where seller_id = $1',
      [seller.sellerId],
    );
    expect(counts.rows[0]).toEqual({ skus: 120, codes: 120, products: 30 });
    const attempts = await database.raw('select attempts from import_jobs where id = $1', [id]);
    expect(attempts.rows[0]?.attempts).toBe(2);
  } finally {
    IMPORT_TUNING.batchRows = 500;
    await second.stop();
  }
}, 90_000);

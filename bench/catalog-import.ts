/**
 * catalog-import: bulk product imports through the public API (POST /api/v1/seller/imports, mode
 * valid_rows, polled until finished), on a fresh PostgreSQL database `sc_bench_import` (dropped at the end).
 * The file: titles in three languages, a description, brand, a variant attribute (size), a product
 * attribute, SKU code, EAN-13, list and sale prices, weight and dimensions (and stock when asked).
 *  (a) 100,000 rows (25,000 products × 4 SKUs), no stock column: wall time from upload to finish
 *      (target ≤ 60 s) and the server process's peak RSS (target ≤ 300 MB: VmHWM and sampled VmRSS of
 *      the child process; its RSS before the upload is reported too).
 *  (b) the same file on a server started with --max-old-space-size=256: the peak RSS when V8 may not let
 *      garbage pile up (the import's live data is small; the default heap limit lets RSS grow lazily).
 *  (c) 4,000 rows with a stock column: stock goes through inventory's adjustStock one SKU at a time
 *      (count correction, ledger row, availability events), which dominates; reported, no target.
 * Each scenario starts its own server. Knobs: BENCH_IMPORT_PRODUCTS (default 25000), BENCH_IMPORT_SKUS
 * (per product, default 4), BENCH_IMPORT_STOCK_PRODUCTS (default 1000), BENCH_IMPORT_SCENARIOS (e.g. "a,c").
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { changeSellerStatus, createOperator, markEmailVerified, signUp } from '../server/domains/accounts';
import { openDatabase, runMigrations } from '../server/platform/db/engine';
import { backgroundBase, withSystem } from '../server/platform/db/tenant';
import {
  type Benchmark,
  type BenchOutcome,
  freePort,
  round,
  type ServerProcess,
  sessionCookie,
  sleep,
  spawnServer,
  waitReady,
} from './harness';

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'sc_bench_import';
const DB_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);
const PRODUCTS = Number(process.env.BENCH_IMPORT_PRODUCTS ?? 25_000);
const SKUS_PER_PRODUCT = Number(process.env.BENCH_IMPORT_SKUS ?? 4);
const STOCK_PRODUCTS = Number(process.env.BENCH_IMPORT_STOCK_PRODUCTS ?? 1_000);
const SCENARIOS = (process.env.BENCH_IMPORT_SCENARIOS ?? 'a,b,c').split(',');
const TIME_TARGET_S = 60;
const RSS_TARGET_MB = 300;

const PASSWORD = 'Bench-Pass-2026!';
const OPERATOR = 'operator@bench.sellercenter.dev';
const OWNER = 'owner@bench-seller.sellercenter.dev';
const SIZES = ['S', 'M', 'L', 'XL', 'XXL', '3XL'];

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The operator and an approved seller, created on the migrated database before the server starts
 * (the demo seed would add a whole demo catalogue and take minutes).
 */
async function prepareAccounts(): Promise<void> {
  const database = await openDatabase({ url: DB_URL, poolSize: 2 });
  try {
    await runMigrations(database);
    await withSystem(database, backgroundBase(), async (ctx) => {
      await createOperator(ctx, {
        email: OPERATOR,
        name: 'Bench operator',
        password: PASSWORD,
        platformRole: 'platform_admin',
      });
      const seller = await signUp(ctx, {
        legalName: 'Bench Trading Co., Ltd.',
        country: 'CN',
        defaultCurrency: 'CNY',
        name: 'Bench Owner',
        email: OWNER,
        password: PASSWORD,
      });
      await markEmailVerified(ctx, seller.userId);
      await changeSellerStatus(ctx, { sellerId: seller.sellerId, to: 'active' });
    });
  } finally {
    await database.close();
  }
}

/** A signed-in API caller (session cookie + CSRF token), as the console is. */
class Caller {
  constructor(
    readonly base: string,
    readonly cookie: string,
    readonly csrf: string,
  ) {}

  static async signIn(base: string, email: string): Promise<Caller> {
    const res = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const cookie = sessionCookie(res);
    if (res.status !== 200 || !cookie) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
    const session = await fetch(`${base}/api/auth/session`, { headers: { cookie } });
    const { csrfToken } = (await session.json()) as { csrfToken: string };
    return new Caller(base, cookie, csrfToken);
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async upload<T>(path: string, data: Buffer, filename: string): Promise<T> {
    const form = new FormData();
    form.append('file', new Blob([data], { type: 'text/csv' }), filename);
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'x-csrf-token': this.csrf },
      body: form,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`upload: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }
}

/** EAN-13 number n (unique per n): prefix 2 is for in-store use, so no real product clashes. */
function ean13(n: number): string {
  const body = `2${String(n).padStart(11, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[11 - i]) * (i % 2 === 0 ? 3 : 1);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

interface FileSpec {
  /** Prefix of product keys and SKU codes: each scenario imports new products. */
  prefix: string;
  /** Numbers barcodes from here (unique across scenarios). */
  barcodeBase: number;
  products: number;
  withStock: boolean;
}

/** The CSV: one product per SKUS_PER_PRODUCT rows, product columns repeated on each row, UTF-8 with BOM. */
function generateCsv(sizeKey: string, materialKey: string, spec: FileSpec): Buffer {
  const header = [
    'product_key',
    'title.zh-CN',
    'title.en-US',
    'title.ru-RU',
    'description.en-US',
    'brand',
    `attr.${sizeKey}`,
    `attr.${materialKey}`,
    'sku_code',
    'barcode',
    'list_price',
    'sale_price',
    ...(spec.withStock ? ['stock'] : []),
    'weight_g',
    'length_mm',
    'width_mm',
    'height_mm',
  ];
  const lines = [header.join(',')];
  for (let p = 0; p < spec.products; p++) {
    const key = `${spec.prefix}${String(p).padStart(6, '0')}`;
    for (let s = 0; s < SKUS_PER_PRODUCT; s++) {
      const n = p * SKUS_PER_PRODUCT + s;
      const price = 1990 + (p % 50) * 100;
      lines.push(
        [
          key,
          `棉质T恤 ${p}`,
          `Cotton T-shirt ${p}`,
          `Хлопковая футболка ${p}`,
          `"Soft cotton, regular fit, model ${p}. Machine washable."`,
          'Acme',
          SIZES[s % SIZES.length],
          'Cotton',
          `${key}-${s + 1}`,
          ean13(spec.barcodeBase + n),
          (price / 100).toFixed(2),
          s === 0 ? ((price - 300) / 100).toFixed(2) : '',
          ...(spec.withStock ? [String((n % 40) + 1)] : []),
          '250',
          '300',
          '200',
          '40',
        ].join(','),
      );
    }
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Resident memory of a process, MB: now (VmRSS) and the peak since it started (VmHWM). */
function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { rss: round(kb('VmRSS') / 1024, 1), hwm: round(kb('VmHWM') / 1024, 1) };
}

interface ImportView {
  id: string;
  status: string;
  totalRows: number | null;
  doneRows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  error: { code: string; message: string } | null;
}

const serverEnv = (port: number, nodeOptions?: string) => ({
  PORT: String(port),
  DATABASE_URL: DB_URL,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'false',
  RATE_LIMIT_API_PER_MINUTE: '100000000',
  RATE_LIMIT_AUTH_PER_MINUTE: '100000000',
  WEB_DIST: '/nonexistent',
  APP_SECRET: 'bench-app-secret-that-is-long-enough-0123456789',
  UPLOAD_LIMIT_BYTES: String(200 * 1024 * 1024),
  ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
});

/** The category (size variant axis + material) the files import into, created by the operator. */
async function makeCategory(base: string): Promise<{ id: string; size: string; material: string }> {
  const operator = await Caller.signIn(base, OPERATOR);
  const suffix = Date.now().toString(36);
  const size = await operator.json<{ id: string; key: string }>('POST', '/api/v1/platform/attributes', {
    key: `size_${suffix}`,
    type: 'enum',
    names: { 'en-US': 'Size', 'zh-CN': '尺码', 'ru-RU': 'Размер' },
    options: SIZES.map((value) => ({ value, names: { 'en-US': value, 'zh-CN': value, 'ru-RU': value } })),
  });
  const material = await operator.json<{ id: string; key: string }>('POST', '/api/v1/platform/attributes', {
    key: `material_${suffix}`,
    type: 'text',
    names: { 'en-US': 'Material', 'zh-CN': '材质', 'ru-RU': 'Материал' },
  });
  const category = await operator.json<{ id: string }>('POST', '/api/v1/platform/categories', {
    slug: `bench-tshirts-${suffix}`,
    names: { 'en-US': 'T-shirts', 'zh-CN': 'T恤', 'ru-RU': 'Футболки' },
  });
  await operator.json('PUT', `/api/v1/platform/categories/${category.id}/attributes/${size.id}`, {
    required: true,
    variant: true,
    position: 0,
  });
  await operator.json('PUT', `/api/v1/platform/categories/${category.id}/attributes/${material.id}`, {
    required: false,
    variant: false,
    position: 1,
  });
  return { id: category.id, size: size.key, material: material.key };
}

interface Measured {
  rows: number;
  seconds: number;
  acceptedMs: number;
  memoryMb: { before: number; peak: number; hwm: number };
  view: ImportView;
  database: { products: number; skus: number; levels: number };
  progress: { seconds: number; doneRows: number }[];
  fileBytes: number;
  /** 1-minute load average of the machine when the import finished (other processes compete for CPU). */
  load: number;
}

/** Starts a server, imports one generated file, stops the server; time and memory of the import. */
async function importOnce(spec: FileSpec, nodeOptions?: string): Promise<Measured> {
  let server: ServerProcess | null = null;
  try {
    server = spawnServer(serverEnv(await freePort(), nodeOptions));
    await waitReady(server, performance.now(), 180_000);
    const pid = server.proc.pid as number;
    const category = await makeCategory(server.baseUrl);
    const owner = await Caller.signIn(server.baseUrl, OWNER);
    if (spec.withStock) {
      const existing = await owner.json<{ items: unknown[] }>('GET', '/api/v1/seller/warehouses');
      if (existing.items.length === 0)
        await owner.json('POST', '/api/v1/seller/warehouses', {
          code: 'BENCH-WH',
          name: 'Bench warehouse',
          address: { country: 'CN', city: 'Hangzhou', line1: '1 Bench Road', postalCode: '310000' },
          handlingDays: 1,
        });
    }
    const file = generateCsv(category.size, category.material, spec);
    const rows = spec.products * SKUS_PER_PRODUCT;
    const before = memoryOf(pid);
    let peak = before.rss;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        try {
          peak = Math.max(peak, memoryOf(pid).rss);
        } catch {
          break;
        }
        await sleep(100);
      }
    })();
    const started = performance.now();
    const created = await owner.upload<ImportView>(
      `/api/v1/seller/imports?mode=valid_rows&categoryId=${category.id}`,
      file,
      `bench-${spec.prefix}.csv`,
    );
    const acceptedMs = performance.now() - started;
    let view = created;
    const progress: { seconds: number; doneRows: number }[] = [];
    while (view.status === 'queued' || view.status === 'running') {
      await sleep(500);
      view = await owner.json<ImportView>('GET', `/api/v1/seller/imports/${created.id}`);
      progress.push({ seconds: round((performance.now() - started) / 1000, 1), doneRows: view.doneRows });
      if (performance.now() - started > 30 * 60_000) throw new Error('import did not finish in 30 minutes');
    }
    const seconds = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;
    const after = memoryOf(pid);
    if (view.status !== 'succeeded') throw new Error(`import ${view.status}: ${JSON.stringify(view)}`);
    const client = new pg.Client({ connectionString: DB_URL });
    await client.connect();
    const counted = await client.query(
      `select count(distinct s.product_id)::int as products, count(*)::int as skus,
        (select count(*)::int from stock_levels l join skus k on k.id = l.sku_id where k.code like $1) as levels
       from skus s where s.code like $1`,
      [`${spec.prefix}%`],
    );
    await client.end();
    return {
      rows,
      seconds: round(seconds, 2),
      acceptedMs: Math.round(acceptedMs),
      memoryMb: { before: before.rss, peak: Math.max(peak, after.hwm), hwm: after.hwm },
      view,
      database: counted.rows[0] as Measured['database'],
      progress,
      fileBytes: file.length,
      load: round(loadavg()[0] ?? 0, 1),
    };
  } finally {
    await server?.stop();
  }
}

const complete = (m: Measured, products: number) =>
  m.view.created === m.rows &&
  m.view.failed === 0 &&
  m.database.skus === m.rows &&
  m.database.products === products;

async function run(): Promise<BenchOutcome> {
  await adminQuery(`drop database if exists ${DB_NAME} with (force)`);
  await adminQuery(`create database ${DB_NAME}`);
  const rows: BenchOutcome['rows'] = [];
  const data: Record<string, unknown> = { products: PRODUCTS, skusPerProduct: SKUS_PER_PRODUCT };
  try {
    await prepareAccounts();
    const total = PRODUCTS * SKUS_PER_PRODUCT;
    const label = `${total.toLocaleString('en-US')} rows (${PRODUCTS.toLocaleString('en-US')} products × ${SKUS_PER_PRODUCT})`;
    if (SCENARIOS.includes('a')) {
      const a = await importOnce({ prefix: 'BA', barcodeBase: 1, products: PRODUCTS, withStock: false });
      data.a = a;
      rows.push(
        {
          scenario: `(a) import ${label}`,
          target: `≤ ${TIME_TARGET_S} s`,
          result: `${a.seconds} s (${Math.round(a.rows / a.seconds).toLocaleString('en-US')} rows/s; upload accepted in ${a.acceptedMs} ms; load average ${a.load})`,
          pass: a.seconds <= TIME_TARGET_S && complete(a, PRODUCTS),
        },
        {
          scenario: '(a) server peak RSS',
          target: `≤ ${RSS_TARGET_MB} MB`,
          result: `${a.memoryMb.peak} MB (idle before the upload: ${a.memoryMb.before} MB; +${round(a.memoryMb.peak - a.memoryMb.before, 1)} MB)`,
          pass: a.memoryMb.peak <= RSS_TARGET_MB,
        },
        {
          scenario: '(a) result',
          target: `${total} created, 0 failed`,
          result: `created ${a.view.created}, failed ${a.view.failed}; database: ${a.database.products} products, ${a.database.skus} SKUs`,
          pass: complete(a, PRODUCTS),
        },
      );
    }
    if (SCENARIOS.includes('b')) {
      const b = await importOnce(
        { prefix: 'BB', barcodeBase: 1_000_001, products: PRODUCTS, withStock: false },
        '--max-old-space-size=256',
      );
      data.b = b;
      rows.push({
        scenario: `(b) ${label}, server with --max-old-space-size=256`,
        target: `≤ ${RSS_TARGET_MB} MB`,
        result: `${b.memoryMb.peak} MB peak (idle ${b.memoryMb.before} MB; +${round(b.memoryMb.peak - b.memoryMb.before, 1)} MB); ${b.seconds} s`,
        pass: b.memoryMb.peak <= RSS_TARGET_MB && complete(b, PRODUCTS),
      });
    }
    if (SCENARIOS.includes('c')) {
      const c = await importOnce({
        prefix: 'BC',
        barcodeBase: 2_000_001,
        products: STOCK_PRODUCTS,
        withStock: true,
      });
      data.c = c;
      rows.push({
        scenario: `(c) ${(STOCK_PRODUCTS * SKUS_PER_PRODUCT).toLocaleString('en-US')} rows with a stock column`,
        target: 'report',
        result: `${c.seconds} s (${Math.round(c.rows / c.seconds).toLocaleString('en-US')} rows/s); ${c.database.levels} stock records`,
        pass: complete(c, STOCK_PRODUCTS) && c.database.levels === c.rows ? null : false,
      });
    }
    return { rows, data };
  } finally {
    await adminQuery(`drop database if exists ${DB_NAME} with (force)`).catch(() => {});
  }
}

export const catalogImport: Benchmark = {
  name: 'catalog-import',
  description: `CSV import of ${(PRODUCTS * SKUS_PER_PRODUCT).toLocaleString('en-US')} rows on PostgreSQL: time and server RSS`,
  run,
};

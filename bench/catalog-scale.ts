/**
 * catalog-scale: the catalogue's hot reads with 1,000,000 SKUs in the database (200,000 of them one
 * seller's).
 *  - The product runs as a child process on a fresh PostgreSQL database `sc_bench_catalog` (dropped at
 *    the end): migrations and the demo seed (platform categories, demo sellers and stores; no demo
 *    products: SEED_PRODUCTS=0).
 *  - The data is generated with SQL straight into the catalog tables (products, skus, sku_prices,
 *    store_listings): 250,000 approved products × 4 SKUs, 50,000 of them the demo seller's
 *    (owner@demo-shop-1, two stores), the rest spread over 20 other sellers; titles in zh-CN, en-US and
 *    ru-RU from word lists, 90 % on sale. Secondary indexes are dropped for the load and rebuilt after.
 *  - autocannon, 20 connections, against: the seller's product list filtered by sale state and
 *    category with a search term (signed in as the owner); storefront search by text (default sort:
 *    relevance), and sorted newest first; storefront category browse (subtree, newest first).
 *    The paths rotate over several terms / categories, so no single query is measured. Two baselines come
 *    first, in the same run: /healthz and a signed-in one-query GET (what the machine gives any request).
 * Target: p99 ≤ 30 ms. Knobs: BENCH_CATALOG_PRODUCTS (default 250000), BENCH_CATALOG_SELLER_PRODUCTS
 * (default 50000), BENCH_DURATION_SECONDS, BENCH_WARMUP_SECONDS, BENCH_KEEP_DB=1 (keep the database to
 * inspect query plans), BENCH_REUSE_DB=1 (keep the database and reuse it on the next run when it holds the
 * same amount of data and the migrations differ from the ones it was generated with only in their
 * indexes: the indexes are brought to the current migrations instead of regenerating ~2 minutes of data).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  type Benchmark,
  type BenchOutcome,
  freePort,
  type LoadResult,
  type Row,
  round,
  type ServerProcess,
  sessionCookie,
  spawnServer,
  waitReady,
} from './harness';

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'sc_bench_catalog';
const DB_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);
const PRODUCTS = Number(process.env.BENCH_CATALOG_PRODUCTS ?? 250_000);
const SELLER_PRODUCTS = Number(process.env.BENCH_CATALOG_SELLER_PRODUCTS ?? 50_000);
const SKUS_PER_PRODUCT = 4;
const OTHER_SELLERS = 20;
const DURATION = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = 20;
const P99_TARGET_MS = 30;

const PASSWORD = 'Demo-Pass-2026!';
const OWNER = 'owner@demo-shop-1.sellercenter.dev';

/** Parallel word lists: [en, ru, zh]. A product's title is adjective + material + noun + model. */
const ADJECTIVES = [
  ['classic', 'классический', '经典'],
  ['slim', 'узкий', '修身'],
  ['oversized', 'объёмный', '宽松'],
  ['vintage', 'винтажный', '复古'],
  ['sport', 'спортивный', '运动'],
  ['premium', 'премиальный', '高端'],
  ['lightweight', 'лёгкий', '轻薄'],
  ['warm', 'тёплый', '保暖'],
  ['waterproof', 'водонепроницаемый', '防水'],
  ['wireless', 'беспроводной', '无线'],
  ['compact', 'компактный', '迷你'],
  ['handmade', 'ручной', '手工'],
];
const MATERIALS = [
  ['cotton', 'хлопковый', '纯棉'],
  ['linen', 'льняной', '亚麻'],
  ['silk', 'шёлковый', '真丝'],
  ['wool', 'шерстяной', '羊毛'],
  ['leather', 'кожаный', '真皮'],
  ['ceramic', 'керамический', '陶瓷'],
  ['bamboo', 'бамбуковый', '竹制'],
  ['steel', 'стальной', '不锈钢'],
];
const NOUNS = [
  ['shirt', 'рубашка', '衬衫'],
  ['dress', 'платье', '连衣裙'],
  ['jacket', 'куртка', '夹克'],
  ['sweater', 'свитер', '毛衣'],
  ['scarf', 'шарф', '围巾'],
  ['backpack', 'рюкзак', '双肩包'],
  ['wallet', 'кошелёк', '钱包'],
  ['mug', 'кружка', '马克杯'],
  ['teapot', 'чайник', '茶壶'],
  ['headphones', 'наушники', '耳机'],
  ['charger', 'зарядка', '充电器'],
  ['lamp', 'лампа', '台灯'],
  ['pillow', 'подушка', '抱枕'],
  ['blanket', 'плед', '毛毯'],
  ['sneakers', 'кроссовки', '运动鞋'],
  ['watch', 'часы', '手表'],
  ['umbrella', 'зонт', '雨伞'],
  ['notebook', 'блокнот', '笔记本'],
  ['bottle', 'бутылка', '水杯'],
  ['towel', 'полотенце', '毛巾'],
];

const sqlArray = (values: string[]) => `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`;
const column = (list: string[][], i: number) => sqlArray(list.map((w) => w[i] as string));

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${url} (${(err as Error).message}). Start it with: ` +
        'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const TABLES = ['products', 'skus', 'sku_prices', 'store_listings'];
const REUSE = process.env.BENCH_REUSE_DB === '1';
const MIGRATIONS_DIR = new URL('../server/db/migrations/', import.meta.url);

interface Migration {
  when: number;
  hash: string;
  statements: string[];
}

/** The product's migrations as drizzle's migrator sees them (journal order, sha256 of each file). */
function migrations(): Migration[] {
  const journal = JSON.parse(readFileSync(new URL('meta/_journal.json', MIGRATIONS_DIR), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  return journal.entries.map((e) => {
    const text = readFileSync(new URL(`${e.tag}.sql`, MIGRATIONS_DIR), 'utf8');
    return {
      when: e.when,
      hash: createHash('sha256').update(text).digest('hex'),
      statements: text
        .split('--> statement-breakpoint')
        .map((x) => x.trim())
        .filter(Boolean),
    };
  });
}

const INDEX_STATEMENT = /^CREATE (UNIQUE )?INDEX "([^"]+)"/;
/** Everything but the indexes: the reused data is valid while this is unchanged. */
const schemaFingerprint = (all: Migration[]) =>
  createHash('sha256')
    .update(
      all
        .flatMap((m) => m.statements)
        .filter((x) => !INDEX_STATEMENT.test(x))
        .join('\n'),
    )
    .digest('hex');
const indexStatements = (all: Migration[]) =>
  new Map(
    all
      .flatMap((m) => m.statements)
      .map((x) => [INDEX_STATEMENT.exec(x)?.[2], x] as const)
      .filter((e): e is [string, string] => !!e[0]),
  );

/** Records what the data was generated with (read by the next run with BENCH_REUSE_DB=1). */
async function recordMeta(c: pg.Client) {
  const all = migrations();
  await c.query('create table if not exists bench_meta (key text primary key, value text not null)');
  await c.query('create table if not exists bench_indexes (name text primary key, statement text not null)');
  await c.query(
    `insert into bench_meta values ('fingerprint', $1), ('products', $2), ('seller_products', $3)
     on conflict (key) do update set value = excluded.value`,
    [schemaFingerprint(all), String(PRODUCTS), String(SELLER_PRODUCTS)],
  );
  await c.query('delete from bench_indexes');
  for (const [name, statement] of indexStatements(all))
    await c.query('insert into bench_indexes values ($1, $2)', [name, statement]);
}

/**
 * BENCH_REUSE_DB=1: true when the kept database can serve this run. Its migration records are then set to
 * the current migrations (so the product's migrator applies nothing) and its indexes are brought to the
 * current definitions: missing ones created, dropped ones dropped, changed ones rebuilt.
 */
async function reuseDatabase(): Promise<boolean> {
  const exists = await withClient(ADMIN_URL, (c) =>
    c.query('select 1 from pg_database where datname = $1', [DB_NAME]),
  );
  if (exists.rowCount === 0) return false;
  return withClient(DB_URL, async (c) => {
    const all = migrations();
    const hasMeta = await c.query("select to_regclass('public.bench_meta') is not null as ok");
    if (!hasMeta.rows[0]?.ok) return false;
    const meta = new Map(
      (await c.query<{ key: string; value: string }>('select key, value from bench_meta')).rows.map((r) => [
        r.key,
        r.value,
      ]),
    );
    if (
      meta.get('fingerprint') !== schemaFingerprint(all) ||
      meta.get('products') !== String(PRODUCTS) ||
      meta.get('seller_products') !== String(SELLER_PRODUCTS)
    ) {
      console.log('  the kept database was generated with other tables or sizes: generating again');
      return false;
    }
    const t0 = performance.now();
    await c.query('delete from drizzle.__drizzle_migrations');
    for (const m of all)
      await c.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
        m.hash,
        m.when,
      ]);
    const wanted = indexStatements(all);
    const recorded = new Map(
      (
        await c.query<{ name: string; statement: string }>('select name, statement from bench_indexes')
      ).rows.map((r) => [r.name, r.statement]),
    );
    const present = await c.query<{ indexname: string }>(
      `select i.indexname from pg_indexes i where i.schemaname = 'public'
         and i.tablename not in ('bench_meta', 'bench_indexes')
         and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`,
    );
    await c.query("set maintenance_work_mem = '256MB'");
    const changed: string[] = [];
    for (const { indexname } of present.rows)
      if (!wanted.has(indexname) || recorded.get(indexname) !== wanted.get(indexname)) {
        await c.query(`drop index "${indexname}"`);
        changed.push(`-${indexname}`);
      }
    const now = new Set(
      (
        await c.query<{ indexname: string }>("select indexname from pg_indexes where schemaname = 'public'")
      ).rows.map((r) => r.indexname),
    );
    for (const [name, statement] of wanted)
      if (!now.has(name)) {
        await c.query(statement);
        changed.push(`+${name}`);
      }
    for (const table of TABLES) await c.query(`analyze ${table}`);
    await recordMeta(c);
    console.log(
      `  reusing ${DB_NAME}; indexes ${changed.length ? changed.join(' ') : 'unchanged'} (${round((performance.now() - t0) / 1000, 1)} s)`,
    );
    return true;
  });
}

/**
 * Fills the catalog tables with SQL. Secondary indexes (not the primary keys) are dropped first and
 * recreated from their own definitions afterwards: building a trigram index once is far cheaper than
 * maintaining it row by row.
 */
async function generate(c: pg.Client): Promise<Record<string, number>> {
  const t0 = performance.now();
  const seller = await c.query<{ seller_id: string }>(
    `select m.seller_id from members m join users u on u.id = m.user_id where u.email = $1 limit 1`,
    [OWNER],
  );
  const sellerId = seller.rows[0]?.seller_id;
  if (!sellerId) throw new Error('the demo seller is missing (did the demo seed run?)');
  const stores = await c.query<{ id: string; currency: string }>(
    'select id, currency from stores where seller_id = $1 order by created_at',
    [sellerId],
  );
  const leaves = await c.query<{ id: string }>(
    `select c.id from categories c where c.active and not exists (select 1 from categories k where k.parent_id = c.id) order by c.slug`,
  );
  if (stores.rows.length === 0 || leaves.rows.length === 0)
    throw new Error('demo stores or categories missing');
  const storeIds = stores.rows.map((s) => s.id);
  const leafIds = leaves.rows.map((l) => l.id);

  const indexes = await c.query<{ indexname: string; indexdef: string }>(
    `select i.indexname, i.indexdef from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`,
    [TABLES],
  );
  for (const ix of indexes.rows) await c.query(`drop index if exists "${ix.indexname}"`);
  await c.query("set maintenance_work_mem = '256MB'");
  await c.query('set synchronous_commit = off');

  // One row per product with everything the four tables need.
  await c.query(`create temp table bp as
    select g.i,
      gen_random_uuid() as id,
      case when g.i <= ${SELLER_PRODUCTS} then '${sellerId}'::uuid
        else md5('bench-seller-' || (g.i % ${OTHER_SELLERS}))::uuid end as seller_id,
      case when g.i <= ${SELLER_PRODUCTS} then ${sqlArray(storeIds)}::uuid[]
        else array[md5('bench-store-' || (g.i % ${OTHER_SELLERS}))::uuid] end as store_ids,
      (${sqlArray(leafIds)}::uuid[])[1 + (g.i * 7) % ${leafIds.length}] as category_id,
      1 + (g.i * 5) % ${ADJECTIVES.length} as a,
      1 + (g.i * 3) % ${MATERIALS.length} as m,
      1 + (g.i * 11) % ${NOUNS.length} as n,
      (990 + (g.i * 37) % 50000)::bigint as price,
      now() - ((g.i % 129600) || ' minutes')::interval as at,
      g.i % 10 <> 0 as on_sale
    from generate_series(1, ${PRODUCTS}) g(i)`);
  await c.query(`alter table bp add column title jsonb, add column search_text text, add column path uuid[]`);
  await c.query(`update bp set title = jsonb_build_object(
      'en-US', initcap((${column(ADJECTIVES, 0)})[a] || ' ' || (${column(MATERIALS, 0)})[m] || ' ' || (${column(NOUNS, 0)})[n]) || ' ' || 'M' || i,
      'ru-RU', initcap((${column(ADJECTIVES, 1)})[a] || ' ' || (${column(MATERIALS, 1)})[m] || ' ' || (${column(NOUNS, 1)})[n]) || ' M' || i,
      'zh-CN', (${column(ADJECTIVES, 2)})[a] || (${column(MATERIALS, 2)})[m] || (${column(NOUNS, 2)})[n] || ' M' || i)`);
  await c.query(`update bp set search_text = lower((title->>'zh-CN') || ' ' || (title->>'en-US') || ' ' || (title->>'ru-RU') || ' benchbrand'),
    path = (select k.path from categories k where k.id = bp.category_id)`);
  const t1 = performance.now();

  await c.query(`insert into products (id, seller_id, category_id, brand, title, description, keywords, attributes,
      store_ids, search_text, review_state, sale_state, published, published_at, quality_score, created_at, updated_at)
    select id, seller_id, category_id, 'BenchBrand', title,
      jsonb_build_object('en-US', 'Generated product ' || i || ' for the catalog benchmark.'), '{}'::jsonb, '{}'::jsonb,
      store_ids, search_text, 'approved', case when on_sale then 'active' else 'inactive' end,
      jsonb_build_object('categoryId', category_id, 'brand', 'BenchBrand', 'title', title,
        'description', jsonb_build_object('en-US', 'Generated product ' || i || ' for the catalog benchmark.'),
        'keywords', '{}'::jsonb, 'attributes', '{}'::jsonb, 'imageIds', '[]'::jsonb, 'videoUrl', null,
        'documentIds', '[]'::jsonb),
      at, 40 + i % 60, at, at
    from bp`);
  await c.query(`insert into skus (id, seller_id, product_id, code, options, currency, list_price, sale_price,
      weight_grams, status, position, created_at, updated_at)
    select gen_random_uuid(), seller_id, id, 'B' || i || '-' || k, '{}'::jsonb,
      'CNY',
      price + k * 100, case when k = 1 and i % 4 = 0 then price - 100 else null end,
      300, 'active', k, at, at
    from bp, generate_series(1, ${SKUS_PER_PRODUCT}) k`);
  await c.query(`insert into sku_prices (sku_id, store_id, seller_id, currency, mode, list_price, sale_price, updated_at)
    select s.id, st.store_id, s.seller_id,
      case when st.store_id = any(${sqlArray(storeIds.slice(1))}::uuid[]) then 'RUB' else 'CNY' end, 'follow',
      case when st.store_id = any(${sqlArray(storeIds.slice(1))}::uuid[]) then round(s.list_price * 12.45 / 100) * 100 else s.list_price end,
      case when s.sale_price is null then null
        when st.store_id = any(${sqlArray(storeIds.slice(1))}::uuid[]) then round(s.sale_price * 12.45 / 100) * 100
        else s.sale_price end,
      s.updated_at
    from skus s join bp on bp.id = s.product_id, unnest(bp.store_ids) st(store_id)`);
  await c.query(`insert into store_listings (product_id, store_id, seller_id, category_path, title, search_text, currency,
      min_price, max_price, main_image_id, buyable, published_at)
    select bp.id, p.store_id, bp.seller_id, bp.path, bp.title, bp.search_text, p.currency,
      min(coalesce(p.sale_price, p.list_price)), max(coalesce(p.sale_price, p.list_price)), null,
      bp.i % 20 <> 0, bp.at
    from bp join skus s on s.product_id = bp.id join sku_prices p on p.sku_id = s.id
    where bp.on_sale
    group by bp.id, p.store_id, bp.seller_id, bp.path, bp.title, bp.search_text, p.currency, bp.at, bp.i`);
  const t2 = performance.now();
  for (const ix of indexes.rows) await c.query(ix.indexdef);
  for (const table of TABLES) await c.query(`analyze ${table}`);
  const t3 = performance.now();
  const counts = await c.query<Record<string, number>>(
    `select
    (select count(*) from products)::int as products, (select count(*) from skus)::int as skus,
    (select count(*) from skus where seller_id = $1)::int as seller_skus,
    (select count(*) from sku_prices)::int as sku_prices, (select count(*) from store_listings)::int as store_listings`,
    [sellerId],
  );
  return {
    ...(counts.rows[0] as Record<string, number>),
    prepareSeconds: round((t1 - t0) / 1000, 1),
    insertSeconds: round((t2 - t1) / 1000, 1),
    indexSeconds: round((t3 - t2) / 1000, 1),
  };
}

/** autocannon over several paths in turn (each connection takes the next one). */
async function loadPaths(
  base: string,
  paths: string[],
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  let next = 0;
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: CONNECTIONS,
      duration,
      timeout: 10,
      headers,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] as string }),
        },
      ],
    });
  if (WARMUP > 0) await run(WARMUP);
  const r = await run(DURATION);
  return {
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    overallRate: null,
    requests: r.requests.total,
    requestsPerSecond: round(r.requests.average, 1),
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      mean: round(r.latency.mean, 2),
    },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

const fmt = (r: LoadResult) =>
  `${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms` +
  (r.non2xx || r.errors || r.timeouts ? ` (non-2xx ${r.non2xx}, errors ${r.errors + r.timeouts})` : '');

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: OWNER, password: PASSWORD }),
  });
  const cookie = sessionCookie(res);
  if (res.status !== 200 || !cookie) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  return cookie;
}

/** Every path answers 200 with items before it is measured. */
async function probe(base: string, paths: string[], headers: Record<string, string> = {}) {
  const found: number[] = [];
  for (const path of paths) {
    const res = await fetch(`${base}${path}`, { headers });
    const body = (await res.json()) as { items?: unknown[] };
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    found.push(body.items?.length ?? 0);
  }
  return found;
}

async function run(): Promise<BenchOutcome> {
  const rows: Row[] = [];
  const data: Record<string, unknown> = {
    products: PRODUCTS,
    sellerProducts: SELLER_PRODUCTS,
    durationSeconds: DURATION,
  };
  const reused = REUSE && (await reuseDatabase());
  if (!reused) {
    await withClient(ADMIN_URL, (c) => c.query(`drop database if exists ${DB_NAME} with (force)`));
    await withClient(ADMIN_URL, (c) => c.query(`create database ${DB_NAME}`));
  }
  let server: ServerProcess | null = null;
  try {
    const port = await freePort();
    server = spawnServer({
      PORT: String(port),
      DEV_SMTP_PORT: String(await freePort()),
      DATABASE_URL: DB_URL,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'true',
      SEED_PRODUCTS: '0',
      RATE_LIMIT_API_PER_MINUTE: '100000000',
      RATE_LIMIT_AUTH_PER_MINUTE: '100000000',
      WEB_DIST: '/nonexistent',
      APP_SECRET: 'bench-app-secret-that-is-long-enough-0123456789',
    });
    await waitReady(server, performance.now(), 180_000);
    const base = server.baseUrl;
    if (reused) data.generated = 'reused';
    else {
      console.log(`  generating ${PRODUCTS * SKUS_PER_PRODUCT} SKUs…`);
      data.generated = await withClient(DB_URL, async (c) => {
        const figures = await generate(c);
        await recordMeta(c);
        return figures;
      });
      console.log(`  generated: ${JSON.stringify(data.generated)}`);
    }

    const ids = await withClient(DB_URL, async (c) => ({
      clothing: (await c.query<{ id: string }>("select id from categories where slug = 'clothing'")).rows[0]
        ?.id,
      women: (await c.query<{ id: string }>("select id from categories where slug = 'women'")).rows[0]?.id,
      home: (await c.query<{ id: string }>("select id from categories where slug = 'home'")).rows[0]?.id,
      electronics: (await c.query<{ id: string }>("select id from categories where slug = 'electronics'"))
        .rows[0]?.id,
    }));
    const categories = Object.values(ids).filter((x): x is string => !!x);
    const cookie = await signIn(base);
    const seller = { cookie };

    const scenarios: { name: string; paths: string[]; headers?: Record<string, string> }[] = [
      {
        name: 'seller product list: search + sale state + category (200k SKUs seller)',
        paths: ['linen', 'silk scarf', 'кружка', '保暖', 'vintage'].flatMap((q, i) => [
          `/api/v1/seller/products?q=${encodeURIComponent(q)}&saleState=active&categoryId=${categories[i % categories.length]}&limit=50`,
          `/api/v1/seller/products?q=${encodeURIComponent(q)}&reviewState=approved&limit=50`,
        ]),
        headers: seller,
      },
      {
        name: 'storefront search by text (newest first)',
        paths: ['wool sweater', 'шёлковый', '耳机', 'waterproof jacket', 'teapot', 'лампа'].map(
          (q) => `/api/v1/store/products?q=${encodeURIComponent(q)}&sort=newest&limit=24`,
        ),
      },
      {
        name: 'storefront category browse (subtree, newest first)',
        paths: categories.flatMap((id) => [
          `/api/v1/store/products?categoryId=${id}&limit=24`,
          `/api/v1/store/products?categoryId=${id}&sort=price_asc&currency=CNY&minPrice=10000&maxPrice=30000&limit=24`,
        ]),
      },
      // Last: its slow queries would still run in the database while the next scenario is measured.
      {
        name: 'storefront search by text (relevance)',
        paths: ['wool sweater', 'шёлковый', '耳机', 'waterproof jacket', 'teapot', 'лампа'].map(
          (q) => `/api/v1/store/products?q=${encodeURIComponent(q)}&limit=24`,
        ),
      },
    ];
    // What this machine gives any request at 20 connections in the same run: the floor under the figures.
    const baselines = [
      { name: 'baseline: GET /healthz (no database)', paths: ['/healthz'] },
      {
        name: 'baseline: GET /api/v1/seller/stores (signed in, one query)',
        paths: ['/api/v1/seller/stores'],
        headers: seller,
      },
    ];
    for (const b of baselines) {
      const r = await loadPaths(base, b.paths, b.headers);
      rows.push({ scenario: b.name, target: 'report', result: fmt(r), pass: null });
      data[b.name] = r;
    }
    const results: Record<string, unknown> = {};
    for (const s of scenarios) {
      const found = await probe(base, s.paths, s.headers);
      const r = await loadPaths(base, s.paths, s.headers);
      results[s.name] = { ...r, itemsPerPath: found };
      rows.push({
        scenario: s.name,
        target: `p99 ≤ ${P99_TARGET_MS} ms`,
        result: fmt(r),
        pass: r.requests > 0 && r.latencyMs.p99 <= P99_TARGET_MS && r.non2xx === 0 && r.errors === 0,
      });
    }
    data.loads = results;
  } finally {
    await server?.stop();
    if (process.env.BENCH_KEEP_DB !== '1' && !REUSE)
      await withClient(ADMIN_URL, (c) => c.query(`drop database if exists ${DB_NAME} with (force)`)).catch(
        () => {},
      );
  }
  return { rows, data };
}

export const catalogScale: Benchmark = {
  name: 'catalog-scale',
  description: `product list and storefront search with ${PRODUCTS * SKUS_PER_PRODUCT} SKUs (${SELLER_PRODUCTS * SKUS_PER_PRODUCT} one seller's)`,
  run,
};

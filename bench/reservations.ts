/**
 * reservations: stock reservation throughput under contention, calling the inventory service directly
 * (no HTTP route reserves stock yet: checkout will). Each reservation is its own seller transaction
 * (withTenant → inventory `reserve(ctx, [{ skuId, quantity: 1 }], ref)` → commit) over a pg pool, as
 * a checkout request would run it.
 *  - hot SKU: 100 concurrent clients all reserving the same SKU (one stock row: every reservation
 *    waits for the row lock of the one before);
 *  - spread SKUs: the same 100 clients over 1,000 SKUs;
 *  - oversell check: 100 clients race for a SKU with 2,000 units until they all hear out_of_stock;
 *    exactly 2,000 must be reserved.
 * After each phase the ledger is checked: reserved on every stock row = the sum of its held
 * reservations, on hand ≥ reserved, and the reserved movements add up.
 * Runs on a fresh PostgreSQL database `sc_bench_reservations` (dropped at the end), migrated by the
 * product's own migrations; the warehouse and stock rows are inserted with SQL.
 * Knobs: BENCH_DURATION_SECONDS (per phase, default 10), BENCH_RESERVE_POOL (default 40),
 * BENCH_RESERVE_CLIENTS (default 100).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { reserve } from '../server/domains/inventory';
import { type Database, openDatabase, runMigrations } from '../server/platform/db/engine';
import { backgroundBase, withTenant } from '../server/platform/db/tenant';
import { type Benchmark, type BenchOutcome, type Row, round } from './harness';

const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = 'sc_bench_reservations';
const DB_URL = ADMIN_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);
const DURATION = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const POOL = Number(process.env.BENCH_RESERVE_POOL ?? 40);
const CLIENTS = Number(process.env.BENCH_RESERVE_CLIENTS ?? 100);
const SPREAD_SKUS = 1_000;
const OVERSELL_UNITS = 2_000;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${ADMIN_URL} (${(err as Error).message}). Start it with: ` +
        'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

interface Phase {
  reservations: number;
  outOfStock: number;
  failed: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  firstError: string | null;
}

const pct = (sorted: number[], p: number) =>
  round(sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0, 1);

/**
 * `clients` loops, each reserving one unit of `pickSku()` per transaction until the time is up (or,
 * with `untilOutOfStock`, until it is told out_of_stock). Latency includes waiting for a connection.
 */
async function hammer(
  db: Database,
  sellerId: string,
  pickSku: () => string,
  opts: { seconds: number; untilOutOfStock?: boolean },
): Promise<Phase> {
  const latencies: number[] = [];
  let outOfStock = 0;
  let failed = 0;
  let firstError: string | null = null;
  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try {
        await withTenant(db, { ...backgroundBase(), sellerId, storeIds: null, currentStoreId: null }, (ctx) =>
          reserve(ctx, [{ skuId: pickSku(), quantity: 1 }], { type: 'bench', id: randomUUID() }),
        );
        latencies.push(performance.now() - t0);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'out_of_stock') {
          outOfStock++;
          if (opts.untilOutOfStock) return;
        } else {
          failed++;
          firstError ??= `${code ?? ''} ${(err as Error).message}`;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = (performance.now() - start) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    reservations: latencies.length,
    outOfStock,
    failed,
    seconds: round(seconds, 1),
    perSecond: round(latencies.length / seconds, 1),
    latencyMs: { p50: pct(sorted, 0.5), p90: pct(sorted, 0.9), p99: pct(sorted, 0.99), max: pct(sorted, 1) },
    firstError,
  };
}

/** The ledger agrees with itself: reserved = held reservations, on hand ≥ reserved, movements add up. */
async function checkLedger(db: Database, skuIds: string[]) {
  const { rows } = await db.raw(
    `select l.sku_id, l.on_hand, l.reserved,
       coalesce((select sum(r.quantity) from reservations r where r.sku_id = l.sku_id and r.status = 'held'), 0)::int as held,
       coalesce((select sum(m.reserved_delta) from stock_movements m where m.sku_id = l.sku_id), 0)::int as moved
     from stock_levels l where l.sku_id = any($1::uuid[])`,
    [skuIds],
  );
  const bad = rows.filter(
    (r) =>
      Number(r.reserved) !== Number(r.held) ||
      Number(r.reserved) !== Number(r.moved) ||
      Number(r.on_hand) < Number(r.reserved),
  );
  const reserved = rows.reduce((n, r) => n + Number(r.reserved), 0);
  return { ok: bad.length === 0, rows: rows.length, reserved, bad: bad.slice(0, 5) };
}

async function run(): Promise<BenchOutcome> {
  const rows: Row[] = [];
  const data: Record<string, unknown> = {
    durationSeconds: DURATION,
    pool: POOL,
    clients: CLIENTS,
    via: 'direct service call (inventory reserve) per transaction',
  };
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  const db = await openDatabase({ url: DB_URL, poolSize: POOL });
  try {
    await runMigrations(db);
    const sellerId = randomUUID();
    const warehouseId = randomUUID();
    const productId = randomUUID();
    const hot = randomUUID();
    const scarce = randomUUID();
    const spread = Array.from({ length: SPREAD_SKUS }, () => randomUUID());
    await db.raw(
      `insert into warehouses (id, seller_id, kind, code, name, address, handling_days, active)
       values ($1, $2, 'own', 'BENCH', 'Bench warehouse', '{"country":"CN","city":"Hangzhou","line1":"1 Bench Road"}', 1, true)`,
      [warehouseId, sellerId],
    );
    await db.raw(
      `insert into stock_levels (sku_id, warehouse_id, seller_id, product_id, on_hand, reserved)
       select s, $1, $2, $3, case when s = $5::uuid then ${OVERSELL_UNITS} else 10000000 end, 0
       from unnest($4::uuid[]) s`,
      [warehouseId, sellerId, productId, [hot, scarce, ...spread], scarce],
    );

    const hotPhase = await hammer(db, sellerId, () => hot, { seconds: DURATION });
    const hotLedger = await checkLedger(db, [hot]);
    let k = 0;
    const spreadPhase = await hammer(db, sellerId, () => spread[k++ % spread.length] as string, {
      seconds: DURATION,
    });
    const spreadLedger = await checkLedger(db, spread);
    const oversell = await hammer(db, sellerId, () => scarce, {
      seconds: Math.max(60, DURATION * 6),
      untilOutOfStock: true,
    });
    const scarceLedger = await checkLedger(db, [scarce]);
    data.hot = { ...hotPhase, ledger: hotLedger };
    data.spread = { ...spreadPhase, ledger: spreadLedger };
    data.oversell = { ...oversell, ledger: scarceLedger, units: OVERSELL_UNITS };

    const line = (p: Phase) =>
      `${p.perSecond} reservations/s, p50 ${p.latencyMs.p50} ms, p99 ${p.latencyMs.p99} ms` +
      (p.failed ? ` (${p.failed} failed: ${p.firstError})` : '');
    rows.push({
      scenario: `hot SKU, ${CLIENTS} clients, pool ${POOL}`,
      target: 'report; ledger consistent',
      result: `${line(hotPhase)}; ledger ${hotLedger.ok ? 'ok' : 'BROKEN'}`,
      pass: hotLedger.ok && hotPhase.failed === 0,
    });
    rows.push({
      scenario: `${SPREAD_SKUS} SKUs, ${CLIENTS} clients, pool ${POOL}`,
      target: 'report; ledger consistent',
      result: `${line(spreadPhase)}; ledger ${spreadLedger.ok ? 'ok' : 'BROKEN'}`,
      pass: spreadLedger.ok && spreadPhase.failed === 0,
    });
    rows.push({
      scenario: `no oversell: ${CLIENTS} clients race for ${OVERSELL_UNITS} units`,
      target: `exactly ${OVERSELL_UNITS} reserved`,
      result: `${oversell.reservations} reserved, ${oversell.outOfStock} out_of_stock, stock row reserved ${scarceLedger.reserved}; ledger ${scarceLedger.ok ? 'ok' : 'BROKEN'}`,
      pass:
        oversell.reservations === OVERSELL_UNITS &&
        scarceLedger.reserved === OVERSELL_UNITS &&
        scarceLedger.ok &&
        oversell.failed === 0,
    });
  } finally {
    await db.close();
    await admin(`drop database if exists ${DB_NAME} with (force)`).catch(() => {});
  }
  return { rows, data };
}

export const reservations: Benchmark = {
  name: 'reservations',
  description: `stock reservations/s with ${CLIENTS} concurrent clients (hot SKU, spread SKUs) and an oversell check`,
  run,
};

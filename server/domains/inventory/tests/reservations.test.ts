import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PG_ADMIN_URL, pgUrlFor } from '../../../../tests/setup/global-setup';
import { type Database, openDatabase } from '../../../platform/db/engine';
import { backgroundBase, withPlatform, withTenant } from '../../../platform/db/tenant';
import { AppError } from '../../../platform/http/errors';
import { testAddress } from '../factories';
import { adjustStock } from '../service/adjustments';
import { commitReservation, releaseReservation, reserve } from '../service/reservations';
import { availableBySku } from '../service/stock';
import { createWarehouse } from '../service/warehouses';

// Service-level: reservations have no HTTP route of their own (checkout calls them in its transaction).
// The file opens its own database with a pool large enough for truly concurrent transactions.
const POOL = 30;
let admin: Database;
let db: Database;
const name = `t_inv_res_${process.pid}_${Date.now()}`;

beforeAll(async () => {
  admin = await openDatabase({ url: PG_ADMIN_URL, poolSize: 1 });
  await admin.raw(`create database ${name} template ${inject('pgTemplate')}`);
  db = await openDatabase({ url: pgUrlFor(name), poolSize: POOL });
});
afterAll(async () => {
  await db.close();
  await admin.raw(`drop database if exists ${name} with (force)`);
  await admin.close();
});

const asSeller = <T>(sellerId: string, fn: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(db, { ...backgroundBase(), sellerId, storeIds: null, currentStoreId: null }, fn);

async function warehouse(sellerId: string | null, handlingDays = 1) {
  const base = {
    code: `W-${randomUUID().slice(0, 8)}`,
    name: 'W',
    address: testAddress,
    handlingDays,
    active: true,
  };
  return sellerId
    ? asSeller(sellerId, (ctx) => createWarehouse(ctx, base))
    : withPlatform(db, backgroundBase(), (ctx) => createWarehouse(ctx, base));
}

/** A seller with one SKU holding `units` in a new warehouse (own, or platform when asked). */
async function stocked(units: number, kind: 'own' | 'platform' = 'platform') {
  const sellerId = randomUUID();
  const sku = { skuId: randomUUID(), productId: randomUUID() };
  const wh = await warehouse(kind === 'own' ? sellerId : null);
  await asSeller(sellerId, (ctx) =>
    adjustStock(ctx, { ...sku, warehouseId: wh.id, delta: units, reason: 'received' }),
  );
  return { sellerId, ...sku, warehouseId: wh.id };
}

async function level(skuId: string) {
  const { rows } = await db.raw(
    'select sum(on_hand)::int as on_hand, sum(reserved)::int as reserved from stock_levels where sku_id = $1',
    [skuId],
  );
  return { onHand: Number(rows[0]?.on_hand), reserved: Number(rows[0]?.reserved) };
}

async function events(type: string, skuId: string) {
  const { rows } = await db.raw(
    `select payload from outbox_events where type = $1 and payload->>'skuId' = $2 order by id`,
    [type, skuId],
  );
  return rows.map((r) => r.payload as Record<string, unknown>);
}

describe('reserve under concurrency (PostgreSQL)', () => {
  it('200 concurrent one-unit reservations against 50 available: exactly 50 succeed', async () => {
    const s = await stocked(50);
    const attempts = Array.from({ length: 200 }, (_, i) =>
      asSeller(s.sellerId, (ctx) =>
        reserve(ctx, [{ skuId: s.skuId, quantity: 1 }], { type: 'order', id: `o-${i}` }),
      ).then(
        () => 'ok' as const,
        (err: unknown) => {
          if (err instanceof AppError && err.code === 'out_of_stock') return 'out' as const;
          throw err;
        },
      ),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r === 'ok')).toHaveLength(50);
    expect(results.filter((r) => r === 'out')).toHaveLength(150);
    expect(await level(s.skuId)).toEqual({ onHand: 50, reserved: 50 });
    expect((await availableBySkuOf(s.sellerId, s.skuId)).get(s.skuId)).toBe(0);

    const { rows } = await db.raw(
      `select count(*)::int as n, sum(quantity)::int as q from reservations where sku_id = $1 and status = 'held'`,
      [s.skuId],
    );
    expect(rows[0]).toEqual({ n: 50, q: 50 });
    // The ledger agrees: 50 'reserved' rows whose running "after" values never went past on hand.
    const ledger = await db.raw(
      `select reserved_after from stock_movements where sku_id = $1 and reason = 'reserved' order by reserved_after`,
      [s.skuId],
    );
    expect(ledger.rows.map((r) => Number(r.reserved_after))).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    // Availability crossed zero when the stock arrived, and exactly once on the way down.
    const changed = await events('stock.availability_changed', s.skuId);
    expect(changed.map((e) => e.available)).toEqual([50, 0]);
    expect(changed[1]).toMatchObject({ sellerId: s.sellerId, productId: s.productId, skuId: s.skuId });
    expect(await events('stock.low', s.skuId)).toHaveLength(1);
  }, 120_000);

  it('concurrent reservations of many units never over-commit', async () => {
    const s = await stocked(20);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        asSeller(s.sellerId, (ctx) =>
          reserve(ctx, [{ skuId: s.skuId, quantity: 3 }], { type: 'order', id: `m-${i}` }),
        ).then(
          () => 3,
          () => 0,
        ),
      ),
    );
    const reserved = results.reduce((a, b) => a + b, 0);
    expect(reserved).toBe(18);
    expect(await level(s.skuId)).toEqual({ onHand: 20, reserved: 18 });
  }, 60_000);
});

async function availableBySkuOf(sellerId: string, skuId: string) {
  return asSeller(sellerId, (ctx) => availableBySku(ctx, [skuId]));
}

describe('commit, release and idempotency', () => {
  it('commit moves held units out (sold); a second commit does nothing', async () => {
    const s = await stocked(10);
    const ref = { type: 'order', id: randomUUID() };
    const lines = await asSeller(s.sellerId, (ctx) => reserve(ctx, [{ skuId: s.skuId, quantity: 4 }], ref));
    expect(lines).toMatchObject([
      { skuId: s.skuId, warehouseId: s.warehouseId, quantity: 4, status: 'held' },
    ]);
    expect(await level(s.skuId)).toEqual({ onHand: 10, reserved: 4 });
    // Reserving again for the same ref returns the held lines and changes nothing.
    const again = await asSeller(s.sellerId, (ctx) => reserve(ctx, [{ skuId: s.skuId, quantity: 4 }], ref));
    expect(again.map((l) => l.reservationId)).toEqual(lines.map((l) => l.reservationId));
    expect(await level(s.skuId)).toEqual({ onHand: 10, reserved: 4 });

    const committed = await asSeller(s.sellerId, (ctx) => commitReservation(ctx, ref));
    expect(committed).toHaveLength(1);
    expect(await level(s.skuId)).toEqual({ onHand: 6, reserved: 0 });
    expect(await asSeller(s.sellerId, (ctx) => commitReservation(ctx, ref))).toEqual([]);
    expect(await asSeller(s.sellerId, (ctx) => releaseReservation(ctx, ref))).toEqual([]);
    expect(await level(s.skuId)).toEqual({ onHand: 6, reserved: 0 });

    const { rows } = await db.raw(
      `select reason, on_hand_delta, reserved_delta, on_hand_after, reserved_after, ref_type, ref_id
       from stock_movements where sku_id = $1 order by created_at, id`,
      [s.skuId],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        reason: 'received',
        on_hand_delta: 10,
        reserved_delta: 0,
        on_hand_after: 10,
      }),
      expect.objectContaining({
        reason: 'reserved',
        on_hand_delta: 0,
        reserved_delta: 4,
        reserved_after: 4,
        ref_id: ref.id,
      }),
      expect.objectContaining({
        reason: 'sold',
        on_hand_delta: -4,
        reserved_delta: -4,
        on_hand_after: 6,
        reserved_after: 0,
      }),
    ]);
    const status = await db.raw('select status from reservations where ref_id = $1', [ref.id]);
    expect(status.rows.map((r) => r.status)).toEqual(['committed']);
  });

  it('release gives the units back once, and a committed ref cannot be released', async () => {
    const s = await stocked(3);
    const ref = { type: 'order', id: randomUUID() };
    await asSeller(s.sellerId, (ctx) => reserve(ctx, [{ skuId: s.skuId, quantity: 3 }], ref));
    expect((await availableBySkuOf(s.sellerId, s.skuId)).get(s.skuId)).toBe(0);
    const released = await asSeller(s.sellerId, (ctx) => releaseReservation(ctx, ref));
    expect(released).toMatchObject([{ quantity: 3 }]);
    expect(await asSeller(s.sellerId, (ctx) => releaseReservation(ctx, ref))).toEqual([]);
    expect(await level(s.skuId)).toEqual({ onHand: 3, reserved: 0 });
    expect(await asSeller(s.sellerId, (ctx) => commitReservation(ctx, ref))).toEqual([]);
    expect(await level(s.skuId)).toEqual({ onHand: 3, reserved: 0 });
    // 0 → 3 → 0 → 3: availability crossed zero three times.
    const changed = await events('stock.availability_changed', s.skuId);
    expect(changed.map((e) => e.available)).toEqual([3, 0, 3]);
  });

  it('a multi-line reservation is all or nothing: one short line rolls everything back', async () => {
    const a = await stocked(5);
    const bSku = randomUUID();
    await asSeller(a.sellerId, (ctx) =>
      adjustStock(ctx, {
        skuId: bSku,
        productId: a.productId,
        warehouseId: a.warehouseId,
        delta: 1,
        reason: 'received',
      }),
    );
    const ref = { type: 'order', id: randomUUID() };
    const err = await asSeller(a.sellerId, (ctx) =>
      reserve(
        ctx,
        [
          { skuId: a.skuId, quantity: 2 },
          { skuId: bSku, quantity: 2 },
        ],
        ref,
      ),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'out_of_stock', status: 409 });
    expect((err as AppError).params.skus).toBe(bSku);
    expect((err as AppError).errors?.[0]).toMatchObject({
      params: { skuId: bSku, requested: 2, available: 1 },
    });
    expect(await level(a.skuId)).toEqual({ onHand: 5, reserved: 0 });
    expect(await level(bSku)).toEqual({ onHand: 1, reserved: 0 });
    const { rows } = await db.raw('select count(*)::int as n from reservations where ref_id = $1', [ref.id]);
    expect(rows[0]?.n).toBe(0);
  });

  it('picks platform warehouses first, then own ones by handling days; honours an explicit warehouse', async () => {
    const sellerId = randomUUID();
    const sku = { skuId: randomUUID(), productId: randomUUID() };
    const slowOwn = await warehouse(sellerId, 5);
    const fastOwn = await warehouse(sellerId, 1);
    const platform = await warehouse(null, 0);
    for (const [w, n] of [
      [slowOwn, 10],
      [fastOwn, 10],
      [platform, 2],
    ] as const)
      await asSeller(sellerId, (ctx) =>
        adjustStock(ctx, { ...sku, warehouseId: w.id, delta: n, reason: 'received' }),
      );
    const take = (quantity: number, warehouseId?: string) =>
      asSeller(sellerId, (ctx) =>
        reserve(ctx, [{ skuId: sku.skuId, quantity, warehouseId }], { type: 'order', id: randomUUID() }),
      );
    expect((await take(2))[0]?.warehouseId).toBe(platform.id);
    expect((await take(3))[0]?.warehouseId).toBe(fastOwn.id);
    expect((await take(8))[0]?.warehouseId).toBe(slowOwn.id);
    expect((await take(1, slowOwn.id))[0]?.warehouseId).toBe(slowOwn.id);
    await expect(take(8)).rejects.toMatchObject({ code: 'out_of_stock' });
    // Another seller cannot reserve this seller's stock.
    await expect(
      asSeller(randomUUID(), (ctx) =>
        reserve(ctx, [{ skuId: sku.skuId, quantity: 1 }], { type: 'order', id: 'x' }),
      ),
    ).rejects.toMatchObject({ code: 'out_of_stock' });
  });

  it('rejects empty and non-positive lines', async () => {
    const s = await stocked(1);
    await expect(
      asSeller(s.sellerId, (ctx) => reserve(ctx, [], { type: 'order', id: 'e' })),
    ).rejects.toMatchObject({
      code: 'reservation_empty',
    });
    await expect(
      asSeller(s.sellerId, (ctx) =>
        reserve(ctx, [{ skuId: s.skuId, quantity: 0 }], { type: 'order', id: 'z' }),
      ),
    ).rejects.toMatchObject({ code: 'invalid_quantity' });
  });
});

import { and, eq, sql } from 'drizzle-orm';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx } from '../../../platform/db/tenant';
import { AppError } from '../../../platform/http/errors';
import { reservations } from '../schema';
import {
  type AvailabilityChange,
  afterStockChange,
  type LevelRow,
  type MovementInput,
  recordMovements,
} from './levels';

export interface ReserveLine {
  skuId: string;
  quantity: number;
  /** Reserve in this warehouse; without it the first warehouse that has enough is chosen. */
  warehouseId?: string;
}

/** What a reservation belongs to, e.g. { type: 'order', id: orderId }. */
export interface ReservationRef {
  type: string;
  id: string;
}

export interface ReservedLine {
  reservationId: string;
  skuId: string;
  productId: string;
  sellerId: string;
  warehouseId: string;
  quantity: number;
  status: 'held' | 'committed' | 'released';
}

interface LevelResult extends LevelRow {}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const sellerScope = (ctx: AnyCtx) =>
  ctx.kind === 'seller' ? sql`and sl.seller_id = ${ctx.sellerId}` : sql``;

/**
 * One conditional UPDATE: adds `quantity` to reserved where on hand − reserved still covers it.
 * Without a warehouse, the candidate rows are locked in preference order (platform warehouses first,
 * then own ones by handling days) and re-checked after any wait, so the first one that still has
 * enough is taken, in the same statement.
 */
async function reserveOne(ctx: AnyCtx, line: ReserveLine): Promise<LevelResult | null> {
  const q = line.quantity;
  const result = line.warehouseId
    ? await ctx.tx.execute(sql`update stock_levels sl
        set reserved = sl.reserved + ${q}, updated_at = ${ctx.now.toISOString()}::timestamptz
        where sl.sku_id = ${line.skuId} and sl.warehouse_id = ${line.warehouseId}
          and sl.on_hand - sl.reserved >= ${q} ${sellerScope(ctx)}
        returning sl.sku_id, sl.warehouse_id, sl.seller_id, sl.product_id, sl.on_hand, sl.reserved`)
    : await ctx.tx.execute(sql`with pick as (
          select sl.sku_id, sl.warehouse_id from stock_levels sl
          join warehouses w on w.id = sl.warehouse_id
          where sl.sku_id = ${line.skuId} and w.active and sl.on_hand - sl.reserved >= ${q} ${sellerScope(ctx)}
          order by (w.kind = 'platform') desc, w.handling_days, sl.warehouse_id
          limit 1
          for update of sl
        )
        update stock_levels sl
        set reserved = sl.reserved + ${q}, updated_at = ${ctx.now.toISOString()}::timestamptz
        from pick
        where sl.sku_id = pick.sku_id and sl.warehouse_id = pick.warehouse_id and sl.on_hand - sl.reserved >= ${q}
        returning sl.sku_id, sl.warehouse_id, sl.seller_id, sl.product_id, sl.on_hand, sl.reserved`);
  const [row] = rowsOf<{
    sku_id: string;
    warehouse_id: string;
    seller_id: string;
    product_id: string;
    on_hand: number;
    reserved: number;
  }>(result);
  if (!row) return null;
  return {
    skuId: row.sku_id,
    warehouseId: row.warehouse_id,
    sellerId: row.seller_id,
    productId: row.product_id,
    onHand: Number(row.on_hand),
    reserved: Number(row.reserved),
  };
}

async function availableOf(ctx: AnyCtx, skuId: string): Promise<number> {
  const result = await ctx.tx.execute(
    sql`select coalesce(sum(sl.on_hand - sl.reserved), 0)::int as available from stock_levels sl
      where sl.sku_id = ${skuId} ${sellerScope(ctx)}`,
  );
  return Number(rowsOf<{ available: number }>(result)[0]?.available ?? 0);
}

function lockRef(ctx: AnyCtx, ref: ReservationRef) {
  return ctx.tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`reservation:${ref.type}:${ref.id}`}, 0))`,
  );
}

function toReserved(row: typeof reservations.$inferSelect, productId: string): ReservedLine {
  return {
    reservationId: row.id,
    skuId: row.skuId,
    productId,
    sellerId: row.sellerId,
    warehouseId: row.warehouseId,
    quantity: row.quantity,
    status: row.status,
  };
}

function checkLines(lines: ReserveLine[]) {
  if (lines.length === 0) throw new AppError('reservation_empty', { status: 400 });
  for (const l of lines)
    if (!Number.isInteger(l.quantity) || l.quantity <= 0)
      throw new AppError('invalid_quantity', { status: 400, params: { quantity: l.quantity } });
}

/**
 * Reserves every line in the caller's transaction, or none: when a line lacks stock, a 409
 * `out_of_stock` lists every short SKU and the caller's transaction rolls back the rest.
 * Lines are taken in SKU order, so that concurrent multi-line reservations lock rows in one order.
 * Calling it again for a ref that already holds stock returns the existing lines (idempotent).
 */
export async function reserve(
  ctx: AnyCtx,
  lines: ReserveLine[],
  ref: ReservationRef,
): Promise<ReservedLine[]> {
  checkLines(lines);
  await lockRef(ctx, ref);
  const existing = await ctx.tx
    .select()
    .from(reservations)
    .where(
      and(
        eq(reservations.refType, ref.type),
        eq(reservations.refId, ref.id),
        sql`${reservations.status} in ('held', 'committed')`,
        ctx.kind === 'seller' ? eq(reservations.sellerId, ctx.sellerId) : undefined,
      ),
    );
  if (existing.length > 0) return withProducts(ctx, existing);

  // Same SKU and warehouse twice: one line with the sum.
  const merged = new Map<string, ReserveLine>();
  for (const l of lines) {
    const key = `${l.skuId}|${l.warehouseId ?? ''}`;
    const seen = merged.get(key);
    if (seen) seen.quantity += l.quantity;
    else merged.set(key, { ...l });
  }
  const ordered = [...merged.values()].sort((a, b) =>
    a.skuId === b.skuId
      ? (a.warehouseId ?? '') < (b.warehouseId ?? '')
        ? -1
        : 1
      : a.skuId < b.skuId
        ? -1
        : 1,
  );

  const taken: { line: ReserveLine; level: LevelResult }[] = [];
  const short: { skuId: string; requested: number; available: number }[] = [];
  for (const line of ordered) {
    const level = await reserveOne(ctx, line);
    if (level) taken.push({ line, level });
    else
      short.push({
        skuId: line.skuId,
        requested: line.quantity,
        available: await availableOf(ctx, line.skuId),
      });
  }
  if (short.length > 0) {
    throw new AppError('out_of_stock', {
      status: 409,
      params: { skus: short.map((s) => s.skuId).join(', '), count: short.length },
      errors: short.map((s) => ({
        path: `lines.${s.skuId}`,
        message: 'out_of_stock_line',
        code: 'out_of_stock',
        params: { skuId: s.skuId, requested: s.requested, available: s.available },
      })),
    });
  }

  const rows = taken.map(({ line, level }) => ({
    id: newId(),
    sellerId: level.sellerId,
    skuId: line.skuId,
    warehouseId: level.warehouseId,
    quantity: line.quantity,
    refType: ref.type,
    refId: ref.id,
    status: 'held' as const,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }));
  await ctx.tx.insert(reservations).values(rows);
  await recordMovements(
    ctx,
    taken.map(
      ({ line, level }): MovementInput => ({
        level,
        reason: 'reserved',
        onHandDelta: 0,
        reservedDelta: line.quantity,
        refType: ref.type,
        refId: ref.id,
      }),
    ),
  );
  await afterStockChange(
    ctx,
    taken.map(
      ({ line, level }): AvailabilityChange => ({
        sellerId: level.sellerId,
        skuId: level.skuId,
        productId: level.productId,
        availableDelta: -line.quantity,
      }),
    ),
  );
  return rows.map((r, i) => toReserved(r, taken[i]?.level.productId ?? ''));
}

async function withProducts(
  ctx: AnyCtx,
  rows: (typeof reservations.$inferSelect)[],
): Promise<ReservedLine[]> {
  const result = await ctx.tx.execute(sql`select sku_id, warehouse_id, product_id from stock_levels
    where (sku_id, warehouse_id) in (${sql.join(
      rows.map((r) => sql`(${r.skuId}::uuid, ${r.warehouseId}::uuid)`),
      sql`, `,
    )})`);
  const product = new Map(
    rowsOf<{ sku_id: string; warehouse_id: string; product_id: string }>(result).map((r) => [
      `${r.sku_id}|${r.warehouse_id}`,
      r.product_id,
    ]),
  );
  return rows.map((r) => toReserved(r, product.get(`${r.skuId}|${r.warehouseId}`) ?? ''));
}

/**
 * Ends the held reservations of a ref: 'committed' (shipped: on hand and reserved both go down, a
 * 'sold' movement) or 'released' (cancelled: reserved goes down, a 'released' movement). The status
 * change is one conditional UPDATE from 'held', so a second call finds nothing and does nothing.
 */
async function finish(
  ctx: AnyCtx,
  ref: ReservationRef,
  to: 'committed' | 'released',
): Promise<ReservedLine[]> {
  await lockRef(ctx, ref);
  const ended = await ctx.tx
    .update(reservations)
    .set({ status: to, updatedAt: ctx.now })
    .where(
      and(
        eq(reservations.refType, ref.type),
        eq(reservations.refId, ref.id),
        eq(reservations.status, 'held'),
        ctx.kind === 'seller' ? eq(reservations.sellerId, ctx.sellerId) : undefined,
      ),
    )
    .returning();
  if (ended.length === 0) return [];
  ended.sort((a, b) =>
    a.skuId === b.skuId ? (a.warehouseId < b.warehouseId ? -1 : 1) : a.skuId < b.skuId ? -1 : 1,
  );
  const movements: MovementInput[] = [];
  const changes: AvailabilityChange[] = [];
  const out: ReservedLine[] = [];
  for (const r of ended) {
    const onHandDelta = to === 'committed' ? -r.quantity : 0;
    const result = await ctx.tx.execute(sql`update stock_levels
      set on_hand = on_hand + ${onHandDelta}, reserved = reserved - ${r.quantity},
        updated_at = ${ctx.now.toISOString()}::timestamptz
      where sku_id = ${r.skuId} and warehouse_id = ${r.warehouseId}
      returning sku_id, warehouse_id, seller_id, product_id, on_hand, reserved`);
    const [row] = rowsOf<{
      sku_id: string;
      warehouse_id: string;
      seller_id: string;
      product_id: string;
      on_hand: number;
      reserved: number;
    }>(result);
    // The check constraint (reserved >= 0, on hand >= reserved) guards the arithmetic; a missing row
    // would mean the ledger was changed outside this module.
    if (!row) throw new Error(`stock level of reservation ${r.id} is missing`);
    const level: LevelRow = {
      skuId: row.sku_id,
      warehouseId: row.warehouse_id,
      sellerId: row.seller_id,
      productId: row.product_id,
      onHand: Number(row.on_hand),
      reserved: Number(row.reserved),
    };
    movements.push({
      level,
      reason: to === 'committed' ? 'sold' : 'released',
      onHandDelta,
      reservedDelta: -r.quantity,
      refType: ref.type,
      refId: ref.id,
    });
    changes.push({
      sellerId: level.sellerId,
      skuId: level.skuId,
      productId: level.productId,
      availableDelta: to === 'committed' ? 0 : r.quantity,
    });
    out.push(toReserved(r, level.productId));
  }
  await recordMovements(ctx, movements);
  await afterStockChange(ctx, changes);
  return out;
}

/** On shipment: the held units leave the warehouse ('sold'). Idempotent per ref. */
export const commitReservation = (ctx: AnyCtx, ref: ReservationRef) => finish(ctx, ref, 'committed');
/** On cancellation: the held units become available again ('released'). Idempotent per ref. */
export const releaseReservation = (ctx: AnyCtx, ref: ReservationRef) => finish(ctx, ref, 'released');

/** Reservations of a ref (any status), e.g. to show where an order's units are held. */
export async function reservationsOf(ctx: AnyCtx, ref: ReservationRef): Promise<ReservedLine[]> {
  const rows = await ctx.tx
    .select()
    .from(reservations)
    .where(
      and(
        eq(reservations.refType, ref.type),
        eq(reservations.refId, ref.id),
        ctx.kind === 'seller' ? eq(reservations.sellerId, ctx.sellerId) : undefined,
      ),
    );
  return rows.length > 0 ? withProducts(ctx, rows) : [];
}

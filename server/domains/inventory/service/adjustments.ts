import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx, SellerCtx } from '../../../platform/db/tenant';
import { AppError, conflict, invalidField, notFound } from '../../../platform/http/errors';
import { type MovementReason, stockLevels, warehouses } from '../schema';
import { skuCards } from './catalog-refs';
import {
  type AvailabilityChange,
  afterStockChange,
  ensureLevel,
  type LevelRow,
  recordMovements,
} from './levels';
import { loadVisibleWarehouse } from './warehouses';

const quantity = z.number().int().min(1).max(1_000_000).describe('Units (1–1,000,000).');
const note = z.string().trim().max(500).optional().describe('Why, for the ledger (up to 500 characters).');

/** The seller's stock adjustments at their own warehouses, one kind per `type`. */
export const adjustmentInput = z
  .discriminatedUnion('type', [
    z
      .object({
        type: z.literal('count'),
        skuId: z.uuid(),
        warehouseId: z.uuid(),
        onHand: z.number().int().min(0).max(10_000_000).describe('Counted units now on the shelf.'),
        note,
      })
      .strict()
      .describe('Count correction: sets on hand to the counted number.'),
    z
      .object({ type: z.literal('receive'), skuId: z.uuid(), warehouseId: z.uuid(), quantity, note })
      .strict()
      .describe('Goods received at an own warehouse (e.g. from a supplier).'),
    z
      .object({ type: z.literal('damaged'), skuId: z.uuid(), warehouseId: z.uuid(), quantity, note })
      .strict()
      .describe('Damaged or lost units written off.'),
    z
      .object({
        type: z.literal('transfer'),
        skuId: z.uuid(),
        fromWarehouseId: z.uuid(),
        toWarehouseId: z.uuid(),
        quantity,
        note,
      })
      .strict()
      .describe('Units moved between two own warehouses.'),
  ])
  .meta({ id: 'StockAdjustmentInput' });
export type AdjustmentInput = z.infer<typeof adjustmentInput>;

type LevelSqlRow = {
  sku_id: string;
  warehouse_id: string;
  seller_id: string;
  product_id: string;
  on_hand: number;
  reserved: number;
  before_on_hand?: number;
};

function levelOf(row: LevelSqlRow): LevelRow {
  return {
    skuId: row.sku_id,
    warehouseId: row.warehouse_id,
    sellerId: row.seller_id,
    productId: row.product_id,
    onHand: Number(row.on_hand),
    reserved: Number(row.reserved),
  };
}

const rowsOf = (result: unknown) => (result as { rows: LevelSqlRow[] }).rows;

async function currentLevel(ctx: AnyCtx, skuId: string, warehouseId: string) {
  const [row] = await ctx.tx
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.skuId, skuId), eq(stockLevels.warehouseId, warehouseId)));
  return row ?? { onHand: 0, reserved: 0 };
}

/** Adds `delta` to on hand when the result still covers what is reserved; null when it would not. */
async function addOnHand(
  ctx: AnyCtx,
  skuId: string,
  warehouseId: string,
  delta: number,
): Promise<LevelRow | null> {
  const result = await ctx.tx.execute(sql`update stock_levels
    set on_hand = on_hand + ${delta}, updated_at = ${ctx.now.toISOString()}::timestamptz
    where sku_id = ${skuId} and warehouse_id = ${warehouseId} and on_hand + ${delta} >= reserved
    returning sku_id, warehouse_id, seller_id, product_id, on_hand, reserved`);
  const [row] = rowsOf(result);
  return row ? levelOf(row) : null;
}

/** Sets on hand to a counted number (not below what is reserved); returns the row and the old count. */
async function setOnHand(
  ctx: AnyCtx,
  skuId: string,
  warehouseId: string,
  onHand: number,
): Promise<{ level: LevelRow; before: number } | null> {
  const result = await ctx.tx.execute(sql`with old as (
      select on_hand from stock_levels where sku_id = ${skuId} and warehouse_id = ${warehouseId} for update
    )
    update stock_levels sl set on_hand = ${onHand}, updated_at = ${ctx.now.toISOString()}::timestamptz
    from old
    where sl.sku_id = ${skuId} and sl.warehouse_id = ${warehouseId} and sl.reserved <= ${onHand}
    returning sl.sku_id, sl.warehouse_id, sl.seller_id, sl.product_id, sl.on_hand, sl.reserved,
      old.on_hand as before_on_hand`);
  const [row] = rowsOf(result);
  return row ? { level: levelOf(row), before: Number(row.before_on_hand) } : null;
}

export interface AdjustStockInput {
  skuId: string;
  productId: string;
  /** Without it: the own warehouse that already holds most of this SKU, else the first active own one. */
  warehouseId?: string;
  /** Absolute count (count_correction) … */
  onHand?: number;
  /** … or a change (received, returned: positive; damaged: negative). */
  delta?: number;
  reason: Extract<MovementReason, 'count_correction' | 'received' | 'returned' | 'damaged'>;
  note?: string | null;
  refType?: string | null;
  refId?: string | null;
  /** The SKU's seller, for contexts other than the seller's own. */
  sellerId?: string;
}

export interface AdjustResult {
  skuId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  available: number;
  onHandDelta: number;
}

async function defaultOwnWarehouse(ctx: AnyCtx, sellerId: string, skuId: string): Promise<string> {
  const [holding] = await ctx.tx
    .select({ id: warehouses.id })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(and(eq(stockLevels.skuId, skuId), eq(stockLevels.sellerId, sellerId), eq(warehouses.kind, 'own')))
    .orderBy(sql`${stockLevels.onHand} desc`, asc(warehouses.handlingDays))
    .limit(1);
  if (holding) return holding.id;
  const [first] = await ctx.tx
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(and(eq(warehouses.sellerId, sellerId), eq(warehouses.active, true)))
    .orderBy(asc(warehouses.handlingDays), asc(warehouses.createdAt))
    .limit(1);
  if (!first) throw conflict('no_own_warehouse');
  return first.id;
}

/**
 * Changes on hand of one SKU in one warehouse with a ledger row. Never lets available go below zero:
 * a write-off or count below what is reserved is a 409 that says how many units there are.
 * Sellers count and write off only at their own warehouses; stock in platform warehouses changes by
 * inbound receiving and orders (and customer returns, reason 'returned').
 */
export async function adjustStock(ctx: AnyCtx, input: AdjustStockInput): Promise<AdjustResult> {
  const sellerId = input.sellerId ?? (ctx.kind === 'seller' ? ctx.sellerId : null);
  if (!sellerId) throw new Error('adjustStock needs the seller outside a seller context');
  const warehouseId = input.warehouseId ?? (await defaultOwnWarehouse(ctx, sellerId, input.skuId));
  const warehouse = await loadVisibleWarehouse(ctx, warehouseId, sellerId);
  if (warehouse.kind === 'platform' && input.reason !== 'returned' && input.reason !== 'received')
    throw conflict('platform_warehouse_stock', { code: warehouse.code });
  await ensureLevel(ctx, { sellerId, skuId: input.skuId, productId: input.productId, warehouseId });

  let level: LevelRow | null;
  let onHandDelta: number;
  if (input.onHand !== undefined) {
    const set = await setOnHand(ctx, input.skuId, warehouseId, input.onHand);
    if (!set) {
      const now = await currentLevel(ctx, input.skuId, warehouseId);
      throw new AppError('count_below_reserved', {
        status: 409,
        params: { onHand: input.onHand, reserved: now.reserved, warehouse: warehouse.code },
        errors: [{ path: 'body.onHand', message: 'count_below_reserved', code: 'count_below_reserved' }],
      });
    }
    level = set.level;
    onHandDelta = set.level.onHand - set.before;
  } else {
    const delta = input.delta ?? 0;
    if (!Number.isInteger(delta) || delta === 0) throw invalidField('body.quantity', 'invalid_quantity');
    level = await addOnHand(ctx, input.skuId, warehouseId, delta);
    if (!level) {
      const now = await currentLevel(ctx, input.skuId, warehouseId);
      throw new AppError('insufficient_stock', {
        status: 409,
        params: {
          requested: -delta,
          available: now.onHand - now.reserved,
          reserved: now.reserved,
          warehouse: warehouse.code,
        },
        errors: [{ path: 'body.quantity', message: 'insufficient_stock', code: 'insufficient_stock' }],
      });
    }
    onHandDelta = delta;
  }
  if (onHandDelta !== 0) {
    await recordMovements(ctx, [
      {
        level,
        reason: input.reason,
        onHandDelta,
        reservedDelta: 0,
        refType: input.refType ?? null,
        refId: input.refId ?? null,
        note: input.note ?? null,
      },
    ]);
    await afterStockChange(ctx, [
      { sellerId, skuId: input.skuId, productId: level.productId, availableDelta: onHandDelta },
    ]);
  }
  return {
    skuId: input.skuId,
    warehouseId,
    onHand: level.onHand,
    reserved: level.reserved,
    available: level.onHand - level.reserved,
    onHandDelta,
  };
}

/** Moves units between two own warehouses: transfer_out and transfer_in rows sharing one ref. */
async function transferStock(
  ctx: SellerCtx,
  input: Extract<AdjustmentInput, { type: 'transfer' }>,
  productId: string,
): Promise<AdjustResult[]> {
  if (input.fromWarehouseId === input.toWarehouseId)
    throw invalidField('body.toWarehouseId', 'transfer_same_warehouse');
  const from = await loadVisibleWarehouse(ctx, input.fromWarehouseId);
  const to = await loadVisibleWarehouse(ctx, input.toWarehouseId);
  for (const w of [from, to])
    if (w.kind === 'platform') throw conflict('platform_warehouse_stock', { code: w.code });
  if (!to.active) throw conflict('warehouse_inactive', { code: to.code });
  // Rows in warehouse-id order, so that two opposite transfers cannot deadlock.
  const pair = [input.fromWarehouseId, input.toWarehouseId].sort();
  for (const warehouseId of pair)
    await ensureLevel(ctx, { sellerId: ctx.sellerId, skuId: input.skuId, productId, warehouseId });
  const results: Record<string, LevelRow> = {};
  for (const warehouseId of pair) {
    const out = warehouseId === input.fromWarehouseId;
    const level = await addOnHand(ctx, input.skuId, warehouseId, out ? -input.quantity : input.quantity);
    if (!level) {
      const now = await currentLevel(ctx, input.skuId, warehouseId);
      throw new AppError('insufficient_stock', {
        status: 409,
        params: {
          requested: input.quantity,
          available: now.onHand - now.reserved,
          reserved: now.reserved,
          warehouse: from.code,
        },
        errors: [{ path: 'body.quantity', message: 'insufficient_stock', code: 'insufficient_stock' }],
      });
    }
    results[warehouseId] = level;
  }
  const ref = newId();
  const outLevel = results[input.fromWarehouseId] as LevelRow;
  const inLevel = results[input.toWarehouseId] as LevelRow;
  await recordMovements(ctx, [
    {
      level: outLevel,
      reason: 'transfer_out',
      onHandDelta: -input.quantity,
      reservedDelta: 0,
      refType: 'transfer',
      refId: ref,
      note: input.note ?? `→ ${to.code}`,
    },
    {
      level: inLevel,
      reason: 'transfer_in',
      onHandDelta: input.quantity,
      reservedDelta: 0,
      refType: 'transfer',
      refId: ref,
      note: input.note ?? `← ${from.code}`,
    },
  ]);
  // A transfer does not change the SKU's total availability: no crossing to check.
  return [outLevel, inLevel].map((l) => ({
    skuId: l.skuId,
    warehouseId: l.warehouseId,
    onHand: l.onHand,
    reserved: l.reserved,
    available: l.onHand - l.reserved,
    onHandDelta: l === outLevel ? -input.quantity : input.quantity,
  }));
}

/** The seller's manual adjustment (the stock page's adjustment dialog). */
export async function applyAdjustment(ctx: SellerCtx, input: AdjustmentInput): Promise<AdjustResult[]> {
  const card = (await skuCards(ctx, ctx.sellerId, [input.skuId])).get(input.skuId);
  if (!card) throw notFound('sku');
  let results: AdjustResult[];
  if (input.type === 'transfer') {
    results = await transferStock(ctx, input, card.productId);
  } else {
    const warehouse = await loadVisibleWarehouse(ctx, input.warehouseId);
    if (warehouse.kind === 'platform') throw conflict('platform_warehouse_stock', { code: warehouse.code });
    if (input.type === 'receive' && !warehouse.active)
      throw conflict('warehouse_inactive', { code: warehouse.code });
    const base = {
      skuId: input.skuId,
      productId: card.productId,
      warehouseId: input.warehouseId,
      note: input.note ?? null,
    };
    results = [
      await adjustStock(
        ctx,
        input.type === 'count'
          ? { ...base, onHand: input.onHand, reason: 'count_correction' }
          : input.type === 'receive'
            ? { ...base, delta: input.quantity, reason: 'received' }
            : { ...base, delta: -input.quantity, reason: 'damaged' },
      ),
    ];
  }
  await recordAudit(ctx, {
    action: `stock.${input.type}`,
    entityType: 'sku',
    entityId: input.skuId,
    before: null,
    after: { ...input, code: card.code, results },
  });
  return results;
}

export type { AvailabilityChange };

import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx } from '../../../platform/db/tenant';
import { emit } from '../../../platform/events/outbox';
import { type MovementReason, stockLevels, stockMovements, stockSettings } from '../schema';
import { skuCards } from './catalog-refs';
import { effectiveThresholds } from './thresholds';

/** The columns of stock_levels a changing statement returns. */
export interface LevelRow {
  skuId: string;
  warehouseId: string;
  sellerId: string;
  productId: string;
  onHand: number;
  reserved: number;
}

export const levelReturning = {
  skuId: stockLevels.skuId,
  warehouseId: stockLevels.warehouseId,
  sellerId: stockLevels.sellerId,
  productId: stockLevels.productId,
  onHand: stockLevels.onHand,
  reserved: stockLevels.reserved,
};

/** Makes sure a (SKU, warehouse) row exists, so that a following conditional UPDATE has a row to change. */
export async function ensureLevel(
  ctx: AnyCtx,
  row: { sellerId: string; skuId: string; productId: string; warehouseId: string },
): Promise<void> {
  await ctx.tx
    .insert(stockLevels)
    .values({ ...row, onHand: 0, reserved: 0, updatedAt: ctx.now })
    .onConflictDoNothing();
}

export interface MovementInput {
  level: LevelRow;
  reason: MovementReason;
  onHandDelta: number;
  reservedDelta: number;
  refType?: string | null;
  refId?: string | null;
  note?: string | null;
}

let lastMovementId = '';

/**
 * Ledger ids strictly increase within the process (UUIDv7 is only ordered to the millisecond), so rows
 * written in one transaction (same created_at) keep their order in the newest-first ledger.
 */
function movementId(): string {
  let id = newId();
  if (id <= lastMovementId) {
    const tail = (BigInt(`0x${lastMovementId.slice(24)}`) + 1n) & 0xffffffffffffn;
    id = `${lastMovementId.slice(0, 24)}${tail.toString(16).padStart(12, '0')}`;
  }
  lastMovementId = id;
  return id;
}

/** Appends ledger rows; `level` is the row as it is after the change. */
export async function recordMovements(ctx: AnyCtx, movements: MovementInput[]): Promise<void> {
  if (movements.length === 0) return;
  const ids = movements.map(() => movementId());
  await ctx.tx.insert(stockMovements).values(
    movements.map((m, i) => ({
      id: ids[i] as string,
      sellerId: m.level.sellerId,
      skuId: m.level.skuId,
      warehouseId: m.level.warehouseId,
      reason: m.reason,
      onHandDelta: m.onHandDelta,
      reservedDelta: m.reservedDelta,
      onHandAfter: m.level.onHand,
      reservedAfter: m.level.reserved,
      refType: m.refType ?? null,
      refId: m.refId ?? null,
      note: m.note ?? null,
      actorId: ctx.actor.id,
      createdAt: ctx.now,
    })),
  );
}

/** How a statement changed one SKU's availability (on hand − reserved) in total. */
export interface AvailabilityChange {
  sellerId: string;
  skuId: string;
  productId: string;
  availableDelta: number;
}

/**
 * After stock changed: emits `stock.availability_changed` when a SKU's total availability crossed
 * zero, and `stock.low` once per downward crossing of its low-stock threshold.
 *
 * A transaction-scoped advisory lock per SKU (taken in SKU order, after the row updates) orders the
 * checks of concurrent transactions: each one reads the totals with the earlier ones committed, so a
 * crossing is seen by exactly one of them even when they changed different warehouses.
 * Before = after − this transaction's own change.
 */
export async function afterStockChange(ctx: AnyCtx, changes: AvailabilityChange[]): Promise<void> {
  const bySku = new Map<string, AvailabilityChange>();
  for (const c of changes) {
    const seen = bySku.get(c.skuId);
    if (seen) seen.availableDelta += c.availableDelta;
    else bySku.set(c.skuId, { ...c });
  }
  const relevant = [...bySku.values()].filter((c) => c.availableDelta !== 0);
  if (relevant.length === 0) return;
  relevant.sort((a, b) => (a.skuId < b.skuId ? -1 : 1));
  for (const c of relevant) {
    await ctx.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`stock:${c.skuId}`}, 0))`);
  }
  const skuIds = relevant.map((c) => c.skuId);
  const totals = await ctx.tx
    .select({
      skuId: stockLevels.skuId,
      available: sql<number>`sum(${stockLevels.onHand} - ${stockLevels.reserved})::int`,
    })
    .from(stockLevels)
    .where(inArray(stockLevels.skuId, skuIds))
    .groupBy(stockLevels.skuId);
  const after = new Map(totals.map((r) => [r.skuId, Number(r.available)]));

  const settings = await ctx.tx
    .select({
      skuId: stockSettings.skuId,
      lowThreshold: stockSettings.lowThreshold,
      lowSince: stockSettings.lowSince,
    })
    .from(stockSettings)
    .where(inArray(stockSettings.skuId, skuIds));
  const settingOf = new Map(settings.map((s) => [s.skuId, s]));

  // Thresholds per seller (one batch normally: a transaction touches one seller's stock).
  const sellers = new Map<string, AvailabilityChange[]>();
  for (const c of relevant) sellers.set(c.sellerId, [...(sellers.get(c.sellerId) ?? []), c]);

  for (const [sellerId, list] of sellers) {
    const thresholds = await effectiveThresholds(
      ctx,
      sellerId,
      list.map((c) => ({
        skuId: c.skuId,
        productId: c.productId,
        lowThreshold: settingOf.get(c.skuId)?.lowThreshold ?? null,
      })),
    );
    const lowNow: { change: AvailabilityChange; available: number; threshold: number }[] = [];
    for (const c of list) {
      const available = after.get(c.skuId) ?? 0;
      const before = available - c.availableDelta;
      if (before > 0 !== available > 0) {
        await emit(
          ctx,
          'stock.availability_changed',
          { sellerId, productId: c.productId, skuId: c.skuId, available },
          sellerId,
        );
      }
      const threshold = thresholds.get(c.skuId)?.threshold ?? 5;
      const setting = settingOf.get(c.skuId);
      if (available <= threshold) {
        if (setting?.lowSince) continue;
        const marked = await markLow(ctx, sellerId, c.skuId);
        // Only a fall from above the threshold is news; stock that arrives below it is just marked.
        if (marked && before > threshold) lowNow.push({ change: c, available, threshold });
      } else if (setting?.lowSince) {
        await ctx.tx
          .update(stockSettings)
          .set({ lowSince: null, updatedAt: ctx.now })
          .where(and(eq(stockSettings.skuId, c.skuId), isNotNull(stockSettings.lowSince)));
      }
    }
    if (lowNow.length === 0) continue;
    const cards = await skuCards(
      ctx,
      sellerId,
      lowNow.map((l) => l.change.skuId),
    );
    for (const l of lowNow) {
      const card = cards.get(l.change.skuId);
      await emit(
        ctx,
        'stock.low',
        {
          sellerId,
          skuId: l.change.skuId,
          productId: l.change.productId,
          sku: card?.code ?? l.change.skuId,
          title: card ? titleIn(card.title, ctx.locale) : '',
          titles: card?.title ?? {},
          available: l.available,
          threshold: l.threshold,
        },
        sellerId,
      );
    }
  }
}

/** Sets low_since when it is not set yet; true when this call set it (the crossing is ours). */
async function markLow(ctx: AnyCtx, sellerId: string, skuId: string): Promise<boolean> {
  const rows = await ctx.tx
    .insert(stockSettings)
    .values({ skuId, sellerId, lowSince: ctx.now, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: stockSettings.skuId,
      set: { lowSince: ctx.now, updatedAt: ctx.now },
      setWhere: isNull(stockSettings.lowSince),
    })
    .returning({ skuId: stockSettings.skuId });
  return rows.length > 0;
}

/** A product title in the wanted language, else in any language it has. */
export function titleIn(title: Partial<Record<string, string>>, locale: string): string {
  return title[locale] ?? title['en-US'] ?? title['zh-CN'] ?? title['ru-RU'] ?? Object.values(title)[0] ?? '';
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import type { SellerCtx } from '../../../platform/db/tenant';
import { notFound } from '../../../platform/http/errors';
import { listStores } from '../../accounts';
import { stockSettings, storeStockDefaults } from '../schema';
import { skuCards } from './catalog-refs';
import { effectiveThresholds, type ThresholdSource, thresholdSql } from './thresholds';

export const skuSettingsInput = z
  .object({
    lowThreshold: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .nullable()
      .describe('Low-stock threshold of this SKU; null uses the store default (else 5).'),
    safetyStock: z.number().int().min(0).max(1_000_000).describe('Units always kept in reserve.'),
    leadTimeDays: z.number().int().min(0).max(365).describe('Days from ordering to stock arriving.'),
    safetyDays: z
      .number()
      .int()
      .min(0)
      .max(365)
      .describe('Extra days of sales a restock should cover beyond the lead time.'),
  })
  .partial()
  .strict();
export type SkuSettingsInput = z.infer<typeof skuSettingsInput>;

export const storeDefaultInput = z
  .object({
    lowThreshold: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .describe('Default low-stock threshold of the store’s SKUs.'),
  })
  .strict();

export interface SkuSettings {
  skuId: string;
  lowThreshold: number | null;
  effectiveThreshold: number;
  thresholdSource: ThresholdSource;
  safetyStock: number;
  leadTimeDays: number;
  safetyDays: number;
  lowSince: string | null;
}

const DEFAULTS = { safetyStock: 0, leadTimeDays: 14, safetyDays: 7 };

/**
 * Re-reads availability and sets or clears `low_since` of these SKUs (null: all the seller's stocked
 * SKUs) after a threshold changed, without events: a threshold the seller just moved is not news to
 * them, and the low filter of the stock list is computed live anyway. Two set-based statements.
 */
export async function syncLowFlags(ctx: SellerCtx, skuIds: string[] | null): Promise<void> {
  if (skuIds && skuIds.length === 0) return;
  const only = skuIds ? sql`and sl.sku_id = any(${`{${[...new Set(skuIds)].join(',')}}`}::uuid[])` : sql``;
  const state = sql`select t.sku_id, t.available <= ${thresholdSql(sql`ss.low_threshold`, sql`${ctx.sellerId}::uuid`, sql`t.product_id`)} as low,
        ss.low_since
      from (select sl.sku_id, min(sl.product_id::text)::uuid as product_id,
              sum(sl.on_hand - sl.reserved) as available
            from stock_levels sl where sl.seller_id = ${ctx.sellerId} ${only} group by sl.sku_id) t
      left join stock_settings ss on ss.sku_id = t.sku_id`;
  await ctx.tx.execute(sql`insert into stock_settings (sku_id, seller_id, low_since, updated_at)
      select s.sku_id, ${ctx.sellerId}, ${ctx.now}, ${ctx.now} from (${state}) s
      where s.low and s.low_since is null
    on conflict (sku_id) do update set low_since = excluded.low_since, updated_at = excluded.updated_at
      where stock_settings.low_since is null`);
  await ctx.tx.execute(sql`update stock_settings set low_since = null, updated_at = ${ctx.now}
    where seller_id = ${ctx.sellerId} and low_since is not null
      and sku_id in (select s.sku_id from (${state}) s where not s.low)`);
}

/**
 * Sets (or with null clears) the own low-stock threshold of some of the seller's SKUs. The catalog
 * calls it for bulk edits with SKU ids it has checked; unknown ids are ignored by the caller's checks.
 */
export async function setLowThresholds(
  ctx: SellerCtx,
  skuIds: string[],
  threshold: number | null,
): Promise<void> {
  const ids = [...new Set(skuIds)];
  if (ids.length === 0) return;
  if (threshold !== null && (!Number.isInteger(threshold) || threshold < 0))
    throw new Error(`invalid low threshold ${threshold}`);
  await ctx.tx
    .insert(stockSettings)
    .values(
      ids.map((skuId) => ({ skuId, sellerId: ctx.sellerId, lowThreshold: threshold, updatedAt: ctx.now })),
    )
    .onConflictDoUpdate({
      target: stockSettings.skuId,
      set: { lowThreshold: threshold, updatedAt: ctx.now },
      setWhere: eq(stockSettings.sellerId, ctx.sellerId),
    });
  await syncLowFlags(ctx, ids);
}

/** Settings of some SKUs, with the effective threshold and where it comes from. */
export async function skuSettingsOf(
  ctx: SellerCtx,
  skus: { skuId: string; productId: string }[],
): Promise<Map<string, SkuSettings>> {
  if (skus.length === 0) return new Map();
  const rows = await ctx.tx
    .select()
    .from(stockSettings)
    .where(
      and(
        eq(stockSettings.sellerId, ctx.sellerId),
        inArray(
          stockSettings.skuId,
          skus.map((s) => s.skuId),
        ),
      ),
    );
  const byId = new Map(rows.map((r) => [r.skuId, r]));
  const thresholds = await effectiveThresholds(
    ctx,
    ctx.sellerId,
    skus.map((s) => ({ ...s, lowThreshold: byId.get(s.skuId)?.lowThreshold ?? null })),
  );
  const out = new Map<string, SkuSettings>();
  for (const s of skus) {
    const row = byId.get(s.skuId);
    const t = thresholds.get(s.skuId) ?? { threshold: 5, source: 'default' as const };
    out.set(s.skuId, {
      skuId: s.skuId,
      lowThreshold: row?.lowThreshold ?? null,
      effectiveThreshold: t.threshold,
      thresholdSource: t.source,
      safetyStock: row?.safetyStock ?? DEFAULTS.safetyStock,
      leadTimeDays: row?.leadTimeDays ?? DEFAULTS.leadTimeDays,
      safetyDays: row?.safetyDays ?? DEFAULTS.safetyDays,
      lowSince: row?.lowSince?.toISOString() ?? null,
    });
  }
  return out;
}

/** Changes one SKU's replenishment settings (404 for a SKU that is not the seller's). */
export async function updateSkuSettings(
  ctx: SellerCtx,
  skuId: string,
  input: SkuSettingsInput,
): Promise<SkuSettings> {
  const card = (await skuCards(ctx, ctx.sellerId, [skuId])).get(skuId);
  if (!card) throw notFound('sku');
  const [before] = await ctx.tx
    .select()
    .from(stockSettings)
    .where(and(eq(stockSettings.sellerId, ctx.sellerId), eq(stockSettings.skuId, skuId)));
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  await ctx.tx
    .insert(stockSettings)
    .values({ skuId, sellerId: ctx.sellerId, ...patch, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: stockSettings.skuId,
      set: { ...patch, updatedAt: ctx.now },
      setWhere: eq(stockSettings.sellerId, ctx.sellerId),
    });
  if (input.lowThreshold !== undefined) await syncLowFlags(ctx, [skuId]);
  const after = (await skuSettingsOf(ctx, [{ skuId, productId: card.productId }])).get(skuId) as SkuSettings;
  await recordAudit(ctx, {
    action: 'stock.settings_updated',
    entityType: 'sku',
    entityId: skuId,
    before: before
      ? {
          lowThreshold: before.lowThreshold,
          safetyStock: before.safetyStock,
          leadTimeDays: before.leadTimeDays,
          safetyDays: before.safetyDays,
        }
      : null,
    after: {
      lowThreshold: after.lowThreshold,
      safetyStock: after.safetyStock,
      leadTimeDays: after.leadTimeDays,
      safetyDays: after.safetyDays,
    },
  });
  return after;
}

export interface StoreStockDefault {
  storeId: string;
  storeName: string;
  lowThreshold: number | null;
}

/** Every store the member may see, with its default threshold (null: none set, 5 applies). */
export async function listStoreDefaults(ctx: SellerCtx): Promise<StoreStockDefault[]> {
  const stores = await listStores(ctx);
  const rows = await ctx.tx
    .select()
    .from(storeStockDefaults)
    .where(eq(storeStockDefaults.sellerId, ctx.sellerId));
  const byStore = new Map(rows.map((r) => [r.storeId, r.lowThreshold]));
  return stores.map((s) => ({ storeId: s.id, storeName: s.name, lowThreshold: byStore.get(s.id) ?? null }));
}

async function storeOf(ctx: SellerCtx, storeId: string) {
  const store = (await listStores(ctx)).find((s) => s.id === storeId);
  if (!store) throw notFound('store');
  return store;
}

export async function setStoreDefault(
  ctx: SellerCtx,
  storeId: string,
  lowThreshold: number | null,
): Promise<StoreStockDefault> {
  const store = await storeOf(ctx, storeId);
  const [before] = await ctx.tx
    .select()
    .from(storeStockDefaults)
    .where(and(eq(storeStockDefaults.sellerId, ctx.sellerId), eq(storeStockDefaults.storeId, storeId)));
  if (lowThreshold === null) {
    await ctx.tx
      .delete(storeStockDefaults)
      .where(and(eq(storeStockDefaults.sellerId, ctx.sellerId), eq(storeStockDefaults.storeId, storeId)));
  } else {
    await ctx.tx
      .insert(storeStockDefaults)
      .values({ storeId, sellerId: ctx.sellerId, lowThreshold, updatedAt: ctx.now })
      .onConflictDoUpdate({
        target: storeStockDefaults.storeId,
        set: { lowThreshold, updatedAt: ctx.now },
        setWhere: eq(storeStockDefaults.sellerId, ctx.sellerId),
      });
  }
  await syncLowFlags(ctx, null);
  await recordAudit(ctx, {
    action: 'stock.store_default_updated',
    entityType: 'store',
    entityId: storeId,
    before: { lowThreshold: before?.lowThreshold ?? null },
    after: { lowThreshold },
  });
  return { storeId, storeName: store.name, lowThreshold };
}

import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AnyCtx } from '../../../platform/db/tenant';

/** The low-stock threshold of a SKU that has none of its own and whose stores set no default. */
export const DEFAULT_LOW_THRESHOLD = 5;

export type ThresholdSource = 'sku' | 'store' | 'default';

/**
 * The stores a product is offered in. Products belong to the catalog; this is the one place where
 * inventory reads its published `store_ids` column (SQL only, to resolve per-store default thresholds
 * inside stock queries without a round trip per SKU).
 */
export const productStoreIdsSql = (productId: AnyPgColumn | SQL) =>
  sql`coalesce((select p.store_ids from products p where p.id = ${productId}), '{}'::uuid[])`;

/** The store default of a product: the highest default among its stores (warns earliest), or null. */
export const storeDefaultSql = (sellerId: AnyPgColumn | SQL, productId: AnyPgColumn | SQL) =>
  sql`(select max(d.low_threshold) from store_stock_defaults d
    where d.seller_id = ${sellerId} and d.store_id = any(${productStoreIdsSql(productId)}))`;

/** Effective threshold: the SKU's own, else its stores' default, else 5. */
export const thresholdSql = (
  skuThreshold: AnyPgColumn | SQL,
  sellerId: AnyPgColumn | SQL,
  productId: AnyPgColumn | SQL,
) => sql`coalesce(${skuThreshold}, ${storeDefaultSql(sellerId, productId)}, ${DEFAULT_LOW_THRESHOLD})`;

/** Effective thresholds of some SKUs with where each comes from (one query). */
export async function effectiveThresholds(
  ctx: AnyCtx,
  sellerId: string,
  items: { skuId: string; productId: string; lowThreshold: number | null }[],
): Promise<Map<string, { threshold: number; source: ThresholdSource }>> {
  const out = new Map<string, { threshold: number; source: ThresholdSource }>();
  const needStore = items.filter((i) => i.lowThreshold === null);
  let storeDefaults = new Map<string, number | null>();
  if (needStore.length > 0) {
    const productIds = [...new Set(needStore.map((i) => i.productId))];
    const result = await ctx.tx.execute(sql`select x.product_id::text as product_id,
        ${storeDefaultSql(sql`${sellerId}::uuid`, sql`x.product_id`)} as store_default
      from unnest(${`{${productIds.join(',')}}`}::uuid[]) as x(product_id)`);
    const rows = (result as unknown as { rows: { product_id: string; store_default: number | null }[] }).rows;
    storeDefaults = new Map(
      rows.map((r) => [r.product_id, r.store_default === null ? null : Number(r.store_default)]),
    );
  }
  for (const item of items) {
    if (item.lowThreshold !== null) {
      out.set(item.skuId, { threshold: item.lowThreshold, source: 'sku' });
      continue;
    }
    const store = storeDefaults.get(item.productId) ?? null;
    out.set(
      item.skuId,
      store !== null
        ? { threshold: store, source: 'store' }
        : { threshold: DEFAULT_LOW_THRESHOLD, source: 'default' },
    );
  }
  return out;
}

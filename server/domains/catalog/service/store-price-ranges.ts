// Price ranges of products in one store's currency, for lists (the effective store prices of active SKUs).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { SellerCtx } from '../../../platform/db/tenant';
import { skuPrices, skus } from '../schema';

export interface StorePriceRange {
  storeId: string;
  currency: string;
  /** Lowest price paid (sale price if any, else list price) among active SKUs, minor units. */
  min: number;
  max: number;
}

/**
 * The store's price range of each product (by product id). A product without store prices there
 * (not sold in the store, or no exchange rate to follow) is absent.
 */
export async function storePriceRanges(
  ctx: Pick<SellerCtx, 'tx' | 'sellerId'>,
  storeId: string,
  productIds: readonly string[],
): Promise<Map<string, StorePriceRange>> {
  if (productIds.length === 0) return new Map();
  const paid = sql<number>`coalesce(${skuPrices.salePrice}, ${skuPrices.listPrice})`;
  const rows = await ctx.tx
    .select({
      productId: skus.productId,
      currency: skuPrices.currency,
      min: sql<string>`min(${paid})`,
      max: sql<string>`max(${paid})`,
    })
    .from(skuPrices)
    .innerJoin(skus, eq(skus.id, skuPrices.skuId))
    .where(
      and(
        eq(skuPrices.sellerId, ctx.sellerId),
        eq(skuPrices.storeId, storeId),
        eq(skus.status, 'active'),
        inArray(skus.productId, [...productIds]),
      ),
    )
    .groupBy(skus.productId, skuPrices.currency);
  const out = new Map<string, StorePriceRange>();
  for (const r of rows) {
    // A store has one currency; should rows disagree, the first wins (deterministic by currency order).
    if (out.has(r.productId)) continue;
    out.set(r.productId, { storeId, currency: r.currency, min: Number(r.min), max: Number(r.max) });
  }
  return out;
}

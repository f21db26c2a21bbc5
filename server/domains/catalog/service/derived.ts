// What is derived from a product's working copy on every write: quality score and search text.
import { and, eq } from 'drizzle-orm';
import type { SellerCtx } from '../../../platform/db/tenant';
import { products, skus } from '../schema';
import { type CategoryRules, categoryRules, productImageIds } from './deps';
import { computeQuality } from './quality';
import { searchTextOf } from './store-listings';

/** Quality and search text from the working copy, SKUs and images; one UPDATE. */
export async function refreshDerived(
  ctx: SellerCtx,
  productId: string,
  rules?: CategoryRules | null,
): Promise<void> {
  const [row] = await ctx.tx
    .select()
    .from(products)
    .where(and(eq(products.sellerId, ctx.sellerId), eq(products.id, productId)));
  if (!row) return;
  const r = rules === undefined ? await categoryRules(ctx, row.categoryId) : rules;
  const skuRows = await ctx.tx
    .select()
    .from(skus)
    .where(and(eq(skus.sellerId, ctx.sellerId), eq(skus.productId, productId)));
  const imageCount = (await productImageIds(ctx, productId)).length;
  const quality = computeQuality({ content: row, imageCount, rules: r, skus: skuRows });
  const searchText = searchTextOf(row);
  if (
    quality.score === row.qualityScore &&
    quality.hints.join() === row.qualityHints.join() &&
    searchText === row.searchText
  )
    return;
  await ctx.tx
    .update(products)
    .set({ qualityScore: quality.score, qualityHints: quality.hints, searchText })
    .where(and(eq(products.sellerId, ctx.sellerId), eq(products.id, productId)));
}

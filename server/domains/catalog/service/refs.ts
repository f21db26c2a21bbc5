// SKU look-ups for other domains (inventory, orders, import): short cards, always scoped to the seller.
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { isUuid } from '../../../platform/db/ids';
import type { SellerCtx } from '../../../platform/db/tenant';
import { type PerLang, products, type SkuStatus, skus } from '../schema';

export interface SkuRef {
  id: string;
  productId: string;
  /** The product's category (its attribute definitions name the options). */
  categoryId: string;
  code: string;
  barcode: string | null;
  /** The product's working-copy title. */
  title: PerLang;
  options: Record<string, string>;
  status: SkuStatus;
}

const refSelect = {
  id: skus.id,
  productId: skus.productId,
  categoryId: products.categoryId,
  code: skus.code,
  barcode: skus.barcode,
  title: products.title,
  options: skus.options,
  status: skus.status,
};

/** The seller's SKUs by id; ids of other sellers and unknown ids are simply absent. */
export async function skuRefs(
  ctx: Pick<SellerCtx, 'tx' | 'sellerId'>,
  skuIds: readonly string[],
): Promise<SkuRef[]> {
  const ids = [...new Set(skuIds)].filter(isUuid);
  if (ids.length === 0) return [];
  return ctx.tx
    .select(refSelect)
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(and(eq(skus.sellerId, ctx.sellerId), inArray(skus.id, ids)));
}

/** The seller's SKUs whose code (ignoring case) or barcode (exact) is one of the given strings. */
export async function skuRefsByCode(
  ctx: Pick<SellerCtx, 'tx' | 'sellerId'>,
  codesOrBarcodes: readonly string[],
): Promise<SkuRef[]> {
  const values = [...new Set(codesOrBarcodes.map((c) => c.trim()).filter(Boolean))];
  if (values.length === 0) return [];
  const lower = [...new Set(values.map((v) => v.toLowerCase()))];
  return ctx.tx
    .select(refSelect)
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(
      and(
        eq(skus.sellerId, ctx.sellerId),
        or(inArray(sql`lower(${skus.code})`, lower), inArray(skus.barcode, values)),
      ),
    );
}

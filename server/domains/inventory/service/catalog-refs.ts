// What inventory uses from the catalog: SKU cards (code, barcode, title) through its door.
import type { AnyCtx, SellerCtx } from '../../../platform/db/tenant';
import { skuRefs, skuRefsByCode } from '../../catalog';

export interface SkuCard {
  id: string;
  productId: string;
  categoryId: string;
  code: string;
  barcode: string | null;
  title: Record<string, string>;
  options: Record<string, string>;
  status: string;
}

/** The catalog scopes SKU look-ups by the context's seller; other contexts look up for a given seller. */
function asSeller(ctx: AnyCtx, sellerId: string): SellerCtx {
  if (ctx.kind === 'seller' && ctx.sellerId === sellerId) return ctx;
  return { ...ctx, kind: 'seller', sellerId, storeIds: null, currentStoreId: null } as SellerCtx;
}

/** Cards of the seller's SKUs by id; ids of other sellers or unknown ids are simply absent. */
export async function skuCards(
  ctx: AnyCtx,
  sellerId: string,
  skuIds: string[],
): Promise<Map<string, SkuCard>> {
  const ids = [...new Set(skuIds)];
  if (ids.length === 0) return new Map();
  const refs = (await skuRefs(asSeller(ctx, sellerId), ids)) as SkuCard[];
  return new Map(refs.map((r) => [r.id, r]));
}

/** The seller's SKUs whose code or barcode is one of these (exact, code case-insensitive). */
export async function skuCardsByCode(ctx: SellerCtx, codes: string[]): Promise<SkuCard[]> {
  if (codes.length === 0) return [];
  return (await skuRefsByCode(ctx, codes)) as SkuCard[];
}

// The seller's decisions on held price changes.
import { recordAudit } from '../../../platform/audit/service';
import type { SellerCtx } from '../../../platform/db/tenant';
import { refreshDerived } from './derived';
import { decideHold, type PriceHold } from './pricing';
import { refreshStoreListings } from './store-listings';

export async function confirmPriceHold(ctx: SellerCtx, id: string): Promise<PriceHold> {
  const { hold, productId } = await decideHold(ctx, id, 'confirmed');
  await refreshDerived(ctx, productId);
  await refreshStoreListings(ctx, [productId]);
  await recordAudit(ctx, {
    action: 'price_hold.confirmed',
    entityType: 'sku',
    entityId: hold.skuId,
    before: { listPrice: hold.oldListPrice, salePrice: hold.oldSalePrice, storeId: hold.storeId },
    after: { listPrice: hold.newListPrice, salePrice: hold.newSalePrice, storeId: hold.storeId },
  });
  return hold;
}

export async function discardPriceHold(ctx: SellerCtx, id: string): Promise<PriceHold> {
  const { hold } = await decideHold(ctx, id, 'discarded');
  await recordAudit(ctx, {
    action: 'price_hold.discarded',
    entityType: 'sku',
    entityId: hold.skuId,
    before: { held: { listPrice: hold.newListPrice, salePrice: hold.newSalePrice, storeId: hold.storeId } },
    after: null,
  });
  return hold;
}

// Follow prices after exchange-rate changes: recomputed pair by pair, in batches, across sellers.
import type { Database } from '../../../platform/db/engine';
import { backgroundBase, withSystem } from '../../../platform/db/tenant';
import { followPairs, recomputeFollowPrices } from './pricing';
import { refreshStoreListings } from './store-listings';

/**
 * Recomputes every follow price converted between the pair's currencies (or, without a pair, between
 * every pair in use), one transaction per batch of SKUs, and refreshes the listings whose prices moved.
 * Idempotent: a second run changes nothing. Returns how many products changed.
 */
export async function recomputeFollowPricesEverywhere(
  database: Database,
  pair?: { from: string; to: string },
  batchSize = 500,
): Promise<number> {
  const pairs = pair ? [pair] : await withSystem(database, backgroundBase(), (ctx) => followPairs(ctx));
  let changed = 0;
  for (const p of pairs) {
    let after: string | undefined;
    for (;;) {
      const out = await withSystem(database, backgroundBase(), async (ctx) => {
        const r = await recomputeFollowPrices(ctx, p, { afterSkuId: after, limit: batchSize });
        await refreshStoreListings(ctx, r.changedProductIds);
        return r;
      });
      changed += out.changedProductIds.length;
      if (!out.lastSkuId) break;
      after = out.lastSkuId;
    }
  }
  return changed;
}

// Scheduled work and event consumers of the catalog domain.
import { backgroundBase, withSystem } from '../../platform/db/tenant';
import { subscribe } from '../../platform/events/outbox';
import { removeFiles } from '../../platform/files/store';
import { defineJob } from '../../platform/jobs/queue';
import { runDocumentExpiry, todayOf } from './service/compliance';
import { removeDocumentFileIfUnused } from './service/documents';
import { purgeUnusedImages, removeDeletedImageFiles } from './service/images';
import { recomputeFollowPricesEverywhere } from './service/rates';
import { refreshBuyable, refreshListingCategoryPaths, relistStore } from './service/store-listings';
// Bulk product imports (the worker subscribes to catalog.import_requested).
import './service/import/job';

/** Daily at 00:10 UTC: document reminders (30/7/1 days ahead), expiries and the suspensions they cause. */
defineJob(
  'catalog.documents-expiry',
  async (_data, { database }) => {
    const now = new Date();
    await runDocumentExpiry(database, todayOf({ now }), now);
  },
  { cron: '10 0 * * *' },
);

/** Daily at 03:40 UTC: unattached images nobody shows any more, with their files. */
defineJob(
  'catalog.images-cleanup',
  async (_data, { database }) => {
    const dirs = await withSystem(database, backgroundBase(), (ctx) => purgeUnusedImages(ctx));
    for (const dir of dirs) await removeFiles(dir);
  },
  { cron: '40 3 * * *' },
);

/** Files of deleted images and replaced or deleted document scans, removed once the change committed. */
subscribe<{ sellerId: string; imageId?: string; fileKey?: string }>(
  'catalog-files',
  ['image.deleted', 'document.file_removed'],
  (event, { database }) =>
    withSystem(database, backgroundBase(), async (ctx) => {
      const { sellerId, imageId, fileKey } = event.payload;
      if (event.type === 'image.deleted' && imageId)
        await removeDeletedImageFiles(ctx, { sellerId, imageId });
      if (event.type === 'document.file_removed' && fileKey)
        await removeDocumentFileIfUnused(ctx, fileKey, removeFiles);
    }),
);

/** Buyable flags of store listings follow stock crossing zero (inventory's event). */
subscribe<{ sellerId: string; productId: string; skuId: string; available: number }>(
  'catalog-listing-stock',
  ['stock.availability_changed'],
  (event, { database }) =>
    withSystem(database, backgroundBase(), (ctx) => refreshBuyable(ctx, event.payload.productId)),
);

/** An archived store sells nothing: its listings go, and come back when it is restored. */
subscribe<{ storeId: string }>(
  'catalog-store-status',
  ['store.archived', 'store.restored'],
  (event, { database }) =>
    withSystem(database, backgroundBase(), (ctx) => relistStore(ctx, event.payload.storeId)),
);

/** Storefront category paths follow an operator's move of a category (platform's event). */
subscribe<{ categoryId: string }>('catalog-category-moved', ['category.moved'], (event, { database }) =>
  withSystem(database, backgroundBase(), (ctx) => refreshListingCategoryPaths(ctx, event.payload.categoryId)),
);

/**
 * Follow prices in store currencies: daily at 00:05 UTC every pair in use (a rate set ahead for today
 * takes effect), and at once for a pair whose rate the platform sets or deletes.
 */
defineJob<{ from?: string; to?: string }>(
  'catalog.follow-prices',
  async (data, { database }) => {
    await recomputeFollowPricesEverywhere(
      database,
      data?.from && data?.to ? { from: data.from, to: data.to } : undefined,
    );
  },
  { cron: '5 0 * * *' },
);
subscribe<{ base: string; quote: string }>(
  'catalog-exchange-rates',
  ['exchange_rate.set', 'exchange_rate.deleted'],
  async (event, { database }) => {
    await recomputeFollowPricesEverywhere(database, { from: event.payload.base, to: event.payload.quote });
  },
);

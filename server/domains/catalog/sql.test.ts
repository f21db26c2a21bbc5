import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { expectSqlSnapshot, sqlOnly } from '../../../tests/helpers/sql-snapshot';
import { lookupQuery, plainQuery, walkQuery } from '../../platform/db/ordered-read';
import { storeListings } from './schema';
import { priceHoldListQuery, priceHoldPageQuery } from './service/pricing';
import { productListQuery, productListRead, productsOfSeller } from './service/product-list';
import { reviewQueuePageQuery, reviewQueueQuery } from './service/review';
import { orderedListingRead } from './service/store-listings';

const SELLER = '01900000-0000-7000-8000-000000000001';
const STORE = '01900000-0000-7000-8000-000000000002';
const CATEGORY = '01900000-0000-7000-8000-000000000003';
const PRODUCT = '01900000-0000-7000-8000-000000000004';
const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
const seller = { ...sqlOnly, sellerId: SELLER, storeIds: [STORE], currentStoreId: null };
const dir = import.meta.dirname;
/** Words, a category subtree, store, currency, price range, buyable, after a cursor; newest first. */
const storefrontRead = orderedListingRead(
  {
    q: 'cotton tee',
    categoryId: CATEGORY,
    storeId: STORE,
    currency: 'CNY',
    minPrice: 1000,
    maxPrice: 50_000,
    buyableOnly: true,
    limit: 24,
    cursor: cursorOf(['2026-11-01T10:00:00.000Z', PRODUCT, STORE]),
  },
  'newest',
);

describe('hot queries of the catalog', () => {
  it('seller product list: search, filters, default sort, keyset page (walk, then lookup)', async () => {
    const { fields, read, walkable } = productListRead(
      seller,
      productListQuery.parse({
        q: 'cotton',
        reviewState: 'approved',
        saleState: 'active',
        categoryId: CATEGORY,
        storeId: STORE,
        qualityBelow: '80',
        cursor: cursorOf(['2026-11-01 10:00:00.123456+00', PRODUCT]),
      }),
      { subtree: [CATEGORY], locale: 'en-US' },
    );
    expect(walkable).toBe(true);
    await expectSqlSnapshot(dir, 'product-list-page', walkQuery(sqlOnly.tx, productsOfSeller, fields, read));
    await expectSqlSnapshot(
      dir,
      'product-list-page-lookup',
      lookupQuery(sqlOnly.tx, productsOfSeller, fields, read),
    );
  });

  it('seller product list sorted by lowest price (no index follows it: one query)', async () => {
    const { fields, read, walkable } = productListRead(
      { ...seller, storeIds: null },
      productListQuery.parse({ sort: 'price', cursor: cursorOf(['1990', PRODUCT]) }),
      { subtree: null, locale: 'ru-RU' },
    );
    expect(walkable).toBe(false);
    await expectSqlSnapshot(
      dir,
      'product-list-by-price',
      plainQuery(sqlOnly.tx, productsOfSeller, fields, read),
    );
  });

  it('storefront search: a bounded walk in the sort order, filtered by words and category subtree', () =>
    expectSqlSnapshot(
      dir,
      'storefront-search',
      walkQuery(sqlOnly.tx, storeListings, getTableColumns(storeListings), storefrontRead),
    ));

  it('storefront search: the matches looked up by index, then sorted', () =>
    expectSqlSnapshot(
      dir,
      'storefront-search-lookup',
      lookupQuery(sqlOnly.tx, storeListings, getTableColumns(storeListings), storefrontRead),
    ));

  it('listing review queue', () =>
    expectSqlSnapshot(
      dir,
      'listing-review-queue',
      reviewQueuePageQuery(
        sqlOnly,
        reviewQueueQuery.parse({
          sellerId: SELLER,
          categoryId: CATEGORY,
          kind: 'revision',
          submittedBefore: '2026-11-02T00:00:00Z',
          cursor: cursorOf(['2026-11-01T10:00:00.000Z', PRODUCT]),
        }),
        [CATEGORY],
      ),
    ));

  it('price holds page', () =>
    expectSqlSnapshot(dir, 'price-holds-page', priceHoldPageQuery(seller, priceHoldListQuery.parse({}))));
});

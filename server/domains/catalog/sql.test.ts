import { describe, it } from 'vitest';
import { expectSqlSnapshot, sqlOnly } from '../../../tests/helpers/sql-snapshot';
import { priceHoldListQuery, priceHoldPageQuery } from './service/pricing';
import { productListPageQuery, productListQuery } from './service/product-list';
import { reviewQueuePageQuery, reviewQueueQuery } from './service/review';
import { storeListingSearchQuery } from './service/store-listings';

const SELLER = '01900000-0000-7000-8000-000000000001';
const STORE = '01900000-0000-7000-8000-000000000002';
const CATEGORY = '01900000-0000-7000-8000-000000000003';
const PRODUCT = '01900000-0000-7000-8000-000000000004';
const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
const seller = { ...sqlOnly, sellerId: SELLER, storeIds: [STORE], currentStoreId: null };
const dir = import.meta.dirname;

describe('hot queries of the catalog', () => {
  it('seller product list: search, filters, default sort, keyset page', () =>
    expectSqlSnapshot(
      dir,
      'product-list-page',
      productListPageQuery(
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
      ),
    ));

  it('seller product list sorted by lowest price', () =>
    expectSqlSnapshot(
      dir,
      'product-list-by-price',
      productListPageQuery(
        { ...seller, storeIds: null },
        productListQuery.parse({ sort: 'price', cursor: cursorOf(['1990', PRODUCT]) }),
        { subtree: null, locale: 'ru-RU' },
      ),
    ));

  it('storefront search: words, category subtree, price, store, newest first', () =>
    expectSqlSnapshot(
      dir,
      'storefront-search',
      storeListingSearchQuery(sqlOnly, {
        q: 'cotton tee',
        categoryId: CATEGORY,
        storeId: STORE,
        currency: 'CNY',
        minPrice: 1000,
        maxPrice: 50_000,
        buyableOnly: true,
        limit: 24,
        cursor: cursorOf(['2026-11-01T10:00:00.000Z', PRODUCT, STORE]),
      }),
    ));

  it('storefront search by price', () =>
    expectSqlSnapshot(
      dir,
      'storefront-search-by-price',
      storeListingSearchQuery(sqlOnly, { storeId: STORE, sort: 'price_asc', limit: 24 }),
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

import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, it } from 'vitest';
import { expectSqlSnapshot, sqlOnly } from '../../../tests/helpers/sql-snapshot';
import type { SellerCtx } from '../../platform/db/tenant';
import { inboundPageQuery } from './service/inbound';
import { movementPageQuery, stockPageQuery, stockStateFilter } from './service/stock';
import { warehouseListQueryBuilder } from './service/warehouses';

const SELLER = '01900000-0000-7000-8000-000000000001';
const STORE = '01900000-0000-7000-8000-000000000003';
const SKU = '01900000-0000-7000-8000-000000000004';
const WAREHOUSE = '01900000-0000-7000-8000-000000000005';
const cursor = Buffer.from(JSON.stringify(['2026-11-01T00:00:00.000Z', SELLER])).toString('base64url');
const seller = {
  ...sqlOnly,
  sellerId: SELLER,
  storeIds: [STORE],
  currentStoreId: null,
} as unknown as SellerCtx;
const platform = { ...sqlOnly, kind: 'platform' } as never;
const dir = import.meta.dirname;

describe('hot queries of inventory', () => {
  it('stock list page: low stock in a warehouse, least available first', () =>
    expectSqlSnapshot(
      dir,
      'stock-page',
      stockPageQuery(seller, { limit: 50, sort: 'available', state: 'low', warehouseId: WAREHOUSE }, null),
    ));
  it('stock ledger of one SKU', () =>
    expectSqlSnapshot(dir, 'movement-page', movementPageQuery(seller, { limit: 50, skuId: SKU, cursor })));
  it('warehouses a seller may use', () =>
    expectSqlSnapshot(dir, 'warehouse-list', warehouseListQueryBuilder(seller, { active: true })));
  it('incoming shipments for operators', () =>
    expectSqlSnapshot(
      dir,
      'platform-inbound-page',
      inboundPageQuery(platform, { limit: 50, status: 'shipped', warehouseId: WAREHOUSE }),
    ));
  it('the stock state condition of the catalog product list', () =>
    expectSqlSnapshot(dir, 'stock-state-filter', {
      toSQL: () =>
        new PgDialect().sqlToQuery(
          sql`select id from products where ${stockStateFilter('low', sql`products.id`)}`,
        ),
    }));
});

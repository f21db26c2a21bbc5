// Test-only: inventory data built through the domain's own services and routes (never raw inserts).
import { randomBytes } from 'node:crypto';
import type { TestApp } from '../../../tests/helpers/test-app';
import { backgroundBase, withPlatform, withTenant } from '../../platform/db/tenant';
import type { TestSeller } from '../accounts/factories';
import { type AdjustStockInput, adjustStock } from './service/adjustments';
import { type CreateWarehouseInput, createWarehouse, type Warehouse } from './service/warehouses';

export const testAddress = {
  country: 'CN',
  region: 'Zhejiang',
  city: 'Hangzhou',
  line1: '88 Logistics Park Road',
  postalCode: '311100',
  phone: '+86 571 1234 5678',
};

const code = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex').toUpperCase()}`;

/** The seller's own warehouse, created through the API as the owner. */
export async function makeWarehouse(
  t: TestApp,
  seller: TestSeller,
  overrides: Partial<CreateWarehouseInput> = {},
): Promise<Warehouse> {
  const res = await seller.owner.post('/api/v1/seller/warehouses', {
    code: code('WH'),
    name: 'Own warehouse',
    address: testAddress,
    handlingDays: 1,
    ...overrides,
  });
  if (res.statusCode !== 201) throw new Error(`makeWarehouse: ${res.statusCode} ${res.body}`);
  void t;
  return res.json() as Warehouse;
}

/** A platform fulfilment warehouse (as operators create it). */
export async function makePlatformWarehouse(
  t: TestApp,
  overrides: Partial<CreateWarehouseInput> = {},
): Promise<Warehouse> {
  return withPlatform(t.database, backgroundBase(), (ctx) =>
    createWarehouse(ctx, {
      code: code('FC'),
      name: 'Platform FC',
      address: { ...testAddress, city: 'Shanghai', line1: '1 Fulfilment Avenue' },
      handlingDays: 0,
      active: true,
      ...overrides,
    }),
  );
}

/** Puts stock on a SKU through the stock service (as the seller's system actor). */
export async function stockUp(
  t: TestApp,
  seller: { sellerId: string },
  input: Omit<AdjustStockInput, 'reason'> & { reason?: AdjustStockInput['reason'] },
) {
  const base = { ...backgroundBase(), sellerId: seller.sellerId, storeIds: null, currentStoreId: null };
  return withTenant(t.database, base, (ctx) =>
    adjustStock(ctx, { reason: input.onHand !== undefined ? 'count_correction' : 'received', ...input }),
  );
}

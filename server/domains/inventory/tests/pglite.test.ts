import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { backgroundBase, withTenant } from '../../../platform/db/tenant';
import { makeSeller } from '../../accounts/factories';
import { makeProduct } from '../../catalog/factories';
import { makeWarehouse } from '../factories';
import { commitReservation, releaseReservation, reserve } from '../service/reservations';

// The embedded engine (npm start's default) runs the same stock SQL: levels, ledger, reservations, insights.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ engine: 'pglite' });
});
afterAll(async () => {
  await t.close();
});

describe('inventory on PGlite', () => {
  it('adjusts, reserves, commits, releases and lists stock', async () => {
    const seller = await makeSeller(t);
    const product = await makeProduct(t, seller, { skus: 2 });
    const sku = product.skus[0] as { id: string; code: string };
    const wh = await makeWarehouse(t, seller);
    const res = await seller.owner.post('/api/v1/seller/stock/adjustments', {
      type: 'count',
      skuId: sku.id,
      warehouseId: wh.id,
      onHand: 6,
    });
    expect(res.statusCode).toBe(201);
    const base = { ...backgroundBase(), sellerId: seller.sellerId, storeIds: null, currentStoreId: null };
    await withTenant(t.database, base, async (ctx) => {
      await reserve(ctx, [{ skuId: sku.id, quantity: 2 }], { type: 'order', id: 'a' });
      await reserve(ctx, [{ skuId: sku.id, quantity: 3 }], { type: 'order', id: 'b' });
      await commitReservation(ctx, { type: 'order', id: 'a' });
      await releaseReservation(ctx, { type: 'order', id: 'b' });
    });
    await expect(
      withTenant(t.database, base, (ctx) =>
        reserve(ctx, [{ skuId: sku.id, quantity: 5 }], { type: 'order', id: 'c' }),
      ),
    ).rejects.toMatchObject({ code: 'out_of_stock' });
    const list = await seller.owner.get('/api/v1/seller/stock?state=low');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        skuId: sku.id,
        onHand: 4,
        reserved: 0,
        available: 4,
        state: 'low',
        insight: expect.objectContaining({ sold30d: 2 }),
      }),
    ]);
    const ledger = await seller.owner.get(`/api/v1/seller/stock/movements?skuId=${sku.id}`);
    expect(ledger.json().items.map((m: { reason: string }) => m.reason)).toEqual([
      'released',
      'sold',
      'reserved',
      'reserved',
      'count_correction',
    ]);
  });
});

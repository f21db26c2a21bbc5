// The storefront on the embedded default (PGlite): search by a partial word and open the product page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeSeller, makeStore } from '../../accounts/factories';
import { makeProduct } from '../../catalog/factories';
import { makeWarehouse, stockUp } from '../../inventory/factories';
import { makeCategoryTree, platformAdmin } from '../../platform/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ engine: 'pglite' });
});
afterAll(async () => {
  await t.close();
});

describe('storefront on PGlite', () => {
  it('finds an approved, stocked product by part of a word and shows its page', async () => {
    const tree = await makeCategoryTree(t);
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const warehouse = await makeWarehouse(t, seller);
    const product = await makeProduct(t, seller, {
      categoryId: tree.electronics.id,
      storeIds: [store.id],
      submit: true,
      skus: 1,
      title: { 'zh-CN': '蓝牙耳机', 'en-US': 'Bluetooth headphones', 'ru-RU': 'Блютуз-наушники' },
    });
    const sku = product.skus[0] as { id: string };
    await stockUp(t, seller, { skuId: sku.id, productId: product.id, warehouseId: warehouse.id, onHand: 4 });
    const op = await platformAdmin(t);
    expect((await op.post(`/api/v1/platform/listings/${product.reviewId}/approve`, {})).statusCode).toBe(200);

    const buyer = new Agent(t.app);
    const res = await buyer.get('/api/v1/store/products?q=%D0%BD%D0%B0%D1%83%D1%88'); // "науш"
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { productId: string }) => i.productId)).toEqual([product.id]);
    const page = await buyer.get(`/api/v1/store/products/${product.id}?storeId=${store.id}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ displayTitle: 'Bluetooth headphones', buyable: true });
    expect(page.json().skus[0]).toMatchObject({ available: 4 });
    expect((await buyer.get('/api/v1/store/categories')).json().items.length).toBeGreaterThan(0);
  });
});

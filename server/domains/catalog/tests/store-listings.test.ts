// The buyers' read model: store listings kept by the catalog, and the storefront's reads of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { backgroundBase, withSystem } from '../../../platform/db/tenant';
import { makeSeller, makeStore, type TestSeller } from '../../accounts/factories';
import { makeWarehouse, stockUp } from '../../inventory/factories';
import { type CategoryTree, makeCategoryTree, platformAdmin, setRate } from '../../platform/factories';
import { type MadeProduct, makeProduct } from '../factories';
import { type StoreListingQuery, searchStoreListings, storeListingDetail } from '../service/store-listings';

let t: TestApp;
let tree: CategoryTree;
let seller: TestSeller;
let cnStore: { id: string };
let ruStore: { id: string };
let tee: MadeProduct;
let phone: MadeProduct;
let hidden: MadeProduct;
beforeAll(async () => {
  t = await createTestApp();
  tree = await makeCategoryTree(t);
  await setRate(t, 'CNY', 'RUB', '12.5');
  seller = await makeSeller(t);
  cnStore = await makeStore(t, seller);
  ruStore = await makeStore(t, seller, { currency: 'RUB', marketCountry: 'RU', defaultLanguage: 'ru-RU' });
  tee = await makeProduct(t, seller, {
    categoryId: tree.tshirts.id,
    approve: true,
    storeIds: [cnStore.id, ruStore.id],
    price: 3990,
    title: {
      'en-US': 'Organic cotton tee',
      'zh-CN': '有机棉T恤',
      'ru-RU': 'Футболка из органического хлопка',
    },
  });
  phone = await makeProduct(t, seller, {
    categoryId: tree.electronics.id,
    approve: true,
    storeIds: [cnStore.id],
    price: 19_900,
    title: { 'en-US': 'Power bank 20000 mAh', 'zh-CN': '充电宝', 'ru-RU': 'Пауэрбанк' },
  });
  hidden = await makeProduct(t, seller, {
    categoryId: tree.electronics.id,
    storeIds: [cnStore.id],
    price: 500,
  });
});
afterAll(async () => {
  await t.close();
});

const search = (q: Partial<StoreListingQuery>) =>
  withSystem(t.database, backgroundBase(), (ctx) => searchStoreListings(ctx, { limit: 20, ...q }));
const ids = async (q: Partial<StoreListingQuery>) =>
  (await search(q)).items.map((i) => `${i.productId}@${i.storeId}`);

describe('searchStoreListings', () => {
  it('finds approved, active products by words in any language, category subtree, price and store', async () => {
    expect(await ids({ q: 'cotton TEE' })).toEqual(
      [`${tee.id}@${ruStore.id}`, `${tee.id}@${cnStore.id}`].sort().reverse(),
    );
    expect(await ids({ q: 'хлопка', storeId: ruStore.id })).toEqual([`${tee.id}@${ruStore.id}`]);
    expect(await ids({ q: '充电宝' })).toEqual([`${phone.id}@${cnStore.id}`]);
    expect(await ids({ categoryId: tree.clothing.id, storeId: cnStore.id })).toEqual([
      `${tee.id}@${cnStore.id}`,
    ]);
    expect(await ids({ storeId: cnStore.id, minPrice: 10_000 })).toEqual([`${phone.id}@${cnStore.id}`]);
    expect(await ids({ storeId: cnStore.id, maxPrice: 10_000 })).toEqual([`${tee.id}@${cnStore.id}`]);
    expect(await ids({ currency: 'RUB' })).toEqual([`${tee.id}@${ruStore.id}`]);
    expect(await ids({ storeId: cnStore.id, sort: 'price_desc' })).toEqual([
      `${phone.id}@${cnStore.id}`,
      `${tee.id}@${cnStore.id}`,
    ]);
    expect((await ids({ storeId: cnStore.id })).map((x) => x.split('@')[0])).not.toContain(hidden.id);
    const [ru] = (await search({ storeId: ruStore.id })).items;
    // 39.90 CNY × 12.5 = 498.75 ₽ → 499 ₽
    expect(ru).toMatchObject({
      currency: 'RUB',
      minPrice: 49_900,
      title: tee.published?.title,
      mainImageId: tee.imageIds[0],
    });
    expect(ru?.categoryPath).toEqual([tree.clothing.id, tree.tshirts.id]);
  });

  it('pages with a cursor in every sort', async () => {
    for (const sort of ['newest', 'price_asc', 'price_desc'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (;;) {
        const page = await search({ sort, limit: 1, cursor, storeId: cnStore.id });
        seen.push(...page.items.map((i) => i.productId));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen.sort()).toEqual([phone.id, tee.id].sort());
    }
    await expect(search({ cursor: 'bad' })).rejects.toMatchObject({ code: 'invalid_cursor' });
  });
});

describe('relevance', () => {
  it('puts listings with the search as a phrase first, then those with every word, newest first in each', async () => {
    const scattered = await makeProduct(t, seller, {
      categoryId: tree.tshirts.id,
      approve: true,
      storeIds: [cnStore.id],
      price: 2990,
      title: { 'en-US': 'Tee with a cotton pocket', 'zh-CN': '口袋T恤' },
    });
    const expected = [`${tee.id}@${ruStore.id}`, `${tee.id}@${cnStore.id}`]
      .sort()
      .reverse()
      .concat(`${scattered.id}@${cnStore.id}`);
    expect(await ids({ q: 'cotton tee', sort: 'relevance' })).toEqual(expected);
    // Newest first, the scattered words are the newer listing.
    expect((await ids({ q: 'cotton tee', sort: 'newest' }))[0]).toBe(`${scattered.id}@${cnStore.id}`);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await search({ q: 'cotton tee', sort: 'relevance', limit: 1, cursor });
      seen.push(...page.items.map((i) => `${i.productId}@${i.storeId}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
    const wrongTier = Buffer.from(JSON.stringify([7, new Date().toISOString(), tee.id, cnStore.id])).toString(
      'base64url',
    );
    await expect(search({ q: 'cotton tee', sort: 'relevance', cursor: wrongTier })).rejects.toMatchObject({
      code: 'invalid_cursor',
    });
  });
});

describe('archived stores', () => {
  it('sell nothing: their listings go when archived and come back when restored', async () => {
    const inRu = async () => (await ids({ storeId: ruStore.id })).map((x) => x.split('@')[0]);
    const waitFor = async (ok: () => Promise<boolean>) => {
      for (let i = 0; i < 80 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
    };
    expect(await inRu()).toContain(tee.id);
    expect((await seller.owner.post(`/api/v1/seller/stores/${ruStore.id}/archive`)).statusCode).toBe(200);
    await waitFor(async () => (await inRu()).length === 0);
    expect(await inRu()).toEqual([]);
    // An edit while archived does not bring the listing back; the other store keeps it.
    await seller.owner.patch(`/api/v1/seller/products/${tee.id}/skus/${(tee.skus[0] as { id: string }).id}`, {
      weightGrams: 210,
    });
    expect(await inRu()).toEqual([]);
    expect((await ids({ storeId: cnStore.id })).map((x) => x.split('@')[0])).toContain(tee.id);
    expect((await seller.owner.post(`/api/v1/seller/stores/${ruStore.id}/restore`)).statusCode).toBe(200);
    await waitFor(async () => (await inRu()).includes(tee.id));
    expect(await inRu()).toContain(tee.id);
  });
});

describe('category moves', () => {
  it('move the listings below the category with it (platform’s event)', async () => {
    const admin = await platformAdmin(t);
    const inClothing = async () => (await ids({ categoryId: tree.clothing.id })).map((x) => x.split('@')[0]);
    const inElectronics = async () =>
      (await ids({ categoryId: tree.electronics.id })).map((x) => x.split('@')[0]);
    expect(await inClothing()).toContain(tee.id);
    const moved = await admin.patch(`/api/v1/platform/categories/${tree.tshirts.id}`, {
      parentId: tree.electronics.id,
    });
    expect(moved.statusCode).toBe(200);
    for (let i = 0; i < 80 && !(await inElectronics()).includes(tee.id); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await inElectronics()).toContain(tee.id);
    expect(await inClothing()).not.toContain(tee.id);
    await admin.patch(`/api/v1/platform/categories/${tree.tshirts.id}`, { parentId: tree.clothing.id });
  });
});

describe('storeListingDetail', () => {
  it('returns the published content and active SKUs with the store’s prices; null when not listed', async () => {
    const detail = await withSystem(t.database, backgroundBase(), (ctx) =>
      storeListingDetail(ctx, tee.id, ruStore.id),
    );
    expect(detail).toMatchObject({
      productId: tee.id,
      storeId: ruStore.id,
      sellerId: seller.sellerId,
      number: tee.number,
      currency: 'RUB',
      content: { title: tee.title, imageIds: tee.imageIds },
    });
    expect(detail?.skus.map((s) => [s.code, s.currency, s.listPrice])).toEqual(
      (tee.skus as { code: string }[]).map((s, i) => [s.code, 'RUB', [49_900, 50_900, 51_900][i]]),
    );
    const none = await withSystem(t.database, backgroundBase(), (ctx) =>
      storeListingDetail(ctx, hidden.id, cnStore.id),
    );
    expect(none).toBeNull();
    const wrongStore = await withSystem(t.database, backgroundBase(), (ctx) =>
      storeListingDetail(ctx, phone.id, ruStore.id),
    );
    expect(wrongStore).toBeNull();
  });
});

describe('buyable', () => {
  it('follows stock crossing zero (inventory’s event) and backorder', async () => {
    const buyable = async (productId: string) =>
      (
        await t.database.raw('select buyable from store_listings where product_id = $1', [productId])
      ).rows.map((r) => r.buyable);
    expect(await buyable(phone.id)).toEqual([false]);
    const warehouse = await makeWarehouse(t, seller);
    const sku = phone.skus[0] as { id: string };
    await stockUp(t, seller, { skuId: sku.id, productId: phone.id, warehouseId: warehouse.id, onHand: 3 });
    for (let i = 0; i < 80 && (await buyable(phone.id))[0] !== true; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await buyable(phone.id)).toEqual([true]);
    await stockUp(t, seller, { skuId: sku.id, productId: phone.id, warehouseId: warehouse.id, onHand: 0 });
    for (let i = 0; i < 80 && (await buyable(phone.id))[0] !== false; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await buyable(phone.id)).toEqual([false]);
    // A SKU sold on backorder is always buyable.
    await seller.owner.patch(`/api/v1/seller/products/${tee.id}/skus/${(tee.skus[0] as { id: string }).id}`, {
      backorder: true,
    });
    expect(await buyable(tee.id)).toEqual([true, true]);
  });
});

// Global pricing: follow prices in store currencies (rates + price endings), overrides, quarantine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeSeller, makeStore, type TestSeller } from '../../accounts/factories';
import { setRate } from '../../platform/factories';
import { makeProduct } from '../factories';
import { recomputeFollowPricesEverywhere } from '../service/rates';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await setRate(t, 'CNY', 'RUB', '12.5');
  await setRate(t, 'USD', 'CNY', '7.1429'); // CNY → USD by the inverse: 19.90 × 0.14 = 2.79
});
afterAll(async () => {
  await t.close();
});

async function sellerWithStores(seller?: TestSeller) {
  const s = seller ?? (await makeSeller(t));
  const rub = await makeStore(t, s, { currency: 'RUB', marketCountry: 'RU', defaultLanguage: 'ru-RU' });
  const usd = await makeStore(t, s, { currency: 'USD', marketCountry: 'US', defaultLanguage: 'en-US' });
  const cny = await makeStore(t, s);
  return { seller: s, rub, usd, cny };
}

type StorePrice = {
  storeId: string;
  currency: string;
  mode: string;
  listPrice: number;
  salePrice: number | null;
};
type Sku = {
  id: string;
  listPrice: number;
  salePrice: number | null;
  storePrices: StorePrice[];
  priceHold: { id: string; listPrice: number } | null;
};
const priceIn = (sku: Sku, storeId: string) =>
  sku.storePrices.find((p) => p.storeId === storeId) as StorePrice;

const listingPrice = async (productId: string, storeId: string) =>
  (
    await t.database.raw(
      'select min_price, max_price, currency from store_listings where product_id = $1 and store_id = $2',
      [productId, storeId],
    )
  ).rows[0] as { min_price: string; max_price: string; currency: string } | undefined;

describe('follow prices', () => {
  it('converts the base price at the platform rate and rounds to each store’s price ending', async () => {
    const { seller, rub, usd, cny } = await sellerWithStores();
    const p = await makeProduct(t, seller, { skus: 2, price: 1990, storeIds: [rub.id, usd.id, cny.id] });
    const sku = p.skus[0] as Sku;
    // 19.90 CNY × 12.5 = 248.75 ₽ → 249.00 ₽ (whole roubles ending in 9)
    expect(priceIn(sku, rub.id)).toMatchObject({
      currency: 'RUB',
      mode: 'follow',
      listPrice: 24_900,
      salePrice: null,
    });
    // 19.90 CNY / 7.1429 = 2.786 → 2.79 $ → 2.99 $ (.99 ending)
    expect(priceIn(sku, usd.id)).toMatchObject({ currency: 'USD', mode: 'follow', listPrice: 299 });
    // Same currency: the base price as it is.
    expect(priceIn(sku, cny.id)).toMatchObject({ currency: 'CNY', listPrice: 1990 });

    // A base price change moves every follow price.
    const res = await seller.owner.patch(`/api/v1/seller/products/${p.id}/skus/${sku.id}`, {
      listPrice: 2990,
      salePrice: 2490,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().held).toBe(false);
    // 29.90 × 12.5 = 373.75 → 369.00 (nearer than 379.00); 24.90 × 12.5 = 311.25 → 309.00
    expect(priceIn(res.json(), rub.id)).toMatchObject({ listPrice: 36_900, salePrice: 30_900 });
  });

  it('recomputes follow prices when the rate changes (the daily job or the rate event) and updates listings', async () => {
    const { seller, rub } = await sellerWithStores();
    const p = await makeProduct(t, seller, { skus: 2, price: 1990, storeIds: [rub.id], approve: true });
    expect(await listingPrice(p.id, rub.id)).toMatchObject({
      min_price: '24900',
      max_price: '25900',
      currency: 'RUB',
    });
    await setRate(t, 'CNY', 'RUB', '13');
    // The platform's exchange_rate.set event recomputes the pair at once (no daily job needed).
    for (let i = 0; i < 80 && (await listingPrice(p.id, rub.id))?.min_price !== '25900'; i++)
      await new Promise((r) => setTimeout(r, 100));
    const after = (await seller.owner.get(`/api/v1/seller/products/${p.id}`)).json();
    // 19.90 × 13 = 258.70 → 259.00; 20.90 × 13 = 271.70 → 269.00
    expect(after.skus.map((s: Sku) => priceIn(s, rub.id).listPrice)).toEqual([25_900, 26_900]);
    expect(await listingPrice(p.id, rub.id)).toMatchObject({ min_price: '25900', max_price: '26900' });
    // Nothing more to change on a second run.
    expect(await recomputeFollowPricesEverywhere(t.database)).toBe(0);
    await setRate(t, 'CNY', 'RUB', '12.5');
    // The daily job's pass over every pair in use (here for today: what the event did already).
    await recomputeFollowPricesEverywhere(t.database, { from: 'CNY', to: 'RUB' }, 1);
    expect(await listingPrice(p.id, rub.id)).toMatchObject({ min_price: '24900' });
  });

  it('a store in a currency without a rate is a 422 that names the pair', async () => {
    const seller = await makeSeller(t);
    const kzt = await makeStore(t, seller, {
      currency: 'KZT',
      marketCountry: 'KZ',
      defaultLanguage: 'ru-RU',
    });
    const p = await makeProduct(t, seller, { skus: 2 });
    const res = await seller.owner.patch(`/api/v1/seller/products/${p.id}`, { storeIds: [kzt.id] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'exchange_rate_missing' });
    expect(res.json().detail).toContain('CNY');
    expect(res.json().detail).toContain('KZT');
    expect((await seller.owner.get(`/api/v1/seller/products/${p.id}`)).json().storeIds).toEqual([]);
  });

  it('an override sets the store price by hand; back to follow recomputes it', async () => {
    const { seller, rub } = await sellerWithStores();
    const p = await makeProduct(t, seller, { skus: 2, price: 1990, storeIds: [rub.id] });
    const sku = p.skus[0] as Sku;
    const url = `/api/v1/seller/products/${p.id}/skus/${sku.id}`;
    const res = await seller.owner.patch(url, {
      storePrices: [{ storeId: rub.id, mode: 'override', listPrice: 27_900, salePrice: 24_900 }],
    });
    expect(res.statusCode).toBe(200);
    expect(priceIn(res.json(), rub.id)).toMatchObject({
      mode: 'override',
      listPrice: 27_900,
      salePrice: 24_900,
    });
    // The base price no longer moves an overridden store price.
    const base = await seller.owner.patch(url, { listPrice: 2190 });
    expect(priceIn(base.json(), rub.id)).toMatchObject({ mode: 'override', listPrice: 27_900 });
    const back = await seller.owner.patch(url, { storePrices: [{ storeId: rub.id, mode: 'follow' }] });
    // 21.90 × 12.5 = 273.75 → 269.00
    expect(priceIn(back.json(), rub.id)).toMatchObject({
      mode: 'follow',
      listPrice: 26_900,
      salePrice: null,
    });
    const missing = await seller.owner.patch(url, { storePrices: [{ storeId: rub.id, mode: 'override' }] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({
      path: 'body.storePrices.0.listPrice',
      code: 'price_required',
    });
    const other = await makeStore(t, seller);
    const notSold = await seller.owner.patch(url, { storePrices: [{ storeId: other.id, mode: 'follow' }] });
    expect(notSold.json().errors[0]).toMatchObject({
      path: 'body.storePrices.0.storeId',
      code: 'store_not_in_product',
    });
  });
});

describe('price quarantine', () => {
  it('holds a jump of 3× or more; the old price stays until the seller confirms', async () => {
    const { seller, rub } = await sellerWithStores();
    const p = await makeProduct(t, seller, { skus: 2, price: 1990, storeIds: [rub.id], approve: true });
    const sku = p.skus[0] as Sku;
    const res = await seller.owner.patch(`/api/v1/seller/products/${p.id}/skus/${sku.id}`, {
      listPrice: 199,
      weightGrams: 250,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      held: true,
      listPrice: 1990,
      weightGrams: 250,
      priceHold: { listPrice: 199 },
    });
    expect(priceIn(res.json(), rub.id).listPrice).toBe(24_900);

    const holds = await seller.owner.get('/api/v1/seller/price-holds');
    expect(holds.statusCode).toBe(200);
    expect(holds.json().items).toEqual([
      expect.objectContaining({
        skuId: sku.id,
        productId: p.id,
        productNumber: p.number,
        storeId: null,
        currency: 'CNY',
        oldListPrice: 1990,
        newListPrice: 199,
        status: 'held',
      }),
    ]);
    // A second held change replaces the open hold.
    await seller.owner.patch(`/api/v1/seller/products/${p.id}/skus/${sku.id}`, { listPrice: 99 });
    const [hold] = (await seller.owner.get('/api/v1/seller/price-holds')).json().items;
    expect(hold.newListPrice).toBe(99);

    const confirmed = await seller.owner.post(`/api/v1/seller/price-holds/${hold.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', newListPrice: 99 });
    const after = (await seller.owner.get(`/api/v1/seller/products/${p.id}`)).json().skus[0] as Sku;
    expect(after).toMatchObject({ listPrice: 99, priceHold: null });
    // 0.99 CNY × 12.5 = 12.375 → 12.38 ₽ → 9.00 ₽
    expect(priceIn(after, rub.id).listPrice).toBe(900);
    expect(await listingPrice(p.id, rub.id)).toMatchObject({ min_price: '900' });
    const again = await seller.owner.post(`/api/v1/seller/price-holds/${hold.id}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('price_hold_decided');
    expect((await seller.owner.get('/api/v1/seller/price-holds?status=confirmed')).json().items).toHaveLength(
      1,
    );
  });

  it('a discarded hold leaves the price; a small change applies and supersedes an open hold', async () => {
    const { seller, rub } = await sellerWithStores();
    const p = await makeProduct(t, seller, { skus: 2, price: 1990, storeIds: [rub.id] });
    const sku = p.skus[0] as Sku;
    const url = `/api/v1/seller/products/${p.id}/skus/${sku.id}`;
    const held = await seller.owner.patch(url, { listPrice: 19_900 });
    const holdId = held.json().priceHold.id;
    const discarded = await seller.owner.post(`/api/v1/seller/price-holds/${holdId}/discard`);
    expect(discarded.json()).toMatchObject({ status: 'discarded' });
    expect((await seller.owner.get(`/api/v1/seller/products/${p.id}`)).json().skus[0].listPrice).toBe(1990);

    await seller.owner.patch(url, { salePrice: 500 }); // a quarter of the price: held
    const small = await seller.owner.patch(url, { listPrice: 2490 });
    expect(small.json()).toMatchObject({ held: false, listPrice: 2490, priceHold: null });
    expect((await seller.owner.get('/api/v1/seller/price-holds')).json().items).toEqual([]);

    // A store override is quarantined against the store's current price.
    const override = await seller.owner.patch(url, {
      storePrices: [{ storeId: rub.id, mode: 'override', listPrice: 300_000 }],
    });
    expect(override.json().held).toBe(true);
    expect(priceIn(override.json(), rub.id)).toMatchObject({ mode: 'override', listPrice: 30_900 });
    const storeHold = (await seller.owner.get('/api/v1/seller/price-holds')).json().items[0];
    expect(storeHold).toMatchObject({ storeId: rub.id, currency: 'RUB', newListPrice: 300_000 });
  });

  it('price holds: 401, 403 for an analyst’s decision, 404 for another seller’s hold, 400 for a bad query', async () => {
    const { seller } = await sellerWithStores();
    const p = await makeProduct(t, seller, { skus: 2, price: 1990 });
    const held = await seller.owner.patch(`/api/v1/seller/products/${p.id}/skus/${(p.skus[0] as Sku).id}`, {
      listPrice: 99,
    });
    const holdId = held.json().priceHold.id;
    expect((await new Agent(t.app).get('/api/v1/seller/price-holds')).statusCode).toBe(401);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await analyst.agent.get('/api/v1/seller/price-holds')).statusCode).toBe(200);
    expect((await analyst.agent.post(`/api/v1/seller/price-holds/${holdId}/confirm`)).statusCode).toBe(403);
    expect((await analyst.agent.post(`/api/v1/seller/price-holds/${holdId}/discard`)).statusCode).toBe(403);
    const other = await makeSeller(t);
    expect((await other.owner.post(`/api/v1/seller/price-holds/${holdId}/confirm`)).statusCode).toBe(404);
    expect((await other.owner.post(`/api/v1/seller/price-holds/${holdId}/discard`)).statusCode).toBe(404);
    expect((await other.owner.get('/api/v1/seller/price-holds')).json().items).toEqual([]);
    expect((await seller.owner.get('/api/v1/seller/price-holds?status=maybe')).statusCode).toBe(400);
    expect((await seller.owner.get('/api/v1/seller/price-holds?cursor=bad')).statusCode).toBe(400);
  });
});

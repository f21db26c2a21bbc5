// The buyers' catalogue: search, browse, product page and category tree, through the public HTTP API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeSeller, makeStore, type TestSeller } from '../../accounts/factories';
import { type MadeProduct, type MakeProductOptions, makeProduct } from '../../catalog/factories';
import { makeWarehouse, stockUp } from '../../inventory/factories';
import { type CategoryTree, makeCategoryTree, platformAdmin, setRate } from '../../platform/factories';

let t: TestApp;
let tree: CategoryTree;
let seller: TestSeller;
let cn: { id: string };
let ru: { id: string };
let warehouseId: string;
let buyer: Agent;

/** Submitted, stocked (units per SKU; 0 = none), then approved: listed with the right stock at once. */
async function listed(opts: MakeProductOptions & { units?: number; backorder?: boolean }) {
  const made = await makeProduct(t, seller, { ...opts, submit: true, approve: false });
  const units = opts.units ?? 10;
  for (const sku of made.skus) {
    if (units > 0)
      await stockUp(t, seller, { skuId: sku.id, productId: made.id, warehouseId, onHand: units });
    if (opts.backorder) {
      const res = await seller.owner.patch(`/api/v1/seller/products/${made.id}/skus/${sku.id}`, {
        backorder: true,
      });
      expect(res.statusCode).toBe(200);
    }
  }
  const op = await platformAdmin(t);
  const approved = await op.post(`/api/v1/platform/listings/${made.reviewId}/approve`, {});
  expect(approved.statusCode).toBe(200);
  return made;
}

const TEE = {
  'zh-CN': '女士纯棉圆领T恤',
  'en-US': "Women's cotton crew-neck T-shirt",
  'ru-RU': 'Женская хлопковая футболка',
};

let tee: MadeProduct;
let bank: MadeProduct;
let cheapTee: MadeProduct;
let soldOut: MadeProduct;
let onBackorder: MadeProduct;

beforeAll(async () => {
  t = await createTestApp();
  tree = await makeCategoryTree(t);
  await setRate(t, 'CNY', 'RUB', '12.5');
  seller = await makeSeller(t);
  cn = await makeStore(t, seller);
  ru = await makeStore(t, seller, { currency: 'RUB', marketCountry: 'RU', defaultLanguage: 'ru-RU' });
  warehouseId = (await makeWarehouse(t, seller)).id;
  buyer = new Agent(t.app);
  tee = await listed({
    categoryId: tree.tshirts.id,
    storeIds: [cn.id, ru.id],
    price: 3990,
    title: TEE,
    units: 7,
  });
  bank = await listed({
    categoryId: tree.electronics.id,
    storeIds: [cn.id],
    price: 19_900,
    title: { 'zh-CN': '充电宝 20000毫安', 'en-US': 'Power bank 20000 mAh', 'ru-RU': 'Пауэрбанк 20000 мА·ч' },
  });
  cheapTee = await listed({
    categoryId: tree.tshirts.id,
    storeIds: [cn.id],
    price: 1590,
    title: { 'zh-CN': '男士纯棉T恤', 'en-US': "Men's basic cotton tee", 'ru-RU': 'Мужская базовая футболка' },
  });
  soldOut = await listed({
    categoryId: tree.electronics.id,
    storeIds: [cn.id],
    price: 9900,
    units: 0,
    title: { 'zh-CN': '无线鼠标', 'en-US': 'Wireless mouse soldout', 'ru-RU': 'Беспроводная мышь' },
  });
  onBackorder = await listed({
    categoryId: tree.electronics.id,
    storeIds: [cn.id],
    price: 59_900,
    units: 0,
    backorder: true,
    title: {
      'zh-CN': '定制机械键盘',
      'en-US': 'Custom mechanical keyboard',
      'ru-RU': 'Механическая клавиатура',
    },
  });
});
afterAll(async () => {
  await t.close();
});

const search = async (query: Record<string, string | number>, agent = buyer) => {
  const qs = new URLSearchParams(
    Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]),
  ).toString();
  const res = await agent.get(`/api/v1/store/products?${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { productId: string; storeId: string; [k: string]: unknown }[];
    nextCursor: string | null;
  };
};
const found = async (query: Record<string, string | number>) =>
  (await search(query)).items.map((i) => `${i.productId}@${i.storeId}`);
const ids = async (query: Record<string, string | number>) => [
  ...new Set((await search(query)).items.map((i) => i.productId)),
];
const detail = (productId: string, storeId: string, agent = buyer) =>
  agent.get(`/api/v1/store/products/${productId}?storeId=${storeId}`);

describe('GET /api/v1/store/products', () => {
  it('finds products by words and parts of words in Chinese, English and Russian, without signing in', async () => {
    expect((await ids({ q: '纯棉' })).sort()).toEqual([tee.id, cheapTee.id].sort());
    expect(await ids({ q: '圆领' })).toEqual([tee.id]);
    expect((await ids({ q: 'COTT' })).sort()).toEqual([tee.id, cheapTee.id].sort());
    expect(await ids({ q: 'crew cotton' })).toEqual([tee.id]);
    expect(await ids({ q: 'хлопк' })).toEqual([tee.id]);
    expect((await ids({ q: 'футбол' })).sort()).toEqual([tee.id, cheapTee.id].sort());
    expect(await ids({ q: 'пауэр' })).toEqual([bank.id]);
    expect(await ids({ q: 'nothing-like-this' })).toEqual([]);
  });

  it('ranks the best match first by default when searching', async () => {
    const { items } = await search({ q: "women's cotton crew-neck t-shirt", storeId: cn.id });
    expect(items[0]?.productId).toBe(tee.id);
  });

  it('shows texts in every language and the title in the reader’s language', async () => {
    const ruBuyer = new Agent(t.app);
    ruBuyer.locale = 'ru-RU';
    const [item] = (await search({ q: 'хлопковая', storeId: ru.id }, ruBuyer)).items;
    expect(item).toMatchObject({
      productId: tee.id,
      storeId: ru.id,
      sellerId: seller.sellerId,
      title: TEE,
      displayTitle: TEE['ru-RU'],
      currency: 'RUB',
      minPrice: 49_900,
      categoryId: tree.tshirts.id,
    });
    expect((item?.image as { thumb400: string } | undefined)?.thumb400).toBe(
      `/api/v1/store/images/${tee.imageIds[0]}/thumb-400`,
    );
    expect(typeof item?.sellerName).toBe('string');
  });

  it('browses a category with everything below it', async () => {
    expect((await ids({ categoryId: tree.clothing.id })).sort()).toEqual([tee.id, cheapTee.id].sort());
    expect((await ids({ categoryId: tree.tshirts.id, storeId: cn.id })).sort()).toEqual(
      [tee.id, cheapTee.id].sort(),
    );
    expect(await ids({ categoryId: tree.cosmetics.id })).toEqual([]);
    const res = await buyer.get('/api/v1/store/products?categoryId=01900000-0000-7000-8000-00000000abcd');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
  });

  it('filters by price range in a currency or a store, and sorts by price', async () => {
    expect(await ids({ currency: 'CNY', minPrice: 2000, maxPrice: 20_000, sort: 'price_asc' })).toEqual([
      tee.id,
      bank.id,
    ]);
    expect(await ids({ storeId: cn.id, maxPrice: 3000 })).toEqual([cheapTee.id]);
    expect(await found({ currency: 'RUB' })).toEqual([`${tee.id}@${ru.id}`]);
    const desc = await ids({ storeId: cn.id, sort: 'price_desc' });
    expect(desc).toEqual([onBackorder.id, bank.id, tee.id, cheapTee.id]);
  });

  it('answers bad filters with 400 and errors[]', async () => {
    const noCurrency = await buyer.get('/api/v1/store/products?minPrice=100');
    expect(noCurrency.statusCode).toBe(400);
    expect(noCurrency.json().errors[0]).toMatchObject({
      path: 'querystring.minPrice',
      code: 'price_needs_currency',
    });
    const inverted = await buyer.get('/api/v1/store/products?currency=CNY&minPrice=500&maxPrice=100');
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().errors[0]).toMatchObject({ code: 'price_range_inverted' });
    const unknownCurrency = await buyer.get('/api/v1/store/products?currency=XXX');
    expect(unknownCurrency.statusCode).toBe(400);
    for (const bad of [
      'limit=0',
      'limit=101',
      'sort=cheapest',
      'storeId=nope',
      'minPrice=-1',
      'cursor=garbage',
    ]) {
      const res = await buyer.get(`/api/v1/store/products?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('pages with a cursor in every sort without gaps or repeats', async () => {
    const all = await found({ storeId: cn.id, limit: 100 });
    expect(all).toHaveLength(4);
    for (const query of [
      { storeId: cn.id, sort: 'newest' },
      { storeId: cn.id, sort: 'price_asc' },
      { storeId: cn.id, sort: 'price_desc' },
      { q: 'e', sort: 'relevance' },
    ] as Record<string, string>[]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 10; i++) {
        const page = await search({ ...query, limit: 1, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((x) => `${x.productId}@${x.storeId}`));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      const once = await found({ ...query, limit: 100 });
      expect(seen, JSON.stringify(query)).toEqual(once);
      expect(new Set(seen).size).toBe(seen.length);
    }
  });

  it('lists only what can be ordered: sold out without backorder is hidden, backorder is shown', async () => {
    const listedIds = await ids({ storeId: cn.id });
    expect(listedIds).not.toContain(soldOut.id);
    expect(listedIds).toContain(onBackorder.id);
    expect(await ids({ q: 'soldout' })).toEqual([]);
  });
});

describe('GET /api/v1/store/products/:id', () => {
  it('shows the published copy with translated attributes, images, SKU prices and stock', async () => {
    const ruBuyer = new Agent(t.app);
    ruBuyer.locale = 'ru-RU';
    const res = await detail(tee.id, ru.id, ruBuyer);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      productId: tee.id,
      number: tee.number,
      storeId: ru.id,
      sellerId: seller.sellerId,
      categoryId: tree.tshirts.id,
      title: TEE,
      displayTitle: TEE['ru-RU'],
      currency: 'RUB',
      buyable: true,
    });
    expect(body.breadcrumb.map((b: { id: string; name: string }) => [b.id, b.name])).toEqual([
      [tree.clothing.id, 'Одежда'],
      [tree.tshirts.id, 'Футболки'],
    ]);
    expect(body.attributes).toContainEqual(
      expect.objectContaining({
        key: tree.attributes.material.key,
        name: 'Материал',
        value: 'Cotton',
        text: 'Cotton',
      }),
    );
    expect(body.images.map((i: { id: string }) => i.id)).toEqual(tee.imageIds);
    expect(body.skus).toHaveLength(tee.skus.length);
    const first = body.skus[0];
    expect(first).toMatchObject({
      code: tee.skus[0]?.code,
      currency: 'RUB',
      available: 7,
      backorder: false,
      buyable: true,
    });
    expect(first.price).toBe(first.salePrice ?? first.listPrice);
    const size = first.options.find((o: { key: string }) => o.key === tree.attributes.size.key);
    expect(size).toMatchObject({ name: 'Размер', value: 'S' });
    const colour = first.options.find((o: { key: string }) => o.key === tree.attributes.colour.key);
    expect(colour).toMatchObject({ name: 'Цвет', value: 'black', text: 'Чёрный' });
    // The image URLs work for anyone.
    const img = await buyer.get(body.images[0].thumb400);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/webp');
  });

  it('shows a sold-out product as not buyable, with zero stock', async () => {
    const res = await detail(soldOut.id, cn.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ buyable: false });
    expect(
      res.json().skus.every((s: { available: number; buyable: boolean }) => s.available === 0 && !s.buyable),
    ).toBe(true);
    const back = (await detail(onBackorder.id, cn.id)).json();
    expect(back.buyable).toBe(true);
    expect(back.skus[0]).toMatchObject({ available: 0, backorder: true, buyable: true });
  });

  it('404s outside the store the product is sold in, and 400s bad ids', async () => {
    expect((await detail(bank.id, ru.id)).statusCode).toBe(404);
    expect((await buyer.get(`/api/v1/store/products/${bank.id}`)).statusCode).toBe(400);
    expect((await detail('not-a-uuid', cn.id)).statusCode).toBe(400);
    expect((await detail(bank.id, 'nope')).statusCode).toBe(400);
  });
});

describe('visibility', () => {
  const absent = async (product: { id: string }, word: string) => {
    expect(await ids({ q: word })).not.toContain(product.id);
    expect(await ids({ storeId: cn.id, limit: 100 })).not.toContain(product.id);
    const res = await detail(product.id, cn.id);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
  };
  const titled = (word: string) => ({
    'zh-CN': `测试 ${word}`,
    'en-US': `Item ${word}`,
    'ru-RU': `Товар ${word}`,
  });

  it('never shows drafts, submissions waiting for review or rejected listings', async () => {
    const draft = await makeProduct(t, seller, {
      categoryId: tree.electronics.id,
      storeIds: [cn.id],
      title: titled('draftonly'),
    });
    await absent(draft, 'draftonly');
    const pending = await makeProduct(t, seller, {
      categoryId: tree.electronics.id,
      storeIds: [cn.id],
      submit: true,
      title: titled('pendingonly'),
    });
    await absent(pending, 'pendingonly');
    const op = await platformAdmin(t);
    const rejected = await makeProduct(t, seller, {
      categoryId: tree.electronics.id,
      storeIds: [cn.id],
      submit: true,
      title: titled('rejectedonly'),
    });
    const reject = await op.post(`/api/v1/platform/listings/${rejected.reviewId}/reject`, {
      reasonKeys: [await anyReasonKey()],
    });
    expect(reject.statusCode, reject.body).toBe(200);
    await absent(rejected, 'rejectedonly');
  });

  it('takes inactive, suspended and archived listings off at once', async () => {
    const inactive = await listed({
      categoryId: tree.electronics.id,
      storeIds: [cn.id],
      title: titled('inactiveone'),
    });
    expect(await ids({ q: 'inactiveone' })).toEqual([inactive.id]);
    expect(
      (await seller.owner.post(`/api/v1/seller/products/${inactive.id}/deactivate`, {})).statusCode,
    ).toBe(200);
    await absent(inactive, 'inactiveone');

    const suspended = await listed({
      categoryId: tree.electronics.id,
      storeIds: [cn.id],
      title: titled('suspendedone'),
    });
    const op = await platformAdmin(t);
    const s = await op.post(`/api/v1/platform/products/${suspended.id}/suspend`, {
      reason: 'Counterfeit suspected',
    });
    expect(s.statusCode, s.body).toBe(200);
    await absent(suspended, 'suspendedone');

    const archived = await listed({
      categoryId: tree.electronics.id,
      storeIds: [cn.id],
      title: titled('archivedone'),
    });
    expect((await seller.owner.post(`/api/v1/seller/products/${archived.id}/archive`, {})).statusCode).toBe(
      200,
    );
    await absent(archived, 'archivedone');
  });

  it('hides everything of a suspended seller', async () => {
    const other = await makeSeller(t);
    const store = await makeStore(t, other);
    const product = await makeProduct(t, other, {
      categoryId: tree.electronics.id,
      storeIds: [store.id],
      approve: true,
      title: titled('suspendedseller'),
    });
    const sku = product.skus[0] as { id: string };
    await stockUp(t, other, {
      skuId: sku.id,
      productId: product.id,
      warehouseId: (await makeWarehouse(t, other)).id,
      onHand: 5,
    });
    for (let i = 0; i < 80 && (await ids({ q: 'suspendedseller' })).length === 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await ids({ q: 'suspendedseller' })).toEqual([product.id]);
    const op = await platformAdmin(t);
    const res = await op.post(`/api/v1/platform/sellers/${other.sellerId}/suspend`, {
      reason: 'Fraud check',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await ids({ q: 'suspendedseller' })).toEqual([]);
    expect((await detail(product.id, store.id)).statusCode).toBe(404);
  });

  it('keeps showing the approved copy while a revision waits for review; nothing of the draft leaks', async () => {
    const live = await listed({
      categoryId: tree.electronics.id,
      storeIds: [cn.id],
      title: titled('approvedcopy'),
    });
    const edit = await seller.owner.patch(`/api/v1/seller/products/${live.id}`, {
      title: titled('secretrevision'),
      description: { 'en-US': 'Unreleased description secretrevision' },
      brand: 'SecretBrand',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(await ids({ q: 'approvedcopy' })).toEqual([live.id]);
    expect(await ids({ q: 'secretrevision' })).toEqual([]);
    const submitted = await seller.owner.post(`/api/v1/seller/products/${live.id}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(await ids({ q: 'secretrevision' })).toEqual([]);
    const res = await detail(live.id, cn.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().title).toEqual(titled('approvedcopy'));
    expect(res.body).not.toContain('secretrevision');
    expect(res.body).not.toContain('SecretBrand');
    const listing = JSON.stringify(await search({ q: 'approvedcopy' }));
    expect(listing).not.toContain('secretrevision');
  });
});

async function anyReasonKey(): Promise<string> {
  const op = await platformAdmin(t);
  const res = await op.get('/api/v1/platform/rejection-reasons');
  const items = res.json().items as { key: string; active: boolean }[];
  if (items.length) return (items.find((r) => r.active) ?? items[0])?.key as string;
  const made = await op.post('/api/v1/platform/rejection-reasons', {
    key: 'poor_photos',
    names: { 'zh-CN': '图片质量差', 'en-US': 'Poor photos', 'ru-RU': 'Плохие фото' },
  });
  expect(made.statusCode, made.body).toBe(201);
  return 'poor_photos';
}

describe('GET /api/v1/store/categories', () => {
  it('lists the active tree depth-first with names in the reader’s language', async () => {
    const zhBuyer = new Agent(t.app);
    zhBuyer.locale = 'zh-CN';
    const res = await zhBuyer.get('/api/v1/store/categories');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      id: string;
      parentId: string | null;
      name: string;
      isLeaf: boolean;
    }[];
    const clothing = items.findIndex((c) => c.id === tree.clothing.id);
    const tshirts = items.findIndex((c) => c.id === tree.tshirts.id);
    expect(clothing).toBeGreaterThanOrEqual(0);
    expect(tshirts).toBe(clothing + 1);
    expect(items[clothing]).toMatchObject({ name: '服装', isLeaf: false, parentId: null });
    expect(items[tshirts]).toMatchObject({ name: 'T恤', isLeaf: true, parentId: tree.clothing.id });
  });
});

// The seller's product list (search, filters, sorts, keyset pages) and bulk actions.
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { backgroundBase, withPlatform, withTenant } from '../../../platform/db/tenant';
import { makeMember, makeSeller, makeStore, type TestSeller } from '../../accounts/factories';
import { makeWarehouse, stockUp } from '../../inventory/factories';
import { type CategoryTree, makeCategoryTree } from '../../platform/factories';
import { type MadeProduct, makeProduct } from '../factories';
import { ownerBase } from './factories';

let t: TestApp;
let tree: CategoryTree;
let seller: TestSeller;
let store: { id: string };
let tee: MadeProduct;
let phone: MadeProduct;
let cream: MadeProduct;
let draft: MadeProduct;
beforeAll(async () => {
  t = await createTestApp();
  tree = await makeCategoryTree(t);
  seller = await makeSeller(t);
  store = await makeStore(t, seller);
  tee = await makeProduct(t, seller, {
    categoryId: tree.tshirts.id,
    approve: true,
    storeIds: [store.id],
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
    price: 99_900,
    title: { 'en-US': 'Power bank 20000', 'zh-CN': '充电宝', 'ru-RU': 'Пауэрбанк' },
  });
  cream = await makeProduct(t, seller, {
    categoryId: tree.cosmetics.id,
    price: 1290,
    title: { 'en-US': 'Hand cream', 'zh-CN': '护手霜', 'ru-RU': 'Крем для рук' },
  });
  draft = await makeProduct(t, seller, {
    categoryId: tree.tshirts.id,
    price: 2590,
    skus: 2,
    title: { 'en-US': 'Basic tee' },
  });
});
afterAll(async () => {
  await t.close();
});

type Item = { id: string; number: number; minPrice: number | null; qualityScore: number };
const list = async (query: string, agent: Agent = seller.owner) => {
  const res = await agent.get(`/api/v1/seller/products${query ? `?${query}` : ''}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: Item[]; nextCursor: string | null };
};
const ids = async (query: string) => (await list(query)).items.map((i) => i.id);

describe('GET /api/v1/seller/products', () => {
  it('lists the seller’s products, last updated first, with SKU count, price range, image and quality', async () => {
    const page = await list('');
    expect(page.items.map((i) => i.id)).toEqual([draft.id, cream.id, phone.id, tee.id]);
    const first = page.items.find((i) => i.id === tee.id);
    expect(first).toMatchObject({
      number: tee.number,
      skuCount: 3,
      currency: 'CNY',
      minPrice: 3990,
      maxPrice: 4190,
      mainImageId: tee.imageIds[0],
      reviewState: 'approved',
      saleState: 'active',
      storeIds: [store.id],
    });
    const other = await makeSeller(t);
    expect((await list('', other.owner)).items).toEqual([]);
  });

  it('searches titles in any language, SKU codes (any case), barcodes and product numbers', async () => {
    expect(await ids('q=органического')).toEqual([tee.id]);
    expect(await ids('q=COTTON')).toEqual([tee.id]);
    expect(await ids('q=充电')).toEqual([phone.id]);
    const code = (phone.skus[0] as { code: string }).code;
    expect(await ids(`q=${encodeURIComponent(code.toLowerCase())}`)).toEqual([phone.id]);
    expect(await ids(`q=${(cream.skus[0] as { barcode: string }).barcode}`)).toEqual([cream.id]);
    expect(await ids(`q=${draft.number}`)).toEqual([draft.id]);
    expect(await ids('q=nothing-like-this')).toEqual([]);
    expect(await ids('q=100%25')).toEqual([]);
  });

  it('filters by states, category subtree, store, quality and stock', async () => {
    expect(await ids('reviewState=draft')).toEqual([draft.id, cream.id]);
    expect(await ids('saleState=active')).toEqual([phone.id, tee.id]);
    expect(await ids(`categoryId=${tree.clothing.id}`)).toEqual([draft.id, tee.id]);
    expect(await ids(`categoryId=${tree.electronics.id}`)).toEqual([phone.id]);
    expect(await ids(`storeId=${store.id}`)).toEqual([tee.id]);
    const scores = (await list('')).items.map((i) => i.qualityScore);
    const threshold = Math.max(...scores);
    expect((await ids(`qualityBelow=${threshold}`)).length).toBe(scores.filter((s) => s < threshold).length);
    expect(await ids('qualityAbove=100')).toEqual([]);
    // Stock (inventory): nothing stocked yet, so every product is out; after stocking the phone, it is not.
    expect(await ids('stock=out')).toEqual([draft.id, cream.id, phone.id, tee.id]);
    const warehouse = await makeWarehouse(t, seller);
    for (const sku of phone.skus as { id: string }[])
      await stockUp(t, seller, { skuId: sku.id, productId: phone.id, warehouseId: warehouse.id, onHand: 50 });
    expect(await ids('stock=in_stock')).toEqual([phone.id]);
    expect(await ids('stock=out')).not.toContain(phone.id);
    expect((await seller.owner.get('/api/v1/seller/products?stock=plenty')).statusCode).toBe(400);
  });

  it('sorts by title, price, quality and creation, and pages with a cursor carrying the sort key', async () => {
    seller.owner.storeId = null;
    expect(await ids('sort=title')).toEqual([draft.id, cream.id, tee.id, phone.id]);
    expect(await ids('sort=price')).toEqual([cream.id, draft.id, tee.id, phone.id]);
    expect(await ids('sort=price&direction=desc')).toEqual([phone.id, tee.id, draft.id, cream.id]);
    expect(await ids('sort=created')).toEqual([draft.id, cream.id, phone.id, tee.id]);
    const byQuality = (await list('sort=quality')).items.map((i) => i.qualityScore);
    expect(byQuality).toEqual([...byQuality].sort((a, b) => a - b));
    for (const sort of ['updated', 'created', 'title', 'quality', 'price']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await list(`sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(await ids(`sort=${sort}`));
    }
    const bad = await seller.owner.get('/api/v1/seller/products?cursor=zzz');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_cursor');
    const wrongKey = Buffer.from(JSON.stringify(['not-a-date', tee.id])).toString('base64url');
    expect((await seller.owner.get(`/api/v1/seller/products?cursor=${wrongKey}`)).json().code).toBe(
      'invalid_cursor',
    );
    expect((await seller.owner.get('/api/v1/seller/products?sort=colour')).statusCode).toBe(400);
    expect((await seller.owner.get('/api/v1/seller/products?qualityBelow=101')).statusCode).toBe(400);
  });

  it('the store switcher limits the list to the chosen store', async () => {
    seller.owner.storeId = store.id;
    try {
      expect(await ids('')).toEqual([tee.id]);
    } finally {
      seller.owner.storeId = null;
    }
  });
});

describe('POST /api/v1/seller/products/bulk', () => {
  it('applies an action per product and reports each result; other sellers’ ids are not found', async () => {
    const s = await makeSeller(t);
    const a = await makeProduct(t, s, { approve: true });
    const b = await makeProduct(t, s, { approve: true });
    const d = await makeProduct(t, s);
    const foreign = await makeProduct(t, await makeSeller(t));
    const res = await s.owner.post('/api/v1/seller/products/bulk', {
      action: 'deactivate',
      productIds: [a.id, b.id, d.id, foreign.id],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      { productId: a.id, ok: true },
      { productId: b.id, ok: true },
      expect.objectContaining({ productId: d.id, ok: false, code: 'invalid_transition' }),
      expect.objectContaining({
        productId: foreign.id,
        ok: false,
        code: 'not_found',
        detail: 'The product was not found.',
      }),
    ]);
    const states = await s.owner.get('/api/v1/seller/products?saleState=inactive');
    expect(
      states
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    const again = await s.owner.post('/api/v1/seller/products/bulk', {
      action: 'activate',
      productIds: [a.id],
    });
    expect(again.json().results).toEqual([{ productId: a.id, ok: true }]);
    const archive = await s.owner.post('/api/v1/seller/products/bulk', {
      action: 'archive',
      productIds: [d.id],
    });
    expect(archive.json().results).toEqual([{ productId: d.id, ok: true }]);
  });

  it('submit reports incomplete products with their problems', async () => {
    const s = await makeSeller(t);
    const ready = await makeProduct(t, s, { images: 1 });
    const bare = (
      await s.owner.post('/api/v1/seller/products', {
        categoryId: ready.categoryId,
        title: { 'en-US': 'Bare' },
      })
    ).json();
    const res = await s.owner.post('/api/v1/seller/products/bulk', {
      action: 'submit',
      productIds: [ready.id, bare.id],
    });
    const [ok, incomplete] = res.json().results;
    expect(ok).toEqual({ productId: ready.id, ok: true });
    expect(incomplete).toMatchObject({ productId: bare.id, ok: false, code: 'listing_incomplete' });
    expect(incomplete.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['description', 'images', 'skus']),
    );
  });

  it('changes base prices by percent or amount, respecting the quarantine', async () => {
    const s = await makeSeller(t);
    const p = await makeProduct(t, s, { skus: 2, price: 1000 });
    const q = await makeProduct(t, s, { skus: 2, price: 1000 });
    const up = await s.owner.post('/api/v1/seller/products/bulk', {
      action: 'price',
      productIds: [p.id],
      price: { kind: 'percent', direction: 'up', value: 12.5 },
    });
    expect(up.json().results).toEqual([{ productId: p.id, ok: true, held: 0 }]);
    const prices = (await s.owner.get(`/api/v1/seller/products/${p.id}`))
      .json()
      .skus.map((x: { listPrice: number }) => x.listPrice);
    expect(prices).toEqual([1125, 1238]); // 1100 × 1.125 = 1237.5 → 1238 (half-even)
    const down = await s.owner.post('/api/v1/seller/products/bulk', {
      action: 'price',
      productIds: [q.id, p.id],
      price: { kind: 'amount', direction: 'down', value: 900 },
    });
    // q: 1000 → 100 and 1100 → 200 are jumps of 3× or more: held. p: 1125 → 225 held too; 1238 → 338 held.
    expect(down.json().results).toEqual([
      { productId: q.id, ok: true, held: 2 },
      { productId: p.id, ok: true, held: 2 },
    ]);
    const tooLow = await s.owner.post('/api/v1/seller/products/bulk', {
      action: 'price',
      productIds: [q.id],
      price: { kind: 'amount', direction: 'down', value: 5000 },
    });
    expect(tooLow.json().results[0]).toMatchObject({ ok: false, code: 'price_too_low' });
    const invalid = await s.owner.post('/api/v1/seller/products/bulk', {
      action: 'price',
      productIds: [q.id],
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors.map((e: { path: string }) => e.path)).toEqual(['body.price']);
    const pct = await s.owner.post('/api/v1/seller/products/bulk', {
      action: 'price',
      productIds: [q.id],
      price: { kind: 'percent', direction: 'down', value: 150 },
    });
    expect(pct.statusCode).toBe(400);
  });

  it('sets the low-stock threshold of every SKU (inventory), or returns it to the default', async () => {
    const s = await makeSeller(t);
    const p = await makeProduct(t, s, { skus: 2 });
    const res = await s.owner.post('/api/v1/seller/products/bulk', {
      action: 'stock_threshold',
      productIds: [p.id],
      threshold: 7,
    });
    expect(res.json().results).toEqual([{ productId: p.id, ok: true }]);
    const { rows } = await t.database.raw(
      'select low_threshold from stock_settings where sku_id = any($1::uuid[]) order by sku_id',
      [p.skus.map((x) => (x as { id: string }).id)],
    );
    expect(rows.map((r) => r.low_threshold)).toEqual([7, 7]);
    await s.owner.post('/api/v1/seller/products/bulk', {
      action: 'stock_threshold',
      productIds: [p.id],
      threshold: null,
    });
    const after = await t.database.raw(
      'select low_threshold from stock_settings where sku_id = any($1::uuid[])',
      [p.skus.map((x) => (x as { id: string }).id)],
    );
    expect(after.rows.map((r) => r.low_threshold)).toEqual([null, null]);
    expect(
      (await s.owner.post('/api/v1/seller/products/bulk', { action: 'stock_threshold', productIds: [p.id] }))
        .statusCode,
    ).toBe(400);
  });

  it('401, 403 for an analyst, 400 for bad input', async () => {
    const s = await makeSeller(t);
    expect(
      (await new Agent(t.app).post('/api/v1/seller/products/bulk', { action: 'archive', productIds: [] }))
        .statusCode,
    ).toBe(401);
    const analyst = await makeMember(t, s, { role: 'analyst' });
    const p = await makeProduct(t, s);
    expect(
      (await analyst.agent.post('/api/v1/seller/products/bulk', { action: 'archive', productIds: [p.id] }))
        .statusCode,
    ).toBe(403);
    const bad = await s.owner.post('/api/v1/seller/products/bulk', { action: 'explode', productIds: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.action',
      'body.productIds',
    ]);
  });
});

describe('seller-scoped search views', () => {
  const count = (ctx: { tx: { execute: (q: SQL) => Promise<{ rows: Record<string, unknown>[] }> } }) =>
    ctx.tx
      .execute(
        sql`select (select count(*)::int from seller_products) as products, (select count(*)::int from seller_skus) as skus`,
      )
      .then((r) => r.rows[0]);

  it('show the transaction’s seller only, nothing elsewhere, and take no writes', async () => {
    const other = await makeSeller(t);
    await makeProduct(t, other, { categoryId: tree.tshirts.id, price: 990, title: { 'en-US': 'Other tee' } });
    const own = await withTenant(t.database, ownerBase(seller), count);
    const mine = await t.database.raw(
      'select count(*)::int as products, (select count(*)::int from skus where seller_id = $1) as skus from products where seller_id = $1',
      [seller.sellerId],
    );
    expect(own).toEqual(mine.rows[0]);
    expect(await withTenant(t.database, ownerBase(other), count)).toMatchObject({ products: 1 });
    // Outside a seller's transaction (operators, jobs): nothing.
    expect(await withPlatform(t.database, backgroundBase(), count)).toEqual({ products: 0, skus: 0 });
    const write = sql`update seller_products set brand = 'x'`;
    await expect(
      withTenant(t.database, ownerBase(seller), (ctx) => ctx.tx.execute(write)),
    ).rejects.toMatchObject({ cause: { code: '42501' } });
  });
});

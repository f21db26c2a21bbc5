import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeOperator, makeSeller, makeStore, type TestSeller } from '../../accounts/factories';
import { type CategoryTree, makeCategoryTree } from '../../platform/factories';
import { makeProduct } from '../factories';

let t: TestApp;
let tree: CategoryTree;
beforeAll(async () => {
  t = await createTestApp();
  tree = await makeCategoryTree(t);
});
afterAll(async () => {
  await t.close();
});

const size = () => tree.attributes.size.key;
const colour = () => tree.attributes.colour.key;
const material = () => tree.attributes.material.key;

const teeBody = (extra: Record<string, unknown> = {}) => ({
  categoryId: tree.tshirts.id,
  brand: 'Panda Wear',
  title: { 'en-US': 'Cotton tee', 'zh-CN': '纯棉T恤' },
  description: { 'en-US': 'Soft cotton.' },
  attributes: { [material()]: 'cotton' },
  skus: [
    { code: 'TEE-S-BLK', options: { [size()]: 'S', [colour()]: 'black' }, listPrice: 1990 },
    { code: 'TEE-M-BLK', options: { [size()]: 'M', [colour()]: 'black' }, listPrice: 1990, salePrice: 1590 },
  ],
  ...extra,
});

const row = async (id: string) =>
  (await t.database.raw('select * from products where id = $1', [id])).rows[0] as Record<string, unknown>;
const paths = (res: { json(): { errors?: { path: string }[] } }) =>
  res.json().errors?.map((e) => e.path) ?? [];

describe('POST /api/v1/seller/products', () => {
  it('creates a draft with SKUs, quality and a history row', async () => {
    const { owner, sellerId } = await makeSeller(t);
    const res = await owner.post('/api/v1/seller/products', teeBody());
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      categoryId: tree.tshirts.id,
      brand: 'Panda Wear',
      title: { 'en-US': 'Cotton tee', 'zh-CN': '纯棉T恤' },
      attributes: { [material()]: 'cotton' },
      reviewState: 'draft',
      saleState: 'unlisted',
      published: null,
      storeIds: [],
      imageIds: [],
    });
    expect(p.number).toBeGreaterThan(100000);
    expect(p.skus.map((s: { code: string }) => s.code)).toEqual(['TEE-S-BLK', 'TEE-M-BLK']);
    expect(p.skus[1]).toMatchObject({ currency: 'CNY', listPrice: 1990, salePrice: 1590, status: 'active' });
    expect(p.quality.score).toBeLessThan(70);
    expect(p.quality.hints).toEqual(
      expect.arrayContaining(['no_images', 'missing_language:ru-RU', 'missing_barcode']),
    );
    expect(p.history).toEqual([expect.objectContaining({ field: 'review_state', from: null, to: 'draft' })]);
    const stored = await row(p.id);
    expect(stored).toMatchObject({
      seller_id: sellerId,
      review_state: 'draft',
      quality_score: p.quality.score,
    });
    expect(stored.search_text).toBe('纯棉t恤 cotton tee panda wear');
    const audit = await t.database.raw(`select action from audit_log where entity_id = $1`, [p.id]);
    expect(audit.rows.map((r) => r.action)).toContain('product.created');
  });

  it('answers 400 with a path for every wrong field, attribute and SKU', async () => {
    const { owner } = await makeSeller(t);
    const res = await owner.post(
      '/api/v1/seller/products',
      teeBody({
        attributes: { [material()]: 42, nonsense: 'x', [size()]: 'S' },
        skus: [
          { code: 'A-1', options: { [size()]: 'XXL' }, listPrice: 1000, barcode: '4006381333932' },
          { code: 'a-1', options: { shape: 'round' }, listPrice: 1000, salePrice: 1000 },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(paths(res)).toEqual([
      `body.attributes.${material()}`,
      'body.attributes.nonsense',
      `body.attributes.${size()}`,
    ]);
    const codes = res.json().errors.map((e: { code: string }) => e.code);
    expect(codes).toEqual(['attribute_type', 'attribute_unknown', 'attribute_is_variant']);

    const skuRes = await owner.post(
      '/api/v1/seller/products',
      teeBody({
        skus: [
          { code: 'A-1', options: { [size()]: 'XXL' }, listPrice: 1000, barcode: '4006381333932' },
          { code: 'a-1', options: { shape: 'round' }, listPrice: 1000, salePrice: 1000 },
        ],
      }),
    );
    expect(skuRes.statusCode).toBe(400);
    expect(skuRes.json().errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual([
      'body.skus.0.barcode:barcode_check_digit',
      `body.skus.0.options.${size()}:attribute_option`,
      'body.skus.1.code:duplicate_sku_code',
      'body.skus.1.salePrice:sale_price_not_below_list',
      'body.skus.1.options.shape:option_unknown',
    ]);
    expect(skuRes.json().errors[1].message).toContain('S, M, L, XL');

    const shape = await owner.post('/api/v1/seller/products', { categoryId: 'x', title: {}, extra: 1 });
    expect(shape.statusCode).toBe(400);
    expect(paths(shape)).toEqual(expect.arrayContaining(['body.categoryId', 'body.title', 'body.extra']));

    const notLeaf = await owner.post(
      '/api/v1/seller/products',
      teeBody({ categoryId: tree.clothing.id, attributes: {}, skus: [] }),
    );
    expect(notLeaf.statusCode).toBe(400);
    expect(notLeaf.json()).toMatchObject({
      code: 'category_not_leaf',
      errors: [{ path: 'body.categoryId' }],
    });
    const unknown = await owner.post(
      '/api/v1/seller/products',
      teeBody({ categoryId: '01900000-0000-7000-8000-000000000009' }),
    );
    expect(unknown.json()).toMatchObject({
      code: 'category_not_found',
      errors: [{ path: 'body.categoryId' }],
    });
  });

  it('accepts only own active stores', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const own = await makeStore(t, a);
    const foreign = await makeStore(t, b);
    const res = await a.owner.post('/api/v1/seller/products', teeBody({ storeIds: [own.id, foreign.id] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'body.storeIds.1', code: 'store_not_found' }),
    ]);
    const ok = await a.owner.post('/api/v1/seller/products', teeBody({ storeIds: [own.id] }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().storeIds).toEqual([own.id]);
    expect(ok.json().skus[0].storePrices).toEqual([
      expect.objectContaining({ storeId: own.id, currency: 'CNY', mode: 'follow', listPrice: 1990 }),
    ]);
  });

  it('needs a session, a seller user and catalog:write; an analyst reads but cannot write', async () => {
    const seller = await makeSeller(t);
    expect((await new Agent(t.app).post('/api/v1/seller/products', teeBody())).statusCode).toBe(401);
    expect((await new Agent(t.app).get('/api/v1/seller/products')).statusCode).toBe(401);
    const { agent: operator } = await makeOperator(t);
    expect((await operator.post('/api/v1/seller/products', teeBody())).statusCode).toBe(403);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    const denied = await analyst.agent.post('/api/v1/seller/products', teeBody());
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'permission_denied' });
    const made = await makeProduct(t, seller);
    expect((await analyst.agent.get(`/api/v1/seller/products/${made.id}`)).statusCode).toBe(200);
    expect((await analyst.agent.get('/api/v1/seller/products')).statusCode).toBe(200);
    expect((await analyst.agent.patch(`/api/v1/seller/products/${made.id}`, { brand: 'X' })).statusCode).toBe(
      403,
    );
    const finance = await makeMember(t, seller, { role: 'finance' });
    expect((await finance.agent.get('/api/v1/seller/products')).statusCode).toBe(403);
    expect((await finance.agent.get(`/api/v1/seller/products/${made.id}`)).statusCode).toBe(403);
  });

  it('a catalog manager creates and edits products', async () => {
    const seller = await makeSeller(t);
    const manager = await makeMember(t, seller, { role: 'catalog_manager' });
    const res = await manager.agent.post('/api/v1/seller/products', teeBody());
    expect(res.statusCode).toBe(201);
    const edit = await manager.agent.patch(`/api/v1/seller/products/${res.json().id}`, { brand: 'Other' });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().brand).toBe('Other');
    expect((await row(res.json().id)).created_by).toBe(manager.userId);
  });
});

describe('GET and PATCH /api/v1/seller/products/:id', () => {
  it('another seller’s product is a 404, and stays unchanged', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const p = await makeProduct(t, a);
    const get = await b.owner.get(`/api/v1/seller/products/${p.id}`);
    expect(get.statusCode).toBe(404);
    expect(get.json()).toMatchObject({ code: 'not_found', detail: 'The product was not found.' });
    const patch = await b.owner.patch(`/api/v1/seller/products/${p.id}`, { brand: 'Stolen' });
    expect(patch.statusCode).toBe(404);
    expect((await row(p.id)).brand).toBe('Acme');
    expect((await a.owner.get('/api/v1/seller/products/not-a-uuid')).statusCode).toBe(400);
  });

  it('edits the working copy; a category change keeps only the attributes that fit', async () => {
    const { owner } = await makeSeller(t);
    const p = (await owner.post('/api/v1/seller/products', teeBody())).json();
    const res = await owner.patch(`/api/v1/seller/products/${p.id}`, {
      title: { 'en-US': 'Heavy cotton tee', 'ru-RU': 'Футболка из плотного хлопка' },
      keywords: { 'en-US': 'tee shirt' },
      videoUrl: 'https://video.example.com/tee.mp4',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: { 'en-US': 'Heavy cotton tee', 'ru-RU': 'Футболка из плотного хлопка' },
      reviewState: 'draft',
      version: 2,
    });
    expect(res.json().quality.hints).not.toContain('no_keywords');
    expect((await row(p.id)).search_text).toContain('футболка из плотного хлопка');
    const moved = await owner.patch(`/api/v1/seller/products/${p.id}`, { categoryId: tree.electronics.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().attributes).toEqual({});
    const bad = await owner.patch(`/api/v1/seller/products/${p.id}`, {
      attributes: { [tree.attributes.battery.key]: 'lots' },
    });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual([`body.attributes.${tree.attributes.battery.key}`]);
    const fixed = await owner.patch(`/api/v1/seller/products/${p.id}`, {
      attributes: { [tree.attributes.battery.key]: '5000' },
    });
    expect(fixed.json().attributes).toEqual({ [tree.attributes.battery.key]: 5000 });
    expect(
      (await owner.patch(`/api/v1/seller/products/${p.id}`, { title: { 'en-US': '' } })).statusCode,
    ).toBe(400);
  });

  it('a store-limited member sees products of their stores only', async () => {
    const seller: TestSeller = await makeSeller(t);
    const s1 = await makeStore(t, seller);
    const s2 = await makeStore(t, seller);
    const inS1 = await makeProduct(t, seller, { storeIds: [s1.id] });
    const inS2 = await makeProduct(t, seller, { storeIds: [s2.id] });
    const member = await makeMember(t, seller, { role: 'catalog_manager', storeIds: [s1.id] });
    expect((await member.agent.get(`/api/v1/seller/products/${inS1.id}`)).statusCode).toBe(200);
    expect((await member.agent.get(`/api/v1/seller/products/${inS2.id}`)).statusCode).toBe(404);
    const list = (await member.agent.get('/api/v1/seller/products')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([inS1.id]);
    // Their edit of the store list keeps the store they cannot see.
    const both = await makeProduct(t, seller, { storeIds: [s1.id, s2.id] });
    const res = await member.agent.patch(`/api/v1/seller/products/${both.id}`, { storeIds: [] });
    expect(res.statusCode).toBe(200);
    expect(res.json().storeIds).toEqual([s2.id]);
  });
});

describe('every seller product route', () => {
  it('answers 401 without a session, 403 to an analyst on writes, 404 for another seller’s product, 400 for a bad id', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    const p = await makeProduct(t, seller, { skus: 2 });
    const sku = (p.skus[0] as { id: string }).id;
    const writes: [string, string, unknown][] = [
      ['PATCH', `/api/v1/seller/products/${p.id}`, { brand: 'X' }],
      ['POST', `/api/v1/seller/products/${p.id}/skus`, { code: 'M-1', listPrice: 100 }],
      ['PATCH', `/api/v1/seller/products/${p.id}/skus/${sku}`, { backorder: true }],
      ['DELETE', `/api/v1/seller/products/${p.id}/skus/${sku}`, undefined],
      ['POST', `/api/v1/seller/products/${p.id}/submit`, {}],
      ['POST', `/api/v1/seller/products/${p.id}/withdraw`, {}],
      ['POST', `/api/v1/seller/products/${p.id}/deactivate`, {}],
      ['POST', `/api/v1/seller/products/${p.id}/activate`, {}],
      ['POST', `/api/v1/seller/products/${p.id}/archive`, {}],
      ['POST', `/api/v1/seller/products/${p.id}/restore`, {}],
    ];
    const anonymous = new Agent(t.app);
    for (const [method, url, body] of [
      ...writes,
      ['GET', `/api/v1/seller/products/${p.id}`, undefined] as const,
    ]) {
      const label = `${method} ${url}`;
      expect((await anonymous.request(method as 'GET', url, body)).statusCode, label).toBe(401);
      expect((await other.owner.request(method as 'GET', url, body)).statusCode, label).toBe(404);
      const badId = url.replace(p.id, 'not-an-id');
      expect((await seller.owner.request(method as 'GET', badId, body)).statusCode, label).toBe(400);
    }
    for (const [method, url, body] of writes) {
      const res = await analyst.agent.request(method as 'POST', url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('permission_denied');
    }
    const stored = (await seller.owner.get(`/api/v1/seller/products/${p.id}`)).json();
    expect(stored).toMatchObject({ brand: 'Acme', reviewState: 'draft', saleState: 'unlisted' });
    expect(stored.skus).toHaveLength(2);
  });
});

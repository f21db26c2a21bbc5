import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeSeller } from '../../accounts/factories';
import { type CategoryTree, makeCategoryTree } from '../../platform/factories';
import { makeProduct, randomEan13 } from '../factories';

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
const tee = (seller: Awaited<ReturnType<typeof makeSeller>>, opts: Parameters<typeof makeProduct>[2] = {}) =>
  makeProduct(t, seller, { categoryId: tree.tshirts.id, skus: 2, ...opts });
const errorsOf = (res: { json(): { errors?: { path: string; code: string }[] } }) =>
  (res.json().errors ?? []).map((e) => `${e.path}:${e.code}`);

describe('POST /api/v1/seller/products/:id/skus', () => {
  it('adds a SKU on the category’s option axes', async () => {
    const seller = await makeSeller(t);
    const p = await tee(seller);
    const barcode = randomEan13();
    const res = await seller.owner.post(`/api/v1/seller/products/${p.id}/skus`, {
      code: 'tee-xl-red',
      barcode,
      options: { [size()]: 'XL', [colour()]: 'red' },
      listPrice: 2490,
      salePrice: 2190,
      weightGrams: 220,
      lengthMm: 300,
      widthMm: 250,
      heightMm: 20,
      backorder: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: 'tee-xl-red',
      barcode,
      barcodeKind: 'ean13',
      options: { [size()]: 'XL', [colour()]: 'red' },
      currency: 'CNY',
      listPrice: 2490,
      salePrice: 2190,
      backorder: true,
      status: 'active',
      position: 2,
      held: false,
    });
    const detail = (await seller.owner.get(`/api/v1/seller/products/${p.id}`)).json();
    expect(detail.skus).toHaveLength(3);
  });

  it('answers 400 at the field: axes, options, barcode, prices', async () => {
    const seller = await makeSeller(t);
    const p = await tee(seller);
    const res = await seller.owner.post(`/api/v1/seller/products/${p.id}/skus`, {
      code: 'X-1',
      barcode: '12345678',
      options: { [size()]: 'XXXL', weight: 'heavy' },
      listPrice: 1000,
      salePrice: 1200,
    });
    expect(res.statusCode).toBe(400);
    expect(errorsOf(res)).toEqual([
      'body.barcode:barcode_check_digit',
      'body.salePrice:sale_price_not_below_list',
      `body.options.${size()}:attribute_option`,
      'body.options.weight:option_unknown',
    ]);
    const shape = await seller.owner.post(`/api/v1/seller/products/${p.id}/skus`, {
      code: ' ',
      listPrice: -1,
      foo: 1,
    });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.code', 'body.listPrice', 'body.foo']),
    );
    const letters = await seller.owner.post(`/api/v1/seller/products/${p.id}/skus`, {
      code: 'B',
      barcode: '40063813339X',
      listPrice: 5,
    });
    expect(errorsOf(letters)).toEqual(['body.barcode:barcode_not_digits']);
    const short = await seller.owner.post(`/api/v1/seller/products/${p.id}/skus`, {
      code: 'B',
      barcode: '1234567',
      listPrice: 5,
    });
    expect(errorsOf(short)).toEqual(['body.barcode:barcode_length']);
  });

  it('refuses a second SKU with the same options, and a code the seller already uses in any case', async () => {
    const seller = await makeSeller(t);
    const p = await tee(seller);
    const first = p.skus[0] as { code: string; options: Record<string, string> };
    const same = await seller.owner.post(`/api/v1/seller/products/${p.id}/skus`, {
      code: 'OTHER-1',
      options: first.options,
      listPrice: 1000,
    });
    expect(same.statusCode).toBe(400);
    expect(errorsOf(same)).toEqual(['body.options:duplicate_options']);
    const other = await tee(seller);
    const taken = await seller.owner.post(`/api/v1/seller/products/${other.id}/skus`, {
      code: first.code.toLowerCase(),
      options: { [size()]: 'XL', [colour()]: 'white' },
      listPrice: 1000,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'sku_code_taken', errors: [{ path: 'body.code' }] });
    expect(taken.json().detail).toContain(String(p.number));
    // Another seller may use the same code.
    const b = await makeSeller(t);
    const bp = await tee(b);
    const ok = await b.owner.post(`/api/v1/seller/products/${bp.id}/skus`, {
      code: first.code,
      options: { [size()]: 'XL', [colour()]: 'white' },
      listPrice: 1000,
    });
    expect(ok.statusCode).toBe(201);
  });

  it('401, 403 for an analyst, 404 for another seller’s product', async () => {
    const seller = await makeSeller(t);
    const p = await tee(seller);
    const body = { code: 'Z-1', options: { [size()]: 'L', [colour()]: 'red' }, listPrice: 1000 };
    expect((await new Agent(t.app).post(`/api/v1/seller/products/${p.id}/skus`, body)).statusCode).toBe(401);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await analyst.agent.post(`/api/v1/seller/products/${p.id}/skus`, body)).statusCode).toBe(403);
    const other = await makeSeller(t);
    expect((await other.owner.post(`/api/v1/seller/products/${p.id}/skus`, body)).statusCode).toBe(404);
  });
});

describe('PATCH and DELETE /api/v1/seller/products/:id/skus/:skuId', () => {
  it('changes a SKU’s fields, status and backorder at once', async () => {
    const seller = await makeSeller(t);
    const p = await tee(seller);
    const sku = p.skus[0] as { id: string };
    const res = await seller.owner.patch(`/api/v1/seller/products/${p.id}/skus/${sku.id}`, {
      code: 'NEW-CODE',
      barcode: '',
      status: 'inactive',
      backorder: true,
      weightGrams: null,
      listPrice: 2290,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'NEW-CODE',
      barcode: null,
      status: 'inactive',
      backorder: true,
      weightGrams: null,
      listPrice: 2290,
      held: false,
    });
    const bad = await seller.owner.patch(`/api/v1/seller/products/${p.id}/skus/${sku.id}`, {
      salePrice: 5000,
    });
    expect(errorsOf(bad)).toEqual(['body.salePrice:sale_price_not_below_list']);
    const dup = await seller.owner.patch(`/api/v1/seller/products/${p.id}/skus/${sku.id}`, {
      options: (p.skus[1] as { options: Record<string, string> }).options,
    });
    expect(errorsOf(dup)).toEqual(['body.options:duplicate_options']);
  });

  it('404 for another seller’s SKU or a SKU of another product; 403 for an analyst', async () => {
    const seller = await makeSeller(t);
    const p = await tee(seller);
    const q = await tee(seller);
    const sku = p.skus[0] as { id: string; code: string };
    expect(
      (await seller.owner.patch(`/api/v1/seller/products/${q.id}/skus/${sku.id}`, { code: 'X' })).statusCode,
    ).toBe(404);
    const other = await makeSeller(t);
    const res = await other.owner.patch(`/api/v1/seller/products/${p.id}/skus/${sku.id}`, { code: 'X' });
    expect(res.statusCode).toBe(404);
    expect((await other.owner.delete(`/api/v1/seller/products/${p.id}/skus/${sku.id}`)).statusCode).toBe(404);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect(
      (await analyst.agent.patch(`/api/v1/seller/products/${p.id}/skus/${sku.id}`, { code: 'X' })).statusCode,
    ).toBe(403);
    expect((await analyst.agent.delete(`/api/v1/seller/products/${p.id}/skus/${sku.id}`)).statusCode).toBe(
      403,
    );
    expect((await new Agent(t.app).delete(`/api/v1/seller/products/${p.id}/skus/${sku.id}`)).statusCode).toBe(
      401,
    );
    const { rows } = await t.database.raw('select code from skus where id = $1', [sku.id]);
    expect(rows[0]?.code).toBe(sku.code);
  });

  it('removes a SKU of a draft, but not of an approved product', async () => {
    const seller = await makeSeller(t);
    const draft = await tee(seller);
    const res = await seller.owner.delete(
      `/api/v1/seller/products/${draft.id}/skus/${(draft.skus[1] as { id: string }).id}`,
    );
    expect(res.statusCode).toBe(204);
    expect((await seller.owner.get(`/api/v1/seller/products/${draft.id}`)).json().skus).toHaveLength(1);
    const live = await tee(seller, { approve: true });
    const refused = await seller.owner.delete(
      `/api/v1/seller/products/${live.id}/skus/${(live.skus[0] as { id: string }).id}`,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('sku_published');
  });
});

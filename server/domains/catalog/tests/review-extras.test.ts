// What operators see of a submission beyond its texts: images, documents, queue search; and store price ranges.
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeOperator, makeSeller, makeStore, type TestSeller } from '../../accounts/factories';
import { type CategoryTree, makeCategoryTree, setRate } from '../../platform/factories';
import { type MadeProduct, makeProduct } from '../factories';
import { sendFile } from './multipart';

let t: TestApp;
let tree: CategoryTree;
let reviewer: Agent;
let support: Agent;
let warehouse: Agent;
let seller: TestSeller;
let cream: MadeProduct;
beforeAll(async () => {
  t = await createTestApp();
  tree = await makeCategoryTree(t);
  reviewer = (await makeOperator(t, 'reviewer')).agent;
  support = (await makeOperator(t, 'support')).agent;
  warehouse = (await makeOperator(t, 'warehouse')).agent;
  seller = await makeSeller(t);
  cream = await makeProduct(t, seller, {
    categoryId: tree.cosmetics.id,
    submit: true,
    title: { 'zh-CN': '保湿面霜', 'en-US': 'Moisturising cream Aurora', 'ru-RU': 'Увлажняющий крем Аврора' },
  });
});
afterAll(async () => {
  await t.close();
});

const UNKNOWN = '01900000-0000-7000-8000-00000000abcd';

function pdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(20).text('Certificate of conformity');
    doc.end();
  });
}

describe('GET /api/v1/platform/images/:id/:size', () => {
  it('serves any seller’s submitted image to operators who may read listings', async () => {
    const imageId = cream.imageIds[0] as string;
    const res = await reviewer.get(`/api/v1/platform/images/${imageId}/thumb-400`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers.etag).toBe(`"${imageId}-thumb-400"`);
    expect(res.headers['cache-control']).toContain('private');
    const original = await support.get(`/api/v1/platform/images/${imageId}/original`);
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toMatch(/^image\//);
    // Not on sale: buyers do not see it.
    expect((await t.app.inject({ url: `/api/v1/store/images/${imageId}/thumb-400` })).statusCode).toBe(404);
  });

  it('answers 304 to a matching etag, 404 for unknown ids, 400 for an unknown size', async () => {
    const imageId = cream.imageIds[0] as string;
    const url = `/api/v1/platform/images/${imageId}/thumb-100`;
    const again = await reviewer.request('GET', url, undefined, {
      'if-none-match': `"${imageId}-thumb-100"`,
    });
    expect(again.statusCode).toBe(304);
    expect((await reviewer.get(`/api/v1/platform/images/${UNKNOWN}/thumb-100`)).statusCode).toBe(404);
    expect((await reviewer.get(`/api/v1/platform/images/${imageId}/huge`)).statusCode).toBe(400);
  });

  it('is not for sellers, anonymous visitors or operators without listings:read', async () => {
    const imageId = cream.imageIds[0] as string;
    const url = `/api/v1/platform/images/${imageId}/thumb-100`;
    expect([401, 403]).toContain((await seller.owner.get(url)).statusCode);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    expect((await warehouse.get(url)).statusCode).toBe(403);
  });
});

describe('review detail documents', () => {
  it('lists the submission’s documents with type, dates, status and scan; operators download the scan', async () => {
    const detail = await reviewer.get(`/api/v1/platform/listings/${cream.reviewId}`);
    expect(detail.statusCode).toBe(200);
    const [doc] = detail.json().documents;
    expect(detail.json().documents).toHaveLength(1);
    expect(doc).toMatchObject({
      type: {
        id: tree.documentTypes.cosmeticsCertificate.id,
        key: tree.documentTypes.cosmeticsCertificate.key,
        names: { 'en-US': 'Cosmetics safety certificate' },
        expires: true,
      },
      number: 'COS-2024-123456',
      issuer: null,
      issuedOn: null,
      expiresOn: `${new Date().getUTCFullYear() + 2}-01-01`,
      status: 'valid',
      hasFile: false,
    });
    expect(doc.expiresInDays).toBeGreaterThan(300);

    const url = `/api/v1/platform/documents/${doc.id}/file`;
    expect((await reviewer.get(url)).statusCode).toBe(404);
    const data = await pdf();
    const up = await sendFile(seller.owner, `/api/v1/seller/documents/${doc.id}/file`, data, {
      filename: 'Сертификат.pdf',
      method: 'PUT',
    });
    expect(up.statusCode, up.body).toBe(200);
    const after = await reviewer.get(`/api/v1/platform/listings/${cream.reviewId}`);
    expect(after.json().documents[0].hasFile).toBe(true);

    const download = await support.get(url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Сертификат.pdf')}`,
    );
    expect(download.rawPayload.equals(data)).toBe(true);
  });

  it('a listing without documents has an empty list', async () => {
    const p = await makeProduct(t, seller, { submit: true });
    const detail = await reviewer.get(`/api/v1/platform/listings/${p.reviewId}`);
    expect(detail.json().documents).toEqual([]);
  });

  it('the download is for operators with listings:read only; unknown ids are 404', async () => {
    const [doc] = (await reviewer.get(`/api/v1/platform/listings/${cream.reviewId}`)).json().documents;
    const url = `/api/v1/platform/documents/${doc.id}/file`;
    expect([401, 403]).toContain((await seller.owner.get(url)).statusCode);
    expect((await t.app.inject({ url })).statusCode).toBe(401);
    expect((await warehouse.get(url)).statusCode).toBe(403);
    const missing = await reviewer.get(`/api/v1/platform/documents/${UNKNOWN}/file`);
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await reviewer.get('/api/v1/platform/documents/not-a-uuid/file')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/platform/listings?q=', () => {
  const queue = async (q: string) => {
    const res = await reviewer.get(`/api/v1/platform/listings?limit=100&q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { productId: string }[]).map((i) => i.productId);
  };

  it('finds submissions by title in any language, product number and seller name', async () => {
    expect(await queue('aurora')).toEqual([cream.id]);
    expect(await queue('Аврора')).toEqual([cream.id]);
    expect(await queue('保湿')).toEqual([cream.id]);
    expect(await queue(String(cream.number))).toContain(cream.id);
    const named = await makeSeller(t);
    await t.database.raw(`update sellers set display_name = 'Zephyr Naturals Studio' where id = $1`, [
      named.sellerId,
    ]);
    const theirs = await makeProduct(t, named, { submit: true });
    expect(await queue('zephyr natur')).toEqual([theirs.id]);
    expect(await queue('nothing-matches-this')).toEqual([]);
    expect(await queue('100%')).toEqual([]);
  });

  it('rejects an empty or overlong search', async () => {
    expect((await reviewer.get('/api/v1/platform/listings?q=')).statusCode).toBe(400);
    expect((await reviewer.get(`/api/v1/platform/listings?q=${'x'.repeat(101)}`)).statusCode).toBe(400);
  });
});

describe('product list: price range in the store currency', () => {
  it('carries the store’s currency and range when a store applies, null otherwise', async () => {
    await setRate(t, 'CNY', 'RUB', '12.5');
    const s = await makeSeller(t);
    const rub = await makeStore(t, s, { currency: 'RUB', marketCountry: 'RU', defaultLanguage: 'ru-RU' });
    const p = await makeProduct(t, s, { skus: 3, price: 1990, storeIds: [rub.id] });
    const elsewhere = await makeProduct(t, s, { skus: 2 });
    const prices = (
      p.skus as { storePrices: { storeId: string; listPrice: number; salePrice: number | null }[] }[]
    )
      .flatMap((k) => k.storePrices.filter((x) => x.storeId === rub.id))
      .map((x) => x.salePrice ?? x.listPrice);
    expect(prices).toHaveLength(3);

    const plain = (await s.owner.get('/api/v1/seller/products')).json().items;
    expect(plain.map((i: { storePrice: unknown }) => i.storePrice)).toEqual([null, null]);
    expect(plain.find((i: { id: string }) => i.id === p.id)).toMatchObject({
      currency: 'CNY',
      minPrice: 1990,
      maxPrice: 2190,
    });

    const inStore = (await s.owner.get(`/api/v1/seller/products?storeId=${rub.id}`)).json().items;
    expect(inStore).toHaveLength(1);
    expect(inStore[0]).toMatchObject({
      id: p.id,
      currency: 'CNY',
      minPrice: 1990,
      storePrice: { storeId: rub.id, currency: 'RUB', min: Math.min(...prices), max: Math.max(...prices) },
    });

    s.owner.storeId = rub.id;
    try {
      const current = (await s.owner.get('/api/v1/seller/products')).json().items;
      expect(current.map((i: { id: string }) => i.id)).toEqual([p.id]);
      expect(current[0].storePrice).toMatchObject({ currency: 'RUB' });
    } finally {
      s.owner.storeId = null;
    }
    expect(elsewhere.id).not.toBe(p.id);
  });
});

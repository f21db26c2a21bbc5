import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { backgroundBase, withSystem } from '../../../platform/db/tenant';
import { fileExists, putFile, readFileBytes, removeFiles } from '../../../platform/files/store';
import { makeMember, makeSeller, type TestSeller } from '../../accounts/factories';
import { makeCategory } from '../../platform/factories';
import { purgeUnusedImages } from '../service/images';
import { productState, product as testProduct } from './factories';
import { sendFile } from './multipart';

let t: TestApp;
let categoryId: string;
beforeAll(async () => {
  t = await createTestApp();
  categoryId = (await makeCategory(t, { maxImages: 4, minImages: 1 })).id;
});
afterAll(async () => {
  await t.close();
});

type Format = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff';

/** A real image: a gradient-ish picture so that files differ by colour. */
async function picture(width: number, height: number, format: Format = 'jpeg', colour = 40): Promise<Buffer> {
  const base = sharp({
    create: { width, height, channels: 3, background: { r: colour, g: 120, b: 200 } },
  }).composite([
    {
      input: {
        create: {
          width: Math.max(1, Math.floor(width / 3)),
          height: Math.max(1, Math.floor(height / 3)),
          channels: 3,
          background: { r: 250, g: colour, b: 10 },
        },
      },
      top: 0,
      left: 0,
    },
  ]);
  return base.toFormat(format).toBuffer();
}

let shade = 0;
const nextColour = () => (shade = (shade + 7) % 250);

const draft = (seller: TestSeller) => testProduct(t, seller, { categoryId });

const upload = (agent: Agent, productId: string, data: Buffer, filename = 'photo.jpg') =>
  sendFile(agent, `/api/v1/seller/products/${productId}/images`, data, {
    filename,
    contentType: 'image/jpeg',
  });

const imageRow = async (id: string) =>
  (await t.database.raw('select * from product_images where id = $1', [id])).rows[0] as
    | Record<string, unknown>
    | undefined;

describe('POST /api/v1/seller/products/:id/images', () => {
  it('stores a re-encoded, auto-rotated original without EXIF and WebP renditions', async () => {
    const seller = await makeSeller(t);
    const product = await draft(seller);
    // 900×600 pixels with EXIF orientation 6 (rotate 90°): shown as 600×900.
    const data = await sharp(await picture(900, 600, 'jpeg', nextColour()))
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'Secret GPS Corp' } } })
      .jpeg()
      .toBuffer();
    expect((await sharp(data).metadata()).orientation).toBe(6);

    const res = await upload(seller.owner, product.id, data, 'front view.JPG');
    expect(res.statusCode).toBe(201);
    const image = res.json();
    expect(image).toMatchObject({
      productId: product.id,
      position: 0,
      main: true,
      mime: 'image/jpeg',
      width: 600,
      height: 900,
      originalName: 'front view.JPG',
      urls: { thumb400: `/api/v1/seller/images/${image.id}/thumb-400` },
    });
    expect(image.sha256).toMatch(/^[0-9a-f]{64}$/);
    const row = await imageRow(image.id);
    expect(row).toMatchObject({
      seller_id: seller.sellerId,
      file_key: `${seller.sellerId}/images/${image.id}/original.jpg`,
    });

    const original = await seller.owner.get(image.urls.original);
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(original.rawPayload).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 600, height: 900 });
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    expect(original.rawPayload.includes(Buffer.from('Secret GPS Corp'))).toBe(false);

    const sizes: [string, number, number][] = [
      ['thumb-100', 67, 100],
      ['thumb-400', 267, 400],
      ['large-1200', 600, 900], // never enlarged
    ];
    for (const [size, w, h] of sizes) {
      const r = await seller.owner.get(`/api/v1/seller/images/${image.id}/${size}`);
      expect(r.statusCode, size).toBe(200);
      expect(r.headers['content-type']).toBe('image/webp');
      expect(r.headers['cache-control']).toContain('private');
      const m = await sharp(r.rawPayload).metadata();
      expect([m.format, m.width, m.height], size).toEqual(['webp', w, h]);
    }
  });

  it('accepts PNG and WebP, appends them after the main image, and returns an existing image for the same file', async () => {
    const seller = await makeSeller(t);
    const product = await draft(seller);
    const png = await picture(500, 500, 'png', nextColour());
    const first = await upload(seller.owner, product.id, png, 'a.png');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ mime: 'image/png', position: 0, main: true });
    const webp = await upload(
      seller.owner,
      product.id,
      await picture(640, 800, 'webp', nextColour()),
      'b.webp',
    );
    expect(webp.statusCode).toBe(201);
    expect(webp.json()).toMatchObject({
      mime: 'image/webp',
      position: 1,
      main: false,
      width: 640,
      height: 800,
    });

    const again = await upload(seller.owner, product.id, png, 'renamed.png');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);

    const list = await seller.owner.get(`/api/v1/seller/products/${product.id}/images`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([first.json().id, webp.json().id]);
  });

  it('judges files by content: every bad file gets its own 4xx code and a readable message', async () => {
    const seller = await makeSeller(t);
    const product = await draft(seller);
    const jpeg = await picture(800, 800, 'jpeg', nextColour());
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800"><rect width="800" height="800" fill="red"/></svg>',
    );
    const cases: [string, Buffer, string, number, string][] = [
      [
        'text renamed .jpg',
        Buffer.from('This is a shopping list, not a photo.\n'.repeat(20)),
        'photo.jpg',
        415,
        'unsupported_image_type',
      ],
      ['GIF', await picture(800, 800, 'gif'), 'photo.jpg', 415, 'unsupported_image_type'],
      ['TIFF', await picture(800, 800, 'tiff'), 'photo.tiff', 415, 'unsupported_image_type'],
      ['SVG', svg, 'photo.svg', 415, 'unsupported_image_type'],
      ['truncated JPEG', jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'photo.jpg', 422, 'image_corrupt'],
      ['zero bytes', Buffer.alloc(0), 'photo.jpg', 400, 'file_empty'],
      ['too narrow', await picture(499, 900), 'photo.jpg', 422, 'image_too_small'],
      ['too wide', await picture(8001, 600, 'png'), 'photo.png', 422, 'image_too_large'],
      ['over 40 megapixels', await picture(7000, 6000, 'png'), 'photo.png', 422, 'image_too_large'],
    ];
    for (const [name, data, filename, status, code] of cases) {
      const res = await upload(seller.owner, product.id, data, filename);
      expect(res.statusCode, name).toBe(status);
      expect(res.headers['content-type'], name).toContain('application/problem+json');
      const body = res.json();
      expect(body.code, name).toBe(code);
      expect(body.detail, name).not.toBe(code);
      expect(body.errors?.[0]?.path, name).toBe('body.file');
    }
    const small = await upload(seller.owner, product.id, await picture(499, 900));
    expect(small.json().detail).toBe('The image is 499×900 px; each side must be at least 500 px.');

    const huge = Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]);
    const big = await upload(seller.owner, product.id, huge);
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({
      code: 'image_file_too_large',
      detail: 'The image file is larger than 10 MB.',
    });

    const none = await seller.owner.request('POST', `/api/v1/seller/products/${product.id}/images`, {});
    expect(none.statusCode).toBe(415);
    expect(none.json().code).toBe('multipart_required');

    const rows = await t.database.raw('select count(*)::int as n from product_images where product_id = $1', [
      product.id,
    ]);
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it("stops at the category's image count with 409 too_many_images", async () => {
    const seller = await makeSeller(t);
    const product = await draft(seller);
    for (let i = 0; i < 4; i++) {
      const res = await upload(seller.owner, product.id, await picture(500, 500, 'jpeg', nextColour()));
      expect(res.statusCode).toBe(201);
    }
    const fifth = await upload(seller.owner, product.id, await picture(500, 500, 'jpeg', nextColour()));
    expect(fifth.statusCode).toBe(409);
    expect(fifth.json()).toMatchObject({ code: 'too_many_images' });
    expect(fifth.json().detail).toContain('at most 4');
  });

  it('answers 404 for another seller’s product, 403 for an analyst, 401 without a session', async () => {
    const seller = await makeSeller(t);
    const product = await draft(seller);
    const other = await makeSeller(t);
    const data = await picture(600, 600, 'jpeg', nextColour());
    const foreign = await upload(other.owner, product.id, data);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('not_found');
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await upload(analyst.agent, product.id, data)).statusCode).toBe(403);
    expect((await analyst.agent.get(`/api/v1/seller/products/${product.id}/images`)).statusCode).toBe(200);
    expect((await upload(new Agent(t.app), product.id, data)).statusCode).toBe(401);
    expect(await imageCountOf(product.id)).toBe(0);
  });
});

const imageCountOf = async (productId: string) =>
  (
    (await t.database.raw('select count(*)::int as n from product_images where product_id = $1', [productId]))
      .rows[0] as { n: number }
  ).n;

async function productWithImages(seller: TestSeller, n: number) {
  const product = await draft(seller);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await upload(seller.owner, product.id, await picture(500, 500, 'jpeg', nextColour()));
    expect(res.statusCode).toBe(201);
    ids.push(res.json().id);
  }
  return { product, ids };
}

describe('PUT /api/v1/seller/products/:id/images/order and DELETE …/images/:imageId', () => {
  it('reorders (the first becomes the main image) and insists on exactly the same set', async () => {
    const seller = await makeSeller(t);
    const { product, ids } = await productWithImages(seller, 3);
    const [a, b, c] = ids as [string, string, string];
    const url = `/api/v1/seller/products/${product.id}/images/order`;
    const res = await seller.owner.put(url, { imageIds: [c, a, b] });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((i: { id: string; position: number; main: boolean }) => [i.id, i.position, i.main]),
    ).toEqual([
      [c, 0, true],
      [a, 1, false],
      [b, 2, false],
    ]);
    for (const wrong of [
      [c, a],
      [c, a, b, b],
      [c, a, '0190a0e0-0000-7000-8000-000000000000'],
      [c, a, b, c],
    ]) {
      const bad = await seller.owner.put(url, { imageIds: wrong });
      expect(bad.statusCode, JSON.stringify(wrong)).toBe(400);
      expect(bad.json().code).toBe('image_order_mismatch');
      expect(bad.json().errors[0].path).toBe('body.imageIds');
    }
    const invalid = await seller.owner.put(url, { imageIds: ['nope'] });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].path).toBe('body.imageIds.0');

    const other = await makeSeller(t);
    expect((await other.owner.put(url, { imageIds: [a, b, c] })).statusCode).toBe(404);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await analyst.agent.put(url, { imageIds: [a, b, c] })).statusCode).toBe(403);
    const after = await seller.owner.get(`/api/v1/seller/products/${product.id}/images`);
    expect(after.json().items.map((i: { id: string }) => i.id)).toEqual([c, a, b]);
  });

  it('deletes an image: the others close up, its files are removed after the commit', async () => {
    const seller = await makeSeller(t);
    const { product, ids } = await productWithImages(seller, 3);
    const [a, b, c] = ids as [string, string, string];
    const key = String((await imageRow(a))?.file_key);
    expect(await fileExists(key)).toBe(true);

    const other = await makeSeller(t);
    expect((await other.owner.delete(`/api/v1/seller/products/${product.id}/images/${a}`)).statusCode).toBe(
      404,
    );
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await analyst.agent.delete(`/api/v1/seller/products/${product.id}/images/${a}`)).statusCode).toBe(
      403,
    );

    const res = await seller.owner.delete(`/api/v1/seller/products/${product.id}/images/${a}`);
    expect(res.statusCode).toBe(204);
    const list = (await seller.owner.get(`/api/v1/seller/products/${product.id}/images`)).json().items;
    expect(
      list.map((i: { id: string; position: number; main: boolean }) => [i.id, i.position, i.main]),
    ).toEqual([
      [b, 0, true],
      [c, 1, false],
    ]);
    expect(await imageRow(a)).toBeUndefined();
    expect((await seller.owner.get(`/api/v1/seller/images/${a}/thumb-100`)).statusCode).toBe(404);
    await until(async () => !(await fileExists(key)));
    expect(await fileExists(`${seller.sellerId}/images/${a}/thumb-400.webp`)).toBe(false);
    expect((await seller.owner.delete(`/api/v1/seller/products/${product.id}/images/${a}`)).statusCode).toBe(
      404,
    );
  });
});

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('unattached uploads', () => {
  it('uploads without a product and attaches the image when a product is created with it', async () => {
    const seller = await makeSeller(t);
    const res = await sendFile(
      seller.owner,
      '/api/v1/seller/images',
      await picture(700, 700, 'webp', nextColour()),
      {
        filename: 'x.webp',
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ productId: null, main: false, mime: 'image/webp' });
    const image = res.json();
    expect((await seller.owner.get(image.urls.thumb100)).statusCode).toBe(200);

    const created = await seller.owner.post('/api/v1/seller/products', {
      categoryId,
      title: { 'en-US': 'Linen shirt' },
      imageIds: [image.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const product = created.json();
    const list = (await seller.owner.get(`/api/v1/seller/products/${product.id}/images`)).json().items;
    expect(list.map((i: { id: string; main: boolean }) => [i.id, i.main])).toEqual([[image.id, true]]);

    const bad = await sendFile(seller.owner, '/api/v1/seller/images', Buffer.from('GIF89a-not-really'));
    expect(bad.statusCode).toBe(415);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await sendFile(analyst.agent, '/api/v1/seller/images', await picture(600, 600))).statusCode).toBe(
      403,
    );
  });
});

describe('the same photo uploaded again', () => {
  it("reuses the processed files of the seller's earlier upload of the same content, and falls back when they are gone", async () => {
    const seller = await makeSeller(t);
    const photo = await picture(800, 600, 'jpeg', nextColour());
    const first = (
      await sendFile(seller.owner, '/api/v1/seller/images', photo, { filename: 'a.jpg' })
    ).json();
    // Mark the first upload's thumbnail: a copy carries the mark, a re-encoding would not.
    const thumbKey = `${seller.sellerId}/images/${first.id}/thumb-100.webp`;
    await putFile(thumbKey, Buffer.concat([await readFileBytes(thumbKey), Buffer.from('copied')]));
    const a = await draft(seller);
    const b = await draft(seller);
    const onA = await upload(seller.owner, a.id, photo, 'front.jpg');
    const onB = await upload(seller.owner, b.id, photo, 'front-again.jpg');
    expect([onA.statusCode, onB.statusCode]).toEqual([201, 201]);
    const ids = [first.id, onA.json().id, onB.json().id];
    expect(new Set(ids).size).toBe(3);
    const rows = await Promise.all(ids.map(imageRow));
    for (const [i, row] of rows.entries()) {
      // Its own files, byte for byte the same renditions, the same metadata.
      expect(row).toMatchObject({
        sha256: first.sha256,
        mime: 'image/jpeg',
        width: 800,
        height: 600,
        bytes: first.bytes,
        file_key: `${seller.sellerId}/images/${ids[i]}/original.jpg`,
      });
      for (const size of ['thumb-100', 'thumb-400', 'large-1200', 'original']) {
        const res = await seller.owner.get(`/api/v1/seller/images/${ids[i]}/${size}`);
        expect(res.statusCode).toBe(200);
        const ref = await seller.owner.get(`/api/v1/seller/images/${first.id}/${size}`);
        expect(res.rawPayload.equals(ref.rawPayload)).toBe(true);
      }
    }
    expect(rows.map((r) => r?.original_name)).toEqual(['a.jpg', 'front.jpg', 'front-again.jpg']);

    // Deleting one copy leaves the others' files alone.
    expect((await seller.owner.delete(`/api/v1/seller/products/${a.id}/images/${ids[1]}`)).statusCode).toBe(
      204,
    );
    await until(async () => !(await fileExists(`${seller.sellerId}/images/${ids[1]}/original.jpg`)));
    expect((await seller.owner.get(`/api/v1/seller/images/${ids[2]}/thumb-400`)).statusCode).toBe(200);

    // Another seller's identical upload is processed on its own (nothing is shared across sellers).
    const other = await makeSeller(t);
    const theirs = (await sendFile(other.owner, '/api/v1/seller/images', photo)).json();
    expect((await imageRow(theirs.id))?.file_key).toBe(`${other.sellerId}/images/${theirs.id}/original.jpg`);
    const theirThumb = await readFileBytes(`${other.sellerId}/images/${theirs.id}/thumb-100.webp`);
    expect(theirThumb.subarray(-6).toString()).not.toBe('copied');

    // When the earlier files are gone (removed after a delete), the upload is processed again.
    const again = await picture(640, 640, 'png', nextColour());
    const x = (await sendFile(seller.owner, '/api/v1/seller/images', again, { filename: 'x.png' })).json();
    await removeFiles(`${seller.sellerId}/images/${x.id}`);
    const y = await sendFile(seller.owner, '/api/v1/seller/images', again, { filename: 'y.png' });
    expect(y.statusCode, y.body).toBe(201);
    expect((await seller.owner.get(`/api/v1/seller/images/${y.json().id}/thumb-100`)).statusCode).toBe(200);
    // A bad file is still judged by its content.
    expect(
      (await sendFile(seller.owner, '/api/v1/seller/images', Buffer.from('GIF89a-nope'))).statusCode,
    ).toBe(415);
  });
});

describe('serving images', () => {
  it('serves the seller their own images only, and buyers only images of published listings', async () => {
    const seller = await makeSeller(t);
    const { product, ids } = await productWithImages(seller, 2);
    const [main] = ids as [string];
    const other = await makeSeller(t);
    expect((await other.owner.get(`/api/v1/seller/images/${main}/thumb-400`)).statusCode).toBe(404);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await analyst.agent.get(`/api/v1/seller/images/${main}/thumb-400`)).statusCode).toBe(200);
    expect((await new Agent(t.app).get(`/api/v1/seller/images/${main}/thumb-400`)).statusCode).toBe(401);
    expect((await seller.owner.get(`/api/v1/seller/images/${main}/huge`)).statusCode).toBe(400);

    const buyer = new Agent(t.app);
    // A draft is not published: buyers cannot see its images.
    expect((await buyer.get(`/api/v1/store/images/${main}/thumb-400`)).statusCode).toBe(404);

    const listed = await testProduct(t, seller, { categoryId, approve: true, images: 1 });
    const [shown] = listed.imageIds as [string];
    const res = await buyer.get(`/api/v1/store/images/${shown}/large-1200`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const etag = String(res.headers.etag);
    const cached = await buyer.get(`/api/v1/store/images/${shown}/large-1200`, { 'if-none-match': etag });
    expect(cached.statusCode).toBe(304);
    expect((await buyer.get(`/api/v1/store/images/${shown}/original`)).headers['content-type']).toBe(
      'image/jpeg',
    );
    expect((await buyer.get(`/api/v1/store/images/${product.id}/original`)).statusCode).toBe(404);
  });
});

describe('images a published listing still shows', () => {
  it('keeps a deleted image for buyers while the listing shows it; the daily cleanup removes only unused uploads', async () => {
    const seller = await makeSeller(t);
    const listed = await testProduct(t, seller, { categoryId, approve: true, images: 2 });
    const [first, second] = listed.imageIds as [string, string];
    expect(
      (await seller.owner.delete(`/api/v1/seller/products/${listed.id}/images/${first}`)).statusCode,
    ).toBe(204);
    const left = (await seller.owner.get(`/api/v1/seller/products/${listed.id}/images`)).json().items;
    expect(left.map((i: { id: string; main: boolean }) => [i.id, i.main])).toEqual([[second, true]]);
    expect(await imageRow(first)).toMatchObject({ product_id: null });
    expect(await productState(t, listed.id)).toEqual({ review_state: 'draft', sale_state: 'active' });
    const buyer = new Agent(t.app);
    expect((await buyer.get(`/api/v1/store/images/${first}/thumb-400`)).statusCode).toBe(200);

    const abandoned = (
      await sendFile(seller.owner, '/api/v1/seller/images', await picture(600, 600, 'jpeg', nextColour()))
    ).json().id as string;
    const fresh = (
      await sendFile(seller.owner, '/api/v1/seller/images', await picture(600, 600, 'jpeg', nextColour()))
    ).json().id as string;
    await t.database.raw(
      `update product_images set created_at = now() - interval '8 days' where id = any($1::uuid[])`,
      [[abandoned, first]],
    );
    const dirs = await withSystem(t.database, backgroundBase(), (ctx) => purgeUnusedImages(ctx));
    expect(dirs).toContain(`${seller.sellerId}/images/${abandoned}`);
    expect(dirs.some((d) => d.endsWith(first) || d.endsWith(fresh))).toBe(false);
    expect(await imageRow(abandoned)).toBeUndefined();
    expect(await imageRow(first)).toBeDefined();
    expect(await imageRow(fresh)).toBeDefined();
  });
});

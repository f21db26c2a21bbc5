import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeSeller } from '../../accounts/factories';
import { makeCategory } from '../../platform/factories';
import { product } from './factories';
import { sendFile } from './multipart';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ engine: 'pglite' });
});
afterAll(async () => {
  await t.close();
});

const picture = (r: number) =>
  sharp({ create: { width: 640, height: 640, channels: 3, background: { r, g: 80, b: 80 } } })
    .png()
    .toBuffer();

describe('images on embedded PGlite', () => {
  it('uploads, serves, reorders and deletes', async () => {
    const seller = await makeSeller(t);
    const { id } = await product(t, seller, { categoryId: (await makeCategory(t)).id });
    const ids: string[] = [];
    for (const r of [10, 200]) {
      const res = await sendFile(seller.owner, `/api/v1/seller/products/${id}/images`, await picture(r), {
        filename: 'a.png',
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const thumb = await seller.owner.get(`/api/v1/seller/images/${ids[0]}/thumb-100`);
    expect(thumb.statusCode).toBe(200);
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(100);
    const order = await seller.owner.put(`/api/v1/seller/products/${id}/images/order`, {
      imageIds: [...ids].reverse(),
    });
    expect(order.statusCode).toBe(200);
    expect(order.json().items.map((i: { id: string }) => i.id)).toEqual([...ids].reverse());
    expect((await seller.owner.delete(`/api/v1/seller/products/${id}/images/${ids[1]}`)).statusCode).toBe(
      204,
    );
    const left = (await seller.owner.get(`/api/v1/seller/products/${id}/images`)).json().items;
    expect(left).toMatchObject([{ id: ids[0], position: 0, main: true }]);
  });
});

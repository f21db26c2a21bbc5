// Barcodes are unique across the platform, whoever sells the product, even under concurrent writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeSeller } from '../../accounts/factories';
import { makeProduct, randomEan13 } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function axisKey(seller: Awaited<ReturnType<typeof makeSeller>>, categoryId: string) {
  const rules = (await seller.owner.get(`/api/v1/seller/categories/${categoryId}/rules`)).json();
  return (rules.attributes as { key: string; variant: boolean }[]).find((a) => a.variant)?.key as string;
}

describe('barcode uniqueness', () => {
  it('names the seller’s own product and SKU; another seller only learns it is registered', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const p = await makeProduct(t, a, { skus: 2 });
    const taken = (p.skus[0] as { barcode: string; code: string }).barcode;
    const key = await axisKey(a, p.categoryId);
    const body = { code: 'A-2', barcode: taken, listPrice: 1000 };
    const own = await a.owner.post(`/api/v1/seller/products/${p.id}/skus`, {
      ...body,
      options: { [key]: 'XL' },
    });
    expect(own.statusCode).toBe(409);
    expect(own.json()).toMatchObject({
      code: 'barcode_taken',
      errors: [{ path: 'body.barcode', code: 'barcode_taken' }],
    });
    expect(own.json().detail).toContain(String(p.number));
    expect(own.json().detail).toContain((p.skus[0] as { code: string }).code);

    const q = await makeProduct(t, b, { skus: 2 });
    const foreign = await b.owner.post(`/api/v1/seller/products/${q.id}/skus`, {
      ...body,
      options: { [key]: 'XL' },
    });
    expect(foreign.statusCode).toBe(409);
    expect(foreign.json()).toMatchObject({ code: 'barcode_registered', errors: [{ path: 'body.barcode' }] });
    expect(foreign.json().detail).not.toContain(String(p.number));

    // Changing a SKU to a used barcode is refused the same way; keeping its own is fine.
    const mine = q.skus[0] as { id: string; barcode: string };
    const change = await b.owner.patch(`/api/v1/seller/products/${q.id}/skus/${mine.id}`, { barcode: taken });
    expect(change.json().code).toBe('barcode_registered');
    const keep = await b.owner.patch(`/api/v1/seller/products/${q.id}/skus/${mine.id}`, {
      barcode: mine.barcode,
    });
    expect(keep.statusCode).toBe(200);
  });

  it('two sellers adding the same barcode at once: exactly one wins, the other gets a clean 409', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const pa = await makeProduct(t, a, { skus: 2 });
    const pb = await makeProduct(t, b, { skus: 2 });
    const key = await axisKey(a, pa.categoryId);
    for (let round = 0; round < 5; round++) {
      const barcode = randomEan13();
      const body = (code: string) => ({ code, barcode, options: { [key]: 'XL' }, listPrice: 1000 });
      const [ra, rb] = await Promise.all([
        a.owner.post(`/api/v1/seller/products/${pa.id}/skus`, body(`RACE-A-${round}`)),
        b.owner.post(`/api/v1/seller/products/${pb.id}/skus`, body(`RACE-B-${round}`)),
      ]);
      const statuses = [ra.statusCode, rb.statusCode].sort();
      expect(statuses).toEqual([201, 409]);
      const loser = ra.statusCode === 409 ? ra : rb;
      expect(loser.json().code).toBe('barcode_registered');
      const { rows } = await t.database.raw('select count(*)::int as n from skus where barcode = $1', [
        barcode,
      ]);
      expect(rows[0]?.n).toBe(1);
      // Free the axis value for the next round.
      const winner = ra.statusCode === 201 ? { s: a, p: pa, r: ra } : { s: b, p: pb, r: rb };
      await winner.s.owner.delete(`/api/v1/seller/products/${winner.p.id}/skus/${winner.r.json().id}`);
    }
  });

  it('parallel product creates with the same barcode by two sellers never answer 500', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const template = await makeProduct(t, a, { skus: 2 });
    const key = await axisKey(a, template.categoryId);
    const barcode = randomEan13();
    const body = (code: string) => ({
      categoryId: template.categoryId,
      title: { 'en-US': 'Race' },
      skus: [{ code, barcode, options: { [key]: 'S' }, listPrice: 990 }],
    });
    const [ra, rb] = await Promise.all([
      a.owner.post('/api/v1/seller/products', body('R-A')),
      b.owner.post('/api/v1/seller/products', body('R-B')),
    ]);
    expect([ra.statusCode, rb.statusCode].sort()).toEqual([201, 409]);
    const loser = ra.statusCode === 409 ? ra : rb;
    expect(loser.json()).toMatchObject({
      code: 'barcode_registered',
      errors: [{ path: 'body.skus.0.barcode' }],
    });
  });
});

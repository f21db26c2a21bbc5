import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { backgroundBase, withTenant } from '../../../platform/db/tenant';
import { dispatchOutbox } from '../../../platform/events/outbox';
import { makeMember, makeSeller, makeStore, type TestSeller } from '../../accounts/factories';
import { makeProduct } from '../../catalog/factories';
import { makeCategory } from '../../platform/factories';
import { makePlatformWarehouse, makeWarehouse } from '../factories';
import { commitReservation, reserve } from '../service/reservations';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function productWithSkus(seller: TestSeller, n = 2, storeIds?: string[]) {
  const product = await makeProduct(t, seller, { skus: n, storeIds });
  return {
    productId: product.id,
    skus: product.skus.map((s) => ({ id: s.id, code: s.code, barcode: s.barcode })),
  };
}

const adjust = (agent: Agent, body: Record<string, unknown>) =>
  agent.post('/api/v1/seller/stock/adjustments', body);

async function stockOf(agent: Agent, skuId: string) {
  const res = await agent.get(`/api/v1/seller/stock/skus/${skuId}`);
  expect(res.statusCode).toBe(200);
  return res.json();
}

const asSeller = <T>(sellerId: string, fn: Parameters<typeof withTenant<T>>[2]) =>
  withTenant(t.database, { ...backgroundBase(), sellerId, storeIds: null, currentStoreId: null }, fn);

describe('stock adjustments', () => {
  it('counts, receives, writes off and transfers with a ledger row each', async () => {
    const seller = await makeSeller(t);
    const { productId, skus } = await productWithSkus(seller);
    const sku = skus[0] as { id: string; code: string };
    const a = await makeWarehouse(t, seller, { code: 'A' });
    const b = await makeWarehouse(t, seller, { code: 'B', handlingDays: 3 });

    const count = await adjust(seller.owner, {
      type: 'count',
      skuId: sku.id,
      warehouseId: a.id,
      onHand: 12,
      note: 'first count',
    });
    expect(count.statusCode).toBe(201);
    expect(count.json().results).toEqual([
      { skuId: sku.id, warehouseId: a.id, onHand: 12, reserved: 0, available: 12, onHandDelta: 12 },
    ]);
    expect(
      (await adjust(seller.owner, { type: 'receive', skuId: sku.id, warehouseId: a.id, quantity: 8 }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await adjust(seller.owner, {
          type: 'damaged',
          skuId: sku.id,
          warehouseId: a.id,
          quantity: 2,
          note: 'wet box',
        })
      ).statusCode,
    ).toBe(201);
    const moved = await adjust(seller.owner, {
      type: 'transfer',
      skuId: sku.id,
      fromWarehouseId: a.id,
      toWarehouseId: b.id,
      quantity: 5,
    });
    expect(moved.statusCode).toBe(201);
    expect(moved.json().results.map((r: { onHand: number }) => r.onHand)).toEqual([13, 5]);
    const recount = await adjust(seller.owner, {
      type: 'count',
      skuId: sku.id,
      warehouseId: b.id,
      onHand: 4,
    });
    expect(recount.json().results[0].onHandDelta).toBe(-1);

    const stock = await stockOf(seller.owner, sku.id);
    expect(stock).toMatchObject({
      skuId: sku.id,
      productId,
      code: sku.code,
      onHand: 17,
      reserved: 0,
      available: 17,
      state: 'in_stock',
    });
    expect(stock.warehouses.map((w: { code: string; onHand: number }) => [w.code, w.onHand])).toEqual([
      ['A', 13],
      ['B', 4],
    ]);

    const ledger = await seller.owner.get(`/api/v1/seller/stock/movements?skuId=${sku.id}`);
    expect(ledger.statusCode).toBe(200);
    const items = ledger.json().items as {
      reason: string;
      onHandDelta: number;
      onHandAfter: number;
      warehouseCode: string;
      note: string | null;
      skuCode: string;
    }[];
    expect(items.map((m) => [m.reason, m.warehouseCode, m.onHandDelta, m.onHandAfter])).toEqual([
      ['count_correction', 'B', -1, 4],
      ['transfer_in', 'B', 5, 5],
      ['transfer_out', 'A', -5, 13],
      ['damaged', 'A', -2, 18],
      ['received', 'A', 8, 20],
      ['count_correction', 'A', 12, 12],
    ]);
    expect(items[3]?.note).toBe('wet box');
    expect(items[0]?.skuCode).toBe(sku.code);
    // The ledger sums to the levels.
    const { rows } = await t.database.raw(
      'select warehouse_id, sum(on_hand_delta)::int as s from stock_movements where sku_id = $1 group by warehouse_id',
      [sku.id],
    );
    const levels = await t.database.raw('select warehouse_id, on_hand from stock_levels where sku_id = $1', [
      sku.id,
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.warehouse_id, r.s]))).toEqual(
      Object.fromEntries(levels.rows.map((r) => [r.warehouse_id, r.on_hand])),
    );
    const page = await seller.owner.get(
      `/api/v1/seller/stock/movements?skuId=${sku.id}&warehouseId=${a.id}&limit=2`,
    );
    expect(page.json().items).toHaveLength(2);
    const next = await seller.owner.get(
      `/api/v1/seller/stock/movements?skuId=${sku.id}&warehouseId=${a.id}&limit=2&cursor=${page.json().nextCursor}`,
    );
    expect(next.json().items.map((m: { reason: string }) => m.reason)).toEqual([
      'received',
      'count_correction',
    ]);
  });

  it('never lets available go negative: 409 with a clear message', async () => {
    const seller = await makeSeller(t);
    const { skus } = await productWithSkus(seller, 2);
    const sku = skus[0] as { id: string; code: string };
    const wh = await makeWarehouse(t, seller, { code: 'MAIN' });
    await adjust(seller.owner, { type: 'count', skuId: sku.id, warehouseId: wh.id, onHand: 5 });
    await asSeller(seller.sellerId, (ctx) =>
      reserve(ctx, [{ skuId: sku.id, quantity: 3 }], { type: 'order', id: 'o-1' }),
    );

    const writeOff = await adjust(seller.owner, {
      type: 'damaged',
      skuId: sku.id,
      warehouseId: wh.id,
      quantity: 3,
    });
    expect(writeOff.statusCode).toBe(409);
    expect(writeOff.json()).toMatchObject({ code: 'insufficient_stock' });
    expect(writeOff.json().detail).toBe(
      'Only 2 units are available at MAIN (3 reserved for orders); 3 were asked for.',
    );
    const count = await adjust(seller.owner, { type: 'count', skuId: sku.id, warehouseId: wh.id, onHand: 2 });
    expect(count.statusCode).toBe(409);
    expect(count.json()).toMatchObject({ code: 'count_below_reserved' });
    expect(count.json().detail).toContain('3 units are reserved');
    const transfer = await adjust(seller.owner, {
      type: 'transfer',
      skuId: sku.id,
      fromWarehouseId: wh.id,
      toWarehouseId: (await makeWarehouse(t, seller)).id,
      quantity: 4,
    });
    expect(transfer.statusCode).toBe(409);
    expect(await stockOf(seller.owner, sku.id)).toMatchObject({ onHand: 5, reserved: 3, available: 2 });
    // Counting down to exactly the reserved units is fine.
    expect(
      (await adjust(seller.owner, { type: 'count', skuId: sku.id, warehouseId: wh.id, onHand: 3 }))
        .statusCode,
    ).toBe(201);
  });

  it('keeps platform warehouse stock for inbound receiving and orders', async () => {
    const seller = await makeSeller(t);
    const { skus } = await productWithSkus(seller, 2);
    const fc = await makePlatformWarehouse(t);
    const own = await makeWarehouse(t, seller);
    const sku = skus[0] as { id: string };
    for (const body of [
      { type: 'count', skuId: sku.id, warehouseId: fc.id, onHand: 5 },
      { type: 'receive', skuId: sku.id, warehouseId: fc.id, quantity: 5 },
      { type: 'transfer', skuId: sku.id, fromWarehouseId: own.id, toWarehouseId: fc.id, quantity: 1 },
    ]) {
      const res = await adjust(seller.owner, body);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'platform_warehouse_stock' });
    }
  });

  it('validates input (400), SKUs of other sellers (404) and the permission matrix', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const { skus } = await productWithSkus(seller, 2);
    const sku = skus[0] as { id: string };
    const wh = await makeWarehouse(t, seller);
    const otherWh = await makeWarehouse(t, other);

    const bad = await adjust(seller.owner, {
      type: 'damaged',
      skuId: 'nope',
      warehouseId: wh.id,
      quantity: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.skuId', 'body.quantity']),
    );
    expect((await adjust(seller.owner, { type: 'explode', skuId: sku.id })).statusCode).toBe(400);
    const same = await adjust(seller.owner, {
      type: 'transfer',
      skuId: sku.id,
      fromWarehouseId: wh.id,
      toWarehouseId: wh.id,
      quantity: 1,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toMatchObject({
      path: 'body.toWarehouseId',
      code: 'transfer_same_warehouse',
    });

    // Another seller's SKU or warehouse is a 404, and nothing changes.
    const foreign = await adjust(other.owner, {
      type: 'count',
      skuId: sku.id,
      warehouseId: otherWh.id,
      onHand: 3,
    });
    expect(foreign.statusCode).toBe(404);
    const foreignWh = await adjust(seller.owner, {
      type: 'count',
      skuId: sku.id,
      warehouseId: otherWh.id,
      onHand: 3,
    });
    expect(foreignWh.statusCode).toBe(404);
    expect((await other.owner.get(`/api/v1/seller/stock/skus/${sku.id}`)).statusCode).toBe(404);
    const { rows } = await t.database.raw('select count(*)::int as n from stock_levels where sku_id = $1', [
      sku.id,
    ]);
    expect(rows[0]?.n).toBe(0);

    expect((await new Agent(t.app).get('/api/v1/seller/stock')).statusCode).toBe(401);
    expect((await new Agent(t.app).post('/api/v1/seller/stock/adjustments', {})).statusCode).toBe(401);
    const catalog = await makeMember(t, seller, { role: 'catalog_manager' });
    expect((await catalog.agent.get('/api/v1/seller/stock')).statusCode).toBe(200);
    const denied = await adjust(catalog.agent, {
      type: 'count',
      skuId: sku.id,
      warehouseId: wh.id,
      onHand: 3,
    });
    expect(denied.statusCode).toBe(403);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await analyst.agent.get(`/api/v1/seller/stock/movements?skuId=${sku.id}`)).statusCode).toBe(200);
    expect(
      (await adjust(analyst.agent, { type: 'count', skuId: sku.id, warehouseId: wh.id, onHand: 3 }))
        .statusCode,
    ).toBe(403);
    const fulfillment = await makeMember(t, seller, { role: 'fulfillment' });
    expect(
      (await adjust(fulfillment.agent, { type: 'count', skuId: sku.id, warehouseId: wh.id, onHand: 3 }))
        .statusCode,
    ).toBe(201);
  });
});

describe('stock list', () => {
  it('filters by state, warehouse, store and code, with keyset pages', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const { skus } = await productWithSkus(seller, 3, [store.id]);
    const { skus: otherSkus } = await productWithSkus(seller, 2);
    const [inStock, low, out] = skus as { id: string; code: string; barcode: string }[];
    const a = await makeWarehouse(t, seller);
    const b = await makeWarehouse(t, seller);
    await adjust(seller.owner, { type: 'count', skuId: inStock?.id, warehouseId: a.id, onHand: 40 });
    await adjust(seller.owner, { type: 'count', skuId: low?.id, warehouseId: b.id, onHand: 3 });
    await adjust(seller.owner, { type: 'count', skuId: out?.id, warehouseId: a.id, onHand: 0 });
    await adjust(seller.owner, { type: 'count', skuId: otherSkus[0]?.id, warehouseId: a.id, onHand: 9 });

    const ids = async (query: string) => {
      const res = await seller.owner.get(`/api/v1/seller/stock${query}`);
      expect(res.statusCode).toBe(200);
      return res.json().items.map((i: { skuId: string }) => i.skuId);
    };
    expect(await ids('?state=out')).toEqual([out?.id]);
    expect(await ids('?state=low')).toEqual([low?.id]);
    expect((await ids('?state=in_stock')).sort()).toEqual([inStock?.id, otherSkus[0]?.id].sort());
    expect(await ids(`?warehouseId=${b.id}`)).toEqual([low?.id]);
    expect((await ids(`?storeId=${store.id}`)).sort()).toEqual([inStock?.id, low?.id, out?.id].sort());
    expect(await ids(`?q=${(low?.code ?? '').toLowerCase()}`)).toEqual([low?.id]);
    expect(await ids(`?q=${inStock?.barcode}`)).toEqual([inStock?.id]);
    expect(await ids('?q=NO-SUCH-SKU')).toEqual([]);
    expect(await ids('?sort=available')).toEqual([out?.id, low?.id, otherSkus[0]?.id, inStock?.id]);

    const first = await seller.owner.get('/api/v1/seller/stock?limit=2&sort=available');
    expect(first.json().items).toHaveLength(2);
    const second = await seller.owner.get(
      `/api/v1/seller/stock?limit=2&sort=available&cursor=${first.json().nextCursor}`,
    );
    expect(second.json().items.map((i: { skuId: string }) => i.skuId)).toEqual([
      otherSkus[0]?.id,
      inStock?.id,
    ]);
    expect(second.json().nextCursor).toBeNull();
    const newest = await seller.owner.get('/api/v1/seller/stock?limit=3');
    const rest = await seller.owner.get(`/api/v1/seller/stock?limit=3&cursor=${newest.json().nextCursor}`);
    expect([...newest.json().items, ...rest.json().items]).toHaveLength(4);

    const item = (await seller.owner.get(`/api/v1/seller/stock?q=${low?.code}`)).json().items[0];
    expect(item).toMatchObject({
      code: low?.code,
      state: 'low',
      available: 3,
      settings: { lowThreshold: null, effectiveThreshold: 5, thresholdSource: 'default' },
      warehouses: [{ warehouseId: b.id, onHand: 3, reserved: 0, available: 3 }],
    });
    expect((await seller.owner.get('/api/v1/seller/stock?state=maybe')).statusCode).toBe(400);
    expect((await seller.owner.get('/api/v1/seller/stock?cursor=garbage')).statusCode).toBe(400);
    // Another seller sees none of it.
    const other = await makeSeller(t);
    expect((await other.owner.get('/api/v1/seller/stock')).json().items).toEqual([]);
  });
});

describe('stock option names', () => {
  it('names a SKU’s options in the reader’s language, raw values where the category names none', async () => {
    const seller = await makeSeller(t);
    const category = await makeCategory(t, {
      attributes: [
        {
          key: 'colour',
          type: 'enum',
          names: { 'zh-CN': '颜色', 'en-US': 'Colour', 'ru-RU': 'Цвет' },
          options: [
            { value: 'red', names: { 'zh-CN': '红色', 'en-US': 'Red', 'ru-RU': 'Красный' } },
            { value: 'black', names: { 'zh-CN': '黑色', 'en-US': 'Black' } },
          ],
          required: true,
          variant: true,
        },
        {
          key: 'size',
          type: 'enum',
          names: { 'zh-CN': '尺码', 'en-US': 'Size', 'ru-RU': 'Размер' },
          options: [{ value: 'S' }, { value: 'M' }],
          required: true,
          variant: true,
        },
      ],
    });
    const colour = category.attributes.colour?.key as string;
    const size = category.attributes.size?.key as string;
    const product = await makeProduct(t, seller, { categoryId: category.id, skus: 2 });
    const [red, black] = product.skus;
    const warehouse = await makeWarehouse(t, seller);
    for (const sku of [red, black])
      await adjust(seller.owner, { type: 'count', skuId: sku?.id, warehouseId: warehouse.id, onHand: 7 });
    expect(red?.options).toEqual({ [colour]: 'red', [size]: 'S' });

    // A signed-in user reads in their profile's language.
    const readingIn = async (locale: string) =>
      expect((await seller.owner.patch('/api/auth/me', { locale })).statusCode).toBe(200);
    const listed = async () => {
      const res = await seller.owner.get('/api/v1/seller/stock');
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { skuId: string; optionTexts: unknown }[];
      return new Map(items.map((i) => [i.skuId, i.optionTexts]));
    };
    await readingIn('ru-RU');
    const ru = await listed();
    expect(ru.get(red?.id as string)).toEqual([
      { key: colour, name: 'Цвет', value: 'red', text: 'Красный' },
      { key: size, name: 'Размер', value: 'S', text: 'S' },
    ]);
    // An option without a Russian name falls back to English.
    expect(ru.get(black?.id as string)).toEqual([
      { key: colour, name: 'Цвет', value: 'black', text: 'Black' },
      { key: size, name: 'Размер', value: 'S', text: 'S' },
    ]);
    const found = await seller.owner.get(`/api/v1/seller/stock?q=${red?.code}`);
    expect(found.json().items[0].optionTexts.map((o: { text: string }) => o.text)).toEqual(['Красный', 'S']);

    await readingIn('zh-CN');
    expect((await listed()).get(red?.id as string)).toEqual([
      { key: colour, name: '颜色', value: 'red', text: '红色' },
      { key: size, name: '尺码', value: 'S', text: 'S' },
    ]);
    const one = await seller.owner.get(`/api/v1/seller/stock/skus/${black?.id}`);
    expect(one.json().optionTexts.map((o: { text: string }) => o.text)).toEqual(['黑色', 'S']);
  });
});

describe('SKU lookup', () => {
  it('finds the seller’s SKUs by codes and barcodes, with availability', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const { skus } = await productWithSkus(seller, 2);
    const [x, y] = skus as { id: string; code: string; barcode: string }[];
    const wh = await makeWarehouse(t, seller);
    await adjust(seller.owner, { type: 'count', skuId: x?.id, warehouseId: wh.id, onHand: 7 });
    const res = await seller.owner.get(
      `/api/v1/seller/stock/lookup?q=${encodeURIComponent(`${x?.code.toLowerCase()}, ${y?.barcode}`)}`,
    );
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { skuId: string; available: number }[];
    expect(Object.fromEntries(items.map((i) => [i.skuId, i.available]))).toEqual({
      [x?.id as string]: 7,
      [y?.id as string]: 0,
    });
    expect((await other.owner.get(`/api/v1/seller/stock/lookup?q=${x?.code}`)).json().items).toEqual([]);
    expect((await seller.owner.get('/api/v1/seller/stock/lookup')).statusCode).toBe(400);
    expect((await new Agent(t.app).get(`/api/v1/seller/stock/lookup?q=${x?.code}`)).statusCode).toBe(401);
    const fulfillment = await makeMember(t, seller, { role: 'fulfillment' });
    expect(
      (await fulfillment.agent.get(`/api/v1/seller/stock/lookup?q=${x?.code}`)).json().items,
    ).toHaveLength(1);
  });
});

describe('thresholds and low-stock alerts', () => {
  it('uses the SKU threshold, else the store default, else 5; notifies once per fall', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const { productId, skus } = await productWithSkus(seller, 2, [store.id]);
    const sku = skus[0] as { id: string; code: string };
    const wh = await makeWarehouse(t, seller);
    await adjust(seller.owner, { type: 'count', skuId: sku.id, warehouseId: wh.id, onHand: 12 });

    const setDefault = await seller.owner.put(`/api/v1/seller/stock/store-defaults/${store.id}`, {
      lowThreshold: 10,
    });
    expect(setDefault.statusCode).toBe(200);
    expect(setDefault.json()).toMatchObject({ storeId: store.id, lowThreshold: 10 });
    expect((await seller.owner.get('/api/v1/seller/stock/store-defaults')).json().items).toEqual([
      { storeId: store.id, storeName: store.name, lowThreshold: 10 },
    ]);
    expect((await stockOf(seller.owner, sku.id)).settings).toMatchObject({
      effectiveThreshold: 10,
      thresholdSource: 'store',
    });

    // 12 → 10: at the threshold → low, one event; 10 → 9: still low, no new event.
    await adjust(seller.owner, { type: 'damaged', skuId: sku.id, warehouseId: wh.id, quantity: 2 });
    await adjust(seller.owner, { type: 'damaged', skuId: sku.id, warehouseId: wh.id, quantity: 1 });
    const lowEvents = async () =>
      (
        await t.database.raw(
          `select payload from outbox_events where type = 'stock.low' and payload->>'skuId' = $1 order by created_at, id`,
          [sku.id],
        )
      ).rows.map((r) => r.payload as Record<string, unknown>);
    expect(await lowEvents()).toEqual([
      expect.objectContaining({
        sellerId: seller.sellerId,
        productId,
        sku: sku.code,
        available: 10,
        threshold: 10,
      }),
    ]);
    expect((await lowEvents())[0]?.title).toMatch(/Test product/);
    expect((await stockOf(seller.owner, sku.id)).settings.lowSince).not.toBeNull();

    // Back above clears the flag; the next fall notifies again.
    await adjust(seller.owner, { type: 'receive', skuId: sku.id, warehouseId: wh.id, quantity: 20 });
    expect((await stockOf(seller.owner, sku.id)).settings.lowSince).toBeNull();
    const own = await seller.owner.patch(`/api/v1/seller/stock/skus/${sku.id}/settings`, {
      lowThreshold: 30,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ lowThreshold: 30, effectiveThreshold: 30, thresholdSource: 'sku' });
    // Raising the threshold above the stock marks it low without an alert (the seller just did it).
    expect(own.json().lowSince).not.toBeNull();
    expect(await lowEvents()).toHaveLength(1);
    await seller.owner.patch(`/api/v1/seller/stock/skus/${sku.id}/settings`, { lowThreshold: 3 });
    await adjust(seller.owner, { type: 'damaged', skuId: sku.id, warehouseId: wh.id, quantity: 26 });
    expect((await lowEvents()).map((e) => e.available)).toEqual([10, 3]);

    // Clearing the store default brings 5 back for SKUs without their own threshold.
    const cleared = await seller.owner.delete(`/api/v1/seller/stock/store-defaults/${store.id}`);
    expect(cleared.json()).toMatchObject({ lowThreshold: null });
    expect((await stockOf(seller.owner, skus[1]?.id as string)).settings).toMatchObject({
      effectiveThreshold: 5,
      thresholdSource: 'default',
    });

    // The notifications domain turns stock.low into an in-app notification for inventory readers.
    await dispatchOutbox(t.database, t.jobs);
    const deadline = Date.now() + 15_000;
    let rows: Record<string, unknown>[] = [];
    while (Date.now() < deadline) {
      rows = (
        await t.database.raw(
          `select type, params, link from notifications where user_id = $1 and type = 'stock.low'`,
          [seller.ownerId],
        )
      ).rows;
      if (rows.length >= 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      link: '/inventory/stock?state=low',
      params: expect.objectContaining({ sku: sku.code }),
    });
  }, 60_000);

  it('validates settings (400), other sellers (404) and permissions (403)', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const store = await makeStore(t, seller);
    const { skus } = await productWithSkus(seller, 2);
    const sku = skus[0] as { id: string };
    const bad = await seller.owner.patch(`/api/v1/seller/stock/skus/${sku.id}/settings`, {
      lowThreshold: -1,
      leadTimeDays: 1000,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'body.lowThreshold',
      'body.leadTimeDays',
    ]);
    expect(
      (await seller.owner.put(`/api/v1/seller/stock/store-defaults/${store.id}`, { lowThreshold: 'x' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await other.owner.patch(`/api/v1/seller/stock/skus/${sku.id}/settings`, { lowThreshold: 2 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await other.owner.put(`/api/v1/seller/stock/store-defaults/${store.id}`, { lowThreshold: 2 }))
        .statusCode,
    ).toBe(404);
    const catalog = await makeMember(t, seller, { role: 'catalog_manager' });
    expect(
      (await catalog.agent.patch(`/api/v1/seller/stock/skus/${sku.id}/settings`, { lowThreshold: 2 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await catalog.agent.put(`/api/v1/seller/stock/store-defaults/${store.id}`, { lowThreshold: 2 }))
        .statusCode,
    ).toBe(403);
    expect((await catalog.agent.get('/api/v1/seller/stock/store-defaults')).statusCode).toBe(200);
    expect((await new Agent(t.app).get('/api/v1/seller/stock/store-defaults')).statusCode).toBe(401);
  });
});

describe('replenishment figures', () => {
  it('computes velocity, cover, restock, turnover and age from the ledger', async () => {
    const seller = await makeSeller(t);
    const { skus } = await productWithSkus(seller, 2);
    const sku = skus[0] as { id: string };
    const wh = await makeWarehouse(t, seller);
    await adjust(seller.owner, { type: 'receive', skuId: sku.id, warehouseId: wh.id, quantity: 100 });
    // 60 units sold (30 days → 2 a day).
    for (let i = 0; i < 3; i++) {
      const ref = { type: 'order', id: `sale-${i}` };
      await asSeller(seller.sellerId, async (ctx) => {
        await reserve(ctx, [{ skuId: sku.id, quantity: 20 }], ref);
        await commitReservation(ctx, ref);
      });
    }
    await seller.owner.patch(`/api/v1/seller/stock/skus/${sku.id}/settings`, {
      leadTimeDays: 10,
      safetyDays: 5,
      safetyStock: 6,
    });
    const stock = await stockOf(seller.owner, sku.id);
    expect(stock).toMatchObject({ onHand: 40, available: 40 });
    expect(stock.insight).toMatchObject({
      sold30d: 60,
      velocity: 2,
      daysOfCover: 20,
      // 2 × (10 + 5) + 6 − 40 = −4 → nothing to order yet.
      restock: 0,
      ageDays: 0,
    });
    // All movements happened just now: on hand was 0 for (almost) the whole window, so turnover is huge.
    expect(stock.insight.turnover).toBeGreaterThan(10);
    await seller.owner.patch(`/api/v1/seller/stock/skus/${sku.id}/settings`, { leadTimeDays: 30 });
    expect((await stockOf(seller.owner, sku.id)).insight.restock).toBe(2 * 35 + 6 - 40);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeOperator, makeSeller } from '../../accounts/factories';
import { makePlatformWarehouse, makeWarehouse, stockUp, testAddress } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const body = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `Warehouse ${code}`,
  address: testAddress,
  handlingDays: 2,
  ...extra,
});

const fakeSku = () => ({ skuId: crypto.randomUUID(), productId: crypto.randomUUID() });

describe('seller warehouses', () => {
  it('creates, lists (with platform ones), reads, updates and deletes an own warehouse', async () => {
    const seller = await makeSeller(t);
    const platform = await makePlatformWarehouse(t, { name: 'Shanghai FC' });
    const res = await seller.owner.post('/api/v1/seller/warehouses', body('HZ-1'));
    expect(res.statusCode).toBe(201);
    const wh = res.json();
    expect(wh).toMatchObject({
      kind: 'own',
      code: 'HZ-1',
      handlingDays: 2,
      active: true,
      address: testAddress,
    });
    const row = (await t.database.raw('select seller_id from warehouses where id = $1', [wh.id])).rows[0];
    expect(row?.seller_id).toBe(seller.sellerId);

    const list = await seller.owner.get('/api/v1/seller/warehouses');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((w: { id: string }) => w.id);
    expect(ids).toContain(wh.id);
    expect(ids).toContain(platform.id);
    const own = await seller.owner.get('/api/v1/seller/warehouses?kind=own');
    expect(own.json().items.map((w: { id: string }) => w.id)).toEqual([wh.id]);

    expect((await seller.owner.get(`/api/v1/seller/warehouses/${platform.id}`)).statusCode).toBe(200);
    const patched = await seller.owner.patch(`/api/v1/seller/warehouses/${wh.id}`, {
      name: 'Hangzhou',
      handlingDays: 3,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Hangzhou', handlingDays: 3, code: 'HZ-1' });

    const del = await seller.owner.delete(`/api/v1/seller/warehouses/${wh.id}`);
    expect(del.statusCode).toBe(204);
    expect((await seller.owner.get(`/api/v1/seller/warehouses/${wh.id}`)).statusCode).toBe(404);
  });

  it('keeps codes unique per seller ignoring case, but another seller may reuse one', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    expect((await a.owner.post('/api/v1/seller/warehouses', body('Main'))).statusCode).toBe(201);
    const dup = await a.owner.post('/api/v1/seller/warehouses', body('MAIN'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'warehouse_code_taken' });
    expect(dup.json().errors[0]).toMatchObject({ path: 'body.code' });
    expect((await b.owner.post('/api/v1/seller/warehouses', body('main'))).statusCode).toBe(201);
  });

  it('answers 400 with the paths of wrong fields', async () => {
    const seller = await makeSeller(t);
    const res = await seller.owner.post('/api/v1/seller/warehouses', {
      code: 'bad code!',
      name: '',
      address: { country: 'china', city: '' },
      handlingDays: 99,
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.code',
        'body.name',
        'body.address.country',
        'body.address.city',
        'body.handlingDays',
      ]),
    );
  });

  it('hides other sellers’ warehouses (404) and cannot change platform ones', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const wh = await makeWarehouse(t, a);
    const platform = await makePlatformWarehouse(t);
    expect((await b.owner.get(`/api/v1/seller/warehouses/${wh.id}`)).statusCode).toBe(404);
    expect((await b.owner.patch(`/api/v1/seller/warehouses/${wh.id}`, { name: 'Mine' })).statusCode).toBe(
      404,
    );
    expect((await b.owner.delete(`/api/v1/seller/warehouses/${wh.id}`)).statusCode).toBe(404);
    expect(
      (await a.owner.patch(`/api/v1/seller/warehouses/${platform.id}`, { name: 'Mine' })).statusCode,
    ).toBe(404);
    const row = (await t.database.raw('select name from warehouses where id = $1', [wh.id])).rows[0];
    expect(row?.name).toBe('Own warehouse');
  });

  it('refuses to deactivate a warehouse holding stock, and to delete one with history', async () => {
    const seller = await makeSeller(t);
    const wh = await makeWarehouse(t, seller);
    await stockUp(t, seller, { ...fakeSku(), warehouseId: wh.id, onHand: 4 });
    const off = await seller.owner.patch(`/api/v1/seller/warehouses/${wh.id}`, { active: false });
    expect(off.statusCode).toBe(409);
    expect(off.json()).toMatchObject({ code: 'warehouse_has_stock' });
    expect(off.json().detail).toContain('4');
    const del = await seller.owner.delete(`/api/v1/seller/warehouses/${wh.id}`);
    expect(del.statusCode).toBe(409);
    expect(del.json()).toMatchObject({ code: 'warehouse_in_use' });
  });

  it('needs a session, inventory:write to change, inventory:read to list', async () => {
    const seller = await makeSeller(t);
    const wh = await makeWarehouse(t, seller);
    expect((await new Agent(t.app).get('/api/v1/seller/warehouses')).statusCode).toBe(401);
    const catalog = await makeMember(t, seller, { role: 'catalog_manager' });
    expect((await catalog.agent.get('/api/v1/seller/warehouses')).statusCode).toBe(200);
    const denied = await catalog.agent.post('/api/v1/seller/warehouses', body('CM-1'));
    expect(denied.statusCode).toBe(403);
    expect((await catalog.agent.patch(`/api/v1/seller/warehouses/${wh.id}`, { name: 'x' })).statusCode).toBe(
      403,
    );
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await analyst.agent.get(`/api/v1/seller/warehouses/${wh.id}`)).statusCode).toBe(200);
    expect((await analyst.agent.delete(`/api/v1/seller/warehouses/${wh.id}`)).statusCode).toBe(403);
    const fulfillment = await makeMember(t, seller, { role: 'fulfillment' });
    expect((await fulfillment.agent.post('/api/v1/seller/warehouses', body('FF-1'))).statusCode).toBe(201);
  });
});

describe('platform warehouses', () => {
  it('operators with warehouses:manage create and change them; sellers see them', async () => {
    const { agent: admin } = await makeOperator(t, 'platform_admin');
    const res = await admin.post('/api/v1/platform/warehouses', body('FC-SH-1', { handlingDays: 0 }));
    expect(res.statusCode).toBe(201);
    const wh = res.json();
    expect(wh).toMatchObject({ kind: 'platform', code: 'FC-SH-1' });
    const row = (await t.database.raw('select seller_id from warehouses where id = $1', [wh.id])).rows[0];
    expect(row?.seller_id).toBeNull();
    const patched = await admin.patch(`/api/v1/platform/warehouses/${wh.id}`, { name: 'Shanghai North' });
    expect(patched.json()).toMatchObject({ name: 'Shanghai North' });
    const dup = await admin.post('/api/v1/platform/warehouses', body('fc-sh-1'));
    expect(dup.statusCode).toBe(409);
    const bad = await admin.post('/api/v1/platform/warehouses', body(''));
    expect(bad.statusCode).toBe(400);

    const seller = await makeSeller(t);
    const seen = await seller.owner.get('/api/v1/seller/warehouses?kind=platform');
    expect(seen.json().items.map((w: { id: string }) => w.id)).toContain(wh.id);

    const { agent: staff } = await makeOperator(t, 'warehouse');
    expect((await staff.get('/api/v1/platform/warehouses')).statusCode).toBe(200);
    expect((await staff.get(`/api/v1/platform/warehouses/${wh.id}`)).statusCode).toBe(200);
    expect((await staff.post('/api/v1/platform/warehouses', body('FC-X'))).statusCode).toBe(403);
    expect((await staff.patch(`/api/v1/platform/warehouses/${wh.id}`, { name: 'x' })).statusCode).toBe(403);
    const { agent: reviewer } = await makeOperator(t, 'reviewer');
    expect((await reviewer.get('/api/v1/platform/warehouses')).statusCode).toBe(403);
    expect((await seller.owner.get('/api/v1/platform/warehouses')).statusCode).toBe(403);
    expect((await new Agent(t.app).get('/api/v1/platform/warehouses')).statusCode).toBe(401);

    const own = await makeWarehouse(t, seller);
    expect((await admin.get(`/api/v1/platform/warehouses/${own.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/platform/warehouses/${wh.id}`)).statusCode).toBe(204);
  });
});

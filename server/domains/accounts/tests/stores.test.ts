import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeOperator, makeSeller, makeStore } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const address = {
  name: 'Returns Dept.',
  phone: '+86 571 0000 0000',
  country: 'CN',
  region: 'Zhejiang',
  city: 'Hangzhou',
  line1: '1 Wensan Road',
  postalCode: '310000',
};

const storeBody = (name: string) => ({
  name,
  description: 'Phone cases and cables',
  marketCountry: 'RU',
  currency: 'RUB',
  defaultLanguage: 'ru-RU',
  returnAddress: address,
});

const storeRow = async (id: string) =>
  (await t.database.raw('select * from stores where id = $1', [id])).rows[0] as Record<string, unknown>;

describe('POST /api/v1/seller/stores', () => {
  it('creates a store, lists it and reads it back', async () => {
    const { owner, sellerId } = await makeSeller(t);
    const res = await owner.post('/api/v1/seller/stores', storeBody('Moscow Gadgets'));
    expect(res.statusCode).toBe(201);
    const store = res.json();
    expect(store).toMatchObject({
      name: 'Moscow Gadgets',
      currency: 'RUB',
      defaultLanguage: 'ru-RU',
      status: 'active',
      returnAddress: address,
      shipFromAddress: null,
    });
    const row = await storeRow(store.id);
    expect(row).toMatchObject({ seller_id: sellerId, name: 'Moscow Gadgets', market_country: 'RU' });

    const list = await owner.get('/api/v1/seller/stores');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([store.id]);
    const one = await owner.get(`/api/v1/seller/stores/${store.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(store);
  });

  it('answers 400 with the paths of every wrong field', async () => {
    const { owner } = await makeSeller(t);
    const res = await owner.post('/api/v1/seller/stores', {
      name: '',
      marketCountry: 'russia',
      currency: 'XXX',
      defaultLanguage: 'fr-FR',
      returnAddress: { name: 'x', country: 'CN', line1: 'y' },
      extra: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.name',
        'body.marketCountry',
        'body.currency',
        'body.defaultLanguage',
        'body.returnAddress.city',
      ]),
    );
  });

  it('refuses a second store with the same name in any case, but another seller may use it', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    expect((await a.owner.post('/api/v1/seller/stores', storeBody('Panda Home'))).statusCode).toBe(201);
    const dup = await a.owner.post('/api/v1/seller/stores', storeBody('PANDA home'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'store_name_taken' });
    expect(dup.json().detail).toContain('PANDA home');
    expect(dup.json().errors[0]).toMatchObject({ path: 'body.name', code: 'store_name_taken' });
    expect((await b.owner.post('/api/v1/seller/stores', storeBody('Panda Home'))).statusCode).toBe(201);
    const { rows } = await t.database.raw('select count(*)::int as n from stores where seller_id = $1', [
      a.sellerId,
    ]);
    expect(rows[0]?.n).toBe(1);
  });

  it('replays a create sent again with the same Idempotency-Key', async () => {
    const { owner, sellerId } = await makeSeller(t);
    const headers = { 'idempotency-key': `store-${Date.now()}` };
    const first = await owner.post('/api/v1/seller/stores', storeBody('Once Only'), headers);
    const again = await owner.post('/api/v1/seller/stores', storeBody('Once Only'), headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const { rows } = await t.database.raw('select count(*)::int as n from stores where seller_id = $1', [
      sellerId,
    ]);
    expect(rows[0]?.n).toBe(1);
  });

  it('needs a session, and a seller user', async () => {
    const anonymous = await new Agent(t.app).post('/api/v1/seller/stores', storeBody('Anon'));
    expect(anonymous.statusCode).toBe(401);
    const { agent: operator } = await makeOperator(t);
    const op = await operator.post('/api/v1/seller/stores', storeBody('Op'));
    expect(op.statusCode).toBe(403);
    expect(op.json().code).toBe('not_seller_user');
  });

  it('refuses writes of a suspended seller', async () => {
    const { owner } = await makeSeller(t, { status: 'suspended' });
    const res = await owner.post('/api/v1/seller/stores', storeBody('Closed'));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('seller_suspended');
  });
});

describe('PATCH /api/v1/seller/stores/:id', () => {
  it('changes the given fields only and records the diff', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller, { name: 'Before', description: 'old' });
    const res = await seller.owner.patch(`/api/v1/seller/stores/${store.id}`, {
      name: 'After',
      description: null,
      shipFromAddress: address,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'After', description: null, currency: 'CNY' });
    expect(await storeRow(store.id)).toMatchObject({ name: 'After', description: null });
    const { rows } = await t.database.raw(
      "select changes from audit_log where entity_id = $1 and action = 'store.updated'",
      [store.id],
    );
    expect(rows[0]?.changes).toMatchObject({
      name: { from: 'Before', to: 'After' },
      description: { from: 'old', to: null },
    });
  });

  it('refuses a name another store of the seller has', async () => {
    const seller = await makeSeller(t);
    await makeStore(t, seller, { name: 'First' });
    const second = await makeStore(t, seller, { name: 'Second' });
    const res = await seller.owner.patch(`/api/v1/seller/stores/${second.id}`, { name: 'first' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('store_name_taken');
    expect((await storeRow(second.id)).name).toBe('Second');
  });

  it('answers 400 for a bad id or field', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const badId = await seller.owner.patch('/api/v1/seller/stores/not-a-uuid', { name: 'x' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors[0].path).toBe('params.id');
    const badField = await seller.owner.patch(`/api/v1/seller/stores/${store.id}`, { currency: 'ZZZ' });
    expect(badField.statusCode).toBe(400);
    expect(badField.json().errors[0].path).toBe('body.currency');
  });

  it("answers 404 for another seller's store and leaves it unchanged", async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const store = await makeStore(t, a, { name: 'Mine' });
    expect((await b.owner.get(`/api/v1/seller/stores/${store.id}`)).statusCode).toBe(404);
    const patch = await b.owner.patch(`/api/v1/seller/stores/${store.id}`, { name: 'Stolen' });
    expect(patch.statusCode).toBe(404);
    expect(patch.json()).toMatchObject({ code: 'not_found' });
    expect((await b.owner.post(`/api/v1/seller/stores/${store.id}/archive`)).statusCode).toBe(404);
    expect(await storeRow(store.id)).toMatchObject({ name: 'Mine', status: 'active' });
    expect((await b.owner.get('/api/v1/seller/stores')).json().items).toEqual([]);
  });

  it('needs a session', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const res = await new Agent(t.app).patch(`/api/v1/seller/stores/${store.id}`, { name: 'x' });
    expect(res.statusCode).toBe(401);
  });
});

describe('archive and restore', () => {
  it('moves active → archived → active and refuses a repeated step', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const archived = await seller.owner.post(`/api/v1/seller/stores/${store.id}/archive`);
    expect(archived.statusCode).toBe(200);
    expect(archived.json().status).toBe('archived');
    expect((await storeRow(store.id)).status).toBe('archived');
    const again = await seller.owner.post(`/api/v1/seller/stores/${store.id}/archive`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition' });
    const active = await seller.owner.get('/api/v1/seller/stores?status=active');
    expect(active.json().items).toEqual([]);
    const restored = await seller.owner.post(`/api/v1/seller/stores/${store.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect((await storeRow(store.id)).status).toBe('active');
  });

  it("answers 404 for another seller's store, 400 for a bad id, 401 without a session", async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const store = await makeStore(t, a);
    await a.owner.post(`/api/v1/seller/stores/${store.id}/archive`);
    expect((await b.owner.post(`/api/v1/seller/stores/${store.id}/restore`)).statusCode).toBe(404);
    expect((await storeRow(store.id)).status).toBe('archived');
    const bad = await a.owner.post('/api/v1/seller/stores/nope/restore');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('params.id');
    expect((await new Agent(t.app).post(`/api/v1/seller/stores/${store.id}/restore`)).statusCode).toBe(401);
  });
});

describe('members limited to some stores', () => {
  it('see only their stores; others answer 404', async () => {
    const seller = await makeSeller(t);
    const mine = await makeStore(t, seller, { name: 'Mine' });
    const other = await makeStore(t, seller, { name: 'Other' });
    const member = (await makeMember(t, seller, { role: 'admin', storeIds: [mine.id] })).agent;
    const list = await member.get('/api/v1/seller/stores');
    expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([mine.id]);
    expect((await member.get(`/api/v1/seller/stores/${other.id}`)).statusCode).toBe(404);
    expect((await member.patch(`/api/v1/seller/stores/${other.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await member.post(`/api/v1/seller/stores/${other.id}/archive`)).statusCode).toBe(404);
    expect((await member.patch(`/api/v1/seller/stores/${mine.id}`, { name: 'Renamed' })).statusCode).toBe(
      200,
    );
    expect((await storeRow(other.id)).name).toBe('Other');
  });

  it('cannot create a store they would not be able to see', async () => {
    const seller = await makeSeller(t);
    const mine = await makeStore(t, seller, { name: 'Only mine' });
    const member = (await makeMember(t, seller, { role: 'admin', storeIds: [mine.id] })).agent;
    const res = await member.post('/api/v1/seller/stores', {
      name: 'Sneaky',
      marketCountry: 'CN',
      currency: 'CNY',
      defaultLanguage: 'zh-CN',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('store_not_allowed');
  });

  it('a member without stores:manage gets 403', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const analyst = (await makeMember(t, seller, { role: 'analyst' })).agent;
    expect((await analyst.get('/api/v1/seller/stores')).statusCode).toBe(200);
    const res = await analyst.post(`/api/v1/seller/stores/${store.id}/archive`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('permission_denied');
  });
});

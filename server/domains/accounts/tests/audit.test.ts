import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeOperator, makeSeller } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const newStore = (name: string) => ({
  name,
  marketCountry: 'KZ',
  currency: 'KZT',
  defaultLanguage: 'ru-RU',
});

interface Entry {
  id: string;
  action: string;
  entityId: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}

describe('GET /api/v1/seller/audit-log', () => {
  it('lists the store creation with its field diff; another seller cannot see it', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const store = (await a.owner.post('/api/v1/seller/stores', newStore('Almaty Shop'))).json();

    const res = await a.owner.get('/api/v1/seller/audit-log?entityType=store');
    expect(res.statusCode).toBe(200);
    const [entry] = res.json().items as Entry[];
    expect(entry).toMatchObject({
      action: 'store.created',
      entityType: 'store',
      entityId: store.id,
      actorKind: 'user',
      actorLabel: a.ownerEmail,
    });
    expect(entry?.changes).toMatchObject({
      name: { from: null, to: 'Almaty Shop' },
      currency: { from: null, to: 'KZT' },
      status: { from: null, to: 'active' },
    });
    expect(res.json().items[0].ip).toBe(a.owner.ip);

    const other = await b.owner.get(`/api/v1/seller/audit-log?entityId=${store.id}`);
    expect(other.statusCode).toBe(200);
    expect(other.json().items).toEqual([]);
    const all = (await b.owner.get('/api/v1/seller/audit-log?limit=200')).json().items as Entry[];
    expect(all.some((e) => e.entityId === store.id)).toBe(false);
  });

  it('filters by action, actor and time and pages with a cursor', async () => {
    const seller = await makeSeller(t);
    for (const name of ['One', 'Two', 'Three'])
      await seller.owner.post('/api/v1/seller/stores', newStore(`Paged ${name}`));
    const base = `/api/v1/seller/audit-log?action=store.created&actorId=${seller.ownerId}&limit=2`;
    const page1 = await seller.owner.get(base);
    expect(page1.json().items).toHaveLength(2);
    const page2 = await seller.owner.get(`${base}&cursor=${page1.json().nextCursor}`);
    expect(page2.json().items).toHaveLength(1);
    expect(page2.json().nextCursor).toBeNull();
    const names = [...page1.json().items, ...page2.json().items].map((e: Entry) => e.changes.name?.to);
    expect(names).toEqual(['Paged Three', 'Paged Two', 'Paged One']);

    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = await seller.owner.get(`/api/v1/seller/audit-log?from=${encodeURIComponent(future)}`);
    expect(none.json().items).toEqual([]);
    const past = await seller.owner.get(`/api/v1/seller/audit-log?to=${encodeURIComponent(future)}&limit=1`);
    expect(past.json().items).toHaveLength(1);
  });

  it('shows operator decisions as "platform"', async () => {
    const seller = await makeSeller(t, { status: 'pending_review' });
    const { agent } = await makeOperator(t, 'reviewer');
    await agent.post(`/api/v1/platform/sellers/${seller.sellerId}/approve`);
    const res = await seller.owner.get('/api/v1/seller/audit-log?action=seller.status.active');
    expect(res.json().items[0]).toMatchObject({
      actorKind: 'operator',
      actorLabel: 'platform',
      actorId: null,
      ip: null,
      changes: { status: { from: 'pending_review', to: 'active' } },
    });
  });

  it('answers 400 for bad filters, 401 without a session, 403 for operators', async () => {
    const { owner } = await makeSeller(t);
    const bad = await owner.get('/api/v1/seller/audit-log?actorId=nobody&from=yesterday');
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['querystring.actorId', 'querystring.from']));
    expect((await owner.get('/api/v1/seller/audit-log?cursor=abc')).statusCode).toBe(400);
    expect((await new Agent(t.app).get('/api/v1/seller/audit-log')).statusCode).toBe(401);
    const { agent } = await makeOperator(t);
    expect((await agent.get('/api/v1/seller/audit-log')).statusCode).toBe(403);
  });

  it('a member without audit:read gets 403', async () => {
    const seller = await makeSeller(t);
    const member = (await makeMember(t, seller, { role: 'catalog_manager' })).agent;
    const res = await member.get('/api/v1/seller/audit-log');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('permission_denied');
  });
});

describe('GET /api/v1/platform/audit-log', () => {
  it("shows every seller's rows, filtered by seller", async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const store = (await a.owner.post('/api/v1/seller/stores', newStore('Platform View'))).json();
    await b.owner.post('/api/v1/seller/stores', newStore('Other Seller'));
    const { agent } = await makeOperator(t, 'reviewer');
    const res = await agent.get(`/api/v1/platform/audit-log?sellerId=${a.sellerId}&entityType=store`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({
      sellerId: a.sellerId,
      entityId: store.id,
      actorLabel: a.ownerEmail,
    });
    const both = await agent.get('/api/v1/platform/audit-log?action=store.created&limit=200');
    const sellers = new Set(both.json().items.map((e: { sellerId: string }) => e.sellerId));
    expect(sellers.has(a.sellerId) && sellers.has(b.sellerId)).toBe(true);
  });

  it('answers 400, 401 and 403 for the wrong calls', async () => {
    const { agent: support } = await makeOperator(t, 'support');
    const denied = await support.get('/api/v1/platform/audit-log');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('permission_denied');
    const { agent } = await makeOperator(t, 'reviewer');
    const bad = await agent.get('/api/v1/platform/audit-log?sellerId=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.sellerId');
    expect((await new Agent(t.app).get('/api/v1/platform/audit-log')).statusCode).toBe(401);
    const { owner } = await makeSeller(t);
    expect((await owner.get('/api/v1/platform/audit-log')).statusCode).toBe(403);
  });
});

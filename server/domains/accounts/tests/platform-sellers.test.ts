import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeOperator, makeSeller, makeStore } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const sellerRow = async (id: string) =>
  (await t.database.raw('select * from sellers where id = $1', [id])).rows[0] as Record<string, unknown>;
const tag = () => randomBytes(4).toString('hex');

describe('GET /api/v1/platform/sellers', () => {
  it('filters by status and searches names and emails, newest first, page by page', async () => {
    const word = `Zeta${tag()}`;
    const first = await makeSeller(t, { status: 'pending_review', legalName: `${word} One LLC` });
    const second = await makeSeller(t, { status: 'pending_review', legalName: `${word} Two LLC` });
    await makeSeller(t, { status: 'active', legalName: `${word} Active LLC` });
    const { agent } = await makeOperator(t, 'support');

    const pending = await agent.get(`/api/v1/platform/sellers?status=pending_review&q=${word.toLowerCase()}`);
    expect(pending.statusCode).toBe(200);
    expect(pending.json().items.map((s: { id: string }) => s.id)).toEqual([second.sellerId, first.sellerId]);

    const page1 = await agent.get(`/api/v1/platform/sellers?q=${word}&limit=2`);
    expect(page1.json().items).toHaveLength(2);
    expect(page1.json().nextCursor).toBeTruthy();
    const page2 = await agent.get(
      `/api/v1/platform/sellers?q=${word}&limit=2&cursor=${page1.json().nextCursor}`,
    );
    expect(page2.json().items.map((s: { id: string }) => s.id)).toEqual([first.sellerId]);
    expect(page2.json().nextCursor).toBeNull();

    const byEmail = await agent.get(`/api/v1/platform/sellers?q=${encodeURIComponent(first.ownerEmail)}`);
    expect(byEmail.json().items.map((s: { id: string }) => s.id)).toEqual([first.sellerId]);
    const wildcard = await agent.get(`/api/v1/platform/sellers?q=${encodeURIComponent('%')}&status=rejected`);
    expect(wildcard.statusCode).toBe(200);
    expect(wildcard.json().items).toEqual([]);
    await first.owner.post('/api/v1/seller/company/legal-change', { fields: { taxId: 'T-1' } });
    const legal = await agent.get(`/api/v1/platform/sellers?q=${word}&legalChangePending=true`);
    expect(legal.json().items.map((s: { id: string }) => s.id)).toEqual([first.sellerId]);
    expect(legal.json().items[0].pendingLegalChange.fields).toEqual({ taxId: 'T-1' });
  });

  it('answers 400 for a bad filter or cursor, 401 and 403 for the wrong callers', async () => {
    const { agent } = await makeOperator(t, 'support');
    const bad = await agent.get('/api/v1/platform/sellers?status=sleeping&limit=0');
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['querystring.status', 'querystring.limit']));
    expect((await agent.get('/api/v1/platform/sellers?cursor=garbage')).statusCode).toBe(400);
    expect((await new Agent(t.app).get('/api/v1/platform/sellers')).statusCode).toBe(401);
    const { owner } = await makeSeller(t);
    const seller = await owner.get('/api/v1/platform/sellers');
    expect(seller.statusCode).toBe(403);
    expect(seller.json().code).toBe('not_operator');
  });
});

describe('GET /api/v1/platform/sellers/:id', () => {
  it('shows the seller with its history, team size and stores', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller, { name: 'Detail Store', currency: 'USD' });
    const { agent } = await makeOperator(t, 'support');
    const res = await agent.get(`/api/v1/platform/sellers/${seller.sellerId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ id: seller.sellerId, status: 'active', memberCount: 1 });
    expect(body.stores).toEqual([{ id: store.id, name: 'Detail Store', currency: 'USD', status: 'active' }]);
    expect(body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['active', 'pending_review']);
    expect(body.history[1].fromStatus).toBeNull();
  });

  it('answers 404 for an unknown seller and 400 for a bad id', async () => {
    const { agent } = await makeOperator(t, 'support');
    const missing = await agent.get('/api/v1/platform/sellers/00000000-0000-7000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const bad = await agent.get('/api/v1/platform/sellers/123');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('params.id');
  });
});

describe('review decisions', () => {
  it('approves a pending seller once; events and history follow', async () => {
    const seller = await makeSeller(t, { status: 'pending_review' });
    const { agent, email } = await makeOperator(t, 'reviewer');
    const res = await agent.post(`/api/v1/platform/sellers/${seller.sellerId}/approve`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('active');
    expect((await sellerRow(seller.sellerId)).status).toBe('active');
    const detail = (await agent.get(`/api/v1/platform/sellers/${seller.sellerId}`)).json();
    expect(detail.history[0]).toMatchObject({
      fromStatus: 'pending_review',
      toStatus: 'active',
      actorLabel: email,
    });
    const { rows } = await t.database.raw(
      "select payload from outbox_events where seller_id = $1 and type = 'seller.approved'",
      [seller.sellerId],
    );
    expect(rows).toHaveLength(1);

    const again = await agent.post(`/api/v1/platform/sellers/${seller.sellerId}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition' });
  });

  it('rejects with a required reason', async () => {
    const seller = await makeSeller(t, { status: 'pending_review' });
    const { agent } = await makeOperator(t, 'reviewer');
    const url = `/api/v1/platform/sellers/${seller.sellerId}/reject`;
    const none = await agent.post(url, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0].path).toBe('body.reason');
    const tooLong = await agent.post(url, { reason: 'x'.repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
    expect((await sellerRow(seller.sellerId)).status).toBe('pending_review');
    const res = await agent.post(url, { reason: 'Business licence is unreadable.' });
    expect(res.statusCode).toBe(200);
    expect(await sellerRow(seller.sellerId)).toMatchObject({
      status: 'rejected',
      status_reason: 'Business licence is unreadable.',
    });
    const { rows } = await t.database.raw(
      "select payload from outbox_events where seller_id = $1 and type = 'seller.rejected'",
      [seller.sellerId],
    );
    expect(rows[0]?.payload).toMatchObject({ reason: 'Business licence is unreadable.' });
  });

  it('suspends an active seller and reinstates it; wrong states answer 409', async () => {
    const seller = await makeSeller(t);
    const pending = await makeSeller(t, { status: 'pending_review' });
    const { agent } = await makeOperator(t, 'platform_admin');
    const base = `/api/v1/platform/sellers/${seller.sellerId}`;
    expect((await agent.post(`${base}/reinstate`)).statusCode).toBe(409);
    const suspend = await agent.post(`${base}/suspend`, { reason: 'Counterfeit goods.' });
    expect(suspend.statusCode).toBe(200);
    expect(await sellerRow(seller.sellerId)).toMatchObject({ status: 'suspended' });
    expect((await agent.post(`${base}/approve`)).statusCode).toBe(409);
    const reinstate = await agent.post(`${base}/reinstate`);
    expect(reinstate.statusCode).toBe(200);
    expect(reinstate.json()).toMatchObject({ status: 'active', statusReason: null });
    const wrong = await agent.post(`/api/v1/platform/sellers/${pending.sellerId}/suspend`, { reason: 'x' });
    expect(wrong.statusCode).toBe(409);
    expect((await sellerRow(pending.sellerId)).status).toBe('pending_review');
  });

  it('a support operator gets 403; a seller and no session cannot decide', async () => {
    const seller = await makeSeller(t, { status: 'pending_review' });
    const url = `/api/v1/platform/sellers/${seller.sellerId}/approve`;
    const { agent: support } = await makeOperator(t, 'support');
    const res = await support.post(url);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('permission_denied');
    expect((await seller.owner.post(url)).statusCode).toBe(403);
    expect((await new Agent(t.app).post(url)).statusCode).toBe(401);
    expect((await sellerRow(seller.sellerId)).status).toBe('pending_review');
  });

  it('answers 404 for an unknown seller and 409 when no legal change is pending', async () => {
    const { agent } = await makeOperator(t, 'reviewer');
    const missing = await agent.post('/api/v1/platform/sellers/00000000-0000-7000-8000-000000000000/approve');
    expect(missing.statusCode).toBe(404);
    const seller = await makeSeller(t);
    const none = await agent.post(`/api/v1/platform/sellers/${seller.sellerId}/legal-change/approve`);
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('no_legal_change');
  });
});

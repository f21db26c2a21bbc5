import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { newId } from '../../../platform/db/ids';
import type { DomainEvent } from '../../../platform/events/outbox';
import { makeOperator, makeSeller } from '../../accounts/factories';
import { handleNotificationEvent } from '..';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Item {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
}

async function poll<T>(fn: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const itemsOf = async (agent: Agent, query = '') =>
  (await agent.get(`/api/v1/me/notifications${query}`)).json().items as Item[];

const waitForItem = (agent: Agent, type: string) =>
  poll(async () => (await itemsOf(agent, '?unread=true')).find((i) => i.type === type));

/** Delivers an event straight to the consumer, as the job queue would. */
const deliver = (event: DomainEvent) => handleNotificationEvent(event, { database: t.database });

const twoFactorEvent = (userId: string, state: 'on' | 'off' = 'on'): DomainEvent => ({
  id: newId(),
  type: 'security.2fa_changed',
  sellerId: null,
  payload: { userId, state },
  createdAt: new Date().toISOString(),
});

const mailsQueuedTo = async (email: string) =>
  (
    (await t.database.raw(
      "select payload from outbox_events where type = 'mail.requested' and payload->>'to' = $1 and payload->>'template' = 'notification'",
      [email],
    )) as { rows: unknown[] }
  ).rows.length;

describe('notifications from seller review', () => {
  it('tells the owner in the app and by email when the seller is approved, and operators about the sign-up', async () => {
    const { agent: reviewer } = await makeOperator(t, 'reviewer');
    const { sellerId, owner, ownerEmail } = await makeSeller(t, { status: 'pending_review' });

    const submitted = await poll(async () =>
      (await itemsOf(reviewer)).find((i) => i.type === 'seller.submitted' && i.link?.endsWith(sellerId)),
    );
    expect(submitted.link).toBe(`/platform/sellers/${sellerId}`);
    expect(submitted.title).toBe('A seller is waiting for review');

    expect((await reviewer.post(`/api/v1/platform/sellers/${sellerId}/approve`)).statusCode).toBe(200);
    const approved = await waitForItem(owner, 'seller.approved');
    expect(approved).toMatchObject({
      title: 'Your seller account is approved',
      link: '/company',
      readAt: null,
    });
    expect(approved.body).toMatch(/can now sell/);

    const mail = await t.smtp.waitFor(ownerEmail, { subject: /approved/, timeoutMs: 10_000 });
    expect(mail.subject).toBe('Seller Center: Your seller account is approved');
    expect(mail.text).toContain('http://localhost:3000/company');
    expect((await owner.get('/api/v1/me/notifications/unread-count')).json()).toEqual({ count: 1 });
  });

  it('keeps the in-app notification but sends no email when email is turned off', async () => {
    const { agent: reviewer } = await makeOperator(t, 'reviewer');
    const { sellerId, owner, ownerEmail } = await makeSeller(t, { status: 'pending_review' });
    const put = await owner.put('/api/v1/me/notification-preferences', {
      items: [{ type: 'seller.approved', inApp: true, email: false }],
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().items).toContainEqual({ type: 'seller.approved', inApp: true, email: false });

    expect((await reviewer.post(`/api/v1/platform/sellers/${sellerId}/approve`)).statusCode).toBe(200);
    await waitForItem(owner, 'seller.approved');
    // The email would have been queued in the same transaction as the notification.
    expect(await mailsQueuedTo(ownerEmail)).toBe(0);
  });

  it('renders in the reader’s language', async () => {
    const { owner, ownerId } = await makeSeller(t, { status: 'pending_review' });
    await owner.patch('/api/auth/me', { locale: 'zh-CN' });
    await deliver(twoFactorEvent(ownerId, 'on'));
    const [item] = await itemsOf(owner);
    expect(item).toMatchObject({ title: '两步验证已变更', body: '两步验证现在为开启。' });
    owner.locale = 'zh-CN';
    await owner.patch('/api/auth/me', { locale: 'ru-RU' });
    const [again] = await itemsOf(owner);
    expect(again?.body).toBe('Двухфакторная аутентификация теперь включена.');
  });
});

describe('reading notifications', () => {
  it('marks one read, counts unread, filters, and marks all read', async () => {
    const { owner, ownerId } = await makeSeller(t, { status: 'pending_review' });
    for (let i = 0; i < 3; i++) await deliver(twoFactorEvent(ownerId, i % 2 ? 'off' : 'on'));
    expect((await owner.get('/api/v1/me/notifications/unread-count')).json()).toEqual({ count: 3 });

    const first = await owner.get('/api/v1/me/notifications?limit=2');
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toHaveLength(2);
    const rest = (
      await owner.get(`/api/v1/me/notifications?limit=2&cursor=${first.json().nextCursor}`)
    ).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();

    const target = first.json().items[0] as Item;
    const read = await owner.post(`/api/v1/me/notifications/${target.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ id: target.id, readAt: expect.any(String) });
    const again = await owner.post(`/api/v1/me/notifications/${target.id}/read`);
    expect(again.json().readAt).toBe(read.json().readAt);
    expect((await owner.get('/api/v1/me/notifications/unread-count')).json()).toEqual({ count: 2 });
    expect((await itemsOf(owner, '?unread=true')).map((i) => i.id)).not.toContain(target.id);
    expect((await itemsOf(owner, '?unread=false')).map((i) => i.id)).toEqual([target.id]);

    const all = await owner.post('/api/v1/me/notifications/read-all');
    expect(all.json()).toEqual({ updated: 2 });
    expect((await owner.get('/api/v1/me/notifications/unread-count')).json()).toEqual({ count: 0 });
  });

  it("answers 404 for another user's notification and leaves it unread", async () => {
    const victim = await makeSeller(t, { status: 'pending_review' });
    const other = await makeSeller(t, { status: 'pending_review' });
    await deliver(twoFactorEvent(victim.ownerId));
    const [item] = await itemsOf(victim.owner);
    const res = await other.owner.post(`/api/v1/me/notifications/${item?.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    expect((await other.owner.post('/api/v1/me/notifications/read-all')).json()).toEqual({ updated: 0 });
    expect((await itemsOf(victim.owner))[0]?.readAt).toBeNull();
    expect(await itemsOf(other.owner)).toEqual([]);
  });

  it('rejects bad input and anonymous callers', async () => {
    const { owner } = await makeSeller(t, { status: 'pending_review' });
    const bad = await owner.post('/api/v1/me/notifications/nope/read');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('params.id');
    const badFilter = await owner.get('/api/v1/me/notifications?unread=maybe');
    expect(badFilter.statusCode).toBe(400);
    expect(badFilter.json().errors[0].path).toBe('querystring.unread');
    const anonymous = new Agent(t.app);
    expect((await anonymous.get('/api/v1/me/notifications')).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/me/notifications/unread-count')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/me/notifications/read-all')).statusCode).toBe(401);
    expect((await anonymous.get('/api/v1/me/notification-preferences')).statusCode).toBe(401);
  });
});

describe('delivery', () => {
  it('creates one notification and one email when the same event is delivered twice', async () => {
    const { owner, ownerId, ownerEmail } = await makeSeller(t, { status: 'pending_review' });
    const event = twoFactorEvent(ownerId);
    await deliver(event);
    await deliver(event);
    expect(await itemsOf(owner)).toHaveLength(1);
    expect(await mailsQueuedTo(ownerEmail)).toBe(1);
  });

  it('tells the owners and admins of a seller that a member joined, not the member', async () => {
    const { sellerId, owner, ownerEmail } = await makeSeller(t, { status: 'pending_review' });
    await deliver({
      id: newId(),
      type: 'member.joined',
      sellerId,
      payload: { sellerId, email: ownerEmail.toUpperCase(), memberId: newId() },
      createdAt: new Date().toISOString(),
    });
    expect(await itemsOf(owner)).toEqual([]);
    await deliver({
      id: newId(),
      type: 'member.joined',
      sellerId,
      payload: { sellerId, email: 'new.member@test.local', memberId: newId() },
      createdAt: new Date().toISOString(),
    });
    const [item] = await itemsOf(owner);
    expect(item).toMatchObject({
      type: 'member.joined',
      body: 'new.member@test.local accepted the invitation.',
    });
  });
});

describe('notification preferences', () => {
  it('lists every type with defaults and saves changes', async () => {
    const { owner } = await makeSeller(t, { status: 'pending_review' });
    const res = await owner.get('/api/v1/me/notification-preferences');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { type: string; inApp: boolean; email: boolean }[];
    expect(items).toContainEqual({ type: 'seller.approved', inApp: true, email: true });
    expect(items).toContainEqual({ type: 'security.2fa_changed', inApp: true, email: true });
    expect(items).toContainEqual({ type: 'member.joined', inApp: true, email: false });

    await owner.put('/api/v1/me/notification-preferences', {
      items: [{ type: 'member.joined', inApp: false, email: true }],
    });
    const saved = await owner.put('/api/v1/me/notification-preferences', {
      items: [{ type: 'seller.suspended', inApp: true, email: false }],
    });
    expect(saved.json().items).toContainEqual({ type: 'member.joined', inApp: false, email: true });
    expect(saved.json().items).toContainEqual({ type: 'seller.suspended', inApp: true, email: false });
    expect(saved.json().items).toHaveLength(items.length);
  });

  it('rejects an unknown type', async () => {
    const { owner } = await makeSeller(t, { status: 'pending_review' });
    const res = await owner.put('/api/v1/me/notification-preferences', {
      items: [{ type: 'order.paid', inApp: true, email: true }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.items.0.type');
    const unchanged = (await owner.get('/api/v1/me/notification-preferences')).json().items;
    expect(unchanged.map((i: { type: string }) => i.type)).not.toContain('order.paid');
  });
});

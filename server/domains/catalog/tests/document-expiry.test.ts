import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { backgroundBase, withPlatform } from '../../../platform/db/tenant';
import { makeSeller, type TestSeller } from '../../accounts/factories';
import { type MadeCategory, makeCategory } from '../../platform/factories';
import { dueReminder, runDocumentExpiry } from '../service/compliance';
import { suspendProducts } from '../service/lifecycle';
import { product, productState } from './factories';

let t: TestApp;
let cosmetics: MadeCategory;
let plain: MadeCategory;
let typeId: string;
beforeAll(async () => {
  t = await createTestApp();
  cosmetics = await makeCategory(t, {
    documentTypes: [
      {
        key: 'cosmetics_certificate',
        names: {
          'en-US': 'Cosmetics safety certificate',
          'zh-CN': '化妆品安全证书',
          'ru-RU': 'Сертификат безопасности',
        },
        numberPattern: 'COS-[0-9]{4}-[0-9]{6}',
        numberExample: 'COS-2024-123456',
      },
    ],
  });
  typeId = (cosmetics.documentTypes.cosmetics_certificate as { id: string }).id;
  plain = await makeCategory(t);
});
afterAll(async () => {
  await t.close();
});

const DAY = 86_400_000;
const day = (offset: number, from = new Date()) =>
  new Date(from.getTime() + offset * DAY).toISOString().slice(0, 10);
const shift = (iso: string, offset: number) => day(offset, new Date(`${iso}T00:00:00Z`));
let serial = 500000;

async function createDoc(seller: TestSeller, expiresOn: string) {
  const res = await seller.owner.post('/api/v1/seller/documents', {
    documentTypeId: typeId,
    number: `COS-2025-${++serial}`,
    issuer: 'SGS',
    expiresOn,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; expiresOn: string };
}

const eventsOf = async (type: string, documentId: string) =>
  (
    await t.database.raw(
      `select payload from outbox_events where type = $1 and payload->>'documentId' = $2 order by created_at, id`,
      [type, documentId],
    )
  ).rows.map((r) => (r as { payload: Record<string, unknown> }).payload);

async function poll<T>(fn: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const notification = (agent: Agent, type: string, match: RegExp) =>
  poll(async () =>
    (
      (await agent.get('/api/v1/me/notifications')).json().items as {
        type: string;
        title: string;
        body: string;
      }[]
    ).find((n) => n.type === type && match.test(n.body)),
  );

describe('advance reminders', () => {
  it('knows which reminder is due', () => {
    expect(dueReminder(31, null)).toBeNull();
    expect(dueReminder(30, null)).toBe(30);
    expect(dueReminder(29, 30)).toBeNull();
    expect(dueReminder(7, 30)).toBe(7);
    expect(dueReminder(5, null)).toBe(7);
    expect(dueReminder(1, 7)).toBe(1);
    expect(dueReminder(0, 7)).toBe(1);
    expect(dueReminder(0, 1)).toBeNull();
    expect(dueReminder(-1, null)).toBeNull();
  });

  it('reminds 30, 7 and 1 days before expiry, each exactly once, and tells the seller in-app and by mail', async () => {
    const seller = await makeSeller(t);
    const expiresOn = day(60);
    const doc = await createDoc(seller, expiresOn);
    await product(t, seller, { categoryId: cosmetics.id, documentIds: [doc.id], approve: true });
    const run = (offset: number) => runDocumentExpiry(t.database, shift(expiresOn, offset));
    const days = async () => (await eventsOf('document.expiring', doc.id)).map((p) => p.days);

    await run(-31);
    expect(await days()).toEqual([]);
    await run(-30);
    expect(await days()).toEqual([30]);
    await run(-30);
    await run(-29);
    await run(-8);
    expect(await days()).toEqual([30]);
    await run(-7);
    await run(-7);
    await run(-2);
    expect(await days()).toEqual([30, 7]);
    await run(-1);
    await run(-1);
    await run(0);
    expect(await days()).toEqual([30, 7, 1]);

    const [first] = await eventsOf('document.expiring', doc.id);
    expect(first).toEqual({
      sellerId: seller.sellerId,
      documentId: doc.id,
      documentType: '化妆品安全证书',
      documentNumber: doc.number,
      expiresOn,
      days: 30,
      products: 1,
    });
    const item = await notification(seller.owner, 'document.expiring', new RegExp(doc.number));
    expect(item.title).toMatch(/expires in (30|7|1) days/);
    const mail = await t.smtp.waitFor(seller.ownerEmail, { subject: /expires in/, timeoutMs: 10_000 });
    expect(mail.text).toContain(doc.number);
  });

  it('sends only the nearest reminder for a document registered late, and starts over after a new expiry date', async () => {
    const seller = await makeSeller(t);
    const expiresOn = day(5);
    const doc = await createDoc(seller, expiresOn);
    const today = day(0);
    await runDocumentExpiry(t.database, today);
    await runDocumentExpiry(t.database, today);
    expect((await eventsOf('document.expiring', doc.id)).map((p) => p.days)).toEqual([5]);
    const renewed = await seller.owner.patch(`/api/v1/seller/documents/${doc.id}`, { expiresOn: day(400) });
    expect(renewed.statusCode).toBe(200);
    await runDocumentExpiry(t.database, shift(day(400), -30));
    expect((await eventsOf('document.expiring', doc.id)).map((p) => p.days)).toEqual([5, 30]);
  });
});

describe('expiry', () => {
  it('expires the document and suspends only the listings that relied on it; linking a valid one lifts it', async () => {
    const seller = await makeSeller(t);
    const expiresOn = day(20);
    const expiring = await createDoc(seller, expiresOn);
    const spare = await createDoc(seller, day(300));
    const relied = await product(t, seller, {
      categoryId: cosmetics.id,
      documentIds: [expiring.id],
      approve: true,
    });
    const covered = await product(t, seller, {
      categoryId: cosmetics.id,
      documentIds: [expiring.id, spare.id],
      approve: true,
    });
    const notRequired = await product(t, seller, {
      categoryId: plain.id,
      documentIds: [expiring.id],
      approve: true,
    });
    const draft = await product(t, seller, { categoryId: cosmetics.id, documentIds: [expiring.id] });
    expect((await productState(t, relied.id)).sale_state).toBe('active');

    await runDocumentExpiry(t.database, expiresOn);
    expect(
      (await t.database.raw('select status from compliance_documents where id = $1', [expiring.id])).rows[0],
    ).toEqual({
      status: 'valid',
    });

    const run = await runDocumentExpiry(t.database, shift(expiresOn, 1));
    expect(run.failed).toBe(0);
    const docRow = (
      await t.database.raw('select status from compliance_documents where id = $1', [expiring.id])
    ).rows[0];
    expect(docRow).toEqual({ status: 'expired' });
    expect((await productState(t, relied.id)).sale_state).toBe('suspended');
    expect((await productState(t, covered.id)).sale_state).toBe('active');
    expect((await productState(t, notRequired.id)).sale_state).toBe('active');
    expect((await productState(t, draft.id)).sale_state).toBe('unlisted');

    const expired = await eventsOf('document.expired', expiring.id);
    expect(expired).toEqual([
      {
        sellerId: seller.sellerId,
        documentId: expiring.id,
        documentType: '化妆品安全证书',
        documentNumber: expiring.number,
        expiresOn,
        days: 0,
        products: 1,
        productIds: [relied.id],
      },
    ]);
    const history = (
      await t.database.raw(
        `select from_state, to_state, reason, actor_kind from product_history where product_id = $1 and field = 'sale_state' order by created_at desc, id desc limit 1`,
        [relied.id],
      )
    ).rows[0];
    expect(history).toEqual({
      from_state: 'active',
      to_state: 'suspended',
      reason: '必需的合规文件已过期',
      actor_kind: 'system',
    });
    await notification(seller.owner, 'document.expired', new RegExp(expiring.number));
    await notification(seller.owner, 'listing.suspended', /必需的合规文件已过期/);

    // Running again the same day changes nothing.
    await runDocumentExpiry(t.database, shift(expiresOn, 1));
    expect(await eventsOf('document.expired', expiring.id)).toHaveLength(1);

    // The seller links a new, valid certificate: the listing returns to sale.
    const renewal = await createDoc(seller, day(365));
    const linked = await seller.owner.put(`/api/v1/seller/products/${relied.id}/documents`, {
      documentIds: [expiring.id, renewal.id],
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await productState(t, relied.id)).sale_state).toBe('active');
    // The expired document stays expired; the list shows it with its linked products.
    const list = (await seller.owner.get('/api/v1/seller/documents?status=expired')).json().items;
    expect(list).toMatchObject([{ id: expiring.id, status: 'expired', linkedProducts: 4 }]);
  });

  it('a new expiry date on an expired document brings it and its listings back; an operator suspension stays', async () => {
    const seller = await makeSeller(t);
    const expiresOn = day(10);
    const doc = await createDoc(seller, expiresOn);
    const listing = await product(t, seller, {
      categoryId: cosmetics.id,
      documentIds: [doc.id],
      approve: true,
    });
    const policed = await product(t, seller, {
      categoryId: cosmetics.id,
      documentIds: [doc.id],
      approve: true,
    });
    await withPlatform(t.database, backgroundBase(), (ctx) =>
      suspendProducts(ctx, [policed.id], 'Counterfeit goods'),
    );

    await runDocumentExpiry(t.database, shift(expiresOn, 1));
    expect((await productState(t, listing.id)).sale_state).toBe('suspended');

    const res = await seller.owner.patch(`/api/v1/seller/documents/${doc.id}`, { expiresOn: day(500) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'valid', expiresOn: day(500) });
    expect((await productState(t, listing.id)).sale_state).toBe('active');
    expect((await productState(t, policed.id)).sale_state).toBe('suspended');
  });
});

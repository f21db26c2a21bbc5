// Listing lifecycle: submission, the operators' review, revisions, sale states and suspension.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeOperator, makeSeller, makeStore } from '../../accounts/factories';
import { type CategoryTree, makeCategoryTree, platformAdmin } from '../../platform/factories';
import { makeProduct } from '../factories';

let t: TestApp;
let tree: CategoryTree;
let reviewer: Agent;
const reasons = { blurry: '', wrongCategory: '' };
beforeAll(async () => {
  t = await createTestApp();
  tree = await makeCategoryTree(t);
  reviewer = (await makeOperator(t, 'reviewer')).agent;
  const admin = await platformAdmin(t);
  for (const [name, en, zh, ru] of [
    ['blurry', 'Blurry main image', '主图模糊', 'Размытое главное фото'],
    ['wrongCategory', 'Wrong category', '类目错误', 'Неверная категория'],
  ] as const) {
    const key = `${name.toLowerCase()}_${Date.now().toString(36)}`;
    const res = await admin.post('/api/v1/platform/rejection-reasons', {
      key,
      names: { 'en-US': en, 'zh-CN': zh, 'ru-RU': ru },
    });
    expect(res.statusCode).toBe(201);
    reasons[name] = key;
  }
});
afterAll(async () => {
  await t.close();
});

const events = async (type: string, productId: string) =>
  (
    await t.database.raw(`select payload from outbox_events where type = $1 and payload->>'productId' = $2`, [
      type,
      productId,
    ])
  ).rows.map((r) => r.payload as Record<string, unknown>);
const listings = async (productId: string) =>
  (await t.database.raw('select * from store_listings where product_id = $1', [productId])).rows as Record<
    string,
    unknown
  >[];
const pendingReviewId = async (productId: string) =>
  (
    await t.database.raw(`select id from listing_reviews where product_id = $1 and decision = 'pending'`, [
      productId,
    ])
  ).rows[0]?.id as string;

describe('POST /api/v1/seller/products/:id/submit', () => {
  it('lists every problem that blocks review at once', async () => {
    const seller = await makeSeller(t);
    const res = await seller.owner.post('/api/v1/seller/products', {
      categoryId: tree.tshirts.id,
      title: { 'ru-RU': 'Футболка' },
      skus: [{ code: 'P-1', options: { [tree.attributes.colour.key]: 'red' }, listPrice: 990 }],
    });
    const id = res.json().id;
    const submit = await seller.owner.post(`/api/v1/seller/products/${id}/submit`);
    expect(submit.statusCode).toBe(400);
    expect(submit.json().code).toBe('listing_incomplete');
    expect(submit.json().errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual([
      'title.zh-CN:language_required',
      'description.zh-CN:language_required',
      'title.en-US:language_required',
      'description.en-US:language_required',
      'images:too_few_images',
      `skus.0.options.${tree.attributes.size.key}:option_required`,
    ]);
    expect(submit.json().errors[4].message).toContain('3');
    expect((await seller.owner.get(`/api/v1/seller/products/${id}`)).json().reviewState).toBe('draft');
  });

  it('requires a valid document of every type the category demands', async () => {
    const seller = await makeSeller(t);
    const p = await makeProduct(t, seller, { categoryId: tree.electronics.id, images: 1 });
    const ok = await seller.owner.post(`/api/v1/seller/products/${p.id}/submit`);
    expect(ok.statusCode).toBe(200);
    const cosmetics = await makeProduct(t, seller, { categoryId: tree.cosmetics.id, images: 1 });
    const res = await seller.owner.post(`/api/v1/seller/products/${cosmetics.id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({
        path: `documents.${tree.documentTypes.cosmeticsCertificate.key}`,
        code: 'document_required',
      }),
    ]);
  });

  it('401, 403 for an analyst, 404 for another seller; 409 when already pending; edits wait for a withdrawal', async () => {
    const seller = await makeSeller(t);
    const p = await makeProduct(t, seller, { submit: true });
    expect((await new Agent(t.app).post(`/api/v1/seller/products/${p.id}/submit`)).statusCode).toBe(401);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await analyst.agent.post(`/api/v1/seller/products/${p.id}/withdraw`)).statusCode).toBe(403);
    const other = await makeSeller(t);
    expect((await other.owner.post(`/api/v1/seller/products/${p.id}/submit`)).statusCode).toBe(404);
    expect((await other.owner.post(`/api/v1/seller/products/${p.id}/withdraw`)).statusCode).toBe(404);
    const again = await seller.owner.post(`/api/v1/seller/products/${p.id}/submit`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'invalid_transition' });
    const edit = await seller.owner.patch(`/api/v1/seller/products/${p.id}`, { brand: 'New' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('product_in_review');
    // SKUs are not reviewed: they change at any time.
    const sku = await seller.owner.patch(
      `/api/v1/seller/products/${p.id}/skus/${(p.skus[0] as { id: string }).id}`,
      {
        backorder: true,
      },
    );
    expect(sku.statusCode).toBe(200);
    const withdrawn = await seller.owner.post(`/api/v1/seller/products/${p.id}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ reviewState: 'draft', reviews: [{ decision: 'withdrawn' }] });
    expect((await seller.owner.post(`/api/v1/seller/products/${p.id}/withdraw`)).statusCode).toBe(409);
    expect((await seller.owner.patch(`/api/v1/seller/products/${p.id}`, { brand: 'New' })).statusCode).toBe(
      200,
    );
  });
});

describe('review decisions', () => {
  it('approval publishes the snapshot, lists it in its stores and tells the seller', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const p = await makeProduct(t, seller, { submit: true, storeIds: [store.id] });
    expect(p.reviewState).toBe('pending');
    expect(await listings(p.id)).toEqual([]);
    const res = await reviewer.post(`/api/v1/platform/listings/${p.reviewId}/approve`, {
      note: 'looks good',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      decision: 'approved',
      reviewState: 'approved',
      saleState: 'active',
      note: 'looks good',
    });
    const after = (await seller.owner.get(`/api/v1/seller/products/${p.id}`)).json();
    expect(after).toMatchObject({ reviewState: 'approved', saleState: 'active' });
    expect(after.published).toMatchObject({ title: p.title, imageIds: p.imageIds });
    expect(after.history.map((h: { field: string; to: string }) => `${h.field}:${h.to}`)).toEqual(
      expect.arrayContaining(['review_state:approved', 'sale_state:active', 'review_state:pending']),
    );
    const [listing] = await listings(p.id);
    expect(listing).toMatchObject({
      store_id: store.id,
      seller_id: seller.sellerId,
      currency: 'CNY',
      min_price: '1990',
      max_price: '2190',
      main_image_id: p.imageIds[0],
      buyable: false,
    });
    expect(listing?.search_text).toContain('acme');
    expect(await events('listing.approved', p.id)).toEqual([
      { sellerId: seller.sellerId, productId: p.id, number: p.number, title: p.title['zh-CN'] },
    ]);
    const twice = await reviewer.post(`/api/v1/platform/listings/${p.reviewId}/approve`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('review_decided');
  });

  it('reject → fix → resubmit → approve, with every decision kept for the seller', async () => {
    const seller = await makeSeller(t, { country: 'RU', currency: 'RUB' });
    const p = await makeProduct(t, seller, { submit: true });
    const bad = await reviewer.post(`/api/v1/platform/listings/${p.reviewId}/reject`, {
      reasonKeys: ['nope', reasons.blurry],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ path: 'body.reasonKeys.0', code: 'rejection_reason_invalid' }),
    ]);
    expect(
      (await reviewer.post(`/api/v1/platform/listings/${p.reviewId}/reject`, { reasonKeys: [] })).statusCode,
    ).toBe(400);
    const rejected = await reviewer.post(`/api/v1/platform/listings/${p.reviewId}/reject`, {
      reasonKeys: [reasons.blurry, reasons.wrongCategory],
      note: 'Use a sharper photo.',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({
      decision: 'rejected',
      reviewState: 'rejected',
      saleState: 'unlisted',
    });
    expect(await events('listing.rejected', p.id)).toEqual([
      {
        sellerId: seller.sellerId,
        productId: p.id,
        number: p.number,
        title: p.title['ru-RU'],
        reasons: 'Размытое главное фото; Неверная категория. Use a sharper photo.',
      },
    ]);
    expect((await seller.owner.patch('/api/auth/me', { locale: 'zh-CN' })).statusCode).toBe(200);
    const seen = (await seller.owner.get(`/api/v1/seller/products/${p.id}`)).json();
    expect(seen.reviewState).toBe('rejected');
    expect(seen.reviews[0]).toMatchObject({
      decision: 'rejected',
      note: 'Use a sharper photo.',
      reasons: [
        { key: reasons.blurry, text: '主图模糊' },
        { key: reasons.wrongCategory, text: '类目错误' },
      ],
    });
    // Fix and resubmit.
    const fixed = await seller.owner.patch(`/api/v1/seller/products/${p.id}`, { brand: 'Acme Pro' });
    expect(fixed.json().reviewState).toBe('draft');
    const resubmitted = await seller.owner.post(`/api/v1/seller/products/${p.id}/submit`);
    expect(resubmitted.statusCode).toBe(200);
    const reviewId = await pendingReviewId(p.id);
    const detail = (await reviewer.get(`/api/v1/platform/listings/${reviewId}`)).json();
    expect(detail).toMatchObject({ revision: false, decision: 'pending', snapshot: { brand: 'Acme Pro' } });
    expect(detail.previousDecisions).toEqual([
      expect.objectContaining({ decision: 'rejected', note: 'Use a sharper photo.' }),
    ]);
    expect((await reviewer.post(`/api/v1/platform/listings/${reviewId}/approve`)).statusCode).toBe(200);
    const final = (await seller.owner.get(`/api/v1/seller/products/${p.id}`)).json();
    expect(final).toMatchObject({
      reviewState: 'approved',
      saleState: 'active',
      published: { brand: 'Acme Pro' },
    });
    expect(final.reviews.map((r: { decision: string }) => r.decision)).toEqual(['approved', 'rejected']);
  });

  it('a revision of an active product: the old copy stays on sale until the revision is approved', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const p = await makeProduct(t, seller, { approve: true, storeIds: [store.id] });
    const oldTitle = p.title['en-US'];
    const edit = await seller.owner.patch(`/api/v1/seller/products/${p.id}`, {
      title: { ...p.title, 'en-US': 'Brand new title for the tee' },
    });
    expect(edit.json()).toMatchObject({
      reviewState: 'draft',
      saleState: 'active',
      published: { title: { 'en-US': oldTitle } },
    });
    expect((await listings(p.id))[0]?.title).toMatchObject({ 'en-US': oldTitle });
    const submitted = await seller.owner.post(`/api/v1/seller/products/${p.id}/submit`);
    expect(submitted.json()).toMatchObject({ reviewState: 'pending', saleState: 'active' });
    const reviewId = await pendingReviewId(p.id);
    const queue = (
      await reviewer.get(`/api/v1/platform/listings?kind=revision&sellerId=${seller.sellerId}`)
    ).json();
    expect(queue.items).toEqual([expect.objectContaining({ id: reviewId, revision: true, productId: p.id })]);
    const detail = (await reviewer.get(`/api/v1/platform/listings/${reviewId}`)).json();
    expect(detail.changes).toEqual([
      { field: 'title.en-US', from: oldTitle, to: 'Brand new title for the tee' },
    ]);
    expect(detail.published.title['en-US']).toBe(oldTitle);
    expect(detail.sellerName).toMatch(/Test Trading/);
    expect(detail.category).toMatchObject({ id: p.categoryId, isLeaf: true });
    expect(detail.skus).toHaveLength(3);
    // Rejecting a revision keeps the published copy on sale.
    const rejected = await reviewer.post(`/api/v1/platform/listings/${reviewId}/reject`, {
      reasonKeys: [reasons.blurry],
    });
    expect(rejected.json()).toMatchObject({ reviewState: 'rejected', saleState: 'active' });
    expect(await listings(p.id)).toHaveLength(1);
    await seller.owner.post(`/api/v1/seller/products/${p.id}/submit`);
    await reviewer.post(`/api/v1/platform/listings/${await pendingReviewId(p.id)}/approve`);
    expect((await listings(p.id))[0]?.title).toMatchObject({ 'en-US': 'Brand new title for the tee' });
  });

  it('two reviewers deciding at once: one wins, the other gets 409', async () => {
    const seller = await makeSeller(t);
    const p = await makeProduct(t, seller, { submit: true });
    const other = (await makeOperator(t, 'reviewer')).agent;
    const [a, b] = await Promise.all([
      reviewer.post(`/api/v1/platform/listings/${p.reviewId}/approve`),
      other.post(`/api/v1/platform/listings/${p.reviewId}/reject`, { reasonKeys: [reasons.blurry] }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const { rows } = await t.database.raw(`select decision from listing_reviews where product_id = $1`, [
      p.id,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('platform routes: 401, 403 by permission, 404 for unknown ids', async () => {
    const seller = await makeSeller(t);
    const p = await makeProduct(t, seller, { submit: true });
    const anon = new Agent(t.app);
    expect((await anon.get('/api/v1/platform/listings')).statusCode).toBe(401);
    expect((await anon.post(`/api/v1/platform/listings/${p.reviewId}/approve`)).statusCode).toBe(401);
    const support = (await makeOperator(t, 'support')).agent;
    expect((await support.get('/api/v1/platform/listings')).statusCode).toBe(200);
    expect((await support.get(`/api/v1/platform/listings/${p.reviewId}`)).statusCode).toBe(200);
    expect((await support.post(`/api/v1/platform/listings/${p.reviewId}/approve`)).statusCode).toBe(403);
    expect(
      (await support.post(`/api/v1/platform/listings/${p.reviewId}/reject`, { reasonKeys: [reasons.blurry] }))
        .statusCode,
    ).toBe(403);
    expect(
      (await support.post(`/api/v1/platform/products/${p.id}/suspend`, { reason: 'x' })).statusCode,
    ).toBe(403);
    const warehouse = (await makeOperator(t, 'warehouse')).agent;
    expect((await warehouse.get('/api/v1/platform/listings')).statusCode).toBe(403);
    expect((await seller.owner.get('/api/v1/platform/listings')).statusCode).toBe(403);
    const missing = '01900000-0000-7000-8000-0000000000aa';
    expect((await reviewer.get(`/api/v1/platform/listings/${missing}`)).statusCode).toBe(404);
    expect((await reviewer.post(`/api/v1/platform/listings/${missing}/approve`)).statusCode).toBe(404);
    expect(
      (await reviewer.post(`/api/v1/platform/products/${missing}/suspend`, { reason: 'x' })).statusCode,
    ).toBe(404);
    expect((await reviewer.get('/api/v1/platform/listings?submittedAfter=yesterday')).statusCode).toBe(400);
    expect((await reviewer.post(`/api/v1/platform/products/${p.id}/suspend`, {})).statusCode).toBe(400);
  });
});

describe('GET /api/v1/platform/listings (the queue)', () => {
  it('oldest first, with seller, category subtree, age and kind filters and keyset pages', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const tee1 = await makeProduct(t, a, { categoryId: tree.tshirts.id, submit: true });
    const phone = await makeProduct(t, a, { categoryId: tree.electronics.id, submit: true });
    const tee2 = await makeProduct(t, b, { categoryId: tree.tshirts.id, submit: true });
    const mine = [tee1.reviewId, phone.reviewId, tee2.reviewId];
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await reviewer.get(`/api/v1/platform/listings?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      all.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    expect(all.filter((id) => mine.includes(id))).toEqual(mine);
    const bySeller = (await reviewer.get(`/api/v1/platform/listings?sellerId=${a.sellerId}`)).json();
    expect(bySeller.items.map((i: { id: string }) => i.id)).toEqual([tee1.reviewId, phone.reviewId]);
    expect(bySeller.items[0]).toMatchObject({
      productNumber: tee1.number,
      title: tee1.title,
      revision: false,
    });
    expect(bySeller.items[0].sellerName).toMatch(/Test Trading/);
    const clothing = (await reviewer.get(`/api/v1/platform/listings?categoryId=${tree.clothing.id}`)).json();
    const ids = clothing.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([tee1.reviewId, tee2.reviewId]));
    expect(ids).not.toContain(phone.reviewId);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await reviewer.get(`/api/v1/platform/listings?submittedAfter=${future}`)).json().items).toEqual(
      [],
    );
    const before = (
      await reviewer.get(`/api/v1/platform/listings?submittedBefore=${future}&sellerId=${b.sellerId}`)
    ).json();
    expect(before.items.map((i: { id: string }) => i.id)).toEqual([tee2.reviewId]);
    expect(
      (await reviewer.get(`/api/v1/platform/listings?kind=revision&sellerId=${a.sellerId}`)).json().items,
    ).toEqual([]);
    expect((await reviewer.get('/api/v1/platform/listings?cursor=abc')).statusCode).toBe(400);
  });
});

describe('sale states', () => {
  it('deactivate, activate, archive and restore, with store listings following', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const p = await makeProduct(t, seller, { approve: true, storeIds: [store.id] });
    const url = `/api/v1/seller/products/${p.id}`;
    expect(await listings(p.id)).toHaveLength(1);
    const off = await seller.owner.post(`${url}/deactivate`, { reason: 'Out of season' });
    expect(off.json()).toMatchObject({ saleState: 'inactive' });
    expect(off.json().history[0]).toMatchObject({
      field: 'sale_state',
      from: 'active',
      to: 'inactive',
      reason: 'Out of season',
    });
    expect(await listings(p.id)).toEqual([]);
    expect((await seller.owner.post(`${url}/deactivate`)).statusCode).toBe(409);
    // A revision approved while inactive keeps the product inactive.
    await seller.owner.patch(url, { brand: 'Winter' });
    await seller.owner.post(`${url}/submit`);
    await reviewer.post(`/api/v1/platform/listings/${await pendingReviewId(p.id)}/approve`);
    expect((await seller.owner.get(url)).json()).toMatchObject({
      saleState: 'inactive',
      reviewState: 'approved',
    });
    expect((await seller.owner.post(`${url}/activate`)).json().saleState).toBe('active');
    expect(await listings(p.id)).toHaveLength(1);
    const archived = await seller.owner.post(`${url}/archive`);
    expect(archived.json().saleState).toBe('archived');
    expect(await listings(p.id)).toEqual([]);
    expect((await seller.owner.patch(url, { brand: 'x' })).json().code).toBe('product_archived');
    expect((await seller.owner.post(`${url}/activate`)).statusCode).toBe(409);
    expect((await seller.owner.post(`${url}/restore`)).json().saleState).toBe('inactive');
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await analyst.agent.post(`${url}/activate`)).statusCode).toBe(403);
    const other = await makeSeller(t);
    expect((await other.owner.post(`${url}/activate`)).statusCode).toBe(404);
    expect((await new Agent(t.app).post(`${url}/archive`)).statusCode).toBe(401);
    expect((await seller.owner.post(`${url}/activate`, { reason: 1 })).statusCode).toBe(400);
  });

  it('archiving a pending product withdraws its review; a draft restores to unlisted', async () => {
    const seller = await makeSeller(t);
    const p = await makeProduct(t, seller, { submit: true });
    const res = await seller.owner.post(`/api/v1/seller/products/${p.id}/archive`);
    expect(res.json()).toMatchObject({
      saleState: 'archived',
      reviewState: 'draft',
      reviews: [{ decision: 'withdrawn' }],
    });
    expect((await seller.owner.post(`/api/v1/seller/products/${p.id}/submit`)).json().code).toBe(
      'product_archived',
    );
    expect((await seller.owner.post(`/api/v1/seller/products/${p.id}/restore`)).json().saleState).toBe(
      'unlisted',
    );
  });

  it('an operator suspends a listing and lifts the suspension back to the state before', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const p = await makeProduct(t, seller, { approve: true, storeIds: [store.id] });
    const res = await reviewer.post(`/api/v1/platform/products/${p.id}/suspend`, {
      reason: 'Counterfeit report',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ productId: p.id, saleState: 'suspended' });
    expect(await listings(p.id)).toEqual([]);
    expect(await events('listing.suspended', p.id)).toEqual([
      {
        sellerId: seller.sellerId,
        productId: p.id,
        number: p.number,
        title: p.title['zh-CN'],
        reason: 'Counterfeit report',
      },
    ]);
    expect((await seller.owner.post(`/api/v1/seller/products/${p.id}/activate`)).statusCode).toBe(409);
    expect(
      (await reviewer.post(`/api/v1/platform/products/${p.id}/suspend`, { reason: 'again' })).statusCode,
    ).toBe(409);
    const lifted = await reviewer.post(`/api/v1/platform/products/${p.id}/unsuspend`, {});
    expect(lifted.json()).toEqual({ productId: p.id, saleState: 'active' });
    expect(await listings(p.id)).toHaveLength(1);
    expect((await reviewer.post(`/api/v1/platform/products/${p.id}/unsuspend`)).statusCode).toBe(409);
  });
});

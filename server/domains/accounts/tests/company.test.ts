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

const sellerRow = async (id: string) =>
  (await t.database.raw('select * from sellers where id = $1', [id])).rows[0] as Record<string, unknown>;

const eventsOf = async (sellerId: string, type: string) =>
  (
    await t.database.raw('select payload from outbox_events where seller_id = $1 and type = $2', [
      sellerId,
      type,
    ])
  ).rows.map((r) => r.payload) as Record<string, unknown>[];

describe('GET /api/v1/seller/company', () => {
  it('returns the full company profile', async () => {
    const { owner, sellerId, ownerEmail } = await makeSeller(t, { legalName: 'Profile Trading LLC' });
    const res = await owner.get('/api/v1/seller/company');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: sellerId,
      legalName: 'Profile Trading LLC',
      displayName: 'Profile Trading LLC',
      country: 'CN',
      defaultCurrency: 'CNY',
      contactEmail: ownerEmail,
      contactPhone: null,
      taxId: null,
      status: 'active',
      require2fa: false,
      pendingLegalChange: null,
    });
    expect(new Date(res.json().createdAt).getTime()).not.toBeNaN();
  });

  it('needs a session and a seller user', async () => {
    expect((await new Agent(t.app).get('/api/v1/seller/company')).statusCode).toBe(401);
    const { agent } = await makeOperator(t, 'support');
    const res = await agent.get('/api/v1/seller/company');
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('not_seller_user');
  });
});

describe('PATCH /api/v1/seller/company', () => {
  it('changes display name and contacts and records the diff', async () => {
    const { owner, sellerId } = await makeSeller(t, { legalName: 'Patch Trading LLC' });
    const res = await owner.patch('/api/v1/seller/company', {
      displayName: 'Patchy',
      contactPhone: '+86 138 0000 0000',
      contactEmail: 'Sales@Patch.example',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Patchy', contactEmail: 'sales@patch.example' });
    expect(await sellerRow(sellerId)).toMatchObject({
      display_name: 'Patchy',
      contact_phone: '+86 138 0000 0000',
      legal_name: 'Patch Trading LLC',
    });
    const audit = await owner.get('/api/v1/seller/audit-log?action=seller.company.updated');
    expect(audit.json().items[0].changes).toMatchObject({
      displayName: { from: 'Patch Trading LLC', to: 'Patchy' },
      contactPhone: { from: null, to: '+86 138 0000 0000' },
    });
  });

  it('answers 400 for bad fields, and legal fields are not accepted here', async () => {
    const { owner, sellerId } = await makeSeller(t);
    const res = await owner.patch('/api/v1/seller/company', {
      contactEmail: 'not-an-email',
      legalName: 'Sneaky Rename LLC',
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.contactEmail', 'body.legalName']));
    expect((await sellerRow(sellerId)).legal_name).not.toBe('Sneaky Rename LLC');
  });

  it('a suspended seller can read but not change', async () => {
    const { owner, sellerId } = await makeSeller(t, { status: 'suspended' });
    expect((await owner.get('/api/v1/seller/company')).statusCode).toBe(200);
    const res = await owner.patch('/api/v1/seller/company', { displayName: 'Still here' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('seller_suspended');
    expect((await sellerRow(sellerId)).display_name).not.toBe('Still here');
  });

  it('needs a session', async () => {
    expect(
      (await new Agent(t.app).patch('/api/v1/seller/company', { displayName: 'Anonymous' })).statusCode,
    ).toBe(401);
  });

  it('a member without account:manage gets 403', async () => {
    const seller = await makeSeller(t);
    const analyst = (await makeMember(t, seller, { role: 'analyst' })).agent;
    const res = await analyst.patch('/api/v1/seller/company', { displayName: 'Analyst was here' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('permission_denied');
  });
});

describe('legal data changes', () => {
  it('owner asks, operator approves, the legal data changes and the audit shows the diff', async () => {
    const seller = await makeSeller(t, { legalName: 'Old Name Trading LLC' });
    const asked = await seller.owner.post('/api/v1/seller/company/legal-change', {
      fields: { legalName: 'New Name Trading LLC', taxId: '91330100MA2XXXXX' },
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().legalName).toBe('Old Name Trading LLC');
    expect(asked.json().pendingLegalChange).toMatchObject({
      fields: { legalName: 'New Name Trading LLC', taxId: '91330100MA2XXXXX' },
      requestedBy: seller.ownerEmail,
    });
    expect(await eventsOf(seller.sellerId, 'seller.legal_change_requested')).toEqual([
      expect.objectContaining({ sellerId: seller.sellerId, seller: 'Old Name Trading LLC' }),
    ]);

    const twice = await seller.owner.post('/api/v1/seller/company/legal-change', {
      fields: { taxId: 'other' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('legal_change_pending');

    const { agent: reviewer } = await makeOperator(t, 'reviewer');
    const approved = await reviewer.post(`/api/v1/platform/sellers/${seller.sellerId}/legal-change/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      legalName: 'New Name Trading LLC',
      taxId: '91330100MA2XXXXX',
      pendingLegalChange: null,
    });
    expect(await sellerRow(seller.sellerId)).toMatchObject({
      legal_name: 'New Name Trading LLC',
      tax_id: '91330100MA2XXXXX',
      pending_legal_change: null,
    });
    expect(await eventsOf(seller.sellerId, 'seller.legal_change_approved')).toEqual([
      expect.objectContaining({ sellerId: seller.sellerId, seller: 'New Name Trading LLC' }),
    ]);

    const audit = await seller.owner.get('/api/v1/seller/audit-log?action=seller.legal_change.approved');
    expect(audit.statusCode).toBe(200);
    const [row] = audit.json().items;
    expect(row).toMatchObject({ actorKind: 'operator', actorLabel: 'platform', entityId: seller.sellerId });
    expect(row.changes).toMatchObject({
      legalName: { from: 'Old Name Trading LLC', to: 'New Name Trading LLC' },
      taxId: { from: null, to: '91330100MA2XXXXX' },
    });

    const again = await reviewer.post(`/api/v1/platform/sellers/${seller.sellerId}/legal-change/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('no_legal_change');
  });

  it('operator rejects with a reason; the legal data stays', async () => {
    const seller = await makeSeller(t, { legalName: 'Keep Name LLC' });
    await seller.owner.post('/api/v1/seller/company/legal-change', { fields: { legalName: 'Other LLC' } });
    const { agent: reviewer } = await makeOperator(t, 'reviewer');
    const noReason = await reviewer.post(
      `/api/v1/platform/sellers/${seller.sellerId}/legal-change/reject`,
      {},
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.reason');
    const res = await reviewer.post(`/api/v1/platform/sellers/${seller.sellerId}/legal-change/reject`, {
      reason: 'The registration certificate does not match.',
    });
    expect(res.statusCode).toBe(200);
    expect(await sellerRow(seller.sellerId)).toMatchObject({
      legal_name: 'Keep Name LLC',
      pending_legal_change: null,
    });
    expect(await eventsOf(seller.sellerId, 'seller.legal_change_rejected')).toEqual([
      expect.objectContaining({
        reason: 'The registration certificate does not match.',
        seller: 'Keep Name LLC',
      }),
    ]);
  });

  it('the owner can withdraw a pending change', async () => {
    const seller = await makeSeller(t);
    await seller.owner.post('/api/v1/seller/company/legal-change', { fields: { taxId: '123' } });
    const res = await seller.owner.delete('/api/v1/seller/company/legal-change');
    expect(res.statusCode).toBe(200);
    expect(res.json().pendingLegalChange).toBeNull();
    expect((await sellerRow(seller.sellerId)).pending_legal_change).toBeNull();
    const again = await seller.owner.delete('/api/v1/seller/company/legal-change');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('no_legal_change');
  });

  it('answers 400 for an empty or unknown field', async () => {
    const seller = await makeSeller(t);
    const empty = await seller.owner.post('/api/v1/seller/company/legal-change', { fields: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('body.fields');
    const unknown = await seller.owner.post('/api/v1/seller/company/legal-change', {
      fields: { country: 'US' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('body.fields.country');
    expect((await sellerRow(seller.sellerId)).pending_legal_change).toBeNull();
  });

  it('needs a session', async () => {
    const res = await new Agent(t.app).post('/api/v1/seller/company/legal-change', {
      fields: { taxId: '1' },
    });
    expect(res.statusCode).toBe(401);
  });

  it('an admin (not an owner) gets 403', async () => {
    const seller = await makeSeller(t);
    const admin = (await makeMember(t, seller, { role: 'admin' })).agent;
    const res = await admin.post('/api/v1/seller/company/legal-change', { fields: { taxId: '1' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('permission_denied');
    expect((await sellerRow(seller.sellerId)).pending_legal_change).toBeNull();
    expect((await admin.patch('/api/v1/seller/company', { displayName: 'Admin can' })).statusCode).toBe(200);
  });
});

describe('PUT /api/v1/seller/company/security-policy', () => {
  it('requires 2FA of every member, which then applies to the owner too', async () => {
    const { owner, sellerId } = await makeSeller(t);
    const res = await owner.put('/api/v1/seller/company/security-policy', { require2fa: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().require2fa).toBe(true);
    expect((await sellerRow(sellerId)).require_2fa).toBe(true);
    const locked = await owner.get('/api/v1/seller/company');
    expect(locked.statusCode).toBe(403);
    expect(locked.json().code).toBe('mfa_enrolment_required');
  });

  it('answers 400 for a non-boolean and 401 without a session', async () => {
    const { owner } = await makeSeller(t);
    const res = await owner.put('/api/v1/seller/company/security-policy', { require2fa: 'yes' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.require2fa');
    const anon = await new Agent(t.app).put('/api/v1/seller/company/security-policy', { require2fa: true });
    expect(anon.statusCode).toBe(401);
  });
});

describe('POST /api/v1/seller/company/resubmit', () => {
  it('sends a rejected application back to review', async () => {
    const { owner, sellerId } = await makeSeller(t, { status: 'rejected' });
    const res = await owner.post('/api/v1/seller/company/resubmit');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'pending_review', statusReason: null });
    expect((await sellerRow(sellerId)).status).toBe('pending_review');
    const { rows } = await t.database.raw(
      "select from_status from seller_status_history where seller_id = $1 and to_status = 'pending_review' and from_status is not null",
      [sellerId],
    );
    expect(rows).toEqual([{ from_status: 'rejected' }]);
  });

  it('answers 409 for a seller that is not rejected', async () => {
    const { owner, sellerId } = await makeSeller(t);
    const res = await owner.post('/api/v1/seller/company/resubmit');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid_transition');
    expect((await sellerRow(sellerId)).status).toBe('active');
  });
});

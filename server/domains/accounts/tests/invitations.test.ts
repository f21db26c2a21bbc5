import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeInvitation, makeMember, makeSeller, makeStore, TEST_PASSWORD, uniqueEmail } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const NEW_PASSWORD = 'Invited-Passw0rd!';
const paths = (res: { json(): { errors?: { path: string }[] } }) => res.json().errors?.map((e) => e.path);
const tokenOf = (text: string) => /accept-invitation\?token=([\w%-]+)/.exec(text)?.[1] ?? '';

async function invitationRow(id: string) {
  const { rows } = await t.database.raw(
    'select email, role, accepted_at, revoked_at, expires_at, token_hash from invitations where id = $1',
    [id],
  );
  return rows[0] ?? null;
}

describe('POST /invitations and the invitation link', () => {
  it('emails a link over SMTP that works once and creates a verified member', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const email = uniqueEmail('invitee');
    const since = t.smtp.messages.at(-1)?.id ?? 0;
    const res = await seller.owner.post('/api/v1/seller/invitations', {
      email: email.toUpperCase(),
      name: 'Zhang San',
      role: 'finance',
      storeIds: [store.id],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email, role: 'finance', roleName: 'Finance', status: 'pending' });
    expect(res.json()).not.toHaveProperty('token');
    const row = await invitationRow(res.json().id);
    expect(new Date(String(row?.expires_at)).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);

    const mail = await t.smtp.waitFor(email, { since, subject: /invites you/ });
    expect(mail.text).toContain('Test Owner');
    expect(mail.text).toContain('Finance');
    const token = decodeURIComponent(tokenOf(mail.text));
    expect(row?.token_hash).not.toContain(token);

    const visitor = new Agent(t.app);
    const info = await visitor.get(`/api/auth/invitations/${token}`);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ email, role: 'Finance', hasAccount: false });

    const accept = await visitor.post('/api/auth/invitations/accept', {
      token,
      name: 'Zhang San',
      password: NEW_PASSWORD,
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json()).toEqual({ sellerId: seller.sellerId });
    const again = await visitor.post('/api/auth/invitations/accept', {
      token,
      name: 'X',
      password: NEW_PASSWORD,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('invitation_invalid');
    expect((await visitor.get(`/api/auth/invitations/${token}`)).json().code).toBe('invitation_invalid');

    const member = await new Agent(t.app).signIn(email, NEW_PASSWORD);
    const session = (await member.get('/api/auth/session')).json();
    expect(session.seller.id).toBe(seller.sellerId);
    expect(session.user.emailVerified).toBe(true);
    expect(session.storeIds).toEqual([store.id]);
    expect(session.permissions).toContain('stores:read');
    expect(session.permissions).not.toContain('team:read');

    const list = (await seller.owner.get('/api/v1/seller/invitations')).json();
    expect(list.items[0]).toMatchObject({ id: res.json().id, status: 'accepted' });
    const { rows } = await t.database.raw(
      "select payload from outbox_events where type = 'member.joined' and seller_id = $1",
      [seller.sellerId],
    );
    expect(rows[0]?.payload).toMatchObject({ sellerId: seller.sellerId, email });
  });

  it('refuses bad input with field paths', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const foreignStore = await makeStore(t, other);
    const url = '/api/v1/seller/invitations';
    const bad = await seller.owner.post(url, { email: 'not-an-email', role: 'boss', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(expect.arrayContaining(['body.email', 'body.role', 'body.extra']));
    const store = await seller.owner.post(url, { email: uniqueEmail('x'), storeIds: [foreignStore.id] });
    expect(store.statusCode).toBe(400);
    expect(paths(store)).toEqual(['body.storeIds']);
    const role = await seller.owner.post(url, { email: uniqueEmail('x'), customRoleId: foreignStore.id });
    expect(paths(role)).toEqual(['body.customRoleId']);
    const list = (await seller.owner.get('/api/v1/seller/invitations')).json();
    expect(list.items).toHaveLength(0);
  });

  it('answers 401 without a session; an analyst may read the team but not invite', async () => {
    const seller = await makeSeller(t);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    const body = { email: uniqueEmail('x'), role: 'analyst' };
    expect((await new Agent(t.app).post('/api/v1/seller/invitations', body)).statusCode).toBe(401);
    expect((await analyst.agent.get('/api/v1/seller/members')).statusCode).toBe(200);
    expect((await analyst.agent.get('/api/v1/seller/invitations')).statusCode).toBe(200);
    const denied = await analyst.agent.post('/api/v1/seller/invitations', body);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('permission_denied');
  });

  it('a custom role with only team:read can list but not invite', async () => {
    const seller = await makeSeller(t);
    const role = await seller.owner.post('/api/v1/seller/roles', {
      name: 'Viewer',
      permissions: ['team:read'],
    });
    const viewer = await makeMember(t, seller, { customRoleId: role.json().id });
    expect((await viewer.agent.get('/api/v1/seller/members')).statusCode).toBe(200);
    expect((await viewer.agent.get('/api/v1/seller/invitations')).statusCode).toBe(200);
    expect((await viewer.agent.get('/api/v1/seller/roles')).statusCode).toBe(200);
    const invite = await viewer.agent.post('/api/v1/seller/invitations', { email: uniqueEmail('x') });
    expect(invite.statusCode).toBe(403);
    expect((await viewer.agent.get('/api/v1/seller/audit-log')).statusCode).toBe(403);
  });

  it('refuses an active member (409), and owner invitations from non-owners (403)', async () => {
    const seller = await makeSeller(t);
    const admin = await makeMember(t, seller, { role: 'admin' });
    const taken = await admin.agent.post('/api/v1/seller/invitations', { email: seller.ownerEmail });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('member_exists');
    const asOwner = await admin.agent.post('/api/v1/seller/invitations', {
      email: uniqueEmail('x'),
      role: 'owner',
    });
    expect(asOwner.statusCode).toBe(403);
    expect(asOwner.json().code).toBe('owner_only');
    const byOwner = await seller.owner.post('/api/v1/seller/invitations', {
      email: uniqueEmail('x'),
      role: 'owner',
    });
    expect(byOwner.statusCode).toBe(201);
    expect(byOwner.json().roleName).toBe('Owner');
  });

  it('an expired link fails, shows as expired, and a resend revives it', async () => {
    const seller = await makeSeller(t);
    const old = await makeInvitation(t, seller, { now: new Date(Date.now() - 8 * 24 * 3600_000) });
    const visitor = new Agent(t.app);
    const info = await visitor.get(`/api/auth/invitations/${old.token}`);
    expect(info.statusCode).toBe(400);
    expect(info.json().code).toBe('invitation_invalid');
    const accept = await visitor.post('/api/auth/invitations/accept', {
      token: old.token,
      name: 'Late',
      password: NEW_PASSWORD,
    });
    expect(accept.json().code).toBe('invitation_invalid');
    const expired = await seller.owner.get('/api/v1/seller/invitations?status=expired');
    expect(expired.json().items.map((i: { id: string }) => i.id)).toEqual([old.invitationId]);

    const first = await t.smtp.waitFor(old.email, { subject: /invites you/ });
    const since = Math.max(first.id, t.smtp.messages.at(-1)?.id ?? 0);
    const resent = await seller.owner.post(`/api/v1/seller/invitations/${old.invitationId}/resend`);
    expect(resent.statusCode).toBe(200);
    expect(resent.json().status).toBe('pending');
    const mail = await t.smtp.waitFor(old.email, { since, subject: /invites you/ });
    const token = decodeURIComponent(tokenOf(mail.text));
    expect(token).not.toBe(old.token);
    expect((await visitor.get(`/api/auth/invitations/${old.token}`)).statusCode).toBe(400);
    const ok = await visitor.post('/api/auth/invitations/accept', {
      token,
      name: 'Late',
      password: NEW_PASSWORD,
    });
    expect(ok.statusCode).toBe(200);
    const done = await seller.owner.post(`/api/v1/seller/invitations/${old.invitationId}/resend`);
    expect(done.statusCode).toBe(409);
  });
});

describe('DELETE /invitations/{id} and resend', () => {
  it('revokes an open invitation so its link stops working', async () => {
    const seller = await makeSeller(t);
    const inv = await makeInvitation(t, seller, { role: 'marketing' });
    const res = await seller.owner.delete(`/api/v1/seller/invitations/${inv.invitationId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('revoked');
    expect((await invitationRow(inv.invitationId))?.revoked_at).not.toBeNull();
    expect((await new Agent(t.app).get(`/api/auth/invitations/${inv.token}`)).statusCode).toBe(400);
    const again = await seller.owner.delete(`/api/v1/seller/invitations/${inv.invitationId}`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_transition');
  });

  it('answers 401, 403, 404 (another seller, row unchanged) and 400 for a bad id', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    const inv = await makeInvitation(t, seller);
    const del = `/api/v1/seller/invitations/${inv.invitationId}`;
    const resend = `${del}/resend`;
    expect((await new Agent(t.app).delete(del)).statusCode).toBe(401);
    expect((await new Agent(t.app).post(resend)).statusCode).toBe(401);
    expect((await analyst.agent.delete(del)).statusCode).toBe(403);
    expect((await analyst.agent.post(resend)).statusCode).toBe(403);
    expect((await other.owner.delete(del)).statusCode).toBe(404);
    expect((await other.owner.post(resend)).statusCode).toBe(404);
    const row = await invitationRow(inv.invitationId);
    expect(row?.revoked_at).toBeNull();
    expect((await new Agent(t.app).get(`/api/auth/invitations/${inv.token}`)).statusCode).toBe(200);
    expect((await seller.owner.delete('/api/v1/seller/invitations/123')).statusCode).toBe(400);
    expect((await other.owner.get('/api/v1/seller/invitations')).json().items).toHaveLength(0);
  });

  it('a new invitation to the same address replaces the open one', async () => {
    const seller = await makeSeller(t);
    const first = await makeInvitation(t, seller);
    const second = await makeInvitation(t, seller, { email: first.email, role: 'finance' });
    expect((await new Agent(t.app).get(`/api/auth/invitations/${first.token}`)).statusCode).toBe(400);
    expect((await new Agent(t.app).get(`/api/auth/invitations/${second.token}`)).json().role).toBe('Finance');
  });
});

describe('POST /api/auth/invitations/accept', () => {
  it('asks a new account for a name and a strong password', async () => {
    const seller = await makeSeller(t);
    const inv = await makeInvitation(t, seller);
    const visitor = new Agent(t.app);
    const missing = await visitor.post('/api/auth/invitations/accept', { token: inv.token });
    expect(missing.statusCode).toBe(400);
    expect(paths(missing)).toEqual(['body.name', 'body.password']);
    const weak = await visitor.post('/api/auth/invitations/accept', {
      token: inv.token,
      name: 'A',
      password: 'abc',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors.map((e: { code: string }) => e.code)).toContain('password_too_short');
    const short = await visitor.post('/api/auth/invitations/accept', { token: 'x' });
    expect(paths(short)).toContain('body.token');
    expect((await invitationRow(inv.invitationId))?.accepted_at).toBeNull();
    expect((await visitor.get(`/api/auth/invitations/${inv.token}`)).statusCode).toBe(200);
  });

  it('an existing account joins when signed in as it, or with its password; never as someone else', async () => {
    const seller = await makeSeller(t);
    const elsewhere = await makeSeller(t);
    const inv = await makeInvitation(t, seller, { email: elsewhere.ownerEmail, role: 'catalog_manager' });
    expect((await new Agent(t.app).get(`/api/auth/invitations/${inv.token}`)).json().hasAccount).toBe(true);

    const anonymous = await new Agent(t.app).post('/api/auth/invitations/accept', { token: inv.token });
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.json().code).toBe('invitation_wrong_email');
    const wrong = await new Agent(t.app).post('/api/auth/invitations/accept', {
      token: inv.token,
      password: 'Wrong-Passw0rd!',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    const someoneElse = await seller.owner.post('/api/auth/invitations/accept', { token: inv.token });
    expect(someoneElse.statusCode).toBe(403);
    expect(someoneElse.json().code).toBe('invitation_wrong_email');
    // a cross-site request carries the cookie but not the CSRF token: it does not count as signed in
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      headers: { cookie: elsewhere.owner.cookie ?? '' },
      payload: { token: inv.token },
    });
    expect(noCsrf.statusCode).toBe(403);

    const ok = await elsewhere.owner.post('/api/auth/invitations/accept', { token: inv.token });
    expect(ok.statusCode).toBe(200);
    const session = (await elsewhere.owner.get('/api/auth/session')).json();
    expect(session.memberships.map((m: { sellerId: string }) => m.sellerId)).toEqual(
      expect.arrayContaining([seller.sellerId, elsewhere.sellerId]),
    );
    expect(
      (await elsewhere.owner.post('/api/auth/switch-seller', { sellerId: seller.sellerId })).statusCode,
    ).toBe(200);
    const switched = (await elsewhere.owner.get('/api/auth/session')).json();
    expect(switched.seller.id).toBe(seller.sellerId);
    expect(switched.permissions).not.toContain('account:owner');

    const third = await makeSeller(t);
    const byPassword = await makeInvitation(t, third, { email: elsewhere.ownerEmail });
    const res = await new Agent(t.app).post('/api/auth/invitations/accept', {
      token: byPassword.token,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sellerId).toBe(third.sellerId);
  });

  it('re-inviting a deactivated member reactivates the membership with the new role', async () => {
    const seller = await makeSeller(t);
    const m = await makeMember(t, seller, { role: 'analyst' });
    await seller.owner.post(`/api/v1/seller/members/${m.memberId}/deactivate`);
    const inv = await makeInvitation(t, seller, { email: m.email, role: 'finance' });
    const res = await new Agent(t.app).post('/api/auth/invitations/accept', {
      token: inv.token,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    const members = (await seller.owner.get('/api/v1/seller/members')).json().items;
    expect(members.find((x: { id: string }) => x.id === m.memberId)).toMatchObject({
      status: 'active',
      role: 'finance',
    });
  });
});

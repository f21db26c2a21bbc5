import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeSeller, makeStore, TEST_PASSWORD } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const paths = (res: { json(): { errors?: { path: string }[] } }) => res.json().errors?.map((e) => e.path);

async function memberRow(id: string) {
  const { rows } = await t.database.raw(
    'select role, custom_role_id, store_ids, status from members where id = $1',
    [id],
  );
  return rows[0] ?? null;
}

async function auditActions(entityId: string) {
  const { rows } = await t.database.raw(
    'select action, changes from audit_log where entity_id = $1 order by created_at',
    [entityId],
  );
  return rows as { action: string; changes: Record<string, { from: unknown; to: unknown }> }[];
}

describe('GET /members', () => {
  it('lists the team with role names, store scope and 2FA state', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const m = await makeMember(t, seller, { role: 'finance', storeIds: [store.id] });
    const res = await seller.owner.get('/api/v1/seller/members');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      userId: seller.ownerId,
      email: seller.ownerEmail,
      role: 'owner',
      roleName: 'Owner',
      storeIds: null,
      status: 'active',
      totpEnabled: false,
    });
    expect(items[1]).toMatchObject({
      id: m.memberId,
      role: 'finance',
      roleName: 'Finance',
      storeIds: [store.id],
    });
  });

  it('answers 200 to an analyst, 403 without team:read, 401 without a session, and only own members', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    const catalog = await makeMember(t, seller, { role: 'catalog_manager' });
    const list = await analyst.agent.get('/api/v1/seller/members');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { email: string }) => i.email)).not.toContain(other.ownerEmail);
    expect((await catalog.agent.get('/api/v1/seller/members')).statusCode).toBe(403);
    expect((await new Agent(t.app).get('/api/v1/seller/members')).statusCode).toBe(401);
  });
});

describe('PATCH /members/{id}', () => {
  it("changes a member's role and stores, and their session follows", async () => {
    const seller = await makeSeller(t);
    const [a, b] = [await makeStore(t, seller), await makeStore(t, seller)];
    const m = await makeMember(t, seller, { role: 'analyst' });
    const res = await seller.owner.patch(`/api/v1/seller/members/${m.memberId}`, {
      role: 'fulfillment',
      storeIds: [a.id],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'fulfillment', roleName: 'Fulfillment', storeIds: [a.id] });
    expect(await memberRow(m.memberId)).toMatchObject({ role: 'fulfillment', store_ids: [a.id] });
    const session = (await m.agent.get('/api/auth/session')).json();
    expect(session.storeIds).toEqual([a.id]);
    expect(session.stores.map((s: { id: string }) => s.id)).toEqual([a.id]);
    expect(session.permissions).not.toContain('team:read');
    const audit = await auditActions(m.memberId);
    expect(audit.at(-1)?.action).toBe('member.updated');
    expect(audit.at(-1)?.changes.role).toEqual({ from: 'analyst', to: 'fulfillment' });
    // null = every store again
    const all = await seller.owner.patch(`/api/v1/seller/members/${m.memberId}`, { storeIds: null });
    expect(all.json().storeIds).toBeNull();
    expect((await m.agent.get('/api/auth/session')).json().stores).toHaveLength(2);
    expect(b.id).toBeTruthy();
  });

  it('refuses bad input with field paths', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const foreignStore = await makeStore(t, other);
    const m = await makeMember(t, seller);
    const url = `/api/v1/seller/members/${m.memberId}`;
    const both = await seller.owner.patch(url, { role: 'finance', customRoleId: foreignStore.id });
    expect(both.statusCode).toBe(400);
    expect(paths(both)).toContain('body.customRoleId');
    const unknownRole = await seller.owner.patch(url, { role: 'boss' });
    expect(unknownRole.statusCode).toBe(400);
    expect(paths(unknownRole)).toContain('body.role');
    const foreign = await seller.owner.patch(url, { storeIds: [foreignStore.id] });
    expect(foreign.statusCode).toBe(400);
    expect(paths(foreign)).toEqual(['body.storeIds']);
    const foreignRole = await seller.owner.patch(url, { customRoleId: foreignStore.id });
    expect(foreignRole.statusCode).toBe(400);
    expect(paths(foreignRole)).toEqual(['body.customRoleId']);
    expect((await seller.owner.patch('/api/v1/seller/members/not-a-uuid', {})).statusCode).toBe(400);
    expect(await memberRow(m.memberId)).toMatchObject({ role: 'analyst', store_ids: null });
  });

  it('answers 401, 403 and 404 (another seller) and leaves the row unchanged', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const m = await makeMember(t, seller, { role: 'analyst' });
    const peer = await makeMember(t, seller, { role: 'analyst' });
    const url = `/api/v1/seller/members/${m.memberId}`;
    expect((await new Agent(t.app).patch(url, { role: 'finance' })).statusCode).toBe(401);
    const denied = await peer.agent.patch(url, { role: 'finance' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('permission_denied');
    const foreign = await other.owner.patch(url, { role: 'finance' });
    expect(foreign.statusCode).toBe(404);
    expect(await memberRow(m.memberId)).toMatchObject({ role: 'analyst' });
  });

  it('keeps owners for owners: owner_only, cannot_change_self and last_owner', async () => {
    const seller = await makeSeller(t);
    const admin = await makeMember(t, seller, { role: 'admin' });
    const m = await makeMember(t, seller, { role: 'analyst' });
    const promote = await admin.agent.patch(`/api/v1/seller/members/${m.memberId}`, { role: 'owner' });
    expect(promote.statusCode).toBe(403);
    expect(promote.json().code).toBe('owner_only');
    const owners = (await seller.owner.get('/api/v1/seller/members')).json().items;
    const ownerMemberId = owners.find((i: { role: string }) => i.role === 'owner').id;
    const demoteOwner = await admin.agent.patch(`/api/v1/seller/members/${ownerMemberId}`, {
      role: 'analyst',
    });
    expect(demoteOwner.statusCode).toBe(403);
    expect(demoteOwner.json().code).toBe('owner_only');
    expect((await admin.agent.post(`/api/v1/seller/members/${ownerMemberId}/deactivate`)).statusCode).toBe(
      403,
    );
    // admins manage admins, but not themselves
    const self = await admin.agent.patch(`/api/v1/seller/members/${admin.memberId}`, { storeIds: null });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('cannot_change_self');
    const ownSelf = await seller.owner.patch(`/api/v1/seller/members/${ownerMemberId}`, { role: 'admin' });
    expect(ownSelf.json().code).toBe('cannot_change_self');
    // the only owner cannot leave
    const leave = await seller.owner.delete(`/api/v1/seller/members/${ownerMemberId}`);
    expect(leave.statusCode).toBe(409);
    expect(leave.json().code).toBe('last_owner');
    expect((await seller.owner.post(`/api/v1/seller/members/${ownerMemberId}/deactivate`)).json().code).toBe(
      'last_owner',
    );
    // an owner makes a second owner; then the first may leave
    const made = await seller.owner.patch(`/api/v1/seller/members/${m.memberId}`, { role: 'owner' });
    expect(made.statusCode).toBe(200);
    expect((await m.agent.get('/api/auth/session')).json().permissions).toContain('account:owner');
    expect((await seller.owner.delete(`/api/v1/seller/members/${ownerMemberId}`)).statusCode).toBe(200);
    expect((await seller.owner.get('/api/v1/seller/members')).statusCode).toBe(401);
    const left = (await m.agent.get('/api/v1/seller/members')).json().items;
    expect(left.filter((i: { role: string }) => i.role === 'owner')).toHaveLength(1);
  });

  it('lets nobody hand out or manage more than they hold', async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller);
    const managerRole = await seller.owner.post('/api/v1/seller/roles', {
      name: 'Team lead',
      permissions: ['team:read', 'team:manage'],
    });
    const lead = await makeMember(t, seller, { customRoleId: managerRole.json().id, storeIds: [store.id] });
    const m = await makeMember(t, seller, { role: 'analyst', storeIds: [store.id] });
    const admin = await makeMember(t, seller, { role: 'admin' });
    const up = await lead.agent.patch(`/api/v1/seller/members/${m.memberId}`, { role: 'admin' });
    expect(up.statusCode).toBe(403);
    expect(up.json().code).toBe('permission_denied');
    const allStores = await lead.agent.patch(`/api/v1/seller/members/${m.memberId}`, { storeIds: null });
    expect(allStores.statusCode).toBe(403); // the analyst holds reads the lead lacks
    expect((await lead.agent.post(`/api/v1/seller/members/${admin.memberId}/deactivate`)).statusCode).toBe(
      403,
    );
    expect(await memberRow(admin.memberId)).toMatchObject({ status: 'active' });
  });
});

describe('deactivate, reactivate and remove', () => {
  it('deactivates a member, ends their session here, and reactivates them', async () => {
    const seller = await makeSeller(t);
    const m = await makeMember(t, seller, { role: 'analyst' });
    expect((await m.agent.get('/api/v1/seller/members')).statusCode).toBe(200);
    const off = await seller.owner.post(`/api/v1/seller/members/${m.memberId}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json().status).toBe('deactivated');
    expect(await memberRow(m.memberId)).toMatchObject({ status: 'deactivated' });
    expect((await m.agent.get('/api/v1/seller/members')).statusCode).toBe(401);
    const again = await seller.owner.post(`/api/v1/seller/members/${m.memberId}/deactivate`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_transition');
    // signing in again does not reach the seller while deactivated
    const back = await new Agent(t.app).signIn(m.email, TEST_PASSWORD);
    expect((await back.get('/api/v1/seller/members')).statusCode).toBe(403);
    const on = await seller.owner.post(`/api/v1/seller/members/${m.memberId}/reactivate`);
    expect(on.statusCode).toBe(200);
    expect(on.json().status).toBe('active');
    const fresh = await new Agent(t.app).signIn(m.email, TEST_PASSWORD);
    expect((await fresh.get('/api/v1/seller/members')).statusCode).toBe(200);
    expect((await auditActions(m.memberId)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['member.deactivated', 'member.reactivated']),
    );
  });

  it('answers 401, 403 and 404 (another seller) for status changes and removal', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const m = await makeMember(t, seller, { role: 'analyst' });
    const peer = await makeMember(t, seller, { role: 'marketing' });
    for (const [method, path] of [
      ['post', 'deactivate'],
      ['post', 'reactivate'],
      ['delete', ''],
    ] as const) {
      const url = `/api/v1/seller/members/${m.memberId}${path ? `/${path}` : ''}`;
      const call = (a: Agent) => (method === 'post' ? a.post(url) : a.delete(url));
      expect((await call(new Agent(t.app))).statusCode).toBe(401);
      expect((await call(peer.agent)).statusCode).toBe(403);
      expect((await call(other.owner)).statusCode).toBe(404);
    }
    expect(await memberRow(m.memberId)).toMatchObject({ status: 'active', role: 'analyst' });
    expect((await seller.owner.post('/api/v1/seller/members/nope/deactivate')).statusCode).toBe(400);
  });

  it('removes a membership, ends the session here and keeps the history in the audit log', async () => {
    const seller = await makeSeller(t);
    const m = await makeMember(t, seller, { role: 'analyst' });
    const res = await seller.owner.delete(`/api/v1/seller/members/${m.memberId}`);
    expect(res.statusCode).toBe(200);
    expect(await memberRow(m.memberId)).toBeNull();
    expect((await m.agent.get('/api/v1/seller/members')).statusCode).toBe(401);
    const removed = (await auditActions(m.memberId)).find((a) => a.action === 'member.removed');
    expect(removed?.changes.email).toEqual({ from: m.email, to: null });
    expect((await seller.owner.delete(`/api/v1/seller/members/${m.memberId}`)).statusCode).toBe(404);
  });
});

describe('GET /login-log', () => {
  it("lists the team's sign-ins, newest first, with keyset pages", async () => {
    const seller = await makeSeller(t);
    const m = await makeMember(t, seller, { role: 'analyst' });
    const catalog = await makeMember(t, seller, { role: 'catalog_manager' });
    const res = await seller.owner.get('/api/v1/seller/login-log?limit=2');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ email: catalog.email, success: true, reason: null });
    expect(page.nextCursor).toBeTruthy();
    const next = await seller.owner.get(`/api/v1/seller/login-log?limit=2&cursor=${page.nextCursor}`);
    expect(page.items[1].email).toBe(m.email);
    expect(next.json().items.map((i: { email: string }) => i.email)).toContain(seller.ownerEmail);
    expect((await m.agent.get('/api/v1/seller/login-log')).statusCode).toBe(200);
    expect((await catalog.agent.get('/api/v1/seller/login-log')).statusCode).toBe(403);
    expect((await new Agent(t.app).get('/api/v1/seller/login-log')).statusCode).toBe(401);
    expect((await seller.owner.get('/api/v1/seller/login-log?limit=0')).statusCode).toBe(400);
    const other = await makeSeller(t);
    const theirs = (await other.owner.get('/api/v1/seller/login-log')).json().items;
    expect(theirs.map((i: { email: string }) => i.email)).not.toContain(m.email);
  });
});

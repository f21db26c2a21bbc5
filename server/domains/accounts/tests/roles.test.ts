import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeInvitation, makeMember, makeSeller } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const paths = (res: { json(): { errors?: { path: string }[] } }) => res.json().errors?.map((e) => e.path);

async function roleRow(id: string) {
  const { rows } = await t.database.raw('select name, permissions from roles where id = $1', [id]);
  return (rows[0] as { name: string; permissions: string[] } | undefined) ?? null;
}

describe('GET /roles and GET /permissions', () => {
  it('lists built-in roles with expanded permissions, then custom roles', async () => {
    const seller = await makeSeller(t);
    await seller.owner.post('/api/v1/seller/roles', { name: 'Auditor', permissions: ['audit:read'] });
    const res = await seller.owner.get('/api/v1/seller/roles');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; builtIn: boolean; name: string; permissions: string[] }[];
    const byId = Object.fromEntries(items.map((r) => [r.id, r]));
    expect(byId.owner).toMatchObject({ builtIn: true, name: 'Owner', memberCount: 1 });
    expect(byId.owner?.permissions).toContain('account:owner');
    expect(byId.admin?.permissions).not.toContain('account:owner');
    expect(byId.admin?.permissions).toContain('team:manage');
    expect(byId.analyst?.permissions).toEqual([
      'account:read',
      'audit:read',
      'catalog:read',
      'inventory:read',
      'stores:read',
      'team:read',
    ]);
    expect(items.at(-1)).toMatchObject({ builtIn: false, name: 'Auditor', permissions: ['audit:read'] });
  });

  it("names built-in roles in the caller's language", async () => {
    const seller = await makeSeller(t);
    await t.database.raw("update users set locale = 'zh-CN' where id = $1", [seller.ownerId]);
    const zh = (await seller.owner.get('/api/v1/seller/roles')).json().items;
    expect(zh[0]).toMatchObject({ id: 'owner', name: '所有者' });
    await t.database.raw("update users set locale = 'ru-RU' where id = $1", [seller.ownerId]);
    const ru = (await seller.owner.get('/api/v1/seller/members')).json().items;
    expect(ru[0].roleName).toBe('Владелец');
  });

  it('offers every permission except account:owner', async () => {
    const seller = await makeSeller(t);
    const res = await seller.owner.get('/api/v1/seller/permissions');
    expect(res.statusCode).toBe(200);
    const keys = res.json().items.map((p: { key: string }) => p.key);
    expect(keys).not.toContain('account:owner');
    expect(res.json().items).toContainEqual({ key: 'team:read', resource: 'team', action: 'read' });
  });

  it('answers 401 without a session and 403 without team:read', async () => {
    const seller = await makeSeller(t);
    const catalog = await makeMember(t, seller, { role: 'catalog_manager' });
    for (const url of ['/api/v1/seller/roles', '/api/v1/seller/permissions']) {
      expect((await new Agent(t.app).get(url)).statusCode).toBe(401);
      expect((await catalog.agent.get(url)).statusCode).toBe(403);
    }
  });
});

describe('POST /roles', () => {
  it('creates a custom role whose members get exactly its permissions', async () => {
    const seller = await makeSeller(t);
    const res = await seller.owner.post('/api/v1/seller/roles', {
      name: 'Store viewer',
      description: 'Looks at stores',
      permissions: ['stores:read', 'team:read', 'stores:read'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ builtIn: false, name: 'Store viewer', memberCount: 0 });
    expect(await roleRow(res.json().id)).toEqual({
      name: 'Store viewer',
      permissions: ['stores:read', 'team:read'],
    });
    const m = await makeMember(t, seller, { customRoleId: res.json().id });
    const session = (await m.agent.get('/api/auth/session')).json();
    expect(session.permissions).toEqual(['stores:read', 'team:read']);
    expect((await seller.owner.get('/api/v1/seller/members')).json().items[1].roleName).toBe('Store viewer');
  });

  it('refuses unknown permissions, account:owner, a missing or taken name', async () => {
    const seller = await makeSeller(t);
    const url = '/api/v1/seller/roles';
    const unknown = await seller.owner.post(url, { name: 'X', permissions: ['team:read', 'rockets:launch'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('unknown_permission');
    expect(unknown.json().errors[0]).toMatchObject({
      path: 'body.permissions.1',
      message: 'Unknown permission: rockets:launch.',
    });
    const owner = await seller.owner.post(url, { name: 'X', permissions: ['account:owner'] });
    expect(owner.json().code).toBe('unknown_permission');
    const noName = await seller.owner.post(url, { permissions: [] });
    expect(noName.statusCode).toBe(400);
    expect(paths(noName)).toContain('body.name');
    expect((await seller.owner.post(url, { name: 'Packers', permissions: [] })).statusCode).toBe(201);
    const taken = await seller.owner.post(url, { name: 'PACKERS', permissions: [] });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().code).toBe('role_name_taken');
    expect(paths(taken)).toEqual(['body.name']);
    const { rows } = await t.database.raw('select count(*)::int as n from roles where seller_id = $1', [
      seller.sellerId,
    ]);
    expect(rows[0]?.n).toBe(1);
  });

  it('answers 401 and 403, and nobody grants a permission they lack', async () => {
    const seller = await makeSeller(t);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    const body = { name: 'R', permissions: ['team:read'] };
    expect((await new Agent(t.app).post('/api/v1/seller/roles', body)).statusCode).toBe(401);
    expect((await analyst.agent.post('/api/v1/seller/roles', body)).statusCode).toBe(403);
    const lead = await seller.owner.post('/api/v1/seller/roles', {
      name: 'Lead',
      permissions: ['team:read', 'team:manage'],
    });
    const m = await makeMember(t, seller, { customRoleId: lead.json().id });
    const more = await m.agent.post('/api/v1/seller/roles', { name: 'More', permissions: ['audit:read'] });
    expect(more.statusCode).toBe(403);
    expect(more.json().code).toBe('permission_denied');
    expect((await m.agent.post('/api/v1/seller/roles', body)).statusCode).toBe(201);
  });
});

describe('PATCH /roles/{id}', () => {
  it("changes a custom role; its members' permissions follow at once", async () => {
    const seller = await makeSeller(t);
    const role = (
      await seller.owner.post('/api/v1/seller/roles', { name: 'Ops', permissions: ['team:read'] })
    ).json();
    const m = await makeMember(t, seller, { customRoleId: role.id });
    expect((await m.agent.get('/api/v1/seller/audit-log')).statusCode).toBe(403);
    const res = await seller.owner.patch(`/api/v1/seller/roles/${role.id}`, {
      name: 'Operations',
      permissions: ['team:read', 'audit:read'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Operations',
      permissions: ['audit:read', 'team:read'],
      memberCount: 1,
    });
    expect(await roleRow(role.id)).toMatchObject({ name: 'Operations' });
    expect((await m.agent.get('/api/auth/session')).json().permissions).toContain('audit:read');
    const { rows } = await t.database.raw(
      "select changes from audit_log where entity_id = $1 and action = 'role.updated'",
      [role.id],
    );
    expect(rows[0]?.changes).toMatchObject({ name: { from: 'Ops', to: 'Operations' } });
  });

  it('answers 400, 401, 403 and 404 (another seller, row unchanged)', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    const role = (
      await seller.owner.post('/api/v1/seller/roles', { name: 'Ops', permissions: ['team:read'] })
    ).json();
    const url = `/api/v1/seller/roles/${role.id}`;
    const bad = await seller.owner.patch(url, { permissions: ['nope'] });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad)).toEqual(['body.permissions.0']);
    expect((await seller.owner.patch(url, { name: '' })).statusCode).toBe(400);
    expect((await seller.owner.patch('/api/v1/seller/roles/owner', { name: 'Boss' })).statusCode).toBe(400);
    expect((await new Agent(t.app).patch(url, { name: 'Y' })).statusCode).toBe(401);
    expect((await analyst.agent.patch(url, { name: 'Y' })).statusCode).toBe(403);
    expect((await other.owner.patch(url, { name: 'Y' })).statusCode).toBe(404);
    expect(await roleRow(role.id)).toEqual({ name: 'Ops', permissions: ['team:read'] });
  });
});

describe('DELETE /roles/{id}', () => {
  it('refuses a role in use (with the count), then deletes it once unused', async () => {
    const seller = await makeSeller(t);
    const role = (
      await seller.owner.post('/api/v1/seller/roles', { name: 'Ops', permissions: ['team:read'] })
    ).json();
    const m = await makeMember(t, seller, { customRoleId: role.id });
    const inv = await makeInvitation(t, seller, { customRoleId: role.id });
    const inUse = await seller.owner.delete(`/api/v1/seller/roles/${role.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: 'role_in_use' });
    expect(inUse.json().detail).toContain('2');
    await seller.owner.patch(`/api/v1/seller/members/${m.memberId}`, { role: 'analyst' });
    await seller.owner.delete(`/api/v1/seller/invitations/${inv.invitationId}`);
    const res = await seller.owner.delete(`/api/v1/seller/roles/${role.id}`);
    expect(res.statusCode).toBe(200);
    expect(await roleRow(role.id)).toBeNull();
    const list = (await seller.owner.get('/api/v1/seller/invitations')).json().items;
    expect(list[0]).toMatchObject({ status: 'revoked', customRoleId: null });
  });

  it('answers 401, 403 and 404 (another seller, row unchanged)', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    const role = (await seller.owner.post('/api/v1/seller/roles', { name: 'Ops', permissions: [] })).json();
    const url = `/api/v1/seller/roles/${role.id}`;
    expect((await new Agent(t.app).delete(url)).statusCode).toBe(401);
    expect((await analyst.agent.delete(url)).statusCode).toBe(403);
    expect((await other.owner.delete(url)).statusCode).toBe(404);
    expect(await roleRow(role.id)).not.toBeNull();
  });
});

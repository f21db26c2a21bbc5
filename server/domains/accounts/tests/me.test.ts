import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeOperator, makeSeller, TEST_PASSWORD } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const NEW_PASSWORD = 'Another-Pass-2027?';

describe('PATCH /api/auth/me', () => {
  it('changes name and language, and the audit shows from → to', async () => {
    const { owner, ownerId } = await makeSeller(t);
    const res = await owner.patch('/api/auth/me', { name: '  Wang Fang ', locale: 'zh-CN' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: ownerId, name: 'Wang Fang', locale: 'zh-CN' });

    const session = (await owner.get('/api/auth/session')).json();
    expect(session.user).toMatchObject({ name: 'Wang Fang', locale: 'zh-CN' });
    const audit = (await t.database.raw(
      "select changes from audit_log where entity_id = $1 and action = 'user.profile.update'",
      [ownerId],
    )) as { rows: { changes: Record<string, { from: unknown; to: unknown }> }[] };
    expect(audit.rows[0]?.changes).toEqual({
      name: { from: 'Test Owner', to: 'Wang Fang' },
      locale: { from: 'en-US', to: 'zh-CN' },
    });

    const bad = await owner.patch('/api/auth/me', { locale: 'fr-FR' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.locale');

    const only = await owner.patch('/api/auth/me', { locale: 'ru-RU' });
    expect(only.json()).toEqual({ id: ownerId, name: 'Wang Fang', locale: 'ru-RU' });
  });

  it('works for operators too', async () => {
    const { agent } = await makeOperator(t, 'support');
    const res = await agent.patch('/api/auth/me', { name: 'Support Desk' });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('Support Desk');
  });

  it('rejects bad input and anonymous callers', async () => {
    const { owner } = await makeSeller(t);
    const empty = await owner.patch('/api/auth/me', { name: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('body.name');
    const extra = await owner.patch('/api/auth/me', { email: 'x@test.local' });
    expect(extra.statusCode).toBe(400);
    expect((await new Agent(t.app).patch('/api/auth/me', { name: 'x' })).statusCode).toBe(401);
  });
});

describe('POST /api/auth/me/password', () => {
  it('needs the current password', async () => {
    const { owner } = await makeSeller(t);
    const res = await owner.post('/api/auth/me/password', {
      currentPassword: 'not-my-password',
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ path: 'body.currentPassword', code: 'password_wrong' }),
    ]);
  });

  it('explains every broken strength rule', async () => {
    const { owner } = await makeSeller(t);
    const res = await owner.post('/api/auth/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'abc',
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { path: string; code: string }[];
    expect(errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['password_too_short', 'password_too_simple']),
    );
    expect(errors.every((e) => e.path === 'body.newPassword')).toBe(true);
  });

  it('changes the password and ends every other session', async () => {
    const { owner, ownerEmail, ownerId } = await makeSeller(t);
    const laptop = await new Agent(t.app).signIn(ownerEmail, TEST_PASSWORD);
    const res = await owner.post('/api/auth/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ changed: true, revokedSessions: 1 });

    expect((await owner.get('/api/auth/me/sessions')).statusCode).toBe(200);
    expect((await laptop.get('/api/auth/me/sessions')).statusCode).toBe(401);
    const old = await new Agent(t.app).post('/api/auth/sign-in', {
      email: ownerEmail,
      password: TEST_PASSWORD,
    });
    expect(old.statusCode).toBe(401);
    await new Agent(t.app).signIn(ownerEmail, NEW_PASSWORD);

    const audit = (await t.database.raw(
      "select changes::text as changes from audit_log where entity_id = $1 and action = 'user.password.change'",
      [ownerId],
    )) as { rows: { changes: string }[] };
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.changes).not.toContain(NEW_PASSWORD);
    expect(audit.rows[0]?.changes).not.toContain(TEST_PASSWORD);
  });

  it('rejects missing fields and anonymous callers', async () => {
    const { owner } = await makeSeller(t);
    const res = await owner.post('/api/auth/me/password', { newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('body.currentPassword');
    const anonymous = await new Agent(t.app).post('/api/auth/me/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('GET /api/auth/me/login-log', () => {
  it('pages through the own sign-ins, newest first', async () => {
    const { owner, ownerEmail } = await makeSeller(t);
    const stranger = await makeSeller(t);
    await new Agent(t.app).post('/api/auth/sign-in', { email: ownerEmail, password: 'wrong-password' });
    await new Agent(t.app).signIn(ownerEmail, TEST_PASSWORD);

    const first = await owner.get('/api/auth/me/login-log?limit=2');
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0]).toMatchObject({ email: ownerEmail, success: true });
    expect(page1.items[1]).toMatchObject({ success: false, reason: 'invalid_credentials' });
    expect(page1.nextCursor).toEqual(expect.any(String));

    const page2 = (await owner.get(`/api/auth/me/login-log?limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const all = [...page1.items, ...page2.items] as { email: string }[];
    expect(all.every((e) => e.email === ownerEmail)).toBe(true);
    expect(all.some((e) => e.email === stranger.ownerEmail)).toBe(false);

    const bad = await owner.get('/api/auth/me/login-log?limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.limit');
    expect((await owner.get('/api/auth/me/login-log?cursor=garbage')).statusCode).toBe(400);
    expect((await new Agent(t.app).get('/api/auth/me/login-log')).statusCode).toBe(401);
  });
});

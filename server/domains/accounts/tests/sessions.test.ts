import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeSeller, TEST_PASSWORD } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const signedIn = (email: string) => new Agent(t.app).signIn(email, TEST_PASSWORD);

const revokedAt = async (sessionId: string) =>
  (
    (await t.database.raw('select revoked_at from sessions where id = $1', [sessionId])) as {
      rows: { revoked_at: Date | null }[];
    }
  ).rows[0]?.revoked_at ?? null;

describe('GET /api/auth/me/sessions', () => {
  it("lists the user's open sessions and marks the current one", async () => {
    const { owner, ownerEmail } = await makeSeller(t);
    const laptop = await signedIn(ownerEmail);
    const other = await makeSeller(t);

    const res = await owner.get('/api/auth/me/sessions');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; current: boolean; ip: string; createdAt: string }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items.find((s) => s.current)?.ip).toBe(owner.ip);
    expect(items.find((s) => !s.current)?.ip).toBe(laptop.ip);
    expect(Date.parse(items[0]?.createdAt ?? '')).not.toBeNaN();

    const theirs = (await other.owner.get('/api/auth/me/sessions')).json().items as { id: string }[];
    expect(theirs.map((s) => s.id)).not.toContain(items[0]?.id);
  });

  it('needs a session', async () => {
    const res = await new Agent(t.app).get('/api/auth/me/sessions');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });
});

describe('revoking sessions', () => {
  it('signs out one session; another user’s session id is 404 and stays open', async () => {
    const { owner, ownerEmail } = await makeSeller(t);
    const phone = await signedIn(ownerEmail);
    const items = (await owner.get('/api/auth/me/sessions')).json().items as {
      id: string;
      current: boolean;
    }[];
    const phoneSession = items.find((s) => !s.current)?.id as string;

    const stranger = await makeSeller(t);
    const foreign = await stranger.owner.delete(`/api/auth/me/sessions/${phoneSession}`);
    expect(foreign.statusCode).toBe(404);
    expect(await revokedAt(phoneSession)).toBeNull();
    expect((await phone.get('/api/auth/me/sessions')).statusCode).toBe(200);

    const res = await owner.delete(`/api/auth/me/sessions/${phoneSession}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revoked: true });
    expect(await revokedAt(phoneSession)).not.toBeNull();
    const after = await phone.get('/api/auth/me/sessions');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('session_expired');
    expect((await owner.get('/api/auth/me/sessions')).statusCode).toBe(200);

    const again = await owner.delete(`/api/auth/me/sessions/${phoneSession}`);
    expect(again.statusCode).toBe(404);
    const bad = await owner.delete('/api/auth/me/sessions/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('params.id');
    expect((await new Agent(t.app).delete(`/api/auth/me/sessions/${phoneSession}`)).statusCode).toBe(401);
  });

  it('signs out everywhere else', async () => {
    const { owner, ownerEmail } = await makeSeller(t);
    const a = await signedIn(ownerEmail);
    const b = await signedIn(ownerEmail);
    const res = await owner.post('/api/auth/me/sessions/revoke-others');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ revoked: 2 });
    expect((await a.get('/api/auth/me/sessions')).statusCode).toBe(401);
    expect((await b.get('/api/auth/me/sessions')).statusCode).toBe(401);
    const mine = (await owner.get('/api/auth/me/sessions')).json().items;
    expect(mine).toHaveLength(1);
  });

  it('refuses a write without the CSRF token', async () => {
    const { owner } = await makeSeller(t);
    const res = await owner.post('/api/auth/me/sessions/revoke-others', {}, { 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_invalid');
  });
});

describe('session expiry', () => {
  it('ends a session idle for longer than the idle limit', async () => {
    const { owner, ownerId } = await makeSeller(t);
    expect((await owner.get('/api/auth/me/sessions')).statusCode).toBe(200);
    await t.database.raw("update sessions set last_seen_at = now() - interval '3 hours' where user_id = $1", [
      ownerId,
    ]);
    const res = await owner.get('/api/auth/me/sessions');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session_expired');
    expect((await owner.get('/api/v1/seller/company')).json().code).toBe('session_expired');
  });

  it('ends a session past its absolute lifetime even when used', async () => {
    const { owner, ownerId } = await makeSeller(t);
    await t.database.raw("update sessions set expires_at = now() - interval '1 minute' where user_id = $1", [
      ownerId,
    ]);
    const res = await owner.get('/api/auth/me/sessions');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('session_expired');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../scripts/seed-demo';
import { Agent } from '../helpers/http';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const counts = async () =>
  (
    await t.database.raw(`select (select count(*) from users)::int as users, (select count(*) from sellers)::int as sellers,
      (select count(*) from stores)::int as stores, (select count(*) from members)::int as members`)
  ).rows[0];

describe('demo seed', () => {
  it('creates an operator and sellers with stores and sub-accounts, and is idempotent', async () => {
    const logins = await seedDemo(t.database);
    const first = await counts();
    // One operator; three owners (one seller still in review) and four sub-accounts.
    expect(first).toEqual({ users: 8, sellers: 3, stores: 3, members: 7 });
    await seedDemo(t.database);
    expect(await counts()).toEqual(first);

    for (const login of logins) {
      expect(login.password).toBe(DEMO_PASSWORD);
      await new Agent(t.app).signIn(login.email, login.password);
    }
    const catalog = await new Agent(t.app).signIn('catalog@demo-shop-1.sellercenter.dev', DEMO_PASSWORD);
    const session = (await catalog.get('/api/auth/session')).json();
    expect(session.stores).toHaveLength(1);
    expect(session.permissions).not.toContain('team:read');
  });
});

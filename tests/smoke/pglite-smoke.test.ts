import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSeller, uniqueEmail } from '../../server/domains/accounts/factories';
import { Agent } from '../helpers/http';
import { createTestApp, type TestApp } from '../helpers/test-app';

/** The embedded default: start, migrate, sign in, one write, one read — on PGlite. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ engine: 'pglite' });
});
afterAll(async () => {
  await t.close();
});

describe('smoke on embedded PGlite', () => {
  it('starts migrated, signs in, writes and reads through tenant transactions', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({
      database: 'pglite',
    });
    const { owner, sellerId } = await makeSeller(t);
    const session = await owner.get('/api/auth/session');
    expect(session.statusCode).toBe(200);
    expect(session.json().seller.id).toBe(sellerId);

    const write = await new Agent(t.app).post('/api/auth/sign-up', {
      legalName: 'Smoke Test Ltd',
      country: 'KZ',
      defaultCurrency: 'KZT',
      name: 'Aigerim',
      email: uniqueEmail('smoke'),
      password: 'Strong-Passw0rd!',
    });
    expect(write.statusCode).toBe(201);
    const { rows } = await t.database.raw('select status from sellers where id = $1', [
      write.json().sellerId,
    ]);
    expect(rows[0]?.status).toBe('pending_review');
  });
});

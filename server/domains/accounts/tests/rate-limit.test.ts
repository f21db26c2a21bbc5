import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { uniqueEmail } from '../factories';

// A separate file: this app is built with a tiny per-minute limit on the auth routes.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_AUTH_PER_MINUTE: '3' } });
});
afterAll(async () => {
  await t.close();
});

describe('auth rate limit', () => {
  it('answers the 4th sign-in attempt in a minute from one address with 429 and Retry-After', async () => {
    const agent = new Agent(t.app);
    const body = { email: uniqueEmail('limited'), password: 'whatever-password' };
    for (let i = 0; i < 3; i++) expect((await agent.post('/api/auth/sign-in', body)).statusCode).toBe(401);
    const limited = await agent.post('/api/auth/sign-in', body);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.json().code).toBe('rate_limited');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    // Another address is not affected.
    expect((await new Agent(t.app).post('/api/auth/sign-in', body)).statusCode).toBe(401);
  });
});

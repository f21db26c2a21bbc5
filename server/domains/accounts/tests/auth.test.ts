import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeSeller, TEST_PASSWORD, uniqueEmail } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const signUpBody = (email: string) => ({
  legalName: 'Hangzhou Example Trading Co., Ltd.',
  country: 'CN',
  defaultCurrency: 'CNY',
  name: 'Li Wei',
  email,
  password: 'Strong-Passw0rd!',
});

describe('sign-up and email verification', () => {
  it('creates a pending seller and sends a verification link over SMTP', async () => {
    const email = uniqueEmail('signup');
    const agent = new Agent(t.app);
    const res = await agent.post('/api/auth/sign-up', signUpBody(email));
    expect(res.statusCode).toBe(201);
    const mail = await t.smtp.waitFor(email, { subject: /Confirm/ });
    const token = /token=([\w-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();

    const early = await agent.post('/api/auth/sign-in', { email, password: 'Strong-Passw0rd!' });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('email_not_verified');

    expect((await agent.post('/api/auth/verify-email', { token })).statusCode).toBe(200);
    const reuse = await agent.post('/api/auth/verify-email', { token });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().code).toBe('token_invalid');

    await agent.signIn(email, 'Strong-Passw0rd!');
    const session = (await agent.get('/api/auth/session')).json();
    expect(session.seller.status).toBe('pending_review');
    expect(session.permissions).toContain('account:owner');
    const audit = (await agent.get('/api/v1/seller/audit-log?action=seller.sign_up')).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].changes.owner).toEqual({ from: null, to: email });
  });

  it('explains every broken password rule and refuses a taken email', async () => {
    const agent = new Agent(t.app);
    const weak = await agent.post('/api/auth/sign-up', {
      ...signUpBody(uniqueEmail('weak')),
      password: 'abc',
    });
    expect(weak.statusCode).toBe(400);
    const codes = weak.json().errors.map((e: { code: string }) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['password_too_short', 'password_too_simple']));
    expect(weak.json().errors[0].path).toBe('body.password');

    const { ownerEmail } = await makeSeller(t);
    const taken = await agent.post('/api/auth/sign-up', signUpBody(ownerEmail));
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors[0]).toMatchObject({ path: 'body.email', code: 'email_taken' });
  });
});

describe('sign-in security', () => {
  it('locks the account after 5 failures in 15 minutes and says until when', async () => {
    const { ownerEmail } = await makeSeller(t);
    const agent = new Agent(t.app);
    for (let i = 0; i < 5; i++) {
      const res = await agent.post('/api/auth/sign-in', { email: ownerEmail, password: 'wrong-password' });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('invalid_credentials');
    }
    const locked = await agent.post('/api/auth/sign-in', { email: ownerEmail, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('account_locked');
    expect(locked.json().detail).toMatch(/locked until \d{4}-/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const { owner } = await makeSeller(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: owner.cookie ?? '' },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_invalid');
    expect((await owner.post('/api/auth/sign-out')).statusCode).toBe(200);
    expect((await owner.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('answers problem+json for unknown routes, wrong methods and malformed bodies', async () => {
    const agent = new Agent(t.app);
    const unknown = await agent.get('/api/v1/nothing-here');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect((await agent.delete('/api/auth/sign-in')).statusCode).toBe(405);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('malformed_json');
    const extra = await agent.post('/api/auth/sign-in', { email: 'a@b.cn', password: 'x', admin: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'body.admin' })]),
    );
    const big = await agent.post('/api/auth/sign-in', { email: 'a@b.cn', password: 'x'.repeat(2_000_000) });
    expect(big.statusCode).toBe(413);
  });
});

describe('password reset by email', () => {
  it('sends a single-use link that sets a new password and ends every session', async () => {
    const { ownerEmail, owner } = await makeSeller(t);
    const anonymous = new Agent(t.app);
    const since = t.smtp.messages.at(-1)?.id ?? 0;
    const asked = await anonymous.post('/api/auth/forgot-password', { email: ownerEmail });
    expect(asked.statusCode).toBe(202);
    // The same answer for an address that has no account: nothing to probe.
    expect(
      (await anonymous.post('/api/auth/forgot-password', { email: uniqueEmail('nobody') })).statusCode,
    ).toBe(202);
    const mail = await t.smtp.waitFor(ownerEmail, { since, subject: /Reset/ });
    const token = /token=([\w-]+)/.exec(mail.text)?.[1];

    const weak = await anonymous.post('/api/auth/reset-password', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toMatchObject({
      path: 'body.password',
      message: 'Use at least 10 characters.',
    });

    const done = await anonymous.post('/api/auth/reset-password', { token, password: 'Brand-New-Pass-7!' });
    expect(done.statusCode).toBe(200);
    expect((await owner.get('/api/auth/session')).statusCode).toBe(401);
    const reuse = await anonymous.post('/api/auth/reset-password', {
      token,
      password: 'Another-New-Pass-8!',
    });
    expect(reuse.json().code).toBe('token_invalid');

    expect(
      (await anonymous.post('/api/auth/sign-in', { email: ownerEmail, password: TEST_PASSWORD })).statusCode,
    ).toBe(401);
    await new Agent(t.app).signIn(ownerEmail, 'Brand-New-Pass-7!');
  });

  it('refuses a link older than 30 minutes', async () => {
    const { ownerEmail } = await makeSeller(t);
    const anonymous = new Agent(t.app);
    const since = t.smtp.messages.at(-1)?.id ?? 0;
    await anonymous.post('/api/auth/forgot-password', { email: ownerEmail });
    const mail = await t.smtp.waitFor(ownerEmail, { since, subject: /Reset/ });
    const token = /token=([\w-]+)/.exec(mail.text)?.[1];
    await t.database.raw(
      "update user_tokens set expires_at = now() - interval '1 minute' where purpose = 'reset_password' and used_at is null",
    );
    const late = await anonymous.post('/api/auth/reset-password', { token, password: 'Brand-New-Pass-7!' });
    expect(late.statusCode).toBe(400);
    expect(late.json().code).toBe('token_expired');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { openSecret } from '../../../platform/auth/secret-box';
import { currentTotp } from '../../../platform/auth/totp';
import { makeSeller, TEST_PASSWORD } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Codes of the next 30-second step: still accepted (±1 step), and never the one used just before. */
const nextCode = (secret: string) => currentTotp(secret, Date.now() + 30_000);

async function enrol(agent: Agent) {
  const setup = await agent.post('/api/auth/me/2fa/setup');
  expect(setup.statusCode).toBe(200);
  const { secret, otpauthUrl, qrDataUrl } = setup.json();
  expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
  expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
  const enable = await agent.post('/api/auth/me/2fa/enable', { code: await currentTotp(secret) });
  expect(enable.statusCode).toBe(200);
  return { secret: secret as string, recoveryCodes: enable.json().recoveryCodes as string[] };
}

const userRow = async (userId: string) =>
  (
    (await t.database.raw('select totp_secret, totp_enabled_at from users where id = $1', [userId])) as {
      rows: { totp_secret: string | null; totp_enabled_at: Date | null }[];
    }
  ).rows[0];

const recoveryHashes = async (userId: string) =>
  (
    (await t.database.raw('select code_hash from recovery_codes where user_id = $1', [userId])) as {
      rows: { code_hash: string }[];
    }
  ).rows.map((r) => r.code_hash);

describe('two-factor enrolment', () => {
  it('enrols with a code from the returned secret and stores only hashed recovery codes', async () => {
    const { owner, ownerId } = await makeSeller(t);
    const setup = await owner.post('/api/auth/me/2fa/setup');
    const { secret } = setup.json();
    // Stored encrypted under the application secret, never as the plain key.
    const stored = String((await userRow(ownerId))?.totp_secret);
    expect(stored).not.toContain(secret);
    expect(openSecret(stored)).toBe(secret);
    expect((await userRow(ownerId))?.totp_enabled_at).toBeNull();

    const good = await currentTotp(secret);
    const wrong = await owner.post('/api/auth/me/2fa/enable', {
      code: good === '000000' ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'totp_invalid',
      errors: [{ path: 'body.code', code: 'totp_invalid' }],
    });

    const enable = await owner.post('/api/auth/me/2fa/enable', { code: good });
    expect(enable.statusCode).toBe(200);
    const codes: string[] = enable.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await userRow(ownerId))?.totp_enabled_at).not.toBeNull();
    const hashes = await recoveryHashes(ownerId);
    expect(hashes).toHaveLength(10);
    for (const code of codes) expect(hashes).not.toContain(code);

    const session = (await owner.get('/api/auth/session')).json();
    expect(session.user.totpEnabled).toBe(true);
    const again = await owner.post('/api/auth/me/2fa/setup');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('totp_already_enabled');
  });

  it('refuses enable without a set-up, bad input, and callers without a session', async () => {
    const { owner } = await makeSeller(t);
    const missing = await owner.post('/api/auth/me/2fa/enable', { code: '123456' });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().code).toBe('totp_setup_missing');

    const bad = await owner.post('/api/auth/me/2fa/enable', { code: '12ab' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.code');

    const anonymous = new Agent(t.app);
    for (const path of ['setup', 'enable', 'disable', 'recovery-codes']) {
      const res = await anonymous.post(`/api/auth/me/2fa/${path}`, { code: '123456' });
      expect(res.statusCode).toBe(401);
    }
  });

  it('emits security.2fa_changed on and off', async () => {
    const { owner, ownerId } = await makeSeller(t);
    const { recoveryCodes } = await enrol(owner);
    expect((await owner.post('/api/auth/me/2fa/disable', { code: recoveryCodes[0] })).statusCode).toBe(200);
    const events = (await t.database.raw(
      "select payload from outbox_events where type = 'security.2fa_changed' and payload->>'userId' = $1 order by id",
      [ownerId],
    )) as { rows: { payload: { state: string } }[] };
    expect(events.rows.map((r) => r.payload.state)).toEqual(['on', 'off']);
  });
});

describe('signing in with two factors', () => {
  it('holds the session in mfa-pending until a fresh code, and refuses a replayed one', async () => {
    const { owner, ownerEmail } = await makeSeller(t);
    const { secret } = await enrol(owner);
    expect((await owner.post('/api/auth/sign-out')).statusCode).toBe(200);

    const agent = new Agent(t.app);
    const signIn = await agent.post('/api/auth/sign-in', { email: ownerEmail, password: TEST_PASSWORD });
    expect(signIn.json()).toEqual({ mfaRequired: true });
    await agent.refreshCsrf();
    const pending = await agent.get('/api/auth/me/sessions');
    expect(pending.statusCode).toBe(401);
    expect(pending.json().code).toBe('mfa_required');
    const sellerRoute = await agent.get('/api/v1/seller/company');
    expect(sellerRoute.statusCode).toBe(401);
    expect(sellerRoute.json().code).toBe('mfa_required');

    const code = await nextCode(secret);
    expect((await agent.post('/api/auth/2fa/verify', { code })).statusCode).toBe(200);
    expect((await agent.get('/api/auth/me/sessions')).statusCode).toBe(200);

    const other = new Agent(t.app);
    await other.post('/api/auth/sign-in', { email: ownerEmail, password: TEST_PASSWORD });
    await other.refreshCsrf();
    const replay = await other.post('/api/auth/2fa/verify', { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('totp_invalid');
    expect((await other.get('/api/auth/me/sessions')).statusCode).toBe(401);
  });

  it('accepts a recovery code once', async () => {
    const { owner, ownerEmail } = await makeSeller(t);
    const { recoveryCodes } = await enrol(owner);
    const code = recoveryCodes[3] as string;

    const first = new Agent(t.app);
    await first.post('/api/auth/sign-in', { email: ownerEmail, password: TEST_PASSWORD });
    await first.refreshCsrf();
    expect((await first.post('/api/auth/2fa/verify', { recoveryCode: code.toUpperCase() })).statusCode).toBe(
      200,
    );
    expect((await first.get('/api/auth/me/sessions')).statusCode).toBe(200);

    const second = new Agent(t.app);
    await second.post('/api/auth/sign-in', { email: ownerEmail, password: TEST_PASSWORD });
    await second.refreshCsrf();
    const reused = await second.post('/api/auth/2fa/verify', { recoveryCode: code });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('totp_invalid');
  });
});

describe('turning two-factor off and new recovery codes', () => {
  it('refuses to disable without a valid code, and disables with one', async () => {
    const { owner, ownerId, ownerEmail } = await makeSeller(t);
    const { recoveryCodes } = await enrol(owner);

    for (const code of ['000000', 'zzzzz-zzzzz']) {
      const res = await owner.post('/api/auth/me/2fa/disable', { code });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ path: 'body.code', code: 'totp_invalid' });
    }
    expect((await owner.post('/api/auth/me/2fa/disable', {})).statusCode).toBe(400);
    expect((await userRow(ownerId))?.totp_enabled_at).not.toBeNull();

    const off = await owner.post('/api/auth/me/2fa/disable', { code: recoveryCodes[0] });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({ enabled: false });
    expect(await userRow(ownerId)).toEqual({ totp_secret: null, totp_enabled_at: null });
    expect(await recoveryHashes(ownerId)).toHaveLength(0);

    const again = await owner.post('/api/auth/me/2fa/disable', { code: recoveryCodes[1] });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('totp_not_enabled');

    const agent = new Agent(t.app);
    const signIn = await agent.post('/api/auth/sign-in', { email: ownerEmail, password: TEST_PASSWORD });
    expect(signIn.json()).toEqual({ mfaRequired: false });
  });

  it('counts wrong codes towards the lockout, so a stolen session cannot guess them', async () => {
    const { owner, ownerId } = await makeSeller(t);
    const { recoveryCodes } = await enrol(owner);
    for (let i = 0; i < 5; i++) {
      const res = await owner.post('/api/auth/me/2fa/disable', { code: '000000' });
      expect(res.statusCode).toBe(400);
    }
    const locked = await owner.post('/api/auth/me/2fa/disable', { code: recoveryCodes[0] });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await userRow(ownerId))?.totp_enabled_at).not.toBeNull();
    const log = (await owner.get('/api/auth/me/login-log')).json().items as { reason: string }[];
    expect(log.filter((e) => e.reason === 'totp_invalid')).toHaveLength(5);
  });

  it('disables with a current TOTP code', async () => {
    const { owner, ownerId } = await makeSeller(t);
    const { secret } = await enrol(owner);
    const off = await owner.post('/api/auth/me/2fa/disable', { code: await nextCode(secret) });
    expect(off.statusCode).toBe(200);
    expect((await userRow(ownerId))?.totp_enabled_at).toBeNull();
  });

  it('regenerates recovery codes; the old ones stop working', async () => {
    const { owner, ownerEmail } = await makeSeller(t);
    const { recoveryCodes: old } = await enrol(owner);

    const refused = await owner.post('/api/auth/me/2fa/recovery-codes', { code: '000000' });
    expect(refused.statusCode).toBe(400);

    const res = await owner.post('/api/auth/me/2fa/recovery-codes', { code: old[0] });
    expect(res.statusCode).toBe(200);
    const fresh: string[] = res.json().recoveryCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => old.includes(c))).toBe(false);

    const agent = new Agent(t.app);
    await agent.post('/api/auth/sign-in', { email: ownerEmail, password: TEST_PASSWORD });
    await agent.refreshCsrf();
    expect((await agent.post('/api/auth/2fa/verify', { recoveryCode: old[1] })).statusCode).toBe(400);
    expect((await agent.post('/api/auth/2fa/verify', { recoveryCode: fresh[0] })).statusCode).toBe(200);
  });
});

describe('a seller that requires two-factor authentication', () => {
  it('blocks seller routes for members without 2FA but lets them set it up', async () => {
    const { owner } = await makeSeller(t);
    const policy = await owner.put('/api/v1/seller/company/security-policy', { require2fa: true });
    expect(policy.statusCode).toBe(200);

    const blocked = await owner.get('/api/v1/seller/company');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('mfa_enrolment_required');
    expect((await owner.get('/api/auth/me/sessions')).statusCode).toBe(200);

    const { recoveryCodes } = await enrol(owner);
    expect((await owner.get('/api/v1/seller/company')).statusCode).toBe(200);

    // Turning it off is allowed; the policy applies again straight away.
    expect((await owner.post('/api/auth/me/2fa/disable', { code: recoveryCodes[0] })).statusCode).toBe(200);
    const again = await owner.get('/api/v1/seller/company');
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('mfa_enrolment_required');
  });
});

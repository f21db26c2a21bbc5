import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { failAfterCommit, principalOf, systemCtx } from '../../../platform/http/context';
import { isAppError } from '../../../platform/http/errors';
import { pageOf, pageQuery } from '../../../platform/http/pagination';
import { LOCALES } from '../../../platform/i18n/locale';
import { listOwnLoginLog } from '../service/login-log';
import { changePassword, changePasswordInput, updateProfile, updateProfileInput } from '../service/me';
import { listSessions, revokeOtherSessions, revokeSession } from '../service/sessions';
import {
  disableTwoFactor,
  enableTwoFactor,
  regenerateRecoveryCodes,
  secondFactorCodeInput,
  setupTwoFactor,
  totpCodeInput,
} from '../service/two-factor';

const tags = ['account'];
const iso = (d: Date) => d.toISOString();

const profileSchema = z
  .object({ id: z.string(), name: z.string(), locale: z.enum(LOCALES) })
  .meta({ id: 'Profile' });

const sessionSchema = z
  .object({
    id: z.string(),
    ip: z.string().nullable().describe('Address the session was opened from.'),
    userAgent: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    current: z.boolean().describe('True for the session making this request.'),
  })
  .meta({ id: 'Session' });

const loginLogEntry = z
  .object({
    id: z.string(),
    createdAt: z.iso.datetime(),
    email: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    success: z.boolean(),
    reason: z
      .string()
      .nullable()
      .describe('Why it failed (invalid_credentials, totp_invalid, locked …), or how it passed.'),
  })
  .meta({ id: 'LoginLogEntry' });

const recoveryCodesSchema = z.object({
  recoveryCodes: z.array(z.string()).describe('Single-use codes, shown only now: store them safely.'),
});

const me = (req: FastifyRequest) => {
  const p = principalOf(req);
  return { userId: p.userId, sessionId: p.sessionId };
};

/** The signed-in user's own account: profile, password, sessions, sign-in history, two-factor authentication. */
export async function meRoutes(app: App) {
  app.patch(
    '/api/auth/me',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'updateMe',
        tags,
        summary: 'Change your name or language',
        body: updateProfileInput,
        response: { 200: profileSchema },
      },
    },
    async (req) => profileSchema.parse(await updateProfile(systemCtx(req), me(req), req.body)),
  );

  app.post(
    '/api/auth/me/password',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'changeMyPassword',
        tags,
        summary: 'Change your password; your other sessions end',
        description: 'A wrong current password answers 400 with `body.currentPassword` / `password_wrong`.',
        body: changePasswordInput,
        response: {
          200: z.object({
            changed: z.literal(true),
            revokedSessions: z.number().int().describe('How many other sessions were signed out.'),
          }),
        },
      },
    },
    async (req) => changePassword(systemCtx(req), me(req), req.body),
  );

  app.get(
    '/api/auth/me/sessions',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'listMySessions',
        tags,
        summary: 'Your active sessions, most recently used first',
        response: { 200: z.object({ items: z.array(sessionSchema) }) },
      },
    },
    async (req) => {
      const rows = await listSessions(systemCtx(req), me(req).userId, me(req).sessionId);
      return {
        items: rows.map((r) => ({ ...r, createdAt: iso(r.createdAt), lastSeenAt: iso(r.lastSeenAt) })),
      };
    },
  );

  app.delete(
    '/api/auth/me/sessions/:id',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'revokeMySession',
        tags,
        summary: 'Sign out one of your sessions',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ revoked: z.literal(true) }) },
      },
    },
    async (req) => {
      await revokeSession(systemCtx(req), me(req).userId, req.params.id);
      return { revoked: true as const };
    },
  );

  app.post(
    '/api/auth/me/sessions/revoke-others',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'revokeMyOtherSessions',
        tags,
        summary: 'Sign out everywhere except here',
        response: { 200: z.object({ revoked: z.number().int() }) },
      },
    },
    async (req) => revokeOtherSessions(systemCtx(req), me(req).userId, me(req).sessionId),
  );

  app.get(
    '/api/auth/me/login-log',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'listMyLoginLog',
        tags,
        summary: 'Your sign-in history, newest first',
        querystring: pageQuery,
        response: { 200: pageOf(loginLogEntry) },
      },
    },
    async (req) => {
      const page = await listOwnLoginLog(systemCtx(req), me(req).userId, req.query);
      return { ...page, items: page.items.map((r) => ({ ...r, createdAt: iso(r.createdAt) })) };
    },
  );

  app.post(
    '/api/auth/me/2fa/setup',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'setupTwoFactor',
        tags,
        summary: 'Start two-factor set-up: a new secret and its QR code',
        description: 'Confirm with POST /api/auth/me/2fa/enable. 409 `totp_already_enabled` when 2FA is on.',
        response: {
          200: z.object({
            secret: z.string().describe('Base32 secret, for typing into the app by hand.'),
            otpauthUrl: z.string(),
            qrDataUrl: z.string().describe('PNG data URL of the otpauth:// QR code.'),
          }),
        },
      },
    },
    async (req) => setupTwoFactor(systemCtx(req), me(req).userId),
  );

  app.post(
    '/api/auth/me/2fa/enable',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'enableTwoFactor',
        tags,
        summary: 'Turn two-factor authentication on with a code from the new secret',
        description: '400 `totp_invalid` for a wrong code; 409 `totp_setup_missing` without a set-up.',
        body: totpCodeInput,
        response: { 200: recoveryCodesSchema },
      },
    },
    async (req) => enableTwoFactor(systemCtx(req), me(req).userId, req.body),
  );

  app.post(
    '/api/auth/me/2fa/disable',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'disableTwoFactor',
        tags,
        summary: 'Turn two-factor authentication off (needs a current code or a recovery code)',
        description:
          'A wrong code answers 400 `totp_invalid` and counts towards the sign-in lockout (429 `account_locked`).',
        body: secondFactorCodeInput,
        response: { 200: z.object({ enabled: z.literal(false) }) },
      },
    },
    async (req) => {
      const result = await disableTwoFactor(systemCtx(req), me(req).userId, req.body);
      return isAppError(result) ? failAfterCommit(req, result) : result;
    },
  );

  app.post(
    '/api/auth/me/2fa/recovery-codes',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'regenerateRecoveryCodes',
        tags,
        summary: 'Replace your recovery codes (the old ones stop working)',
        body: secondFactorCodeInput,
        response: { 200: recoveryCodesSchema },
      },
    },
    async (req) => {
      const result = await regenerateRecoveryCodes(systemCtx(req), me(req).userId, req.body);
      return isAppError(result) ? failAfterCommit(req, result) : result;
    },
  );
}

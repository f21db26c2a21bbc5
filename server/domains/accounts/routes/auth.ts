import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../../platform/auth/principal';
import type { App } from '../../../platform/http/app';
import { failAfterCommit, principalOf, systemCtx } from '../../../platform/http/context';
import { isAppError } from '../../../platform/http/errors';
import {
  completeSecondFactor,
  emailInput,
  forgotPassword,
  resendVerification,
  resetPassword,
  resetPasswordInput,
  secondFactorInput,
  signIn,
  signInInput,
  signOut,
  signUp,
  signUpInput,
  tokenInput,
  verifyEmail,
} from '../service/auth';
import { sessionInfo, switchSeller } from '../service/session-info';
import { sessionCookieOptions } from '../service/sessions';

const tags = ['auth'];
const accepted = z.object({ accepted: z.literal(true) });

export const sessionInfoSchema = z
  .object({
    user: z.object({
      id: z.string(),
      email: z.string(),
      name: z.string(),
      locale: z.string(),
      kind: z.enum(['seller', 'operator']),
      totpEnabled: z.boolean(),
      emailVerified: z.boolean(),
    }),
    csrfToken: z.string().describe('Send as the x-csrf-token header on every write.'),
    mfaPending: z.boolean(),
    seller: z
      .object({
        id: z.string(),
        displayName: z.string(),
        legalName: z.string(),
        status: z.string(),
        statusReason: z.string().nullable(),
        require2fa: z.boolean(),
        defaultCurrency: z.string(),
      })
      .nullable(),
    memberships: z.array(z.object({ sellerId: z.string(), displayName: z.string() })),
    permissions: z.array(z.string()),
    stores: z.array(z.object({ id: z.string(), name: z.string(), currency: z.string(), status: z.string() })),
    storeIds: z.array(z.string()).nullable(),
  })
  .meta({ id: 'SessionInfo' });

const userAgent = (req: FastifyRequest) => req.headers['user-agent']?.slice(0, 400) ?? null;
const secureCookies = { value: false };
export const setSecureCookies = (secure: boolean) => {
  secureCookies.value = secure;
};

export async function authRoutes(app: App) {
  app.post(
    '/api/auth/sign-up',
    {
      config: { auth: 'public', rateLimit: app.authRateLimit },
      schema: {
        operationId: 'signUp',
        tags,
        summary: 'Register a seller and its owner',
        description: 'The seller starts in `pending_review`; a verification email is sent to the owner.',
        body: signUpInput,
        response: { 201: z.object({ userId: z.string(), sellerId: z.string(), email: z.string() }) },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return signUp(systemCtx(req), req.body);
    },
  );

  app.post(
    '/api/auth/verify-email',
    {
      config: { auth: 'public', rateLimit: app.authRateLimit },
      schema: {
        operationId: 'verifyEmail',
        tags,
        summary: 'Confirm an email address',
        body: tokenInput,
        response: { 200: z.object({ verified: z.literal(true) }) },
      },
    },
    async (req) => verifyEmail(systemCtx(req), req.body),
  );

  app.post(
    '/api/auth/resend-verification',
    {
      config: { auth: 'public', rateLimit: app.authRateLimit },
      schema: {
        operationId: 'resendVerification',
        tags,
        summary: 'Send the verification email again',
        body: emailInput,
        response: { 202: accepted },
      },
    },
    async (req, reply) => {
      reply.code(202);
      return resendVerification(systemCtx(req), req.body);
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      config: { auth: 'public', rateLimit: app.authRateLimit },
      schema: {
        operationId: 'signIn',
        tags,
        summary: 'Sign in with email and password',
        description:
          'Sets the session cookie. When `mfaRequired` is true, finish with POST /api/auth/2fa/verify. ' +
          'Five failures in 15 minutes (per account or per IP) lock sign-in; the answer is 429 with the unlock time.',
        body: signInInput,
        response: { 200: z.object({ mfaRequired: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const result = await signIn(systemCtx(req), req.body, userAgent(req));
      if (isAppError(result)) return failAfterCommit(req, result);
      setSessionCookie(reply, result.session.token, result.session.expiresAt);
      return { mfaRequired: result.mfaRequired };
    },
  );

  app.post(
    '/api/auth/2fa/verify',
    {
      config: { auth: 'mfa', rateLimit: app.authRateLimit },
      schema: {
        operationId: 'verifySecondFactor',
        tags,
        summary: 'Finish sign-in with a TOTP code or a recovery code',
        body: secondFactorInput,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => {
      const result = await completeSecondFactor(systemCtx(req), principalOf(req), req.body, userAgent(req));
      return isAppError(result) ? failAfterCommit(req, result) : result;
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { auth: 'mfa' },
      schema: {
        operationId: 'getSession',
        tags,
        summary: 'The signed-in user, seller, permissions and stores',
        response: { 200: sessionInfoSchema },
      },
    },
    async (req) => sessionInfo(systemCtx(req), principalOf(req)),
  );

  app.post(
    '/api/auth/sign-out',
    {
      config: { auth: 'mfa' },
      schema: {
        operationId: 'signOut',
        tags,
        summary: 'End this session',
        response: { 200: z.object({ signedOut: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return signOut(systemCtx(req), principalOf(req));
    },
  );

  app.post(
    '/api/auth/switch-seller',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'switchSeller',
        tags,
        summary: 'Work in another seller account you are a member of',
        body: z.object({ sellerId: z.uuid() }).strict(),
        response: { 200: z.object({ sellerId: z.string() }) },
      },
    },
    async (req) => switchSeller(systemCtx(req), principalOf(req), req.body.sellerId),
  );

  app.post(
    '/api/auth/forgot-password',
    {
      config: { auth: 'public', rateLimit: app.authRateLimit },
      schema: {
        operationId: 'forgotPassword',
        tags,
        summary: 'Email a password reset link (valid 30 minutes, single use)',
        body: emailInput,
        response: { 202: accepted },
      },
    },
    async (req, reply) => {
      reply.code(202);
      return forgotPassword(systemCtx(req), req.body);
    },
  );

  app.post(
    '/api/auth/reset-password',
    {
      config: { auth: 'public', rateLimit: app.authRateLimit },
      schema: {
        operationId: 'resetPassword',
        tags,
        summary: 'Set a new password from a reset link; ends every session',
        body: resetPasswordInput,
        response: { 200: z.object({ reset: z.literal(true) }) },
      },
    },
    async (req) => resetPassword(systemCtx(req), req.body),
  );
}

export function setSessionCookie(reply: FastifyReply, token: string, expires: Date) {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(expires, secureCookies.value));
}

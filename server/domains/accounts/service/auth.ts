import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import {
  checkPasswordStrength,
  dummyPasswordHash,
  hashPassword,
  verifyPassword,
} from '../../../platform/auth/passwords';
import type { Principal } from '../../../platform/auth/principal';
import { openSecret } from '../../../platform/auth/secret-box';
import { hashToken, normalizeRecoveryCode } from '../../../platform/auth/tokens';
import { verifyTotp } from '../../../platform/auth/totp';
import { newId } from '../../../platform/db/ids';
import type { SystemCtx } from '../../../platform/db/tenant';
import { emit } from '../../../platform/events/outbox';
import { AppError, invalid, unauthorized } from '../../../platform/http/errors';
import { isLocale, LOCALES } from '../../../platform/i18n/locale';
import { queueMail } from '../../../platform/mail/outbound';
import { isCurrency } from '../../../platform/money/currencies';
import { members, recoveryCodes, sellerStatusHistory, sellers, sessions, users } from '../schema';
import { lockoutError, recordLoginAttempt } from './login-log';
import { createSession, type NewSession } from './sessions';
import { consumeUserToken, issueUserToken } from './tokens';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email())
  .describe('Email address (case-insensitive).');

export const signUpInput = z
  .object({
    legalName: z.string().trim().min(2).max(200).describe('Full legal name of the company.'),
    displayName: z
      .string()
      .trim()
      .min(2)
      .max(100)
      .optional()
      .describe('Shown to buyers; defaults to the legal name.'),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .describe('Country of registration, ISO 3166-1 alpha-2.'),
    defaultCurrency: z
      .string()
      .refine(isCurrency, 'unknown currency')
      .describe('ISO 4217 currency code the seller reports in.'),
    name: z.string().trim().min(1).max(100).describe("The owner's name."),
    email: emailSchema,
    password: z.string().max(256),
    locale: z.enum(LOCALES).optional(),
  })
  .strict();
export type SignUpInput = z.infer<typeof signUpInput>;

/** A new seller with its owner; the seller waits for platform review, the email for verification. */
export async function signUp(ctx: SystemCtx, input: SignUpInput) {
  const weak = checkPasswordStrength(input.password, input.email);
  if (weak.length > 0) throw invalid(weak);
  const [existing] = await ctx.tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email));
  if (existing) throw invalid([{ path: 'body.email', message: 'email_taken', code: 'email_taken' }]);
  const sellerId = newId();
  const userId = newId();
  const locale = input.locale ?? ctx.locale;
  await ctx.tx.insert(sellers).values({
    id: sellerId,
    legalName: input.legalName,
    displayName: input.displayName ?? input.legalName,
    country: input.country,
    defaultCurrency: input.defaultCurrency,
    contactEmail: input.email,
  });
  await ctx.tx.insert(sellerStatusHistory).values({
    id: newId(),
    sellerId,
    fromStatus: null,
    toStatus: 'pending_review',
    actorId: userId,
    actorLabel: input.email,
  });
  await ctx.tx.insert(users).values({
    id: userId,
    kind: 'seller',
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    locale,
    lastSellerId: sellerId,
  });
  await ctx.tx.insert(members).values({ id: newId(), sellerId, userId, role: 'owner' });
  await sendVerification(ctx, { id: userId, email: input.email, name: input.name, locale });
  await emit(
    ctx,
    'seller.signed_up',
    { sellerId, seller: input.legalName, country: input.country },
    sellerId,
  );
  await recordAudit(ctx, {
    action: 'seller.sign_up',
    entityType: 'seller',
    entityId: sellerId,
    after: {
      legalName: input.legalName,
      country: input.country,
      defaultCurrency: input.defaultCurrency,
      owner: input.email,
    },
    sellerId,
  });
  return { userId, sellerId, email: input.email };
}

async function sendVerification(
  ctx: SystemCtx,
  user: { id: string; email: string; name: string; locale: string },
) {
  const token = await issueUserToken(ctx, user.id, 'verify_email');
  await queueMail(ctx, {
    to: user.email,
    locale: isLocale(user.locale) ? user.locale : 'en-US',
    template: 'verify',
    params: { name: user.name },
    linkPath: `/verify-email?token=${encodeURIComponent(token)}`,
  });
}

export const tokenInput = z.object({ token: z.string().min(10).max(200) }).strict();

export async function verifyEmail(ctx: SystemCtx, input: z.infer<typeof tokenInput>) {
  const userId = await consumeUserToken(ctx, input.token, 'verify_email');
  await ctx.tx
    .update(users)
    .set({ emailVerifiedAt: ctx.now, updatedAt: ctx.now })
    .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)));
  return { verified: true as const };
}

export const emailInput = z.object({ email: emailSchema }).strict();

/** Always answers the same, whether or not the address exists, so it cannot be used to probe accounts. */
export async function resendVerification(ctx: SystemCtx, input: z.infer<typeof emailInput>) {
  const [user] = await ctx.tx
    .select()
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, input.email), isNull(users.emailVerifiedAt)));
  if (user) await sendVerification(ctx, user);
  return { accepted: true as const };
}

export const signInInput = z.object({ email: emailSchema, password: z.string().min(1).max(256) }).strict();

export interface SignInResult {
  session: NewSession;
  mfaRequired: boolean;
}

/**
 * Password sign-in. Failures are returned (not thrown) so that the attempt is logged and counts
 * towards the lockout even though the request fails.
 */
export async function signIn(
  ctx: SystemCtx,
  input: z.infer<typeof signInInput>,
  userAgent: string | null,
): Promise<SignInResult | AppError> {
  const attempt = {
    email: input.email,
    userAgent,
    userId: null as string | null,
    sellerId: null as string | null,
  };
  const locked = await lockoutError(ctx, input.email);
  if (locked) {
    await recordLoginAttempt(ctx, { ...attempt, success: false, reason: 'locked' });
    return locked;
  }
  const [user] = await ctx.tx
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  // Known accounts are logged with their seller, so an owner sees failed attempts on the team's accounts too.
  const sellerId = user?.kind === 'seller' ? await defaultSellerOf(ctx, user.id, user.lastSellerId) : null;
  const known = { ...attempt, userId: user?.id ?? null, sellerId };
  if (!user || !ok) {
    await recordLoginAttempt(ctx, { ...known, success: false, reason: 'invalid_credentials' });
    return unauthorized('invalid_credentials');
  }
  if (user.disabledAt) {
    await recordLoginAttempt(ctx, { ...known, success: false, reason: 'account_disabled' });
    return new AppError('account_disabled', { status: 403 });
  }
  if (!user.emailVerifiedAt) {
    await recordLoginAttempt(ctx, { ...known, success: false, reason: 'email_not_verified' });
    return new AppError('email_not_verified', { status: 403, params: { email: user.email } });
  }
  const mfaRequired = user.totpEnabledAt !== null;
  const session = await createSession(ctx, { userId: user.id, sellerId, mfaPending: mfaRequired, userAgent });
  await recordLoginAttempt(ctx, {
    ...known,
    success: !mfaRequired,
    reason: mfaRequired ? 'password_ok_mfa_pending' : null,
  });
  return { session, mfaRequired };
}

/** The seller a user lands in: the one used last if still a member, else the oldest membership. */
async function defaultSellerOf(
  ctx: SystemCtx,
  userId: string,
  lastSellerId: string | null,
): Promise<string | null> {
  const rows = await ctx.tx
    .select({ sellerId: members.sellerId })
    .from(members)
    .where(and(eq(members.userId, userId), eq(members.status, 'active')))
    .orderBy(asc(members.createdAt));
  return rows.find((r) => r.sellerId === lastSellerId)?.sellerId ?? rows[0]?.sellerId ?? null;
}

export const secondFactorInput = z
  .object({
    code: z
      .string()
      .regex(/^\d{6}$/)
      .optional()
      .describe('Current 6-digit code from the authenticator app.'),
    recoveryCode: z.string().min(8).max(20).optional().describe('One of the single-use recovery codes.'),
  })
  .strict()
  .refine((v) => Boolean(v.code) !== Boolean(v.recoveryCode), {
    message: 'send either code or recoveryCode',
  });

/** Checks a TOTP code (accepted once per time step) or consumes a recovery code. */
export async function checkSecondFactor(
  ctx: SystemCtx,
  userId: string,
  input: { code?: string; recoveryCode?: string },
): Promise<boolean> {
  if (input.recoveryCode) {
    const used = await ctx.tx
      .update(recoveryCodes)
      .set({ usedAt: ctx.now })
      .where(
        and(
          eq(recoveryCodes.userId, userId),
          eq(recoveryCodes.codeHash, hashToken(normalizeRecoveryCode(input.recoveryCode))),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    return used.length > 0;
  }
  const [user] = await ctx.tx
    .select({ secret: users.totpSecret, lastStep: users.totpLastStep, enabled: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user?.secret || !user.enabled || !input.code) return false;
  const step = await verifyTotp(openSecret(user.secret), input.code, user.lastStep, ctx.now.getTime());
  if (step === null) return false;
  // Conditional on the step we read, so two concurrent uses of one code cannot both pass.
  const updated = await ctx.tx
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(users.id, userId),
        user.lastStep === null ? isNull(users.totpLastStep) : eq(users.totpLastStep, user.lastStep),
      ),
    )
    .returning({ id: users.id });
  return updated.length > 0;
}

/** Second step of sign-in for a session whose password was accepted. */
export async function completeSecondFactor(
  ctx: SystemCtx,
  principal: Principal,
  input: z.infer<typeof secondFactorInput>,
  userAgent: string | null,
): Promise<{ ok: true } | AppError> {
  const attempt = {
    email: principal.email,
    userId: principal.userId,
    sellerId: principal.seller?.id ?? null,
    userAgent,
  };
  const locked = await lockoutError(ctx, principal.email);
  if (locked) {
    await recordLoginAttempt(ctx, { ...attempt, success: false, reason: 'locked' });
    return locked;
  }
  if (!(await checkSecondFactor(ctx, principal.userId, input))) {
    await recordLoginAttempt(ctx, {
      ...attempt,
      success: false,
      reason: input.code ? 'totp_invalid' : 'recovery_code_invalid',
    });
    return invalid(
      [
        {
          path: input.code ? 'body.code' : 'body.recoveryCode',
          message: 'totp_invalid',
          code: 'totp_invalid',
        },
      ],
      'totp_invalid',
    );
  }
  await ctx.tx.update(sessions).set({ mfaPending: false }).where(eq(sessions.id, principal.sessionId));
  await recordLoginAttempt(ctx, { ...attempt, success: true, reason: input.code ? 'totp' : 'recovery_code' });
  return { ok: true };
}

export async function signOut(ctx: SystemCtx, principal: Principal) {
  await ctx.tx.update(sessions).set({ revokedAt: ctx.now }).where(eq(sessions.id, principal.sessionId));
  return { signedOut: true as const };
}

/** Always the same answer, whether or not the address exists. */
export async function forgotPassword(ctx: SystemCtx, input: z.infer<typeof emailInput>) {
  const [user] = await ctx.tx
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, input.email));
  if (user && !user.disabledAt) {
    const token = await issueUserToken(ctx, user.id, 'reset_password');
    await queueMail(ctx, {
      to: user.email,
      locale: isLocale(user.locale) ? user.locale : 'en-US',
      template: 'reset',
      params: { name: user.name },
      linkPath: `/reset-password?token=${encodeURIComponent(token)}`,
    });
  }
  return { accepted: true as const };
}

export const resetPasswordInput = z
  .object({ token: z.string().min(10).max(200), password: z.string().max(256) })
  .strict();

/** Sets a new password from an emailed link; every session of the user ends. */
export async function resetPassword(ctx: SystemCtx, input: z.infer<typeof resetPasswordInput>) {
  const userId = await consumeUserToken(ctx, input.token, 'reset_password');
  const [user] = await ctx.tx.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('token_invalid', { status: 400 });
  const weak = checkPasswordStrength(input.password, user.email);
  if (weak.length > 0) throw invalid(weak);
  await ctx.tx
    .update(users)
    .set({
      passwordHash: await hashPassword(input.password),
      emailVerifiedAt: user.emailVerifiedAt ?? ctx.now,
      updatedAt: ctx.now,
    })
    .where(eq(users.id, userId));
  await ctx.tx
    .update(sessions)
    .set({ revokedAt: ctx.now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  await recordAudit(ctx, {
    action: 'user.password_reset',
    entityType: 'user',
    entityId: userId,
    before: { passwordHash: user.passwordHash },
    after: { passwordHash: 'changed' },
    sellerId: user.lastSellerId,
  });
  return { reset: true as const };
}

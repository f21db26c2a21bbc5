import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { openSecret, sealSecret } from '../../../platform/auth/secret-box';
import { hashToken, newRecoveryCode } from '../../../platform/auth/tokens';
import { newTotpSecret, totpEnrolment, verifyTotp } from '../../../platform/auth/totp';
import { newId } from '../../../platform/db/ids';
import type { SystemCtx } from '../../../platform/db/tenant';
import { emit } from '../../../platform/events/outbox';
import { type AppError, conflict, invalidField, notFound } from '../../../platform/http/errors';
import { recoveryCodes, users } from '../schema';
import { checkSecondFactor } from './auth';
import { lockoutError, recordLoginAttempt } from './login-log';

export const RECOVERY_CODE_COUNT = 10;
const TOTP_CODE = /^\d{6}$/;

export const totpCodeInput = z
  .object({
    code: z.string().regex(TOTP_CODE).describe('The current 6-digit code from the authenticator app.'),
  })
  .strict();

export const secondFactorCodeInput = z
  .object({
    code: z
      .string()
      .trim()
      .min(6)
      .max(20)
      .describe('The current 6-digit code from the authenticator app, or one of your unused recovery codes.'),
  })
  .strict();

async function totpState(ctx: SystemCtx, userId: string) {
  const [user] = await ctx.tx
    .select({
      email: users.email,
      secret: users.totpSecret,
      enabledAt: users.totpEnabledAt,
      lastStep: users.totpLastStep,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw notFound('user');
  return user;
}

/** Starts enrolment: a new secret waits in users.totp_secret until a code from it is confirmed. */
export async function setupTwoFactor(ctx: SystemCtx, userId: string) {
  const user = await totpState(ctx, userId);
  if (user.enabledAt) throw conflict('totp_already_enabled');
  const secret = newTotpSecret();
  const updated = await ctx.tx
    .update(users)
    .set({ totpSecret: sealSecret(secret), totpLastStep: null, updatedAt: ctx.now })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (updated.length === 0) throw conflict('totp_already_enabled');
  return totpEnrolment(secret, user.email);
}

/** Replaces all recovery codes of a user; only their hashes are stored, the codes are shown once. */
async function replaceRecoveryCodes(ctx: SystemCtx, userId: string): Promise<string[]> {
  await ctx.tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await ctx.tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ id: newId(), userId, codeHash: hashToken(code) })));
  return codes;
}

/** Confirms enrolment with a code from the pending secret; returns the recovery codes (shown once). */
export async function enableTwoFactor(ctx: SystemCtx, userId: string, input: z.infer<typeof totpCodeInput>) {
  const user = await totpState(ctx, userId);
  if (user.enabledAt) throw conflict('totp_already_enabled');
  if (!user.secret) throw conflict('totp_setup_missing');
  const step = await verifyTotp(openSecret(user.secret), input.code, user.lastStep, ctx.now.getTime());
  if (step === null) throw invalidField('body.code', 'totp_invalid');
  // Conditional on the secret we checked: a concurrent set-up or enable cannot slip in between.
  const enabled = await ctx.tx
    .update(users)
    .set({ totpEnabledAt: ctx.now, totpLastStep: step, updatedAt: ctx.now })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt), eq(users.totpSecret, user.secret)))
    .returning({ id: users.id });
  if (enabled.length === 0) throw conflict('totp_setup_missing');
  const codes = await replaceRecoveryCodes(ctx, userId);
  await changed(ctx, userId, 'on');
  return { recoveryCodes: codes };
}

/**
 * A TOTP code (once per time step) or an unused recovery code (consumed). A wrong code is logged as
 * a failed attempt and counts towards the sign-in lockout, so a stolen session cannot guess codes:
 * failures are returned (not thrown) for the route to answer after the log row commits.
 */
async function checkOwnSecondFactor(ctx: SystemCtx, userId: string, code: string): Promise<AppError | null> {
  const user = await totpState(ctx, userId);
  if (!user.enabledAt) throw conflict('totp_not_enabled');
  const locked = await lockoutError(ctx, user.email);
  if (locked) return locked;
  const isTotp = TOTP_CODE.test(code);
  if (await checkSecondFactor(ctx, userId, isTotp ? { code } : { recoveryCode: code })) return null;
  await recordLoginAttempt(ctx, {
    email: user.email,
    userId,
    sellerId: null,
    userAgent: null,
    success: false,
    reason: isTotp ? 'totp_invalid' : 'recovery_code_invalid',
  });
  return invalidField('body.code', 'totp_invalid');
}

/**
 * Turns 2FA off with a current code or a recovery code. A seller that requires 2FA for every
 * member still does: its seller routes answer 403 mfa_enrolment_required until it is set up again.
 */
export async function disableTwoFactor(
  ctx: SystemCtx,
  userId: string,
  input: z.infer<typeof secondFactorCodeInput>,
): Promise<{ enabled: false } | AppError> {
  const failure = await checkOwnSecondFactor(ctx, userId, input.code);
  if (failure) return failure;
  await ctx.tx
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: ctx.now })
    .where(eq(users.id, userId));
  await ctx.tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await changed(ctx, userId, 'off');
  return { enabled: false as const };
}

/** New recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(
  ctx: SystemCtx,
  userId: string,
  input: z.infer<typeof secondFactorCodeInput>,
): Promise<{ recoveryCodes: string[] } | AppError> {
  const failure = await checkOwnSecondFactor(ctx, userId, input.code);
  if (failure) return failure;
  const codes = await replaceRecoveryCodes(ctx, userId);
  await recordAudit(ctx, {
    action: 'user.2fa.recovery_codes',
    entityType: 'user',
    entityId: userId,
    after: { recoveryCodes: 'regenerated' },
  });
  return { recoveryCodes: codes };
}

async function changed(ctx: SystemCtx, userId: string, state: 'on' | 'off') {
  await recordAudit(ctx, {
    action: `user.2fa.${state}`,
    entityType: 'user',
    entityId: userId,
    before: { totpEnabled: state === 'off' },
    after: { totpEnabled: state === 'on' },
  });
  await emit(ctx, 'security.2fa_changed', { userId, state }, null);
}

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../../../platform/auth/passwords';
import type { SystemCtx } from '../../../platform/db/tenant';
import { invalid, invalidField, notFound } from '../../../platform/http/errors';
import { LOCALES } from '../../../platform/i18n/locale';
import { users } from '../schema';
import { revokeOtherSessions } from './sessions';

/** The signed-in user and the session they call from. */
export interface Me {
  userId: string;
  sessionId: string;
}

export const updateProfileInput = z
  .object({
    name: z.string().trim().min(1).max(100).optional().describe('Your name as your team sees it.'),
    locale: z.enum(LOCALES).optional().describe('Language of the console and of your emails.'),
  })
  .strict();
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

/** Changes the user's own name and language; the audit shows each field from → to. */
export async function updateProfile(ctx: SystemCtx, me: Me, input: UpdateProfileInput) {
  const [before] = await ctx.tx
    .select({ id: users.id, name: users.name, locale: users.locale })
    .from(users)
    .where(eq(users.id, me.userId));
  if (!before) throw notFound('user');
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  };
  if (Object.keys(changes).length === 0) return before;
  const [after] = await ctx.tx
    .update(users)
    .set({ ...changes, updatedAt: ctx.now })
    .where(eq(users.id, me.userId))
    .returning({ id: users.id, name: users.name, locale: users.locale });
  if (!after) throw notFound('user');
  await recordAudit(ctx, {
    action: 'user.profile.update',
    entityType: 'user',
    entityId: me.userId,
    before,
    after,
  });
  return after;
}

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(256).describe('The password you sign in with now.'),
    newPassword: z
      .string()
      .max(256)
      .describe('At least 10 characters of 3 kinds (or a 16+ character passphrase).'),
  })
  .strict();
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

/**
 * Sets a new password after checking the current one; every other session of the user ends
 * (this one stays signed in). The audit row says the password changed, never what it is.
 */
export async function changePassword(ctx: SystemCtx, me: Me, input: ChangePasswordInput) {
  const [user] = await ctx.tx
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, me.userId));
  if (!user) throw notFound('user');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw invalidField('body.currentPassword', 'password_wrong');
  const weak = checkPasswordStrength(input.newPassword, user.email, 'body.newPassword');
  if (weak.length > 0) throw invalid(weak);
  await ctx.tx
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword), updatedAt: ctx.now })
    .where(eq(users.id, me.userId));
  const { revoked } = await revokeOtherSessions(ctx, me.userId, me.sessionId);
  await recordAudit(ctx, {
    action: 'user.password.change',
    entityType: 'user',
    entityId: me.userId,
    before: { password: 'old' },
    after: { password: 'new', otherSessionsRevoked: revoked },
  });
  return { changed: true as const, revokedSessions: revoked };
}

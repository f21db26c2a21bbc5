import { and, eq, isNull } from 'drizzle-orm';
import { hashToken, newToken } from '../../../platform/auth/tokens';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx } from '../../../platform/db/tenant';
import { AppError } from '../../../platform/http/errors';
import { type TokenPurpose, userTokens } from '../schema';

const LIFETIME_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 3600_000,
  reset_password: 30 * 60_000,
};

/** Issues a single-use emailed token; earlier unused tokens of the same purpose stop working. */
export async function issueUserToken(ctx: AnyCtx, userId: string, purpose: TokenPurpose): Promise<string> {
  await ctx.tx
    .update(userTokens)
    .set({ usedAt: ctx.now })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
  const token = newToken();
  await ctx.tx.insert(userTokens).values({
    id: newId(),
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(ctx.now.getTime() + LIFETIME_MS[purpose]),
  });
  return token;
}

/** Uses a token once: one conditional update, so two concurrent uses cannot both succeed. */
export async function consumeUserToken(ctx: AnyCtx, token: string, purpose: TokenPurpose): Promise<string> {
  const [row] = await ctx.tx
    .update(userTokens)
    .set({ usedAt: ctx.now })
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
      ),
    )
    .returning({ userId: userTokens.userId, expiresAt: userTokens.expiresAt });
  if (!row) throw new AppError('token_invalid', { status: 400 });
  if (row.expiresAt < ctx.now) throw new AppError('token_expired', { status: 400 });
  return row.userId;
}

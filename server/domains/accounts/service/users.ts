import { eq, sql } from 'drizzle-orm';
import type { AnyCtx } from '../../../platform/db/tenant';
import { users } from '../schema';

export async function findUserByEmail(ctx: AnyCtx, email: string) {
  const [user] = await ctx.tx
    .select({ id: users.id, kind: users.kind, email: users.email, name: users.name })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  return user ?? null;
}

/** Marks an address as proven (the verification link, or an accepted invitation sent to it). */
export async function markEmailVerified(ctx: AnyCtx, userId: string) {
  await ctx.tx
    .update(users)
    .set({ emailVerifiedAt: ctx.now, updatedAt: ctx.now })
    .where(eq(users.id, userId));
}

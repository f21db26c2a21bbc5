import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Principal } from '../../../platform/auth/principal';
import type { SystemCtx } from '../../../platform/db/tenant';
import { forbidden } from '../../../platform/http/errors';
import { members, sellers, sessions, stores, users } from '../schema';

/** What the console needs after sign-in: the user, the active seller, permissions and visible stores. */
export async function sessionInfo(ctx: SystemCtx, p: Principal) {
  const [user] = await ctx.tx
    .select({ emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, p.userId));
  const memberships =
    p.kind === 'seller'
      ? await ctx.tx
          .select({ sellerId: sellers.id, displayName: sellers.displayName })
          .from(members)
          .innerJoin(sellers, eq(sellers.id, members.sellerId))
          .where(and(eq(members.userId, p.userId), eq(members.status, 'active')))
          .orderBy(asc(members.createdAt))
      : [];
  const [seller] = p.seller
    ? await ctx.tx
        .select({
          id: sellers.id,
          displayName: sellers.displayName,
          legalName: sellers.legalName,
          status: sellers.status,
          statusReason: sellers.statusReason,
          require2fa: sellers.require2fa,
          defaultCurrency: sellers.defaultCurrency,
        })
        .from(sellers)
        .where(eq(sellers.id, p.seller.id))
    : [];
  const visibleStores = p.seller
    ? await ctx.tx
        .select({ id: stores.id, name: stores.name, currency: stores.currency, status: stores.status })
        .from(stores)
        .where(
          and(eq(stores.sellerId, p.seller.id), p.storeIds ? inArray(stores.id, [...p.storeIds]) : undefined),
        )
        .orderBy(asc(stores.createdAt))
    : [];
  return {
    user: {
      id: p.userId,
      email: p.email,
      name: p.name,
      locale: p.locale,
      kind: p.kind,
      totpEnabled: p.totpEnabled,
      emailVerified: Boolean(user?.emailVerifiedAt),
    },
    csrfToken: p.csrfToken,
    mfaPending: p.mfaPending,
    seller: seller ?? null,
    memberships,
    permissions: [...p.permissions].sort(),
    stores: visibleStores,
    storeIds: p.storeIds ? [...p.storeIds] : null,
  };
}

/** Moves the session to another seller the user is an active member of. */
export async function switchSeller(ctx: SystemCtx, p: Principal, sellerId: string) {
  const [m] = await ctx.tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.userId, p.userId), eq(members.sellerId, sellerId), eq(members.status, 'active')));
  if (!m) throw forbidden();
  await ctx.tx.update(sessions).set({ sellerId }).where(eq(sessions.id, p.sessionId));
  await ctx.tx.update(users).set({ lastSellerId: sellerId }).where(eq(users.id, p.userId));
  return { sellerId };
}

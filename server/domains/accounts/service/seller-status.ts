import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx } from '../../../platform/db/tenant';
import { allowedFrom, type TransitionTable } from '../../../platform/db/transition';
import { emit } from '../../../platform/events/outbox';
import { conflict, notFound } from '../../../platform/http/errors';
import { type SellerStatus, sellerStatusHistory, sellers } from '../schema';

export const SELLER_TRANSITIONS: TransitionTable<SellerStatus> = {
  pending_review: ['active', 'rejected'],
  rejected: ['pending_review'],
  active: ['suspended'],
  suspended: ['active'],
};

const EVENT_OF: Partial<Record<SellerStatus, string>> = {
  active: 'seller.approved',
  rejected: 'seller.rejected',
  suspended: 'seller.suspended',
  pending_review: 'seller.resubmitted',
};

/**
 * Changes a seller's status with one conditional update, a history row, an audit row and an event.
 * Zero rows updated means the seller is missing (404) or in a status that does not allow it (409).
 */
export async function changeSellerStatus(
  ctx: AnyCtx,
  input: { sellerId: string; to: SellerStatus; reason?: string | null },
) {
  const from = allowedFrom(SELLER_TRANSITIONS, input.to);
  const [before] = await ctx.tx
    .select({ status: sellers.status, legalName: sellers.legalName })
    .from(sellers)
    .where(eq(sellers.id, input.sellerId));
  if (!before) throw notFound('seller');
  const [updated] = await ctx.tx
    .update(sellers)
    .set({ status: input.to, statusReason: input.reason ?? null, updatedAt: ctx.now })
    .where(
      and(eq(sellers.id, input.sellerId), eq(sellers.status, before.status), inArray(sellers.status, from)),
    )
    .returning();
  if (!updated) throw conflict('invalid_transition', { from: before.status, to: input.to });
  await ctx.tx.insert(sellerStatusHistory).values({
    id: newId(),
    sellerId: input.sellerId,
    fromStatus: before.status,
    toStatus: input.to,
    reason: input.reason ?? null,
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label,
  });
  await recordAudit(ctx, {
    action: `seller.status.${input.to}`,
    entityType: 'seller',
    entityId: input.sellerId,
    before: { status: before.status },
    after: { status: input.to, statusReason: input.reason ?? null },
    sellerId: input.sellerId,
  });
  const event = EVENT_OF[input.to];
  if (event) {
    await emit(
      ctx,
      event,
      { sellerId: input.sellerId, seller: before.legalName, reason: input.reason ?? '' },
      input.sellerId,
    );
  }
  return updated;
}

import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import type { PlatformCtx } from '../../../platform/db/tenant';
import { emit } from '../../../platform/events/outbox';
import { conflict, notFound } from '../../../platform/http/errors';
import { newestFirstKey, olderThanCursor, pageQuery, toPage } from '../../../platform/http/pagination';
import {
  LEGAL_FIELDS,
  members,
  SELLER_STATUSES,
  type SellerStatus,
  sellerStatusHistory,
  sellers,
  stores,
} from '../schema';
import { type Company, toCompany } from './company';
import { changeSellerStatus } from './seller-status';

export const sellerListQuery = pageQuery.extend({
  status: z.enum(SELLER_STATUSES).optional().describe('Only sellers in this status.'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Searches legal name, display name and contact email (case-insensitive, substring).'),
  legalChangePending: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only sellers with a change of legal data waiting for review; false: only without.'),
});
export type SellerListQuery = z.infer<typeof sellerListQuery>;

/** Escapes LIKE wildcards so the search is a plain substring match. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Sellers for the review queue and the seller directory, newest first. */
/** Hot query: the operators' seller list (status filter, search, keyset on created_at, id). */
export function sellersPageQuery(ctx: Pick<PlatformCtx, 'tx'>, query: SellerListQuery) {
  const pattern = query.q ? `%${likeEscape(query.q)}%` : null;
  return ctx.tx
    .select()
    .from(sellers)
    .where(
      and(
        query.status ? eq(sellers.status, query.status) : undefined,
        query.legalChangePending === 'true' ? isNotNull(sellers.pendingLegalChange) : undefined,
        query.legalChangePending === 'false' ? isNull(sellers.pendingLegalChange) : undefined,
        pattern
          ? or(
              ilike(sellers.legalName, pattern),
              ilike(sellers.displayName, pattern),
              ilike(sellers.contactEmail, pattern),
            )
          : undefined,
        olderThanCursor(query.cursor, sellers.createdAt, sellers.id),
      ),
    )
    .orderBy(desc(sellers.createdAt), desc(sellers.id))
    .limit(query.limit + 1);
}

export async function listSellers(ctx: PlatformCtx, query: SellerListQuery) {
  const rows = await sellersPageQuery(ctx, query);
  const page = toPage(rows, query.limit, newestFirstKey);
  return { items: page.items.map(toCompany), nextCursor: page.nextCursor };
}

/** One seller with its status history, team size and stores. */
export async function getSellerDetail(ctx: PlatformCtx, sellerId: string) {
  const [row] = await ctx.tx.select().from(sellers).where(eq(sellers.id, sellerId));
  if (!row) throw notFound('seller');
  const history = await ctx.tx
    .select({
      fromStatus: sellerStatusHistory.fromStatus,
      toStatus: sellerStatusHistory.toStatus,
      reason: sellerStatusHistory.reason,
      actorLabel: sellerStatusHistory.actorLabel,
      createdAt: sellerStatusHistory.createdAt,
    })
    .from(sellerStatusHistory)
    .where(eq(sellerStatusHistory.sellerId, sellerId))
    .orderBy(desc(sellerStatusHistory.createdAt), desc(sellerStatusHistory.id));
  const [team] = await ctx.tx
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.sellerId, sellerId), eq(members.status, 'active')));
  const storeRows = await ctx.tx
    .select({ id: stores.id, name: stores.name, currency: stores.currency, status: stores.status })
    .from(stores)
    .where(eq(stores.sellerId, sellerId))
    .orderBy(asc(stores.createdAt), asc(stores.id));
  return {
    ...toCompany(row),
    history: history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
    memberCount: Number(team?.n ?? 0),
    stores: storeRows,
  };
}

export const reasonInput = z
  .object({
    reason: z.string().trim().min(1).max(1000).describe('Shown to the seller; 1–1000 characters.'),
  })
  .strict();
export type ReasonInput = z.infer<typeof reasonInput>;

/**
 * One review decision: the seller row is locked and must be in `from` (approve only a pending
 * seller, reinstate only a suspended one, though both end in `active`), else 409 invalid_transition.
 */
async function decide(
  ctx: PlatformCtx,
  sellerId: string,
  from: SellerStatus,
  to: SellerStatus,
  reason?: string,
): Promise<Company> {
  const [row] = await ctx.tx
    .select({ status: sellers.status })
    .from(sellers)
    .where(eq(sellers.id, sellerId))
    .for('update');
  if (!row) throw notFound('seller');
  if (row.status !== from) throw conflict('invalid_transition', { from: row.status, to });
  return toCompany(await changeSellerStatus(ctx, { sellerId, to, reason: reason ?? null }));
}

export const approveSeller = (ctx: PlatformCtx, sellerId: string) =>
  decide(ctx, sellerId, 'pending_review', 'active');
export const rejectSeller = (ctx: PlatformCtx, sellerId: string, input: ReasonInput) =>
  decide(ctx, sellerId, 'pending_review', 'rejected', input.reason);
export const suspendSeller = (ctx: PlatformCtx, sellerId: string, input: ReasonInput) =>
  decide(ctx, sellerId, 'active', 'suspended', input.reason);
export const reinstateSeller = (ctx: PlatformCtx, sellerId: string) =>
  decide(ctx, sellerId, 'suspended', 'active');

/** Locks the seller row and returns it with its pending legal change; 409 when there is none. */
async function lockPendingChange(ctx: PlatformCtx, sellerId: string) {
  const [row] = await ctx.tx.select().from(sellers).where(eq(sellers.id, sellerId)).for('update');
  if (!row) throw notFound('seller');
  if (!row.pendingLegalChange) throw conflict('no_legal_change');
  return { row, pending: row.pendingLegalChange };
}

/** Applies the requested legal data to the seller and clears the request. */
export async function approveLegalChange(ctx: PlatformCtx, sellerId: string): Promise<Company> {
  const { row: before, pending } = await lockPendingChange(ctx, sellerId);
  const patch: Partial<Record<(typeof LEGAL_FIELDS)[number], string>> = {};
  for (const key of LEGAL_FIELDS) {
    const value = pending.fields[key];
    if (typeof value === 'string') patch[key] = value;
  }
  const [after] = await ctx.tx
    .update(sellers)
    .set({ ...patch, pendingLegalChange: null, updatedAt: ctx.now })
    .where(and(eq(sellers.id, sellerId), isNotNull(sellers.pendingLegalChange)))
    .returning();
  if (!after) throw conflict('no_legal_change');
  const keys = Object.keys(patch) as (keyof typeof patch)[];
  await recordAudit(ctx, {
    action: 'seller.legal_change.approved',
    entityType: 'seller',
    entityId: sellerId,
    before: { ...Object.fromEntries(keys.map((k) => [k, before[k]])), pendingLegalChange: pending },
    after: { ...Object.fromEntries(keys.map((k) => [k, after[k]])), pendingLegalChange: null },
    sellerId,
  });
  await emit(
    ctx,
    'seller.legal_change_approved',
    { sellerId, seller: after.legalName, reason: '' },
    sellerId,
  );
  return toCompany(after);
}

/** Refuses the requested legal data; the seller keeps its current data and may ask again. */
export async function rejectLegalChange(
  ctx: PlatformCtx,
  sellerId: string,
  input: ReasonInput,
): Promise<Company> {
  const { row: before, pending } = await lockPendingChange(ctx, sellerId);
  const [after] = await ctx.tx
    .update(sellers)
    .set({ pendingLegalChange: null, updatedAt: ctx.now })
    .where(and(eq(sellers.id, sellerId), isNotNull(sellers.pendingLegalChange)))
    .returning();
  if (!after) throw conflict('no_legal_change');
  await recordAudit(ctx, {
    action: 'seller.legal_change.rejected',
    entityType: 'seller',
    entityId: sellerId,
    before: { pendingLegalChange: pending },
    after: { pendingLegalChange: null, legalChangeRejectionReason: input.reason },
    sellerId,
  });
  await emit(
    ctx,
    'seller.legal_change_rejected',
    { sellerId, seller: before.legalName, reason: input.reason },
    sellerId,
  );
  return toCompany(after);
}

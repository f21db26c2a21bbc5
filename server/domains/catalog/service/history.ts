// State machines of a listing and their history rows.
import { and, arrayOverlaps, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx, SellerCtx } from '../../../platform/db/tenant';
import type { TransitionTable } from '../../../platform/db/transition';
import { notFound } from '../../../platform/http/errors';
import { productHistory, products, type ReviewState, type SaleState } from '../schema';

/**
 * Review state of the working copy: a draft is submitted (pending), then approved or rejected; editing
 * an approved or rejected copy starts a new draft; withdrawing a submission returns it to draft.
 */
export const REVIEW_TRANSITIONS: TransitionTable<ReviewState> = {
  draft: ['pending'],
  pending: ['draft', 'approved', 'rejected'],
  approved: ['draft'],
  rejected: ['pending', 'draft'],
};

/**
 * Sale state of the published copy. The first approval lists it (unlisted → active); the seller
 * deactivates, activates, archives and restores; the platform suspends (and lifts a suspension back to
 * the state before it).
 */
export const SALE_TRANSITIONS: TransitionTable<SaleState> = {
  unlisted: ['active', 'archived'],
  active: ['inactive', 'archived', 'suspended'],
  inactive: ['active', 'archived', 'suspended'],
  suspended: ['active', 'inactive', 'archived'],
  archived: ['unlisted', 'inactive'],
};

export interface HistoryInput {
  sellerId: string;
  productId: string;
  field: 'review_state' | 'sale_state';
  from: string | null;
  to: string;
  reason?: string | null;
}

export async function recordHistory(ctx: AnyCtx, entries: HistoryInput[]): Promise<void> {
  const rows = entries
    .filter((e) => e.from !== e.to)
    .map((e) => ({
      id: newId(),
      sellerId: e.sellerId,
      productId: e.productId,
      field: e.field,
      fromState: e.from,
      toState: e.to,
      reason: e.reason ?? null,
      actorId: ctx.actor.id,
      actorKind: ctx.actor.kind,
      createdAt: ctx.now,
    }));
  if (rows.length) await ctx.tx.insert(productHistory).values(rows);
}

/**
 * Products a seller's member may see: the seller's, and for members limited to some stores only
 * products sold in one of those stores (or not yet in any store).
 */
export function visibleProducts(ctx: Pick<SellerCtx, 'sellerId' | 'storeIds'>): SQL {
  return and(
    eq(products.sellerId, ctx.sellerId),
    ctx.storeIds
      ? or(arrayOverlaps(products.storeIds, [...ctx.storeIds]), sql`cardinality(${products.storeIds}) = 0`)
      : undefined,
  ) as SQL;
}

export type ProductRow = typeof products.$inferSelect;

export async function loadProduct(ctx: SellerCtx, id: string): Promise<ProductRow> {
  const [row] = await ctx.tx
    .select()
    .from(products)
    .where(and(visibleProducts(ctx), eq(products.id, id)));
  if (!row) throw notFound('product');
  return row;
}

/** The visible products among ids (one query, for bulk actions and lists of ids). */
export async function visibleProductIds(ctx: SellerCtx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.tx
    .select({ id: products.id })
    .from(products)
    .where(and(visibleProducts(ctx), inArray(products.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}

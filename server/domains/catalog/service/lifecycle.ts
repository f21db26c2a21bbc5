// A listing's lifecycle on the seller's side (submit, withdraw, deactivate, activate, archive,
// restore) and the platform's suspension. Each change: one conditional UPDATE plus a history row.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx, PlatformCtx, SellerCtx } from '../../../platform/db/tenant';
import { allowedFrom, canTransition } from '../../../platform/db/transition';
import { emit } from '../../../platform/events/outbox';
import { AppError, conflict, notFound } from '../../../platform/http/errors';
import { listingReviews, productHistory, products, type SaleState, skus } from '../schema';
import { submissionProblems } from './content';
import { categoryRules, sellerSummaries, validDocumentTypeIdsOf } from './deps';
import {
  type HistoryInput,
  loadProduct,
  type ProductRow,
  REVIEW_TRANSITIONS,
  recordHistory,
  SALE_TRANSITIONS,
  visibleProducts,
} from './history';
import { getProduct, type ProductDetail, pickText, workingContent } from './products';
import { refreshStoreListings } from './store-listings';

const CN = new Set(['CN', 'HK', 'MO', 'TW']);
const RU = new Set(['RU', 'KZ', 'BY', 'UZ', 'KG', 'TJ', 'AM', 'AZ']);

/** The language a seller reads best, from the company's country. */
export const sellerLanguage = (country: string | undefined) =>
  country && CN.has(country) ? 'zh-CN' : country && RU.has(country) ? 'ru-RU' : 'en-US';

/** Product titles for seller notifications: the published (else working) title in the seller's language. */
export async function titlesForSellers(
  ctx: Pick<AnyCtx, 'tx'>,
  rows: Pick<ProductRow, 'sellerId' | 'title' | 'published'>[],
) {
  const sellers = await sellerSummaries(
    ctx,
    rows.map((r) => r.sellerId),
  );
  return (row: Pick<ProductRow, 'sellerId' | 'title' | 'published'>) => {
    const lang = sellerLanguage(sellers.get(row.sellerId)?.country);
    return { lang, title: pickText(row.published?.title ?? row.title, lang) ?? '' };
  };
}

/**
 * Sends the working copy to review (draft or rejected → pending) with a snapshot of it. Every problem
 * that would block approval is answered at once: 400 listing_incomplete with errors[] by product path.
 */
export async function submitProduct(ctx: SellerCtx, productId: string): Promise<ProductDetail> {
  const row = await loadProduct(ctx, productId);
  if (row.saleState === 'archived') throw conflict('product_archived');
  if (!canTransition(REVIEW_TRANSITIONS, row.reviewState, 'pending'))
    throw conflict('invalid_transition', { from: row.reviewState, to: 'pending' });
  const content = await workingContent(ctx, row);
  const rules = await categoryRules(ctx, row.categoryId);
  const skuRows = await ctx.tx
    .select({ code: skus.code, options: skus.options, status: skus.status })
    .from(skus)
    .where(and(eq(skus.sellerId, ctx.sellerId), eq(skus.productId, productId)))
    .orderBy(skus.position, skus.createdAt);
  const problems = submissionProblems({
    content,
    rules,
    skus: skuRows,
    validDocumentTypeIds: await validDocumentTypeIdsOf(ctx, productId),
  });
  if (problems.length)
    throw new AppError('listing_incomplete', {
      status: 400,
      params: { count: problems.length },
      errors: problems,
    });
  const [after] = await ctx.tx
    .update(products)
    .set({ reviewState: 'pending', updatedAt: ctx.now })
    .where(
      and(
        eq(products.sellerId, ctx.sellerId),
        eq(products.id, productId),
        eq(products.version, row.version),
        inArray(products.reviewState, allowedFrom(REVIEW_TRANSITIONS, 'pending')),
      ),
    )
    .returning({ id: products.id });
  if (!after) throw conflict('product_changed');
  await ctx.tx.insert(listingReviews).values({
    id: newId(),
    sellerId: ctx.sellerId,
    productId,
    categoryId: content.categoryId,
    snapshot: content,
    revision: row.published !== null,
    submittedBy: ctx.actor.id,
    submittedAt: ctx.now,
  });
  await recordHistory(ctx, [
    { sellerId: ctx.sellerId, productId, field: 'review_state', from: row.reviewState, to: 'pending' },
  ]);
  await recordAudit(ctx, {
    action: 'product.submitted',
    entityType: 'product',
    entityId: productId,
    before: { reviewState: row.reviewState },
    after: { reviewState: 'pending', revision: row.published !== null },
  });
  return getProduct(ctx, productId);
}

/** The pending review of a product is withdrawn (kept in the history as withdrawn). */
async function closePendingReview(ctx: SellerCtx, productId: string) {
  await ctx.tx
    .update(listingReviews)
    .set({ decision: 'withdrawn', decidedBy: ctx.actor.id, decidedAt: ctx.now })
    .where(
      and(
        eq(listingReviews.sellerId, ctx.sellerId),
        eq(listingReviews.productId, productId),
        eq(listingReviews.decision, 'pending'),
      ),
    );
}

/** Takes a submission back before a reviewer decides (pending → draft). */
export async function withdrawProduct(ctx: SellerCtx, productId: string): Promise<ProductDetail> {
  const row = await loadProduct(ctx, productId);
  const [after] = await ctx.tx
    .update(products)
    .set({ reviewState: 'draft', updatedAt: ctx.now })
    .where(
      and(
        eq(products.sellerId, ctx.sellerId),
        eq(products.id, productId),
        inArray(products.reviewState, allowedFrom(REVIEW_TRANSITIONS, 'draft')),
        eq(products.reviewState, 'pending'),
      ),
    )
    .returning({ id: products.id });
  if (!after) throw conflict('invalid_transition', { from: row.reviewState, to: 'draft' });
  await closePendingReview(ctx, productId);
  await recordHistory(ctx, [
    {
      sellerId: ctx.sellerId,
      productId,
      field: 'review_state',
      from: 'pending',
      to: 'draft',
      reason: 'withdrawn',
    },
  ]);
  return getProduct(ctx, productId);
}

/** The seller's sale-state actions and the states each may start from. */
export const SELLER_SALE_ACTIONS = {
  deactivate: { to: 'inactive', from: ['active'] },
  activate: { to: 'active', from: ['inactive'] },
  archive: { to: 'archived', from: ['unlisted', 'active', 'inactive', 'suspended'] },
  restore: { to: null, from: ['archived'] },
} as const satisfies Record<string, { to: SaleState | null; from: readonly SaleState[] }>;
export type SellerSaleAction = keyof typeof SELLER_SALE_ACTIONS;
const SALE_ACTION_PAST: Record<SellerSaleAction, string> = {
  deactivate: 'deactivated',
  activate: 'activated',
  archive: 'archived',
  restore: 'restored',
};

/**
 * deactivate (active → inactive), activate (inactive → active), archive (→ archived; a pending review
 * is withdrawn), restore (archived → inactive when it has a published copy, else unlisted).
 * Store listings follow at once.
 */
export async function changeSaleState(
  ctx: SellerCtx,
  productId: string,
  action: SellerSaleAction,
  reason?: string | null,
): Promise<ProductDetail> {
  const [row] = await ctx.tx
    .select()
    .from(products)
    .where(and(visibleProducts(ctx), eq(products.id, productId)))
    .for('update');
  if (!row) throw notFound('product');
  const rule = SELLER_SALE_ACTIONS[action];
  const to: SaleState = rule.to ?? (row.published ? 'inactive' : 'unlisted');
  if (
    !(rule.from as readonly SaleState[]).includes(row.saleState) ||
    !canTransition(SALE_TRANSITIONS, row.saleState, to)
  )
    throw conflict('invalid_transition', { from: row.saleState, to });
  const archivingPending = action === 'archive' && row.reviewState === 'pending';
  const [after] = await ctx.tx
    .update(products)
    .set({
      saleState: to,
      ...(archivingPending ? { reviewState: 'draft' as const } : {}),
      updatedAt: ctx.now,
    })
    .where(and(eq(products.id, productId), eq(products.saleState, row.saleState)))
    .returning({ id: products.id });
  if (!after) throw conflict('product_changed');
  const history: HistoryInput[] = [
    {
      sellerId: ctx.sellerId,
      productId,
      field: 'sale_state',
      from: row.saleState,
      to,
      reason: reason ?? null,
    },
  ];
  if (archivingPending) {
    await closePendingReview(ctx, productId);
    history.push({
      sellerId: ctx.sellerId,
      productId,
      field: 'review_state',
      from: 'pending',
      to: 'draft',
      reason: 'archived',
    });
  }
  await recordHistory(ctx, history);
  await refreshStoreListings(ctx, [productId]);
  await recordAudit(ctx, {
    action: `product.${SALE_ACTION_PAST[action]}`,
    entityType: 'product',
    entityId: productId,
    before: { saleState: row.saleState },
    after: { saleState: to, reason: reason ?? null },
  });
  return getProduct(ctx, productId);
}

type SuspendCtx = AnyCtx;

/** In a seller context only that seller's products; operators and jobs reach every seller's. */
const scopeOf = (ctx: SuspendCtx) =>
  ctx.kind === 'seller' ? eq(products.sellerId, ctx.sellerId) : undefined;

/**
 * Takes products off sale for a platform reason (an expired compliance document, a policy breach):
 * active or inactive → suspended, with a history row, a `listing.suspended` event for the seller and
 * the store listings removed. Products in other states are left alone. Returns the suspended ids.
 */
export async function suspendProducts(
  ctx: SuspendCtx,
  productIds: readonly string[],
  reason: string,
): Promise<string[]> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return [];
  const from = (['active', 'inactive'] as SaleState[]).filter((s) =>
    canTransition(SALE_TRANSITIONS, s, 'suspended'),
  );
  const locked = await ctx.tx
    .select()
    .from(products)
    .where(and(scopeOf(ctx), inArray(products.id, ids), inArray(products.saleState, from)))
    .for('update');
  if (locked.length === 0) return [];
  await ctx.tx
    .update(products)
    .set({ saleState: 'suspended', updatedAt: ctx.now })
    .where(
      and(
        inArray(
          products.id,
          locked.map((p) => p.id),
        ),
        inArray(products.saleState, from),
      ),
    );
  await recordHistory(
    ctx,
    locked.map((p) => ({
      sellerId: p.sellerId,
      productId: p.id,
      field: 'sale_state' as const,
      from: p.saleState,
      to: 'suspended',
      reason,
    })),
  );
  const titleOf = await titlesForSellers(ctx, locked);
  for (const p of locked) {
    await emit(
      ctx,
      'listing.suspended',
      { sellerId: p.sellerId, productId: p.id, number: p.number, title: titleOf(p).title, reason },
      p.sellerId,
    );
  }
  await refreshStoreListings(
    ctx,
    locked.map((p) => p.id),
  );
  return locked.map((p) => p.id);
}

/**
 * Lifts a suspension: each product returns to the sale state it had before it was suspended
 * (active or inactive, from its history). Returns the ids that changed.
 */
export async function unsuspendProducts(
  ctx: SuspendCtx,
  productIds: readonly string[],
  reason?: string | null,
): Promise<string[]> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return [];
  const locked = await ctx.tx
    .select()
    .from(products)
    .where(and(scopeOf(ctx), inArray(products.id, ids), eq(products.saleState, 'suspended')))
    .for('update');
  const changed: string[] = [];
  for (const p of locked) {
    const [last] = await ctx.tx
      .select({ from: productHistory.fromState })
      .from(productHistory)
      .where(
        and(
          eq(productHistory.productId, p.id),
          eq(productHistory.field, 'sale_state'),
          eq(productHistory.toState, 'suspended'),
        ),
      )
      .orderBy(desc(productHistory.createdAt), desc(productHistory.id))
      .limit(1);
    const to: SaleState = last?.from === 'active' ? 'active' : 'inactive';
    const [after] = await ctx.tx
      .update(products)
      .set({ saleState: to, updatedAt: ctx.now })
      .where(and(eq(products.id, p.id), eq(products.saleState, 'suspended')))
      .returning({ id: products.id });
    if (!after) continue;
    await recordHistory(ctx, [
      {
        sellerId: p.sellerId,
        productId: p.id,
        field: 'sale_state',
        from: 'suspended',
        to,
        reason: reason ?? null,
      },
    ]);
    changed.push(p.id);
  }
  await refreshStoreListings(ctx, changed);
  return changed;
}

/** An operator suspends or reinstates one product; 404 when unknown, 409 when it is not in a state for it. */
export async function operatorSuspension(
  ctx: PlatformCtx,
  productId: string,
  action: 'suspend' | 'unsuspend',
  reason: string | null,
): Promise<{ productId: string; saleState: SaleState }> {
  const [row] = await ctx.tx
    .select({ saleState: products.saleState, sellerId: products.sellerId })
    .from(products)
    .where(eq(products.id, productId));
  if (!row) throw notFound('product');
  const changed =
    action === 'suspend'
      ? await suspendProducts(ctx, [productId], reason ?? '')
      : await unsuspendProducts(ctx, [productId], reason);
  if (changed.length === 0)
    throw conflict('invalid_transition', {
      from: row.saleState,
      to: action === 'suspend' ? 'suspended' : 'active',
    });
  const [after] = await ctx.tx
    .select({ saleState: products.saleState })
    .from(products)
    .where(eq(products.id, productId));
  await recordAudit(ctx, {
    action: `listing.${action}ed`,
    entityType: 'product',
    entityId: productId,
    sellerId: row.sellerId,
    before: { saleState: row.saleState },
    after: { saleState: after?.saleState, reason },
  });
  return { productId, saleState: after?.saleState ?? row.saleState };
}

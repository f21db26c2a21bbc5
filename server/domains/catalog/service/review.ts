// Listing review on the operators' side: the queue, one submission with its context, and decisions.
import { and, asc, eq, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { isUuid } from '../../../platform/db/ids';
import type { PlatformCtx } from '../../../platform/db/tenant';
import { emit } from '../../../platform/events/outbox';
import { AppError, badRequest, conflict, type FieldError, notFound } from '../../../platform/http/errors';
import { decodeCursor, pageQuery, toPage } from '../../../platform/http/pagination';
import {
  listingReviews,
  type ProductContent,
  products,
  type ReviewState,
  type SaleState,
  skuPrices,
  skus,
} from '../schema';
import { LANGS } from './content';
import {
  type CategoryRules,
  categoryRules,
  categorySubtreeIds,
  rejectionReasonsByKeys,
  sellerIdsByName,
  sellerSummaries,
} from './deps';
import { type ReviewDocument, reviewDocuments } from './documents';
import { recordHistory } from './history';
import { titlesForSellers } from './lifecycle';
import { pickText, type ReviewEntry, reviewEntries } from './products';
import { refreshStoreListings } from './store-listings';

export const REVIEW_KINDS = ['new', 'revision'] as const;

export const reviewQueueQuery = pageQuery.extend({
  sellerId: z.uuid().optional().describe('Only this seller’s submissions.'),
  categoryId: z.uuid().optional().describe('Only submissions in this category or below it.'),
  submittedBefore: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Submitted before this time (ISO 8601).'),
  submittedAfter: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Submitted at or after this time (ISO 8601).'),
  kind: z
    .enum(REVIEW_KINDS)
    .optional()
    .describe('new: never approved before; revision: changes to a listing already on sale.'),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Text search: part of the submitted title (any language), the product number, or part of the seller name.',
    ),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuery>;

/**
 * Hot query: the review queue, oldest submission first (fair and SLA-friendly), keyset on
 * (submitted_at, id). `subtree` is the category filter's ids (null: no filter).
 */
export function reviewQueuePageQuery(
  ctx: Pick<PlatformCtx, 'tx'>,
  q: ReviewQueueQuery,
  subtree: string[] | null,
  /** With q: ids of the sellers whose name matches it. */
  sellerMatches: string[] = [],
) {
  const c = decodeCursor(q.cursor, 2);
  let after: SQL | undefined;
  if (c) {
    const at = String(c[0]);
    if (Number.isNaN(Date.parse(at)) || !isUuid(String(c[1]))) throw badRequest('invalid_cursor');
    after = sql`(${listingReviews.submittedAt}, ${listingReviews.id}) > (${at}::timestamptz, ${String(c[1])}::uuid)`;
  }
  return ctx.tx
    .select({
      review: listingReviews,
      number: products.number,
    })
    .from(listingReviews)
    .innerJoin(products, eq(products.id, listingReviews.productId))
    .where(
      and(
        eq(listingReviews.decision, 'pending'),
        q.sellerId ? eq(listingReviews.sellerId, q.sellerId) : undefined,
        subtree
          ? inArray(listingReviews.categoryId, subtree.length ? subtree : [q.categoryId as string])
          : undefined,
        q.submittedBefore ? lt(listingReviews.submittedAt, new Date(q.submittedBefore)) : undefined,
        q.submittedAfter ? gte(listingReviews.submittedAt, new Date(q.submittedAfter)) : undefined,
        q.kind ? eq(listingReviews.revision, q.kind === 'revision') : undefined,
        q.q ? textMatch(q.q, sellerMatches) : undefined,
        after,
      ),
    )
    .orderBy(asc(listingReviews.submittedAt), asc(listingReviews.id))
    .limit(q.limit + 1);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The queue's text search: the snapshot title in any language, the product number, the seller's name. */
function textMatch(text: string, sellerMatches: string[]): SQL | undefined {
  const pattern = `%${escapeLike(text)}%`;
  const digits = text.replace(/^#/, '');
  return or(
    sql`exists (select 1 from jsonb_each_text(${listingReviews.snapshot}->'title') t where t.value ilike ${pattern})`,
    /^\d{1,15}$/.test(digits) ? eq(products.number, Number(digits)) : undefined,
    sellerMatches.length ? inArray(listingReviews.sellerId, sellerMatches) : undefined,
  );
}

export async function listReviewQueue(ctx: PlatformCtx, q: ReviewQueueQuery) {
  const subtree = q.categoryId ? await categorySubtreeIds(ctx, q.categoryId) : null;
  const sellerMatches = q.q ? await sellerIdsByName(ctx, q.q) : [];
  const rows = await reviewQueuePageQuery(ctx, q, subtree, sellerMatches);
  const page = toPage(rows, q.limit, (r) => [r.review.submittedAt.toISOString(), r.review.id]);
  const sellers = await sellerSummaries(
    ctx,
    page.items.map((r) => r.review.sellerId),
  );
  return {
    items: page.items.map(({ review, number }) => ({
      id: review.id,
      productId: review.productId,
      productNumber: number,
      sellerId: review.sellerId,
      sellerName: sellers.get(review.sellerId)?.displayName ?? '',
      categoryId: review.categoryId,
      title: review.snapshot.title,
      mainImageId: review.snapshot.imageIds[0] ?? null,
      revision: review.revision,
      submittedAt: review.submittedAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

export interface ContentChange {
  /** title.ru-RU, attributes.size, imageIds … */
  field: string;
  from: unknown;
  to: unknown;
}

/** What a revision changes against the published copy, field by field (texts per language, attributes per key). */
export function contentDiff(before: ProductContent | null, after: ProductContent): ContentChange[] {
  if (!before) return [];
  const out: ContentChange[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const field of ['categoryId', 'brand', 'videoUrl', 'imageIds', 'documentIds'] as const) {
    if (!same(before[field], after[field]))
      out.push({ field, from: before[field] ?? null, to: after[field] ?? null });
  }
  for (const field of ['title', 'description', 'keywords'] as const) {
    for (const lang of LANGS) {
      const a = before[field]?.[lang] ?? null;
      const b = after[field]?.[lang] ?? null;
      if (!same(a, b)) out.push({ field: `${field}.${lang}`, from: a, to: b });
    }
  }
  const keys = new Set([...Object.keys(before.attributes ?? {}), ...Object.keys(after.attributes ?? {})]);
  for (const key of [...keys].sort()) {
    const a = before.attributes?.[key] ?? null;
    const b = after.attributes?.[key] ?? null;
    if (!same(a, b)) out.push({ field: `attributes.${key}`, from: a, to: b });
  }
  return out;
}

export interface ReviewDetail {
  id: string;
  productId: string;
  productNumber: number;
  sellerId: string;
  sellerName: string;
  decision: ReviewEntry['decision'];
  revision: boolean;
  submittedAt: string;
  submittedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  reasons: { key: string; text: string }[];
  note: string | null;
  reviewState: ReviewState;
  saleState: SaleState;
  snapshot: ProductContent;
  published: ProductContent | null;
  changes: ContentChange[];
  category: CategoryRules | null;
  skus: {
    id: string;
    code: string;
    barcode: string | null;
    options: Record<string, string>;
    status: string;
    currency: string;
    listPrice: number;
    salePrice: number | null;
    storePrices: { storeId: string; currency: string; listPrice: number; salePrice: number | null }[];
  }[];
  previousDecisions: ReviewEntry[];
  /** The documents the snapshot links, in its order. */
  documents: ReviewDocument[];
}

async function loadReview(ctx: PlatformCtx, reviewId: string) {
  if (!isUuid(reviewId)) throw notFound('listing_review');
  const [row] = await ctx.tx
    .select({ review: listingReviews, product: products })
    .from(listingReviews)
    .innerJoin(products, eq(products.id, listingReviews.productId))
    .where(eq(listingReviews.id, reviewId));
  if (!row) throw notFound('listing_review');
  return row;
}

/** One submission with what a reviewer needs: snapshot, seller, rules, changes, SKUs and earlier decisions. */
export async function getReviewDetail(ctx: PlatformCtx, reviewId: string): Promise<ReviewDetail> {
  const { review, product } = await loadReview(ctx, reviewId);
  const sellers = await sellerSummaries(ctx, [review.sellerId]);
  const entries = await reviewEntries(ctx, review.productId);
  const self = entries.find((e) => e.id === review.id);
  const skuRows = await ctx.tx
    .select()
    .from(skus)
    .where(eq(skus.productId, review.productId))
    .orderBy(asc(skus.position), asc(skus.createdAt));
  const prices = skuRows.length
    ? await ctx.tx
        .select()
        .from(skuPrices)
        .where(
          inArray(
            skuPrices.skuId,
            skuRows.map((s) => s.id),
          ),
        )
    : [];
  // For a decided revision the "before" is unknown now (published may already be this snapshot).
  const before = review.revision && review.decision === 'pending' ? product.published : null;
  return {
    id: review.id,
    productId: review.productId,
    productNumber: product.number,
    sellerId: review.sellerId,
    sellerName: sellers.get(review.sellerId)?.displayName ?? '',
    decision: review.decision,
    revision: review.revision,
    submittedAt: review.submittedAt.toISOString(),
    submittedBy: review.submittedBy,
    decidedAt: review.decidedAt?.toISOString() ?? null,
    decidedBy: review.decidedBy,
    reasons: self?.reasons ?? [],
    note: review.note,
    reviewState: product.reviewState,
    saleState: product.saleState,
    snapshot: review.snapshot,
    published: product.published ?? null,
    changes: contentDiff(before, review.snapshot),
    category: await categoryRules(ctx, review.snapshot.categoryId),
    skus: skuRows.map((s) => ({
      id: s.id,
      code: s.code,
      barcode: s.barcode,
      options: s.options,
      status: s.status,
      currency: s.currency,
      listPrice: s.listPrice,
      salePrice: s.salePrice,
      storePrices: prices
        .filter((p) => p.skuId === s.id)
        .map((p) => ({
          storeId: p.storeId,
          currency: p.currency,
          listPrice: p.listPrice,
          salePrice: p.salePrice,
        })),
    })),
    previousDecisions: entries.filter((e) => e.id !== review.id),
    documents: await reviewDocuments(ctx, review.snapshot.documentIds ?? []),
  };
}

export const approveInput = z
  .object({ note: z.string().trim().max(2000).optional().describe('Internal note kept with the decision.') })
  .strict();

export const rejectInput = z
  .object({
    reasonKeys: z
      .array(z.string().min(1).max(60))
      .min(1)
      .max(10)
      .describe('Keys of active rejection reasons (GET /api/v1/platform/rejection-reasons).'),
    note: z.string().trim().max(2000).optional().describe('Free text for the seller: what exactly to fix.'),
  })
  .strict();
export type RejectInput = z.infer<typeof rejectInput>;

/** Closes the pending review with one conditional update; a decided one is a 409, a missing one 404. */
async function decide(
  ctx: PlatformCtx,
  reviewId: string,
  decision: 'approved' | 'rejected',
  extra: { reasonKeys?: string[]; note?: string | null },
) {
  const { review } = await loadReview(ctx, reviewId);
  const [row] = await ctx.tx
    .update(listingReviews)
    .set({
      decision,
      reasonKeys: extra.reasonKeys ?? [],
      note: extra.note ?? null,
      decidedBy: ctx.actor.id,
      decidedAt: ctx.now,
    })
    .where(and(eq(listingReviews.id, reviewId), eq(listingReviews.decision, 'pending')))
    .returning();
  if (!row) throw conflict('review_decided', { decision: review.decision });
  const [product] = await ctx.tx.select().from(products).where(eq(products.id, row.productId)).for('update');
  if (product?.reviewState !== 'pending') throw conflict('review_decided', { decision: review.decision });
  return { review: row, product };
}

/**
 * Approves a submission: the snapshot becomes the published copy, a first approval puts the product on
 * sale (unlisted → active; an inactive or suspended product keeps its state), store listings follow,
 * and the seller hears `listing.approved`.
 */
export async function approveListing(
  ctx: PlatformCtx,
  reviewId: string,
  input: z.infer<typeof approveInput>,
) {
  const { review, product } = await decide(ctx, reviewId, 'approved', { note: input.note ?? null });
  const saleState = product.saleState === 'unlisted' ? 'active' : product.saleState;
  await ctx.tx
    .update(products)
    .set({
      published: review.snapshot,
      // First approval time: a revision does not make an old listing look new.
      publishedAt: product.publishedAt ?? ctx.now,
      reviewState: 'approved',
      saleState,
      updatedAt: ctx.now,
    })
    .where(and(eq(products.id, product.id), eq(products.reviewState, 'pending')));
  await recordHistory(ctx, [
    {
      sellerId: product.sellerId,
      productId: product.id,
      field: 'review_state',
      from: 'pending',
      to: 'approved',
    },
    {
      sellerId: product.sellerId,
      productId: product.id,
      field: 'sale_state',
      from: product.saleState,
      to: saleState,
    },
  ]);
  await refreshStoreListings(ctx, [product.id]);
  const titleOf = await titlesForSellers(ctx, [{ ...product, published: review.snapshot }]);
  await emit(
    ctx,
    'listing.approved',
    {
      sellerId: product.sellerId,
      productId: product.id,
      number: product.number,
      title: titleOf({ ...product, published: review.snapshot }).title,
    },
    product.sellerId,
  );
  await recordAudit(ctx, {
    action: 'listing.approved',
    entityType: 'product',
    entityId: product.id,
    sellerId: product.sellerId,
    before: { reviewState: 'pending', saleState: product.saleState },
    after: { reviewState: 'approved', saleState, reviewId, note: input.note ?? null },
  });
  return getReviewDetail(ctx, reviewId);
}

/**
 * Rejects a submission with one or more reasons from the platform's list (+ free text). The published
 * copy, if any, stays on sale. The seller hears `listing.rejected` with the reasons in their language.
 */
export async function rejectListing(ctx: PlatformCtx, reviewId: string, input: RejectInput) {
  const keys = [...new Set(input.reasonKeys)];
  const known = await rejectionReasonsByKeys(ctx, keys);
  const byKey = new Map(known.map((r) => [r.key, r]));
  const errors: FieldError[] = [];
  input.reasonKeys.forEach((key, i) => {
    const reason = byKey.get(key);
    if (!reason?.active)
      errors.push({
        path: `body.reasonKeys.${i}`,
        message: 'rejection_reason_invalid',
        code: 'rejection_reason_invalid',
        params: { key },
      });
  });
  if (errors.length) throw new AppError('validation_failed', { status: 400, errors });
  const { product } = await decide(ctx, reviewId, 'rejected', { reasonKeys: keys, note: input.note ?? null });
  await ctx.tx
    .update(products)
    .set({ reviewState: 'rejected', updatedAt: ctx.now })
    .where(and(eq(products.id, product.id), eq(products.reviewState, 'pending')));
  await recordHistory(ctx, [
    {
      sellerId: product.sellerId,
      productId: product.id,
      field: 'review_state',
      from: 'pending',
      to: 'rejected',
    },
  ]);
  const titleOf = await titlesForSellers(ctx, [product]);
  const { lang, title } = titleOf(product);
  const texts = keys.map((k) => pickText(byKey.get(k)?.names, lang) ?? k);
  const reasons = [texts.join('; '), input.note].filter(Boolean).join('. ');
  await emit(
    ctx,
    'listing.rejected',
    { sellerId: product.sellerId, productId: product.id, number: product.number, title, reasons },
    product.sellerId,
  );
  await recordAudit(ctx, {
    action: 'listing.rejected',
    entityType: 'product',
    entityId: product.id,
    sellerId: product.sellerId,
    before: { reviewState: 'pending' },
    after: { reviewState: 'rejected', reviewId, reasonKeys: keys, note: input.note ?? null },
  });
  return getReviewDetail(ctx, reviewId);
}

// Products: the seller's working copy (create, read, change) and what is derived from it.
import { and, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { SellerCtx } from '../../../platform/db/tenant';
import { AppError, conflict, type FieldError, invalid } from '../../../platform/http/errors';
import {
  type AttributeValues,
  listingReviews,
  type PerLang,
  type ProductContent,
  productHistory,
  products,
  type ReviewState,
} from '../schema';
import {
  attributesInput,
  checkAttributes,
  cleanPerLang,
  keepFittingAttributes,
  LANGS,
  perLang,
} from './content';
import {
  type CategoryRules,
  categoryRules,
  listStores,
  productDocumentIds,
  productImageIds,
  rejectionReasonsByKeys,
} from './deps';
import { refreshDerived } from './derived';
import { setProductDocuments } from './documents';
import { loadProduct, type ProductRow, recordHistory } from './history';
import { attachImages } from './images';
import { syncProductPrices } from './pricing';
import { insertSkus, loadSkus, type Sku, skuInput } from './skus';
import { refreshStoreListings, searchTextOf } from './store-listings';

const titleField = perLang(200, 'Title').refine(
  (t) => LANGS.some((l) => (t[l] ?? '').trim().length > 0),
  'a title in at least one language',
);

const productFields = {
  categoryId: z.uuid().describe('A leaf category (see the category tree); its rules apply.'),
  brand: z.string().trim().max(100).nullable().optional().describe('Brand name; null or "" for none.'),
  title: titleField,
  description: perLang(10_000, 'Description').optional(),
  keywords: perLang(500, 'Search keywords (space or comma separated)').optional(),
  attributes: attributesInput.optional(),
  videoUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional()
    .describe('A product video (http or https URL); null for none.'),
  storeIds: z
    .array(z.uuid())
    .max(50)
    .optional()
    .describe(
      "Stores the product is sold in (the seller's active stores). A member limited to some stores " +
        'changes only those; the product keeps the others.',
    ),
};

export const createProductInput = z
  .object({
    ...productFields,
    skus: z
      .array(skuInput)
      .max(200)
      .optional()
      .describe('SKUs created with the product (more can be added later).'),
    imageIds: z
      .array(z.uuid())
      .max(30)
      .optional()
      .describe(
        'Uploaded images (POST /api/v1/seller/images) to attach, in order; the first is the main image.',
      ),
    documentIds: z.array(z.uuid()).max(50).optional().describe('Compliance documents to link (valid ones).'),
  })
  .strict();
export type CreateProductInput = z.infer<typeof createProductInput>;

export const updateProductInput = z
  .object(productFields)
  .partial()
  .strict()
  .describe('Send only the fields to change. Texts per language replace the whole object.');
export type UpdateProductInput = z.infer<typeof updateProductInput>;

/** The content fields a reviewer approves (store assignment and SKUs are not reviewed). */
const CONTENT_KEYS = [
  'categoryId',
  'brand',
  'title',
  'description',
  'keywords',
  'attributes',
  'videoUrl',
] as const;

/** The rules of a category a product is placed in: it must exist, be active and be a leaf. */
export async function placeableCategory(
  ctx: SellerCtx,
  categoryId: string,
  path: string,
): Promise<CategoryRules> {
  const rules = await categoryRules(ctx, categoryId);
  if (!rules) throw invalidAt(path, 'category_not_found');
  if (!rules.active) throw invalidAt(path, 'category_inactive');
  if (!rules.isLeaf) throw invalidAt(path, 'category_not_leaf');
  return rules;
}

const invalidAt = (path: string, code: string, params?: FieldError['params']) =>
  new AppError(code, { status: 400, params, errors: [{ path, message: code, code, params }] });

/**
 * The product's stores after a change: the ids must be active stores the member sees; stores the
 * member cannot see keep their current membership.
 */
async function resolveStoreIds(
  ctx: SellerCtx,
  wanted: readonly string[],
  current: readonly string[],
  path: string,
  errors: FieldError[],
): Promise<string[]> {
  const visible = await listStores(ctx);
  const active = new Set(visible.filter((s) => s.status === 'active').map((s) => s.id));
  const seen = new Set(visible.map((s) => s.id));
  wanted.forEach((id, i) => {
    const wasThere = current.includes(id);
    if (!active.has(id) && !(wasThere && seen.has(id)))
      errors.push({ path: `${path}.${i}`, message: 'store_not_found', code: 'store_not_found' });
  });
  const hidden = current.filter((id) => !seen.has(id));
  return [...new Set([...wanted, ...hidden])];
}

/** Creates a draft (with its SKUs, images and documents when given). */
export async function createProduct(ctx: SellerCtx, input: CreateProductInput): Promise<ProductDetail> {
  const rules = await placeableCategory(ctx, input.categoryId, 'body.categoryId');
  const errors: FieldError[] = [];
  const attrs = checkAttributes(rules, input.attributes ?? {}, 'body.attributes');
  errors.push(...attrs.errors);
  const storeIds = await resolveStoreIds(ctx, input.storeIds ?? [], [], 'body.storeIds', errors);
  if (errors.length) throw invalid(errors);
  const id = newId();
  const content = {
    categoryId: input.categoryId,
    brand: input.brand?.trim() || null,
    title: cleanPerLang(input.title),
    description: cleanPerLang(input.description),
    keywords: cleanPerLang(input.keywords),
    attributes: attrs.values,
    videoUrl: input.videoUrl ?? null,
  };
  await ctx.tx.insert(products).values({
    id,
    sellerId: ctx.sellerId,
    ...content,
    storeIds,
    searchText: searchTextOf(content),
    createdBy: ctx.actor.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  await recordHistory(ctx, [
    { sellerId: ctx.sellerId, productId: id, field: 'review_state', from: null, to: 'draft' },
  ]);
  if (input.skus?.length) await insertSkus(ctx, { id, storeIds }, rules, input.skus, 'body.skus');
  if (input.imageIds?.length) await attachImages(ctx, id, input.imageIds, 'body.imageIds');
  if (input.documentIds?.length) await setProductDocuments(ctx, id, { documentIds: input.documentIds });
  await refreshDerived(ctx, id, rules);
  const detail = await getProduct(ctx, id);
  await recordAudit(ctx, {
    action: 'product.created',
    entityType: 'product',
    entityId: id,
    before: null,
    after: { number: detail.number, ...content, storeIds, skus: detail.skus.map((s) => s.code) },
  });
  return detail;
}

const contentOf = (row: ProductRow) => ({
  categoryId: row.categoryId,
  brand: row.brand,
  title: row.title,
  description: row.description,
  keywords: row.keywords,
  attributes: row.attributes,
  videoUrl: row.videoUrl,
});

function sameContent(a: ReturnType<typeof contentOf>, b: ReturnType<typeof contentOf>) {
  return CONTENT_KEYS.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

/** A pending submission is under review: its content cannot change until it is withdrawn or decided. */
export function assertEditable(row: Pick<ProductRow, 'reviewState' | 'saleState'>) {
  if (row.reviewState === 'pending') throw conflict('product_in_review');
  if (row.saleState === 'archived') throw conflict('product_archived');
}

/** A content change of an approved or rejected copy starts a new draft (a revision); returns the new state. */
async function reviewStateAfterEdit(ctx: SellerCtx, row: ProductRow): Promise<ReviewState> {
  if (row.reviewState === 'draft') return 'draft';
  await recordHistory(ctx, [
    {
      sellerId: ctx.sellerId,
      productId: row.id,
      field: 'review_state',
      from: row.reviewState,
      to: 'draft',
      reason: 'edited',
    },
  ]);
  return 'draft';
}

/**
 * Changes the working copy. An active product keeps selling its published copy; the edit becomes a
 * new draft (revision) to submit. Only the store list applies at once (prices and listings follow).
 */
export async function updateProduct(
  ctx: SellerCtx,
  id: string,
  input: UpdateProductInput,
): Promise<ProductDetail> {
  const row = await loadProduct(ctx, id);
  assertEditable(row);
  const categoryChanged = input.categoryId !== undefined && input.categoryId !== row.categoryId;
  const rules = categoryChanged
    ? await placeableCategory(ctx, input.categoryId as string, 'body.categoryId')
    : await categoryRules(ctx, row.categoryId);
  const errors: FieldError[] = [];
  let attributes: AttributeValues = row.attributes;
  if (input.attributes !== undefined) {
    if (!rules)
      errors.push({ path: 'body.categoryId', message: 'category_not_found', code: 'category_not_found' });
    else {
      const checked = checkAttributes(rules, input.attributes, 'body.attributes');
      errors.push(...checked.errors);
      attributes = checked.values;
    }
  } else if (categoryChanged && rules) attributes = keepFittingAttributes(rules, row.attributes);
  const storeIds =
    input.storeIds !== undefined
      ? await resolveStoreIds(ctx, input.storeIds, row.storeIds, 'body.storeIds', errors)
      : row.storeIds;
  if (errors.length) throw invalid(errors);
  const next = {
    categoryId: input.categoryId ?? row.categoryId,
    brand: input.brand !== undefined ? input.brand?.trim() || null : row.brand,
    title: input.title !== undefined ? cleanPerLang(input.title) : row.title,
    description: input.description !== undefined ? cleanPerLang(input.description) : row.description,
    keywords: input.keywords !== undefined ? cleanPerLang(input.keywords) : row.keywords,
    attributes,
    videoUrl: input.videoUrl !== undefined ? input.videoUrl : row.videoUrl,
  };
  const contentChanged = !sameContent(contentOf(row), next);
  const storesChanged = storeIds.join() !== row.storeIds.join();
  if (!contentChanged && !storesChanged) return getProduct(ctx, id);
  const reviewState = contentChanged ? await reviewStateAfterEdit(ctx, row) : row.reviewState;
  const [after] = await ctx.tx
    .update(products)
    .set({
      ...next,
      storeIds,
      reviewState,
      searchText: searchTextOf(next),
      version: row.version + 1,
      updatedAt: ctx.now,
    })
    .where(
      and(
        eq(products.sellerId, ctx.sellerId),
        eq(products.id, id),
        eq(products.version, row.version),
        ne(products.reviewState, 'pending'),
      ),
    )
    .returning();
  if (!after) throw conflict('product_changed');
  if (storesChanged) {
    await syncProductPrices(ctx, id);
    await refreshStoreListings(ctx, [id]);
  }
  await refreshDerived(ctx, id, rules);
  await recordAudit(ctx, {
    action: 'product.updated',
    entityType: 'product',
    entityId: id,
    before: { ...contentOf(row), storeIds: row.storeIds, reviewState: row.reviewState },
    after: { ...next, storeIds, reviewState },
  });
  const [fresh] = await ctx.tx.select().from(products).where(eq(products.id, id));
  return productDetail(ctx, fresh ?? after);
}

/**
 * The working copy changed outside the product form (images, documents): an approved or rejected copy
 * becomes a draft (revision), quality is recomputed. 409 while the product is under review.
 * For the image and document services of this domain.
 */
export async function workingCopyChanged(ctx: SellerCtx, productId: string): Promise<void> {
  const row = await loadProduct(ctx, productId);
  assertEditable(row);
  if (row.reviewState === 'approved' || row.reviewState === 'rejected') {
    const [after] = await ctx.tx
      .update(products)
      .set({ reviewState: 'draft', version: row.version + 1, updatedAt: ctx.now })
      .where(and(eq(products.id, productId), eq(products.reviewState, row.reviewState)))
      .returning({ id: products.id });
    if (!after) throw conflict('product_changed');
    await reviewStateAfterEdit(ctx, row);
  } else {
    await ctx.tx
      .update(products)
      .set({ version: row.version + 1, updatedAt: ctx.now })
      .where(eq(products.id, productId));
  }
  await refreshDerived(ctx, productId);
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface ReviewEntry {
  id: string;
  revision: boolean;
  decision: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  submittedAt: string;
  submittedBy: string | null;
  reasons: { key: string; text: string }[];
  note: string | null;
  decidedAt: string | null;
}

export interface HistoryEntry {
  field: 'review_state' | 'sale_state';
  from: string | null;
  to: string;
  reason: string | null;
  actorKind: string;
  actorId: string | null;
  at: string;
}

export interface ProductDetail {
  id: string;
  number: number;
  categoryId: string;
  brand: string | null;
  title: PerLang;
  description: PerLang;
  keywords: PerLang;
  attributes: AttributeValues;
  videoUrl: string | null;
  storeIds: string[];
  imageIds: string[];
  documentIds: string[];
  reviewState: ReviewState;
  saleState: ProductRow['saleState'];
  published: ProductContent | null;
  publishedAt: string | null;
  quality: { score: number; hints: string[] };
  version: number;
  createdAt: string;
  updatedAt: string;
  skus: Sku[];
  reviews: ReviewEntry[];
  history: HistoryEntry[];
}

/** The listing's review decisions (审核记录), newest first, reasons in the reader's language. */
export async function reviewEntries(
  ctx: Pick<SellerCtx, 'tx' | 'now' | 'locale'>,
  productId: string,
): Promise<ReviewEntry[]> {
  const rows = await ctx.tx
    .select()
    .from(listingReviews)
    .where(eq(listingReviews.productId, productId))
    .orderBy(desc(listingReviews.submittedAt), desc(listingReviews.id));
  const reasons = await rejectionReasonsByKeys(
    ctx,
    rows.flatMap((r) => r.reasonKeys),
  );
  const names = new Map(reasons.map((r) => [r.key, r.names as PerLang]));
  return rows.map((r) => ({
    id: r.id,
    revision: r.revision,
    decision: r.decision,
    submittedAt: r.submittedAt.toISOString(),
    submittedBy: r.submittedBy,
    reasons: r.reasonKeys.map((key) => ({ key, text: pickText(names.get(key), ctx.locale) ?? key })),
    note: r.note,
    decidedAt: r.decidedAt?.toISOString() ?? null,
  }));
}

/** A text in the wanted language, else English, else any. */
export function pickText(texts: PerLang | undefined | null, lang: string): string | null {
  if (!texts) return null;
  return texts[lang as keyof PerLang] ?? texts['en-US'] ?? LANGS.map((l) => texts[l]).find(Boolean) ?? null;
}

export async function productHistoryEntries(
  ctx: Pick<SellerCtx, 'tx'>,
  productId: string,
): Promise<HistoryEntry[]> {
  const rows = await ctx.tx
    .select()
    .from(productHistory)
    .where(eq(productHistory.productId, productId))
    .orderBy(desc(productHistory.createdAt), desc(productHistory.id));
  return rows.map((h) => ({
    field: h.field,
    from: h.fromState,
    to: h.toState,
    reason: h.reason,
    actorKind: h.actorKind,
    actorId: h.actorId,
    at: h.createdAt.toISOString(),
  }));
}

/** The whole product as the seller sees it. */
export async function getProduct(ctx: SellerCtx, id: string): Promise<ProductDetail> {
  return productDetail(ctx, await loadProduct(ctx, id));
}

/** The detail of a loaded row (also after a change that took the product out of the member's stores). */
export async function productDetail(ctx: SellerCtx, row: ProductRow): Promise<ProductDetail> {
  const id = row.id;
  const [skuList, imageIds, documentIds, reviews, history] = [
    await loadSkus(ctx, id),
    await productImageIds(ctx, id),
    await productDocumentIds(ctx, id),
    await reviewEntries(ctx, id),
    await productHistoryEntries(ctx, id),
  ];
  return {
    id: row.id,
    number: row.number,
    categoryId: row.categoryId,
    brand: row.brand,
    title: row.title,
    description: row.description,
    keywords: row.keywords,
    attributes: row.attributes,
    videoUrl: row.videoUrl,
    storeIds: row.storeIds,
    imageIds,
    documentIds,
    reviewState: row.reviewState,
    saleState: row.saleState,
    published: row.published ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    quality: { score: row.qualityScore, hints: row.qualityHints },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    skus: skuList,
    reviews,
    history,
  };
}

/** The content a submission snapshots (working copy + images + documents). */
export async function workingContent(ctx: SellerCtx, row: ProductRow): Promise<ProductContent> {
  return {
    ...contentOf(row),
    imageIds: await productImageIds(ctx, row.id),
    documentIds: await productDocumentIds(ctx, row.id),
  };
}

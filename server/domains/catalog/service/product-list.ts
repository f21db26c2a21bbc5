// The seller's product list: search, filters, sorts and keyset pagination.
import { and, asc, desc, eq, gt, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isUuid } from '../../../platform/db/ids';
import type { SellerCtx } from '../../../platform/db/tenant';
import { badRequest } from '../../../platform/http/errors';
import { decodeCursor, pageQuery, toPage } from '../../../platform/http/pagination';
import { productImages, products, REVIEW_STATES, SALE_STATES, skus } from '../schema';
import { categorySubtreeIds, stockStateFilter } from './deps';
import { visibleProducts } from './history';
import { storePriceRanges } from './store-price-ranges';

export const PRODUCT_SORTS = ['updated', 'created', 'title', 'quality', 'price'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];
export const STOCK_STATES = ['in_stock', 'low', 'out'] as const;

/** Default direction of each sort: newest first, titles A–Z, worst quality first, cheapest first. */
const DEFAULT_DIRECTION: Record<ProductSort, 'asc' | 'desc'> = {
  updated: 'desc',
  created: 'desc',
  title: 'asc',
  quality: 'asc',
  price: 'asc',
};

const score = z.coerce.number().int().min(0).max(100);

export const productListQuery = pageQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'Search: title, keywords or brand in any language (substring, case-insensitive), or an exact SKU code ' +
        '(case-insensitive), barcode or product number.',
    ),
  reviewState: z.enum(REVIEW_STATES).optional().describe('Only this review state of the working copy.'),
  saleState: z.enum(SALE_STATES).optional().describe('Only this sale state.'),
  categoryId: z.uuid().optional().describe('Only products in this category or below it.'),
  storeId: z
    .uuid()
    .optional()
    .describe('Only products sold in this store (default: the store chosen in the store switcher, if any).'),
  qualityBelow: score.optional().describe('Only products whose quality score is below this (0–100).'),
  qualityAbove: score.optional().describe('Only products whose quality score is above this (0–100).'),
  stock: z
    .enum(STOCK_STATES)
    .optional()
    .describe('in_stock: available > 0; low: at or below the low-stock threshold; out: nothing available.'),
  sort: z
    .enum(PRODUCT_SORTS)
    .default('updated')
    .describe(
      'updated (default), created, title (in your language), quality (score), price (lowest base price).',
    ),
  direction: z
    .enum(['asc', 'desc'])
    .optional()
    .describe('Default: desc for updated/created, asc for title, quality and price.'),
});
export type ProductListQuery = z.infer<typeof productListQuery>;

const NO_PRICE = Number.MAX_SAFE_INTEGER;
/** What a SKU code can be (skus.ts): a search text that is not one cannot match a code. */
const SKU_CODE = /^[A-Za-z0-9][A-Za-z0-9._\-/+#]{0,63}$/;
/** Always qualified: in a select list drizzle leaves columns unqualified, which a subquery would capture. */
const PRODUCT_ID = sql.raw('"products"."id"');

/** The sort key of a sort as SQL, and how a cursor value is cast back. */
function sortKey(sort: ProductSort, locale: string): { expr: SQL; cast: (v: string | number) => SQL } {
  switch (sort) {
    case 'updated':
      return { expr: sql`${products.updatedAt}`, cast: (v) => sql`${String(v)}::timestamptz` };
    case 'created':
      return { expr: sql`${products.createdAt}`, cast: (v) => sql`${String(v)}::timestamptz` };
    case 'title':
      return {
        expr: sql`lower(coalesce(${products.title}->>${locale}, ${products.title}->>'en-US', ${products.title}->>'zh-CN', ${products.title}->>'ru-RU', ''))`,
        cast: (v) => sql`${String(v)}::text`,
      };
    case 'quality':
      return { expr: sql`${products.qualityScore}`, cast: (v) => sql`${Number(v)}::int` };
    case 'price':
      return { expr: minPriceExpr(NO_PRICE), cast: (v) => sql`${Number(v)}::bigint` };
  }
}

/** The lowest price paid among active SKUs (base currency); `empty` when there is none. */
const minPriceExpr = (empty: number | null) =>
  sql`coalesce((select min(coalesce(s.sale_price, s.list_price)) from ${skus} s where s.product_id = ${PRODUCT_ID} and s.status = 'active'), ${empty}::bigint)`;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)$/;

function checkCursor(sort: ProductSort, value: string | number | null, id: string | number | null) {
  if (typeof id !== 'string' || !isUuid(id) || value === null) throw badRequest('invalid_cursor');
  if ((sort === 'updated' || sort === 'created') && !TIMESTAMP.test(String(value)))
    throw badRequest('invalid_cursor');
  if ((sort === 'quality' || sort === 'price') && !Number.isSafeInteger(Number(value)))
    throw badRequest('invalid_cursor');
}

export interface ProductListExtras {
  /** Category filter resolved to its subtree (null: none). */
  subtree: string[] | null;
  /** Inventory's condition for the stock filter. */
  stock?: SQL;
  locale: string;
}

/** Hot query: one page of the seller's products with sort key, SKU count, price range and main image. */
export function productListPageQuery(
  ctx: Pick<SellerCtx, 'tx' | 'sellerId' | 'storeIds' | 'currentStoreId'>,
  q: ProductListQuery,
  extras: ProductListExtras,
) {
  const direction = q.direction ?? DEFAULT_DIRECTION[q.sort];
  const key = sortKey(q.sort, extras.locale);
  const c = decodeCursor(q.cursor, 2);
  let after: SQL | undefined;
  if (c) {
    checkCursor(q.sort, c[0] ?? null, c[1] ?? null);
    const tuple = sql`(${key.expr}, ${products.id})`;
    const bound = sql`(${key.cast(c[0] as string | number)}, ${String(c[1])}::uuid)`;
    after = direction === 'desc' ? sql`${tuple} < ${bound}` : sql`${tuple} > ${bound}`;
  }
  const storeId = q.storeId ?? ctx.currentStoreId ?? undefined;
  const text = q.q;
  // The alternatives: the search text (lower-cased when written, so `like` with a lower-cased pattern),
  // the products whose SKU has this code or barcode (computed once, as an array of ids), the product
  // number. A text that cannot be a SKU code or a barcode (see skus.ts) skips that lookup: under row
  // level security `lower(code) = …` is not leakproof, so it cannot use skus_seller_code_idx and
  // reads every SKU of the seller.
  const asCode = text && SKU_CODE.test(text) ? text.toLowerCase() : undefined;
  const asBarcode = text && /^\d{8,14}$/.test(text) ? text : undefined;
  const skuMatches =
    asCode || asBarcode
      ? sql`${products.id} = any(array(${ctx.tx
          .select({ id: skus.productId })
          .from(skus)
          .where(
            and(
              eq(skus.sellerId, ctx.sellerId),
              or(
                asCode ? sql`lower(${skus.code}) = ${asCode}` : undefined,
                asBarcode ? eq(skus.barcode, asBarcode) : undefined,
              ),
            ),
          )}))`
      : undefined;
  const search = text
    ? or(
        like(products.searchText, `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`),
        skuMatches,
        /^\d{1,15}$/.test(text) ? eq(products.number, Number(text)) : undefined,
      )
    : undefined;
  const order =
    direction === 'desc' ? [desc(key.expr), desc(products.id)] : [asc(key.expr), asc(products.id)];
  return ctx.tx
    .select({
      product: products,
      sortValue: sql<string | number | Date>`${key.expr}`,
      skuCount: sql<number>`(select count(*)::int from ${skus} s where s.product_id = ${PRODUCT_ID})`,
      minPrice: sql<number | null>`${minPriceExpr(null)}`,
      maxPrice: sql<
        number | null
      >`(select max(coalesce(s.sale_price, s.list_price)) from ${skus} s where s.product_id = ${PRODUCT_ID} and s.status = 'active')`,
      currency: sql<
        string | null
      >`(select s.currency from ${skus} s where s.product_id = ${PRODUCT_ID} limit 1)`,
      mainImageId: sql<
        string | null
      >`(select i.id from ${productImages} i where i.product_id = ${PRODUCT_ID} order by i.position, i.id limit 1)`,
    })
    .from(products)
    .where(
      and(
        visibleProducts(ctx),
        search,
        q.reviewState ? eq(products.reviewState, q.reviewState) : undefined,
        q.saleState ? eq(products.saleState, q.saleState) : undefined,
        extras.subtree
          ? extras.subtree.length
            ? inArray(products.categoryId, extras.subtree)
            : sql`false`
          : undefined,
        storeId ? sql`${storeId}::uuid = any(${products.storeIds})` : undefined,
        q.qualityBelow !== undefined ? lt(products.qualityScore, q.qualityBelow) : undefined,
        q.qualityAbove !== undefined ? gt(products.qualityScore, q.qualityAbove) : undefined,
        extras.stock,
        after,
      ),
    )
    .orderBy(...order)
    .limit(q.limit + 1);
}

export async function listProducts(ctx: SellerCtx, q: ProductListQuery) {
  const subtree = q.categoryId ? await categorySubtreeIds(ctx, q.categoryId) : null;
  const stock = q.stock ? stockStateFilter(q.stock, products.id) : undefined;
  const rows = await productListPageQuery(ctx, q, { subtree, stock, locale: ctx.locale });
  const page = toPage(rows, q.limit, (r) => [
    // Timestamps keep the database's text (microseconds), so the next page starts exactly after this row.
    r.sortValue instanceof Date ? r.sortValue.toISOString() : r.sortValue,
    r.product.id,
  ]);
  const storeId = q.storeId ?? ctx.currentStoreId ?? null;
  const storePrices = storeId
    ? await storePriceRanges(
        ctx,
        storeId,
        page.items.map((r) => r.product.id),
      )
    : null;
  return {
    items: page.items.map((r) => ({
      id: r.product.id,
      number: r.product.number,
      title: r.product.title,
      brand: r.product.brand,
      categoryId: r.product.categoryId,
      storeIds: r.product.storeIds,
      mainImageId: r.mainImageId,
      skuCount: Number(r.skuCount),
      currency: r.currency,
      minPrice: r.minPrice === null ? null : Number(r.minPrice),
      maxPrice: r.maxPrice === null ? null : Number(r.maxPrice),
      storePrice: storePrices?.get(r.product.id) ?? null,
      qualityScore: r.product.qualityScore,
      qualityHints: r.product.qualityHints,
      reviewState: r.product.reviewState,
      saleState: r.product.saleState,
      publishedAt: r.product.publishedAt?.toISOString() ?? null,
      createdAt: r.product.createdAt.toISOString(),
      updatedAt: r.product.updatedAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

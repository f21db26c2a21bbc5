// The seller's product list: search, filters, sorts and keyset pagination.
import { and, asc, desc, eq, gt, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isUuid } from '../../../platform/db/ids';
import { type OrderedRead, readOrdered } from '../../../platform/db/ordered-read';
import type { SellerCtx } from '../../../platform/db/tenant';
import { readThrough } from '../../../platform/db/views';
import { badRequest } from '../../../platform/http/errors';
import { decodeCursor, pageQuery, toPage } from '../../../platform/http/pagination';
import {
  productImages,
  products,
  REVIEW_STATES,
  SALE_STATES,
  sellerProducts,
  sellerSkus,
  skus,
} from '../schema';
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

/** The seller's products through the seller-scoped view (schema.ts), under the table's name. */
export const productsOfSeller = readThrough(products, sellerProducts);

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

/**
 * Hot query: one page of the seller's products with sort key, SKU count, price range and main image, as
 * an ordered read (platform/db/ordered-read.ts) of the seller's view: its fields, its conditions split into
 * plain (state, store, quality, cursor) and selective (search, category subtree, stock), and whether its
 * order is an index's (updated, created, quality), which a bounded walk can follow.
 */
export function productListRead(
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
  // number. Both the list and the SKU lookup read the seller-scoped views (schema.ts), so that `like`
  // can use the trigram index and `lower(code) =` skus_seller_code_idx.
  const asCode = text && SKU_CODE.test(text) ? text.toLowerCase() : undefined;
  const asBarcode = text && /^\d{8,14}$/.test(text) ? text : undefined;
  const skuMatches =
    asCode || asBarcode
      ? sql`${products.id} = any(array(${ctx.tx
          .select({ id: sellerSkus.productId })
          .from(sellerSkus)
          .where(
            and(
              eq(sellerSkus.sellerId, ctx.sellerId),
              or(
                asCode ? sql`lower(${sellerSkus.code}) = ${asCode}` : undefined,
                asBarcode ? eq(sellerSkus.barcode, asBarcode) : undefined,
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
  const fields = {
    // Only what the list shows: not the descriptions, attributes and published copy.
    product: {
      id: products.id,
      number: products.number,
      title: products.title,
      brand: products.brand,
      categoryId: products.categoryId,
      storeIds: products.storeIds,
      qualityScore: products.qualityScore,
      qualityHints: products.qualityHints,
      reviewState: products.reviewState,
      saleState: products.saleState,
      publishedAt: products.publishedAt,
      createdAt: products.createdAt,
      updatedAt: products.updatedAt,
    },
    sortValue: sql<string | number | Date>`${key.expr}`,
    // One pass over the product's SKUs: count, price range of the active ones, currency.
    skus: sql<{ count: number; min: number | null; max: number | null; currency: string | null }>`(
      select json_build_object(
        'count', count(*),
        'min', min(coalesce(s.sale_price, s.list_price)) filter (where s.status = 'active'),
        'max', max(coalesce(s.sale_price, s.list_price)) filter (where s.status = 'active'),
        'currency', min(s.currency))
      from ${skus} s where s.product_id = ${PRODUCT_ID})`,
    mainImageId: sql<
      string | null
    >`(select i.id from ${productImages} i where i.product_id = ${PRODUCT_ID} order by i.position, i.id limit 1)`,
  };
  const read: OrderedRead = {
    order,
    plain: [
      visibleProducts(ctx),
      q.reviewState ? eq(products.reviewState, q.reviewState) : undefined,
      q.saleState ? eq(products.saleState, q.saleState) : undefined,
      storeId ? sql`${storeId}::uuid = any(${products.storeIds})` : undefined,
      q.qualityBelow !== undefined ? lt(products.qualityScore, q.qualityBelow) : undefined,
      q.qualityAbove !== undefined ? gt(products.qualityScore, q.qualityAbove) : undefined,
      after,
    ],
    selective: [
      search,
      extras.subtree
        ? extras.subtree.length
          ? inArray(products.categoryId, extras.subtree)
          : sql`false`
        : undefined,
      extras.stock,
    ],
    limit: q.limit + 1,
  };
  return { fields, read, walkable: INDEXED_SORTS.has(q.sort) };
}

/** Sorts that follow an index of the seller's products (schema.ts), so a bounded walk can follow them. */
const INDEXED_SORTS = new Set<ProductSort>(['updated', 'created', 'quality']);

/** One page of the seller's products (limit + 1 rows, for toPage). */
export function productListPage(
  ctx: Pick<SellerCtx, 'tx' | 'sellerId' | 'storeIds' | 'currentStoreId'>,
  q: ProductListQuery,
  extras: ProductListExtras,
) {
  const { fields, read, walkable } = productListRead(ctx, q, extras);
  return readOrdered(ctx.tx, productsOfSeller, fields, read, { walkable });
}

export async function listProducts(ctx: SellerCtx, q: ProductListQuery) {
  const subtree = q.categoryId ? await categorySubtreeIds(ctx, q.categoryId) : null;
  const stock = q.stock ? stockStateFilter(q.stock, products.id) : undefined;
  const rows = await productListPage(ctx, q, { subtree, stock, locale: ctx.locale });
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
      skuCount: Number(r.skus.count),
      currency: r.skus.currency,
      minPrice: r.skus.min === null ? null : Number(r.skus.min),
      maxPrice: r.skus.max === null ? null : Number(r.skus.max),
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

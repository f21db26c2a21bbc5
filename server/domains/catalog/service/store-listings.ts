// The buyers' read model: one store_listings row per published, active product and store.
import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  like,
  lte,
  type SQL,
  sql,
} from 'drizzle-orm';
import { isUuid } from '../../../platform/db/ids';
import { type OrderedRead, readOrdered } from '../../../platform/db/ordered-read';
import type { AnyCtx } from '../../../platform/db/tenant';
import { badRequest } from '../../../platform/http/errors';
import { decodeCursor, toPage } from '../../../platform/http/pagination';
import { type PerLang, type ProductContent, products, skuPrices, skus, storeListings } from '../schema';
import { LANGS } from './content';
import { archivedStoreIds, availableBySku, categoryRules } from './deps';
import { effectivePrice } from './price-rules';

type Ctx = AnyCtx;

/** Lower-cased titles (all languages), keywords and brand: what buyers and sellers search. */
export function searchTextOf(content: { title: PerLang; keywords: PerLang; brand: string | null }): string {
  const parts = [
    ...LANGS.map((l) => content.title[l]),
    ...LANGS.map((l) => content.keywords[l]),
    content.brand,
  ].filter((s): s is string => !!s);
  return parts.join(' ').toLowerCase();
}

/**
 * Units a buyer can get per SKU: stock available now (inventory), or unlimited on backorder.
 * Reads inventory's availableBySku in whatever context the caller runs in.
 */
export async function skuAvailability(ctx: Ctx, skuIds: string[]): Promise<Map<string, number>> {
  if (skuIds.length === 0) return new Map();
  return availableBySku(ctx, skuIds);
}

/**
 * Rebuilds the store listings of some products (any seller, in the caller's context): a product is
 * listed in each of its stores while its published copy is active and it has an active SKU priced there.
 */
export async function refreshStoreListings(ctx: Ctx, productIds: readonly string[]): Promise<void> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return;
  await ctx.tx.delete(storeListings).where(inArray(storeListings.productId, ids));
  const rows = await ctx.tx.select().from(products).where(inArray(products.id, ids));
  const listed = rows.filter((p) => p.saleState === 'active' && p.published && p.storeIds.length > 0);
  if (listed.length === 0) return;
  const skuRows = await ctx.tx
    .select()
    .from(skus)
    .where(
      and(
        inArray(
          skus.productId,
          listed.map((p) => p.id),
        ),
        eq(skus.status, 'active'),
      ),
    );
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
  const available = await skuAvailability(
    ctx,
    skuRows.filter((s) => !s.backorder).map((s) => s.id),
  );
  const archived = await archivedStoreIds(ctx, [...new Set(listed.flatMap((p) => p.storeIds))]);
  const paths = new Map<string, string[]>();
  const values: (typeof storeListings.$inferInsert)[] = [];
  for (const product of listed) {
    const content = product.published as ProductContent;
    let path = paths.get(content.categoryId);
    if (!path) {
      path = (await categoryRules(ctx, content.categoryId))?.path ?? [content.categoryId];
      paths.set(content.categoryId, path);
    }
    const own = skuRows.filter((s) => s.productId === product.id);
    const buyable = own.some((s) => s.backorder || (available.get(s.id) ?? 0) > 0);
    for (const storeId of product.storeIds) {
      if (archived.has(storeId)) continue;
      const inStore = prices.filter((p) => p.storeId === storeId && own.some((s) => s.id === p.skuId));
      if (inStore.length === 0) continue;
      const amounts = inStore.map(effectivePrice);
      values.push({
        productId: product.id,
        storeId,
        sellerId: product.sellerId,
        categoryPath: path,
        title: content.title,
        searchText: searchTextOf(content),
        currency: inStore[0]?.currency as string,
        minPrice: Math.min(...amounts),
        maxPrice: Math.max(...amounts),
        mainImageId: content.imageIds[0] ?? null,
        buyable,
        publishedAt: product.publishedAt ?? ctx.now,
      });
    }
  }
  if (values.length) await ctx.tx.insert(storeListings).values(values);
}

/**
 * After an operator moved a category: the listings in it and below it take their categories' new paths
 * (a listing's path is its category's, whose last element is the category itself).
 */
export async function refreshListingCategoryPaths(ctx: Ctx, movedCategoryId: string): Promise<void> {
  const leaf = sql<string>`${storeListings.categoryPath}[cardinality(${storeListings.categoryPath})]`;
  const affected = await ctx.tx
    .selectDistinct({ categoryId: leaf })
    .from(storeListings)
    .where(arrayContains(storeListings.categoryPath, [movedCategoryId]));
  for (const { categoryId } of affected) {
    const path = (await categoryRules(ctx, categoryId))?.path;
    if (!path) continue;
    await ctx.tx
      .update(storeListings)
      .set({ categoryPath: path })
      .where(
        and(arrayContains(storeListings.categoryPath, [movedCategoryId]), sql`${leaf} = ${categoryId}::uuid`),
      );
  }
}

/** After a store was archived or restored: its products' listings, rebuilt (none in an archived store). */
export async function relistStore(ctx: Ctx, storeId: string): Promise<void> {
  const rows = await ctx.tx
    .select({ id: products.id })
    .from(products)
    .where(arrayContains(products.storeIds, [storeId]));
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) await refreshStoreListings(ctx, ids.slice(i, i + 500));
}

/** Only the buyable flag of a product's listings (stock crossed zero). */
export async function refreshBuyable(ctx: Ctx, productId: string): Promise<void> {
  const own = await ctx.tx
    .select({ id: skus.id, backorder: skus.backorder })
    .from(skus)
    .where(and(eq(skus.productId, productId), eq(skus.status, 'active')));
  const available = await skuAvailability(
    ctx,
    own.filter((s) => !s.backorder).map((s) => s.id),
  );
  const buyable = own.some((s) => s.backorder || (available.get(s.id) ?? 0) > 0);
  await ctx.tx
    .update(storeListings)
    .set({ buyable })
    .where(and(eq(storeListings.productId, productId), sql`${storeListings.buyable} <> ${buyable}`));
}

// ---------------------------------------------------------------------------------------------
// Storefront reads

/**
 * relevance (only with `q`; without it, newest): listings holding the search as one phrase first, then
 * the others holding every word; newest first within each.
 */
export const LISTING_SORTS = ['newest', 'price_asc', 'price_desc', 'relevance'] as const;
export type ListingSort = (typeof LISTING_SORTS)[number];
type OrderedSort = Exclude<ListingSort, 'relevance'>;

export interface StoreListingQuery {
  /** Words that must all occur in a title, keyword or brand (any language, case-insensitive). */
  q?: string;
  /** A category: its whole subtree matches. */
  categoryId?: string;
  /** Bounds on the lowest price, in minor units of `currency` (or of each listing's own currency). */
  minPrice?: number;
  maxPrice?: number;
  currency?: string;
  storeId?: string;
  /** Only listings a buyer can order now (in stock or on backorder). */
  buyableOnly?: boolean;
  sort?: ListingSort;
  limit: number;
  cursor?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The words of a search (lower-cased, at most 8). */
const searchWords = (q: string | undefined) =>
  (q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);

/** Relevance needs words to rank by; without them it is newest first. */
const effectiveSort = (sort: ListingSort | undefined, words: string[]): ListingSort =>
  sort === 'relevance' && words.length === 0 ? 'newest' : (sort ?? 'newest');

/** search_text is lower-cased when written and so are the words: `like`, no case folding per row. */
const contains = (text: string) => like(storeListings.searchText, `%${escapeLike(text)}%`);

const ORDER: Record<OrderedSort, SQL[]> = {
  newest: [desc(storeListings.publishedAt), desc(storeListings.productId), desc(storeListings.storeId)],
  price_asc: [asc(storeListings.minPrice), asc(storeListings.productId), asc(storeListings.storeId)],
  price_desc: [desc(storeListings.minPrice), desc(storeListings.productId), desc(storeListings.storeId)],
};

/** The rows after a cursor's (key, product, store) in a sort. */
function afterCursor(sort: OrderedSort, key: string, productId: string, storeId: string): SQL {
  if (!isUuid(productId) || !isUuid(storeId)) throw badRequest('invalid_cursor');
  if (sort === 'newest') {
    if (Number.isNaN(Date.parse(key))) throw badRequest('invalid_cursor');
    return sql`(${storeListings.publishedAt}, ${storeListings.productId}, ${storeListings.storeId}) < (${key}::timestamptz, ${productId}::uuid, ${storeId}::uuid)`;
  }
  if (!/^\d+$/.test(key)) throw badRequest('invalid_cursor');
  const op = sort === 'price_asc' ? sql`>` : sql`<`;
  return sql`(${storeListings.minPrice}, ${storeListings.productId}, ${storeListings.storeId}) ${op} (${Number(key)}::bigint, ${productId}::uuid, ${storeId}::uuid)`;
}

type ListingRow = typeof storeListings.$inferSelect;
const LISTING_COLUMNS = getTableColumns(storeListings);

export interface StoreListingItem {
  productId: string;
  storeId: string;
  sellerId: string;
  categoryPath: string[];
  title: PerLang;
  currency: string;
  minPrice: number;
  maxPrice: number;
  mainImageId: string | null;
  buyable: boolean;
  publishedAt: string;
}

const toListingItem = (r: ListingRow): StoreListingItem => ({
  productId: r.productId,
  storeId: r.storeId,
  sellerId: r.sellerId,
  categoryPath: r.categoryPath,
  title: r.title,
  currency: r.currency,
  minPrice: r.minPrice,
  maxPrice: r.maxPrice,
  mainImageId: r.mainImageId,
  buyable: r.buyable,
  publishedAt: r.publishedAt.toISOString(),
});

/** A cursor's sort key for a row. */
const keyOf = (sort: OrderedSort, r: ListingRow) =>
  sort === 'newest' ? r.publishedAt.toISOString() : String(r.minPrice);

/** The filters of a query, plain and selective (see OrderedRead), without the cursor. */
function filtersOf(query: StoreListingQuery, words: string[]) {
  return {
    plain: [
      query.storeId ? eq(storeListings.storeId, query.storeId) : undefined,
      query.currency ? eq(storeListings.currency, query.currency) : undefined,
      query.minPrice !== undefined ? gte(storeListings.minPrice, query.minPrice) : undefined,
      query.maxPrice !== undefined ? lte(storeListings.minPrice, query.maxPrice) : undefined,
      query.buyableOnly ? eq(storeListings.buyable, true) : undefined,
    ].filter((c): c is SQL => !!c),
    /** Every word must occur. */
    wordsFound: words.map(contains),
    /** The category subtree. */
    inCategory: query.categoryId ? [arrayContains(storeListings.categoryPath, [query.categoryId])] : [],
  };
}

/** The read of a query in an ordered sort (not relevance): its filters, after its cursor. */
export function orderedListingRead(query: StoreListingQuery, sort: OrderedSort): OrderedRead {
  const { plain, wordsFound, inCategory } = filtersOf(query, searchWords(query.q));
  const selective = [...wordsFound, ...inCategory];
  const c = decodeCursor(query.cursor, 3);
  const cursor = c ? [afterCursor(sort, ...(c.map(String) as [string, string, string]))] : [];
  return { order: ORDER[sort], plain: [...plain, ...cursor], selective, limit: query.limit + 1 };
}

/** The first rows of a read (a bounded walk in the sort order, else an index lookup). */
const readListings = (ctx: Pick<AnyCtx, 'tx'>, read: OrderedRead): Promise<ListingRow[]> =>
  readOrdered(ctx.tx, storeListings, LISTING_COLUMNS, read);

/** Storefront search: listings matching the query, in the chosen sort, keyset-paginated. */
export async function searchStoreListings(
  ctx: Pick<AnyCtx, 'tx'>,
  query: StoreListingQuery,
): Promise<{ items: StoreListingItem[]; nextCursor: string | null }> {
  const words = searchWords(query.q);
  const sort = effectiveSort(query.sort, words);
  const { plain, wordsFound, inCategory } = filtersOf(query, words);
  const limit = query.limit + 1;
  if (sort !== 'relevance') {
    const rows = await readListings(ctx, orderedListingRead(query, sort));
    const page = toPage(rows, query.limit, (r) => [keyOf(sort, r), r.productId, r.storeId]);
    return { items: page.items.map(toListingItem), nextCursor: page.nextCursor };
  }
  // Relevance: tier 0 holds the whole search as a phrase, tier 1 every word but not the phrase (one word:
  // tier 0 only). Each tier is newest first; a cursor is (tier, published_at, product, store).
  // (The phrase holds every word: tier 0 checks the phrase alone, fewer trigrams to look up.)
  const phrase = words.join(' ');
  const tiers =
    words.length > 1
      ? [
          [contains(phrase), ...inCategory],
          [...wordsFound, sql`not ${contains(phrase)}`, ...inCategory],
        ]
      : [[...wordsFound, ...inCategory]];
  const c = decodeCursor(query.cursor, 4);
  const fromTier = c ? Number(c[0]) : 0;
  if (c && !(fromTier === 0 || fromTier === 1)) throw badRequest('invalid_cursor');
  const rows: { tier: number; row: ListingRow }[] = [];
  for (let tier = fromTier; tier < tiers.length && rows.length < limit; tier++) {
    const cursor =
      c && tier === fromTier
        ? [afterCursor('newest', ...(c.slice(1).map(String) as [string, string, string]))]
        : [];
    const found = await readListings(ctx, {
      order: ORDER.newest,
      plain: [...plain, ...cursor],
      selective: tiers[tier] ?? [],
      limit: limit - rows.length,
    });
    rows.push(...found.map((row) => ({ tier, row })));
  }
  const page = toPage(rows, query.limit, (r) => [
    r.tier,
    keyOf('newest', r.row),
    r.row.productId,
    r.row.storeId,
  ]);
  return { items: page.items.map((r) => toListingItem(r.row)), nextCursor: page.nextCursor };
}

export interface StoreListingSku {
  id: string;
  code: string;
  barcode: string | null;
  options: Record<string, string>;
  backorder: boolean;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  currency: string;
  listPrice: number;
  salePrice: number | null;
}

export interface StoreListingDetail extends StoreListingItem {
  number: number;
  content: ProductContent;
  skus: StoreListingSku[];
}

/**
 * One listed product in one store: its published content and active SKUs with the store's prices.
 * Null when the product is not listed in that store (not approved, not active, or not sold there).
 * Availability is the storefront's to add (inventory's availableBySku).
 */
export async function storeListingDetail(
  ctx: Pick<AnyCtx, 'tx'>,
  productId: string,
  storeId: string,
): Promise<StoreListingDetail | null> {
  if (!isUuid(productId) || !isUuid(storeId)) return null;
  const [row] = await ctx.tx
    .select({ listing: storeListings, number: products.number, published: products.published })
    .from(storeListings)
    .innerJoin(products, eq(products.id, storeListings.productId))
    .where(and(eq(storeListings.productId, productId), eq(storeListings.storeId, storeId)));
  if (!row?.published) return null;
  const skuRows = await ctx.tx
    .select({ sku: skus, price: skuPrices })
    .from(skus)
    .innerJoin(skuPrices, and(eq(skuPrices.skuId, skus.id), eq(skuPrices.storeId, storeId)))
    .where(and(eq(skus.productId, productId), eq(skus.status, 'active')))
    .orderBy(asc(skus.position), asc(skus.createdAt));
  const l = row.listing;
  return {
    productId: l.productId,
    storeId: l.storeId,
    sellerId: l.sellerId,
    categoryPath: l.categoryPath,
    title: l.title,
    currency: l.currency,
    minPrice: l.minPrice,
    maxPrice: l.maxPrice,
    mainImageId: l.mainImageId,
    buyable: l.buyable,
    publishedAt: l.publishedAt.toISOString(),
    number: row.number,
    content: row.published,
    skus: skuRows.map(({ sku, price }) => ({
      id: sku.id,
      code: sku.code,
      barcode: sku.barcode,
      options: sku.options,
      backorder: sku.backorder,
      weightGrams: sku.weightGrams,
      lengthMm: sku.lengthMm,
      widthMm: sku.widthMm,
      heightMm: sku.heightMm,
      currency: price.currency,
      listPrice: price.listPrice,
      salePrice: price.salePrice,
    })),
  };
}

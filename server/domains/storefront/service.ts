// The buyers' catalogue: search and browse of listed products, one product's published page, and the
// category tree. Everything is read-only and public; it shows only what a reviewer approved (the
// catalog's published copy in its store_listings read model), never a seller's working copy.
import { z } from 'zod';
import type { SystemCtx } from '../../platform/db/tenant';
import { type FieldError, invalid, notFound } from '../../platform/http/errors';
import { type Locale, localized } from '../../platform/i18n/locale';
import { translate } from '../../platform/i18n/translate';
import { isCurrency } from '../../platform/money/currencies';
import { sellerSummaries } from '../accounts';
import {
  type AttributeValues,
  type PerLang,
  publicImageUrl,
  type StoreListingItem,
  searchStoreListings,
  storeListingDetail,
} from '../catalog';
import { availableBySku } from '../inventory';
import {
  type CategoryRules,
  categoryRules,
  optionText,
  type SkuOptionText,
  sellerCategoryTree,
  skuOptionTexts,
} from '../platform';

type Ctx = SystemCtx;

export const STORE_SORTS = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
export type StoreSort = (typeof STORE_SORTS)[number];

const minor = (what: string) =>
  z.coerce
    .number()
    .int()
    .min(0)
    .max(1e12)
    .optional()
    .describe(`${what}, in minor units (e.g. cents) of \`currency\` or of the store's currency.`);

export const storeProductQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe(
      'Words to find in titles, keywords or brand, in any language (zh-CN, en-US, ru-RU); each word must ' +
        'occur, parts of words match ("хлоп" finds "хлопковая").',
    ),
  categoryId: z.uuid().optional().describe('A category: products in it and in every category below it.'),
  storeId: z.uuid().optional().describe('Only this store’s listings (prices are in the store’s currency).'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as CNY')
    .optional()
    .describe('Only listings priced in this currency (ISO 4217). Needed for a price range without storeId.'),
  minPrice: minor('Lowest price at least this'),
  maxPrice: minor('Lowest price at most this'),
  sort: z
    .enum(STORE_SORTS)
    .optional()
    .describe(
      'relevance (default with q: listings holding the words as one phrase first, then those holding ' +
        'every word; newest first within each), newest (default without q), price_asc, price_desc (by the ' +
        'lowest SKU price). relevance without q is newest.',
    ),
  limit: z.coerce.number().int().min(1).max(100).default(24).describe('Page size (1–100, default 24).'),
  cursor: z
    .string()
    .max(500)
    .optional()
    .describe('The nextCursor of the previous page (same filters and sort).'),
});
export type StoreProductQuery = z.infer<typeof storeProductQuery>;

export interface ImageUrls {
  id: string;
  thumb100: string;
  thumb400: string;
  large1200: string;
  original: string;
}

const imageUrls = (id: string): ImageUrls => ({
  id,
  thumb100: publicImageUrl(id, 'thumb-100'),
  thumb400: publicImageUrl(id, 'thumb-400'),
  large1200: publicImageUrl(id, 'large-1200'),
  original: publicImageUrl(id, 'original'),
});

export interface StoreProductItem {
  productId: string;
  storeId: string;
  sellerId: string;
  sellerName: string;
  categoryId: string;
  title: PerLang;
  /** The title in the reader's language (Accept-Language), else English, else any. */
  displayTitle: string;
  currency: string;
  minPrice: number;
  maxPrice: number;
  image: ImageUrls | null;
  publishedAt: string;
}

function toItem(l: StoreListingItem, sellerName: string, locale: string): StoreProductItem {
  return {
    productId: l.productId,
    storeId: l.storeId,
    sellerId: l.sellerId,
    sellerName,
    categoryId: l.categoryPath.at(-1) ?? '',
    title: l.title,
    displayTitle: localized(l.title, locale) ?? '',
    currency: l.currency,
    minPrice: l.minPrice,
    maxPrice: l.maxPrice,
    image: l.mainImageId ? imageUrls(l.mainImageId) : null,
    publishedAt: l.publishedAt,
  };
}

/** A category buyers may browse: one of the active tree (else 404). One small query. */
async function checkBrowsable(ctx: Ctx, categoryId: string): Promise<void> {
  const tree = await sellerCategoryTree(ctx);
  if (!tree.some((c) => c.id === categoryId)) throw notFound('category');
}

function checkPriceFilter(q: StoreProductQuery) {
  const errors: FieldError[] = [];
  const bounded = q.minPrice !== undefined || q.maxPrice !== undefined;
  if (bounded && !q.currency && !q.storeId)
    errors.push({
      path: `querystring.${q.minPrice !== undefined ? 'minPrice' : 'maxPrice'}`,
      message: 'price_needs_currency',
      code: 'price_needs_currency',
    });
  if (q.minPrice !== undefined && q.maxPrice !== undefined && q.minPrice > q.maxPrice)
    errors.push({
      path: 'querystring.maxPrice',
      message: 'price_range_inverted',
      code: 'price_range_inverted',
      params: { min: q.minPrice, max: q.maxPrice },
    });
  if (q.currency && !isCurrency(q.currency))
    errors.push({
      path: 'querystring.currency',
      message: 'currency_unsupported',
      code: 'currency_unsupported',
      params: { currency: q.currency },
    });
  if (errors.length) throw invalid(errors);
}

/**
 * Search and browse: approved, active listings of active sellers that a buyer can order now (in
 * stock, or a SKU on backorder), by words in any language, category subtree, store, currency and
 * price range.
 */
export async function searchProducts(
  ctx: Ctx,
  q: StoreProductQuery,
): Promise<{ items: StoreProductItem[]; nextCursor: string | null }> {
  checkPriceFilter(q);
  if (q.categoryId) await checkBrowsable(ctx, q.categoryId);
  const page = await searchStoreListings(ctx, {
    q: q.q,
    categoryId: q.categoryId,
    storeId: q.storeId,
    currency: q.currency,
    minPrice: q.minPrice,
    maxPrice: q.maxPrice,
    buyableOnly: true,
    sort: q.sort ?? (q.q ? 'relevance' : 'newest'),
    limit: q.limit,
    cursor: q.cursor,
  });
  const sellers = await sellerSummaries(
    ctx,
    page.items.map((i) => i.sellerId),
  );
  // A suspended or closed seller sells nothing, even before its listings are taken down. (The page
  // may then hold fewer items than asked; the cursor still continues after the last row read.)
  return {
    items: page.items
      .filter((l) => sellers.get(l.sellerId)?.status === 'active')
      .map((l) => toItem(l, sellers.get(l.sellerId)?.displayName ?? '', ctx.locale)),
    nextCursor: page.nextCursor,
  };
}

export interface StoreAttribute {
  key: string;
  name: string;
  names: PerLang;
  type: string;
  unit: string | null;
  /** As the seller entered it: text, number, option value(s), boolean or ISO date. */
  value: string | number | boolean | string[];
  /** The value for display in the reader's language (option names, unit, yes/no). */
  text: string;
}

export type StoreSkuOption = SkuOptionText;

export interface StoreSku {
  id: string;
  code: string;
  barcode: string | null;
  options: StoreSkuOption[];
  currency: string;
  listPrice: number;
  salePrice: number | null;
  /** What the buyer pays: the sale price when there is one, else the list price. */
  price: number;
  /** Units available now across warehouses (0 when none). */
  available: number;
  backorder: boolean;
  /** In stock, or sold on backorder. */
  buyable: boolean;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
}

export interface StoreProductDetail {
  productId: string;
  number: number;
  storeId: string;
  sellerId: string;
  sellerName: string;
  categoryId: string;
  breadcrumb: { id: string; slug: string; names: PerLang; name: string }[];
  brand: string | null;
  title: PerLang;
  displayTitle: string;
  description: PerLang;
  displayDescription: string | null;
  attributes: StoreAttribute[];
  images: ImageUrls[];
  videoUrl: string | null;
  currency: string;
  minPrice: number;
  maxPrice: number;
  buyable: boolean;
  skus: StoreSku[];
  publishedAt: string;
}

type RuleAttribute = CategoryRules['attributes'][number];

function attributeText(
  attr: RuleAttribute | undefined,
  value: AttributeValues[string],
  locale: Locale,
): string {
  if (Array.isArray(value)) return value.map((v) => optionText(attr, v, locale)).join(', ');
  if (typeof value === 'boolean') return translate(locale, value ? 'storefront.yes' : 'storefront.no');
  if (typeof value === 'number') return attr?.unit ? `${value} ${attr.unit}` : String(value);
  return attr?.type === 'enum' ? optionText(attr, value, locale) : value;
}

/** Attributes of the published copy in the category's order, with names in the reader's language. */
function describeAttributes(
  values: AttributeValues,
  rules: CategoryRules | null,
  locale: Locale,
): StoreAttribute[] {
  const byKey = new Map((rules?.attributes ?? []).map((a) => [a.key, a]));
  const order = (key: string) => byKey.get(key)?.position ?? Number.MAX_SAFE_INTEGER;
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([key, value]) => {
      const attr = byKey.get(key);
      const names = (attr?.names ?? {}) as PerLang;
      return {
        key,
        name: localized(names, locale) ?? key,
        names,
        type:
          attr?.type ??
          (typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text'),
        unit: attr?.unit ?? null,
        value,
        text: attributeText(attr, value, locale),
      };
    });
}

/**
 * One product as a buyer sees it in one store: the approved copy (a revision waiting for review does
 * not show), the store's prices and what is in stock. 404 when it is not on sale there (never
 * approved, inactive, suspended, archived, not sold in that store) or its seller is not active.
 */
export async function getStoreProduct(
  ctx: Ctx,
  productId: string,
  storeId: string,
): Promise<StoreProductDetail> {
  const listing = await storeListingDetail(ctx, productId, storeId);
  if (!listing) throw notFound('product');
  const seller = (await sellerSummaries(ctx, [listing.sellerId])).get(listing.sellerId);
  if (seller?.status !== 'active') throw notFound('product');
  const content = listing.content;
  const locale = ctx.locale;
  const rules = await categoryRules(ctx, content.categoryId);
  const available = await availableBySku(
    ctx,
    listing.skus.map((s) => s.id),
  );
  const skus: StoreSku[] = listing.skus.map((s) => {
    const units = Math.max(0, available.get(s.id) ?? 0);
    return {
      id: s.id,
      code: s.code,
      barcode: s.barcode,
      options: skuOptionTexts(s.options, rules, locale),
      currency: s.currency,
      listPrice: s.listPrice,
      salePrice: s.salePrice,
      price: s.salePrice ?? s.listPrice,
      available: units,
      backorder: s.backorder,
      buyable: s.backorder || units > 0,
      weightGrams: s.weightGrams,
      lengthMm: s.lengthMm,
      widthMm: s.widthMm,
      heightMm: s.heightMm,
    };
  });
  return {
    productId: listing.productId,
    number: listing.number,
    storeId: listing.storeId,
    sellerId: listing.sellerId,
    sellerName: seller.displayName,
    categoryId: content.categoryId,
    breadcrumb: (rules?.breadcrumb ?? []).map((b) => ({
      id: b.id,
      slug: b.slug,
      names: b.names as PerLang,
      name: localized(b.names as PerLang, locale) ?? b.slug,
    })),
    brand: content.brand,
    title: content.title,
    displayTitle: localized(content.title, locale) ?? '',
    description: content.description,
    displayDescription: localized(content.description, locale),
    attributes: describeAttributes(content.attributes, rules, locale),
    images: content.imageIds.map(imageUrls),
    videoUrl: content.videoUrl,
    currency: listing.currency,
    minPrice: listing.minPrice,
    maxPrice: listing.maxPrice,
    buyable: skus.some((s) => s.buyable),
    skus,
    publishedAt: listing.publishedAt,
  };
}

export interface StoreCategory {
  id: string;
  parentId: string | null;
  depth: number;
  slug: string;
  names: PerLang;
  name: string;
  position: number;
  isLeaf: boolean;
}

/** The active category tree, flat and depth-first (each parent followed by its subtree). */
export async function storeCategories(ctx: Ctx): Promise<StoreCategory[]> {
  const rows = await sellerCategoryTree(ctx);
  return rows.map((c) => ({
    id: c.id,
    parentId: c.parentId,
    depth: c.depth,
    slug: c.slug,
    names: c.names as PerLang,
    name: localized(c.names as PerLang, ctx.locale) ?? c.slug,
    position: c.position,
    isLeaf: c.isLeaf,
  }));
}

// Buyer-facing catalogue API: public (no sign-in), read-only.
import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { systemCtx } from '../../../platform/http/context';
import { getStoreProduct, searchProducts, storeCategories, storeProductQuery } from '../service';

const tags = ['storefront'];
const iso = z.string().describe('ISO 8601.');
const minor = (what: string) => z.number().int().describe(`${what}, minor units of \`currency\`.`);

const textSchema = z
  .object({ 'zh-CN': z.string().optional(), 'en-US': z.string().optional(), 'ru-RU': z.string().optional() })
  .meta({ id: 'StorefrontText' });

const imageSchema = z
  .object({
    id: z.string(),
    thumb100: z.string().describe('100 px WebP.'),
    thumb400: z.string().describe('400 px WebP.'),
    large1200: z.string().describe('Up to 1200 px WebP.'),
    original: z.string().describe('The uploaded image, re-encoded without metadata.'),
  })
  .meta({ id: 'StorefrontImage' });

const itemSchema = z
  .object({
    productId: z.string(),
    storeId: z.string().describe('The store the price is in; pass it to the product page.'),
    sellerId: z.string(),
    sellerName: z.string(),
    categoryId: z.string(),
    title: textSchema,
    displayTitle: z.string().describe('The title in the Accept-Language language, else English, else any.'),
    currency: z.string().describe('ISO 4217.'),
    minPrice: minor('Lowest SKU price'),
    maxPrice: minor('Highest SKU price'),
    image: imageSchema.nullable().describe('The main image.'),
    publishedAt: iso,
  })
  .meta({ id: 'StorefrontProductItem' });

const attributeSchema = z
  .object({
    key: z.string(),
    name: z.string().describe('In the reader’s language.'),
    names: textSchema,
    type: z.string().describe('text, number, enum, multi_enum, boolean or date.'),
    unit: z.string().nullable(),
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
    text: z.string().describe('The value for display: option names, number with unit, yes/no.'),
  })
  .meta({ id: 'StorefrontAttribute' });

const skuSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    barcode: z.string().nullable(),
    options: z.array(z.object({ key: z.string(), name: z.string(), value: z.string(), text: z.string() })),
    currency: z.string(),
    listPrice: minor('List price'),
    salePrice: minor('Sale price').nullable(),
    price: minor('What the buyer pays (sale price, else list price)'),
    available: z.number().int().describe('Units in stock now.'),
    backorder: z.boolean().describe('Sold when out of stock.'),
    buyable: z.boolean().describe('In stock, or on backorder.'),
    weightGrams: z.number().int().nullable(),
    lengthMm: z.number().int().nullable(),
    widthMm: z.number().int().nullable(),
    heightMm: z.number().int().nullable(),
  })
  .meta({ id: 'StorefrontSku' });

const detailSchema = z
  .object({
    productId: z.string(),
    number: z.number().int().describe('The listing number people quote.'),
    storeId: z.string(),
    sellerId: z.string(),
    sellerName: z.string(),
    categoryId: z.string(),
    breadcrumb: z.array(z.object({ id: z.string(), slug: z.string(), names: textSchema, name: z.string() })),
    brand: z.string().nullable(),
    title: textSchema,
    displayTitle: z.string(),
    description: textSchema,
    displayDescription: z.string().nullable(),
    attributes: z.array(attributeSchema),
    images: z.array(imageSchema).describe('Main image first.'),
    videoUrl: z.string().nullable(),
    currency: z.string(),
    minPrice: minor('Lowest SKU price'),
    maxPrice: minor('Highest SKU price'),
    buyable: z.boolean().describe('At least one SKU can be ordered now.'),
    skus: z.array(skuSchema),
    publishedAt: iso,
  })
  .meta({ id: 'StorefrontProduct' });

const categorySchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    depth: z.number().int(),
    slug: z.string(),
    names: textSchema,
    name: z.string().describe('In the reader’s language.'),
    position: z.number().int(),
    isLeaf: z.boolean(),
  })
  .meta({ id: 'StorefrontCategory' });

/** Public catalogue routes for buyers: search and browse, a product page, the category tree. */
export async function storefrontRoutes(app: App) {
  app.get(
    '/api/v1/store/products',
    {
      config: { auth: 'public' },
      schema: {
        operationId: 'searchStoreProducts',
        tags,
        summary: 'Search and browse products on sale',
        description:
          'Approved, active listings that can be ordered now (in stock or on backorder), one item per product ' +
          'and store. Texts in every language; displayTitle follows Accept-Language. Errors: 400 ' +
          'price_needs_currency (a price range without currency or storeId), price_range_inverted, ' +
          'currency_unsupported, invalid_cursor; 404 for an unknown or inactive category.',
        querystring: storeProductQuery,
        response: { 200: z.object({ items: z.array(itemSchema), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => searchProducts(systemCtx(req), req.query),
  );

  app.get(
    '/api/v1/store/products/:id',
    {
      config: { auth: 'public' },
      schema: {
        operationId: 'getStoreProduct',
        tags,
        summary: 'A product page',
        description:
          'The approved copy (a revision under review does not show), the store’s prices, stock per SKU. ' +
          '404 when the product is not on sale in that store.',
        params: z.object({ id: z.uuid().describe('Product id.') }),
        querystring: z.object({
          storeId: z.uuid().describe('The store whose prices to show (from the search item).'),
        }),
        response: { 200: detailSchema },
      },
    },
    async (req) => getStoreProduct(systemCtx(req), req.params.id, req.query.storeId),
  );

  app.get(
    '/api/v1/store/categories',
    {
      config: { auth: 'public' },
      schema: {
        operationId: 'listStoreCategories',
        tags,
        summary: 'The category tree',
        description: 'Active categories, flat and depth-first (each parent followed by its subtree).',
        response: { 200: z.object({ items: z.array(categorySchema) }) },
      },
    },
    async (req) => ({ items: await storeCategories(systemCtx(req)) }),
  );
}

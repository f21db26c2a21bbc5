// Response schemas of the catalog core routes (products, SKUs, prices, review).
import { z } from 'zod';
import { DOCUMENT_STATUSES, PRICE_MODES, REVIEW_STATES, SALE_STATES, SKU_STATUSES } from '../schema';
import { BARCODE_KINDS } from '../service/barcodes';
import { QUALITY_HINTS_DOC } from '../service/quality';

const iso = z.string().describe('ISO 8601.');

export const perLangSchema = z
  .object({ 'zh-CN': z.string().optional(), 'en-US': z.string().optional(), 'ru-RU': z.string().optional() })
  .meta({ id: 'PerLangText' });

const attributeValues = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
  .describe('Attribute values by attribute key.');

export const productContentSchema = z
  .object({
    categoryId: z.string(),
    brand: z.string().nullable(),
    title: perLangSchema,
    description: perLangSchema,
    keywords: perLangSchema,
    attributes: attributeValues,
    imageIds: z.array(z.string()).describe('Images in order; the first is the main image.'),
    videoUrl: z.string().nullable(),
    documentIds: z.array(z.string()),
  })
  .meta({ id: 'ProductContent' });

const holdSummarySchema = z
  .object({
    id: z.string().describe('Price hold id (confirm or discard it under /api/v1/seller/price-holds).'),
    listPrice: z.number().int().describe('The held new list price.'),
    salePrice: z.number().int().nullable(),
    createdAt: iso,
  })
  .meta({ id: 'PriceHoldSummary' });

export const storePriceSchema = z
  .object({
    storeId: z.string(),
    currency: z.string().describe("The store's currency."),
    mode: z.enum(PRICE_MODES),
    listPrice: z.number().int().describe('Minor units of the store currency.'),
    salePrice: z.number().int().nullable(),
    priceHold: holdSummarySchema.nullable().describe('An override change waiting for confirmation.'),
  })
  .meta({ id: 'StorePrice' });

export const skuSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    code: z.string(),
    barcode: z.string().nullable(),
    barcodeKind: z.enum(BARCODE_KINDS).nullable(),
    options: z.record(z.string(), z.string()).describe('Value per variant axis (attribute key).'),
    currency: z.string().describe("Base currency: the seller's default currency."),
    listPrice: z.number().int().describe('Base list price, minor units.'),
    salePrice: z.number().int().nullable(),
    priceHold: holdSummarySchema.nullable().describe('A base price change waiting for confirmation.'),
    weightGrams: z.number().int().nullable(),
    lengthMm: z.number().int().nullable(),
    widthMm: z.number().int().nullable(),
    heightMm: z.number().int().nullable(),
    status: z.enum(SKU_STATUSES),
    backorder: z.boolean(),
    position: z.number().int(),
    storePrices: z.array(storePriceSchema),
    createdAt: iso,
    updatedAt: iso,
  })
  .meta({ id: 'Sku' });

export const skuWriteSchema = skuSchema
  .extend({
    held: z
      .boolean()
      .describe(
        'True when a price change of this request was held by the price quarantine (the old price stays).',
      ),
  })
  .meta({ id: 'SkuWrite' });

export const reviewEntrySchema = z
  .object({
    id: z.string(),
    revision: z.boolean().describe('A change to a listing that was already approved.'),
    decision: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
    submittedAt: iso,
    submittedBy: z.string().nullable(),
    reasons: z
      .array(z.object({ key: z.string(), text: z.string().describe("In the reader's language.") }))
      .describe('Rejection reasons.'),
    note: z.string().nullable().describe("The reviewer's note."),
    decidedAt: iso.nullable(),
  })
  .meta({ id: 'ListingReviewEntry' });

export const historyEntrySchema = z
  .object({
    field: z.enum(['review_state', 'sale_state']),
    from: z.string().nullable(),
    to: z.string(),
    reason: z.string().nullable(),
    actorKind: z.string().describe('user, operator or system.'),
    actorId: z.string().nullable(),
    at: iso,
  })
  .meta({ id: 'ProductHistoryEntry' });

export const qualitySchema = z
  .object({
    score: z.number().int().describe('0–100.'),
    hints: z.array(z.string()).describe(QUALITY_HINTS_DOC),
  })
  .meta({ id: 'ListingQuality' });

export const productDetailSchema = z
  .object({
    id: z.string(),
    number: z.number().int().describe('Short product number shown to people.'),
    categoryId: z.string(),
    brand: z.string().nullable(),
    title: perLangSchema,
    description: perLangSchema,
    keywords: perLangSchema,
    attributes: attributeValues,
    videoUrl: z.string().nullable(),
    storeIds: z.array(z.string()),
    imageIds: z.array(z.string()).describe('Working-copy images in order (main first).'),
    documentIds: z.array(z.string()).describe('Linked compliance documents.'),
    reviewState: z
      .enum(REVIEW_STATES)
      .describe('Of the working copy: draft (editable), pending (in review), approved, rejected.'),
    saleState: z
      .enum(SALE_STATES)
      .describe('Of the published copy: unlisted (never approved), active, inactive, suspended, archived.'),
    published: productContentSchema
      .nullable()
      .describe('The approved copy buyers see; null before a first approval.'),
    publishedAt: iso.nullable().describe('When the product was first approved and listed.'),
    quality: qualitySchema,
    version: z.number().int(),
    createdAt: iso,
    updatedAt: iso,
    skus: z.array(skuSchema),
    reviews: z
      .array(reviewEntrySchema)
      .describe('Every submission and its decision, newest first (审核记录).'),
    history: z.array(historyEntrySchema).describe('Every review- and sale-state change, newest first.'),
  })
  .meta({ id: 'ProductDetail' });

export const productListItemSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    title: perLangSchema,
    brand: z.string().nullable(),
    categoryId: z.string(),
    storeIds: z.array(z.string()),
    mainImageId: z.string().nullable(),
    skuCount: z.number().int(),
    currency: z.string().nullable().describe('Base currency of the SKUs.'),
    minPrice: z
      .number()
      .int()
      .nullable()
      .describe('Lowest price paid among active SKUs (base, minor units).'),
    maxPrice: z.number().int().nullable(),
    storePrice: z
      .object({
        storeId: z.string(),
        currency: z.string(),
        min: z.number().int().describe('Lowest price paid among active SKUs in this store (minor units).'),
        max: z.number().int(),
      })
      .nullable()
      .describe(
        'When a store applies (storeId or the store switcher): the price range in that store’s currency; ' +
          'null without a store or when the product has no prices there.',
      ),
    qualityScore: z.number().int(),
    qualityHints: z.array(z.string()),
    reviewState: z.enum(REVIEW_STATES),
    saleState: z.enum(SALE_STATES),
    publishedAt: iso.nullable(),
    createdAt: iso,
    updatedAt: iso,
  })
  .meta({ id: 'ProductListItem' });

export const priceHoldSchema = z
  .object({
    id: z.string(),
    skuId: z.string(),
    skuCode: z.string(),
    productId: z.string(),
    productNumber: z.number().int(),
    storeId: z.string().nullable().describe('Null: the base price; else the store whose override is held.'),
    currency: z.string(),
    oldListPrice: z.number().int(),
    oldSalePrice: z.number().int().nullable(),
    newListPrice: z.number().int(),
    newSalePrice: z.number().int().nullable(),
    status: z.enum(['held', 'confirmed', 'discarded']),
    requestedBy: z.string().nullable(),
    createdAt: iso,
    decidedBy: z.string().nullable(),
    decidedAt: iso.nullable(),
  })
  .meta({ id: 'PriceHold' });

export const bulkResultSchema = z
  .object({
    productId: z.string(),
    ok: z.boolean(),
    code: z
      .string()
      .optional()
      .describe('Error code when not ok (not_found, invalid_transition, listing_incomplete …).'),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional(),
    held: z.number().int().optional().describe('action=price: SKU price changes held by the quarantine.'),
  })
  .meta({ id: 'BulkProductResult' });

export const reviewQueueItemSchema = z
  .object({
    id: z.string().describe('Review id.'),
    productId: z.string(),
    productNumber: z.number().int(),
    sellerId: z.string(),
    sellerName: z.string(),
    categoryId: z.string(),
    title: perLangSchema,
    mainImageId: z.string().nullable(),
    revision: z.boolean().describe('A change to a listing already on sale (else a new listing).'),
    submittedAt: iso,
  })
  .meta({ id: 'ListingQueueItem' });

const ruleAttributeSchema = z.object({
  id: z.string(),
  key: z.string(),
  type: z.string(),
  unit: z.string().nullable(),
  names: perLangSchema,
  options: z.array(z.object({ value: z.string(), names: perLangSchema })),
  required: z.boolean(),
  variant: z.boolean(),
  position: z.number().int(),
});

export const reviewDetailSchema = z
  .object({
    id: z.string(),
    productId: z.string(),
    productNumber: z.number().int(),
    sellerId: z.string(),
    sellerName: z.string(),
    decision: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
    revision: z.boolean(),
    submittedAt: iso,
    submittedBy: z.string().nullable(),
    decidedAt: iso.nullable(),
    decidedBy: z.string().nullable(),
    reasons: z.array(z.object({ key: z.string(), text: z.string() })),
    note: z.string().nullable(),
    reviewState: z.enum(REVIEW_STATES),
    saleState: z.enum(SALE_STATES),
    snapshot: productContentSchema.describe('The submitted content.'),
    published: productContentSchema.nullable().describe('The copy on sale now (null for a new listing).'),
    changes: z
      .array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() }))
      .describe(
        'For a pending revision: what it changes against the published copy (title.ru-RU, attributes.size …).',
      ),
    category: z
      .object({
        id: z.string(),
        path: z.array(z.string()),
        names: perLangSchema,
        breadcrumb: z.array(z.object({ id: z.string(), slug: z.string(), names: perLangSchema })),
        active: z.boolean(),
        isLeaf: z.boolean(),
        minImages: z.number().int(),
        maxImages: z.number().int(),
        requiredLanguages: z.array(z.string()),
        attributes: z.array(ruleAttributeSchema),
        documentTypes: z.array(z.object({ id: z.string(), key: z.string(), names: perLangSchema })),
      })
      .nullable()
      .describe("The category's effective rules."),
    skus: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        barcode: z.string().nullable(),
        options: z.record(z.string(), z.string()),
        status: z.string(),
        currency: z.string(),
        listPrice: z.number().int(),
        salePrice: z.number().int().nullable(),
        storePrices: z.array(
          z.object({
            storeId: z.string(),
            currency: z.string(),
            listPrice: z.number().int(),
            salePrice: z.number().int().nullable(),
          }),
        ),
      }),
    ),
    documents: z
      .array(
        z.object({
          id: z.string(),
          type: z.object({
            id: z.string(),
            key: z.string(),
            names: perLangSchema,
            expires: z.boolean().describe('Documents of this type carry an expiry date.'),
          }),
          number: z.string(),
          issuer: z.string().nullable(),
          issuedOn: z.string().nullable().describe('YYYY-MM-DD.'),
          expiresOn: z.string().nullable().describe('YYYY-MM-DD; valid through this day.'),
          status: z.enum(DOCUMENT_STATUSES),
          expiresInDays: z
            .number()
            .int()
            .nullable()
            .describe('Days from today (UTC) to the expiry date; negative once past.'),
          hasFile: z
            .boolean()
            .describe('A scan is on file: GET /api/v1/platform/documents/{id}/file downloads it.'),
        }),
      )
      .describe('The compliance documents the submission links, in its order.'),
    previousDecisions: z
      .array(reviewEntrySchema)
      .describe('Other submissions of this product, newest first.'),
  })
  .meta({ id: 'ListingReviewDetail' });

import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  pgView,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  createdAt,
  currentSeller,
  id,
  publicReadTenantWritePolicy,
  tenantPolicy,
  ts,
  updatedAt,
} from '../../platform/db/columns';

export type Lang = 'zh-CN' | 'en-US' | 'ru-RU';
export type PerLang = Partial<Record<Lang, string>>;
/** Attribute values by attribute key: text, number, option value(s), boolean or ISO date. */
export type AttributeValues = Record<string, string | number | boolean | string[]>;

/** Review state of the working copy a seller edits. */
export const REVIEW_STATES = ['draft', 'pending', 'approved', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
/** Sale state of the published (approved) copy: unlisted until a first approval. */
export const SALE_STATES = ['unlisted', 'active', 'inactive', 'suspended', 'archived'] as const;
export type SaleState = (typeof SALE_STATES)[number];

/** The content a reviewer approves; the published copy is one of these. */
export interface ProductContent {
  categoryId: string;
  brand: string | null;
  title: PerLang;
  description: PerLang;
  keywords: PerLang;
  attributes: AttributeValues;
  imageIds: string[];
  videoUrl: string | null;
  documentIds: string[];
}

export const productNumber = pgSequence('product_number_seq', { startWith: 100001 });

/**
 * A product (listing). The columns hold the seller's working copy; `published` holds the approved copy
 * that buyers see, so editing an active product never takes it off sale before the revision is approved.
 */
export const products = pgTable(
  'products',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    number: bigint('number', { mode: 'number' }).notNull().default(sql`nextval('product_number_seq')`),
    categoryId: uuid('category_id').notNull(),
    brand: text('brand'),
    title: jsonb('title').$type<PerLang>().notNull(),
    description: jsonb('description').$type<PerLang>().notNull().default({}),
    keywords: jsonb('keywords').$type<PerLang>().notNull().default({}),
    attributes: jsonb('attributes').$type<AttributeValues>().notNull().default({}),
    videoUrl: text('video_url'),
    storeIds: uuid('store_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Lower-cased titles, keywords and brand of the working copy, for seller search. */
    searchText: text('search_text').notNull().default(''),
    reviewState: text('review_state').$type<ReviewState>().notNull().default('draft'),
    saleState: text('sale_state').$type<SaleState>().notNull().default('unlisted'),
    published: jsonb('published').$type<ProductContent>(),
    publishedAt: ts('published_at'),
    qualityScore: integer('quality_score').notNull().default(0),
    qualityHints: text('quality_hints').array().notNull().default(sql`'{}'::text[]`),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('products_number_idx').on(t.number),
    // Ascending keys: read backwards they give `order by … desc, id desc` (NULLS FIRST, the default of
    // desc), which an index declared `desc` (drizzle writes DESC NULLS LAST) would not.
    index('products_seller_recent_idx').on(t.sellerId, t.updatedAt, t.id),
    index('products_seller_category_idx').on(t.sellerId, t.categoryId),
    index('products_seller_created_idx').on(t.sellerId, t.createdAt, t.id),
    index('products_seller_quality_idx').on(t.sellerId, t.qualityScore, t.id),
    index('products_seller_states_idx').on(t.sellerId, t.reviewState, t.saleState),
    index('products_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    check('products_review_state_check', sql`${t.reviewState} in ('draft','pending','approved','rejected')`),
    check(
      'products_sale_state_check',
      sql`${t.saleState} in ('unlisted','active','inactive','suspended','archived')`,
    ),
    tenantPolicy(t.sellerId),
  ],
);

/*
 * Seller-scoped views for the product list's search. Under row-level security PostgreSQL uses an index
 * only for conditions with leakproof operators, so `like` (trigram index) and `lower(code) =` (expression
 * index) would read every row of a seller with 200,000 SKUs. These views belong to the migration role,
 * which the tables' policies do not bind, and filter by the same setting as tenantPolicy: they show the
 * transaction's seller's rows only, and nothing outside a seller's transaction. runMigrations grants the
 * request role `select` only on views.
 */
export const sellerProducts = pgView('seller_products').as((qb) =>
  qb.select().from(products).where(sql`${products.sellerId} = ${currentSeller}`),
);

export const SKU_STATUSES = ['active', 'inactive'] as const;
export type SkuStatus = (typeof SKU_STATUSES)[number];

/** A sellable variant of a product: one value per option axis (e.g. colour × size). */
export const skus = pgTable(
  'skus',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    barcode: text('barcode'),
    options: jsonb('options').$type<Record<string, string>>().notNull().default({}),
    /** Price in the seller's currency that "follow" stores convert from. */
    currency: char('currency', { length: 3 }).notNull(),
    listPrice: bigint('list_price', { mode: 'number' }).notNull(),
    salePrice: bigint('sale_price', { mode: 'number' }),
    weightGrams: integer('weight_grams'),
    lengthMm: integer('length_mm'),
    widthMm: integer('width_mm'),
    heightMm: integer('height_mm'),
    status: text('status').$type<SkuStatus>().notNull().default('active'),
    backorder: boolean('backorder').notNull().default(false),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('skus_seller_code_idx').on(t.sellerId, sql`lower(${t.code})`),
    // A barcode is unique across the whole platform, whoever sells it.
    uniqueIndex('skus_barcode_idx').on(t.barcode),
    index('skus_product_idx').on(t.productId, t.position),
    check('skus_prices_check', sql`${t.listPrice} >= 0 and (${t.salePrice} is null or ${t.salePrice} >= 0)`),
    check('skus_status_check', sql`${t.status} in ('active','inactive')`),
    tenantPolicy(t.sellerId),
  ],
);

export const sellerSkus = pgView('seller_skus').as((qb) =>
  qb.select().from(skus).where(sql`${skus.sellerId} = ${currentSeller}`),
);

export const PRICE_MODES = ['follow', 'override'] as const;
export type PriceMode = (typeof PRICE_MODES)[number];

/** A SKU's price in one store, in the store's currency: followed from the base price or set by hand. */
export const skuPrices = pgTable(
  'sku_prices',
  {
    skuId: uuid('sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'cascade' }),
    storeId: uuid('store_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    mode: text('mode').$type<PriceMode>().notNull().default('follow'),
    listPrice: bigint('list_price', { mode: 'number' }).notNull(),
    salePrice: bigint('sale_price', { mode: 'number' }),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.skuId, t.storeId] }),
    index('sku_prices_seller_store_idx').on(t.sellerId, t.storeId),
    check('sku_prices_mode_check', sql`${t.mode} in ('follow','override')`),
    tenantPolicy(t.sellerId),
  ],
);

/** A price change held for confirmation because it moved by more than the allowed factor at once. */
export const priceHolds = pgTable(
  'price_holds',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    skuId: uuid('sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'cascade' }),
    /** Null = the base price; otherwise the store whose override is held. */
    storeId: uuid('store_id'),
    currency: char('currency', { length: 3 }).notNull(),
    oldListPrice: bigint('old_list_price', { mode: 'number' }).notNull(),
    oldSalePrice: bigint('old_sale_price', { mode: 'number' }),
    newListPrice: bigint('new_list_price', { mode: 'number' }).notNull(),
    newSalePrice: bigint('new_sale_price', { mode: 'number' }),
    status: text('status').$type<'held' | 'confirmed' | 'discarded'>().notNull().default('held'),
    requestedBy: uuid('requested_by'),
    createdAt: createdAt(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    index('price_holds_seller_idx').on(t.sellerId, t.status, t.createdAt.desc()),
    uniqueIndex('price_holds_open_idx')
      .on(t.skuId, sql`coalesce(${t.storeId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.status} = 'held'`),
    tenantPolicy(t.sellerId),
  ],
);

/** An uploaded product image; files live in platform/files under `fileKey` (+ thumbnails). */
export const productImages = pgTable(
  'product_images',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    productId: uuid('product_id').references(() => products.id, { onDelete: 'cascade' }),
    fileKey: text('file_key').notNull(),
    sha256: char('sha256', { length: 64 }).notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    originalName: text('original_name'),
    /** Order in the working copy; position 0 is the main image. */
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('product_images_product_idx').on(t.productId, t.position),
    // An upload whose content the seller already has reuses its processed files.
    index('product_images_seller_sha_idx').on(t.sellerId, t.sha256),
    tenantPolicy(t.sellerId),
  ],
);

export const DOCUMENT_STATUSES = ['valid', 'expired'] as const;

/** A compliance document (certificate, declaration) a seller holds; products link to it. */
export const complianceDocuments = pgTable(
  'compliance_documents',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    documentTypeId: uuid('document_type_id').notNull(),
    number: text('number').notNull(),
    issuer: text('issuer'),
    issuedOn: date('issued_on'),
    expiresOn: date('expires_on'),
    fileKey: text('file_key'),
    fileName: text('file_name'),
    status: text('status').$type<(typeof DOCUMENT_STATUSES)[number]>().notNull().default('valid'),
    /** Smallest advance reminder already sent (30, 7, 1), so each is sent once. */
    remindedDays: integer('reminded_days'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('compliance_documents_number_idx').on(t.sellerId, t.documentTypeId, t.number),
    index('compliance_documents_expiry_idx').on(t.expiresOn).where(sql`${t.status} = 'valid'`),
    tenantPolicy(t.sellerId),
  ],
);

export const productDocuments = pgTable(
  'product_documents',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id')
      .notNull()
      .references(() => complianceDocuments.id, { onDelete: 'cascade' }),
    sellerId: uuid('seller_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.documentId] }),
    index('product_documents_document_idx').on(t.documentId),
    tenantPolicy(t.sellerId),
  ],
);

/** One submission for review and its decision (the listing's 审核记录). */
export const listingReviews = pgTable(
  'listing_reviews',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id').notNull(),
    snapshot: jsonb('snapshot').$type<ProductContent>().notNull(),
    /** True when the product was already on sale: approving replaces the published copy. */
    revision: boolean('revision').notNull().default(false),
    submittedBy: uuid('submitted_by'),
    submittedAt: createdAt(),
    decision: text('decision')
      .$type<'pending' | 'approved' | 'rejected' | 'withdrawn'>()
      .notNull()
      .default('pending'),
    reasonKeys: text('reason_keys').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    index('listing_reviews_queue_idx').on(t.submittedAt, t.id).where(sql`${t.decision} = 'pending'`),
    index('listing_reviews_product_idx').on(t.productId, t.submittedAt.desc()),
    uniqueIndex('listing_reviews_one_pending_idx').on(t.productId).where(sql`${t.decision} = 'pending'`),
    tenantPolicy(t.sellerId),
  ],
);

/** Every change of a listing's review or sale state: who, when, from, to, why. */
export const productHistory = pgTable(
  'product_history',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    field: text('field').$type<'review_state' | 'sale_state'>().notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorKind: text('actor_kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('product_history_product_idx').on(t.productId, t.createdAt), tenantPolicy(t.sellerId)],
);

/**
 * What buyers can find: one row per published product and store, kept by the catalog whenever the
 * published copy, prices, sale state or stock presence change. Storefront search reads only this.
 */
export const storeListings = pgTable(
  'store_listings',
  {
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    storeId: uuid('store_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    categoryPath: uuid('category_path').array().notNull(),
    title: jsonb('title').$type<PerLang>().notNull(),
    searchText: text('search_text').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    minPrice: bigint('min_price', { mode: 'number' }).notNull(),
    maxPrice: bigint('max_price', { mode: 'number' }).notNull(),
    mainImageId: uuid('main_image_id'),
    /** In stock somewhere, or sold on backorder. */
    buyable: boolean('buyable').notNull(),
    publishedAt: ts('published_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.storeId] }),
    index('store_listings_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('store_listings_category_idx').using('gin', t.categoryPath),
    // Each sort's index matches its ORDER BY exactly (keyset: key, product_id, store_id); ascending keys
    // read backwards give `desc` (NULLS FIRST), which drizzle's `.desc()` (DESC NULLS LAST) would not.
    index('store_listings_newest_idx').on(t.publishedAt, t.productId, t.storeId),
    index('store_listings_store_newest_idx').on(t.storeId, t.publishedAt, t.productId),
    index('store_listings_currency_price_idx').on(t.currency, t.minPrice, t.productId, t.storeId),
    index('store_listings_store_price_idx').on(t.storeId, t.minPrice, t.productId),
    index('store_listings_seller_idx').on(t.sellerId),
    ...publicReadTenantWritePolicy(t.sellerId),
  ],
);

export const IMPORT_MODES = ['validate', 'valid_rows', 'all_or_nothing'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export const IMPORT_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** A problem of one row of an import file (column key, message code and its parameters). */
export interface ImportProblem {
  line: number;
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
}

/** A bulk product/SKU import: its file, options, progress checkpoint and result counts. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    createdBy: uuid('created_by'),
    locale: text('locale').notNull(),
    categoryId: uuid('category_id'),
    storeId: uuid('store_id'),
    fileKey: text('file_key').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format').$type<'csv' | 'xlsx'>().notNull(),
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    imagesKey: text('images_key'),
    mode: text('mode').$type<ImportMode>().notNull(),
    status: text('status').$type<ImportStatus>().notNull().default('queued'),
    totalRows: integer('total_rows'),
    doneRows: integer('done_rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    errorFileKey: text('error_file_key'),
    /** Why the file could not be imported at all (a broken file, errors in all-or-nothing mode). */
    errorCode: text('error_code'),
    errorParams: jsonb('error_params').$type<Record<string, string | number>>(),
    /** Problems found while writing (rare: a barcode taken meanwhile), saved with each batch's checkpoint. */
    lateProblems: jsonb('late_problems').$type<ImportProblem[]>().notNull().default([]),
    /** Times a worker started on it (a restart resumes; too many failed starts end it). */
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
  },
  (t) => [
    index('import_jobs_seller_idx').on(t.sellerId, t.createdAt.desc(), t.id.desc()),
    tenantPolicy(t.sellerId),
  ],
);

import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, platformManagedPolicy, updatedAt } from '../../platform/db/columns';

/** A text in the three console languages; keys are locale tags (zh-CN, en-US, ru-RU). */
export type Translated = Partial<Record<'zh-CN' | 'en-US' | 'ru-RU', string>>;

export const ATTRIBUTE_TYPES = ['text', 'number', 'enum', 'multi_enum', 'boolean', 'date'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface AttributeOption {
  value: string;
  names: Translated;
}

/**
 * The category tree. Rules left null are inherited from the nearest ancestor that sets them;
 * `path` lists the ids from the root to this category (itself included) so subtrees are one index scan.
 */
export const categories = pgTable(
  'categories',
  {
    id: id(),
    parentId: uuid('parent_id'),
    path: uuid('path').array().notNull(),
    depth: integer('depth').notNull(),
    slug: text('slug').notNull(),
    names: jsonb('names').$type<Translated>().notNull(),
    position: integer('position').notNull().default(0),
    commissionBps: integer('commission_bps'),
    minImages: integer('min_images'),
    maxImages: integer('max_images'),
    requiredLanguages: text('required_languages').array(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('categories_slug_idx').on(t.slug),
    index('categories_parent_idx').on(t.parentId, t.position),
    index('categories_path_idx').using('gin', t.path),
    check(
      'categories_commission_check',
      sql`${t.commissionBps} is null or ${t.commissionBps} between 0 and 10000`,
    ),
    check(
      'categories_images_check',
      sql`(${t.minImages} is null or ${t.minImages} between 0 and 30) and (${t.maxImages} is null or ${t.maxImages} between 1 and 30)`,
    ),
    ...platformManagedPolicy(),
  ],
);

/** A product attribute definition, shared by categories that use it. */
export const attributes = pgTable(
  'attributes',
  {
    id: id(),
    key: text('key').notNull(),
    type: text('type').$type<AttributeType>().notNull(),
    unit: text('unit'),
    names: jsonb('names').$type<Translated>().notNull(),
    options: jsonb('options').$type<AttributeOption[]>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('attributes_key_idx').on(t.key),
    check('attributes_type_check', sql`${t.type} in ('text','number','enum','multi_enum','boolean','date')`),
    ...platformManagedPolicy(),
  ],
);

/**
 * An attribute attached to a category (and, by inheritance, its subtree). A descendant's own row
 * overrides the inherited one; `excluded` removes an inherited attribute from that subtree.
 */
export const categoryAttributes = pgTable(
  'category_attributes',
  {
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    attributeId: uuid('attribute_id')
      .notNull()
      .references(() => attributes.id, { onDelete: 'cascade' }),
    required: boolean('required').notNull().default(false),
    variant: boolean('variant').notNull().default(false),
    excluded: boolean('excluded').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.attributeId] }), ...platformManagedPolicy()],
);

/** A kind of compliance document (EAC declaration, RZN certificate …). */
export const documentTypes = pgTable(
  'document_types',
  {
    id: id(),
    key: text('key').notNull(),
    names: jsonb('names').$type<Translated>().notNull(),
    numberPattern: text('number_pattern'),
    numberExample: text('number_example'),
    expires: boolean('expires').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('document_types_key_idx').on(t.key), ...platformManagedPolicy()],
);

/** Document types a category (and its subtree) requires; `excluded` lifts an inherited requirement. */
export const categoryDocumentTypes = pgTable(
  'category_document_types',
  {
    categoryId: uuid('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    documentTypeId: uuid('document_type_id')
      .notNull()
      .references(() => documentTypes.id, { onDelete: 'cascade' }),
    excluded: boolean('excluded').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.documentTypeId] }), ...platformManagedPolicy()],
);

/** The managed list of reasons a reviewer picks from when rejecting a listing. */
export const rejectionReasons = pgTable(
  'rejection_reasons',
  {
    id: id(),
    key: text('key').notNull(),
    names: jsonb('names').$type<Translated>().notNull(),
    active: boolean('active').notNull().default(true),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('rejection_reasons_key_idx').on(t.key), ...platformManagedPolicy()],
);

/**
 * Exchange rates set by the platform: one row per pair and day. `rate` is how many units of `quote`
 * one unit of `base` buys, as a decimal string (never a float in storage).
 */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    base: char('base', { length: 3 }).notNull(),
    quote: char('quote', { length: 3 }).notNull(),
    day: date('day').notNull(),
    rate: text('rate').notNull(),
    setBy: uuid('set_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.base, t.quote, t.day] }),
    check('exchange_rates_rate_check', sql`${t.rate} ~ '^[0-9]+(\\.[0-9]+)?$'`),
    ...platformManagedPolicy(),
  ],
);

/** Platform-wide settings with a typed value per key (e.g. the price-quarantine factor). */
export const platformSettings = pgTable(
  'platform_settings',
  {
    key: text('key').primaryKey(),
    value: jsonb('value').notNull(),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by'),
  },
  () => [...platformManagedPolicy()],
);

import { z } from 'zod';
import { ATTRIBUTE_TYPES } from '../schema';
import { translatedSchema } from '../service/shared';

const iso = z.string().describe('ISO 8601.');

export const categorySchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    path: z.array(z.string()).describe('Ids from the root down to this category (itself included).'),
    depth: z.number().int().describe('0 for a top-level category.'),
    slug: z.string(),
    names: translatedSchema,
    position: z.number().int(),
    active: z.boolean(),
    commissionBps: z.number().int().nullable().describe('Own value; null inherits from the parent.'),
    minImages: z.number().int().nullable(),
    maxImages: z.number().int().nullable(),
    requiredLanguages: z.array(z.string()).nullable(),
    createdAt: iso,
    updatedAt: iso,
  })
  .meta({ id: 'Category' });

export const categoryNodeSchema = categorySchema
  .extend({ childCount: z.number().int().describe('Direct subcategories.') })
  .meta({ id: 'CategoryNode' });

export const attributeOptionSchema = z
  .object({ value: z.string(), names: translatedSchema })
  .meta({ id: 'AttributeOption' });

export const effectiveAttributeSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    type: z.enum(ATTRIBUTE_TYPES),
    unit: z.string().nullable(),
    names: translatedSchema,
    options: z.array(attributeOptionSchema),
    required: z.boolean(),
    variant: z.boolean().describe('Each SKU has its own value (a variant axis).'),
    position: z.number().int(),
  })
  .meta({ id: 'EffectiveAttribute' });

export const effectiveDocumentTypeSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    names: translatedSchema,
    numberPattern: z.string().nullable().describe('Regular expression the whole number must match.'),
    numberExample: z.string().nullable(),
    expires: z.boolean(),
  })
  .meta({ id: 'EffectiveDocumentType' });

export const categoryRulesSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    parentId: z.string().nullable(),
    path: z.array(z.string()),
    depth: z.number().int(),
    names: translatedSchema,
    breadcrumb: z.array(z.object({ id: z.string(), slug: z.string(), names: translatedSchema })),
    active: z.boolean(),
    isLeaf: z.boolean().describe('No active subcategories: products may be placed here.'),
    commissionBps: z.number().int().describe('Commission in basis points (1250 = 12.5 %).'),
    minImages: z.number().int(),
    maxImages: z.number().int(),
    requiredLanguages: z.array(z.string()),
    attributes: z.array(effectiveAttributeSchema),
    documentTypes: z.array(effectiveDocumentTypeSchema).describe('Documents a product here must have.'),
  })
  .meta({ id: 'CategoryRules' });

const ruleSource = z
  .string()
  .nullable()
  .describe('Category whose own value is in effect; null: the default.');

export const categoryDetailSchema = z
  .object({
    category: categorySchema,
    effective: categoryRulesSchema,
    ruleSources: z.object({
      commissionBps: ruleSource,
      minImages: ruleSource,
      maxImages: ruleSource,
      requiredLanguages: ruleSource,
    }),
    defaults: z.object({
      commissionBps: z.number().int(),
      minImages: z.number().int(),
      maxImages: z.number().int(),
      requiredLanguages: z.array(z.string()),
    }),
    attributeLinks: z.array(
      z.object({
        attributeId: z.string(),
        key: z.string(),
        type: z.enum(ATTRIBUTE_TYPES),
        unit: z.string().nullable(),
        names: translatedSchema,
        required: z.boolean(),
        variant: z.boolean(),
        excluded: z.boolean(),
        position: z.number().int(),
        sourceCategoryId: z.string().describe('The category whose link is in effect here.'),
        own: z.boolean().describe('The link is this category’s own row.'),
        inherited: z.boolean().describe('An ancestor links it too.'),
      }),
    ),
    documentTypeLinks: z.array(
      z.object({
        documentTypeId: z.string(),
        key: z.string(),
        names: translatedSchema,
        excluded: z.boolean(),
        sourceCategoryId: z.string(),
        own: z.boolean(),
        inherited: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'CategoryDetail' });

export const attributeSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    type: z.enum(ATTRIBUTE_TYPES),
    unit: z.string().nullable(),
    names: translatedSchema,
    options: z.array(attributeOptionSchema),
    categoryCount: z.number().int().describe('Categories that link it directly.'),
    createdAt: iso,
    updatedAt: iso,
  })
  .meta({ id: 'Attribute' });

export const documentTypeSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    names: translatedSchema,
    numberPattern: z.string().nullable(),
    numberExample: z.string().nullable(),
    expires: z.boolean(),
    categoryCount: z.number().int().describe('Categories that link it directly.'),
    createdAt: iso,
    updatedAt: iso,
  })
  .meta({ id: 'DocumentType' });

export const rejectionReasonSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    names: translatedSchema,
    active: z.boolean(),
    position: z.number().int(),
    createdAt: iso,
  })
  .meta({ id: 'RejectionReason' });

export const exchangeRateSchema = z
  .object({
    base: z.string(),
    quote: z.string(),
    day: z.string().describe('YYYY-MM-DD.'),
    rate: z.string().describe('Units of quote per 1 unit of base (decimal string).'),
    setBy: z.string().nullable(),
    createdAt: iso,
  })
  .meta({ id: 'ExchangeRate' });

export const platformSettingsSchema = z
  .object({ priceQuarantineFactor: z.number() })
  .meta({ id: 'PlatformSettings' });

export const idParams = (what: string) => z.object({ id: z.uuid().describe(`${what} id.`) });

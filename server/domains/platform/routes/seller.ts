import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { sellerCtx } from '../../../platform/http/context';
import { activeCategoryRules, sellerCategoryTree } from '../service/categories';
import { listDocumentTypes } from '../service/document-types';
import { latestExchangeRates, latestRatesQuery } from '../service/exchange-rates';
import { translatedSchema } from '../service/shared';
import { categoryRulesSchema, effectiveDocumentTypeSchema, exchangeRateSchema, idParams } from './schemas';

const tags = ['seller-catalog-config'];

const publicRateSchema = exchangeRateSchema.omit({ setBy: true }).meta({ id: 'PublicExchangeRate' });

const sellerCategorySchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    depth: z.number().int(),
    slug: z.string(),
    names: translatedSchema,
    position: z.number().int(),
    isLeaf: z.boolean().describe('Products may be placed here (no active subcategories).'),
  })
  .meta({ id: 'SellerCategory' });

/** Sellers: the platform's catalog rules they list products under. */
export async function sellerCatalogConfigRoutes(app: App) {
  app.get(
    '/api/v1/seller/categories',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'listSellerCategories',
        tags,
        summary: 'The active category tree',
        description: 'Flat, depth-first; names in every console language.',
        response: { 200: z.object({ items: z.array(sellerCategorySchema) }) },
      },
    },
    async (req) => ({ items: await sellerCategoryTree(sellerCtx(req)) }),
  );

  app.get(
    '/api/v1/seller/categories/:id/rules',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'getCategoryRules',
        tags,
        summary: 'What a product in this category needs',
        description:
          'Effective rules after inheritance: commission, image limits, required languages, attributes (required, variant) and required documents. 404 for inactive categories.',
        params: idParams('Category'),
        response: { 200: categoryRulesSchema },
      },
    },
    async (req) => activeCategoryRules(sellerCtx(req), req.params.id),
  );

  app.get(
    '/api/v1/seller/document-types',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'listSellerDocumentTypes',
        tags,
        summary: 'Compliance document types',
        response: { 200: z.object({ items: z.array(effectiveDocumentTypeSchema) }) },
      },
    },
    async (req) => ({
      items: (await listDocumentTypes(sellerCtx(req))).map((d) => ({
        id: d.id,
        key: d.key,
        names: d.names,
        numberPattern: d.numberPattern,
        numberExample: d.numberExample,
        expires: d.expires,
      })),
    }),
  );

  app.get(
    '/api/v1/seller/exchange-rates/latest',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'latestExchangeRates',
        tags,
        summary: 'The latest platform exchange rate of every pair',
        querystring: latestRatesQuery,
        response: { 200: z.object({ items: z.array(publicRateSchema) }) },
      },
    },
    async (req) => ({
      items: (await latestExchangeRates(sellerCtx(req), req.query)).map(({ setBy: _, ...rate }) => rate),
    }),
  );
}

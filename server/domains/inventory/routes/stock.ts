import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { sellerCtx } from '../../../platform/http/context';
import { notFound } from '../../../platform/http/errors';
import { pageOf } from '../../../platform/http/pagination';
import { adjustmentInput, applyAdjustment } from '../service/adjustments';
import { skuCards } from '../service/catalog-refs';
import {
  listStoreDefaults,
  setStoreDefault,
  skuSettingsInput,
  storeDefaultInput,
  updateSkuSettings,
} from '../service/settings';
import {
  listMovements,
  listStock,
  lookupSkus,
  movementListQuery,
  stockListQuery,
  stockOfSku,
} from '../service/stock';
import {
  adjustResultSchema,
  movementSchema,
  skuLookupSchema,
  skuSettingsSchema,
  stockItemSchema,
  storeStockDefaultSchema,
} from './schemas';

const tags = ['stock'];
const skuParams = z.object({ skuId: z.uuid().describe('SKU id.') });
const storeParams = z.object({ storeId: z.uuid().describe('Store id.') });

/** The seller's stock: levels per SKU and warehouse, adjustments, the ledger and thresholds. */
export async function stockRoutes(app: App) {
  app.get(
    '/api/v1/seller/stock',
    {
      config: { auth: 'seller', permission: 'inventory:read' },
      schema: {
        operationId: 'listStock',
        tags,
        summary: 'Stock per SKU with its warehouses',
        description:
          'One item per SKU that has a stock record: totals over all warehouses, the per-warehouse rows, the ' +
          'effective low-stock threshold and the replenishment figures (30-day velocity, days of cover, ' +
          'suggested restock, turnover, age).',
        querystring: stockListQuery,
        response: { 200: pageOf(stockItemSchema) },
      },
    },
    async (req) => listStock(sellerCtx(req), req.query),
  );

  app.get(
    '/api/v1/seller/stock/skus/:skuId',
    {
      config: { auth: 'seller', permission: 'inventory:read' },
      schema: {
        operationId: 'getSkuStock',
        tags,
        summary: 'The stock of one SKU',
        description: 'A SKU of the seller that was never stocked answers zeros.',
        params: skuParams,
        response: { 200: stockItemSchema },
      },
    },
    async (req) => {
      const ctx = sellerCtx(req);
      const card = (await skuCards(ctx, ctx.sellerId, [req.params.skuId])).get(req.params.skuId);
      if (!card) throw notFound('sku');
      return stockOfSku(ctx, card);
    },
  );

  app.get(
    '/api/v1/seller/stock/lookup',
    {
      config: { auth: 'seller', permission: 'inventory:read' },
      schema: {
        operationId: 'lookupStockSkus',
        tags,
        summary: 'Find the seller’s SKUs by code or barcode (scanner input)',
        description: 'Exact SKU codes (any case) or barcodes, comma- or space-separated, up to 50.',
        querystring: z.object({
          q: z.string().trim().min(1).max(2000).describe('Codes or barcodes, separated by commas or spaces.'),
        }),
        response: { 200: z.object({ items: z.array(skuLookupSchema) }) },
      },
    },
    async (req) => ({ items: await lookupSkus(sellerCtx(req), req.query.q) }),
  );

  app.post(
    '/api/v1/seller/stock/adjustments',
    {
      config: { auth: 'seller', permission: 'inventory:write' },
      schema: {
        operationId: 'adjustStock',
        tags,
        summary: 'Count, receive, write off or transfer stock at own warehouses',
        description:
          'Each adjustment leaves ledger rows. Availability never goes below zero: writing off or counting ' +
          'below what is reserved for orders answers 409 (insufficient_stock, count_below_reserved). Stock ' +
          'in platform warehouses changes only by inbound receiving and orders (409 platform_warehouse_stock).',
        body: adjustmentInput,
        response: { 201: z.object({ results: z.array(adjustResultSchema) }) },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return { results: await applyAdjustment(sellerCtx(req), req.body) };
    },
  );

  app.get(
    '/api/v1/seller/stock/movements',
    {
      config: { auth: 'seller', permission: 'inventory:read' },
      schema: {
        operationId: 'listStockMovements',
        tags,
        summary: 'The stock ledger, newest first',
        querystring: movementListQuery,
        response: { 200: pageOf(movementSchema) },
      },
    },
    async (req) => listMovements(sellerCtx(req), req.query),
  );

  app.patch(
    '/api/v1/seller/stock/skus/:skuId/settings',
    {
      config: { auth: 'seller', permission: 'inventory:write' },
      schema: {
        operationId: 'updateSkuStockSettings',
        tags,
        summary: 'Low-stock threshold and replenishment settings of a SKU',
        params: skuParams,
        body: skuSettingsInput,
        response: { 200: skuSettingsSchema },
      },
    },
    async (req) => updateSkuSettings(sellerCtx(req), req.params.skuId, req.body),
  );

  app.get(
    '/api/v1/seller/stock/store-defaults',
    {
      config: { auth: 'seller', permission: 'inventory:read' },
      schema: {
        operationId: 'listStoreStockDefaults',
        tags,
        summary: 'Default low-stock threshold of each store',
        response: { 200: z.object({ items: z.array(storeStockDefaultSchema) }) },
      },
    },
    async (req) => ({ items: await listStoreDefaults(sellerCtx(req)) }),
  );

  app.put(
    '/api/v1/seller/stock/store-defaults/:storeId',
    {
      config: { auth: 'seller', permission: 'inventory:write' },
      schema: {
        operationId: 'setStoreStockDefault',
        tags,
        summary: 'Set a store’s default low-stock threshold',
        description: 'Applies to SKUs of the store’s products without a threshold of their own.',
        params: storeParams,
        body: storeDefaultInput,
        response: { 200: storeStockDefaultSchema },
      },
    },
    async (req) => setStoreDefault(sellerCtx(req), req.params.storeId, req.body.lowThreshold),
  );

  app.delete(
    '/api/v1/seller/stock/store-defaults/:storeId',
    {
      config: { auth: 'seller', permission: 'inventory:write' },
      schema: {
        operationId: 'clearStoreStockDefault',
        tags,
        summary: 'Remove a store’s default threshold (5 applies again)',
        params: storeParams,
        response: { 200: storeStockDefaultSchema },
      },
    },
    async (req) => setStoreDefault(sellerCtx(req), req.params.storeId, null),
  );
}

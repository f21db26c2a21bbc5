// Response schemas of the inventory API (shared by the seller and platform routes).
import { z } from 'zod';
import { INBOUND_STATUSES, MOVEMENT_REASONS } from '../schema';
import { STOCK_STATES } from '../service/stock';
import { warehouseAddressSchema } from '../service/warehouses';

const iso = z.string().describe('ISO 8601.');
const perLang = z.record(z.string(), z.string()).describe('Text per language (zh-CN, en-US, ru-RU).');

export const warehouseSchema = z
  .object({
    id: z.string(),
    kind: z
      .enum(['own', 'platform'])
      .describe('own: the seller’s; platform: a fulfilment centre of the platform.'),
    code: z.string(),
    name: z.string(),
    address: warehouseAddressSchema,
    handlingDays: z.number().int(),
    active: z.boolean(),
    createdAt: iso,
    updatedAt: iso,
  })
  .meta({ id: 'Warehouse' });

export const skuSettingsSchema = z
  .object({
    skuId: z.string(),
    lowThreshold: z.number().int().nullable().describe('The SKU’s own threshold; null: store default or 5.'),
    effectiveThreshold: z.number().int(),
    thresholdSource: z.enum(['sku', 'store', 'default']),
    safetyStock: z.number().int(),
    leadTimeDays: z.number().int(),
    safetyDays: z.number().int(),
    lowSince: iso.nullable().describe('When it fell to or below its threshold; null when above.'),
  })
  .meta({ id: 'StockSkuSettings' });

const skuOptionTextSchema = z
  .object({
    key: z.string().describe('The option’s attribute key, e.g. "color".'),
    name: z.string().describe('The attribute’s name in the reader’s language (the key when not defined).'),
    value: z.string().describe('The stored value, e.g. "red".'),
    text: z.string().describe('The option’s name in the reader’s language, else the value.'),
  })
  .meta({ id: 'StockSkuOptionText' });

export const stockItemSchema = z
  .object({
    skuId: z.string(),
    productId: z.string(),
    code: z.string().nullable().describe('SKU code (null if the catalog no longer has the SKU).'),
    barcode: z.string().nullable(),
    title: perLang,
    options: z.record(z.string(), z.string()).describe('Variant options, e.g. {"color": "red"}.'),
    optionTexts: z
      .array(skuOptionTextSchema)
      .describe(
        'The variant options for display, in the category’s attribute order and the Accept-Language language.',
      ),
    skuStatus: z.string().nullable(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int().describe('On hand − reserved, over all warehouses.'),
    state: z.enum(STOCK_STATES),
    settings: skuSettingsSchema,
    warehouses: z.array(
      z.object({
        warehouseId: z.string(),
        code: z.string(),
        name: z.string(),
        kind: z.enum(['own', 'platform']),
        onHand: z.number().int(),
        reserved: z.number().int(),
        available: z.number().int(),
      }),
    ),
    insight: z
      .object({
        sold30d: z.number().int(),
        velocity: z.number().describe('Units sold per day (30-day average).'),
        daysOfCover: z.number().nullable().describe('Available ÷ velocity; null when nothing sold.'),
        restock: z
          .number()
          .int()
          .describe('Suggested order: velocity × (lead time + safety days) + safety stock − available, ≥ 0.'),
        turnover: z.number().nullable().describe('Units sold ÷ average on hand over 30 days.'),
        ageDays: z
          .number()
          .int()
          .nullable()
          .describe('Days since the oldest units on hand arrived (FIFO estimate from the ledger).'),
      })
      .meta({ id: 'StockInsight' }),
  })
  .meta({ id: 'StockItem' });

export const movementSchema = z
  .object({
    id: z.string(),
    skuId: z.string(),
    skuCode: z.string().nullable(),
    warehouseId: z.string(),
    warehouseCode: z.string().nullable(),
    reason: z.enum(MOVEMENT_REASONS),
    onHandDelta: z.number().int(),
    reservedDelta: z.number().int(),
    onHandAfter: z.number().int(),
    reservedAfter: z.number().int(),
    refType: z.string().nullable().describe('order, inbound, transfer …'),
    refId: z.string().nullable(),
    note: z.string().nullable(),
    actorId: z.string().nullable(),
    createdAt: iso,
  })
  .meta({ id: 'StockMovement' });

export const adjustResultSchema = z
  .object({
    skuId: z.string(),
    warehouseId: z.string(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    onHandDelta: z.number().int(),
  })
  .meta({ id: 'StockAdjustResult' });

export const storeStockDefaultSchema = z
  .object({
    storeId: z.string(),
    storeName: z.string(),
    lowThreshold: z.number().int().nullable().describe('Null: not set (5 applies).'),
  })
  .meta({ id: 'StoreStockDefault' });

const totals = z.object({
  lines: z.number().int(),
  expected: z.number().int(),
  received: z.number().int(),
  damaged: z.number().int(),
  missing: z.number().int().describe('Expected − received − damaged, where positive.'),
  extra: z.number().int().describe('Received + damaged − expected, where positive.'),
});

export const inboundSummarySchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    sellerId: z.string(),
    sellerName: z.string().nullable().describe('For operators.'),
    status: z.enum(INBOUND_STATUSES),
    warehouseId: z.string(),
    warehouse: warehouseSchema.nullable(),
    boxes: z.number().int(),
    carrier: z.string().nullable(),
    trackingNumber: z.string().nullable(),
    note: z.string().nullable(),
    totals,
    createdAt: iso,
    updatedAt: iso,
    shippedAt: iso.nullable(),
    receivedAt: iso.nullable(),
  })
  .meta({ id: 'InboundShipmentSummary' });

export const inboundDetailSchema = inboundSummarySchema
  .extend({
    lines: z.array(
      z.object({
        skuId: z.string(),
        productId: z.string(),
        skuCode: z.string(),
        barcode: z.string().nullable(),
        title: perLang,
        quantity: z.number().int(),
        received: z.number().int().nullable(),
        damaged: z.number().int().nullable(),
        missing: z.number().int(),
        extra: z.number().int(),
      }),
    ),
    history: z.array(
      z.object({
        id: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        note: z.string().nullable(),
        actorKind: z.string(),
        actorId: z.string().nullable(),
        createdAt: iso,
      }),
    ),
  })
  .meta({ id: 'InboundShipment' });

export const pdfResponse = {
  description: 'A PDF document.',
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
};

export const skuLookupSchema = z
  .object({
    skuId: z.string(),
    productId: z.string(),
    code: z.string(),
    barcode: z.string().nullable(),
    title: perLang,
    options: z.record(z.string(), z.string()),
    status: z.string().describe('active or inactive.'),
    available: z.number().int(),
  })
  .meta({ id: 'StockSkuLookup' });

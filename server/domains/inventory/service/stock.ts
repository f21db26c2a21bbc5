import { and, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { isUuid } from '../../../platform/db/ids';
import type { AnyCtx, SellerCtx } from '../../../platform/db/tenant';
import { badRequest } from '../../../platform/http/errors';
import {
  decodeCursor,
  newestFirstKey,
  olderThanCursor,
  type Page,
  pageQuery,
  toPage,
} from '../../../platform/http/pagination';
import type { SkuOptionText } from '../../platform';
import { MOVEMENT_REASONS, stockLevels, stockMovements, stockSettings, warehouses } from '../schema';
import { type SkuCard, skuCards, skuCardsByCode } from './catalog-refs';
import { computeInsight, type SkuInsight, skuInsights } from './insights';
import { optionTextsOf } from './option-texts';
import { type SkuSettings, skuSettingsOf } from './settings';
import { productStoreIdsSql, thresholdSql } from './thresholds';

export const STOCK_STATES = ['in_stock', 'low', 'out'] as const;
export type StockState = (typeof STOCK_STATES)[number];

export const stockListQuery = pageQuery.extend({
  warehouseId: z.uuid().optional().describe('Only SKUs with a stock record in this warehouse.'),
  storeId: z.uuid().optional().describe('Only SKUs of products offered in this store.'),
  state: z
    .enum(STOCK_STATES)
    .optional()
    .describe('out: nothing available; low: 1…threshold available; in_stock: above the threshold.'),
  q: z.string().trim().min(1).max(100).optional().describe('Exact SKU code (any case) or barcode.'),
  sort: z
    .enum(['newest', 'available'])
    .default('newest')
    .describe('newest: newest SKUs first; available: least available first.'),
});
export type StockListQuery = z.infer<typeof stockListQuery>;

export const movementListQuery = pageQuery.extend({
  skuId: z.uuid().optional().describe('Only this SKU.'),
  warehouseId: z.uuid().optional().describe('Only this warehouse.'),
  reason: z.enum(MOVEMENT_REASONS).optional().describe('Only this kind of movement.'),
});
export type MovementListQuery = z.infer<typeof movementListQuery>;

/** Total availability per SKU in the context's scope; SKUs without stock records are 0. */
export async function availableBySku(ctx: AnyCtx, skuIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(skuIds)];
  const out = new Map<string, number>(ids.map((id) => [id, 0]));
  if (ids.length === 0) return out;
  const rows = await ctx.tx
    .select({
      skuId: stockLevels.skuId,
      available: sql<number>`sum(${stockLevels.onHand} - ${stockLevels.reserved})::int`,
    })
    .from(stockLevels)
    .where(
      and(
        inArray(stockLevels.skuId, ids),
        ctx.kind === 'seller' ? eq(stockLevels.sellerId, ctx.sellerId) : undefined,
      ),
    )
    .groupBy(stockLevels.skuId);
  for (const r of rows) out.set(r.skuId, Number(r.available));
  return out;
}

/**
 * A condition on a product for the catalog's product list, by the stock of its active SKUs:
 * each SKU is out (available ≤ 0, including SKUs never stocked), low (1 … its threshold) or in stock
 * (above it); the product takes its worst SKU's state. So:
 * - 'out': some active SKU has nothing available (or the product has no active SKU);
 * - 'low': no active SKU is out, and at least one is at or below its low-stock threshold;
 * - 'in_stock': every active SKU has more than its threshold available.
 * The three states partition the products. Thresholds: the SKU's own, else its stores' default, else 5.
 */
export function stockStateFilter(state: StockState, productIdColumn: AnyPgColumn | SQL): SQL {
  const worst = sql`coalesce((select min(case when coalesce(a.available, 0) <= 0 then 0
        when coalesce(a.available, 0) <= ${thresholdSql(sql`ss.low_threshold`, sql`s.seller_id`, sql`s.product_id`)} then 1
        else 2 end)
      from skus s
      left join (select sl.sku_id, sum(sl.on_hand - sl.reserved) as available from stock_levels sl
        where sl.product_id = ${productIdColumn} group by sl.sku_id) a on a.sku_id = s.id
      left join stock_settings ss on ss.sku_id = s.id
      where s.product_id = ${productIdColumn} and s.status = 'active'), 0)`;
  const level = state === 'out' ? 0 : state === 'low' ? 1 : 2;
  return sql`${worst} = ${level}`;
}

export interface WarehouseStock {
  warehouseId: string;
  code: string;
  name: string;
  kind: 'own' | 'platform';
  onHand: number;
  reserved: number;
  available: number;
}

export interface StockItem {
  skuId: string;
  productId: string;
  code: string | null;
  barcode: string | null;
  title: Record<string, string>;
  options: Record<string, string>;
  /** The options for display: attribute and option names in the request's language. */
  optionTexts: SkuOptionText[];
  skuStatus: string | null;
  onHand: number;
  reserved: number;
  available: number;
  state: StockState;
  settings: SkuSettings;
  warehouses: WarehouseStock[];
  insight: SkuInsight;
}

const availableSum = sql<number>`sum(${stockLevels.onHand} - ${stockLevels.reserved})::int`;

function storeScope(ctx: SellerCtx, storeId: string | undefined): SQL | undefined {
  const conditions: SQL[] = [];
  const store = storeId ?? ctx.currentStoreId ?? undefined;
  if (store) conditions.push(sql`${store}::uuid = any(${productStoreIdsSql(stockLevels.productId)})`);
  if (ctx.storeIds)
    conditions.push(
      sql`${productStoreIdsSql(stockLevels.productId)} && ${`{${ctx.storeIds.join(',')}}`}::uuid[]`,
    );
  return conditions.length ? and(...conditions) : undefined;
}

/**
 * Hot query: one page of SKU totals (on hand, reserved, available and the effective threshold), with
 * the stock list's filters. A SKU appears once it has a stock record in any warehouse.
 */
export function stockPageQuery(ctx: SellerCtx, q: StockListQuery, skuIds: string[] | null) {
  const threshold = thresholdSql(
    stockSettings.lowThreshold,
    sql`${ctx.sellerId}::uuid`,
    stockLevels.productId,
  );
  const state =
    q.state === 'out'
      ? sql`${availableSum} <= 0`
      : q.state === 'low'
        ? sql`${availableSum} > 0 and ${availableSum} <= ${threshold}`
        : q.state === 'in_stock'
          ? sql`${availableSum} > ${threshold}`
          : undefined;
  let cursor: SQL | undefined;
  let having: SQL | undefined;
  if (q.cursor) {
    if (q.sort === 'available') {
      const c = decodeCursor(q.cursor, 2);
      const [available, skuId] = [Number(c?.[0]), String(c?.[1])];
      if (!Number.isInteger(available) || !isUuid(skuId)) throw badRequest('invalid_cursor');
      having = sql`(${availableSum} > ${available} or (${availableSum} = ${available} and ${stockLevels.skuId} > ${skuId}))`;
    } else {
      const c = decodeCursor(q.cursor, 1);
      const skuId = String(c?.[0]);
      if (!isUuid(skuId)) throw badRequest('invalid_cursor');
      cursor = lt(stockLevels.skuId, skuId);
    }
  }
  const havings = [
    state,
    having,
    q.warehouseId ? sql`bool_or(${stockLevels.warehouseId} = ${q.warehouseId})` : undefined,
  ].filter((x): x is SQL => x !== undefined);
  return ctx.tx
    .select({
      skuId: stockLevels.skuId,
      productId: stockLevels.productId,
      onHand: sql<number>`sum(${stockLevels.onHand})::int`,
      reserved: sql<number>`sum(${stockLevels.reserved})::int`,
      available: availableSum,
      threshold: sql<number>`${threshold}`,
    })
    .from(stockLevels)
    .leftJoin(stockSettings, eq(stockSettings.skuId, stockLevels.skuId))
    .where(
      and(
        eq(stockLevels.sellerId, ctx.sellerId),
        skuIds ? inArray(stockLevels.skuId, skuIds) : undefined,
        storeScope(ctx, q.storeId),
        cursor,
      ),
    )
    .groupBy(stockLevels.skuId, stockLevels.productId, stockSettings.lowThreshold)
    .having(havings.length ? and(...havings) : undefined)
    .orderBy(
      ...(q.sort === 'available' ? [sql`${availableSum} asc`, stockLevels.skuId] : [desc(stockLevels.skuId)]),
    )
    .limit(q.limit + 1);
}

function stateOf(available: number, threshold: number): StockState {
  if (available <= 0) return 'out';
  return available <= threshold ? 'low' : 'in_stock';
}

/** Per-warehouse rows of some SKUs. */
async function warehouseRows(ctx: SellerCtx, skuIds: string[]): Promise<Map<string, WarehouseStock[]>> {
  const rows = await ctx.tx
    .select({
      skuId: stockLevels.skuId,
      warehouseId: stockLevels.warehouseId,
      code: warehouses.code,
      name: warehouses.name,
      kind: warehouses.kind,
      onHand: stockLevels.onHand,
      reserved: stockLevels.reserved,
    })
    .from(stockLevels)
    .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
    .where(and(eq(stockLevels.sellerId, ctx.sellerId), inArray(stockLevels.skuId, skuIds)))
    .orderBy(sql`${warehouses.kind} = 'platform' desc`, warehouses.code);
  const out = new Map<string, WarehouseStock[]>();
  for (const r of rows) {
    const list = out.get(r.skuId) ?? [];
    list.push({
      warehouseId: r.warehouseId,
      code: r.code,
      name: r.name,
      kind: r.kind,
      onHand: r.onHand,
      reserved: r.reserved,
      available: r.onHand - r.reserved,
    });
    out.set(r.skuId, list);
  }
  return out;
}

/** SKU totals with their warehouses, settings, catalog card and replenishment figures. */
export async function stockItems(
  ctx: SellerCtx,
  totals: { skuId: string; productId: string; onHand: number; reserved: number; available: number }[],
  cards?: Map<string, SkuCard>,
): Promise<StockItem[]> {
  if (totals.length === 0) return [];
  const skuIds = totals.map((t) => t.skuId);
  const cardOf = cards ?? (await skuCards(ctx, ctx.sellerId, skuIds));
  const [optionTexts, byWarehouse, settings, insights] = [
    await optionTextsOf(
      ctx,
      skuIds.flatMap((id) => cardOf.get(id) ?? []),
    ),
    await warehouseRows(ctx, skuIds),
    await skuSettingsOf(ctx, totals),
    await skuInsights(ctx, ctx.sellerId, totals),
  ];
  return totals.map((t) => {
    const card = cardOf.get(t.skuId);
    const s = settings.get(t.skuId) as SkuSettings;
    const i = insights.get(t.skuId);
    return {
      skuId: t.skuId,
      productId: t.productId,
      code: card?.code ?? null,
      barcode: card?.barcode ?? null,
      title: card?.title ?? {},
      options: card?.options ?? {},
      optionTexts: optionTexts.get(t.skuId) ?? [],
      skuStatus: card?.status ?? null,
      onHand: Number(t.onHand),
      reserved: Number(t.reserved),
      available: Number(t.available),
      state: stateOf(Number(t.available), s.effectiveThreshold),
      settings: s,
      warehouses: byWarehouse.get(t.skuId) ?? [],
      insight: computeInsight({
        sold: i?.sold ?? 0,
        avgOnHand: i?.avgOnHand ?? null,
        oldestAt: i?.oldestAt ?? null,
        onHand: Number(t.onHand),
        available: Number(t.available),
        leadTimeDays: s.leadTimeDays,
        safetyDays: s.safetyDays,
        safetyStock: s.safetyStock,
        now: ctx.now,
      }),
    };
  });
}

/** The stock page: SKU totals with per-warehouse rows, filters and keyset pagination. */
export async function listStock(ctx: SellerCtx, q: StockListQuery): Promise<Page<StockItem>> {
  let skuIds: string[] | null = null;
  let cards: Map<string, SkuCard> | undefined;
  if (q.q) {
    const found = await skuCardsByCode(ctx, [q.q]);
    if (found.length === 0) return { items: [], nextCursor: null };
    skuIds = found.map((c) => c.id);
    cards = new Map(found.map((c) => [c.id, c]));
  }
  const rows = await stockPageQuery(ctx, q, skuIds);
  const page = toPage(rows, q.limit, (r) =>
    q.sort === 'available' ? [Number(r.available), r.skuId] : [r.skuId],
  );
  return { items: await stockItems(ctx, page.items, cards), nextCursor: page.nextCursor };
}

/** One SKU's stock (404-free: a SKU without records has zero everywhere). */
export async function stockOfSku(ctx: SellerCtx, card: SkuCard): Promise<StockItem> {
  const [total] = await ctx.tx
    .select({
      skuId: stockLevels.skuId,
      productId: stockLevels.productId,
      onHand: sql<number>`sum(${stockLevels.onHand})::int`,
      reserved: sql<number>`sum(${stockLevels.reserved})::int`,
      available: availableSum,
    })
    .from(stockLevels)
    .where(and(eq(stockLevels.sellerId, ctx.sellerId), eq(stockLevels.skuId, card.id)))
    .groupBy(stockLevels.skuId, stockLevels.productId);
  const totals = total ?? { skuId: card.id, productId: card.productId, onHand: 0, reserved: 0, available: 0 };
  const [item] = await stockItems(ctx, [totals], new Map([[card.id, card]]));
  return item as StockItem;
}

/** Hot query: the ledger, newest first, of the seller or of one SKU / warehouse. */
export const movementPageQuery = (ctx: SellerCtx, q: MovementListQuery) =>
  ctx.tx
    .select({
      id: stockMovements.id,
      skuId: stockMovements.skuId,
      warehouseId: stockMovements.warehouseId,
      warehouseCode: warehouses.code,
      reason: stockMovements.reason,
      onHandDelta: stockMovements.onHandDelta,
      reservedDelta: stockMovements.reservedDelta,
      onHandAfter: stockMovements.onHandAfter,
      reservedAfter: stockMovements.reservedAfter,
      refType: stockMovements.refType,
      refId: stockMovements.refId,
      note: stockMovements.note,
      actorId: stockMovements.actorId,
      createdAt: stockMovements.createdAt,
    })
    .from(stockMovements)
    .leftJoin(warehouses, eq(warehouses.id, stockMovements.warehouseId))
    .where(
      and(
        eq(stockMovements.sellerId, ctx.sellerId),
        q.skuId ? eq(stockMovements.skuId, q.skuId) : undefined,
        q.warehouseId ? eq(stockMovements.warehouseId, q.warehouseId) : undefined,
        q.reason ? eq(stockMovements.reason, q.reason) : undefined,
        olderThanCursor(q.cursor, stockMovements.createdAt, stockMovements.id),
      ),
    )
    .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
    .limit(q.limit + 1);

export async function listMovements(ctx: SellerCtx, q: MovementListQuery) {
  const rows = await movementPageQuery(ctx, q);
  const page = toPage(rows, q.limit, newestFirstKey);
  const cards = await skuCards(
    ctx,
    ctx.sellerId,
    page.items.map((m) => m.skuId),
  );
  return {
    items: page.items.map((m) => ({
      ...m,
      skuCode: cards.get(m.skuId)?.code ?? null,
      warehouseCode: m.warehouseCode ?? null,
      createdAt: m.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

/** The seller's SKUs by exact codes or barcodes (the scanner / code box of the console), with availability. */
export async function lookupSkus(ctx: SellerCtx, q: string) {
  const codes = [...new Set(q.split(/[\s,;]+/).filter(Boolean))].slice(0, 50);
  const cards = await skuCardsByCode(ctx, codes);
  const available = await availableBySku(
    ctx,
    cards.map((c) => c.id),
  );
  return cards.map((c) => ({
    skuId: c.id,
    productId: c.productId,
    code: c.code,
    barcode: c.barcode,
    title: c.title,
    options: c.options,
    status: c.status,
    available: available.get(c.id) ?? 0,
  }));
}

// Global pricing: a SKU's base price in the seller's currency, and its price in every store of the
// product, either followed (converted at the platform's rate and rounded to the store's price ending)
// or overridden by hand. Big jumps are held for confirmation (price quarantine).
import { and, asc, desc, eq, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isUuid, newId } from '../../../platform/db/ids';
import type { AnyCtx, SellerCtx } from '../../../platform/db/tenant';
import { AppError, badRequest, conflict, notFound, unprocessable } from '../../../platform/http/errors';
import { decodeCursor, pageQuery, toPage } from '../../../platform/http/pagination';
import { PRICE_MODES, type PriceMode, priceHolds, products, skuPrices, skus } from '../schema';
import { convertMinor, listStores, priceQuarantineFactor } from './deps';
import { visibleProducts } from './history';
import { applyPriceEnding, needsQuarantine } from './price-rules';

export interface Prices {
  listPrice: number;
  salePrice: number | null;
}

type SkuRow = typeof skus.$inferSelect;
type HoldRow = typeof priceHolds.$inferSelect;

/**
 * The base price converted into a store currency and rounded to its price ending; the sale price is
 * dropped when rounding leaves no discount. 422 exchange_rate_missing when the platform has no rate.
 */
export async function followPrices(
  ctx: Pick<AnyCtx, 'tx' | 'now'>,
  base: Prices & { currency: string },
  currency: string,
): Promise<Prices> {
  if (base.currency === currency) return { listPrice: base.listPrice, salePrice: base.salePrice };
  const convert = async (amount: number) => {
    const out = await convertMinor(ctx, { amount, from: base.currency, to: currency });
    if (out === null) throw unprocessable('exchange_rate_missing', { from: base.currency, to: currency });
    return applyPriceEnding(currency, out);
  };
  const listPrice = await convert(base.listPrice);
  const sale = base.salePrice === null ? null : await convert(base.salePrice);
  return { listPrice, salePrice: sale !== null && sale < listPrice ? sale : null };
}

/** Currencies of the stores a product is sold in: from its price rows, else from the seller's stores. */
async function storeCurrencies(ctx: SellerCtx, productId: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const store of await listStores(ctx)) out.set(store.id, store.currency);
  const rows = await ctx.tx
    .selectDistinct({ storeId: skuPrices.storeId, currency: skuPrices.currency })
    .from(skuPrices)
    .innerJoin(skus, eq(skus.id, skuPrices.skuId))
    .where(and(eq(skuPrices.sellerId, ctx.sellerId), eq(skus.productId, productId)));
  for (const r of rows) if (!out.has(r.storeId)) out.set(r.storeId, r.currency);
  return out;
}

/**
 * Makes a product's price rows match its SKUs × stores: missing rows are added as "follow", rows of
 * stores the product left are removed, and follow rows are recomputed from the base price.
 */
export async function syncProductPrices(ctx: SellerCtx, productId: string): Promise<void> {
  const [product] = await ctx.tx
    .select({ storeIds: products.storeIds })
    .from(products)
    .where(and(eq(products.sellerId, ctx.sellerId), eq(products.id, productId)));
  if (!product) return;
  const skuRows = await ctx.tx
    .select()
    .from(skus)
    .where(and(eq(skus.sellerId, ctx.sellerId), eq(skus.productId, productId)));
  if (skuRows.length === 0) return;
  const skuIds = skuRows.map((s) => s.id);
  const storeIds = product.storeIds;
  await ctx.tx
    .delete(skuPrices)
    .where(
      and(
        eq(skuPrices.sellerId, ctx.sellerId),
        inArray(skuPrices.skuId, skuIds),
        storeIds.length ? notInArray(skuPrices.storeId, storeIds) : undefined,
      ),
    );
  if (storeIds.length === 0) return;
  const existing = await ctx.tx
    .select()
    .from(skuPrices)
    .where(and(eq(skuPrices.sellerId, ctx.sellerId), inArray(skuPrices.skuId, skuIds)));
  const byKey = new Map(existing.map((p) => [`${p.skuId}:${p.storeId}`, p]));
  const currencies = await storeCurrencies(ctx, productId);
  for (const sku of skuRows) {
    for (const storeId of storeIds) {
      const row = byKey.get(`${sku.id}:${storeId}`);
      if (row?.mode === 'override') continue;
      const currency = row?.currency ?? currencies.get(storeId);
      if (!currency) continue;
      const prices = await followPrices(ctx, sku, currency);
      if (row && row.listPrice === prices.listPrice && row.salePrice === prices.salePrice) continue;
      await ctx.tx
        .insert(skuPrices)
        .values({
          skuId: sku.id,
          storeId,
          sellerId: ctx.sellerId,
          currency,
          mode: 'follow',
          ...prices,
          updatedAt: ctx.now,
        })
        .onConflictDoUpdate({
          target: [skuPrices.skuId, skuPrices.storeId],
          set: { ...prices, updatedAt: ctx.now },
        });
    }
  }
}

export const storePriceInput = z
  .object({
    storeId: z.uuid().describe('A store the product is sold in.'),
    mode: z
      .enum(PRICE_MODES)
      .describe(
        'follow: converted from the base price at the platform rate and rounded; override: set here.',
      ),
    listPrice: z
      .number()
      .int()
      .min(1)
      .max(1e12)
      .optional()
      .describe('Override only: list price in minor units of the store currency.'),
    salePrice: z
      .number()
      .int()
      .min(1)
      .max(1e12)
      .nullable()
      .optional()
      .describe('Override only: sale price (below the list price) in minor units; null for none.'),
  })
  .strict()
  .meta({ id: 'StorePriceBody' });
export type StorePriceInput = z.infer<typeof storePriceInput>;

export interface HoldOutcome {
  held: boolean;
  hold: HoldRow | null;
}

/** Records (or replaces) the open hold of a SKU's base price (storeId null) or store override. */
async function holdChange(
  ctx: SellerCtx,
  sku: SkuRow,
  storeId: string | null,
  currency: string,
  before: Prices,
  after: Prices,
): Promise<HoldRow> {
  const open = await ctx.tx
    .update(priceHolds)
    .set({
      oldListPrice: before.listPrice,
      oldSalePrice: before.salePrice,
      newListPrice: after.listPrice,
      newSalePrice: after.salePrice,
      currency,
      requestedBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    .where(and(openHoldOf(ctx, sku.id, storeId)))
    .returning();
  if (open[0]) return open[0];
  const [row] = await ctx.tx
    .insert(priceHolds)
    .values({
      id: newId(),
      sellerId: ctx.sellerId,
      skuId: sku.id,
      storeId,
      currency,
      oldListPrice: before.listPrice,
      oldSalePrice: before.salePrice,
      newListPrice: after.listPrice,
      newSalePrice: after.salePrice,
      requestedBy: ctx.actor.id,
      createdAt: ctx.now,
    })
    .returning();
  if (!row) throw new Error('price hold insert returned no row');
  return row;
}

const openHoldOf = (ctx: SellerCtx, skuId: string, storeId: string | null) =>
  and(
    eq(priceHolds.sellerId, ctx.sellerId),
    eq(priceHolds.skuId, skuId),
    storeId ? eq(priceHolds.storeId, storeId) : isNull(priceHolds.storeId),
    eq(priceHolds.status, 'held'),
  );

/** A direct change supersedes a held one: the hold is discarded. */
async function dropOpenHold(ctx: SellerCtx, skuId: string, storeId: string | null) {
  await ctx.tx
    .update(priceHolds)
    .set({ status: 'discarded', decidedBy: ctx.actor.id, decidedAt: ctx.now })
    .where(openHoldOf(ctx, skuId, storeId));
}

function checkSaleBelowList(p: Prices, path: string) {
  if (p.salePrice !== null && p.salePrice >= p.listPrice)
    throw new AppError('sale_price_not_below_list', {
      status: 400,
      errors: [{ path, message: 'sale_price_not_below_list', code: 'sale_price_not_below_list' }],
    });
}

/**
 * Changes a SKU's base price. A jump by the quarantine factor or more is held (the old price stays);
 * otherwise it applies and the follow prices of every store are recomputed.
 */
export async function changeBasePrice(
  ctx: SellerCtx,
  sku: SkuRow,
  next: Prices,
  opts: { factor?: number; path?: string; skipQuarantine?: boolean } = {},
): Promise<HoldOutcome> {
  checkSaleBelowList(next, opts.path ?? 'body.salePrice');
  const before = { listPrice: sku.listPrice, salePrice: sku.salePrice };
  if (before.listPrice === next.listPrice && before.salePrice === next.salePrice)
    return { held: false, hold: null };
  const factor = opts.factor ?? (await priceQuarantineFactor(ctx));
  if (!opts.skipQuarantine && needsQuarantine(before, next, factor)) {
    return { held: true, hold: await holdChange(ctx, sku, null, sku.currency, before, next) };
  }
  await dropOpenHold(ctx, sku.id, null);
  await ctx.tx
    .update(skus)
    .set({ listPrice: next.listPrice, salePrice: next.salePrice, updatedAt: ctx.now })
    .where(and(eq(skus.sellerId, ctx.sellerId), eq(skus.id, sku.id)));
  await syncProductPrices(ctx, sku.productId);
  return { held: false, hold: null };
}

/**
 * Sets how a SKU is priced in one store. Switching to follow recomputes at once; an override
 * that jumps by the quarantine factor from the current store price is held.
 */
export async function setStorePrice(
  ctx: SellerCtx,
  sku: SkuRow,
  storeIds: readonly string[],
  input: StorePriceInput,
  path: string,
  factor?: number,
): Promise<HoldOutcome> {
  if (!storeIds.includes(input.storeId))
    throw new AppError('store_not_in_product', {
      status: 400,
      params: { storeId: input.storeId },
      errors: [{ path: `${path}.storeId`, message: 'store_not_in_product', code: 'store_not_in_product' }],
    });
  const [row] = await ctx.tx
    .select()
    .from(skuPrices)
    .where(and(eq(skuPrices.skuId, sku.id), eq(skuPrices.storeId, input.storeId)));
  if (!row) {
    // Rows exist for every SKU × store of the product; a missing row means the store has no rate yet.
    await syncProductPrices(ctx, sku.productId);
    return setStorePrice(ctx, sku, storeIds, input, path, factor);
  }
  if (input.mode === 'follow') {
    await dropOpenHold(ctx, sku.id, input.storeId);
    const prices = await followPrices(ctx, sku, row.currency);
    await ctx.tx
      .update(skuPrices)
      .set({ mode: 'follow', ...prices, updatedAt: ctx.now })
      .where(and(eq(skuPrices.skuId, sku.id), eq(skuPrices.storeId, input.storeId)));
    return { held: false, hold: null };
  }
  if (input.listPrice === undefined)
    throw new AppError('validation_failed', {
      status: 400,
      errors: [{ path: `${path}.listPrice`, message: 'price_required', code: 'price_required' }],
    });
  const next = { listPrice: input.listPrice, salePrice: input.salePrice ?? null };
  checkSaleBelowList(next, `${path}.salePrice`);
  const before = { listPrice: row.listPrice, salePrice: row.salePrice };
  const f = factor ?? (await priceQuarantineFactor(ctx));
  if (needsQuarantine(before, next, f)) {
    // The mode becomes override at once, at the old price, so the rate no longer moves it.
    await ctx.tx
      .update(skuPrices)
      .set({ mode: 'override', updatedAt: ctx.now })
      .where(and(eq(skuPrices.skuId, sku.id), eq(skuPrices.storeId, input.storeId)));
    return { held: true, hold: await holdChange(ctx, sku, input.storeId, row.currency, before, next) };
  }
  await dropOpenHold(ctx, sku.id, input.storeId);
  await ctx.tx
    .update(skuPrices)
    .set({ mode: 'override', ...next, updatedAt: ctx.now })
    .where(and(eq(skuPrices.skuId, sku.id), eq(skuPrices.storeId, input.storeId)));
  return { held: false, hold: null };
}

// ---------------------------------------------------------------------------------------------
// Holds: list, confirm, discard

export const HOLD_STATUSES = ['held', 'confirmed', 'discarded'] as const;

export const priceHoldListQuery = pageQuery.extend({
  status: z
    .enum(HOLD_STATUSES)
    .default('held')
    .describe('Holds in this status (default: held, awaiting a decision).'),
  productId: z.uuid().optional().describe('Only holds of this product.'),
});
export type PriceHoldListQuery = z.infer<typeof priceHoldListQuery>;

export function toPriceHold(
  row: HoldRow,
  extra: { productId: string; productNumber: number; skuCode: string },
) {
  return {
    id: row.id,
    skuId: row.skuId,
    skuCode: extra.skuCode,
    productId: extra.productId,
    productNumber: extra.productNumber,
    storeId: row.storeId,
    currency: row.currency,
    oldListPrice: row.oldListPrice,
    oldSalePrice: row.oldSalePrice,
    newListPrice: row.newListPrice,
    newSalePrice: row.newSalePrice,
    status: row.status,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
export type PriceHold = ReturnType<typeof toPriceHold>;

const holdSelect = {
  hold: priceHolds,
  productId: skus.productId,
  productNumber: products.number,
  skuCode: skus.code,
};

/** Hot query: a seller's price holds, newest first. */
export function priceHoldPageQuery(
  ctx: Pick<SellerCtx, 'tx' | 'sellerId' | 'storeIds'>,
  q: PriceHoldListQuery,
) {
  const c = decodeCursor(q.cursor, 2);
  let after: ReturnType<typeof sql> | undefined;
  if (c) {
    const at = new Date(String(c[0]));
    if (Number.isNaN(at.getTime()) || !isUuid(String(c[1]))) throw badRequest('invalid_cursor');
    after = sql`(${priceHolds.createdAt}, ${priceHolds.id}) < (${at.toISOString()}::timestamptz, ${String(c[1])}::uuid)`;
  }
  return ctx.tx
    .select(holdSelect)
    .from(priceHolds)
    .innerJoin(skus, eq(skus.id, priceHolds.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .where(
      and(
        eq(priceHolds.sellerId, ctx.sellerId),
        eq(priceHolds.status, q.status),
        visibleProducts(ctx),
        q.productId ? eq(products.id, q.productId) : undefined,
        after,
      ),
    )
    .orderBy(desc(priceHolds.createdAt), desc(priceHolds.id))
    .limit(q.limit + 1);
}

export async function listPriceHolds(ctx: SellerCtx, q: PriceHoldListQuery) {
  const rows = await priceHoldPageQuery(ctx, q);
  const page = toPage(rows, q.limit, (r) => [r.hold.createdAt.toISOString(), r.hold.id]);
  return { items: page.items.map((r) => toPriceHold(r.hold, r)), nextCursor: page.nextCursor };
}

/** Open holds of some SKUs (for the product page). */
export async function openHoldsOf(ctx: SellerCtx, skuIds: string[]): Promise<HoldRow[]> {
  if (skuIds.length === 0) return [];
  return ctx.tx
    .select()
    .from(priceHolds)
    .where(
      and(
        eq(priceHolds.sellerId, ctx.sellerId),
        inArray(priceHolds.skuId, skuIds),
        eq(priceHolds.status, 'held'),
      ),
    )
    .orderBy(asc(priceHolds.createdAt));
}

async function loadHold(ctx: SellerCtx, id: string) {
  const [row] = await ctx.tx
    .select(holdSelect)
    .from(priceHolds)
    .innerJoin(skus, eq(skus.id, priceHolds.skuId))
    .innerJoin(products, eq(products.id, skus.productId))
    .where(and(eq(priceHolds.sellerId, ctx.sellerId), eq(priceHolds.id, id), visibleProducts(ctx)));
  if (!row) throw notFound('price_hold');
  return row;
}

/**
 * Decides a hold with one conditional update (held → confirmed | discarded). Confirming applies the
 * held prices (without a second quarantine check) and recomputes what follows from them.
 * Returns the product id, so that the caller refreshes its store listings.
 */
export async function decideHold(
  ctx: SellerCtx,
  id: string,
  to: 'confirmed' | 'discarded',
): Promise<{ hold: PriceHold; productId: string }> {
  const found = await loadHold(ctx, id);
  const [row] = await ctx.tx
    .update(priceHolds)
    .set({ status: to, decidedBy: ctx.actor.id, decidedAt: ctx.now })
    .where(and(eq(priceHolds.id, id), eq(priceHolds.sellerId, ctx.sellerId), eq(priceHolds.status, 'held')))
    .returning();
  if (!row) throw conflict('price_hold_decided', { status: found.hold.status });
  if (to === 'confirmed') {
    const prices = { listPrice: row.newListPrice, salePrice: row.newSalePrice };
    if (row.storeId === null) {
      await ctx.tx
        .update(skus)
        .set({ ...prices, updatedAt: ctx.now })
        .where(and(eq(skus.sellerId, ctx.sellerId), eq(skus.id, row.skuId)));
      await syncProductPrices(ctx, found.productId);
    } else {
      await ctx.tx
        .update(skuPrices)
        .set({ mode: 'override', ...prices, updatedAt: ctx.now })
        .where(and(eq(skuPrices.skuId, row.skuId), eq(skuPrices.storeId, row.storeId)));
    }
  }
  return { hold: toPriceHold(row, found), productId: found.productId };
}

// ---------------------------------------------------------------------------------------------
// Rate changes: follow prices of a currency pair, across sellers (system context)

/**
 * Recomputes the follow prices converted between two currencies (either direction), in batches,
 * across all sellers; returns the products whose prices changed so that their listings are refreshed.
 * Runs in a system context (the rate job) or a platform context.
 */
export async function recomputeFollowPrices(
  ctx: Pick<AnyCtx, 'tx' | 'now'>,
  pair: { from: string; to: string },
  opts: { afterSkuId?: string; limit?: number } = {},
): Promise<{ changedProductIds: string[]; lastSkuId: string | null }> {
  const limit = opts.limit ?? 500;
  const pairCondition = and(
    eq(skuPrices.mode, 'follow'),
    or(
      and(eq(skus.currency, pair.from), eq(skuPrices.currency, pair.to)),
      and(eq(skus.currency, pair.to), eq(skuPrices.currency, pair.from)),
    ),
  );
  const batch = await ctx.tx
    .selectDistinct({ id: skus.id })
    .from(skuPrices)
    .innerJoin(skus, eq(skus.id, skuPrices.skuId))
    .where(and(pairCondition, opts.afterSkuId ? sql`${skus.id} > ${opts.afterSkuId}::uuid` : undefined))
    .orderBy(asc(skus.id))
    .limit(limit);
  if (batch.length === 0) return { changedProductIds: [], lastSkuId: null };
  const rows = await ctx.tx
    .select({ price: skuPrices, sku: skus })
    .from(skuPrices)
    .innerJoin(skus, eq(skus.id, skuPrices.skuId))
    .where(
      and(
        pairCondition,
        inArray(
          skus.id,
          batch.map((b) => b.id),
        ),
      ),
    );
  const changed = new Set<string>();
  for (const { price, sku } of rows) {
    let prices: Prices;
    try {
      prices = await followPrices(ctx, sku, price.currency);
    } catch {
      continue; // no rate (deleted meanwhile): the price stays
    }
    if (prices.listPrice === price.listPrice && prices.salePrice === price.salePrice) continue;
    await ctx.tx
      .update(skuPrices)
      .set({ ...prices, updatedAt: ctx.now })
      .where(and(eq(skuPrices.skuId, price.skuId), eq(skuPrices.storeId, price.storeId)));
    changed.add(sku.productId);
  }
  return {
    changedProductIds: [...changed],
    lastSkuId: batch.length === limit ? (batch.at(-1)?.id ?? null) : null,
  };
}

/** The currency pairs that follow prices convert between (for the daily recompute). */
export async function followPairs(ctx: Pick<AnyCtx, 'tx'>): Promise<{ from: string; to: string }[]> {
  return ctx.tx
    .selectDistinct({ from: skus.currency, to: skuPrices.currency })
    .from(skuPrices)
    .innerJoin(skus, eq(skus.id, skuPrices.skuId))
    .where(and(eq(skuPrices.mode, 'follow'), ne(skus.currency, skuPrices.currency)));
}

export type { PriceMode };

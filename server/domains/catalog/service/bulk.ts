// Bulk actions on many products: each product in its own savepoint, results reported per product.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { SellerCtx } from '../../../platform/db/tenant';
import { AppError, isAppError } from '../../../platform/http/errors';
import { translate } from '../../../platform/i18n/translate';
import { divRoundHalfEven } from '../../../platform/money/convert';
import { skus } from '../schema';
import { priceQuarantineFactor, setLowThresholds } from './deps';
import { refreshDerived } from './derived';
import { visibleProductIds } from './history';
import { changeSaleState, submitProduct } from './lifecycle';
import { changeBasePrice } from './pricing';
import { refreshStoreListings } from './store-listings';

export const BULK_ACTIONS = [
  'submit',
  'deactivate',
  'activate',
  'archive',
  'price',
  'stock_threshold',
] as const;

export const bulkPriceChange = z
  .object({
    kind: z
      .enum(['percent', 'amount'])
      .describe('percent of the current price, or a fixed amount in minor units.'),
    direction: z.enum(['up', 'down']),
    value: z
      .number()
      .positive()
      .max(1e12)
      .describe(
        'percent: 0.01–1000 (two decimals at most); amount: whole minor units of the seller currency.',
      ),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.kind === 'percent' && (p.value > 1000 || Math.round(p.value * 100) !== p.value * 100))
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'a percent from 0.01 to 1000 with two decimals at most',
      });
    if (p.kind === 'percent' && p.direction === 'down' && p.value >= 100)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a price cannot go down by 100% or more' });
    if (p.kind === 'amount' && !Number.isSafeInteger(p.value))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a whole number of minor units' });
  })
  .meta({ id: 'BulkPriceChange' });
export type BulkPriceChange = z.infer<typeof bulkPriceChange>;

export const bulkInput = z
  .object({
    action: z
      .enum(BULK_ACTIONS)
      .describe(
        'submit: send for review; deactivate / activate / archive: sale state; price: change base prices of ' +
          'every SKU (sale prices too, when set; quarantine applies); stock_threshold: low-stock threshold of every SKU.',
      ),
    productIds: z.array(z.uuid()).min(1).max(500).describe('1–500 product ids.'),
    price: bulkPriceChange.optional().describe('Required for action=price.'),
    threshold: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .nullable()
      .optional()
      .describe('For action=stock_threshold: units; null returns to the store default.'),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.action === 'price' && !b.price)
      ctx.addIssue({ code: 'custom', path: ['price'], message: 'required for action=price' });
    if (b.action === 'stock_threshold' && b.threshold === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: 'required for action=stock_threshold (null for the default)',
      });
  });
export type BulkInput = z.infer<typeof bulkInput>;

export interface BulkResult {
  productId: string;
  ok: boolean;
  /** Error code when not ok. */
  code?: string;
  detail?: string;
  errors?: { path: string; code: string; message: string }[];
  /** action=price: SKU price changes held for confirmation. */
  held?: number;
}

/** A price moved by a bulk change, in whole minor units (half-even); below 1 is an error. */
export function adjustedPrice(price: number, change: BulkPriceChange): number {
  if (change.kind === 'amount')
    return change.direction === 'up' ? price + change.value : price - change.value;
  const bp = BigInt(Math.round(change.value * 100));
  const factor = change.direction === 'up' ? 10_000n + bp : 10_000n - bp;
  return Number(divRoundHalfEven(BigInt(price) * factor, 10_000n));
}

async function priceProduct(ctx: SellerCtx, productId: string, change: BulkPriceChange, factor: number) {
  const rows = await ctx.tx
    .select()
    .from(skus)
    .where(and(eq(skus.sellerId, ctx.sellerId), eq(skus.productId, productId)));
  let held = 0;
  for (const sku of rows) {
    const listPrice = adjustedPrice(sku.listPrice, change);
    const salePrice = sku.salePrice === null ? null : adjustedPrice(sku.salePrice, change);
    if (listPrice < 1 || (salePrice !== null && salePrice < 1))
      throw new AppError('price_too_low', { status: 400, params: { code: sku.code } });
    const outcome = await changeBasePrice(
      ctx,
      sku,
      { listPrice, salePrice: salePrice !== null && salePrice < listPrice ? salePrice : null },
      { factor },
    );
    if (outcome.held) held++;
  }
  await refreshDerived(ctx, productId);
  await refreshStoreListings(ctx, [productId]);
  return held;
}

async function runOne(
  ctx: SellerCtx,
  input: BulkInput,
  productId: string,
  factor: number,
): Promise<number | undefined> {
  switch (input.action) {
    case 'submit':
      await submitProduct(ctx, productId);
      return;
    case 'deactivate':
    case 'activate':
    case 'archive':
      await changeSaleState(ctx, productId, input.action);
      return;
    case 'price':
      return priceProduct(ctx, productId, input.price as BulkPriceChange, factor);
    case 'stock_threshold': {
      const ids = await ctx.tx
        .select({ id: skus.id })
        .from(skus)
        .where(and(eq(skus.sellerId, ctx.sellerId), eq(skus.productId, productId)));
      await setLowThresholds(
        ctx,
        ids.map((r) => r.id),
        input.threshold ?? null,
      );
      return;
    }
  }
}

/**
 * Applies one action to many products. Ownership of all ids is checked with one query (others are
 * not_found); each product runs in its own savepoint, so one failure leaves the others done.
 */
export async function bulkProducts(ctx: SellerCtx, input: BulkInput): Promise<{ results: BulkResult[] }> {
  const ids = [...new Set(input.productIds)];
  const visible = await visibleProductIds(ctx, ids);
  const factor = input.action === 'price' ? await priceQuarantineFactor(ctx) : 0;
  const results: BulkResult[] = [];
  for (const productId of ids) {
    if (!visible.has(productId)) {
      results.push({
        productId,
        ok: false,
        code: 'not_found',
        detail: translate(ctx.locale, 'not_found', { entity: 'product' }),
      });
      continue;
    }
    try {
      const held = await ctx.tx.transaction((tx) => runOne({ ...ctx, tx }, input, productId, factor));
      results.push({ productId, ok: true, ...(held !== undefined ? { held } : {}) });
    } catch (err) {
      if (!isAppError(err)) throw err;
      results.push({
        productId,
        ok: false,
        code: err.code,
        detail: translate(ctx.locale, err.code, err.params),
        ...(err.errors
          ? {
              errors: err.errors.map((e) => ({
                path: e.path,
                code: e.code ?? e.message,
                message: translate(ctx.locale, e.message, e.params),
              })),
            }
          : {}),
      });
    }
  }
  return { results };
}

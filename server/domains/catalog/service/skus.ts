// SKUs: the sellable variants of a product (one value per option axis), with barcode, prices,
// weight and dimensions.
import { and, asc, eq, inArray, max, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { SellerCtx } from '../../../platform/db/tenant';
import { AppError, conflict, type FieldError, invalid, notFound } from '../../../platform/http/errors';
import { type priceHolds, products, SKU_STATUSES, skuPrices, skus } from '../schema';
import { barcodeClash, barcodeKind, barcodeRegistered, checkBarcode } from './barcodes';
import { checkOptions, optionsKey, variantAxes } from './content';
import { availableBySku, type CategoryRules, categoryRules, getCompany } from './deps';
import { refreshDerived } from './derived';
import { loadProduct } from './history';
import { changeBasePrice, openHoldsOf, setStorePrice, storePriceInput, syncProductPrices } from './pricing';
import { refreshStoreListings } from './store-listings';

const minor = (what: string) =>
  z.number().int().min(1).max(1e12).describe(`${what} in minor units of the seller's currency (e.g. cents).`);
const size = (what: string) =>
  z.number().int().min(1).max(10_000).nullable().optional().describe(`${what}, mm.`);

const skuFields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._\-/+#]*$/,
      'letters, digits and . _ - / + #, starting with a letter or digit',
    )
    .describe("The seller's SKU code (货号/артикул), unique within the seller ignoring case."),
  barcode: z
    .string()
    .trim()
    .max(20)
    .nullable()
    .optional()
    .describe(
      'EAN-13, EAN-8, UPC-A (12 digits) or GTIN-14 with a valid check digit; unique across the platform. ' +
        'null or "" for none.',
    ),
  options: z
    .record(z.string().min(1).max(50), z.string().trim().max(100))
    .optional()
    .describe(
      'Option values by variant attribute key of the category (e.g. {"color":"red","size":"M"}); ' +
        'enum axes take one of their option values.',
    ),
  listPrice: minor('Base list price'),
  salePrice: minor('Base sale price (below the list price)').nullable().optional(),
  weightGrams: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .nullable()
    .optional()
    .describe('Shipping weight, grams.'),
  lengthMm: size('Package length'),
  widthMm: size('Package width'),
  heightMm: size('Package height'),
  status: z.enum(SKU_STATUSES).optional().describe('inactive SKUs are not sold (default active).'),
  backorder: z.boolean().optional().describe('Sold when out of stock (made or ordered on demand).'),
  storePrices: z
    .array(storePriceInput)
    .max(50)
    .optional()
    .describe('Per-store pricing; stores not listed keep their mode (new SKUs follow the base price).'),
};

export const skuInput = z.object(skuFields).strict().meta({ id: 'SkuBody' });
export type SkuInput = z.infer<typeof skuInput>;
export const updateSkuInput = z.object(skuFields).partial().strict();
export type UpdateSkuInput = z.infer<typeof updateSkuInput>;

type SkuRow = typeof skus.$inferSelect;
type HoldRow = typeof priceHolds.$inferSelect;

const holdSummary = (h: HoldRow | undefined) =>
  h
    ? {
        id: h.id,
        listPrice: h.newListPrice,
        salePrice: h.newSalePrice,
        createdAt: h.createdAt.toISOString(),
      }
    : null;

function toSku(row: SkuRow, prices: (typeof skuPrices.$inferSelect)[], holds: HoldRow[]) {
  const holdOf = (storeId: string | null) => holds.find((h) => h.skuId === row.id && h.storeId === storeId);
  return {
    id: row.id,
    productId: row.productId,
    code: row.code,
    barcode: row.barcode,
    barcodeKind: row.barcode ? barcodeKind(row.barcode) : null,
    options: row.options,
    currency: row.currency,
    listPrice: row.listPrice,
    salePrice: row.salePrice,
    priceHold: holdSummary(holdOf(null)),
    weightGrams: row.weightGrams,
    lengthMm: row.lengthMm,
    widthMm: row.widthMm,
    heightMm: row.heightMm,
    status: row.status,
    backorder: row.backorder,
    position: row.position,
    storePrices: prices
      .filter((p) => p.skuId === row.id)
      .map((p) => ({
        storeId: p.storeId,
        currency: p.currency,
        mode: p.mode,
        listPrice: p.listPrice,
        salePrice: p.salePrice,
        priceHold: holdSummary(holdOf(p.storeId)),
      })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type Sku = ReturnType<typeof toSku>;

/** A product's SKUs in order, with their store prices and open price holds. */
export async function loadSkus(ctx: SellerCtx, productId: string, onlyIds?: string[]): Promise<Sku[]> {
  const rows = await ctx.tx
    .select()
    .from(skus)
    .where(
      and(
        eq(skus.sellerId, ctx.sellerId),
        eq(skus.productId, productId),
        onlyIds ? inArray(skus.id, onlyIds) : undefined,
      ),
    )
    .orderBy(asc(skus.position), asc(skus.createdAt));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const prices = await ctx.tx
    .select()
    .from(skuPrices)
    .where(and(eq(skuPrices.sellerId, ctx.sellerId), inArray(skuPrices.skuId, ids)))
    .orderBy(asc(skuPrices.storeId));
  const holds = await openHoldsOf(ctx, ids);
  return rows.map((r) => toSku(r, prices, holds));
}

const fieldError = (path: string, code: string, params?: FieldError['params']): FieldError => ({
  path,
  message: code,
  code,
  params,
});

/** A 409 that points at the field. */
const fieldConflict = (path: string, code: string, params: FieldError['params']) =>
  new AppError(code, { status: 409, params, errors: [fieldError(path, code, params)] });

/** Barcode format problems of an input (null/"" mean none). */
function barcodeProblem(barcode: string | null | undefined, path: string): FieldError | null {
  if (!barcode) return null;
  const check = checkBarcode(barcode);
  return check.ok ? null : fieldError(path, check.reason);
}

/** The seller's SKU with this code (any product), ignoring case. */
async function ownCodeClash(ctx: SellerCtx, code: string, path: string, exceptSkuId?: string) {
  const [row] = await ctx.tx
    .select({ code: skus.code, number: products.number })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(
      and(
        eq(skus.sellerId, ctx.sellerId),
        sql`lower(${skus.code}) = lower(${code})`,
        exceptSkuId ? ne(skus.id, exceptSkuId) : undefined,
      ),
    )
    .limit(1);
  return row ? fieldConflict(path, 'sku_code_taken', { code: row.code, product: row.number }) : null;
}

/**
 * The unique indexes are the real guards (two requests at once pass every pre-check): their
 * violation becomes the same clean 409 as the pre-check's.
 */
async function guardSkuWrite<T>(
  code: string,
  barcode: string | null,
  paths: { code: string; barcode: string },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
    const pg = e.code === '23505' ? e : e.cause;
    if (pg?.code === '23505' && pg.constraint === 'skus_barcode_idx' && barcode)
      throw barcodeRegistered(barcode, paths.barcode);
    if (pg?.code === '23505' && pg.constraint === 'skus_seller_code_idx')
      throw fieldConflict(paths.code, 'sku_code_in_use', { code });
    throw err;
  }
}

async function sellerCurrency(ctx: SellerCtx): Promise<string> {
  return (await getCompany(ctx)).defaultCurrency;
}

/** Option combinations are unique within a product once every axis has a value. */
function completeOptionsKey(rules: CategoryRules | null, options: Record<string, string>): string | null {
  if (!rules) return null;
  const axes = variantAxes(rules);
  if (axes.some((a) => !options[a.key])) return null;
  return optionsKey(options);
}

/**
 * Inserts new SKUs of a product after checking all of them (every problem at once): barcode check
 * digits, options against the category's variant axes, sale below list, duplicates within the request,
 * codes and barcodes already used. Prices of the product's stores follow the base price unless set.
 */
export async function insertSkus(
  ctx: SellerCtx,
  product: { id: string; storeIds: string[] },
  rules: CategoryRules | null,
  inputs: SkuInput[],
  prefix: string,
): Promise<string[]> {
  const errors: FieldError[] = [];
  const existing = await ctx.tx
    .select({ code: skus.code, options: skus.options })
    .from(skus)
    .where(and(eq(skus.sellerId, ctx.sellerId), eq(skus.productId, product.id)));
  const codes = new Map<string, number>();
  const barcodes = new Map<string, number>();
  const combos = new Map<string, string>();
  for (const s of existing) {
    const key = completeOptionsKey(rules, s.options);
    if (key) combos.set(key, s.code);
  }
  const options: Record<string, string>[] = [];
  inputs.forEach((input, i) => {
    const path = `${prefix}.${i}`;
    const lower = input.code.toLowerCase();
    if (codes.has(lower)) errors.push(fieldError(`${path}.code`, 'duplicate_sku_code', { code: input.code }));
    else codes.set(lower, i);
    const bad = barcodeProblem(input.barcode, `${path}.barcode`);
    if (bad) errors.push(bad);
    else if (input.barcode) {
      if (barcodes.has(input.barcode)) errors.push(fieldError(`${path}.barcode`, 'duplicate_barcode'));
      else barcodes.set(input.barcode, i);
    }
    if (input.salePrice != null && input.salePrice >= input.listPrice)
      errors.push(fieldError(`${path}.salePrice`, 'sale_price_not_below_list'));
    const checked = rules ? checkOptions(rules, input.options ?? {}, `${path}.options`) : null;
    if (checked) errors.push(...checked.errors);
    const values = checked?.values ?? {};
    options.push(values);
    const key = completeOptionsKey(rules, values);
    if (key) {
      const other = combos.get(key);
      if (other !== undefined) errors.push(fieldError(`${path}.options`, 'duplicate_options', { other }));
      else combos.set(key, input.code);
    }
  });
  if (errors.length) throw invalid(errors);
  for (const [i, input] of inputs.entries()) {
    const path = `${prefix}.${i}`;
    const clash =
      (await ownCodeClash(ctx, input.code, `${path}.code`)) ??
      (input.barcode ? await barcodeClash(ctx, input.barcode, `${path}.barcode`) : null);
    if (clash) throw clash;
  }
  const currency = await sellerCurrency(ctx);
  const [last] = await ctx.tx
    .select({ p: max(skus.position) })
    .from(skus)
    .where(and(eq(skus.sellerId, ctx.sellerId), eq(skus.productId, product.id)));
  let position = (last?.p ?? -1) + 1;
  const ids: string[] = [];
  for (const [i, input] of inputs.entries()) {
    const id = newId();
    const barcode = input.barcode || null;
    await guardSkuWrite(
      input.code,
      barcode,
      { code: `${prefix}.${i}.code`, barcode: `${prefix}.${i}.barcode` },
      () =>
        ctx.tx.insert(skus).values({
          id,
          sellerId: ctx.sellerId,
          productId: product.id,
          code: input.code,
          barcode,
          options: options[i] ?? {},
          currency,
          listPrice: input.listPrice,
          salePrice: input.salePrice ?? null,
          weightGrams: input.weightGrams ?? null,
          lengthMm: input.lengthMm ?? null,
          widthMm: input.widthMm ?? null,
          heightMm: input.heightMm ?? null,
          status: input.status ?? 'active',
          backorder: input.backorder ?? false,
          position: position++,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        }),
    );
    ids.push(id);
  }
  await syncProductPrices(ctx, product.id);
  for (const [i, input] of inputs.entries()) {
    const [row] = await ctx.tx
      .select()
      .from(skus)
      .where(eq(skus.id, ids[i] as string));
    // A new SKU has no earlier price to jump from: its store prices are not quarantined.
    for (const [j, sp] of (input.storePrices ?? []).entries())
      await setStorePrice(
        ctx,
        row as SkuRow,
        product.storeIds,
        sp,
        `${prefix}.${i}.storePrices.${j}`,
        Infinity,
      );
  }
  return ids;
}

async function loadSkuRow(ctx: SellerCtx, productId: string, skuId: string): Promise<SkuRow> {
  const [row] = await ctx.tx
    .select()
    .from(skus)
    .where(and(eq(skus.sellerId, ctx.sellerId), eq(skus.productId, productId), eq(skus.id, skuId)));
  if (!row) throw notFound('sku');
  return row;
}

export interface SkuWrite extends Sku {
  /** A price change of this request was held for confirmation. */
  held: boolean;
}

async function afterSkuWrite(ctx: SellerCtx, productId: string) {
  await refreshDerived(ctx, productId);
  await refreshStoreListings(ctx, [productId]);
  await ctx.tx
    .update(products)
    .set({ updatedAt: ctx.now })
    .where(and(eq(products.sellerId, ctx.sellerId), eq(products.id, productId)));
}

export async function addSku(ctx: SellerCtx, productId: string, input: SkuInput): Promise<SkuWrite> {
  const product = await loadProduct(ctx, productId);
  if (product.saleState === 'archived') throw conflict('product_archived');
  const rules = await categoryRules(ctx, product.categoryId);
  // One SKU at a time, so errors point at body.<field>.
  const [id] = await insertSkus(ctx, product, rules, [input], 'body').catch((err: unknown) => {
    throw rebase(err);
  });
  await afterSkuWrite(ctx, productId);
  const [sku] = await loadSkus(ctx, productId, [id as string]);
  await recordAudit(ctx, {
    action: 'sku.created',
    entityType: 'sku',
    entityId: id,
    before: null,
    after: { productId, ...input },
  });
  return { ...(sku as Sku), held: false };
}

/** Paths "body.0.code" of a one-element insert become "body.code". */
function rebase(err: unknown): unknown {
  if (!(err instanceof AppError) || !err.errors) return err;
  for (const e of err.errors) e.path = e.path.replace(/^body\.0(\.|$)/, 'body$1');
  return err;
}

/**
 * Changes a SKU. Prices go through the quarantine check (a held change keeps the old price and is
 * reported with held=true); everything else applies at once.
 */
export async function updateSku(
  ctx: SellerCtx,
  productId: string,
  skuId: string,
  input: UpdateSkuInput,
): Promise<SkuWrite> {
  const product = await loadProduct(ctx, productId);
  if (product.saleState === 'archived') throw conflict('product_archived');
  const sku = await loadSkuRow(ctx, productId, skuId);
  const errors: FieldError[] = [];
  const barcode = input.barcode === undefined ? sku.barcode : input.barcode || null;
  const bad = input.barcode !== undefined ? barcodeProblem(input.barcode, 'body.barcode') : null;
  if (bad) errors.push(bad);
  let options = sku.options;
  const rules = await categoryRules(ctx, product.categoryId);
  if (input.options !== undefined && rules) {
    const checked = checkOptions(rules, input.options, 'body.options');
    errors.push(...checked.errors);
    options = checked.values;
    const key = completeOptionsKey(rules, options);
    if (key && !checked.errors.length) {
      const siblings = await ctx.tx
        .select({ code: skus.code, options: skus.options })
        .from(skus)
        .where(and(eq(skus.productId, productId), ne(skus.id, skuId)));
      const other = siblings.find((s) => completeOptionsKey(rules, s.options) === key);
      if (other) errors.push(fieldError('body.options', 'duplicate_options', { other: other.code }));
    }
  }
  const listPrice = input.listPrice ?? sku.listPrice;
  const salePrice = input.salePrice !== undefined ? input.salePrice : sku.salePrice;
  if (salePrice !== null && salePrice >= listPrice)
    errors.push(fieldError('body.salePrice', 'sale_price_not_below_list'));
  if (errors.length) throw invalid(errors);
  const code = input.code ?? sku.code;
  if (code.toLowerCase() !== sku.code.toLowerCase()) {
    const clash = await ownCodeClash(ctx, code, 'body.code', skuId);
    if (clash) throw clash;
  }
  if (barcode && barcode !== sku.barcode) {
    const clash = await barcodeClash(ctx, barcode, 'body.barcode', skuId);
    if (clash) throw clash;
  }
  const patch = {
    code,
    barcode,
    options,
    weightGrams: input.weightGrams !== undefined ? input.weightGrams : sku.weightGrams,
    lengthMm: input.lengthMm !== undefined ? input.lengthMm : sku.lengthMm,
    widthMm: input.widthMm !== undefined ? input.widthMm : sku.widthMm,
    heightMm: input.heightMm !== undefined ? input.heightMm : sku.heightMm,
    status: input.status ?? sku.status,
    backorder: input.backorder ?? sku.backorder,
  };
  await guardSkuWrite(code, barcode, { code: 'body.code', barcode: 'body.barcode' }, () =>
    ctx.tx
      .update(skus)
      .set({ ...patch, updatedAt: ctx.now })
      .where(and(eq(skus.sellerId, ctx.sellerId), eq(skus.id, skuId))),
  );
  let held = false;
  if (input.listPrice !== undefined || input.salePrice !== undefined) {
    const outcome = await changeBasePrice(ctx, sku, { listPrice, salePrice });
    held ||= outcome.held;
  }
  if (input.storePrices?.length) {
    const [fresh] = await ctx.tx.select().from(skus).where(eq(skus.id, skuId));
    for (const [i, sp] of input.storePrices.entries()) {
      const outcome = await setStorePrice(
        ctx,
        fresh as SkuRow,
        product.storeIds,
        sp,
        `body.storePrices.${i}`,
      );
      held ||= outcome.held;
    }
  }
  await afterSkuWrite(ctx, productId);
  const [after] = await loadSkus(ctx, productId, [skuId]);
  await recordAudit(ctx, {
    action: 'sku.updated',
    entityType: 'sku',
    entityId: skuId,
    before: { ...sku, options: sku.options },
    after: { ...patch, listPrice: after?.listPrice, salePrice: after?.salePrice, held },
  });
  return { ...(after as Sku), held };
}

/**
 * Removes a SKU that was never sold: not while the product has a published copy (deactivate the SKU
 * instead, so orders and stock history keep it) nor while it has stock.
 */
export async function removeSku(ctx: SellerCtx, productId: string, skuId: string): Promise<void> {
  const product = await loadProduct(ctx, productId);
  const sku = await loadSkuRow(ctx, productId, skuId);
  if (product.published) throw conflict('sku_published', { code: sku.code });
  const available = await availableBySku(ctx, [skuId]);
  if ((available.get(skuId) ?? 0) > 0) throw conflict('sku_has_stock', { code: sku.code });
  await ctx.tx.delete(skus).where(and(eq(skus.sellerId, ctx.sellerId), eq(skus.id, skuId)));
  await afterSkuWrite(ctx, productId);
  await recordAudit(ctx, {
    action: 'sku.deleted',
    entityType: 'sku',
    entityId: skuId,
    before: { productId, code: sku.code, barcode: sku.barcode },
    after: null,
  });
}

// Pass 2 of an import: one batch of complete products, written (or, validating, only checked) with the
// catalog's own product, SKU and image services and the inventory's stock adjustment. New products are
// checked with the product service's rules and inserted in bulk; existing ones go through
// updateProduct / updateSku / addSku one product at a time, each in a savepoint so that a product
// with a problem leaves nothing behind.
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { en as zodEn, ru as zodRu, zhCN as zodZh } from 'zod/locales';
import { recordAudit } from '../../../../platform/audit/service';
import { newId } from '../../../../platform/db/ids';
import type { SellerCtx } from '../../../../platform/db/tenant';
import { AppError } from '../../../../platform/http/errors';
import type { Locale } from '../../../../platform/i18n/locale';
import { adjustStock, availableBySku } from '../../../inventory';
import {
  type AttributeValues,
  type Lang,
  type PerLang,
  productHistory,
  productImages,
  products,
  skuPrices,
  skus,
} from '../../schema';
import { checkBarcode } from '../barcodes';
import { checkAttributes, checkOptions, cleanPerLang, LANGS, optionsKey, variantAxes } from '../content';
import type { CategoryRules } from '../deps';
import { refreshDerived } from '../derived';
import { attachImages, uploadImage, uploadProductImage } from '../images';
import { followPrices } from '../pricing';
import { assertEditable, createProductInput, updateProduct, updateProductInput } from '../products';
import { computeQuality } from '../quality';
import { addSku, type SkuInput, updateSku, updateSkuInput } from '../skus';
import { searchTextOf } from '../store-listings';
import { bulkInsert } from './bulk-insert';
import type { AttributeCell, Params } from './cells';
import { parseAttribute, parseOption } from './cells';
import type { MatchedSku } from './plan';
import type { ParsedRow, RowProblem } from './rows';
import { imageNameKey, readZipEntry, type ZipIndex } from './zip';

export interface ApplyEnv {
  /** The batch transaction (valid rows: one per batch; all-or-nothing: the whole import). */
  ctx: SellerCtx;
  importId: string;
  fileName: string;
  /** The category new products are created in (null: the import only updates). */
  rules: CategoryRules | null;
  currency: string;
  /** Stores new products are offered in. */
  storeIds: string[];
  zip: { key: string; index: ZipIndex } | null;
  /** Validate only: decide each row's outcome, write nothing. */
  dryRun: boolean;
  locale: Locale;
  rulesOf: (categoryId: string) => Promise<CategoryRules | null>;
  /** The warehouse new SKUs' stock goes to (the seller's default own warehouse), once known. */
  newStockWarehouse: { id: string | null };
  /** Currencies of the seller's stores by id. */
  storeCurrencies: () => Promise<Map<string, string>>;
}

export interface ProductWork {
  /** The existing product the rows update; null for a new product. */
  productId: string | null;
  rows: ParsedRow[];
  matches: (MatchedSku | undefined)[];
}

export type RowResult = 'created' | 'updated' | 'unchanged' | 'failed';

export interface RowOutcome {
  line: number;
  result: RowResult;
  problems: RowProblem[];
}

/** A product's problems, per row index within the product. */
type Problems = Map<number, RowProblem[]>;

const add = (problems: Problems, row: number, p: RowProblem) => {
  const list = problems.get(row);
  if (list) list.push(p);
  else problems.set(row, [p]);
};

/** Every row of a failed product: its own problems, or "skipped with line N". */
function failedOutcomes(work: ProductWork, problems: Problems): RowOutcome[] {
  const bad = [...problems.keys()].map((i) => work.rows[i]?.line as number).sort((a, b) => a - b);
  return work.rows.map((row, i) => ({
    line: row.line,
    result: 'failed' as const,
    problems: problems.get(i) ?? [
      { column: null, code: 'import_product_skipped', params: { lines: bad.slice(0, 10).join(', ') } },
    ],
  }));
}

export async function applyBatch(env: ApplyEnv, works: ProductWork[]): Promise<RowOutcome[]> {
  const out: RowOutcome[] = [];
  const creates = works.filter((w) => w.productId === null);
  const updates = works.filter((w) => w.productId !== null);
  out.push(...(await createProducts(env, creates)));
  for (const work of updates) out.push(...(await updateExisting(env, work)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Paths of the product and SKU services' errors → template columns

const SKU_PATHS: Record<string, string> = {
  code: 'sku_code',
  barcode: 'barcode',
  listPrice: 'list_price',
  salePrice: 'sale_price',
  weightGrams: 'weight_g',
  lengthMm: 'length_mm',
  widthMm: 'width_mm',
  heightMm: 'height_mm',
  onHand: 'stock',
  quantity: 'stock',
};

/** "body.skus.2.options.color" → { sku: 2, column: "attr.color" }. */
export function columnOfPath(path: string): { sku: number | null; column: string | null } {
  const parts = path
    .replace(/^body\.?/, '')
    .split('.')
    .filter(Boolean);
  let sku: number | null = null;
  if (parts[0] === 'skus' && parts[1] !== undefined && /^\d+$/.test(parts[1])) {
    sku = Number(parts[1]);
    parts.splice(0, 2);
  }
  const [head, next] = parts;
  if (head === undefined) return { sku, column: null };
  if ((head === 'options' || head === 'attributes') && next) return { sku, column: `attr.${next}` };
  if (head === 'title' || head === 'description' || head === 'keywords')
    return {
      sku,
      column: next && (LANGS as readonly string[]).includes(next) ? `${head}.${next}` : `${head}.*`,
    };
  if (head === 'brand') return { sku, column: 'brand' };
  if (head === 'file' || head === 'imageIds' || head === 'images') return { sku, column: 'images' };
  return { sku, column: SKU_PATHS[head] ?? null };
}

const zodLocales = { 'en-US': zodEn(), 'zh-CN': zodZh(), 'ru-RU': zodRu() } as const;

/** A zod issue in the import's language (the error file is written in it). */
function zodReason(issue: z.core.$ZodIssue, locale: Locale): string {
  const localized = zodLocales[locale].localeError?.(issue as never);
  return typeof localized === 'string' ? localized : (localized?.message ?? issue.message);
}

/** An error of a service call → problems on the rows it concerns (`row` when it names no SKU). */
function problemsOfError(
  err: unknown,
  row: number,
  skuRow: (sku: number) => number,
  problems: Problems,
): boolean {
  if (!(err instanceof AppError)) return false;
  if (err.errors?.length) {
    for (const e of err.errors) {
      const { sku, column } = columnOfPath(e.path);
      add(problems, sku === null ? row : skuRow(sku), {
        column,
        code: e.code ?? e.message,
        params: e.params ?? err.params,
      });
    }
  } else add(problems, row, { column: null, code: err.code, params: err.params });
  return true;
}

const pgUnique = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

// ---------------------------------------------------------------------------------------------
// Checks of one row by itself (pass 1): the product and SKU services' input rules on the row's cells

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const nonEmpty = (texts: PerLang) => (Object.keys(texts).length > 0 ? texts : undefined);

function zodProblems(issues: readonly z.core.$ZodIssue[], prefix: string[], locale: Locale): RowProblem[] {
  return issues.map((issue) => ({
    column: columnOfPath([...prefix, ...issue.path.map(String)].join('.')).column,
    code: 'import_invalid_value',
    params: { reason: zodReason(issue, locale) },
  }));
}

/** The problems a row shows by itself, with the same rules the product and SKU forms use. */
export function rowProblems(r: ParsedRow, rules: CategoryRules | null, locale: Locale): RowProblem[] {
  const problems: RowProblem[] = [];
  const sku = defined({
    code: r.sku.code || undefined,
    barcode: r.sku.barcode,
    listPrice: r.sku.listPrice,
    salePrice: r.sku.salePrice,
    weightGrams: r.sku.weightGrams,
    lengthMm: r.sku.lengthMm,
    widthMm: r.sku.widthMm,
    heightMm: r.sku.heightMm,
  });
  const skuParsed = updateSkuInput.safeParse(sku);
  if (!skuParsed.success) problems.push(...zodProblems(skuParsed.error.issues, [], locale));
  if (r.sku.barcode && !problems.some((p) => p.column === 'barcode')) {
    const check = checkBarcode(r.sku.barcode);
    if (!check.ok) problems.push({ column: 'barcode', code: check.reason });
  }
  if (r.sku.listPrice !== undefined && r.sku.salePrice !== undefined && r.sku.salePrice >= r.sku.listPrice)
    problems.push({ column: 'sale_price', code: 'sale_price_not_below_list' });
  const product = defined({
    title: nonEmpty(r.product.title),
    description: nonEmpty(r.product.description),
    keywords: nonEmpty(r.product.keywords),
    brand: r.product.brand,
  });
  const productParsed = updateProductInput.safeParse(product);
  if (!productParsed.success) problems.push(...zodProblems(productParsed.error.issues, [], locale));
  if (rules) {
    const attrs = checkAttributes(rules, r.product.attributes, 'attributes');
    const options = checkOptions(rules, r.sku.options, 'options');
    for (const e of [...attrs.errors, ...options.errors])
      problems.push({ column: columnOfPath(e.path).column, code: e.code ?? e.message, params: e.params });
  }
  return problems;
}

/** Why an existing product cannot take changes now (under review, archived), or null. */
export function notEditable(product: { reviewState: string; saleState: string }): RowProblem | null {
  try {
    assertEditable(product as Parameters<typeof assertEditable>[0]);
    return null;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { column: null, code: err.code, params: err.params };
  }
}

// ---------------------------------------------------------------------------------------------
// New products

interface NewProduct {
  work: ProductWork;
  id: string;
  content: {
    categoryId: string;
    brand: string | null;
    title: PerLang;
    description: PerLang;
    keywords: PerLang;
    attributes: AttributeValues;
    videoUrl: null;
  };
  skus: (SkuInput & { options: Record<string, string> })[];
  imageNames: string[];
  imageIds: string[];
}

/** The product-level values of a product's rows (the first row giving each wins; pass 1 checked they agree). */
function mergeProduct(rows: readonly ParsedRow[]) {
  const title: PerLang = {};
  const description: PerLang = {};
  const keywords: PerLang = {};
  let brand: string | undefined;
  const attributes: Record<string, AttributeCell> = {};
  let images: string[] | undefined;
  for (const r of rows) {
    for (const lang of LANGS) {
      title[lang] ??= r.product.title[lang];
      description[lang] ??= r.product.description[lang];
      keywords[lang] ??= r.product.keywords[lang];
    }
    brand ??= r.product.brand;
    for (const [k, v] of Object.entries(r.product.attributes)) if (!(k in attributes)) attributes[k] = v;
    images ??= r.product.images;
  }
  return { title, description, keywords, brand, attributes, images: images ?? [] };
}

/** The product service's rules for a new product, all problems at once (nothing is written). */
function checkNewProduct(env: ApplyEnv, work: ProductWork, problems: Problems): NewProduct | null {
  const rules = env.rules as CategoryRules;
  const merged = mergeProduct(work.rows);
  const skuInputs = work.rows.map((r) => ({
    code: r.sku.code,
    barcode: r.sku.barcode ?? null,
    options: r.sku.options,
    listPrice: r.sku.listPrice as number,
    salePrice: r.sku.salePrice ?? null,
    weightGrams: r.sku.weightGrams ?? null,
    lengthMm: r.sku.lengthMm ?? null,
    widthMm: r.sku.widthMm ?? null,
    heightMm: r.sku.heightMm ?? null,
  }));
  const input = {
    categoryId: rules.id,
    brand: merged.brand ?? null,
    title: merged.title,
    description: merged.description,
    keywords: merged.keywords,
    attributes: merged.attributes,
    storeIds: env.storeIds,
    skus: skuInputs,
  };
  const parsed = createProductInput.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      if (path[0] === 'storeIds') continue;
      const { sku, column } = columnOfPath(path.join('.'));
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      add(problems, sku ?? 0, {
        column,
        code: missing ? 'import_required' : 'import_invalid_value',
        params: missing ? {} : { reason: zodReason(issue, env.locale) },
      });
    }
  }
  const attrs = checkAttributes(rules, merged.attributes, 'attributes');
  for (const e of attrs.errors)
    add(problems, 0, { column: columnOfPath(e.path).column, code: e.code ?? e.message, params: e.params });
  const combos = new Map<string, string>();
  const axes = variantAxes(rules);
  const options: Record<string, string>[] = [];
  skuInputs.forEach((s, i) => {
    if (s.barcode) {
      const check = checkBarcode(s.barcode);
      if (!check.ok) add(problems, i, { column: 'barcode', code: check.reason });
    }
    if (s.listPrice !== undefined && s.salePrice !== null && s.salePrice >= s.listPrice)
      add(problems, i, { column: 'sale_price', code: 'sale_price_not_below_list' });
    const checked = checkOptions(rules, s.options, 'options');
    for (const e of checked.errors)
      add(problems, i, { column: columnOfPath(e.path).column, code: e.code ?? e.message, params: e.params });
    options.push(checked.values);
    if (axes.length > 0 && axes.every((a) => checked.values[a.key])) {
      const key = optionsKey(checked.values);
      const other = combos.get(key);
      if (other !== undefined)
        add(problems, i, { column: `attr.${axes[0]?.key}`, code: 'duplicate_options', params: { other } });
      else combos.set(key, s.code);
    }
  });
  if (problems.size > 0 || !parsed.success) return null;
  return {
    work,
    id: newId(),
    content: {
      categoryId: rules.id,
      brand: parsed.data.brand?.trim() || null,
      title: cleanPerLang(parsed.data.title),
      description: cleanPerLang(parsed.data.description),
      keywords: cleanPerLang(parsed.data.keywords),
      attributes: attrs.values,
      videoUrl: null,
    },
    skus: (parsed.data.skus ?? []).map((s, i) => ({ ...s, options: options[i] ?? {} })),
    imageNames: merged.images,
    imageIds: [],
  };
}

/** The bytes of a product's image files from the ZIP; problems for names it cannot read. */
async function imageFiles(env: ApplyEnv, names: readonly string[], row: number, problems: Problems) {
  const files: { name: string; data: Buffer }[] = [];
  for (const name of names) {
    const entry = env.zip?.index.entries.get(imageNameKey(name));
    if (!env.zip || !entry) {
      add(problems, row, { column: 'images', code: 'import_image_not_found', params: { name } });
      continue;
    }
    const data = await readZipEntry(env.zip.key, entry);
    if (!data) add(problems, row, { column: 'images', code: 'import_image_unreadable', params: { name } });
    else files.push({ name, data });
  }
  return files;
}

/** Checks every new product, uploads their images, then inserts the good ones in bulk. */
async function createProducts(env: ApplyEnv, works: ProductWork[]): Promise<RowOutcome[]> {
  if (works.length === 0) return [];
  const out: RowOutcome[] = [];
  const ready: NewProduct[] = [];
  for (const work of works) {
    const problems: Problems = new Map();
    const product = checkNewProduct(env, work, problems);
    if (!product) {
      out.push(...failedOutcomes(work, problems));
      continue;
    }
    if (product.imageNames.length > 0 && !env.dryRun) {
      // Unattached uploads first (decoding takes the time); attached once the product exists.
      const files = await imageFiles(env, product.imageNames, 0, problems);
      for (const file of files) {
        try {
          // A savepoint each: a failed image must not abort the batch's transaction.
          const image = await env.ctx.tx.transaction((tx) =>
            uploadImage({ ...env.ctx, tx }, { data: file.data, filename: file.name }),
          );
          product.imageIds.push(image.id);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          add(problems, 0, { column: 'images', code: err.code, params: { ...err.params, name: file.name } });
        }
      }
      if (problems.size > 0) {
        out.push(...failedOutcomes(work, problems));
        continue;
      }
    }
    ready.push(product);
  }
  if (ready.length === 0) return out;
  if (env.dryRun) {
    for (const p of ready)
      for (const row of p.work.rows) out.push({ line: row.line, result: 'created', problems: [] });
    return out;
  }
  try {
    await env.ctx.tx.transaction(async (tx) => insertProducts({ ...env, ctx: { ...env.ctx, tx } }, ready));
    for (const p of ready)
      for (const row of p.work.rows) out.push({ line: row.line, result: 'created', problems: [] });
  } catch (err) {
    if (!(err instanceof AppError) && !pgUnique(err)) throw err;
    // Something only the database could tell (a barcode taken a moment ago, no warehouse for the
    // stock): product by product, so the others still go in.
    for (const p of ready) {
      p.id = newId();
      try {
        await env.ctx.tx.transaction(async (tx) => insertProducts({ ...env, ctx: { ...env.ctx, tx } }, [p]));
        for (const row of p.work.rows) out.push({ line: row.line, result: 'created', problems: [] });
      } catch (one) {
        const problems: Problems = new Map();
        if (pgUnique(one)) add(problems, 0, { column: 'barcode', code: 'import_taken_meanwhile' });
        else if (!problemsOfError(one, 0, (i) => i, problems)) throw one;
        out.push(...failedOutcomes(p.work, problems));
      }
    }
  }
  return out;
}

/** Multi-row inserts of products, their history and SKUs; then prices, images and stock. */
async function insertProducts(env: ApplyEnv, list: NewProduct[]): Promise<void> {
  const { ctx } = env;
  const rules = env.rules as CategoryRules;
  const skuRows = list.flatMap((p) =>
    p.skus.map((s, position) => ({
      id: newId(),
      sellerId: ctx.sellerId,
      productId: p.id,
      code: s.code,
      barcode: s.barcode || null,
      options: s.options,
      currency: env.currency,
      listPrice: s.listPrice,
      salePrice: s.salePrice ?? null,
      weightGrams: s.weightGrams ?? null,
      lengthMm: s.lengthMm ?? null,
      widthMm: s.widthMm ?? null,
      heightMm: s.heightMm ?? null,
      status: s.status ?? ('active' as const),
      backorder: s.backorder ?? false,
      position,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })),
  );
  const productRows = list.map((p) => {
    const quality = computeQuality({
      content: p.content,
      imageCount: p.imageIds.length,
      rules,
      skus: skuRows.filter((s) => s.productId === p.id),
    });
    return {
      id: p.id,
      sellerId: ctx.sellerId,
      ...p.content,
      storeIds: env.storeIds,
      searchText: searchTextOf(p.content),
      qualityScore: quality.score,
      qualityHints: quality.hints,
      createdBy: ctx.actor.id,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
  });
  const numbers = (await bulkInsert(ctx.tx, products, productRows, {
    returning: [products.id, products.number],
  })) as {
    id: string;
    number: number | string;
  }[];
  // The first history row of each product (as createProduct writes it through recordHistory).
  await bulkInsert(
    ctx.tx,
    productHistory,
    list.map((p) => ({
      id: newId(),
      sellerId: ctx.sellerId,
      productId: p.id,
      field: 'review_state' as const,
      fromState: null,
      toState: 'draft',
      reason: null,
      actorId: ctx.actor.id,
      actorKind: ctx.actor.kind,
      createdAt: ctx.now,
    })),
  );
  await bulkInsert(ctx.tx, skus, skuRows);
  await insertFollowPrices(env, skuRows);
  for (const p of list) {
    if (p.imageIds.length === 0) continue;
    await attachImages(ctx, p.id, p.imageIds, 'images');
    await refreshDerived(ctx, p.id, rules);
  }
  const skuIdByCode = new Map(skuRows.map((s) => [s.code.toLowerCase(), s]));
  for (const p of list) {
    for (const row of p.work.rows) {
      if (row.sku.stock === undefined || row.sku.stock === 0) continue;
      const sku = skuIdByCode.get(row.sku.code.toLowerCase());
      if (!sku) continue;
      await stockCount(env, sku.id, p.id, row.sku.stock, true);
    }
  }
  const byId = new Map(numbers.map((n) => [n.id, Number(n.number)]));
  await recordAudit(ctx, {
    action: 'product.imported',
    entityType: 'import',
    entityId: env.importId,
    before: null,
    after: {
      file: env.fileName,
      products: list.map((p) => ({ id: p.id, number: byId.get(p.id), skus: p.skus.map((s) => s.code) })),
    },
  });
}

/** Sets the SKU's count in the seller's own warehouse (a count correction in the stock ledger). */
/**
 * Store prices of new SKUs: each store of the product follows the base price (what the pricing
 * service's syncProductPrices adds for SKUs without price rows), converted and rounded by its
 * followPrices, one conversion per distinct price; then one multi-row insert.
 */
async function insertFollowPrices(
  env: ApplyEnv,
  skuRows: { id: string; listPrice: number; salePrice: number | null; currency: string }[],
) {
  if (env.storeIds.length === 0 || skuRows.length === 0) return;
  const { ctx } = env;
  const currencyOf = await env.storeCurrencies();
  const converted = new Map<string, Promise<{ listPrice: number; salePrice: number | null }>>();
  const rows: (typeof skuPrices.$inferInsert)[] = [];
  for (const storeId of env.storeIds) {
    const currency = currencyOf.get(storeId);
    if (!currency) continue;
    for (const sku of skuRows) {
      const key = `${sku.currency}:${sku.listPrice}:${sku.salePrice}:${currency}`;
      let prices = converted.get(key);
      if (!prices) {
        prices = followPrices(ctx, sku, currency);
        converted.set(key, prices);
      }
      rows.push({
        skuId: sku.id,
        storeId,
        sellerId: ctx.sellerId,
        currency,
        mode: 'follow',
        ...(await prices),
        updatedAt: ctx.now,
      });
    }
  }
  await bulkInsert(ctx.tx, skuPrices, rows);
}

/**
 * Sets the SKU's count in the seller's own warehouse (a count correction in the stock ledger). A new
 * SKU has no stock anywhere, so its warehouse is the seller's default one: found by the first count
 * of the import and passed on to the others.
 */
async function stockCount(env: ApplyEnv, skuId: string, productId: string, onHand: number, isNew = false) {
  const result = await adjustStock(env.ctx, {
    skuId,
    productId,
    onHand,
    ...(isNew && env.newStockWarehouse.id ? { warehouseId: env.newStockWarehouse.id } : {}),
    reason: 'count_correction',
    note: `import: ${env.fileName}`.slice(0, 500),
    refType: 'import',
    refId: env.importId,
  });
  if (isNew) env.newStockWarehouse.id ??= result.warehouseId;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Existing products

type ProductRow = typeof products.$inferSelect;
type SkuRow = typeof skus.$inferSelect;

const samePerLang = (a: PerLang, b: PerLang) => LANGS.every((l) => (a[l] ?? '') === (b[l] ?? ''));
const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The product's attribute cells typed by its own category (files without a category give raw text). */
function productAttributes(
  work: ProductWork,
  rules: CategoryRules | null,
  sameCategory: boolean,
  problems: Problems,
): { product: Record<string, AttributeCell>; options: Record<string, string>[] } {
  const product: Record<string, AttributeCell> = {};
  const options: Record<string, string>[] = work.rows.map(() => ({}));
  const byKey = new Map((rules?.attributes ?? []).map((a) => [a.key, a]));
  work.rows.forEach((row, i) => {
    const typed = Object.entries(row.product.attributes).map(([k, v]) => [k, v] as const);
    if (typed.length > 0 || Object.keys(row.sku.options).length > 0) {
      if (!sameCategory) {
        for (const [k] of typed) add(problems, i, { column: `attr.${k}`, code: 'import_other_category' });
        for (const k of Object.keys(row.sku.options))
          add(problems, i, { column: `attr.${k}`, code: 'import_other_category' });
      } else {
        for (const [k, v] of typed) if (!(k in product)) product[k] = v;
        Object.assign(options[i] as Record<string, string>, row.sku.options);
      }
    }
    for (const [key, text] of Object.entries(row.looseAttributes)) {
      const rule = byKey.get(key);
      if (!rule) {
        add(problems, i, { column: `attr.${key}`, code: 'attribute_unknown', params: { key } });
        continue;
      }
      const parsed = rule.variant ? parseOption(rule, text) : parseAttribute(rule, text);
      if (!parsed.ok)
        add(problems, i, { column: `attr.${key}`, code: parsed.code, params: parsed.params as Params });
      else if (rule.variant) (options[i] as Record<string, string>)[key] = String(parsed.value);
      else if (key in product && !sameValue(product[key], parsed.value))
        add(problems, i, {
          column: `attr.${key}`,
          code: 'import_product_value_differs',
          params: { line: work.rows[0]?.line ?? 0 },
        });
      else product[key] = parsed.value;
    }
  });
  return { product, options };
}

/** One existing product: its changes through the product, SKU, image and stock services, in a savepoint. */
async function updateExisting(env: ApplyEnv, work: ProductWork): Promise<RowOutcome[]> {
  const productId = work.productId as string;
  const problems: Problems = new Map();
  try {
    const results = await env.ctx.tx.transaction(async (tx) => {
      const ctx = { ...env.ctx, tx };
      const out = await updateOne({ ...env, ctx }, work, productId, problems);
      // Validating writes nothing: the savepoint is rolled back either way.
      if (problems.size > 0 || env.dryRun) throw new RollBack(out);
      return out;
    });
    return work.rows.map((row, i) => ({ line: row.line, result: results[i] as RowResult, problems: [] }));
  } catch (err) {
    if (err instanceof RollBack && problems.size === 0)
      return work.rows.map((row, i) => ({
        line: row.line,
        result: err.results[i] as RowResult,
        problems: [],
      }));
    if (!(err instanceof RollBack)) {
      const skuRow = (sku: number) => sku;
      if (!problemsOfError(err, 0, skuRow, problems)) {
        if (!pgUnique(err)) throw err;
        add(problems, 0, { column: 'barcode', code: 'import_taken_meanwhile' });
      }
    }
    return failedOutcomes(work, problems);
  }
}

class RollBack extends Error {
  constructor(readonly results: RowResult[]) {
    super('rollback');
  }
}

async function updateOne(
  env: ApplyEnv,
  work: ProductWork,
  productId: string,
  problems: Problems,
): Promise<RowResult[]> {
  const { ctx } = env;
  const [row] = await ctx.tx
    .select()
    .from(products)
    .where(and(eq(products.sellerId, ctx.sellerId), eq(products.id, productId)));
  if (!row) {
    add(problems, 0, { column: 'sku_code', code: 'not_found', params: { entity: 'product' } });
    return [];
  }
  const rules = await env.rulesOf(row.categoryId);
  const sameCategory = env.rules === null || env.rules.id === row.categoryId;
  const attrs = productAttributes(work, rules, sameCategory, problems);
  if (problems.size > 0) return [];
  const results: RowResult[] = work.rows.map(() => 'unchanged');
  const productChanged = await updateProductFields(env, work, row, attrs.product);
  const skuIds = work.matches.filter((m): m is MatchedSku => !!m).map((m) => m.id);
  const skuRows = skuIds.length
    ? await ctx.tx
        .select()
        .from(skus)
        .where(and(eq(skus.sellerId, ctx.sellerId), inArray(skus.id, skuIds)))
    : [];
  const byId = new Map(skuRows.map((s) => [s.id, s]));
  const rowSku = new Map<number, string>();
  for (const [i, r] of work.rows.entries()) {
    const match = work.matches[i];
    const options = attrs.options[i] as Record<string, string>;
    try {
      if (!match) {
        const input = newSkuInput(r, options);
        if (input.listPrice === undefined) {
          add(problems, i, { column: 'list_price', code: 'import_required' });
          continue;
        }
        if (!env.dryRun) {
          const created = await addSku(ctx, productId, input as SkuInput);
          rowSku.set(i, created.id);
        }
        results[i] = 'created';
        continue;
      }
      const sku = byId.get(match.id) as SkuRow;
      rowSku.set(i, sku.id);
      const patch = skuPatch(r, options, sku);
      if (Object.keys(patch).length > 0) {
        if (!env.dryRun) await updateSku(ctx, productId, sku.id, patch);
        results[i] = 'updated';
      }
    } catch (err) {
      // The savepoint may be aborted by a failed statement: stop here, it is rolled back.
      if (!problemsOfError(err, i, () => i, problems)) throw err;
      return results;
    }
  }
  if (problems.size > 0) return results;
  const imagesChanged = await updateImages(env, work, productId, problems);
  if (problems.size > 0) return results;
  for (const [i, r] of work.rows.entries()) {
    if (r.sku.stock === undefined) continue;
    const skuId = rowSku.get(i);
    if (!skuId) continue;
    try {
      if (env.dryRun) {
        if (results[i] === 'unchanged' && (await currentOnHand(env, skuId)) !== r.sku.stock)
          results[i] = 'updated';
        continue;
      }
      const adjusted = await stockCount(env, skuId, productId, r.sku.stock);
      if (adjusted.onHandDelta !== 0 && results[i] === 'unchanged') results[i] = 'updated';
    } catch (err) {
      if (!problemsOfError(err, i, () => i, problems)) throw err;
      for (const p of problems.get(i) ?? []) p.column ??= 'stock';
      return results;
    }
  }
  // A product-level change counts for the rows that gave product values.
  if (productChanged || imagesChanged)
    return results.map((r, i) =>
      r === 'unchanged' &&
      ((work.rows[i]?.productCells.length ?? 0) > 0 ||
        Object.keys(work.rows[i]?.looseAttributes ?? {}).length > 0)
        ? 'updated'
        : r,
    );
  return results;
}

/** The SKU input of a new SKU added to an existing product. */
function newSkuInput(r: ParsedRow, options: Record<string, string>) {
  return {
    code: r.sku.code,
    barcode: r.sku.barcode ?? null,
    options,
    listPrice: r.sku.listPrice,
    salePrice: r.sku.salePrice ?? null,
    weightGrams: r.sku.weightGrams ?? null,
    lengthMm: r.sku.lengthMm ?? null,
    widthMm: r.sku.widthMm ?? null,
    heightMm: r.sku.heightMm ?? null,
  };
}

/** Only what the row gives and differs from the SKU (empty cells leave a field as it is). */
function skuPatch(r: ParsedRow, options: Record<string, string>, sku: SkuRow) {
  const patch: Partial<SkuInput> = {};
  if (r.sku.barcode !== undefined && r.sku.barcode !== (sku.barcode ?? '')) patch.barcode = r.sku.barcode;
  const mergedOptions = { ...sku.options, ...options };
  if (!sameValue(Object.entries(mergedOptions).sort(), Object.entries(sku.options).sort()))
    patch.options = mergedOptions;
  if (r.sku.listPrice !== undefined && r.sku.listPrice !== sku.listPrice) patch.listPrice = r.sku.listPrice;
  if (r.sku.salePrice !== undefined && r.sku.salePrice !== sku.salePrice) patch.salePrice = r.sku.salePrice;
  // A new list price below the old sale price needs both sent, so the pair is checked as a whole.
  if (patch.listPrice !== undefined && patch.salePrice === undefined && sku.salePrice !== null)
    patch.salePrice = sku.salePrice;
  if (r.sku.weightGrams !== undefined && r.sku.weightGrams !== sku.weightGrams)
    patch.weightGrams = r.sku.weightGrams;
  if (r.sku.lengthMm !== undefined && r.sku.lengthMm !== sku.lengthMm) patch.lengthMm = r.sku.lengthMm;
  if (r.sku.widthMm !== undefined && r.sku.widthMm !== sku.widthMm) patch.widthMm = r.sku.widthMm;
  if (r.sku.heightMm !== undefined && r.sku.heightMm !== sku.heightMm) patch.heightMm = r.sku.heightMm;
  return patch;
}

/** Texts, brand and attributes the rows give that differ from the working copy; true when changed. */
async function updateProductFields(
  env: ApplyEnv,
  work: ProductWork,
  row: ProductRow,
  attributes: Record<string, AttributeCell>,
): Promise<boolean> {
  const merged = mergeProduct(work.rows);
  const patch: Record<string, unknown> = {};
  const texts = (given: PerLang, current: PerLang): PerLang | null => {
    const next: PerLang = { ...current };
    for (const lang of LANGS) if (given[lang] !== undefined) next[lang as Lang] = given[lang];
    return samePerLang(next, current) ? null : next;
  };
  const title = texts(merged.title, row.title);
  if (title) patch.title = title;
  const description = texts(merged.description, row.description);
  if (description) patch.description = description;
  const keywords = texts(merged.keywords, row.keywords);
  if (keywords) patch.keywords = keywords;
  if (merged.brand !== undefined && merged.brand !== (row.brand ?? '')) patch.brand = merged.brand;
  const nextAttributes = { ...row.attributes, ...attributes };
  if (!sameValue(nextAttributes, row.attributes)) patch.attributes = nextAttributes;
  if (Object.keys(patch).length === 0) return false;
  if (!env.dryRun) await updateProduct(env.ctx, row.id, patch);
  return true;
}

/** Image files of the rows that the product does not have yet (the image service skips the same file). */
async function updateImages(
  env: ApplyEnv,
  work: ProductWork,
  productId: string,
  problems: Problems,
): Promise<boolean> {
  const names = mergeProduct(work.rows).images;
  if (names.length === 0) return false;
  const existing = await env.ctx.tx
    .select({ name: productImages.originalName })
    .from(productImages)
    .where(and(eq(productImages.sellerId, env.ctx.sellerId), eq(productImages.productId, productId)));
  const have = new Set(existing.map((e) => imageNameKey(e.name ?? '')));
  const wanted = names.filter((n) => !have.has(imageNameKey(n)));
  if (wanted.length === 0) return false;
  if (env.dryRun) return true;
  let changed = false;
  for (const file of await imageFiles(env, wanted, 0, problems)) {
    try {
      const { created } = await uploadProductImage(env.ctx, productId, {
        data: file.data,
        filename: file.name,
      });
      changed ||= created;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      add(problems, 0, { column: 'images', code: err.code, params: { ...err.params, name: file.name } });
    }
  }
  return changed;
}

/** Units of the SKU available now: what validating compares a stock cell with (nothing is written). */
async function currentOnHand(env: ApplyEnv, skuId: string): Promise<number> {
  const available = await availableBySku(env.ctx, [skuId]);
  return available.get(skuId) ?? 0;
}

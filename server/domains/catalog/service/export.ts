// Export of products and SKUs with the product list's filters, as CSV or XLSX in the import template's
// layout: edited and uploaded again (without a category), it updates the same SKUs.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { newId } from '../../../platform/db/ids';
import type { SellerCtx } from '../../../platform/db/tenant';
import { encodeCursor } from '../../../platform/http/pagination';
import type { Locale } from '../../../platform/i18n/locale';
import { translate } from '../../../platform/i18n/translate';
import { CURRENCIES } from '../../../platform/money/currencies';
import { type AttributeValues, products, skus } from '../schema';
import type { LANGS } from './content';
import {
  availableBySku,
  type CategoryRules,
  categoryRules,
  categorySubtreeIds,
  stockStateFilter,
} from './deps';
import { type ColumnDef, columnName, type InfoKey, infoColumn, templateColumns } from './import/columns';
import { csvWriter, type SheetWriter, xlsxWriter } from './import/sheet-writer';
import { productListPage, productListQuery } from './product-list';

/** The product list's filters and sort (without paging). */
export const exportQuery = productListQuery.omit({ limit: true, cursor: true });
export type ExportQuery = z.infer<typeof exportQuery>;

type AttributeRule = CategoryRules['attributes'][number];
type ProductRow = typeof products.$inferSelect;
type SkuRow = typeof skus.$inferSelect;

/** At most this many products in one export (a bigger catalogue is exported by category or store). */
export const EXPORT_MAX_PRODUCTS = 100_000;
const PAGE = 500;

const INFO_FIRST: InfoKey[] = ['product_number', 'category', 'review_state', 'sale_state'];
const INFO_SKU: InfoKey[] = ['sku_status', 'currency', 'available'];

/** Export columns: facts first, then the template's columns (attributes of every exported category). */
function exportColumns(rulesList: CategoryRules[]): ColumnDef[] {
  const attributes = new Map<string, AttributeRule>();
  for (const rules of rulesList)
    for (const a of rules.attributes) if (!attributes.has(a.key)) attributes.set(a.key, a);
  const merged = {
    requiredLanguages: [],
    attributes: [...attributes.values()].map((a) => ({ ...a, required: false })),
  } as unknown as CategoryRules;
  const base = templateColumns(merged)
    .filter((c) => c.field !== 'stock' && c.field !== 'images')
    .map((c) => ({ ...c, required: false }));
  const at = base.findIndex((c) => c.field === 'list_price');
  return [
    ...INFO_FIRST.map(infoColumn),
    ...base.slice(0, at + 2),
    ...INFO_SKU.map(infoColumn),
    ...base.slice(at + 2),
  ];
}

/** Attribute value → what a seller reads (option names in their language; yes/no). */
function attributeText(rule: AttributeRule | undefined, value: unknown, locale: Locale): string | number {
  if (value === null || value === undefined) return '';
  const optionName = (v: string) => {
    const o = rule?.options.find((x) => x.value === v);
    return o ? (o.names[locale] ?? o.names['en-US'] ?? o.value) : v;
  };
  if (Array.isArray(value)) return value.map((v) => optionName(String(v))).join('; ');
  if (typeof value === 'boolean') return translate(locale, value ? 'import.yes' : 'import.no');
  if (rule?.type === 'boolean' && (value === 'true' || value === 'false'))
    return translate(locale, value === 'true' ? 'import.yes' : 'import.no');
  if (typeof value === 'number') return value;
  return rule?.type === 'enum' || rule?.type === 'multi_enum' ? optionName(String(value)) : String(value);
}

/** Minor units → "199.90" (exact, no floating point). */
export function majorText(minor: number, minorUnits: number): string {
  if (minorUnits === 0) return String(minor);
  const s = String(Math.abs(minor)).padStart(minorUnits + 1, '0');
  return `${minor < 0 ? '-' : ''}${s.slice(0, -minorUnits)}.${s.slice(-minorUnits)}`;
}

export interface ExportFile {
  key: string;
  name: string;
  mime: string;
}

/** Ids (and categories) of the products the list shows with these filters, in its order. */
async function selectedProducts(ctx: SellerCtx, q: ExportQuery) {
  const subtree = q.categoryId ? await categorySubtreeIds(ctx, q.categoryId) : null;
  const stock = q.stock ? stockStateFilter(q.stock, products.id) : undefined;
  const out: { id: string; categoryId: string }[] = [];
  let cursor: string | undefined;
  for (;;) {
    const rows = await productListPage(
      ctx,
      { ...q, limit: PAGE, cursor },
      { subtree, stock, locale: ctx.locale },
    );
    const page = rows.slice(0, PAGE);
    for (const r of page) out.push({ id: r.product.id, categoryId: r.product.categoryId });
    if (rows.length <= PAGE || out.length >= EXPORT_MAX_PRODUCTS) break;
    const last = page.at(-1);
    if (!last) break;
    const value = last.sortValue instanceof Date ? last.sortValue.toISOString() : last.sortValue;
    cursor = encodeCursor([value as string | number, last.product.id]);
  }
  return out.slice(0, EXPORT_MAX_PRODUCTS);
}

/**
 * Writes the export to a file (streamed row by row) and returns it; the caller sends it and removes it.
 * One row per SKU; product columns repeat on each row; `product_key` is the product number.
 */
export async function exportProducts(
  ctx: SellerCtx,
  format: 'csv' | 'xlsx',
  q: ExportQuery,
): Promise<ExportFile> {
  const selected = await selectedProducts(ctx, q);
  const categoryIds = [...new Set(selected.map((s) => s.categoryId))];
  const rulesById = new Map<string, CategoryRules>();
  for (const id of categoryIds) {
    const rules = await categoryRules(ctx, id);
    if (rules) rulesById.set(id, rules);
  }
  const columns = exportColumns([...rulesById.values()]);
  const locale = ctx.locale;
  const key = `${ctx.sellerId}/exports/${newId()}.${format}`;
  const textColumns = columns.flatMap((c, i) =>
    ['product_key', 'sku_code', 'barcode'].includes(c.field) ? [i] : [],
  );
  const writer: SheetWriter =
    format === 'csv'
      ? await csvWriter(key)
      : await xlsxWriter(key, {
          sheetName: translate(locale, 'import.sheet.products'),
          widths: columns.map((c) => (c.field === 'description' ? 40 : 16)),
          textColumns,
        });
  writer.header(
    columns.map((c) => columnName(c, locale)),
    columns.map((c) => c.key),
  );
  try {
    for (let i = 0; i < selected.length; i += PAGE) {
      const ids = selected.slice(i, i + PAGE).map((s) => s.id);
      const productRows = await ctx.tx
        .select()
        .from(products)
        .where(and(eq(products.sellerId, ctx.sellerId), inArray(products.id, ids)));
      const skuRows = await ctx.tx
        .select()
        .from(skus)
        .where(and(eq(skus.sellerId, ctx.sellerId), inArray(skus.productId, ids)))
        .orderBy(asc(skus.productId), asc(skus.position), asc(skus.createdAt));
      const available = await availableBySku(
        ctx,
        skuRows.map((s) => s.id),
      );
      const byId = new Map(productRows.map((p) => [p.id, p]));
      const skusOf = new Map<string, SkuRow[]>();
      for (const s of skuRows) skusOf.set(s.productId, [...(skusOf.get(s.productId) ?? []), s]);
      for (const id of ids) {
        const product = byId.get(id);
        if (!product) continue;
        const rules = rulesById.get(product.categoryId);
        for (const sku of skusOf.get(id) ?? []) {
          await writer.row(columns.map((c) => cellOf(c, product, sku, rules, available, locale, format)));
        }
      }
    }
  } finally {
    await writer.close();
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    key,
    name: `${translate(locale, 'import.file.export')}-${stamp}.${format}`,
    mime:
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

function cellOf(
  col: ColumnDef,
  product: ProductRow,
  sku: SkuRow,
  rules: CategoryRules | undefined,
  available: Map<string, number>,
  locale: Locale,
  format: 'csv' | 'xlsx',
): string | number | null {
  const minorUnits = CURRENCIES[sku.currency]?.minorUnits ?? 2;
  const money = (v: number | null) =>
    v === null ? null : format === 'csv' ? majorText(v, minorUnits) : v / 10 ** minorUnits;
  switch (col.field) {
    case 'info':
      return infoCell(col.key as InfoKey, product, sku, rules, available, locale);
    case 'product_key':
      return String(product.number);
    case 'title':
    case 'description':
    case 'keywords':
      return product[col.field][col.lang as (typeof LANGS)[number]] ?? null;
    case 'brand':
      return product.brand;
    case 'attribute': {
      const key = col.attributeKey as string;
      const rule = rules?.attributes.find((a) => a.key === key);
      if (rule?.variant || (!rule && key in sku.options))
        return attributeText(rule, sku.options[key], locale);
      return attributeText(rule, (product.attributes as AttributeValues)[key], locale);
    }
    case 'sku_code':
      return sku.code;
    case 'barcode':
      return sku.barcode;
    case 'list_price':
      return money(sku.listPrice);
    case 'sale_price':
      return money(sku.salePrice);
    case 'weight_g':
      return sku.weightGrams;
    case 'length_mm':
      return sku.lengthMm;
    case 'width_mm':
      return sku.widthMm;
    case 'height_mm':
      return sku.heightMm;
    default:
      return null;
  }
}

function infoCell(
  key: InfoKey,
  product: ProductRow,
  sku: SkuRow,
  rules: CategoryRules | undefined,
  available: Map<string, number>,
  locale: Locale,
): string | number | null {
  switch (key) {
    case 'product_number':
      return product.number;
    case 'category':
      return rules ? (rules.names[locale] ?? rules.names['en-US'] ?? rules.slug) : null;
    case 'review_state':
      return translate(locale, `import.review_state.${product.reviewState}`);
    case 'sale_state':
      return translate(locale, `import.sale_state.${product.saleState}`);
    case 'sku_status':
      return translate(locale, `import.sku_status.${sku.status}`);
    case 'currency':
      return sku.currency;
    case 'available':
      return available.get(sku.id) ?? 0;
    default:
      return null;
  }
}

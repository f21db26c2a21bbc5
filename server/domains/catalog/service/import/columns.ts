// The columns of the bulk template, shared by the template, the import, the error file and the export.
import type { Locale } from '../../../../platform/i18n/locale';
import { LOCALES } from '../../../../platform/i18n/locale';
import { translate } from '../../../../platform/i18n/translate';
import type { Lang } from '../../schema';
import type { CategoryRules } from '../deps';

type AttributeRule = CategoryRules['attributes'][number];

/** What a column holds. */
export type ColumnField =
  | 'product_key'
  | 'title'
  | 'description'
  | 'keywords'
  | 'brand'
  | 'attribute'
  | 'sku_code'
  | 'barcode'
  | 'list_price'
  | 'sale_price'
  | 'stock'
  | 'weight_g'
  | 'length_mm'
  | 'width_mm'
  | 'height_mm'
  | 'images'
  /** Export-only facts, accepted and ignored on upload (an export can be edited and uploaded again). */
  | 'info';

export interface ColumnDef {
  /** Stable key: the CSV header and the XLSX hidden key row (`title.en-US`, `attr.color`). */
  key: string;
  field: ColumnField;
  lang?: Lang;
  /** The attribute of an `attr.<key>` column; absent when the key came from a file without a category. */
  attribute?: AttributeRule;
  attributeKey?: string;
  /** Product-level values repeat on (or are given once for) all rows of a product; SKU-level ones vary. */
  level: 'product' | 'sku' | 'info';
  /** Needed to create a product in the category (marked with * in the template). */
  required: boolean;
}

/** Columns with their fixed keys, in template order; attributes go between brand and the SKU columns. */
const TEXT_FIELDS = ['title', 'description', 'keywords'] as const;
const SKU_FIELDS = [
  'sku_code',
  'barcode',
  'list_price',
  'sale_price',
  'stock',
  'weight_g',
  'length_mm',
  'width_mm',
  'height_mm',
] as const;

/** Read-only columns of exports (and the two columns error files add). */
export const INFO_KEYS = [
  'product_number',
  'category',
  'review_state',
  'sale_state',
  'sku_status',
  'currency',
  'available',
  'line',
  'problems',
] as const;
export type InfoKey = (typeof INFO_KEYS)[number];

export const ATTRIBUTE_PREFIX = 'attr.';

/** The template's columns for a category (or the fixed columns only, without one). */
export function templateColumns(rules: CategoryRules | null): ColumnDef[] {
  const required = new Set(rules?.requiredLanguages ?? []);
  const cols: ColumnDef[] = [{ key: 'product_key', field: 'product_key', level: 'product', required: true }];
  for (const field of TEXT_FIELDS) {
    for (const lang of LOCALES) {
      cols.push({
        key: `${field}.${lang}`,
        field,
        lang,
        level: 'product',
        required: field !== 'keywords' && required.has(lang),
      });
    }
  }
  cols.push({ key: 'brand', field: 'brand', level: 'product', required: false });
  const attributes = [...(rules?.attributes ?? [])].sort((a, b) => a.position - b.position);
  // Variant axes first: they are what tells the rows of one product apart.
  for (const attribute of [...attributes.filter((a) => a.variant), ...attributes.filter((a) => !a.variant)]) {
    cols.push({
      key: `${ATTRIBUTE_PREFIX}${attribute.key}`,
      field: 'attribute',
      attribute,
      attributeKey: attribute.key,
      level: attribute.variant ? 'sku' : 'product',
      required: attribute.required || attribute.variant,
    });
  }
  for (const field of SKU_FIELDS) {
    cols.push({ key: field, field, level: 'sku', required: field === 'sku_code' || field === 'list_price' });
  }
  cols.push({ key: 'images', field: 'images', level: 'product', required: false });
  return cols;
}

export const infoColumn = (key: InfoKey): ColumnDef => ({
  key,
  field: 'info',
  level: 'info',
  required: false,
});

const LANG_NAME_KEY = (lang: Lang) => `import.lang.${lang}`;

/** The column's header in a language: "Title (English)*", "Colour", "Weight, g". */
export function columnName(col: ColumnDef, locale: Locale, marks = true): string {
  let name: string;
  if (col.field === 'attribute') {
    const a = col.attribute;
    name = a ? (a.names[locale] ?? a.names['en-US'] ?? a.key) : (col.attributeKey ?? col.key);
    if (a?.unit) name = `${name}, ${a.unit}`;
  } else if (col.lang) {
    name = translate(locale, `import.column.${col.field}`, {
      lang: translate(locale, LANG_NAME_KEY(col.lang)),
    });
  } else {
    name = translate(locale, `import.column.${col.field === 'info' ? col.key : col.field}`);
  }
  return marks && col.required ? `${name}*` : name;
}

/** One header cell as written by a person: case, width, spaces and the required mark do not matter. */
export const normalizeHeader = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[*＊]+\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Looks up header cells by key or by the column's name in any console language. */
export function headerIndex(columns: readonly ColumnDef[]): Map<string, ColumnDef> {
  const index = new Map<string, ColumnDef>();
  const all = [...columns, ...INFO_KEYS.map(infoColumn)];
  for (const col of all) index.set(normalizeHeader(col.key), col);
  for (const col of all) {
    for (const locale of LOCALES) {
      const name = normalizeHeader(columnName(col, locale, false));
      if (!index.has(name)) index.set(name, col);
    }
  }
  return index;
}

/** An `attr.<key>` column met in a file imported without a category: checked per product later. */
export function looseAttributeColumn(key: string): ColumnDef | null {
  const attributeKey = key.slice(ATTRIBUTE_PREFIX.length);
  if (!key.startsWith(ATTRIBUTE_PREFIX) || !/^[a-z0-9_]{1,50}$/.test(attributeKey)) return null;
  // Variant or not is known only from the product's category; per row is the safe reading.
  return { key, field: 'attribute', attributeKey, level: 'sku', required: false };
}

// The header of an upload (which column is which) and each data row read into product and SKU values.
import type { Lang, PerLang } from '../../schema';
import type { CategoryRules } from '../deps';
import {
  type AttributeCell,
  type Params,
  parseAttribute,
  parseMoney,
  parseOption,
  parseWhole,
  splitList,
} from './cells';
import {
  type ColumnDef,
  headerIndex,
  looseAttributeColumn,
  normalizeHeader,
  templateColumns,
} from './columns';
import { isBlankRow, type SheetRow } from './source';

export interface RowProblem {
  /** The column key the problem is in (null: the row as a whole). */
  column: string | null;
  code: string;
  params?: Params;
}

export interface HeaderProblem {
  code:
    | 'import_missing_columns'
    | 'import_unknown_columns'
    | 'import_duplicate_columns'
    | 'import_file_empty';
  columns: string[];
}

export interface Header {
  /** Per cell position: its column, or null for an ignored blank header cell. */
  columns: (ColumnDef | null)[];
  /** Rows up to and including this line are header rows. */
  lastHeaderLine: number;
  /** The cells of the header rows, for the error file. */
  headerRows: string[][];
  /** `#category=<id>` in the key row of our XLSX template. */
  categoryHint: string | null;
  problems: HeaderProblem[];
}

const CATEGORY_DIRECTIVE = /^#category=([0-9a-f-]{36})$/i;

/**
 * Reads the header from the first rows: a row of keys or of column names (any console language),
 * or our XLSX layout (names, then the hidden key row). Unknown, duplicate and missing columns are
 * all reported at once. `mode` says which columns must be there: creating products in a category
 * needs the template's required columns; an update-only file needs a SKU code or barcode column.
 */
export function readHeader(rows: readonly SheetRow[], rules: CategoryRules | null): Header {
  const columns = templateColumns(rules);
  const index = headerIndex(columns);
  const nonBlank = rows.filter((r) => !isBlankRow(r.cells));
  const first = nonBlank[0];
  if (!first)
    return {
      columns: [],
      lastHeaderLine: 0,
      headerRows: [],
      categoryHint: null,
      problems: [{ code: 'import_file_empty', columns: [] }],
    };
  const headerRows = [first.cells];
  let keyRow = first;
  let lastHeaderLine = first.line;
  let categoryHint: string | null = null;
  const second = nonBlank[1];
  if (second && isKeyRow(second.cells, index)) {
    keyRow = second;
    lastHeaderLine = second.line;
    headerRows.push(second.cells);
  }
  const mapped: (ColumnDef | null)[] = [];
  const unknown: string[] = [];
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  keyRow.cells.forEach((cell, i) => {
    const text = cell.trim();
    const directive = CATEGORY_DIRECTIVE.exec(text);
    if (directive) {
      categoryHint = (directive[1] as string).toLowerCase();
      mapped.push(null);
      return;
    }
    if (text === '') {
      mapped.push(null);
      return;
    }
    const col = index.get(normalizeHeader(text)) ?? (rules ? null : looseAttributeColumn(text.trim()));
    if (!col) {
      unknown.push(text);
      mapped.push(null);
      return;
    }
    if (seen.has(col.key)) duplicates.push(text);
    seen.set(col.key, i);
    mapped.push(col);
  });
  const problems: HeaderProblem[] = [];
  if (unknown.length) problems.push({ code: 'import_unknown_columns', columns: unknown });
  if (duplicates.length) problems.push({ code: 'import_duplicate_columns', columns: duplicates });
  const missing = requiredColumns(columns, rules).filter((key) => !seen.has(key));
  if (!rules && !seen.has('sku_code') && !seen.has('barcode')) missing.push('sku_code');
  // Without a language rule, a title in any one language will do.
  if (
    rules &&
    !columns.some((c) => c.field === 'title' && c.required) &&
    ![...seen.keys()].some((k) => k.startsWith('title.'))
  )
    missing.push('title.*');
  if (missing.length) problems.push({ code: 'import_missing_columns', columns: missing });
  return { columns: mapped, lastHeaderLine, headerRows, categoryHint, problems };
}

/** Every non-empty cell is exactly a column key (the hidden key row of our XLSX template). */
function isKeyRow(cells: readonly string[], index: Map<string, ColumnDef>): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length === 0) return false;
  return filled.every(
    (c) =>
      CATEGORY_DIRECTIVE.test(c) || index.get(normalizeHeader(c))?.key === c || /^attr\.[a-z0-9_]+$/.test(c),
  );
}

/** Columns a file that creates products must have (update-only files need only a SKU code or barcode). */
function requiredColumns(columns: readonly ColumnDef[], rules: CategoryRules | null): string[] {
  if (!rules) return [];
  return columns
    .filter(
      (c) =>
        c.required &&
        (c.field === 'product_key' ||
          c.field === 'sku_code' ||
          c.field === 'list_price' ||
          c.field === 'title'),
    )
    .map((c) => c.key);
}

// ---------------------------------------------------------------------------------------------
// Rows

export interface ProductCells {
  title: PerLang;
  description: PerLang;
  keywords: PerLang;
  brand?: string;
  /** Product-level attributes (typed), or raw text of attributes not known without a category. */
  attributes: Record<string, AttributeCell>;
  images?: string[];
}

export interface SkuCells {
  code: string;
  barcode?: string;
  /** Variant attributes: option values by attribute key. */
  options: Record<string, string>;
  listPrice?: number;
  salePrice?: number;
  weightGrams?: number;
  lengthMm?: number;
  widthMm?: number;
  heightMm?: number;
  stock?: number;
  currency?: string;
}

export interface ParsedRow {
  line: number;
  productKey: string;
  product: ProductCells;
  /** Attribute cells of a file without a category, checked once the product's category is known. */
  looseAttributes: Record<string, string>;
  sku: SkuCells;
  problems: RowProblem[];
  /** Product-level cells this row gives (for "differs from line N" checks), key → text. */
  productCells: [string, string][];
}

export interface RowContext {
  columns: readonly (ColumnDef | null)[];
  /** Minor units of the seller's currency. */
  minorUnits: number;
}

/** One data row → values, with every problem of its cells (nothing is thrown). */
const WHOLE_FIELDS = {
  stock: 'stock',
  weight_g: 'weightGrams',
  length_mm: 'lengthMm',
  width_mm: 'widthMm',
  height_mm: 'heightMm',
} as const;

/** One data row → values, with every problem of its cells (nothing is thrown). A hot loop: no closures. */
export function parseRow(row: SheetRow, ctx: RowContext): ParsedRow {
  const out: ParsedRow = {
    line: row.line,
    productKey: '',
    product: { title: {}, description: {}, keywords: {}, attributes: {} },
    looseAttributes: {},
    sku: { code: '', options: {} },
    problems: [],
    productCells: [],
  };
  for (let i = 0; i < ctx.columns.length; i++) {
    const col = ctx.columns[i];
    if (!col) continue;
    const text = (row.cells[i] ?? '').trim();
    if (text === '') continue;
    if (col.level === 'product') out.productCells.push([col.key, text]);
    switch (col.field) {
      case 'product_key':
        out.productKey = text;
        break;
      case 'title':
      case 'description':
      case 'keywords':
        out.product[col.field][col.lang as Lang] = text;
        break;
      case 'brand':
        out.product.brand = text;
        break;
      case 'images':
        out.product.images = splitList(text);
        break;
      case 'attribute': {
        const rule = col.attribute;
        if (!rule) out.looseAttributes[col.attributeKey as string] = text;
        else if (rule.variant) {
          const parsed = parseOption(rule, text);
          if (parsed.ok) out.sku.options[rule.key] = parsed.value;
          else out.problems.push({ column: col.key, code: parsed.code, params: parsed.params });
        } else {
          const parsed = parseAttribute(rule, text);
          if (parsed.ok) out.product.attributes[rule.key] = parsed.value;
          else out.problems.push({ column: col.key, code: parsed.code, params: parsed.params });
        }
        break;
      }
      case 'sku_code':
        out.sku.code = text;
        break;
      case 'barcode':
        // Digits as typed (the template's barcode column is text, so spreadsheets keep leading zeros).
        out.sku.barcode = text.replace(/\s/g, '');
        break;
      case 'list_price':
      case 'sale_price': {
        const parsed = parseMoney(text, ctx.minorUnits);
        if (!parsed.ok) out.problems.push({ column: col.key, code: parsed.code, params: parsed.params });
        else if (col.field === 'list_price') out.sku.listPrice = parsed.value;
        else out.sku.salePrice = parsed.value;
        break;
      }
      case 'stock':
      case 'weight_g':
      case 'length_mm':
      case 'width_mm':
      case 'height_mm': {
        const parsed = parseWhole(text);
        if (parsed.ok) out.sku[WHOLE_FIELDS[col.field]] = parsed.value;
        else out.problems.push({ column: col.key, code: parsed.code, params: parsed.params });
        break;
      }
      case 'info':
        if (col.key === 'currency') out.sku.currency = text.toUpperCase();
        break;
    }
  }
  return out;
}

/** 32-bit FNV-1a of a text: product-level cells are compared across rows by hash, not kept whole. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

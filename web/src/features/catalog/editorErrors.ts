// Sorts the field errors of product, SKU and submit answers (400 errors[]) onto the product editor:
// form fields, the images and documents sections, SKU table cells, or a general list.
import { ApiError } from '../../shared/api/client';
import { errorDetail } from '../../shared/api/problem';

export interface EditorErrors {
  /** Errors for antd form fields (title.en-US, attributes.material, categoryId …). */
  form: { name: (string | number)[]; errors: string[] }[];
  images: string[];
  documents: string[];
  /** By SKU row key, then by field (code, barcode, options.size, storePrices.<storeId>); `_table._` for the table. */
  skus: Record<string, Record<string, string[]>>;
  /** Errors that belong to no field. */
  general: string[];
  /** Every error once, in the order the server sent them, for the summary list. */
  all: { section: Section; message: string }[];
}

export type Section = 'basic' | 'texts' | 'attributes' | 'images' | 'variants' | 'documents' | 'general';

export const emptyErrors = (): EditorErrors => ({
  form: [],
  images: [],
  documents: [],
  skus: {},
  general: [],
  all: [],
});

/** Where the SKU errors of one answer belong. */
export interface ErrorContext {
  /** The answer is about one SKU (POST/PATCH …/skus): its row key. */
  rowKey?: string;
  /** The row key of the i-th SKU of the request or of the product (product create and submit). */
  skuKeyAt?: (index: number) => string | undefined;
  /** The store id of the j-th storePrices entry sent for a row. */
  storeIdAt?: (rowKey: string, index: number) => string | undefined;
  /** Keys of the product-level attributes shown as form fields. */
  attributeKeys: Set<string>;
}

const LANG_FIELDS = new Set(['title', 'description', 'keywords']);
const FORM_FIELDS = new Set(['categoryId', 'brand', 'videoUrl', 'storeIds']);

function addSku(out: EditorErrors, rowKey: string, field: string, message: string) {
  const row = out.skus[rowKey] ?? {};
  row[field] = [...(row[field] ?? []), message];
  out.skus[rowKey] = row;
}

function skuField(rest: string[], rowKey: string, ctx: ErrorContext): string {
  if (rest[0] === 'storePrices' && rest[1] !== undefined) {
    const storeId = ctx.storeIdAt?.(rowKey, Number(rest[1]));
    return storeId ? `storePrices.${storeId}` : 'listPrice';
  }
  if (rest[0] === 'options' && rest[1]) return `options.${rest[1]}`;
  return rest[0] ?? '_';
}

/** Adds the errors of one failed call to `out` (mutates and returns it). */
export function sortErrors(out: EditorErrors, error: unknown, ctx: ErrorContext): EditorErrors {
  const items = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  if (items.length === 0) {
    const message = errorDetail(error) ?? 'Error';
    const code = error instanceof ApiError ? (error.code ?? '') : '';
    // A conflict about one SKU (sku_code_taken, barcode_taken …) marks its cell.
    const field = code.startsWith('sku_code') ? 'code' : code.startsWith('barcode') ? 'barcode' : null;
    if (ctx.rowKey && field) addSku(out, ctx.rowKey, field, message);
    else out.general.push(message);
    out.all.push({ section: ctx.rowKey ? 'variants' : 'general', message });
    return out;
  }
  for (const item of items) {
    const parts = item.path
      .replace(/^\//, '')
      .split(/[./]/)
      .filter((p) => p.length > 0);
    if (parts[0] === 'body') parts.shift();
    const message = item.message;
    let section: Section = 'general';
    if (ctx.rowKey) {
      addSku(out, ctx.rowKey, skuField(parts, ctx.rowKey, ctx), message);
      section = 'variants';
    } else {
      const [head, second, ...rest] = parts;
      if (head === 'skus' && second !== undefined && /^\d+$/.test(second)) {
        const key = ctx.skuKeyAt?.(Number(second));
        if (key) addSku(out, key, skuField(rest, key, ctx), message);
        else out.general.push(message);
        section = 'variants';
      } else if (head === 'skus') {
        addSku(out, '_table', '_', message);
        section = 'variants';
      } else if (head === 'images' || head === 'imageIds') {
        out.images.push(message);
        section = 'images';
      } else if (head === 'documents' || head === 'documentIds') {
        out.documents.push(message);
        section = 'documents';
      } else if (head && LANG_FIELDS.has(head) && second) {
        out.form.push({ name: [head, second], errors: [message] });
        section = 'texts';
      } else if (head === 'attributes' && second && ctx.attributeKeys.has(second)) {
        out.form.push({ name: ['attributes', second], errors: [message] });
        section = 'attributes';
      } else if (head && FORM_FIELDS.has(head)) {
        out.form.push({ name: [head], errors: [message] });
        section = 'basic';
      } else {
        out.general.push(message);
        section = head === 'attributes' ? 'attributes' : head && LANG_FIELDS.has(head) ? 'texts' : 'general';
      }
    }
    out.all.push({ section, message });
  }
  return out;
}

/** Languages whose tab has an error (for the red dot on the tab). */
export function errorLanguages(errors: EditorErrors): Set<string> {
  return new Set(
    errors.form.filter((f) => LANG_FIELDS.has(String(f.name[0])) && f.name[1]).map((f) => String(f.name[1])),
  );
}

export const hasErrors = (errors: EditorErrors) => errors.all.length > 0;

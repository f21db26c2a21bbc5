// The product editor's SKU table: rows as the seller edits them (prices in major units), built from
// the server's SKUs, generated from option axes, and turned back into API inputs and diffs.
import { fromMinor, toMinor } from '../../shared/lib/money';
import type { PriceMode, Sku, SkuInput, SkuStatus, StorePriceInput } from './api';

export interface StorePriceRow {
  mode: PriceMode;
  /** Major units of the store currency (override only). */
  listPrice: number | null;
  salePrice: number | null;
}

export interface SkuRow {
  key: string;
  /** Set once the SKU exists on the server. */
  id?: string;
  code: string;
  barcode: string;
  options: Record<string, string>;
  /** Major units of the base currency. */
  listPrice: number | null;
  salePrice: number | null;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  status: SkuStatus;
  backorder: boolean;
  storePrices: Record<string, StorePriceRow>;
}

let counter = 0;
export const rowKey = () => `new-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function blankRow(options: Record<string, string> = {}, code = ''): SkuRow {
  return {
    key: rowKey(),
    code,
    barcode: '',
    options,
    listPrice: null,
    salePrice: null,
    weightGrams: null,
    lengthMm: null,
    widthMm: null,
    heightMm: null,
    status: 'active',
    backorder: false,
    storePrices: {},
  };
}

export function rowFromSku(sku: Sku): SkuRow {
  return {
    key: sku.id,
    id: sku.id,
    code: sku.code,
    barcode: sku.barcode ?? '',
    options: { ...sku.options },
    listPrice: fromMinor(sku.listPrice, sku.currency),
    salePrice: fromMinor(sku.salePrice, sku.currency),
    weightGrams: sku.weightGrams,
    lengthMm: sku.lengthMm,
    widthMm: sku.widthMm,
    heightMm: sku.heightMm,
    status: sku.status,
    backorder: sku.backorder,
    storePrices: Object.fromEntries(
      sku.storePrices.map((p) => [
        p.storeId,
        {
          mode: p.mode,
          listPrice: p.mode === 'override' ? fromMinor(p.listPrice, p.currency) : null,
          salePrice: p.mode === 'override' ? fromMinor(p.salePrice, p.currency) : null,
        },
      ]),
    ),
  };
}

/** The key of a row's option values, to find duplicates and existing combinations. */
export const optionsKey = (options: Record<string, string>, axes: string[]) =>
  axes.map((a) => `${a}=${options[a] ?? ''}`).join('|');

/** Every combination of the axes' values, in the order the values were chosen. */
export function combinations(axes: string[], values: Record<string, string[]>): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const axis of axes) {
    const list = values[axis] ?? [];
    if (list.length === 0) return [];
    out = out.flatMap((combo) => list.map((v) => ({ ...combo, [axis]: v })));
  }
  return axes.length ? out : [];
}

/** A SKU code part from an option value: letters and digits kept, anything else dropped. */
const codePart = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '')
    .toUpperCase()
    .slice(0, 12);

export function suggestCode(
  prefix: string,
  combo: Record<string, string>,
  axes: string[],
  index: number,
): string {
  const parts = axes.map((a) => codePart(combo[a] ?? '')).filter(Boolean);
  const tail = parts.length === axes.length && parts.length > 0 ? parts.join('-') : String(index + 1);
  const head = prefix.trim().replace(/[^A-Za-z0-9._\-/+#]/g, '');
  return head ? `${head}-${tail}` : tail;
}

/**
 * Adds a row for each combination not yet in the table; an untouched blank row (no code, no price,
 * not saved) is replaced. Existing rows are never removed: the seller deletes what is not wanted.
 */
export function generateRows(
  rows: SkuRow[],
  axes: string[],
  values: Record<string, string[]>,
  prefix: string,
): SkuRow[] {
  const kept = rows.filter(
    (r) => r.id || r.code.trim() !== '' || r.listPrice !== null || Object.values(r.options).some(Boolean),
  );
  const have = new Set(kept.map((r) => optionsKey(r.options, axes)));
  const added = combinations(axes, values)
    .filter((combo) => !have.has(optionsKey(combo, axes)))
    .map((combo, i) => blankRow(combo, suggestCode(prefix, combo, axes, kept.length + i)));
  // New rows take the price of the first priced row, as sellers usually price variants alike.
  const template = kept.find((r) => r.listPrice !== null);
  return [
    ...kept,
    ...added.map((r) =>
      template
        ? {
            ...r,
            listPrice: template.listPrice,
            salePrice: template.salePrice,
            weightGrams: template.weightGrams,
            lengthMm: template.lengthMm,
            widthMm: template.widthMm,
            heightMm: template.heightMm,
          }
        : r,
    ),
  ];
}

/** Axes and their values as used by existing rows (the editor's starting point). */
export function axesOf(rows: SkuRow[]): { axes: string[]; values: Record<string, string[]> } {
  const values: Record<string, string[]> = {};
  for (const row of rows)
    for (const [axis, value] of Object.entries(row.options)) {
      if (!value) continue;
      const list = values[axis] ?? [];
      if (!list.includes(value)) list.push(value);
      values[axis] = list;
    }
  return { axes: Object.keys(values), values };
}

/** Store prices of a row as API input; follow prices only when they differ from the server's mode. */
function storePricesInput(
  row: SkuRow,
  storeCurrency: (storeId: string) => string | undefined,
  storeIds: string[],
): StorePriceInput[] {
  const out: StorePriceInput[] = [];
  for (const storeId of storeIds) {
    const p = row.storePrices[storeId];
    const currency = storeCurrency(storeId);
    if (!p || !currency) continue;
    if (p.mode === 'follow') out.push({ storeId, mode: 'follow' });
    else
      out.push({
        storeId,
        mode: 'override',
        listPrice: toMinor(p.listPrice, currency) ?? undefined,
        salePrice: toMinor(p.salePrice, currency),
      });
  }
  return out;
}

/** A row as the body of POST …/skus (or one item of a new product's skus). */
export function rowToInput(
  row: SkuRow,
  currency: string,
  axes: string[],
  storeCurrency: (storeId: string) => string | undefined,
  storeIds: string[],
): SkuInput {
  const options = Object.fromEntries(axes.map((a) => [a, row.options[a] ?? '']).filter(([, v]) => v !== ''));
  const storePrices = storePricesInput(row, storeCurrency, storeIds).filter((p) => p.mode === 'override');
  return {
    code: row.code.trim(),
    barcode: row.barcode.trim() || null,
    options,
    listPrice: toMinor(row.listPrice, currency) as number,
    salePrice: toMinor(row.salePrice, currency),
    weightGrams: row.weightGrams,
    lengthMm: row.lengthMm,
    widthMm: row.widthMm,
    heightMm: row.heightMm,
    status: row.status,
    backorder: row.backorder,
    ...(storePrices.length ? { storePrices } : {}),
  };
}

/** The fields of a saved row that differ from the server's SKU (a PATCH body), or null when none. */
export function rowDiff(
  row: SkuRow,
  sku: Sku,
  axes: string[],
  storeCurrency: (storeId: string) => string | undefined,
  storeIds: string[],
): Partial<SkuInput> | null {
  const now = rowToInput(row, sku.currency, axes, storeCurrency, storeIds);
  const was = rowToInput(rowFromSku(sku), sku.currency, axes, storeCurrency, storeIds);
  const diff: Partial<SkuInput> = {};
  const keys = [
    'code',
    'barcode',
    'listPrice',
    'salePrice',
    'weightGrams',
    'lengthMm',
    'widthMm',
    'heightMm',
    'status',
    'backorder',
  ] as const;
  for (const k of keys) if (now[k] !== was[k]) (diff as Record<string, unknown>)[k] = now[k];
  if (JSON.stringify(now.options ?? {}) !== JSON.stringify(sku.options)) diff.options = now.options;
  const prices = storePricesInput(row, storeCurrency, storeIds).filter((p) => {
    const before = sku.storePrices.find((s) => s.storeId === p.storeId);
    if (!before) return p.mode === 'override';
    if (p.mode !== before.mode) return true;
    return (
      p.mode === 'override' &&
      (p.listPrice !== before.listPrice || (p.salePrice ?? null) !== before.salePrice)
    );
  });
  if (prices.length) diff.storePrices = prices;
  return Object.keys(diff).length ? diff : null;
}

// Pass 1 of an import: read every row, find the problems a row shows by itself, group rows into
// products, and match SKU codes and barcodes against the file and the database. Keeps only small
// per-row facts in memory (line, group, matched SKU); the rows themselves are read again to write.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../../../../platform/db/engine';
import { backgroundBase, type SellerCtx, withSystem } from '../../../../platform/db/tenant';
import { products, skus } from '../../schema';
import type { CategoryRules } from '../deps';
import type { Header, ParsedRow, RowProblem } from './rows';
import { hashText, parseRow } from './rows';
import { isBlankRow, readRows, type SourceSpec } from './source';
import { imageNameKey, type ZipIndex } from './zip';

/** The seller's SKU a row updates. */
export interface MatchedSku {
  id: string;
  productId: string;
  code: string;
  barcode: string | null;
}

export interface GroupInfo {
  /** Rows of the product in the file. */
  rows: number;
  /** The existing product its rows update (null: a new product). */
  productId: string | null;
  /** Lines of its rows that have problems (the product is skipped as a whole). */
  badLines: number[];
}

export interface Analysis {
  totalRows: number;
  /** Row index → line in the file. */
  lines: Int32Array;
  /** Row index → group (product) id. */
  groupOf: Int32Array;
  groups: GroupInfo[];
  /** Row index → its problems. */
  problems: Map<number, RowProblem[]>;
  /** Row index → the existing SKU it updates. */
  matches: Map<number, MatchedSku>;
}

export interface AnalyzeOptions {
  spec: SourceSpec;
  header: Header;
  rules: CategoryRules | null;
  minorUnits: number;
  /** Runs a read in the seller's tenant transaction. */
  read: <T>(fn: (ctx: SellerCtx) => Promise<T>) => Promise<T>;
  database: Database;
  sellerId: string;
  /** The seller's currency: a `currency` column (from an export) must name it. */
  currency: string;
  /** The row's own problems by the product and SKU services' rules. */
  checkRow: (row: ParsedRow) => RowProblem[];
  /** Why an existing product cannot take changes now, or null. */
  notEditable: (product: { reviewState: string; saleState: string }) => RowProblem | null;
  /** The image ZIP uploaded with the file. */
  zip: ZipIndex | null;
  /** The largest image file the image service takes. */
  maxImageBytes: number;
  /** Called every few thousand rows (progress of the reading pass). */
  onProgress?: (rows: number) => Promise<void> | void;
}

const LOOKUP_CHUNK = 2000;

/** Row → its data-row facts; the header rows and blank rows are not data. */
export async function* dataRows(
  spec: SourceSpec,
  header: Header,
  minorUnits: number,
): AsyncGenerator<ParsedRow> {
  for await (const row of readRows(spec)) {
    if (row.line <= header.lastHeaderLine || isBlankRow(row.cells)) continue;
    yield parseRow(row, { columns: header.columns, minorUnits });
  }
}

/** An Int32Array that grows as rows come in. */
class Ints {
  data = new Int32Array(1024);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  at(i: number): number {
    return this.data[i] as number;
  }
  set(i: number, v: number) {
    while (i >= this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[i] = v;
    if (i >= this.length) this.length = i + 1;
  }
}

/**
 * Rows whose value (lower-cased when asked) repeats an earlier row's: pairs (later, first), found by
 * sorting row indexes instead of a map of every value.
 */
function repeats(values: readonly string[], lower: boolean): [number, number][] {
  const keyOf = lower
    ? (i: number) => (values[i] as string).toLowerCase()
    : (i: number) => values[i] as string;
  const order: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i]) order.push(i);
  const keys = order.map(keyOf);
  const byKey = Int32Array.from(order.keys()).sort((a, b) => {
    const ka = keys[a] as string;
    const kb = keys[b] as string;
    return ka < kb ? -1 : ka > kb ? 1 : (order[a] as number) - (order[b] as number);
  });
  const out: [number, number][] = [];
  for (let j = 1; j < byKey.length; j++) {
    const prev = byKey[j - 1] as number;
    const cur = byKey[j] as number;
    if (keys[prev] !== keys[cur]) continue;
    // The first row of the run is the one every later row points at.
    let first = j - 1;
    while (first > 0 && keys[byKey[first - 1] as number] === keys[cur]) first--;
    out.push([order[cur] as number, order[byKey[first] as number] as number]);
  }
  return out;
}

export async function analyzeFile(opts: AnalyzeOptions): Promise<Analysis> {
  const lines = new Ints();
  /** Row → product key slot (keys are interned: a product's rows share one string). */
  const keySlot = new Ints();
  const keyIndex = new Map<string, number>();
  const codes: string[] = [];
  const barcodes: string[] = [];
  const listPrices = new Ints();
  const problems = new Map<number, RowProblem[]>();
  const addProblem = (idx: number, p: RowProblem) => {
    const list = problems.get(idx);
    if (list) list.push(p);
    else problems.set(idx, [p]);
  };
  // Product-level cells must agree across the rows of a product: a hash and the first line per
  // (product, column), in flat typed arrays indexed by product slot × product column.
  const productColumns = opts.header.columns
    .map((c) => c?.key)
    .filter(
      (k, i, all): k is string =>
        !!k && k !== 'product_key' && opts.header.columns[i]?.level === 'product' && all.indexOf(k) === i,
    );
  const width = Math.max(1, productColumns.length);
  const columnAt = new Map(productColumns.map((k, i) => [k, i]));
  const hashes = new Ints();
  const firstLines = new Ints();
  const slotOf = (group: string) => {
    let slot = keyIndex.get(group);
    if (slot === undefined) {
      slot = keyIndex.size;
      keyIndex.set(group, slot);
    }
    return slot;
  };
  let n = 0;
  for await (const parsed of dataRows(opts.spec, opts.header, opts.minorUnits)) {
    const idx = n++;
    lines.push(parsed.line);
    codes.push(parsed.sku.code);
    barcodes.push(parsed.sku.barcode ?? '');
    listPrices.push(parsed.sku.listPrice !== undefined ? 1 : 0);
    for (const p of parsed.problems) addProblem(idx, p);
    for (const p of opts.checkRow(parsed)) addProblem(idx, p);
    if (parsed.sku.currency && parsed.sku.currency !== opts.currency)
      addProblem(idx, {
        column: 'currency',
        code: 'import_currency_mismatch',
        params: { currency: opts.currency },
      });
    for (const p of imageProblems(opts, parsed.product.images)) addProblem(idx, p);
    const slot = slotOf(parsed.productKey ? `k:${parsed.productKey}` : `s:${parsed.sku.code.toLowerCase()}`);
    keySlot.push(parsed.productKey ? slot : -1);
    for (const [column, text] of parsed.productCells) {
      const c = columnAt.get(column);
      if (c === undefined) continue;
      const at = slot * width + c;
      const hash = hashText(text) | 0;
      const first = at < firstLines.length ? firstLines.at(at) : 0;
      if (first === 0) {
        hashes.set(at, hash);
        firstLines.set(at, parsed.line);
      } else if (hashes.at(at) !== hash)
        addProblem(idx, { column, code: 'import_product_value_differs', params: { line: first } });
    }
    if (opts.onProgress && n % 5000 === 0) await opts.onProgress(n);
  }
  const keys = [...keyIndex.keys()];
  keyIndex.clear();
  const line = (i: number) => lines.at(i);

  for (const [later, first] of repeats(codes, true)) {
    const code = codes[later] as string;
    addProblem(later, {
      column: 'sku_code',
      code: 'import_duplicate_sku_code',
      params: { code, line: line(first) },
    });
    if (!problems.get(first)?.some((p) => p.code === 'import_duplicate_sku_code'))
      addProblem(first, {
        column: 'sku_code',
        code: 'import_duplicate_sku_code',
        params: { code: codes[first] as string, line: line(later) },
      });
  }
  for (const [later, first] of repeats(barcodes, false)) {
    const barcode = barcodes[later] as string;
    addProblem(later, {
      column: 'barcode',
      code: 'import_duplicate_barcode',
      params: { barcode, line: line(first) },
    });
    if (!problems.get(first)?.some((p) => p.code === 'import_duplicate_barcode'))
      addProblem(first, {
        column: 'barcode',
        code: 'import_duplicate_barcode',
        params: { barcode, line: line(later) },
      });
  }

  const { byCode, byBarcode } = await lookupOwnSkus(opts, codes, barcodes);
  const elsewhere = await barcodesOfOtherSellers(opts.database, opts.sellerId, barcodes);

  const matches = new Map<number, MatchedSku>();
  const groupIds = new Map<string, number>();
  const groups: GroupInfo[] = [];
  const groupOf = new Int32Array(n);

  for (let i = 0; i < n; i++) {
    const code = codes[i] as string;
    const barcode = barcodes[i] as string;
    const lower = code.toLowerCase();
    const viaCode = code ? byCode.get(lower) : undefined;
    const viaBarcode = barcode ? byBarcode.get(barcode) : undefined;
    let match: OwnSku | undefined;
    if (viaCode) {
      match = viaCode;
      if (viaBarcode && viaBarcode.id !== viaCode.id)
        addProblem(i, {
          column: 'barcode',
          code: 'barcode_taken',
          params: { barcode, product: viaBarcode.productNumber, sku: viaBarcode.code },
        });
    } else if (viaBarcode) {
      match = viaBarcode;
      if (code && viaBarcode.code.toLowerCase() !== lower)
        addProblem(i, {
          column: 'barcode',
          code: 'import_barcode_other_sku',
          params: { barcode, sku: viaBarcode.code },
        });
    } else {
      if (!code) addProblem(i, { column: 'sku_code', code: 'import_required', params: {} });
      if (!listPrices.at(i) && !problems.get(i)?.some((p) => p.column === 'list_price'))
        addProblem(i, { column: 'list_price', code: 'import_required', params: {} });
      if (barcode && elsewhere.has(barcode))
        addProblem(i, { column: 'barcode', code: 'barcode_registered', params: { barcode } });
    }
    if (match) {
      const locked = opts.notEditable(match);
      if (locked) addProblem(i, { ...locked, params: { ...locked.params, product: match.productNumber } });
      matches.set(i, { id: match.id, productId: match.productId, code: match.code, barcode: match.barcode });
    }
    const slot = keySlot.at(i);
    const key = slot >= 0 ? (keys[slot] as string).slice(2) : '';
    let groupKey: string;
    if (key) groupKey = `k:${slot}`;
    else if (match) groupKey = `p:${match.productId}`;
    else {
      groupKey = `r:${i}`;
      addProblem(i, { column: 'product_key', code: 'import_required', params: {} });
    }
    let g = groupIds.get(groupKey);
    if (g === undefined) {
      g = groups.length;
      groupIds.set(groupKey, g);
      groups.push({ rows: 0, productId: null, badLines: [] });
    }
    groupOf[i] = g;
    const info = groups[g] as GroupInfo;
    info.rows++;
    if (match) {
      if (info.productId === null) info.productId = match.productId;
      else if (info.productId !== match.productId)
        addProblem(i, { column: 'sku_code', code: 'import_product_mixed', params: { key, sku: match.code } });
    }
  }
  groupIds.clear();
  // A new product needs the category the import creates products in.
  if (!opts.rules)
    for (let i = 0; i < n; i++)
      if (keySlot.at(i) >= 0 && (groups[groupOf[i] as number] as GroupInfo).productId === null)
        addProblem(i, { column: null, code: 'import_category_required', params: {} });

  for (const [i] of problems) {
    const info = groups[groupOf[i] as number] as GroupInfo;
    info.badLines.push(line(i));
  }
  for (const info of groups) if (info.badLines.length > 1) info.badLines.sort((a, b) => a - b);
  // The other rows of a product with a bad row are skipped with it.
  for (let i = 0; i < n; i++) {
    const info = groups[groupOf[i] as number] as GroupInfo;
    if (info.badLines.length > 0 && !problems.has(i))
      addProblem(i, {
        column: null,
        code: 'import_product_skipped',
        params: { lines: info.badLines.slice(0, 10).join(', ') },
      });
  }
  return { totalRows: n, lines: lines.data.slice(0, n), groupOf, groups, problems, matches };
}

interface OwnSku extends MatchedSku {
  productNumber: number;
  reviewState: string;
  saleState: string;
}

/** The seller's SKUs whose code (ignoring case) or barcode occurs in the file. */
async function lookupOwnSkus(opts: AnalyzeOptions, codes: readonly string[], barcodes: readonly string[]) {
  const byCode = new Map<string, OwnSku>();
  const byBarcode = new Map<string, OwnSku>();
  const wantedCodes = [...new Set(codes.filter(Boolean).map((c) => c.toLowerCase()))];
  const wantedBarcodes = [...new Set(barcodes.filter(Boolean))];
  const select = {
    id: skus.id,
    productId: skus.productId,
    code: skus.code,
    barcode: skus.barcode,
    productNumber: products.number,
    reviewState: products.reviewState,
    saleState: products.saleState,
  };
  for (let i = 0; i < wantedCodes.length; i += LOOKUP_CHUNK) {
    const chunk = wantedCodes.slice(i, i + LOOKUP_CHUNK);
    const rows = await opts.read((ctx) =>
      ctx.tx
        .select(select)
        .from(skus)
        .innerJoin(products, eq(products.id, skus.productId))
        .where(
          and(eq(skus.sellerId, ctx.sellerId), sql`lower(${skus.code}) = any(${sql.param(chunk)}::text[])`),
        ),
    );
    for (const r of rows) byCode.set(r.code.toLowerCase(), r);
  }
  for (let i = 0; i < wantedBarcodes.length; i += LOOKUP_CHUNK) {
    const chunk = wantedBarcodes.slice(i, i + LOOKUP_CHUNK);
    const rows = await opts.read((ctx) =>
      ctx.tx
        .select(select)
        .from(skus)
        .innerJoin(products, eq(products.id, skus.productId))
        .where(and(eq(skus.sellerId, ctx.sellerId), inArray(skus.barcode, chunk))),
    );
    for (const r of rows) if (r.barcode) byBarcode.set(r.barcode, r);
  }
  return { byCode, byBarcode };
}

/**
 * Barcodes in the file that another seller's SKU carries (barcodes are unique across the platform).
 * Row-level security hides other sellers' rows from the seller's transaction, so this one read runs
 * in a system transaction; it returns only the barcodes, never who holds them.
 */
async function barcodesOfOtherSellers(
  database: Database,
  sellerId: string,
  barcodes: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(barcodes.filter(Boolean))];
  const out = new Set<string>();
  for (let i = 0; i < wanted.length; i += LOOKUP_CHUNK) {
    const chunk = wanted.slice(i, i + LOOKUP_CHUNK);
    const rows = await withSystem(database, backgroundBase(), (ctx) =>
      ctx.tx
        .select({ barcode: skus.barcode })
        .from(skus)
        .where(and(inArray(skus.barcode, chunk), ne(skus.sellerId, sellerId))),
    );
    for (const r of rows) if (r.barcode) out.add(r.barcode);
  }
  return out;
}

/** Image names of a row against the uploaded ZIP: present, unambiguous, not too large. */
function imageProblems(opts: AnalyzeOptions, names: readonly string[] | undefined): RowProblem[] {
  if (!names?.length) return [];
  if (!opts.zip) return [{ column: 'images', code: 'import_images_need_zip', params: {} }];
  const out: RowProblem[] = [];
  for (const name of names) {
    const key = imageNameKey(name);
    const entry = opts.zip.entries.get(key);
    if (!entry) out.push({ column: 'images', code: 'import_image_not_found', params: { name } });
    else if (opts.zip.ambiguous.has(key))
      out.push({ column: 'images', code: 'import_image_ambiguous', params: { name } });
    else if (entry.size > opts.maxImageBytes)
      out.push({
        column: 'images',
        code: 'import_image_too_large',
        params: { name, limitMb: Math.round(opts.maxImageBytes / 1048576) },
      });
  }
  return out;
}

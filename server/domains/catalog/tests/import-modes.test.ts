// Import modes, duplicates, the error file and updating existing SKUs by template.

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeSeller, makeStore, type TestSeller } from '../../accounts/factories';
import { makeWarehouse } from '../../inventory/factories';
import { type MadeCategory, makeCategory, setRate } from '../../platform/factories';
import { randomEan13 } from '../factories';
import { csv, importFile } from './import-helpers';
import { sendFile } from './multipart';

let t: TestApp;
let category: MadeCategory;
let color: string;
let material: string;

beforeAll(async () => {
  t = await createTestApp();
  category = await makeCategory(t, {
    attributes: [
      {
        key: 'color',
        type: 'enum',
        variant: true,
        options: [
          { value: 'red', names: { 'en-US': 'Red', 'zh-CN': '红色', 'ru-RU': 'Красный' } },
          { value: 'blue', names: { 'en-US': 'Blue', 'zh-CN': '蓝色', 'ru-RU': 'Синий' } },
          { value: 'green', names: { 'en-US': 'Green', 'zh-CN': '绿色', 'ru-RU': 'Зелёный' } },
        ],
      },
      { key: 'material', type: 'text' },
    ],
  });
  color = `attr.${category.attributes.color?.key}`;
  material = `attr.${category.attributes.material?.key}`;
});
afterAll(async () => {
  await t.close();
});

const HEADER = () => [
  'product_key',
  'title.en-US',
  'brand',
  color,
  material,
  'sku_code',
  'barcode',
  'list_price',
  'sale_price',
];

const count = async (table: 'products' | 'skus', sellerId: string) =>
  Number(
    (await t.database.raw(`select count(*)::int as n from ${table} where seller_id = $1`, [sellerId])).rows[0]
      ?.n,
  );

/**
 * Five products: P1 good (lines 2–3); P2 with a bad price on line 5 (skipped whole, lines 4–5); P3 good
 * (line 6); P4 and P5 share a barcode (lines 7 and 8). Line 5's title looks like a formula.
 */
function mixedFile(tag: string) {
  const shared = randomEan13();
  return csv([
    HEADER(),
    ['P1', 'Linen shirt', 'Acme', 'Red', 'Linen', `${tag}-1`, randomEan13(), '29.90', '24.90'],
    ['P1', 'Linen shirt', 'Acme', 'Blue', 'Linen', `${tag}-2`, randomEan13(), '29.90', ''],
    ['P2', '=HYPERLINK("http://evil.example","x")', 'Acme', 'red', '', `${tag}-3`, '', '10', ''],
    ['P2', '=HYPERLINK("http://evil.example","x")', 'Acme', 'blue', '', `${tag}-4`, '', 'abc', ''],
    ['P3', 'Wool scarf', '', 'green', 'Wool', `${tag}-5`, '', '15', ''],
    ['P4', 'Cap', '', 'red', '', `${tag}-6`, shared, '5', ''],
    ['P5', 'Socks', '', 'red', '', `${tag}-7`, shared, '3', ''],
  ]);
}

const downloadCsv = async (agent: Agent, url: string) => {
  const res = await agent.get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return parse(res.rawPayload.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
};

describe('valid rows', () => {
  let seller: TestSeller;
  let result: Awaited<ReturnType<typeof importFile>>;
  beforeAll(async () => {
    seller = await makeSeller(t);
    result = await importFile(seller.owner, mixedFile('VR'), {
      query: { categoryId: category.id, mode: 'valid_rows' },
    });
  });

  it('imports the products whose rows are all good and skips the others whole', async () => {
    expect(result).toMatchObject({
      status: 'succeeded',
      totalRows: 7,
      doneRows: 7,
      created: 3,
      failed: 4,
      progress: 1,
    });
    expect(await count('products', seller.sellerId)).toBe(2);
    const codes = await t.database.raw('select code from skus where seller_id = $1 order by code', [
      seller.sellerId,
    ]);
    expect(codes.rows.map((r) => r.code)).toEqual(['VR-1', 'VR-2', 'VR-5']);
    const product = await t.database.raw(
      "select review_state, brand, attributes, title from products where seller_id = $1 and title->>'en-US' = 'Linen shirt'",
      [seller.sellerId],
    );
    expect(product.rows[0]).toMatchObject({
      review_state: 'draft',
      brand: 'Acme',
      title: { 'en-US': 'Linen shirt' },
    });
    const prices = await t.database.raw(
      "select list_price, sale_price, options from skus where code = 'VR-1'",
    );
    expect(prices.rows[0]).toMatchObject({ list_price: '2990', sale_price: '2490' });
    expect(Object.values(prices.rows[0]?.options as object)).toEqual(['red']);
  });

  it('writes an error file: the original rows, the line and every problem, formulas escaped', async () => {
    expect(result.errorFile).toEqual({
      csv: `/api/v1/seller/imports/${result.id}/errors.csv`,
      xlsx: `/api/v1/seller/imports/${result.id}/errors.xlsx`,
    });
    const rows = await downloadCsv(seller.owner, result.errorFile?.csv as string);
    expect(rows[0]).toEqual([...HEADER(), 'line', 'problems']);
    expect(rows.slice(1).map((r) => r.at(-2))).toEqual(['4', '5', '7', '8']);
    const byLine = new Map(rows.slice(1).map((r) => [r.at(-2), r]));
    expect(byLine.get('5')?.[1]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(byLine.get('5')?.at(-1)).toBe(
      '«List price»: "abc" is not a price: use digits with a decimal point, e.g. 199.90.',
    );
    expect(byLine.get('4')?.at(-1)).toBe('Not imported: this product has problems on line(s) 5.');
    expect(byLine.get('7')?.at(-1)).toContain('is also on line 8');
    expect(byLine.get('8')?.at(-1)).toContain('is also on line 7');
    expect(byLine.get('7')?.[5]).toBe('VR-6');
  });

  it("writes the error file in the reader's language, as XLSX too", async () => {
    const me = await seller.owner.patch('/api/auth/me', { locale: 'ru-RU' });
    expect(me.statusCode).toBe(200);
    const res = await seller.owner.get(result.errorFile?.xlsx as string);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('products-errors.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getRow(1).getCell(HEADER().length + 2).value).toBe('Ошибки');
    expect(sheet.getRow(2).hidden).toBe(true);
    expect(sheet.getRow(2).getCell(HEADER().length + 2).value).toBe('problems');
    const lines = [3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(HEADER().length + 1).value);
    expect(lines).toEqual([4, 5, 7, 8]);
    expect(sheet.getRow(4).getCell(2).value).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(String(sheet.getRow(4).getCell(HEADER().length + 2).value)).toBe(
      '«Цена»: «abc» — не цена: укажите число с десятичной точкой, например 199.90.',
    );
    await seller.owner.patch('/api/auth/me', { locale: 'en-US' });
  });

  it('has no error file when nothing failed', async () => {
    const clean = await makeSeller(t);
    const view = await importFile(
      clean.owner,
      csv([HEADER(), ['Z1', 'Cup', '', 'red', '', 'Z-1', '', '2', '']]),
      {
        query: { categoryId: category.id },
      },
    );
    expect(view).toMatchObject({ created: 1, failed: 0, errorFile: null });
    const res = await clean.owner.get(`/api/v1/seller/imports/${view.id}/errors.csv`);
    expect(res.statusCode).toBe(404);
  });
});

describe('validate only and all-or-nothing', () => {
  it('validating reports what would happen and writes nothing', async () => {
    const seller = await makeSeller(t);
    const view = await importFile(seller.owner, mixedFile('VA'), {
      query: { categoryId: category.id, mode: 'validate' },
    });
    expect(view).toMatchObject({
      status: 'succeeded',
      mode: 'validate',
      created: 3,
      failed: 4,
      totalRows: 7,
    });
    expect(await count('products', seller.sellerId)).toBe(0);
    const rows = await downloadCsv(seller.owner, view.errorFile?.csv as string);
    expect(rows.slice(1).map((r) => r.at(-2))).toEqual(['4', '5', '7', '8']);
  });

  it('all-or-nothing writes nothing when any row has a problem', async () => {
    const seller = await makeSeller(t);
    const view = await importFile(seller.owner, mixedFile('AN'), {
      query: { categoryId: category.id, mode: 'all_or_nothing' },
    });
    expect(view).toMatchObject({
      status: 'failed',
      error: { code: 'import_has_errors' },
      created: 0,
      failed: 4,
    });
    expect(view.error?.message).toBe('Nothing was imported: 4 rows have problems (see the error file).');
    expect(view.errorFile).not.toBeNull();
    expect(await count('products', seller.sellerId)).toBe(0);
  });

  it('all-or-nothing writes everything when no row has a problem', async () => {
    const seller = await makeSeller(t);
    const rows = [HEADER()];
    for (let i = 0; i < 30; i++)
      rows.push([`K${i}`, `Item ${i}`, '', 'red', '', `AO-${i}`, randomEan13(), '9.99', '']);
    const view = await importFile(seller.owner, csv(rows), {
      query: { categoryId: category.id, mode: 'all_or_nothing' },
    });
    expect(view).toMatchObject({ status: 'succeeded', created: 30, failed: 0, doneRows: 30 });
    expect(await count('skus', seller.sellerId)).toBe(30);
  });
});

describe('against what is already there', () => {
  it("reports barcodes of the seller's other SKUs and of other sellers", async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const mine = randomEan13();
    const theirs = randomEan13();
    await importFile(seller.owner, csv([HEADER(), ['E1', 'Mug', '', 'red', '', 'OWN-1', mine, '5', '']]), {
      query: { categoryId: category.id },
    });
    await importFile(
      other.owner,
      csv([HEADER(), ['E1', 'Mug', '', 'red', '', 'THEIRS-1', theirs, '5', '']]),
      {
        query: { categoryId: category.id },
      },
    );
    const view = await importFile(
      seller.owner,
      csv([
        HEADER(),
        ['N1', 'Bowl', '', 'red', '', 'NEW-1', mine, '5', ''],
        ['N2', 'Plate', '', 'red', '', 'NEW-2', theirs, '5', ''],
        ['N3', 'Spoon', '', 'red', '', 'NEW-3', randomEan13(), '5', ''],
      ]),
      { query: { categoryId: category.id } },
    );
    expect(view).toMatchObject({ created: 1, failed: 2 });
    const rows = await downloadCsv(seller.owner, view.errorFile?.csv as string);
    expect(rows[1]?.at(-1)).toBe(
      `«Barcode»: Barcode ${mine} belongs to your SKU OWN-1, not to this SKU code.`,
    );
    expect(rows[2]?.at(-1)).toContain('«Barcode»:');
    expect(rows[2]?.at(-1)).toContain(theirs);
    expect(rows[2]?.at(-1)).not.toContain('THEIRS-1');
  });

  it('reports a SKU code given twice in the file (ignoring case) on both lines', async () => {
    const seller = await makeSeller(t);
    const view = await importFile(
      seller.owner,
      csv([
        HEADER(),
        ['D1', 'Pen', '', 'red', '', 'DUP-1', '', '1', ''],
        ['D2', 'Ink', '', 'red', '', 'OK-1', '', '1', ''],
        ['D3', 'Pad', '', 'red', '', 'dup-1', '', '1', ''],
      ]),
      { query: { categoryId: category.id } },
    );
    expect(view).toMatchObject({ created: 1, failed: 2 });
    const rows = await downloadCsv(seller.owner, view.errorFile?.csv as string);
    expect(rows.slice(1).map((r) => [r.at(-2), r.at(-1)])).toEqual([
      ['2', '«SKU code»: SKU code DUP-1 is also on line 4.'],
      ['4', '«SKU code»: SKU code dup-1 is also on line 2.'],
    ]);
    expect(await count('products', seller.sellerId)).toBe(1);
  });

  it('a file imported again changes nothing (existing SKU codes are updates)', async () => {
    const seller = await makeSeller(t);
    const file = csv([
      HEADER(),
      ['R1', 'Towel', 'Acme', 'red', 'Cotton', 'RE-1', randomEan13(), '12.00', ''],
      ['R1', 'Towel', 'Acme', 'blue', 'Cotton', 'RE-2', randomEan13(), '12.00', '10.00'],
    ]);
    const first = await importFile(seller.owner, file, { query: { categoryId: category.id } });
    expect(first).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const again = await importFile(seller.owner, file, { query: { categoryId: category.id } });
    expect(again).toMatchObject({ status: 'succeeded', created: 0, updated: 0, unchanged: 2, failed: 0 });
    expect(await count('skus', seller.sellerId)).toBe(2);
    expect(await count('products', seller.sellerId)).toBe(1);
  });
});

describe('updating by template', () => {
  let seller: TestSeller;
  let barcode: string;
  beforeAll(async () => {
    seller = await makeSeller(t);
    await makeWarehouse(t, seller);
    barcode = randomEan13();
    await importFile(
      seller.owner,
      csv([
        [...HEADER(), 'stock'],
        ['U1', 'Kettle', 'Acme', 'red', 'Steel', 'UP-1', barcode, '40.00', '', '10'],
        ['U1', 'Kettle', 'Acme', 'blue', 'Steel', 'UP-2', randomEan13(), '40.00', '', '10'],
        ['U2', 'Toaster', 'Acme', 'red', 'Steel', 'UP-3', '', '55.00', '', ''],
      ]),
      { query: { categoryId: category.id } },
    );
  });

  it('updates price, stock and attributes of SKUs found by code or barcode; leaves the rest', async () => {
    const view = await importFile(
      seller.owner,
      csv([
        ['sku_code', 'barcode', 'list_price', 'stock', material],
        ['', barcode, '45.00', '7', 'Glass'],
        ['UP-2', '', '40.00', '10', ''],
        ['up-3', '', '', '3', ''],
      ]),
    );
    expect(view).toMatchObject({ status: 'succeeded', created: 0, updated: 2, unchanged: 1, failed: 0 });
    const skus = await t.database.raw(
      'select code, list_price from skus where seller_id = $1 order by code',
      [seller.sellerId],
    );
    expect(skus.rows.map((r) => [r.code, r.list_price])).toEqual([
      ['UP-1', '4500'],
      ['UP-2', '4000'],
      ['UP-3', '5500'],
    ]);
    const kettle = await t.database.raw(
      "select attributes from products where title->>'en-US' = 'Kettle' and seller_id = $1",
      [seller.sellerId],
    );
    expect(Object.values(kettle.rows[0]?.attributes as object)).toEqual(['Glass']);
    const stock = await t.database.raw(
      `select k.code, l.on_hand, m.reason, m.on_hand_delta, m.ref_type from stock_levels l
        join skus k on k.id = l.sku_id
        left join stock_movements m on m.sku_id = l.sku_id and m.ref_id = $2
        where k.seller_id = $1 order by k.code`,
      [seller.sellerId, view.id],
    );
    expect(stock.rows).toEqual([
      { code: 'UP-1', on_hand: 7, reason: 'count_correction', on_hand_delta: -3, ref_type: 'import' },
      { code: 'UP-2', on_hand: 10, reason: null, on_hand_delta: null, ref_type: null },
      { code: 'UP-3', on_hand: 3, reason: 'count_correction', on_hand_delta: 3, ref_type: 'import' },
    ]);
  });

  it('adds new SKUs to a product found by its other SKUs, in one product', async () => {
    const view = await importFile(
      seller.owner,
      csv([
        HEADER(),
        ['U1', 'Kettle', 'Acme', 'red', 'Glass', 'UP-1', barcode, '45.00', ''],
        ['U1', 'Kettle', 'Acme', 'green', 'Glass', 'UP-4', '', '45.00', ''],
      ]),
      { query: { categoryId: category.id } },
    );
    expect(view).toMatchObject({ created: 1, unchanged: 1, failed: 0 });
    const skus = await t.database.raw(
      "select count(distinct product_id)::int as products from skus where code in ('UP-1','UP-2','UP-4')",
    );
    expect(skus.rows[0]?.products).toBe(1);
  });

  it('refuses a SKU code that the barcode does not belong to, and unknown SKUs without a category', async () => {
    const view = await importFile(
      seller.owner,
      csv([
        ['sku_code', 'barcode', 'list_price'],
        ['UP-2', barcode, '41'],
        ['NOPE-1', '', '41'],
      ]),
    );
    expect(view).toMatchObject({ failed: 2, updated: 0 });
    const rows = await downloadCsv(seller.owner, view.errorFile?.csv as string);
    expect(rows[1]?.at(-1)).toContain(`Barcode ${barcode} is already used by your product`);
    expect(rows[1]?.at(-1)).toContain('SKU UP-1');
    expect(rows[2]?.at(-1)).toContain('«Product key»: Required.');
  });
});

describe('stores', () => {
  it("offers new products in the chosen store, its prices following the base price in the store's currency", async () => {
    const seller = await makeSeller(t);
    const store = await makeStore(t, seller, {
      currency: 'RUB',
      marketCountry: 'RU',
      defaultLanguage: 'ru-RU',
    });
    await setRate(t, 'CNY', 'RUB', '12.5');
    const view = await importFile(
      seller.owner,
      csv([HEADER(), ['S1', 'Teapot', '', 'red', '', 'ST-1', '', '100.00', '80.00']]),
      { query: { categoryId: category.id, storeId: store.id } },
    );
    expect(view).toMatchObject({ created: 1, failed: 0 });
    const product = await t.database.raw('select store_ids from products where seller_id = $1', [
      seller.sellerId,
    ]);
    expect(product.rows[0]?.store_ids).toEqual([store.id]);
    const prices = await t.database.raw(
      "select p.currency, p.mode, p.list_price, p.sale_price from sku_prices p join skus s on s.id = p.sku_id where s.code = 'ST-1'",
    );
    // 100 CNY × 12.5 = 1250 RUB, rounded to the RUB price ending (…9.00): 1249.00; 80 CNY → 1000 → 999.00.
    expect(prices.rows).toEqual([
      { currency: 'RUB', mode: 'follow', list_price: '124900', sale_price: '99900' },
    ]);
  });
});

describe('images from a ZIP', () => {
  const picture = (shade: number) =>
    sharp({ create: { width: 600, height: 600, channels: 3, background: { r: shade, g: 90, b: 160 } } })
      .jpeg()
      .toBuffer();

  it('attaches the images a row names, main image first; a missing file fails its product', async () => {
    const seller = await makeSeller(t);
    const zip = zipSync({
      'photos/front.jpg': new Uint8Array(await picture(10)),
      'photos/back.JPG': new Uint8Array(await picture(200)),
      'notes.txt': new Uint8Array(Buffer.from('hello')),
    });
    const bundle = await sendFile(seller.owner, '/api/v1/seller/imports/image-bundles', Buffer.from(zip), {
      filename: 'photos.zip',
      contentType: 'application/zip',
    });
    expect(bundle.statusCode, bundle.body).toBe(201);
    expect(bundle.json().files).toBe(3);
    const view = await importFile(
      seller.owner,
      csv([
        [...HEADER(), 'images'],
        ['I1', 'Lamp', '', 'red', '', 'IM-1', '', '20', '', 'front.jpg; back.jpg'],
        ['I2', 'Vase', '', 'red', '', 'IM-2', '', '20', '', 'side.jpg'],
        ['I3', 'Note', '', 'red', '', 'IM-3', '', '20', '', 'notes.txt'],
      ]),
      { query: { categoryId: category.id, imageBundleId: bundle.json().id } },
    );
    expect(view).toMatchObject({ status: 'succeeded', created: 1, failed: 2 });
    const images = await t.database.raw(
      `select i.original_name, i.position from product_images i join products p on p.id = i.product_id
        where p.seller_id = $1 order by i.position`,
      [seller.sellerId],
    );
    expect(images.rows).toEqual([
      { original_name: 'front.jpg', position: 0 },
      { original_name: 'back.jpg', position: 1 },
    ]);
    const rows = await downloadCsv(seller.owner, view.errorFile?.csv as string);
    expect(rows[1]?.at(-1)).toBe('«Image files»: Image side.jpg is not in the ZIP.');
    expect(rows[2]?.at(-1)).toContain('«Image files»:');
  });

  it('refuses a ZIP that is not one', async () => {
    const seller = await makeSeller(t);
    const res = await sendFile(
      seller.owner,
      '/api/v1/seller/imports/image-bundles',
      Buffer.from('not a zip'),
      {
        filename: 'photos.zip',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('zip_unreadable');
  });

  it('names image files in a row without a ZIP as a problem', async () => {
    const seller = await makeSeller(t);
    const view = await importFile(
      seller.owner,
      csv([
        [...HEADER(), 'images'],
        ['I1', 'Lamp', '', 'red', '', 'NZ-1', '', '20', '', 'front.jpg'],
      ]),
      { query: { categoryId: category.id } },
    );
    expect(view).toMatchObject({ created: 0, failed: 1 });
  });
});

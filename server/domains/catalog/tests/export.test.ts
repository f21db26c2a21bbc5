// Exports of products and SKUs with the product list's filters.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeSeller, type TestSeller } from '../../accounts/factories';
import { type MadeCategory, makeCategory } from '../../platform/factories';
import { randomEan13 } from '../factories';
import { csv, importFile } from './import-helpers';

let t: TestApp;
let shirts: MadeCategory;
let mugs: MadeCategory;
let seller: TestSeller;
const color = () => `attr.${shirts.attributes.color?.key}`;

beforeAll(async () => {
  t = await createTestApp();
  shirts = await makeCategory(t, {
    attributes: [
      {
        key: 'color',
        type: 'enum',
        variant: true,
        options: [
          { value: 'red', names: { 'en-US': 'Red', 'zh-CN': '红色', 'ru-RU': 'Красный' } },
          { value: 'blue', names: { 'en-US': 'Blue', 'zh-CN': '蓝色', 'ru-RU': 'Синий' } },
        ],
      },
      { key: 'organic', type: 'boolean' },
    ],
  });
  mugs = await makeCategory(t, { attributes: [{ key: 'volume', type: 'number', unit: 'ml' }] });
  seller = await makeSeller(t);
  await importFile(
    seller.owner,
    csv([
      [
        'product_key',
        'title.en-US',
        'brand',
        color(),
        `attr.${shirts.attributes.organic?.key}`,
        'sku_code',
        'barcode',
        'list_price',
        'sale_price',
      ],
      ['S1', 'Oxford shirt', 'Acme', 'red', 'yes', 'OX-1', randomEan13(), '49.90', '39.90'],
      ['S1', 'Oxford shirt', 'Acme', 'blue', 'yes', 'OX-2', randomEan13(), '49.90', ''],
      ['S2', '=HYPERLINK("http://evil.example")', '+Brand', 'red', 'no', 'EV-1', '', '10', ''],
    ]),
    { query: { categoryId: shirts.id } },
  );
  await importFile(
    seller.owner,
    csv([
      ['product_key', 'title.en-US', `attr.${mugs.attributes.volume?.key}`, 'sku_code', 'list_price'],
      ['M1', 'Tea mug', '350', 'MUG-1', '12'],
    ]),
    { query: { categoryId: mugs.id } },
  );
  // Another seller's products never show up.
  const other = await makeSeller(t);
  await importFile(
    other.owner,
    csv([
      ['product_key', 'title.en-US', 'sku_code', 'list_price'],
      ['O1', 'Oxford shirt', 'OTHER-1', '5'],
    ]),
    {
      query: { categoryId: shirts.id },
    },
  );
});
afterAll(async () => {
  await t.close();
});

const csvRows = (payload: Buffer) => parse(payload.toString('utf8').replace(/^\uFEFF/, '')) as string[][];

describe('CSV export', () => {
  it('has one row per SKU in the template’s columns, filtered like the product list', async () => {
    const res = await seller.owner.get(
      `/api/v1/seller/exports/products.csv?categoryId=${shirts.id}&sort=title`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [head, ...rows] = csvRows(res.rawPayload);
    const col = (key: string) => (head as string[]).indexOf(key);
    expect(col('product_number')).toBe(0);
    expect(col(color())).toBeGreaterThan(0);
    expect(col('stock')).toBe(-1);
    expect(rows.map((r) => r[col('sku_code')])).toEqual(['EV-1', 'OX-1', 'OX-2']);
    const ox1 = rows[1] as string[];
    expect(ox1[col('list_price')]).toBe('49.90');
    expect(ox1[col('sale_price')]).toBe('39.90');
    expect(ox1[col(color())]).toBe('Red');
    expect(ox1[col('currency')]).toBe('CNY');
    expect(ox1[col('review_state')]).toBe('Draft');
    expect(ox1[col('product_key')]).toBe(ox1[col('product_number')]);
    const evil = rows[0] as string[];
    expect(evil[col('title.en-US')]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(evil[col('brand')]).toBe(`'+Brand`);
  });

  it('searches like the list (q) and exports nothing of other sellers', async () => {
    const res = await seller.owner.get('/api/v1/seller/exports/products.csv?q=oxford');
    const [head, ...rows] = csvRows(res.rawPayload);
    expect(rows.map((r) => r[(head as string[]).indexOf('sku_code')])).toEqual(['OX-1', 'OX-2']);
    const none = await seller.owner.get('/api/v1/seller/exports/products.csv?reviewState=approved');
    expect(csvRows(none.rawPayload)).toHaveLength(1);
  });

  it('uploaded again (no category) changes nothing; an edited price updates that SKU', async () => {
    const res = await seller.owner.get('/api/v1/seller/exports/products.csv?q=oxford');
    const again = await importFile(seller.owner, res.rawPayload, { filename: 'export.csv' });
    expect(again).toMatchObject({ status: 'succeeded', created: 0, updated: 0, unchanged: 2, failed: 0 });
    const edited = res.rawPayload.toString('utf8').replace('49.90,39.90', '45.00,39.90');
    const changed = await importFile(seller.owner, edited, { filename: 'export.csv' });
    expect(changed).toMatchObject({ updated: 1, unchanged: 1, failed: 0 });
    const sku = await t.database.raw("select list_price from skus where code = 'OX-1'");
    expect(sku.rows[0]?.list_price).toBe('4500');
  });
});

describe('XLSX export', () => {
  it('is readable by exceljs: names, a hidden key row, numbers as numbers, formulas escaped', async () => {
    const res = await seller.owner.get('/api/v1/seller/exports/products.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('Products');
    const names = (sheet.getRow(1).values as unknown[]).slice(1);
    const keys = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    expect(sheet.getRow(2).hidden).toBe(true);
    expect(names[0]).toBe('Product number');
    // Attributes of every exported category.
    expect(keys).toContain(color());
    expect(keys).toContain(`attr.${mugs.attributes.volume?.key}`);
    const rows = [];
    for (let r = 3; r <= sheet.rowCount; r++) rows.push(sheet.getRow(r));
    expect(rows).toHaveLength(4);
    const col = (key: string) => keys.indexOf(key) + 1;
    const mug = rows.find((r) => r.getCell(col('sku_code')).value === 'MUG-1') as ExcelJS.Row;
    expect(mug.getCell(col('list_price')).value).toBe(12);
    expect(mug.getCell(col(`attr.${mugs.attributes.volume?.key}`)).value).toBe(350);
    expect(mug.getCell(col('available')).value).toBe(0);
    const evil = rows.find((r) => r.getCell(col('sku_code')).value === 'EV-1') as ExcelJS.Row;
    expect(evil.getCell(col('title.en-US')).value).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(evil.getCell(col(`attr.${shirts.attributes.organic?.key}`)).value).toBe('No');
  });

  it('readers may export; anonymous callers may not; bad filters are a 400', async () => {
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await analyst.agent.get('/api/v1/seller/exports/products.xlsx')).statusCode).toBe(200);
    expect((await new Agent(t.app).get('/api/v1/seller/exports/products.csv')).statusCode).toBe(401);
    const bad = await seller.owner.get('/api/v1/seller/exports/products.csv?reviewState=sometimes');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.reviewState');
  });
});

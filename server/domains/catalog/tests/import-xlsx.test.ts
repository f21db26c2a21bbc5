// The category template (XLSX and CSV) and an XLSX filled in and uploaded again.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeSeller, type TestSeller } from '../../accounts/factories';
import { type MadeCategory, makeCategory } from '../../platform/factories';
import { randomEan13 } from '../factories';
import { importFile } from './import-helpers';

let t: TestApp;
let category: MadeCategory;
let seller: TestSeller;
const keyOf = (name: string) => category.attributes[name]?.key as string;

beforeAll(async () => {
  t = await createTestApp();
  category = await makeCategory(t, {
    requiredLanguages: ['ru-RU', 'en-US'],
    attributes: [
      {
        key: 'size',
        type: 'enum',
        variant: true,
        required: true,
        options: ['S', 'M', 'L'].map((v) => ({
          value: v.toLowerCase(),
          names: { 'en-US': v, 'zh-CN': v, 'ru-RU': v },
        })),
      },
      {
        key: 'fabric',
        type: 'multi_enum',
        // Long enough that the drop-down list goes to the hidden sheet.
        options: Array.from({ length: 40 }, (_, i) => ({
          value: `fabric_${i}`,
          names: { 'en-US': `Fabric number ${i}`, 'zh-CN': `面料${i}`, 'ru-RU': `Ткань номер ${i}` },
        })),
      },
      {
        key: 'washable',
        type: 'boolean',
        names: { 'en-US': 'Washable', 'zh-CN': '可水洗', 'ru-RU': 'Можно стирать' },
      },
      { key: 'weight', type: 'number', unit: 'g' },
      { key: 'released', type: 'date' },
    ],
  });
  seller = await makeSeller(t);
  await seller.owner.patch('/api/auth/me', { locale: 'ru-RU' });
});
afterAll(async () => {
  await t.close();
});

async function workbookOf(res: { rawPayload: Buffer }) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

describe('the XLSX template', () => {
  it('has names in the reader’s language, a hidden key row, drop-downs and instructions', async () => {
    const res = await seller.owner.get(`/api/v1/seller/imports/template.xlsx?categoryId=${category.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toContain(`${category.slug}.xlsx`);
    const book = await workbookOf(res);
    expect(book.worksheets.map((s) => [s.name, s.state])).toEqual([
      ['Товары', 'visible'],
      ['Инструкция', 'visible'],
      ['lists', 'veryHidden'],
    ]);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const names = (sheet.getRow(1).values as unknown[]).slice(1);
    const keys = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(sheet.getRow(2).hidden).toBe(true);
    expect(names.slice(0, 4)).toEqual([
      'Код товара*',
      'Название (китайский)',
      'Название (английский)*',
      'Название (русский)*',
    ]);
    expect(keys).toContain(`attr.${keyOf('size')}`);
    expect(keys.at(-1)).toBe(`#category=${category.id}`);
    expect(names).toContain('weight, g');
    const sizeColumn = keys.indexOf(`attr.${keyOf('size')}`) + 1;
    const fabricColumn = keys.indexOf(`attr.${keyOf('fabric')}`) + 1;
    const washColumn = keys.indexOf(`attr.${keyOf('washable')}`) + 1;
    const size = sheet.getCell(3, sizeColumn).dataValidation;
    expect(size).toMatchObject({ type: 'list', formulae: ['"S,M,L"'], showErrorMessage: true });
    expect(sheet.getCell(4000, sizeColumn).dataValidation?.type).toBe('list');
    const fabric = sheet.getCell(3, fabricColumn).dataValidation;
    expect(fabric?.formulae?.[0]).toMatch(/^lists!\$A\$1:\$A\$40$/);
    expect(fabric?.showErrorMessage).toBeFalsy();
    expect((book.worksheets[2] as ExcelJS.Worksheet).getCell('A40').value).toBe('Ткань номер 39');
    expect(sheet.getCell(3, washColumn).dataValidation?.formulae).toEqual(['"Да,Нет"']);
    const priceColumn = keys.indexOf('list_price') + 1;
    expect(sheet.getCell(3, priceColumn).dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'greaterThan',
    });
    const instructions = book.worksheets[1] as ExcelJS.Worksheet;
    expect(String(instructions.getCell('A1').value)).toContain('Как заполнить шаблон');
    const text = instructions.getSheetValues().flat().map(String).join('\n');
    expect(text).toContain('Цены в CNY');
    expect(text).toContain('Одно из: S, M, L.');
  });

  it('comes as CSV too: UTF-8 with BOM, one row of keys', async () => {
    const res = await seller.owner.get(`/api/v1/seller/imports/template.csv?categoryId=${category.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFproduct_key,title.zh-CN,title.en-US,title.ru-RU,')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(1);
    expect(text).toContain(`attr.${keyOf('washable')}`);
  });

  it('without a category has the columns that update existing SKUs', async () => {
    const res = await seller.owner.get('/api/v1/seller/imports/template.xlsx');
    const sheet = (await workbookOf(res)).worksheets[0] as ExcelJS.Worksheet;
    const keys = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(keys).toContain('sku_code');
    expect(keys.some((k) => String(k).startsWith('attr.') || String(k).startsWith('#'))).toBe(false);
  });

  it('needs a leaf category; readers may download it, anonymous callers may not', async () => {
    const parent = await makeCategory(t);
    await makeCategory(t, { parentId: parent.id });
    const notLeaf = await seller.owner.get(`/api/v1/seller/imports/template.xlsx?categoryId=${parent.id}`);
    expect(notLeaf.statusCode).toBe(400);
    expect(notLeaf.json().code).toBe('category_not_leaf');
    const missing = await seller.owner.get(
      `/api/v1/seller/imports/template.csv?categoryId=${parent.path[0]}0`,
    );
    expect(missing.statusCode).toBe(400);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect(
      (await analyst.agent.get(`/api/v1/seller/imports/template.csv?categoryId=${category.id}`)).statusCode,
    ).toBe(200);
    expect((await new Agent(t.app).get('/api/v1/seller/imports/template.csv')).statusCode).toBe(401);
  });
});

describe('an XLSX template filled in and uploaded', () => {
  it('creates the products (the category comes from the template)', async () => {
    const res = await seller.owner.get(`/api/v1/seller/imports/template.xlsx?categoryId=${category.id}`);
    const book = await workbookOf(res);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const keys = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    const put = (row: number, key: string, value: ExcelJS.CellValue) => {
      const col = keys.indexOf(key) + 1;
      if (col === 0) throw new Error(`no column ${key}`);
      sheet.getCell(row, col).value = value;
    };
    const barcodes = [randomEan13(), randomEan13()];
    for (const [i, size] of ['S', 'M'].entries()) {
      const row = 3 + i;
      put(row, 'product_key', 'HOODIE');
      put(row, 'title.en-US', 'Hoodie');
      put(row, 'title.ru-RU', 'Худи');
      put(row, 'description.ru-RU', 'Тёплое худи');
      put(row, `attr.${keyOf('size')}`, size);
      put(row, `attr.${keyOf('fabric')}`, 'Ткань номер 3; Fabric number 7');
      put(row, `attr.${keyOf('washable')}`, 'Да');
      put(row, `attr.${keyOf('weight')}`, 350.5);
      put(row, `attr.${keyOf('released')}`, new Date(Date.UTC(2026, 2, 1)));
      put(row, 'sku_code', `HD-${size}`);
      put(row, 'barcode', barcodes[i] as string);
      put(row, 'list_price', 1299.9);
      put(row, 'weight_g', 400);
    }
    const data = Buffer.from(await book.xlsx.writeBuffer());
    const view = await importFile(seller.owner, data, { filename: 'filled.xlsx' });
    expect(view).toMatchObject({
      status: 'succeeded',
      categoryId: category.id,
      created: 2,
      failed: 0,
      encoding: null,
    });
    const product = await t.database.raw('select * from products where seller_id = $1', [seller.sellerId]);
    expect(product.rows).toHaveLength(1);
    const row = product.rows[0] as {
      title: object;
      description: object;
      attributes: Record<string, unknown>;
    };
    expect(row.title).toEqual({ 'en-US': 'Hoodie', 'ru-RU': 'Худи' });
    expect(row.description).toEqual({ 'ru-RU': 'Тёплое худи' });
    expect(row.attributes).toEqual({
      [keyOf('fabric')]: ['fabric_3', 'fabric_7'],
      [keyOf('washable')]: true,
      [keyOf('weight')]: 350.5,
      [keyOf('released')]: '2026-03-01',
    });
    const skus = await t.database.raw(
      'select code, barcode, list_price, options from skus where seller_id = $1 order by code',
      [seller.sellerId],
    );
    expect(skus.rows).toEqual([
      { code: 'HD-M', barcode: barcodes[1], list_price: '129990', options: { [keyOf('size')]: 'm' } },
      { code: 'HD-S', barcode: barcodes[0], list_price: '129990', options: { [keyOf('size')]: 's' } },
    ]);
  });

  it('reports XLSX rows by their sheet row number', async () => {
    const other = await makeSeller(t);
    const res = await other.owner.get(`/api/v1/seller/imports/template.xlsx?categoryId=${category.id}`);
    const book = await workbookOf(res);
    const sheet = book.worksheets[0] as ExcelJS.Worksheet;
    const keys = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    const put = (row: number, key: string, value: ExcelJS.CellValue) => {
      sheet.getCell(row, keys.indexOf(key) + 1).value = value;
    };
    put(3, 'product_key', 'X');
    put(3, 'title.en-US', 'Thing');
    put(3, 'title.ru-RU', 'Вещь');
    put(3, 'sku_code', 'X-1');
    put(3, 'list_price', 'много');
    const view = await importFile(other.owner, Buffer.from(await book.xlsx.writeBuffer()), {
      filename: 'bad.xlsx',
    });
    expect(view).toMatchObject({ created: 0, failed: 1 });
    const errors = await other.owner.get(view.errorFile?.csv as string);
    expect(errors.rawPayload.toString('utf8')).toContain(',3,');
  });
});

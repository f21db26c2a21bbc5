// Uploads: encodings, delimiters, broken files and who may import.
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeSeller, type TestSeller } from '../../accounts/factories';
import { makeWarehouse } from '../../inventory/factories';
import { type MadeCategory, makeCategory } from '../../platform/factories';
import { randomEan13 } from '../factories';
import { csv, importFile, uploadImport, waitForImport } from './import-helpers';
import { sendFile } from './multipart';

let t: TestApp;
let category: MadeCategory;
let color: string;
let material: string;

beforeAll(async () => {
  t = await createTestApp();
  category = await makeCategory(t, {
    requiredLanguages: ['ru-RU'],
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
      { key: 'material', type: 'text' },
    ],
  });
  color = `attr.${category.attributes.color?.key}`;
  material = `attr.${category.attributes.material?.key}`;
});
afterAll(async () => {
  await t.close();
});

const productCount = async (sellerId: string) =>
  Number(
    (await t.database.raw('select count(*)::int as n from products where seller_id = $1', [sellerId])).rows[0]
      ?.n,
  );

const titlesOf = async (sellerId: string) =>
  (
    await t.database.raw('select title from products where seller_id = $1 order by number', [sellerId])
  ).rows.map((r) => r.title as Record<string, string>);

/** A file of two products in Russian: a shirt in two colours and a scarf. */
function russianRows(tag: string) {
  return [
    ['product_key', 'title.ru-RU', 'title.zh-CN', color, material, 'sku_code', 'barcode', 'list_price'],
    ['P1', 'Футболка хлопковая «Ёж»', '纯棉T恤', 'Красный', 'Хлопок', `${tag}-1`, randomEan13(), '1 299,00'],
    ['P1', 'Футболка хлопковая «Ёж»', '纯棉T恤', 'Синий', 'Хлопок', `${tag}-2`, randomEan13(), '1 299,00'],
    ['P2', 'Шарф шерстяной', '羊毛围巾', 'red', 'Шерсть', `${tag}-3`, '', '990'],
  ];
}

async function freshSeller() {
  return makeSeller(t);
}

describe('encodings and delimiters', () => {
  it('reads UTF-8 with a BOM and without', async () => {
    const seller = await freshSeller();
    const plain = await importFile(seller.owner, csv(russianRows('U8')), {
      query: { categoryId: category.id },
    });
    expect(plain).toMatchObject({
      status: 'succeeded',
      encoding: 'utf-8',
      delimiter: 'comma',
      created: 3,
      failed: 0,
    });
    const other = await freshSeller();
    const bom = await importFile(other.owner, `\uFEFF${csv(russianRows('U8'))}`, {
      query: { categoryId: category.id },
    });
    expect(bom).toMatchObject({ status: 'succeeded', encoding: 'utf-8', created: 3 });
    expect((await titlesOf(other.sellerId))[0]).toEqual({
      'ru-RU': 'Футболка хлопковая «Ёж»',
      'zh-CN': '纯棉T恤',
    });
  });

  it('detects Windows-1251 and reads a semicolon-separated file', async () => {
    const seller = await freshSeller();
    const rows = russianRows('W1').map((r, i) =>
      i === 0 ? r : r.map((c) => c.replace('纯棉T恤', '').replace('羊毛围巾', '')),
    );
    const data = iconv.encode(csv(rows, ';'), 'windows-1251');
    const view = await importFile(seller.owner, data, { query: { categoryId: category.id } });
    expect(view).toMatchObject({
      status: 'succeeded',
      encoding: 'windows-1251',
      delimiter: 'semicolon',
      created: 3,
    });
    const titles = await titlesOf(seller.sellerId);
    expect(titles.map((x) => x['ru-RU'])).toEqual(['Футболка хлопковая «Ёж»', 'Шарф шерстяной']);
    const attrs = await t.database.raw(
      'select attributes from products where seller_id = $1 order by number',
      [seller.sellerId],
    );
    expect(Object.values(attrs.rows[1]?.attributes as object)).toEqual(['Шерсть']);
  });

  it('detects GBK (read as GB18030) and reads a tab-separated file', async () => {
    const seller = await freshSeller();
    const rows = [
      ['product_key', 'title.zh-CN', 'title.ru-RU', color, 'sku_code', 'list_price', 'keywords.zh-CN'],
      ['C1', '纯棉短袖T恤（白色）', 'Футболка', '红色', 'GB-1', '99.90', '纯棉 短袖 夏季'],
      ['C1', '纯棉短袖T恤（白色）', 'Футболка', '蓝色', 'GB-2', '99.90', ''],
    ];
    const data = iconv.encode(
      csv(rows, '\t').replace('Футболка', 'Futbolka').replace('Футболка', 'Futbolka'),
      'gbk',
    );
    const view = await importFile(seller.owner, data, { query: { categoryId: category.id } });
    expect(view).toMatchObject({ status: 'succeeded', encoding: 'gb18030', delimiter: 'tab', created: 2 });
    expect((await titlesOf(seller.sellerId))[0]).toEqual({
      'zh-CN': '纯棉短袖T恤（白色）',
      'ru-RU': 'Futbolka',
    });
    const skus = await t.database.raw('select options from skus where seller_id = $1 order by code', [
      seller.sellerId,
    ]);
    expect(skus.rows.map((r) => Object.values(r.options as object)[0])).toEqual(['red', 'blue']);
  });

  it('takes the encoding and delimiter the seller chooses', async () => {
    const seller = await freshSeller();
    const rows = [
      ['product_key', 'title.ru-RU', 'sku_code', 'list_price'],
      ['K1', 'Да', 'CH-1', '10'],
    ];
    // "Да" alone is too short to tell; the seller says what it is.
    const data = iconv.encode(csv(rows, ';'), 'windows-1251');
    const view = await importFile(seller.owner, data, {
      query: { categoryId: category.id, encoding: 'windows-1251', delimiter: 'semicolon' },
    });
    expect(view).toMatchObject({
      status: 'succeeded',
      encoding: 'windows-1251',
      delimiter: 'semicolon',
      created: 1,
    });
    expect((await titlesOf(seller.sellerId))[0]).toEqual({ 'ru-RU': 'Да' });
  });
});

describe('broken files', () => {
  let seller: TestSeller;
  beforeAll(async () => {
    seller = await freshSeller();
  });

  const expectRefused = async (
    data: Buffer | string,
    code: string,
    status = 400,
    filename = 'products.csv',
  ) => {
    const res = await uploadImport(seller.owner, data, { filename, query: { categoryId: category.id } });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe(code);
    return res.json();
  };

  it('refuses an empty file, a file of only a BOM and blank lines', async () => {
    await expectRefused('', 'import_file_empty');
    await expectRefused('\uFEFF\r\n\r\n  \n', 'import_file_empty');
  });

  it('names unknown and missing columns', async () => {
    const body = await expectRefused(
      csv([['product_key', 'Title (Russian)', 'Weight of box', 'price', 'sku_code']]),
      'import_unknown_columns',
    );
    expect(body.detail).toContain('Weight of box');
    expect(body.detail).toContain('price');
    const codes = body.errors.map((e: { code: string }) => e.code);
    expect(codes).toEqual(['import_unknown_columns', 'import_missing_columns']);
    expect(body.errors[1].message).toContain('list_price');
    const duplicate = await expectRefused(
      csv([['product_key', 'title.ru-RU', 'sku_code', 'list_price', 'SKU code']]),
      'import_duplicate_columns',
    );
    expect(duplicate.detail).toContain('SKU code');
  });

  it('refuses binary junk and files that only pretend to be spreadsheets', async () => {
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919) % 256;
    await expectRefused(junk, 'import_file_binary');
    await expectRefused(
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'import_xls_unsupported',
      415,
      'old.xls',
    );
    await expectRefused('just text', 'xlsx_unreadable', 400, 'fake.xlsx');
    await expectRefused(
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), junk]),
      'xlsx_unreadable',
      400,
      'broken.xlsx',
    );
  });

  it('fails fast on 50 MB of one line, without reading it into memory', async () => {
    const line = Buffer.alloc(50 * 1024 * 1024, 'a');
    const started = Date.now();
    const body = await expectRefused(line, 'csv_line_too_long');
    expect(body.detail).toContain('1');
    expect(Date.now() - started).toBeLessThan(20_000);
    // After a good header the upload check stops at line 2; further down, the import job does (line 3).
    const header = 'product_key,title.ru-RU,sku_code,list_price\n';
    const second = await expectRefused(Buffer.concat([Buffer.from(header), line]), 'csv_line_too_long');
    expect(second.detail).toContain('2');
    const third = Buffer.concat([Buffer.from(`${header}L1,Шапка,L-1,10\n`), line]);
    const res = await uploadImport(seller.owner, third, { query: { categoryId: category.id } });
    expect(res.statusCode).toBe(202);
    const view = await waitForImport(seller.owner, res.json().id);
    expect(view).toMatchObject({ status: 'failed', error: { code: 'csv_line_too_long' }, created: 0 });
    expect(view.error?.message).toContain('3');
    expect(await productCount(seller.sellerId)).toBe(0);
  });

  it('reports a quote that is never closed, and writes nothing', async () => {
    const data =
      'product_key,title.ru-RU,sku_code,list_price\nQ1,Шапка,Q-1,10\nQ2,"Шарф, синий,Q-2,10\nQ3,Носки,Q-3,10\n';
    const res = await uploadImport(seller.owner, data, { query: { categoryId: category.id } });
    expect(res.statusCode).toBe(202);
    const view = await waitForImport(seller.owner, res.json().id);
    expect(view).toMatchObject({ status: 'failed', error: { code: 'csv_quote_not_closed' }, created: 0 });
    expect(view.error?.message).toContain('3');
    expect(await productCount(seller.sellerId)).toBe(0);
  });

  it('fails a file with a header and no rows', async () => {
    const view = await importFile(
      seller.owner,
      csv([['product_key', 'title.ru-RU', 'sku_code', 'list_price'], []]),
      {
        query: { categoryId: category.id },
      },
    );
    expect(view).toMatchObject({ status: 'failed', error: { code: 'import_no_rows' } });
  });

  it('needs multipart with a file part', async () => {
    const notMultipart = await seller.owner.post(`/api/v1/seller/imports?categoryId=${category.id}`, {
      file: 'x',
    });
    expect(notMultipart.statusCode).toBe(415);
    expect(notMultipart.json().code).toBe('multipart_required');
    const boundary = '----empty';
    const noFile = await seller.owner.request(
      'POST',
      '/api/v1/seller/imports',
      Buffer.from(`--${boundary}--\r\n`),
      {
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    );
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().code).toBe('file_required');
  });

  it('checks the options: mode, category, store and image bundle', async () => {
    const data = csv(russianRows('OPT'));
    const badMode = await uploadImport(seller.owner, data, { query: { mode: 'sometimes' } });
    expect(badMode.statusCode).toBe(400);
    expect(badMode.json().errors[0].path).toBe('querystring.mode');
    const parent = await makeCategory(t);
    await makeCategory(t, { parentId: parent.id });
    const notLeaf = await uploadImport(seller.owner, data, { query: { categoryId: parent.id } });
    expect(notLeaf.statusCode).toBe(400);
    expect(notLeaf.json().code).toBe('category_not_leaf');
    const store = await uploadImport(seller.owner, data, {
      query: { categoryId: category.id, storeId: '01a20926-7156-7233-b602-691b333d79b4' },
    });
    expect(store.statusCode).toBe(400);
    expect(store.json().code).toBe('store_not_found');
    const bundle = await uploadImport(seller.owner, data, {
      query: { categoryId: category.id, imageBundleId: '01a20926-7156-7233-b602-691b333d79b4' },
    });
    expect(bundle.statusCode).toBe(404);
    expect(await productCount(seller.sellerId)).toBe(0);
  });
});

describe('who may import', () => {
  it('needs catalog:write to upload; an analyst reads imports but cannot upload', async () => {
    const seller = await freshSeller();
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    const refused = await uploadImport(analyst.agent, csv(russianRows('AN')), {
      query: { categoryId: category.id },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('permission_denied');
    const view = await importFile(seller.owner, csv(russianRows('AN')), {
      query: { categoryId: category.id },
    });
    expect((await analyst.agent.get(`/api/v1/seller/imports/${view.id}`)).statusCode).toBe(200);
    const list = await analyst.agent.get('/api/v1/seller/imports');
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([view.id]);
  });

  it('needs inventory:write for a stock column (a catalog manager has only inventory:read)', async () => {
    const seller = await freshSeller();
    await makeWarehouse(t, seller);
    const manager = await makeMember(t, seller, { role: 'catalog_manager' });
    const rows = [
      ['product_key', 'title.ru-RU', 'sku_code', 'list_price', 'stock'],
      ['S1', 'Шапка', 'ST-1', '10', '5'],
    ];
    const refused = await uploadImport(manager.agent, csv(rows), { query: { categoryId: category.id } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('inventory:write');
    const withoutStock = await importFile(manager.agent, csv(rows.map((r) => r.slice(0, 4))), {
      query: { categoryId: category.id },
    });
    expect(withoutStock).toMatchObject({ status: 'succeeded', created: 1 });
  });

  it("hides another seller's import (404) and asks anonymous callers to sign in (401)", async () => {
    const seller = await freshSeller();
    const other = await freshSeller();
    const view = await importFile(seller.owner, csv(russianRows('HID')), {
      query: { categoryId: category.id },
    });
    for (const url of [
      `/api/v1/seller/imports/${view.id}`,
      `/api/v1/seller/imports/${view.id}/errors.csv`,
      `/api/v1/seller/imports/${view.id}/errors.xlsx`,
    ]) {
      const res = await other.owner.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    expect((await other.owner.get('/api/v1/seller/imports')).json().items).toEqual([]);
    const anonymous = new Agent(t.app);
    expect((await anonymous.get(`/api/v1/seller/imports/${view.id}`)).statusCode).toBe(401);
    const upload = await sendFile(anonymous, '/api/v1/seller/imports', Buffer.from('x'), {
      filename: 'a.csv',
    });
    expect(upload.statusCode).toBe(401);
    expect((await seller.owner.get('/api/v1/seller/imports/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('upload size', () => {
  it('answers 413 for a file over the upload limit and keeps nothing of it', async () => {
    const small = await createTestApp({ env: { UPLOAD_LIMIT_BYTES: '2048' } });
    try {
      const seller = await makeSeller(small);
      const big = `product_key,title.ru-RU,sku_code,list_price\n${'X1,Шапка,X-1,10\n'.repeat(400)}`;
      const res = await uploadImport(seller.owner, big, {});
      expect(res.statusCode, res.body).toBe(413);
      expect(res.json().code).toBe('upload_too_large');
      const stored = await small.database.raw('select count(*)::int as n from import_jobs');
      expect(stored.rows[0]?.n).toBe(0);
    } finally {
      await small.close();
    }
  });
});

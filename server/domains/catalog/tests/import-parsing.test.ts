// Pure rules of the import: encodings, delimiters, cell values, the header. No database.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { CategoryRules } from '../service/deps';
import { majorText } from '../service/export';
import {
  parseAttribute,
  parseBoolean,
  parseDay,
  parseMoney,
  parseWhole,
  splitList,
} from '../service/import/cells';
import { detectDelimiter, detectEncoding, isValidUtf8, looksBinary } from '../service/import/encoding';
import { readHeader } from '../service/import/rows';
import { escapeFormula } from '../service/import/source';

const RU =
  'Название,Цена,Артикул\nФутболка хлопковая белая,199.90,TS-1\nЁлочная игрушка стеклянная,350,EL-7\n';
const ZH = '商品名称,价格,货号\n纯棉短袖T恤白色,199.90,TS-1\n玻璃圣诞装饰品,350,EL-7\n';

describe('encoding detection', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const plain = Buffer.from(RU, 'utf8');
    expect(detectEncoding(plain, false)).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]), false)).toEqual({
      encoding: 'utf-8',
      bom: true,
    });
    expect(detectEncoding(Buffer.from(ZH, 'utf8'), false)).toEqual({ encoding: 'utf-8', bom: false });
  });

  it('tells Windows-1251 (Russian) from GBK (Chinese)', () => {
    expect(detectEncoding(iconv.encode(RU, 'windows-1251'), false)).toMatchObject({
      encoding: 'windows-1251',
    });
    expect(detectEncoding(iconv.encode(ZH, 'gbk'), false)).toMatchObject({ encoding: 'gb18030' });
    expect(detectEncoding(iconv.encode(ZH, 'gb18030'), false)).toMatchObject({ encoding: 'gb18030' });
    // Even words of even length only, which GBK could decode, read as Russian by their letters.
    expect(
      detectEncoding(iconv.encode('ценовой подход,цвет\nтовар,да\n', 'windows-1251'), false),
    ).toMatchObject({
      encoding: 'windows-1251',
    });
  });

  it('tells them apart on many generated texts', () => {
    const ruWords = [
      'товар',
      'цена',
      'хлопок',
      'белый',
      'размер',
      'артикул',
      'доставка',
      'чёрный',
      'ткань',
      'я',
    ];
    const zhWords = ['商品', '价格', '纯棉', '白色', '尺码', '货号', '快递', '黑色', '面料', '衬衫'];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 40 }), (picks) => {
        const ru = picks.map((i) => ruWords[i]).join(' ');
        const zh = picks.map((i) => zhWords[i]).join('，');
        expect(detectEncoding(iconv.encode(`a,${ru}\n`, 'windows-1251'), false)).toMatchObject({
          encoding: 'windows-1251',
        });
        expect(detectEncoding(iconv.encode(`a,${zh}\n`, 'gbk'), false)).toMatchObject({
          encoding: 'gb18030',
        });
      }),
    );
  });

  it('reads UTF-16 by its byte-order mark or its zero bytes', () => {
    const le = iconv.encode(RU, 'utf-16le');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), false)).toMatchObject({
      encoding: 'utf-16le',
    });
    expect(detectEncoding(iconv.encode('sku_code,list_price\nA-1,10\n', 'utf-16le'), false)).toMatchObject({
      encoding: 'utf-16le',
    });
  });

  it('accepts a UTF-8 sequence cut at the end of a sample only when the sample is a head', () => {
    const text = Buffer.from('цена', 'utf8');
    const cut = text.subarray(0, text.length - 1);
    expect(isValidUtf8(cut, true)).toBe(true);
    expect(isValidUtf8(cut, false)).toBe(false);
  });

  it('calls binary files binary', () => {
    expect(detectEncoding(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]), false)).toEqual({
      binary: true,
    });
    expect(looksBinary(Buffer.from('plain, text\n'))).toBe(false);
  });
});

describe('delimiter detection', () => {
  it('takes the most frequent of comma, semicolon and tab in the header, outside quotes', () => {
    expect(detectDelimiter('a,b,c\n1;2;3')).toBe('comma');
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe('semicolon');
    expect(detectDelimiter('a\tb\tc\n')).toBe('tab');
    expect(detectDelimiter('"a,b";c;d\n')).toBe('semicolon');
    expect(detectDelimiter('only\n')).toBe('comma');
  });
});

describe('cells', () => {
  it('reads prices exactly, in the usual ways of writing them', () => {
    expect(parseMoney('199.90', 2)).toEqual({ ok: true, value: 19990 });
    expect(parseMoney('199,9', 2)).toEqual({ ok: true, value: 19990 });
    expect(parseMoney('1 299,00', 2)).toEqual({ ok: true, value: 129900 });
    expect(parseMoney('1,299.50', 2)).toEqual({ ok: true, value: 129950 });
    expect(parseMoney('1.299,50', 2)).toEqual({ ok: true, value: 129950 });
    expect(parseMoney('1280', 0)).toEqual({ ok: true, value: 1280 });
    expect(parseMoney('0.1', 2)).toEqual({ ok: true, value: 10 });
    expect(parseMoney('19.999', 2)).toMatchObject({ ok: false, code: 'import_price_precision' });
    expect(parseMoney('¥199', 2)).toMatchObject({ ok: false, code: 'import_not_a_price' });
    expect(parseMoney('-5', 2)).toMatchObject({ ok: false, code: 'import_not_a_price' });
  });

  it('round-trips every amount through its text without floating point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom(0, 2), (minor, units) => {
        expect(parseMoney(majorText(minor, units), units)).toEqual({ ok: true, value: minor });
      }),
    );
  });

  it('reads whole numbers, booleans, days and lists', () => {
    expect(parseWhole('1 000')).toEqual({ ok: true, value: 1000 });
    expect(parseWhole('12.0')).toEqual({ ok: true, value: 12 });
    expect(parseWhole('1.5')).toMatchObject({ ok: false });
    expect(parseBoolean('Да')).toEqual({ ok: true, value: true });
    expect(parseBoolean('否')).toEqual({ ok: true, value: false });
    expect(parseBoolean('maybe')).toMatchObject({ ok: false, code: 'import_not_a_boolean' });
    expect(parseDay('01.03.2026')).toEqual({ ok: true, value: '2026-03-01' });
    expect(parseDay('2026年3月1日')).toEqual({ ok: true, value: '2026-03-01' });
    expect(parseDay('2026-02-30')).toMatchObject({ ok: false });
    expect(splitList('a.jpg; b.jpg，c.jpg')).toEqual(['a.jpg', 'b.jpg', 'c.jpg']);
  });

  it('matches options by value or by name in any language', () => {
    const rule = {
      key: 'color',
      type: 'enum',
      options: [{ value: 'red', names: { 'en-US': 'Red', 'zh-CN': '红色', 'ru-RU': 'Красный' } }],
    } as unknown as CategoryRules['attributes'][number];
    expect(parseAttribute(rule, 'красный')).toEqual({ ok: true, value: 'red' });
    expect(parseAttribute(rule, '红色')).toEqual({ ok: true, value: 'red' });
    expect(parseAttribute(rule, 'RED')).toEqual({ ok: true, value: 'red' });
    expect(parseAttribute(rule, 'green')).toMatchObject({ ok: false, code: 'import_unknown_option' });
    const multi = { ...rule, type: 'multi_enum' } as typeof rule;
    expect(parseAttribute(multi, 'Red; red')).toEqual({ ok: true, value: ['red'] });
  });

  it('escapes formula-like text', () => {
    for (const text of ['=1+1', '+7', '-2', '@SUM(A1)', '\tx', '\rx'])
      expect(escapeFormula(text)).toBe(`'${text}`);
    expect(escapeFormula('Plain')).toBe('Plain');
  });
});

describe('header', () => {
  const rules = {
    id: 'c',
    requiredLanguages: ['en-US'],
    attributes: [
      {
        id: 'a',
        key: 'color',
        type: 'enum',
        unit: null,
        names: { 'en-US': 'Colour', 'ru-RU': 'Цвет', 'zh-CN': '颜色' },
        options: [],
        required: false,
        variant: true,
        position: 0,
      },
    ],
  } as unknown as CategoryRules;
  const row = (line: number, cells: string[]) => ({ line, cells });

  it('maps keys and names in any language, and names unknown and missing columns', () => {
    const ok = readHeader(
      [row(1, ['product_key', 'Название (английский)*', 'Цвет', 'SKU code', 'list_price'])],
      rules,
    );
    expect(ok.problems).toEqual([]);
    expect(ok.columns.map((c) => c?.key)).toEqual([
      'product_key',
      'title.en-US',
      'attr.color',
      'sku_code',
      'list_price',
    ]);
    const bad = readHeader(
      [row(1, ['product_key', 'colour', 'Weight of box', 'sku_code', 'sku_code'])],
      rules,
    );
    expect(bad.problems).toEqual([
      { code: 'import_unknown_columns', columns: ['Weight of box'] },
      { code: 'import_duplicate_columns', columns: ['sku_code'] },
      { code: 'import_missing_columns', columns: ['title.en-US', 'list_price'] },
    ]);
  });

  it('reads our XLSX layout: names, then the key row with the category', () => {
    const header = readHeader(
      [
        row(1, ['Product key*', 'Title (English)*', 'SKU code*', 'List price*']),
        row(2, [
          'product_key',
          'title.en-US',
          'sku_code',
          'list_price',
          '#category=01a20926-7156-7233-b602-691b333d79b4',
        ]),
      ],
      rules,
    );
    expect(header.problems).toEqual([]);
    expect(header.lastHeaderLine).toBe(2);
    expect(header.categoryHint).toBe('01a20926-7156-7233-b602-691b333d79b4');
  });

  it('needs only a SKU code or barcode without a category (updates)', () => {
    expect(readHeader([row(1, ['barcode', 'stock'])], null).problems).toEqual([]);
    expect(readHeader([row(1, ['stock'])], null).problems).toEqual([
      { code: 'import_missing_columns', columns: ['sku_code'] },
    ]);
    expect(readHeader([row(1, ['sku_code', 'attr.material'])], null).columns[1]?.attributeKey).toBe(
      'material',
    );
    expect(readHeader([], null).problems[0]?.code).toBe('import_file_empty');
  });
});

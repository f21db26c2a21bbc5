// Pure rules of the catalog core: barcodes, price endings, quarantine, quality, revision diffs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barcodeKind, checkBarcode, gs1CheckDigit, isValidBarcode } from '../service/barcodes';
import { adjustedPrice } from '../service/bulk';
import { submissionProblems } from '../service/content';
import { applyPriceEnding, needsQuarantine, PRICE_ENDINGS } from '../service/price-rules';
import { computeQuality } from '../service/quality';
import { contentDiff } from '../service/review';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });
const withCheck = (body: number[]) => `${body.join('')}${gs1CheckDigit(body.join(''))}`;

describe('GS1 barcodes', () => {
  it('known real barcodes pass and their kinds are detected', () => {
    expect(checkBarcode('4006381333931')).toEqual({ ok: true, kind: 'ean13' });
    expect(checkBarcode('96385074')).toEqual({ ok: true, kind: 'ean8' });
    expect(checkBarcode('036000291452')).toEqual({ ok: true, kind: 'upca' });
    expect(checkBarcode('10012345678902')).toEqual({ ok: true, kind: 'gtin14' });
    expect(checkBarcode('9787115428028')).toEqual({ ok: true, kind: 'ean13' }); // ISBN-13
  });

  it('names what is wrong', () => {
    expect(checkBarcode('4006381333932')).toEqual({ ok: false, reason: 'barcode_check_digit' });
    expect(checkBarcode('400638133393')).toEqual({ ok: false, reason: 'barcode_check_digit' });
    expect(checkBarcode('40063813339')).toEqual({ ok: false, reason: 'barcode_length' });
    expect(checkBarcode('4006-381333931')).toEqual({ ok: false, reason: 'barcode_not_digits' });
    expect(barcodeKind('12345')).toBeNull();
  });

  for (const [kind, length] of [
    ['ean8', 8],
    ['upca', 12],
    ['ean13', 13],
    ['gtin14', 14],
  ] as const) {
    it(`${kind}: every number with its check digit passes`, () => {
      fc.assert(
        fc.property(digits(length - 1), (body) => {
          expect(checkBarcode(withCheck(body))).toEqual({ ok: true, kind });
        }),
      );
    });

    it(`${kind}: changing any single digit makes it fail`, () => {
      fc.assert(
        fc.property(
          digits(length - 1),
          fc.integer({ min: 0, max: length - 1 }),
          fc.integer({ min: 1, max: 9 }),
          (body, position, shift) => {
            const code = withCheck(body).split('');
            code[position] = String((Number(code[position]) + shift) % 10);
            expect(isValidBarcode(code.join(''))).toBe(false);
          },
        ),
      );
    });
  }
});

describe('price endings of converted prices', () => {
  it('rounds to the nearest price with the currency ending', () => {
    expect(applyPriceEnding('RUB', 128_734)).toBe(128_900); // 1 287.34 → 1 289.00
    expect(applyPriceEnding('RUB', 129_900)).toBe(129_900); // already ends in 9
    expect(applyPriceEnding('RUB', 124_300)).toBe(123_900); // 1 243 → 1 239
    expect(applyPriceEnding('RUB', 350)).toBe(900); // never below the first allowed price
    expect(applyPriceEnding('CNY', 9962)).toBe(9990); // 99.62 → 99.90
    expect(applyPriceEnding('USD', 1240)).toBe(1199); // 12.40 → 11.99
    expect(applyPriceEnding('EUR', 1260)).toBe(1299);
    expect(applyPriceEnding('KZT', 452_060)).toBe(452_100); // whole tenge
    expect(applyPriceEnding('JPY', 1280)).toBe(1280);
    expect(applyPriceEnding('TRY', 12_345)).toBe(12_345); // no rule: as converted
  });

  it('every result ends as its rule says and is at most half a step away', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(PRICE_ENDINGS)),
        fc.integer({ min: 1, max: 1e10 }),
        (c, amount) => {
          const rule = PRICE_ENDINGS[c] as { step: number; ending: number };
          const out = applyPriceEnding(c, amount);
          expect(out).toBeGreaterThan(0);
          expect((out - rule.ending) % rule.step).toBe(0);
          if (amount >= rule.ending + rule.step)
            expect(Math.abs(out - amount)).toBeLessThanOrEqual(rule.step / 2);
        },
      ),
    );
  });
});

describe('price quarantine', () => {
  const p = (listPrice: number, salePrice: number | null = null) => ({ listPrice, salePrice });
  it('holds jumps by the factor or more, up or down, of the list price or the price paid', () => {
    expect(needsQuarantine(p(1990), p(199), 3)).toBe(true);
    expect(needsQuarantine(p(1990), p(5970), 3)).toBe(true);
    expect(needsQuarantine(p(1990), p(5969), 3)).toBe(false);
    expect(needsQuarantine(p(1990), p(664), 3)).toBe(false);
    expect(needsQuarantine(p(1990), p(1990, 500), 3)).toBe(true); // a sale price of a quarter
    expect(needsQuarantine(p(1990, 1500), p(1990, null), 3)).toBe(false);
    expect(needsQuarantine(p(1990), p(1990), 1.5)).toBe(false);
  });
});

describe('bulk price changes', () => {
  it('percent changes round half-even to whole minor units; amounts add', () => {
    expect(adjustedPrice(1990, { kind: 'percent', direction: 'up', value: 10 })).toBe(2189);
    expect(adjustedPrice(1995, { kind: 'percent', direction: 'down', value: 10 })).toBe(1796); // 1795.5 → 1796
    expect(adjustedPrice(1985, { kind: 'percent', direction: 'down', value: 10 })).toBe(1786); // 1786.5 → 1786
    expect(adjustedPrice(1990, { kind: 'amount', direction: 'down', value: 500 })).toBe(1490);
  });
});

const rules = {
  id: 'c',
  slug: 'c',
  parentId: null,
  path: ['c'],
  depth: 0,
  names: {},
  breadcrumb: [],
  active: true,
  isLeaf: true,
  commissionBps: 1000,
  minImages: 2,
  maxImages: 4,
  requiredLanguages: ['zh-CN', 'ru-RU'],
  attributes: [
    {
      id: 'a1',
      key: 'size',
      type: 'enum' as const,
      unit: null,
      names: {},
      options: [
        { value: 'S', names: {} },
        { value: 'M', names: {} },
      ],
      required: true,
      variant: true,
      position: 0,
    },
    {
      id: 'a2',
      key: 'material',
      type: 'text' as const,
      unit: null,
      names: {},
      options: [],
      required: true,
      variant: false,
      position: 1,
    },
    {
      id: 'a3',
      key: 'volume',
      type: 'number' as const,
      unit: 'ml',
      names: {},
      options: [],
      required: false,
      variant: false,
      position: 2,
    },
  ],
  documentTypes: [
    { id: 'd1', key: 'eac', names: {}, numberPattern: null, numberExample: null, expires: true },
  ],
};

const content = {
  categoryId: 'c',
  brand: null,
  title: { 'en-US': 'Shirt' },
  description: {},
  keywords: {},
  attributes: { volume: 'lots' } as Record<string, string>,
  imageIds: ['i1'],
  videoUrl: null,
  documentIds: [],
};

describe('submission completeness', () => {
  it('lists every problem at once, with product paths', () => {
    const problems = submissionProblems({
      content,
      rules,
      skus: [
        { code: 'A', options: { size: 'S' }, status: 'active' },
        { code: 'B', options: { size: 'S' }, status: 'active' },
        { code: 'C', options: {}, status: 'inactive' },
      ],
      validDocumentTypeIds: [],
    });
    expect(problems.map((p) => `${p.path}:${p.code}`)).toEqual([
      'title.zh-CN:language_required',
      'description.zh-CN:language_required',
      'title.ru-RU:language_required',
      'description.ru-RU:language_required',
      'attributes.material:attribute_required',
      'attributes.volume:attribute_type',
      'images:too_few_images',
      'documents.eac:document_required',
      'skus.1.options:duplicate_options',
      'skus.2.options.size:option_required',
    ]);
  });
});

describe('listing quality', () => {
  it('scores a bare draft low with concrete hints, and a complete one 100', () => {
    const bare = computeQuality({ content, imageCount: 0, rules, skus: [] });
    expect(bare.hints).toEqual(
      expect.arrayContaining([
        'missing_language:zh-CN',
        'missing_language:en-US',
        'missing_language:ru-RU',
        'short_title',
        'short_description',
        'no_images',
        'empty_required_attribute:material',
        'no_keywords',
        'no_brand',
        'no_skus',
      ]),
    );
    expect(bare.score).toBe(0);
    const text = 'Soft cotton shirt with a relaxed fit, double-stitched seams and a tag-free collar. '.repeat(
      3,
    );
    const full = computeQuality({
      content: {
        brand: 'Acme',
        title: {
          'zh-CN': '纯棉宽松短袖T恤男女同款',
          'en-US': 'Relaxed cotton T-shirt',
          'ru-RU': 'Хлопковая футболка свободного кроя',
        },
        description: {
          'zh-CN':
            '纯棉面料，宽松版型，双针缝线，无标签领口，亲肤透气，适合日常穿着，多色可选，男女同款，四季皆宜。'.repeat(
              2,
            ),
          'en-US': text,
          'ru-RU': text,
        },
        keywords: { 'en-US': 'tee' },
        attributes: { material: 'cotton', volume: 1 },
        videoUrl: 'https://example.com/v.mp4',
      },
      imageCount: 4,
      rules,
      skus: [
        {
          status: 'active',
          barcode: '4006381333931',
          weightGrams: 200,
          lengthMm: 300,
          widthMm: 200,
          heightMm: 20,
        },
      ],
    });
    expect(full).toEqual({ score: 100, hints: [] });
  });
});

describe('revision diff', () => {
  it('names changed fields per language and per attribute', () => {
    const after = {
      ...content,
      title: { 'en-US': 'Shirt', 'ru-RU': 'Рубашка' },
      attributes: { volume: 5 },
      imageIds: ['i2', 'i1'],
    };
    expect(contentDiff(content, after)).toEqual([
      { field: 'imageIds', from: ['i1'], to: ['i2', 'i1'] },
      { field: 'title.ru-RU', from: null, to: 'Рубашка' },
      { field: 'attributes.volume', from: 'lots', to: 5 },
    ]);
    expect(contentDiff(null, after)).toEqual([]);
  });
});

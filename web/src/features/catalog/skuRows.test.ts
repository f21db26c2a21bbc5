import { describe, expect, it } from 'vitest';
import type { Sku } from './api';
import {
  axesOf,
  blankRow,
  combinations,
  generateRows,
  rowDiff,
  rowFromSku,
  rowToInput,
  suggestCode,
} from './skuRows';

const sku = (over: Partial<Sku> = {}): Sku => ({
  id: 's1',
  productId: 'p1',
  code: 'TEE-RED-M',
  barcode: null,
  barcodeKind: null,
  options: { colour: 'red', size: 'M' },
  currency: 'CNY',
  listPrice: 9900,
  salePrice: null,
  priceHold: null,
  weightGrams: 200,
  lengthMm: null,
  widthMm: null,
  heightMm: null,
  status: 'active',
  backorder: false,
  position: 0,
  storePrices: [
    { storeId: 'st1', currency: 'RUB', mode: 'follow', listPrice: 129900, salePrice: null, priceHold: null },
  ],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});
const storeCurrency = (id: string) => (id === 'st1' ? 'RUB' : undefined);

describe('SKU rows', () => {
  it('builds every combination of the chosen axes', () => {
    expect(combinations(['colour', 'size'], { colour: ['red', 'blue'], size: ['S', 'M'] })).toEqual([
      { colour: 'red', size: 'S' },
      { colour: 'red', size: 'M' },
      { colour: 'blue', size: 'S' },
      { colour: 'blue', size: 'M' },
    ]);
    expect(combinations(['colour'], { colour: [] })).toEqual([]);
    expect(combinations([], {})).toEqual([]);
  });

  it('suggests SKU codes from the prefix and option values', () => {
    expect(suggestCode('TEE', { colour: 'red', size: 'XL' }, ['colour', 'size'], 0)).toBe('TEE-RED-XL');
    expect(suggestCode('', { colour: '红色' }, ['colour'], 2)).toBe('3');
    expect(suggestCode('T 1', { size: '42' }, ['size'], 0)).toBe('T1-42');
  });

  it('adds missing combinations, keeps existing rows and replaces an untouched blank row', () => {
    const existing = { ...rowFromSku(sku()) };
    const rows = generateRows(
      [existing, blankRow()],
      ['colour', 'size'],
      { colour: ['red'], size: ['M', 'L'] },
      'TEE',
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe(existing);
    expect(rows[1]?.options).toEqual({ colour: 'red', size: 'L' });
    expect(rows[1]?.code).toBe('TEE-RED-L');
    // New rows copy the price of the first priced row.
    expect(rows[1]?.listPrice).toBe(99);
  });

  it('finds the axes and values used by existing rows', () => {
    const rows = [rowFromSku(sku()), rowFromSku(sku({ id: 's2', options: { colour: 'blue', size: 'M' } }))];
    expect(axesOf(rows)).toEqual({
      axes: ['colour', 'size'],
      values: { colour: ['red', 'blue'], size: ['M'] },
    });
  });

  it('turns a row into minor-unit API input with store overrides only', () => {
    const row = { ...blankRow({ colour: 'red' }, 'A-1'), listPrice: 19.99, salePrice: 15 };
    row.storePrices = { st1: { mode: 'override', listPrice: 2490, salePrice: null } };
    expect(rowToInput(row, 'CNY', ['colour'], storeCurrency, ['st1'])).toEqual({
      code: 'A-1',
      barcode: null,
      options: { colour: 'red' },
      listPrice: 1999,
      salePrice: 1500,
      weightGrams: null,
      lengthMm: null,
      widthMm: null,
      heightMm: null,
      status: 'active',
      backorder: false,
      storePrices: [{ storeId: 'st1', mode: 'override', listPrice: 249000, salePrice: null }],
    });
  });

  it('diffs a saved row against its SKU', () => {
    const s = sku();
    const row = rowFromSku(s);
    expect(rowDiff(row, s, ['colour', 'size'], storeCurrency, ['st1'])).toBeNull();
    expect(rowDiff({ ...row, listPrice: 89 }, s, ['colour', 'size'], storeCurrency, ['st1'])).toEqual({
      listPrice: 8900,
    });
    const overridden = {
      ...row,
      storePrices: { st1: { mode: 'override' as const, listPrice: 1000, salePrice: null } },
    };
    expect(rowDiff(overridden, s, ['colour', 'size'], storeCurrency, ['st1'])).toEqual({
      storePrices: [{ storeId: 'st1', mode: 'override', listPrice: 100000, salePrice: null }],
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { backgroundBase, withPlatform } from '../../../platform/db/tenant';
import { categoryRules, convertMinor, seedPlatformCatalog } from '..';
import { documentNumberMatches } from '../service/document-types';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const count = async (table: string) =>
  (await t.database.raw(`select count(*)::int as n from ${table}`)).rows[0]?.n as number;

describe('seedPlatformCatalog', () => {
  it('creates a realistic catalog configuration once, and nothing on a second run', async () => {
    const first = await withPlatform(t.database, backgroundBase(), (ctx) => seedPlatformCatalog(ctx));
    expect(first.created.categories).toBe(19);
    expect(first.created.attributes).toBe(18);
    expect(first.created.documentTypes).toBe(4);
    expect(first.created.rejectionReasons).toBeGreaterThanOrEqual(7);
    expect(first.created.exchangeRates).toBe(10);
    const before = await Promise.all(
      [
        'categories',
        'attributes',
        'category_attributes',
        'category_document_types',
        'document_types',
        'rejection_reasons',
        'exchange_rates',
      ].map(count),
    );

    const second = await withPlatform(t.database, backgroundBase(), (ctx) => seedPlatformCatalog(ctx));
    expect(second.created).toEqual({
      categories: 0,
      attributes: 0,
      documentTypes: 0,
      links: 0,
      rejectionReasons: 0,
      exchangeRates: 0,
    });
    expect(second.categories).toEqual(first.categories);
    const after = await Promise.all(
      [
        'categories',
        'attributes',
        'category_attributes',
        'category_document_types',
        'document_types',
        'rejection_reasons',
        'exchange_rates',
      ].map(count),
    );
    expect(after).toEqual(before);
  });

  it('builds rules that inherit as intended', async () => {
    const seed = await withPlatform(t.database, backgroundBase(), (ctx) => seedPlatformCatalog(ctx));
    const rules = (slug: string) =>
      withPlatform(t.database, backgroundBase(), (ctx) =>
        categoryRules(ctx, seed.categories[slug] as string),
      );
    const jeans = await rules('women-jeans');
    expect(jeans).toMatchObject({ commissionBps: 1500, minImages: 3, maxImages: 8, isLeaf: true });
    expect(jeans?.attributes.map((a) => a.key)).toEqual(['colour', 'material', 'waist_size']);
    expect(jeans?.breadcrumb.map((b) => b.names['en-US'])).toEqual(['Clothing', 'Women', 'Jeans']);
    const dresses = await rules('women-dresses');
    expect(dresses).toMatchObject({ commissionBps: 1700, maxImages: 10 });
    expect(dresses?.attributes.find((a) => a.key === 'size')).toMatchObject({
      required: true,
      variant: true,
    });
    const makeup = await rules('makeup');
    expect(makeup?.documentTypes.map((d) => d.key)).toEqual(['cosmetics_safety_certificate']);
    expect(makeup?.requiredLanguages).toEqual(['en-US', 'ru-RU']);
    const chargers = await rules('chargers');
    expect(chargers?.documentTypes.map((d) => d.key)).toEqual(['eac_declaration']);
    expect(chargers?.attributes.find((a) => a.key === 'power_output')).toMatchObject({
      unit: 'W',
      required: true,
    });
    const med = await rules('medical-devices');
    expect(med?.documentTypes[0]).toMatchObject({ key: 'rzn_registration', expires: false });
    for (const d of [
      ...(chargers?.documentTypes ?? []),
      ...(makeup?.documentTypes ?? []),
      ...(med?.documentTypes ?? []),
    ]) {
      expect(documentNumberMatches(d.numberPattern, d.numberExample ?? '')).toBe(true);
    }
    const rub = await withPlatform(t.database, backgroundBase(), (ctx) =>
      convertMinor(ctx, { amount: 10000, from: 'CNY', to: 'RUB' }),
    );
    expect(rub).toBe(124500);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { backgroundBase, withSystem, withTenant } from '../../../platform/db/tenant';
import { makeSeller } from '../../accounts/factories';
import {
  categoryRules,
  categorySubtreeIds,
  convertMinor,
  documentNumberMatches,
  documentTypesByIds,
  priceQuarantineFactor,
  rejectionReasonsByKeys,
} from '..';
import { makeCategory, makeCategoryTree, makeDocumentType, platformAdmin, setRate } from '../factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const sys = <T>(fn: Parameters<typeof withSystem<T>>[2]) => withSystem(t.database, backgroundBase(), fn);

describe('categoryRules (inheritance)', () => {
  it('takes null rules from the nearest ancestor that sets them, else the defaults', async () => {
    const root = await makeCategory(t, { commissionBps: 1500, minImages: 2, maxImages: 9 });
    const mid = await makeCategory(t, {
      parentId: root.id,
      commissionBps: 700,
      requiredLanguages: ['ru-RU'],
    });
    const leaf = await makeCategory(t, { parentId: mid.id, maxImages: 5 });
    const rules = await sys((ctx) => categoryRules(ctx, leaf.id));
    expect(rules).toMatchObject({
      id: leaf.id,
      path: [root.id, mid.id, leaf.id],
      depth: 2,
      commissionBps: 700,
      minImages: 2,
      maxImages: 5,
      requiredLanguages: ['ru-RU'],
      isLeaf: true,
      active: true,
    });
    expect(rules?.breadcrumb.map((b) => b.id)).toEqual([root.id, mid.id, leaf.id]);
    const top = await sys((ctx) => categoryRules(ctx, root.id));
    expect(top).toMatchObject({ isLeaf: false, requiredLanguages: [], commissionBps: 1500 });
    const bare = await makeCategory(t);
    expect(await sys((ctx) => categoryRules(ctx, bare.id))).toMatchObject({
      commissionBps: 1000,
      minImages: 1,
      maxImages: 10,
      requiredLanguages: [],
    });
  });

  it('inherits attributes down the tree; a descendant overrides or excludes them', async () => {
    const op = await platformAdmin(t);
    const root = await makeCategory(t, {
      attributes: [
        { key: 'colour', type: 'enum', variant: true, position: 2 },
        { key: 'material', type: 'text', required: true, position: 1 },
        { key: 'weight', type: 'number', unit: 'g', position: 3 },
      ],
    });
    const child = await makeCategory(t, { parentId: root.id });
    const grandchild = await makeCategory(t, { parentId: child.id });
    const colour = root.attributes.colour as { id: string; key: string };
    const material = root.attributes.material as { id: string; key: string };
    const weight = root.attributes.weight as { id: string; key: string };
    // child: colour becomes required and first; weight is excluded
    expect(
      (
        await op.put(`/api/v1/platform/categories/${child.id}/attributes/${colour.id}`, {
          required: true,
          variant: true,
          position: 0,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await op.put(`/api/v1/platform/categories/${child.id}/attributes/${weight.id}`, { excluded: true }))
        .statusCode,
    ).toBe(200);
    // grandchild: weight comes back (a deeper own row wins), material is no longer required
    await op.put(`/api/v1/platform/categories/${grandchild.id}/attributes/${weight.id}`, { position: 9 });
    await op.put(`/api/v1/platform/categories/${grandchild.id}/attributes/${material.id}`, { position: 1 });

    const atRoot = await sys((ctx) => categoryRules(ctx, root.id));
    expect(atRoot?.attributes.map((a) => [a.key, a.required, a.variant])).toEqual([
      [material.key, true, false],
      [colour.key, false, true],
      [weight.key, false, false],
    ]);
    const atChild = await sys((ctx) => categoryRules(ctx, child.id));
    expect(atChild?.attributes.map((a) => [a.key, a.required, a.variant])).toEqual([
      [colour.key, true, true],
      [material.key, true, false],
    ]);
    const atGrandchild = await sys((ctx) => categoryRules(ctx, grandchild.id));
    expect(atGrandchild?.attributes.map((a) => [a.key, a.required])).toEqual([
      [colour.key, true],
      [material.key, false],
      [weight.key, false],
    ]);
    const w = atGrandchild?.attributes.find((a) => a.key === weight.key);
    expect(w).toMatchObject({ type: 'number', unit: 'g', position: 9 });
  });

  it('inherits document types and lets a subtree lift a requirement', async () => {
    const op = await platformAdmin(t);
    const root = await makeCategory(t, { documentTypes: [{ key: 'eac', expires: true }] });
    const child = await makeCategory(t, { parentId: root.id });
    const exempt = await makeCategory(t, { parentId: root.id });
    const eac = root.documentTypes.eac as { id: string };
    await op.put(`/api/v1/platform/categories/${exempt.id}/document-types/${eac.id}`, { excluded: true });
    const own = await makeDocumentType(t, {
      key: 'rzn',
      numberPattern: null,
      numberExample: null,
      expires: false,
    });
    await op.put(`/api/v1/platform/categories/${exempt.id}/document-types/${own.id}`, {});

    expect((await sys((ctx) => categoryRules(ctx, child.id)))?.documentTypes.map((d) => d.id)).toEqual([
      eac.id,
    ]);
    const ex = await sys((ctx) => categoryRules(ctx, exempt.id));
    expect(ex?.documentTypes).toEqual([
      {
        id: own.id,
        key: own.key,
        names: expect.any(Object),
        numberPattern: null,
        numberExample: null,
        expires: false,
      },
    ]);
    expect(await sys((ctx) => documentTypesByIds(ctx, [eac.id, own.id, eac.id, 'nope']))).toHaveLength(2);
  });

  it('returns null for unknown ids and marks inactive categories', async () => {
    expect(await sys((ctx) => categoryRules(ctx, '0190a1b2-0000-7000-8000-000000000000'))).toBeNull();
    expect(await sys((ctx) => categoryRules(ctx, 'not-a-uuid'))).toBeNull();
    const op = await platformAdmin(t);
    const c = await makeCategory(t);
    await op.post(`/api/v1/platform/categories/${c.id}/deactivate`);
    expect(await sys((ctx) => categoryRules(ctx, c.id))).toMatchObject({ active: false });
  });

  it('works in a seller transaction (reference data is readable under RLS)', async () => {
    const seller = await makeSeller(t);
    const tree = await makeCategoryTree(t);
    const base = { ...backgroundBase(), sellerId: seller.sellerId, storeIds: null, currentStoreId: null };
    const rules = await withTenant(t.database, base, (ctx) => categoryRules(ctx, tree.tshirts.id));
    expect(rules?.attributes.map((a) => a.id)).toEqual([
      tree.attributes.size.id,
      tree.attributes.colour.id,
      tree.attributes.material.id,
    ]);
    expect(rules).toMatchObject({ commissionBps: 1200, minImages: 3, maxImages: 8 });
    const ids = await withTenant(t.database, base, (ctx) => categorySubtreeIds(ctx, tree.clothing.id));
    expect(ids.sort()).toEqual([tree.clothing.id, tree.tshirts.id].sort());
  });
});

describe('rejectionReasonsByKeys, priceQuarantineFactor, documentNumberMatches', () => {
  it('returns known reasons by key', async () => {
    const op = await platformAdmin(t);
    const names = { 'zh-CN': '水印', 'en-US': 'Watermark', 'ru-RU': 'Водяной знак' };
    await op.post('/api/v1/platform/rejection-reasons', { key: 'watermark_test', names });
    const found = await sys((ctx) => rejectionReasonsByKeys(ctx, ['watermark_test', 'unknown_key']));
    expect(found).toEqual([{ id: expect.any(String), key: 'watermark_test', names, active: true }]);
    expect(await sys((ctx) => rejectionReasonsByKeys(ctx, []))).toEqual([]);
  });

  it('defaults the price quarantine factor to 3 and follows the setting', async () => {
    expect(await sys((ctx) => priceQuarantineFactor(ctx))).toBe(3);
    const op = await platformAdmin(t);
    expect((await op.patch('/api/v1/platform/settings', { priceQuarantineFactor: 4.5 })).statusCode).toBe(
      200,
    );
    expect(await sys((ctx) => priceQuarantineFactor(ctx))).toBe(4.5);
  });

  it('matches document numbers against the whole pattern', () => {
    const eac = 'ЕАЭС N RU Д-[A-Z]{2}\\.[А-Я]{2}[0-9]{2}\\.[А-Я]\\.[0-9]{5}/[0-9]{2}';
    expect(documentNumberMatches(eac, 'ЕАЭС N RU Д-CN.РА01.В.12345/24')).toBe(true);
    expect(documentNumberMatches(eac, 'x ЕАЭС N RU Д-CN.РА01.В.12345/24')).toBe(false);
    expect(documentNumberMatches(null, '  ')).toBe(false);
    expect(documentNumberMatches(null, 'anything')).toBe(true);
  });
});

describe('convertMinor', () => {
  it('uses the latest rate on or before the day, and the exact inverse pair', async () => {
    await setRate(t, 'CNY', 'RUB', '12.5', '2024-01-10');
    await setRate(t, 'CNY', 'RUB', '13', '2024-01-20');
    const at = (day: string, amount: number, from = 'CNY', to = 'RUB') =>
      sys((ctx) => convertMinor(ctx, { amount, from, to, day }));
    expect(await at('2024-01-09', 100)).toBeNull();
    expect(await at('2024-01-10', 10000)).toBe(125000);
    expect(await at('2024-01-19', 10000)).toBe(125000);
    expect(await at('2024-01-25', 10000)).toBe(130000);
    // inverse: 1250.00 RUB at 1/12.5 = 100.00 CNY; 1.00 RUB / 13 = 0.0769… → 0.08
    expect(await at('2024-01-15', 125000, 'RUB', 'CNY')).toBe(10000);
    expect(await at('2024-01-25', 100, 'RUB', 'CNY')).toBe(8);
    expect(await at('2024-01-25', 777, 'RUB', 'RUB')).toBe(777);
    expect(await at('2024-01-25', 100, 'CNY', 'EUR')).toBeNull();
    expect(
      await sys((ctx) =>
        convertMinor(ctx, { amount: 100, from: 'CNY', to: 'RUB', day: new Date('2024-01-12T10:00:00Z') }),
      ),
    ).toBe(1250);
  });

  it('rounds half-even, including to a currency without minor units', async () => {
    await setRate(t, 'USD', 'JPY', '150.5', '2024-02-01');
    await setRate(t, 'EUR', 'USD', '0.5', '2024-02-01');
    const c = (amount: number, from: string, to: string) =>
      sys((ctx) => convertMinor(ctx, { amount, from, to, day: '2024-02-01' }));
    expect(await c(1, 'USD', 'JPY')).toBe(2); // 1.505 → 2
    expect(await c(1000, 'USD', 'JPY')).toBe(1505);
    expect(await c(1, 'EUR', 'USD')).toBe(0); // 0.005 → 0.00
    expect(await c(3, 'EUR', 'USD')).toBe(2); // 0.015 → 0.02
    expect(await c(5, 'EUR', 'USD')).toBe(2); // 0.025 → 0.02
    // JPY → USD through the inverse of USD/JPY 150.5: 301 JPY = 2.00 USD exactly
    expect(await c(301, 'JPY', 'USD')).toBe(200);
  });

  it('prefers the direct pair when both directions are set for the same day', async () => {
    await setRate(t, 'KZT', 'CNY', '0.02', '2024-03-01');
    await setRate(t, 'CNY', 'KZT', '60', '2024-03-01');
    const c = (amount: number, from: string, to: string) =>
      sys((ctx) => convertMinor(ctx, { amount, from, to, day: '2024-03-05' }));
    expect(await c(10000, 'KZT', 'CNY')).toBe(200);
    expect(await c(100, 'CNY', 'KZT')).toBe(6000);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeOperator, makeSeller, type TestSeller } from '../../accounts/factories';
import { type CategoryTree, makeCategory, makeCategoryTree, platformAdmin } from '../factories';

let t: TestApp;
let tree: CategoryTree;
let seller: TestSeller;
beforeAll(async () => {
  t = await createTestApp();
  tree = await makeCategoryTree(t);
  seller = await makeSeller(t);
});
afterAll(async () => {
  await t.close();
});

const MISSING = '0190a1b2-0000-7000-8000-000000000000';

describe('GET /api/v1/seller/categories', () => {
  it('lists the active tree with names in every language and leaf flags', async () => {
    const admin = await platformAdmin(t);
    const hidden = await makeCategory(t);
    await admin.post(`/api/v1/platform/categories/${hidden.id}/deactivate`);
    const res = await seller.owner.get('/api/v1/seller/categories');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; isLeaf: boolean; names: Record<string, string> }[];
    const clothing = items.find((c) => c.id === tree.clothing.id);
    expect(clothing).toMatchObject({
      parentId: null,
      depth: 0,
      isLeaf: false,
      names: { 'zh-CN': '服装', 'en-US': 'Clothing', 'ru-RU': 'Одежда' },
    });
    expect(items.find((c) => c.id === tree.tshirts.id)).toMatchObject({
      parentId: tree.clothing.id,
      isLeaf: true,
    });
    expect(items.some((c) => c.id === hidden.id)).toBe(false);
    // depth-first: the child follows its parent
    expect(items.findIndex((c) => c.id === tree.tshirts.id)).toBe(
      items.findIndex((c) => c.id === tree.clothing.id) + 1,
    );
  });

  it('needs a seller with catalog:read', async () => {
    expect((await new Agent(t.app).get('/api/v1/seller/categories')).statusCode).toBe(401);
    const { agent: finance } = await makeMember(t, seller, { role: 'finance' });
    const denied = await finance.get('/api/v1/seller/categories');
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'permission_denied' });
    const { agent: analyst } = await makeMember(t, seller, { role: 'analyst' });
    expect((await analyst.get('/api/v1/seller/categories')).statusCode).toBe(200);
    const { agent: operator } = await makeOperator(t);
    expect((await operator.get('/api/v1/seller/categories')).statusCode).toBe(403);
  });
});

describe('GET /api/v1/seller/categories/:id/rules', () => {
  it('gives the effective rules with attributes and document types', async () => {
    const res = await seller.owner.get(`/api/v1/seller/categories/${tree.tshirts.id}/rules`);
    expect(res.statusCode).toBe(200);
    const rules = res.json();
    expect(rules).toMatchObject({
      id: tree.tshirts.id,
      isLeaf: true,
      commissionBps: 1200,
      minImages: 3,
      maxImages: 8,
      requiredLanguages: ['zh-CN', 'en-US'],
      documentTypes: [],
    });
    expect(rules.breadcrumb.map((b: { names: { 'en-US': string } }) => b.names['en-US'])).toEqual([
      'Clothing',
      'T-shirts',
    ]);
    expect(
      rules.attributes.map((a: { key: string; required: boolean; variant: boolean }) => [
        a.key,
        a.required,
        a.variant,
      ]),
    ).toEqual([
      [tree.attributes.size.key, true, true],
      [tree.attributes.colour.key, false, true],
      [tree.attributes.material.key, false, false],
    ]);
    expect(rules.attributes[1].options[0]).toEqual({
      value: 'black',
      names: { 'zh-CN': '黑色', 'en-US': 'Black', 'ru-RU': 'Чёрный' },
    });
    const cosmetics = (await seller.owner.get(`/api/v1/seller/categories/${tree.cosmetics.id}/rules`)).json();
    expect(cosmetics.documentTypes).toEqual([
      expect.objectContaining({
        id: tree.documentTypes.cosmeticsCertificate.id,
        expires: true,
        numberExample: 'COS-2024-123456',
      }),
    ]);
    const electronics = (
      await seller.owner.get(`/api/v1/seller/categories/${tree.electronics.id}/rules`)
    ).json();
    expect(electronics.attributes[0]).toMatchObject({ type: 'number', unit: 'mAh', required: true });
  });

  it('answers 404 for unknown and inactive categories, 400 for a bad id, 403 without catalog:read', async () => {
    expect((await seller.owner.get(`/api/v1/seller/categories/${MISSING}/rules`)).statusCode).toBe(404);
    expect((await seller.owner.get('/api/v1/seller/categories/abc/rules')).statusCode).toBe(400);
    const admin = await platformAdmin(t);
    const gone = await makeCategory(t);
    await admin.post(`/api/v1/platform/categories/${gone.id}/deactivate`);
    const res = await seller.owner.get(`/api/v1/seller/categories/${gone.id}/rules`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', detail: 'The category was not found.' });
    const { agent: finance } = await makeMember(t, seller, { role: 'finance' });
    expect((await finance.get(`/api/v1/seller/categories/${tree.tshirts.id}/rules`)).statusCode).toBe(403);
  });
});

describe('GET /api/v1/seller/document-types', () => {
  it('lists document types for sellers', async () => {
    const res = await seller.owner.get('/api/v1/seller/document-types');
    expect(res.statusCode).toBe(200);
    const doc = res
      .json()
      .items.find((d: { id: string }) => d.id === tree.documentTypes.cosmeticsCertificate.id);
    expect(doc).toMatchObject({ numberPattern: 'COS-[0-9]{4}-[0-9]{6}', expires: true });
    expect(doc.categoryCount).toBeUndefined();
    const { agent: finance } = await makeMember(t, seller, { role: 'finance' });
    expect((await finance.get('/api/v1/seller/document-types')).statusCode).toBe(403);
    expect((await new Agent(t.app).get('/api/v1/seller/document-types')).statusCode).toBe(401);
  });
});

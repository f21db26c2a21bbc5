import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeOperator, makeSeller } from '../../accounts/factories';
import { makeAttribute, makeCategory, makeDocumentType, platformAdmin } from '../factories';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await platformAdmin(t);
});
afterAll(async () => {
  await t.close();
});

const names = (en: string) => ({ 'zh-CN': `${en} 中`, 'en-US': en, 'ru-RU': `${en} ру` });
const rand = () => Math.random().toString(36).slice(2, 8);
const MISSING = '0190a1b2-0000-7000-8000-000000000000';

const row = async (id: string) =>
  (await t.database.raw('select * from categories where id = $1', [id])).rows[0] as Record<string, unknown>;

describe('POST /api/v1/platform/categories', () => {
  it('creates a top-level category and a child with path and depth', async () => {
    const slug = `home-${rand()}`;
    const res = await admin.post('/api/v1/platform/categories', {
      slug,
      names: names('Home'),
      commissionBps: 900,
      minImages: 2,
      maxImages: 6,
      requiredLanguages: ['zh-CN', 'ru-RU'],
    });
    expect(res.statusCode).toBe(201);
    const home = res.json();
    expect(home).toMatchObject({
      slug,
      parentId: null,
      depth: 0,
      path: [home.id],
      active: true,
      commissionBps: 900,
      requiredLanguages: ['zh-CN', 'ru-RU'],
    });
    const kitchen = await admin.post('/api/v1/platform/categories', {
      parentId: home.id,
      slug: `kitchen-${rand()}`,
      names: names('Kitchen'),
    });
    expect(kitchen.statusCode).toBe(201);
    expect(kitchen.json()).toMatchObject({
      parentId: home.id,
      depth: 1,
      path: [home.id, kitchen.json().id],
      commissionBps: null,
    });
    expect(await row(kitchen.json().id)).toMatchObject({ depth: 1, parent_id: home.id });

    const tree = await admin.get('/api/v1/platform/categories');
    expect(tree.statusCode).toBe(200);
    const ids = tree.json().items.map((c: { id: string }) => c.id);
    expect(ids.indexOf(kitchen.json().id)).toBe(ids.indexOf(home.id) + 1);
    expect(tree.json().items.find((c: { id: string }) => c.id === home.id).childCount).toBe(1);
  });

  it('answers 400 for bad input with every path', async () => {
    const res = await admin.post('/api/v1/platform/categories', {
      slug: 'Bad Slug!',
      names: { 'en-US': '' },
      commissionBps: 10_001,
      minImages: -1,
      requiredLanguages: ['fr-FR'],
      extra: 1,
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.slug',
        'body.names.en-US',
        'body.names.zh-CN',
        'body.commissionBps',
        'body.minImages',
      ]),
    );
  });

  it('refuses min images above max images, also across inheritance', async () => {
    const own = await admin.post('/api/v1/platform/categories', {
      slug: `x-${rand()}`,
      names: names('X'),
      minImages: 5,
      maxImages: 3,
    });
    expect(own.statusCode).toBe(400);
    expect(own.json()).toMatchObject({ code: 'category_images_range' });
    const parent = await makeCategory(t, { maxImages: 4 });
    const child = await admin.post('/api/v1/platform/categories', {
      parentId: parent.id,
      slug: `y-${rand()}`,
      names: names('Y'),
      minImages: 6,
    });
    expect(child.statusCode).toBe(400);
    expect(child.json().errors[0]).toMatchObject({ path: 'body.minImages', code: 'category_images_range' });
    const okChild = await makeCategory(t, { parentId: parent.id, minImages: 3 });
    // lowering the parent's max below the child's own min is refused too
    const lower = await admin.patch(`/api/v1/platform/categories/${parent.id}`, { maxImages: 2 });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().detail).toContain(okChild.slug);
  });

  it('answers 409 for a taken slug and an inactive parent, 400 for an unknown parent', async () => {
    const c = await makeCategory(t);
    const dup = await admin.post('/api/v1/platform/categories', { slug: c.slug, names: names('Dup') });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'category_slug_taken' });
    expect(dup.json().errors[0].path).toBe('body.slug');
    const unknown = await admin.post('/api/v1/platform/categories', {
      parentId: MISSING,
      slug: `z-${rand()}`,
      names: names('Z'),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('category_parent_not_found');
    await admin.post(`/api/v1/platform/categories/${c.id}/deactivate`);
    const under = await admin.post('/api/v1/platform/categories', {
      parentId: c.id,
      slug: `w-${rand()}`,
      names: names('W'),
    });
    expect(under.statusCode).toBe(409);
    expect(under.json().code).toBe('category_parent_inactive');
  });

  it('limits the depth of the tree', async () => {
    let parentId: string | null = null;
    for (let i = 0; i < 6; i++) parentId = (await makeCategory(t, { parentId })).id;
    const res = await admin.post('/api/v1/platform/categories', {
      parentId,
      slug: `deep-${rand()}`,
      names: names('Deep'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('category_too_deep');
  });

  it('needs a session, an operator, and catalog_config:manage', async () => {
    const body = { slug: `p-${rand()}`, names: names('P') };
    expect((await new Agent(t.app).post('/api/v1/platform/categories', body)).statusCode).toBe(401);
    const { owner } = await makeSeller(t);
    const seller = await owner.post('/api/v1/platform/categories', body);
    expect(seller.statusCode).toBe(403);
    expect(seller.json().code).toBe('not_operator');
    const { agent: support } = await makeOperator(t, 'support');
    const denied = await support.post('/api/v1/platform/categories', body);
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'permission_denied' });
    // support may read the tree (listings:read); a warehouse operator may not
    expect((await support.get('/api/v1/platform/categories')).statusCode).toBe(200);
    const { agent: warehouse } = await makeOperator(t, 'warehouse');
    expect((await warehouse.get('/api/v1/platform/categories')).statusCode).toBe(403);
  });
});

describe('PATCH /api/v1/platform/categories/:id', () => {
  it('renames, changes and clears rules, and records the diff', async () => {
    const c = await makeCategory(t, { commissionBps: 1000 });
    const res = await admin.patch(`/api/v1/platform/categories/${c.id}`, {
      names: names('Renamed'),
      commissionBps: null,
      minImages: 2,
      position: 7,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      names: names('Renamed'),
      commissionBps: null,
      minImages: 2,
      position: 7,
    });
    const { rows } = await t.database.raw(
      "select changes from audit_log where entity_id = $1 and action = 'category.updated'",
      [c.id],
    );
    expect(rows[0]?.changes).toMatchObject({
      commissionBps: { from: 1000, to: null },
      minImages: { from: null, to: 2 },
    });
  });

  it('moves a subtree and keeps path and depth of every descendant right', async () => {
    const a = await makeCategory(t);
    const b = await makeCategory(t, { parentId: a.id });
    const c = await makeCategory(t, { parentId: b.id });
    const target = await makeCategory(t);
    const targetChild = await makeCategory(t, { parentId: target.id });
    const res = await admin.patch(`/api/v1/platform/categories/${b.id}`, { parentId: targetChild.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      parentId: targetChild.id,
      depth: 2,
      path: [target.id, targetChild.id, b.id],
    });
    expect(await row(c.id)).toMatchObject({ depth: 3, path: [target.id, targetChild.id, b.id, c.id] });
    // and back to the top level
    const top = await admin.patch(`/api/v1/platform/categories/${b.id}`, { parentId: null });
    expect(top.json()).toMatchObject({ parentId: null, depth: 0, path: [b.id] });
    expect(await row(c.id)).toMatchObject({ depth: 1, path: [b.id, c.id] });
    expect(await row(a.id)).toMatchObject({ depth: 0, path: [a.id] });
    const { rows } = await t.database.raw("select payload from outbox_events where type = 'category.moved'");
    expect(rows.some((r) => (r.payload as { categoryId: string }).categoryId === b.id)).toBe(true);
  });

  it('refuses a move into its own subtree (409) and beyond the depth limit (400)', async () => {
    const a = await makeCategory(t);
    const b = await makeCategory(t, { parentId: a.id });
    const self = await admin.patch(`/api/v1/platform/categories/${a.id}`, { parentId: a.id });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('category_move_into_itself');
    const into = await admin.patch(`/api/v1/platform/categories/${a.id}`, { parentId: b.id });
    expect(into.statusCode).toBe(409);
    let deep: string | null = null;
    for (let i = 0; i < 5; i++) deep = (await makeCategory(t, { parentId: deep })).id;
    const tooDeep = await admin.patch(`/api/v1/platform/categories/${a.id}`, { parentId: deep });
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().code).toBe('category_too_deep');
    expect(await row(a.id)).toMatchObject({ depth: 0, parent_id: null });
  });

  it('answers 404 for an unknown category and 400 for a bad id', async () => {
    expect((await admin.patch(`/api/v1/platform/categories/${MISSING}`, { position: 1 })).statusCode).toBe(
      404,
    );
    expect((await admin.patch('/api/v1/platform/categories/nope', { position: 1 })).statusCode).toBe(400);
    expect((await admin.get(`/api/v1/platform/categories/${MISSING}`)).statusCode).toBe(404);
  });
});

describe('deactivate / activate', () => {
  it('deactivates the whole subtree and activates back with ?subtree=true', async () => {
    const a = await makeCategory(t);
    const b = await makeCategory(t, { parentId: a.id });
    const res = await admin.post(`/api/v1/platform/categories/${a.id}/deactivate`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ category: { active: false }, changed: 2 });
    expect(await row(b.id)).toMatchObject({ active: false });
    const again = await admin.post(`/api/v1/platform/categories/${a.id}/deactivate`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('category_already_inactive');
    // a child cannot come back while its parent is inactive
    const child = await admin.post(`/api/v1/platform/categories/${b.id}/activate`);
    expect(child.statusCode).toBe(409);
    expect(child.json().code).toBe('category_parent_inactive');
    const back = await admin.post(`/api/v1/platform/categories/${a.id}/activate?subtree=true`);
    expect(back.statusCode).toBe(200);
    expect(back.json().changed).toBe(2);
    expect(await row(b.id)).toMatchObject({ active: true });
    const inactiveOnly = await admin.get('/api/v1/platform/categories?active=false');
    expect(inactiveOnly.json().items.some((c: { id: string }) => c.id === a.id)).toBe(false);
  });

  it('needs catalog_config:manage', async () => {
    const c = await makeCategory(t);
    const { agent } = await makeOperator(t, 'reviewer');
    expect((await agent.post(`/api/v1/platform/categories/${c.id}/deactivate`)).statusCode).toBe(403);
    expect((await admin.post(`/api/v1/platform/categories/${MISSING}/deactivate`)).statusCode).toBe(404);
  });
});

describe('category links', () => {
  it('attaches, overrides and detaches attributes; the detail shows where each comes from', async () => {
    const parent = await makeCategory(t, { attributes: [{ key: 'colour', type: 'enum', variant: true }] });
    const child = await makeCategory(t, { parentId: parent.id });
    const colour = parent.attributes.colour as { id: string };
    const put = await admin.put(`/api/v1/platform/categories/${child.id}/attributes/${colour.id}`, {
      required: true,
      variant: true,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ required: true, variant: true, excluded: false });
    const detail = await admin.get(`/api/v1/platform/categories/${child.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().attributeLinks).toEqual([
      expect.objectContaining({
        attributeId: colour.id,
        own: true,
        inherited: true,
        required: true,
        sourceCategoryId: child.id,
      }),
    ]);
    expect(detail.json().ruleSources).toEqual({
      commissionBps: null,
      minImages: null,
      maxImages: null,
      requiredLanguages: null,
    });
    const del = await admin.delete(`/api/v1/platform/categories/${child.id}/attributes/${colour.id}`);
    expect(del.statusCode).toBe(204);
    const after = await admin.get(`/api/v1/platform/categories/${child.id}`);
    expect(after.json().attributeLinks[0]).toMatchObject({
      own: false,
      required: false,
      sourceCategoryId: parent.id,
    });
    expect(
      (await admin.delete(`/api/v1/platform/categories/${child.id}/attributes/${colour.id}`)).statusCode,
    ).toBe(404);
  });

  it('refuses a variant of a type that cannot vary, and excluding what is not inherited', async () => {
    const c = await makeCategory(t);
    const flag = await makeAttribute(t, { type: 'boolean' });
    const res = await admin.put(`/api/v1/platform/categories/${c.id}/attributes/${flag.id}`, {
      variant: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      path: 'body.variant',
      code: 'attribute_not_variant_capable',
    });
    const exclude = await admin.put(`/api/v1/platform/categories/${c.id}/attributes/${flag.id}`, {
      excluded: true,
    });
    expect(exclude.statusCode).toBe(400);
    expect(exclude.json().code).toBe('link_nothing_to_exclude');
    const bad = await admin.put(`/api/v1/platform/categories/${c.id}/attributes/${flag.id}`, {
      required: 'yes',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await admin.put(`/api/v1/platform/categories/${c.id}/attributes/${MISSING}`, {})).statusCode,
    ).toBe(404);
    expect(
      (await admin.put(`/api/v1/platform/categories/${MISSING}/attributes/${flag.id}`, {})).statusCode,
    ).toBe(404);
  });

  it('requires and lifts document types', async () => {
    const doc = await makeDocumentType(t);
    const parent = await makeCategory(t);
    const child = await makeCategory(t, { parentId: parent.id });
    expect(
      (await admin.put(`/api/v1/platform/categories/${parent.id}/document-types/${doc.id}`, {})).statusCode,
    ).toBe(200);
    const lift = await admin.put(`/api/v1/platform/categories/${child.id}/document-types/${doc.id}`, {
      excluded: true,
    });
    expect(lift.statusCode).toBe(200);
    const detail = await admin.get(`/api/v1/platform/categories/${child.id}`);
    expect(detail.json().documentTypeLinks).toEqual([
      expect.objectContaining({ documentTypeId: doc.id, excluded: true, own: true, inherited: true }),
    ]);
    expect(detail.json().effective.documentTypes).toEqual([]);
    expect(
      (await admin.delete(`/api/v1/platform/categories/${child.id}/document-types/${doc.id}`)).statusCode,
    ).toBe(204);
    expect(
      (await admin.delete(`/api/v1/platform/categories/${child.id}/document-types/${doc.id}`)).statusCode,
    ).toBe(404);
    const { agent: support } = await makeOperator(t, 'support');
    expect(
      (await support.put(`/api/v1/platform/categories/${parent.id}/document-types/${doc.id}`, {})).statusCode,
    ).toBe(403);
  });
});

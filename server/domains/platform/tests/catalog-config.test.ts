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

describe('attributes', () => {
  it('creates an enum with translated options, reads, lists and updates it', async () => {
    const key = `colour_${rand()}`;
    const res = await admin.post('/api/v1/platform/attributes', {
      key,
      type: 'enum',
      names: names('Colour'),
      options: [
        { value: 'black', names: { 'zh-CN': '黑色', 'en-US': 'Black', 'ru-RU': 'Чёрный' } },
        { value: 'white' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const attr = res.json();
    expect(attr).toMatchObject({
      key,
      type: 'enum',
      unit: null,
      categoryCount: 0,
      options: [
        { value: 'black', names: { 'zh-CN': '黑色', 'en-US': 'Black', 'ru-RU': 'Чёрный' } },
        { value: 'white', names: {} },
      ],
    });
    expect((await admin.get(`/api/v1/platform/attributes/${attr.id}`)).json()).toEqual(attr);
    const list = await admin.get(`/api/v1/platform/attributes?q=${key}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([attr.id]);
    const byName = await admin.get(
      `/api/v1/platform/attributes?q=${encodeURIComponent('Colour ру')}&type=enum`,
    );
    expect(byName.json().items.some((a: { id: string }) => a.id === attr.id)).toBe(true);

    const upd = await admin.patch(`/api/v1/platform/attributes/${attr.id}`, {
      options: [{ value: 'black' }, { value: 'white' }, { value: 'navy' }],
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().options.map((o: { value: string }) => o.value)).toEqual(['black', 'white', 'navy']);
    expect(upd.json().key).toBe(key);
  });

  it('paginates by key', async () => {
    const prefix = `pg${rand()}`;
    for (const i of [1, 2, 3]) {
      await admin.post('/api/v1/platform/attributes', {
        key: `${prefix}_${i}`,
        type: 'text',
        names: names('T'),
      });
    }
    const first = await admin.get(`/api/v1/platform/attributes?q=${prefix}&limit=2`);
    expect(first.json().items).toHaveLength(2);
    const next = await admin.get(
      `/api/v1/platform/attributes?q=${prefix}&limit=2&cursor=${first.json().nextCursor}`,
    );
    expect(next.json().items.map((a: { key: string }) => a.key)).toEqual([`${prefix}_3`]);
    expect(next.json().nextCursor).toBeNull();
    expect((await admin.get('/api/v1/platform/attributes?cursor=garbage')).statusCode).toBe(400);
  });

  it('validates type, unit and options together', async () => {
    const base = { names: names('A') };
    const noOptions = await admin.post('/api/v1/platform/attributes', {
      ...base,
      key: `a_${rand()}`,
      type: 'enum',
    });
    expect(noOptions.statusCode).toBe(400);
    expect(noOptions.json().errors[0]).toMatchObject({
      path: 'body.options',
      code: 'attribute_options_required',
    });
    const unit = await admin.post('/api/v1/platform/attributes', {
      ...base,
      key: `a_${rand()}`,
      type: 'text',
      unit: 'kg',
      options: [{ value: 'x' }],
    });
    expect(unit.statusCode).toBe(400);
    expect(
      unit
        .json()
        .errors.map((e: { code: string }) => e.code)
        .sort(),
    ).toEqual(['attribute_options_not_allowed', 'attribute_unit_not_allowed']);
    const dup = await admin.post('/api/v1/platform/attributes', {
      ...base,
      key: `a_${rand()}`,
      type: 'multi_enum',
      options: [{ value: 'Cotton' }, { value: 'cotton' }],
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({
      path: 'body.options.1.value',
      code: 'attribute_option_duplicate',
    });
    const bad = await admin.post('/api/v1/platform/attributes', {
      key: '1bad key',
      type: 'colour',
      names: {},
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.key', 'body.type', 'body.names.en-US']),
    );
    const num = await admin.post('/api/v1/platform/attributes', {
      ...base,
      key: `battery_${rand()}`,
      type: 'number',
      unit: 'mAh',
    });
    expect(num.statusCode).toBe(201);
    expect(num.json()).toMatchObject({ type: 'number', unit: 'mAh', options: [] });
    const taken = await admin.post('/api/v1/platform/attributes', {
      ...base,
      key: num.json().key,
      type: 'text',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'attribute_key_taken', errors: [{ path: 'body.key' }] });
  });

  it('changes the type unless a category uses it as a variant it could no longer be', async () => {
    const free = await makeAttribute(t, { type: 'text' });
    const changed = await admin.patch(`/api/v1/platform/attributes/${free.id}`, {
      type: 'enum',
      options: [{ value: 'a' }],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ type: 'enum', options: [{ value: 'a' }] });
    // back to number: options are dropped
    const toNumber = await admin.patch(`/api/v1/platform/attributes/${free.id}`, {
      type: 'number',
      unit: 'g',
    });
    expect(toNumber.json()).toMatchObject({ type: 'number', unit: 'g', options: [] });

    const cat = await makeCategory(t, { attributes: [{ key: 'size', type: 'enum', variant: true }] });
    const size = cat.attributes.size as { id: string };
    const refused = await admin.patch(`/api/v1/platform/attributes/${size.id}`, { type: 'boolean' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'attribute_variant_in_use',
      errors: [{ path: 'body.type' }],
    });
    expect(
      (await admin.patch(`/api/v1/platform/attributes/${MISSING}`, { names: names('N') })).statusCode,
    ).toBe(404);
  });

  it('deletes an unlinked attribute and refuses a linked one', async () => {
    const cat = await makeCategory(t, { attributes: [{ key: 'material', type: 'text' }] });
    const linked = cat.attributes.material as { id: string };
    const refused = await admin.delete(`/api/v1/platform/attributes/${linked.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'attribute_in_use' });
    const free = await makeAttribute(t, { type: 'date' });
    expect((await admin.delete(`/api/v1/platform/attributes/${free.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/platform/attributes/${free.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/platform/attributes/${free.id}`)).statusCode).toBe(404);
  });

  it('needs auth and the right permission', async () => {
    const body = { key: `p_${rand()}`, type: 'text', names: names('P') };
    expect((await new Agent(t.app).get('/api/v1/platform/attributes')).statusCode).toBe(401);
    const { owner } = await makeSeller(t);
    expect((await owner.get('/api/v1/platform/attributes')).statusCode).toBe(403);
    const { agent: support } = await makeOperator(t, 'support');
    expect((await support.get('/api/v1/platform/attributes')).statusCode).toBe(200);
    expect((await support.post('/api/v1/platform/attributes', body)).statusCode).toBe(403);
    const a = await makeAttribute(t, { type: 'text' });
    expect(
      (await support.patch(`/api/v1/platform/attributes/${a.id}`, { names: names('x') })).statusCode,
    ).toBe(403);
    expect((await support.delete(`/api/v1/platform/attributes/${a.id}`)).statusCode).toBe(403);
  });
});

describe('document types', () => {
  const eacPattern = 'ЕАЭС N RU Д-[A-Z]{2}\\.[А-ЯA-Z]{2}[0-9]{2}\\.[А-ЯA-Z]\\.[0-9]{5}/[0-9]{2}';

  it('creates with a pattern and a matching example, lists, updates and deletes', async () => {
    const key = `eac_${rand()}`;
    const res = await admin.post('/api/v1/platform/document-types', {
      key,
      names: names('EAC declaration'),
      numberPattern: eacPattern,
      numberExample: 'ЕАЭС N RU Д-CN.РА01.В.12345/24',
      expires: true,
    });
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({ key, expires: true, categoryCount: 0 });
    const list = await admin.get('/api/v1/platform/document-types');
    expect(list.json().items.some((d: { id: string }) => d.id === doc.id)).toBe(true);
    const upd = await admin.patch(`/api/v1/platform/document-types/${doc.id}`, {
      expires: false,
      numberExample: null,
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ expires: false, numberExample: null, numberPattern: eacPattern });
    expect((await admin.get(`/api/v1/platform/document-types/${doc.id}`)).json().expires).toBe(false);
    expect((await admin.delete(`/api/v1/platform/document-types/${doc.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/platform/document-types/${doc.id}`)).statusCode).toBe(404);
  });

  it('refuses an invalid pattern, a mismatching example, a taken key and deleting a required type', async () => {
    const invalidPattern = await admin.post('/api/v1/platform/document-types', {
      key: `x_${rand()}`,
      names: names('X'),
      numberPattern: '([0-9',
    });
    expect(invalidPattern.statusCode).toBe(400);
    expect(invalidPattern.json().errors[0]).toMatchObject({
      path: 'body.numberPattern',
      code: 'document_pattern_invalid',
    });
    const mismatch = await admin.post('/api/v1/platform/document-types', {
      key: `x_${rand()}`,
      names: names('X'),
      numberPattern: 'РЗН [0-9]{4}/[0-9]{4,6}',
      numberExample: 'RZN 2024/12345',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0]).toMatchObject({
      path: 'body.numberExample',
      code: 'document_example_mismatch',
    });
    const doc = await makeDocumentType(t);
    const patchMismatch = await admin.patch(`/api/v1/platform/document-types/${doc.id}`, {
      numberExample: 'nope',
    });
    expect(patchMismatch.statusCode).toBe(400);
    const taken = await admin.post('/api/v1/platform/document-types', { key: doc.key, names: names('D') });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('document_type_key_taken');
    const cat = await makeCategory(t);
    await admin.put(`/api/v1/platform/categories/${cat.id}/document-types/${doc.id}`, {});
    const inUse = await admin.delete(`/api/v1/platform/document-types/${doc.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: 'document_type_in_use' });
    expect((await admin.get(`/api/v1/platform/document-types/${doc.id}`)).json().categoryCount).toBe(1);
    expect(
      (await admin.patch(`/api/v1/platform/document-types/${MISSING}`, { expires: true })).statusCode,
    ).toBe(404);
  });

  it('needs the right permission', async () => {
    const { agent: reviewer } = await makeOperator(t, 'reviewer');
    expect((await reviewer.get('/api/v1/platform/document-types')).statusCode).toBe(200);
    const res = await reviewer.post('/api/v1/platform/document-types', {
      key: `r_${rand()}`,
      names: names('R'),
    });
    expect(res.statusCode).toBe(403);
    expect((await new Agent(t.app).get('/api/v1/platform/document-types')).statusCode).toBe(401);
  });
});

describe('rejection reasons', () => {
  it('creates in order, updates, deactivates, activates and reorders', async () => {
    const keyA = `wrong_category_${rand()}`;
    const keyB = `watermark_${rand()}`;
    const a = (
      await admin.post('/api/v1/platform/rejection-reasons', { key: keyA, names: names('Wrong category') })
    ).json();
    const b = (
      await admin.post('/api/v1/platform/rejection-reasons', { key: keyB, names: names('Watermark') })
    ).json();
    expect(b.position).toBeGreaterThan(a.position);
    const upd = await admin.patch(`/api/v1/platform/rejection-reasons/${a.id}`, {
      names: names('Wrong category!'),
    });
    expect(upd.statusCode).toBe(200);
    expect(upd.json().names['en-US']).toBe('Wrong category!');

    const off = await admin.post(`/api/v1/platform/rejection-reasons/${a.id}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    expect((await admin.post(`/api/v1/platform/rejection-reasons/${a.id}/deactivate`)).statusCode).toBe(409);
    const active = await admin.get('/api/v1/platform/rejection-reasons?active=true');
    expect(active.json().items.some((r: { id: string }) => r.id === a.id)).toBe(false);
    expect((await admin.post(`/api/v1/platform/rejection-reasons/${a.id}/activate`)).json().active).toBe(
      true,
    );

    const order = await admin.put('/api/v1/platform/rejection-reasons/order', { ids: [b.id, a.id] });
    expect(order.statusCode).toBe(200);
    const ids = order.json().items.map((r: { id: string }) => r.id);
    expect(ids.slice(0, 2)).toEqual([b.id, a.id]);
    const positions = order.json().items.map((r: { position: number }) => r.position);
    expect(positions).toEqual([...positions].sort((x: number, y: number) => x - y));
  });

  it('validates input and answers 404 / 409', async () => {
    const bad = await admin.post('/api/v1/platform/rejection-reasons', { key: 'X', names: { 'en-US': 'x' } });
    expect(bad.statusCode).toBe(400);
    const key = `dup_${rand()}`;
    await admin.post('/api/v1/platform/rejection-reasons', { key, names: names('Dup') });
    const dup = await admin.post('/api/v1/platform/rejection-reasons', { key, names: names('Dup') });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('rejection_reason_key_taken');
    expect(
      (await admin.patch(`/api/v1/platform/rejection-reasons/${MISSING}`, { position: 1 })).statusCode,
    ).toBe(404);
    expect((await admin.post(`/api/v1/platform/rejection-reasons/${MISSING}/activate`)).statusCode).toBe(404);
    const unknown = await admin.put('/api/v1/platform/rejection-reasons/order', { ids: [MISSING] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: 'body.ids.0', code: 'rejection_reason_unknown' });
    const twice = await admin.put('/api/v1/platform/rejection-reasons/order', { ids: [MISSING, MISSING] });
    expect(twice.json().code).toBe('duplicate_ids');
  });

  it('reviewers read, only catalog admins write', async () => {
    const { agent: reviewer } = await makeOperator(t, 'reviewer');
    expect((await reviewer.get('/api/v1/platform/rejection-reasons')).statusCode).toBe(200);
    expect(
      (await reviewer.post('/api/v1/platform/rejection-reasons', { key: `r_${rand()}`, names: names('R') }))
        .statusCode,
    ).toBe(403);
    const { owner } = await makeSeller(t);
    expect((await owner.get('/api/v1/platform/rejection-reasons')).statusCode).toBe(403);
  });
});

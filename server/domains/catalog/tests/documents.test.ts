import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { withTenant } from '../../../platform/db/tenant';
import { makeMember, makeSeller, type TestSeller } from '../../accounts/factories';
import { type MadeCategory, makeCategory, makeDocumentType } from '../../platform/factories';
import { productDocumentIds, validDocumentTypeIdsOf } from '../service/documents';
import { ownerBase, product } from './factories';
import { sendFile } from './multipart';

let t: TestApp;
let cosmetics: MadeCategory;
let certificateTypeId: string;
let declarationTypeId: string;
let permanentTypeId: string;
beforeAll(async () => {
  t = await createTestApp();
  cosmetics = await makeCategory(t, {
    documentTypes: [
      {
        key: 'cosmetics_certificate',
        names: { 'en-US': 'Cosmetics safety certificate', 'zh-CN': '化妆品安全证书', 'ru-RU': 'Сертификат' },
        numberPattern: 'COS-[0-9]{4}-[0-9]{6}',
        numberExample: 'COS-2024-123456',
        expires: true,
      },
    ],
  });
  certificateTypeId = (cosmetics.documentTypes.cosmetics_certificate as { id: string }).id;
  declarationTypeId = (
    await makeDocumentType(t, {
      key: 'eac_declaration',
      numberPattern: 'ЕАЭС N RU Д-[A-Z]{2}\\.[0-9]{5}',
      numberExample: 'ЕАЭС N RU Д-CN.12345',
    })
  ).id;
  permanentTypeId = (
    await makeDocumentType(t, {
      key: 'registration',
      numberPattern: null,
      numberExample: null,
      expires: false,
    })
  ).id;
});
afterAll(async () => {
  await t.close();
});

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
let serial = 100000;
const nextNumber = () => `COS-2025-${String(++serial)}`;

const certificate = (overrides: Record<string, unknown> = {}) => ({
  documentTypeId: certificateTypeId,
  number: nextNumber(),
  issuer: 'SGS Shanghai',
  issuedOn: day(-100),
  expiresOn: day(200),
  ...overrides,
});

async function createDoc(seller: TestSeller, overrides: Record<string, unknown> = {}) {
  const res = await seller.owner.post('/api/v1/seller/documents', certificate(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string; expiresOn: string | null };
}

function pdf(text = 'Certificate of conformity'): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(20).text(text);
    doc.end();
  });
}

describe('compliance documents: CRUD', () => {
  it('registers a document, lists it with its linked-products count, reads, changes and deletes it', async () => {
    const seller = await makeSeller(t);
    const body = certificate({ number: '  COS-2024-123456 ', issuer: '  SGS Shanghai ' });
    const res = await seller.owner.post('/api/v1/seller/documents', body);
    expect(res.statusCode).toBe(201);
    const doc = res.json();
    expect(doc).toMatchObject({
      documentType: {
        id: certificateTypeId,
        key: expect.stringContaining('cosmetics_certificate'),
        expires: true,
      },
      number: 'COS-2024-123456',
      issuer: 'SGS Shanghai',
      issuedOn: body.issuedOn,
      expiresOn: body.expiresOn,
      status: 'valid',
      expiresInDays: 200,
      file: null,
      linkedProducts: 0,
    });

    const p = await product(t, seller, { categoryId: cosmetics.id, documentIds: [doc.id] });
    const list = await seller.owner.get('/api/v1/seller/documents');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([{ ...doc, linkedProducts: 1 }]);

    const one = await seller.owner.get(`/api/v1/seller/documents/${doc.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      id: doc.id,
      linkedProducts: 1,
      products: [{ id: p.id, saleState: 'unlisted' }],
    });

    const patched = await seller.owner.patch(`/api/v1/seller/documents/${doc.id}`, {
      issuer: 'TÜV Rheinland',
      expiresOn: day(300),
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      issuer: 'TÜV Rheinland',
      expiresOn: day(300),
      expiresInDays: 300,
    });

    const linked = await seller.owner.delete(`/api/v1/seller/documents/${doc.id}`);
    expect(linked.statusCode).toBe(409);
    expect(linked.json()).toMatchObject({ code: 'document_linked' });
    expect(
      (await seller.owner.put(`/api/v1/seller/products/${p.id}/documents`, { documentIds: [] })).statusCode,
    ).toBe(200);
    expect((await seller.owner.delete(`/api/v1/seller/documents/${doc.id}`)).statusCode).toBe(204);
    expect((await seller.owner.get(`/api/v1/seller/documents/${doc.id}`)).statusCode).toBe(404);
  });

  it("checks the number against the type's format and names an example", async () => {
    const seller = await makeSeller(t);
    const res = await seller.owner.post('/api/v1/seller/documents', certificate({ number: 'COS-24-1' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        path: 'body.number',
        code: 'document_number_invalid',
        message:
          'The number does not match the format of Cosmetics safety certificate. Example: COS-2024-123456',
      },
    ]);
    // A Cyrillic pattern matches Cyrillic numbers.
    const eac = await seller.owner.post('/api/v1/seller/documents', {
      documentTypeId: declarationTypeId,
      number: 'ЕАЭС N RU Д-CN.54321',
      expiresOn: day(30),
    });
    expect(eac.statusCode, eac.body).toBe(201);
    // A type without a pattern accepts any number, and one that never expires needs no date.
    const permanent = await seller.owner.post('/api/v1/seller/documents', {
      documentTypeId: permanentTypeId,
      number: 'Reg 42/2020',
    });
    expect(permanent.statusCode).toBe(201);
    expect(permanent.json()).toMatchObject({
      expiresOn: null,
      expiresInDays: null,
      documentType: { expires: false },
    });
  });

  it('answers 400 for wrong dates and types, and 409 for a number already registered', async () => {
    const seller = await makeSeller(t);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ expiresOn: null }, 'body.expiresOn', 'document_expiry_required'],
      [{ expiresOn: day(-1) }, 'body.expiresOn', 'document_already_expired'],
      [{ issuedOn: day(1) }, 'body.issuedOn', 'document_issued_in_future'],
      [{ issuedOn: day(-10), expiresOn: day(-20) }, 'body.expiresOn', 'document_already_expired'],
      [
        { documentTypeId: '0190a0e0-0000-7000-8000-000000000000' },
        'body.documentTypeId',
        'document_type_not_found',
      ],
      [{ expiresOn: '2026-02-30' }, 'body.expiresOn', 'invalid_format'],
      [{ number: '' }, 'body.number', 'too_small'],
    ];
    for (const [patch, path, code] of cases) {
      const res = await seller.owner.post('/api/v1/seller/documents', certificate(patch));
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toContainEqual([
        path,
        code,
      ]);
    }
    const taken = await createDoc(seller);
    const again = await seller.owner.post('/api/v1/seller/documents', certificate({ number: taken.number }));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'document_number_taken', errors: [{ path: 'body.number' }] });
    // Another seller may hold the same number.
    const other = await makeSeller(t);
    expect(
      (await other.owner.post('/api/v1/seller/documents', certificate({ number: taken.number }))).statusCode,
    ).toBe(201);
    const tooEarly = await seller.owner.patch(`/api/v1/seller/documents/${taken.id}`, {
      expiresOn: '2020-01-01',
    });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().errors[0].code).toBe('document_already_expired');
    const unknown = await seller.owner.patch(`/api/v1/seller/documents/${taken.id}`, {
      documentTypeId: permanentTypeId,
    });
    expect(unknown.statusCode).toBe(400);
  });

  it('filters by type, status, expiry window and text, soonest expiry first, page by page', async () => {
    const seller = await makeSeller(t);
    const soon = await createDoc(seller, { expiresOn: day(5), issuer: 'Bureau Veritas' });
    const later = await createDoc(seller, { expiresOn: day(60) });
    const never = (
      await seller.owner.post('/api/v1/seller/documents', {
        documentTypeId: permanentTypeId,
        number: 'REG-1',
      })
    ).json();
    const ids = async (query: string) =>
      (await seller.owner.get(`/api/v1/seller/documents${query}`))
        .json()
        .items.map((d: { id: string }) => d.id);
    expect(await ids('')).toEqual([soon.id, later.id, never.id]);
    expect(await ids(`?documentTypeId=${certificateTypeId}`)).toEqual([soon.id, later.id]);
    expect(await ids('?expiringWithinDays=30')).toEqual([soon.id]);
    expect(await ids('?status=expired')).toEqual([]);
    expect(await ids('?q=veritas')).toEqual([soon.id]);
    expect(await ids(`?q=${encodeURIComponent(later.number.slice(4))}`)).toEqual([later.id]);
    const first = (await seller.owner.get('/api/v1/seller/documents?limit=2')).json();
    expect(first.items.map((d: { id: string }) => d.id)).toEqual([soon.id, later.id]);
    const second = (
      await seller.owner.get(`/api/v1/seller/documents?limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second).toMatchObject({ items: [{ id: never.id }], nextCursor: null });
    expect((await seller.owner.get('/api/v1/seller/documents?cursor=garbage')).statusCode).toBe(400);
    expect((await seller.owner.get('/api/v1/seller/documents?status=lost')).statusCode).toBe(400);
  });
});

describe('document scans', () => {
  it('accepts a PDF, JPEG or PNG by content, serves it back, replaces and removes it', async () => {
    const seller = await makeSeller(t);
    const doc = await createDoc(seller);
    const url = `/api/v1/seller/documents/${doc.id}/file`;
    const data = await pdf();
    const res = await sendFile(seller.owner, url, data, { filename: 'Сертификат 2025.pdf', method: 'PUT' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().file).toEqual({ name: 'Сертификат 2025.pdf', url });

    const download = await seller.owner.get(url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="__________ 2025.pdf"; filename*=UTF-8''${encodeURIComponent('Сертификат 2025.pdf')}`,
    );
    expect(download.rawPayload.equals(data)).toBe(true);

    const png = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const replaced = await sendFile(seller.owner, url, png, { filename: 'scan.pdf', method: 'PUT' });
    expect(replaced.statusCode).toBe(200);
    const again = await seller.owner.get(url);
    expect(again.headers['content-type']).toBe('image/png');
    expect(again.rawPayload.equals(png)).toBe(true);

    const removed = await seller.owner.delete(url);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().file).toBeNull();
    expect((await seller.owner.get(url)).statusCode).toBe(404);
  });

  it('rejects files that are not a PDF or an image, damaged ones, empty and oversized ones', async () => {
    const seller = await makeSeller(t);
    const doc = await createDoc(seller);
    const url = `/api/v1/seller/documents/${doc.id}/file`;
    const full = await pdf();
    const jpeg = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#eee' } })
      .jpeg()
      .toBuffer();
    const cases: [string, Buffer, string, number, string][] = [
      [
        'text renamed .pdf',
        Buffer.from('Just some words, no PDF here.'),
        'cert.pdf',
        415,
        'unsupported_document_type',
      ],
      [
        'Word file',
        Buffer.from('PK\u0003\u0004word/document.xml'),
        'cert.pdf',
        415,
        'unsupported_document_type',
      ],
      [
        'truncated PDF',
        full.subarray(0, Math.floor(full.length / 2)),
        'cert.pdf',
        422,
        'document_file_corrupt',
      ],
      [
        'truncated JPEG',
        jpeg.subarray(0, Math.floor(jpeg.length / 2)),
        'cert.jpg',
        422,
        'document_file_corrupt',
      ],
      ['empty', Buffer.alloc(0), 'cert.pdf', 400, 'file_empty'],
    ];
    for (const [name, data, filename, status, code] of cases) {
      const res = await sendFile(seller.owner, url, data, { filename, method: 'PUT' });
      expect(res.statusCode, name).toBe(status);
      expect(res.json().code, name).toBe(code);
    }
    const big = await sendFile(seller.owner, url, Buffer.concat([full, Buffer.alloc(20 * 1024 * 1024)]), {
      method: 'PUT',
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({
      code: 'document_file_too_large',
      detail: 'The file is larger than 20 MB.',
    });
    expect((await seller.owner.get(`/api/v1/seller/documents/${doc.id}`)).json().file).toBeNull();
  });
});

describe('linking documents to products', () => {
  it('replaces the links, rejects unknown and expired documents, and feeds the submission checks', async () => {
    const seller = await makeSeller(t);
    const a = await createDoc(seller);
    const b = await createDoc(seller);
    const p = await product(t, seller, { categoryId: cosmetics.id });
    const url = `/api/v1/seller/products/${p.id}/documents`;
    const res = await seller.owner.put(url, { documentIds: [a.id, b.id, a.id] });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    expect((await seller.owner.get(url)).json().items).toHaveLength(2);

    const other = await makeSeller(t);
    const foreign = await createDoc(other);
    const bad = await seller.owner.put(url, { documentIds: [a.id, foreign.id] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toMatchObject([{ path: 'body.documentIds.1', code: 'document_not_found' }]);

    await t.database.raw(`update compliance_documents set status = 'expired' where id = $1`, [b.id]);
    const fresh = await createDoc(seller);
    await t.database.raw(`update compliance_documents set status = 'expired' where id = $1`, [fresh.id]);
    // b was linked before it expired and may stay; fresh is expired and cannot be added.
    const expired = await seller.owner.put(url, { documentIds: [a.id, b.id, fresh.id] });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().errors).toMatchObject([{ path: 'body.documentIds.2', code: 'document_expired' }]);

    const facts = await withTenant(t.database, ownerBase(seller), async (ctx) => ({
      ids: await productDocumentIds(ctx, p.id),
      types: await validDocumentTypeIdsOf(ctx, p.id),
    }));
    expect(facts.ids.sort()).toEqual([a.id, b.id].sort());
    expect(facts.types).toEqual([certificateTypeId]);

    expect((await seller.owner.put(url, { documentIds: [b.id] })).statusCode).toBe(200);
    const onlyExpired = await withTenant(t.database, ownerBase(seller), (ctx) =>
      validDocumentTypeIdsOf(ctx, p.id),
    );
    expect(onlyExpired).toEqual([]);
  });
});

describe('documents of a listing on sale', () => {
  it('cannot lose the last valid document of a required type; linking the new one first works', async () => {
    const seller = await makeSeller(t);
    const old = await createDoc(seller);
    const p = await product(t, seller, { categoryId: cosmetics.id, documentIds: [old.id], approve: true });
    const url = `/api/v1/seller/products/${p.id}/documents`;
    const refused = await seller.owner.put(url, { documentIds: [] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'document_required_on_sale' });
    expect(refused.json().detail).toContain('Cosmetics safety certificate');
    const renewed = await createDoc(seller);
    expect((await seller.owner.put(url, { documentIds: [old.id, renewed.id] })).statusCode).toBe(200);
    expect((await seller.owner.put(url, { documentIds: [renewed.id] })).statusCode).toBe(200);
    // A draft may drop its documents (the submission checks catch it).
    const draft = await product(t, seller, { categoryId: cosmetics.id, documentIds: [old.id] });
    expect(
      (await seller.owner.put(`/api/v1/seller/products/${draft.id}/documents`, { documentIds: [] }))
        .statusCode,
    ).toBe(200);
  });
});

describe('compliance documents: permissions and tenancy', () => {
  it('lets an analyst read but not write, and hides other sellers’ documents and products', async () => {
    const seller = await makeSeller(t);
    const doc = await createDoc(seller);
    const p = await product(t, seller, { categoryId: cosmetics.id });
    const analyst = (await makeMember(t, seller, { role: 'analyst' })).agent;
    expect((await analyst.get('/api/v1/seller/documents')).statusCode).toBe(200);
    expect((await analyst.get(`/api/v1/seller/documents/${doc.id}`)).statusCode).toBe(200);
    expect((await analyst.get(`/api/v1/seller/products/${p.id}/documents`)).statusCode).toBe(200);
    const writes = [
      analyst.post('/api/v1/seller/documents', certificate()),
      analyst.patch(`/api/v1/seller/documents/${doc.id}`, { issuer: 'x' }),
      analyst.delete(`/api/v1/seller/documents/${doc.id}`),
      analyst.put(`/api/v1/seller/products/${p.id}/documents`, { documentIds: [doc.id] }),
      sendFile(analyst, `/api/v1/seller/documents/${doc.id}/file`, await pdf(), { method: 'PUT' }),
    ];
    for (const res of await Promise.all(writes)) expect(res.statusCode).toBe(403);

    const other = (await makeSeller(t)).owner;
    expect((await other.get(`/api/v1/seller/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/v1/seller/documents/${doc.id}`, { issuer: 'x' })).statusCode).toBe(404);
    expect((await other.delete(`/api/v1/seller/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/seller/documents/${doc.id}/file`)).statusCode).toBe(404);
    expect(
      (await sendFile(other, `/api/v1/seller/documents/${doc.id}/file`, await pdf(), { method: 'PUT' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await other.put(`/api/v1/seller/products/${p.id}/documents`, { documentIds: [] })).statusCode,
    ).toBe(404);
    expect((await other.get('/api/v1/seller/documents')).json().items).toEqual([]);
    expect((await new Agent(t.app).get('/api/v1/seller/documents')).statusCode).toBe(401);
    const row = (await t.database.raw('select issuer from compliance_documents where id = $1', [doc.id]))
      .rows[0];
    expect(row).toEqual({ issuer: 'SGS Shanghai' });
  });
});

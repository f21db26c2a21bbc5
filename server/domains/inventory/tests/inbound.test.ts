import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeOperator, makeSeller, type TestSeller } from '../../accounts/factories';
import { makeProduct } from '../../catalog/factories';
import { makePlatformWarehouse, makeWarehouse } from '../factories';
import { labelSymbol } from '../service/labels';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const title = {
  'zh-CN': '纯棉T恤 男款 白色',
  'en-US': 'Cotton T-shirt white',
  'ru-RU': 'Хлопковая футболка белая',
};

async function skusOf(seller: TestSeller, n = 2) {
  const product = await makeProduct(t, seller, { skus: n, title });
  return product.skus.map((s) => ({ id: s.id, code: s.code, barcode: s.barcode as string }));
}

async function draft(seller: TestSeller, lines: { skuId: string; quantity: number }[], boxes = 2) {
  const fc = await makePlatformWarehouse(t, { name: 'Shanghai FC' });
  const res = await seller.owner.post('/api/v1/seller/inbound', { warehouseId: fc.id, boxes, lines });
  expect(res.statusCode).toBe(201);
  return { shipment: res.json(), fc };
}

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Page count from the page tree (pdfkit writes one /Type /Pages object with /Count). */
const pageCount = (pdf: Buffer) => Number(/\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'inv-pdf-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('inbound shipments (seller)', () => {
  it('creates a draft, edits it, ships it; history for every status', async () => {
    const seller = await makeSeller(t);
    const [a, b] = await skusOf(seller);
    const { shipment, fc } = await draft(seller, [{ skuId: a?.id as string, quantity: 10 }]);
    expect(shipment).toMatchObject({
      status: 'draft',
      warehouseId: fc.id,
      boxes: 2,
      totals: { lines: 1, expected: 10 },
      lines: [{ skuId: a?.id, skuCode: a?.code, barcode: a?.barcode, quantity: 10, received: null }],
      history: [{ fromStatus: null, toStatus: 'draft' }],
    });
    expect(shipment.number).toBeGreaterThan(5000);
    expect(shipment.lines[0].title['zh-CN']).toBe(title['zh-CN']);

    const lines = await seller.owner.put(`/api/v1/seller/inbound/${shipment.id}/lines`, {
      lines: [
        { skuId: a?.id, quantity: 6 },
        { skuId: b?.id, quantity: 4 },
      ],
    });
    expect(lines.statusCode).toBe(200);
    expect(lines.json().totals).toMatchObject({ lines: 2, expected: 10 });
    const patched = await seller.owner.patch(`/api/v1/seller/inbound/${shipment.id}`, {
      boxes: 3,
      note: 'fragile',
    });
    expect(patched.json()).toMatchObject({ boxes: 3, note: 'fragile' });

    const shipped = await seller.owner.post(`/api/v1/seller/inbound/${shipment.id}/ship`, {
      carrier: 'SF Express',
      trackingNumber: 'SF1234567890',
    });
    expect(shipped.statusCode).toBe(200);
    expect(shipped.json()).toMatchObject({
      status: 'shipped',
      carrier: 'SF Express',
      trackingNumber: 'SF1234567890',
    });
    expect(shipped.json().shippedAt).not.toBeNull();
    expect(shipped.json().history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['draft', 'shipped']);

    // A shipped shipment no longer changes, and cannot be cancelled by the seller.
    const late = await seller.owner.put(`/api/v1/seller/inbound/${shipment.id}/lines`, { lines: [] });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'inbound_not_draft' });
    expect((await seller.owner.post(`/api/v1/seller/inbound/${shipment.id}/cancel`, {})).statusCode).toBe(
      409,
    );

    const list = await seller.owner.get('/api/v1/seller/inbound?status=shipped');
    expect(list.json().items.map((s: { id: string }) => s.id)).toEqual([shipment.id]);
    expect(list.json().items[0].totals).toMatchObject({ lines: 2, expected: 10, received: 0 });
  });

  it('cancels a draft; refuses shipping without lines', async () => {
    const seller = await makeSeller(t);
    const { shipment } = await draft(seller, []);
    const empty = await seller.owner.post(`/api/v1/seller/inbound/${shipment.id}/ship`, {
      carrier: 'X',
      trackingNumber: '1',
    });
    expect(empty.statusCode).toBe(409);
    expect(empty.json()).toMatchObject({ code: 'inbound_no_lines' });
    const cancelled = await seller.owner.post(`/api/v1/seller/inbound/${shipment.id}/cancel`, {
      reason: 'changed plans',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled' });
    expect(cancelled.json().history.at(-1)).toMatchObject({
      fromStatus: 'draft',
      toStatus: 'cancelled',
      note: 'changed plans',
    });
  });

  it('validates lines and destination (400), hides other sellers’ shipments (404), checks permissions', async () => {
    const seller = await makeSeller(t);
    const other = await makeSeller(t);
    const [a] = await skusOf(seller);
    const [foreign] = await skusOf(other);
    const fc = await makePlatformWarehouse(t);
    const own = await makeWarehouse(t, seller);
    const bad = await seller.owner.post('/api/v1/seller/inbound', {
      warehouseId: fc.id,
      lines: [
        { skuId: a?.id, quantity: 1 },
        { skuId: a?.id, quantity: 2 },
        { skuId: foreign?.id, quantity: 1 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['body.lines.1.skuId', 'inbound_duplicate_sku'],
      ['body.lines.2.skuId', 'inbound_unknown_sku'],
    ]);
    const zero = await seller.owner.post('/api/v1/seller/inbound', {
      warehouseId: fc.id,
      lines: [{ skuId: a?.id, quantity: 0 }],
    });
    expect(zero.statusCode).toBe(400);
    const toOwn = await seller.owner.post('/api/v1/seller/inbound', { warehouseId: own.id, lines: [] });
    expect(toOwn.statusCode).toBe(400);
    expect(toOwn.json().errors[0]).toMatchObject({
      path: 'body.warehouseId',
      code: 'inbound_not_platform_warehouse',
    });
    const closed = await makePlatformWarehouse(t, { active: false });
    expect((await seller.owner.post('/api/v1/seller/inbound', { warehouseId: closed.id })).statusCode).toBe(
      400,
    );

    const { shipment } = await draft(seller, [{ skuId: a?.id as string, quantity: 2 }]);
    for (const res of [
      await other.owner.get(`/api/v1/seller/inbound/${shipment.id}`),
      await other.owner.patch(`/api/v1/seller/inbound/${shipment.id}`, { boxes: 9 }),
      await other.owner.put(`/api/v1/seller/inbound/${shipment.id}/lines`, { lines: [] }),
      await other.owner.post(`/api/v1/seller/inbound/${shipment.id}/ship`, {
        carrier: 'X',
        trackingNumber: '1',
      }),
      await other.owner.post(`/api/v1/seller/inbound/${shipment.id}/cancel`, {}),
      await other.owner.get(`/api/v1/seller/inbound/${shipment.id}/labels.pdf`),
      await other.owner.get(`/api/v1/seller/inbound/${shipment.id}/box-labels.pdf`),
    ])
      expect(res.statusCode).toBe(404);
    expect((await other.owner.get('/api/v1/seller/inbound')).json().items).toEqual([]);
    const row = (
      await t.database.raw('select boxes, status from inbound_shipments where id = $1', [shipment.id])
    ).rows[0];
    expect(row).toEqual({ boxes: 2, status: 'draft' });

    expect((await new Agent(t.app).get('/api/v1/seller/inbound')).statusCode).toBe(401);
    const catalog = await makeMember(t, seller, { role: 'catalog_manager' });
    expect((await catalog.agent.get(`/api/v1/seller/inbound/${shipment.id}`)).statusCode).toBe(200);
    expect(
      (await catalog.agent.patch(`/api/v1/seller/inbound/${shipment.id}`, { boxes: 1 })).statusCode,
    ).toBe(403);
    expect((await catalog.agent.post('/api/v1/seller/inbound', { warehouseId: fc.id })).statusCode).toBe(403);
    const analyst = await makeMember(t, seller, { role: 'analyst' });
    expect((await analyst.agent.get(`/api/v1/seller/inbound/${shipment.id}/labels.pdf`)).statusCode).toBe(
      200,
    );
    expect((await analyst.agent.post(`/api/v1/seller/inbound/${shipment.id}/cancel`, {})).statusCode).toBe(
      403,
    );
    const fulfillment = await makeMember(t, seller, { role: 'fulfillment' });
    expect(
      (await fulfillment.agent.patch(`/api/v1/seller/inbound/${shipment.id}`, { boxes: 4 })).statusCode,
    ).toBe(200);
    expect((await seller.owner.patch(`/api/v1/seller/inbound/${shipment.id}`, { boxes: 0 })).statusCode).toBe(
      400,
    );
  });
});

describe('labels', () => {
  it('encodes EAN-13 when the barcode is valid, else Code 128 of the SKU code', () => {
    expect(labelSymbol('4006381333931', 'A-1')).toEqual({ bcid: 'ean13', text: '4006381333931' });
    expect(labelSymbol('4006381333932', 'A-1')).toEqual({ bcid: 'code128', text: 'A-1' });
    expect(labelSymbol(null, 'A-1')).toEqual({ bcid: 'code128', text: 'A-1' });
    expect(labelSymbol('036000291452', 'A-1')).toEqual({ bcid: 'upca', text: '036000291452' });
  });

  it('prints one 58×40 mm label per unit or per line with copies, with CJK and Cyrillic titles', async () => {
    const seller = await makeSeller(t);
    const [a, b] = await skusOf(seller);
    const { shipment } = await draft(seller, [
      { skuId: a?.id as string, quantity: 3 },
      { skuId: b?.id as string, quantity: 2 },
    ]);
    const units = await seller.owner.get(`/api/v1/seller/inbound/${shipment.id}/labels.pdf`);
    expect(units.statusCode).toBe(200);
    expect(units.headers['content-type']).toBe('application/pdf');
    expect(units.headers['content-disposition']).toContain(`inbound-${shipment.number}-labels.pdf`);
    const pdf = units.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(5);
    // 58 × 40 mm = 164.41 × 113.39 pt.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 164\.4\d* 113\.3\d*\]/);
    expect(pdf.toString('latin1')).toContain('NotoSansCJKsc-Regular');

    const perLine = await seller.owner.get(
      `/api/v1/seller/inbound/${shipment.id}/labels.pdf?mode=line&copies=4`,
    );
    expect(pageCount(perLine.rawPayload)).toBe(8);
    expect(
      (await seller.owner.get(`/api/v1/seller/inbound/${shipment.id}/labels.pdf?copies=0`)).statusCode,
    ).toBe(400);

    if (hasPdftotext()) {
      const zh = pdfText(
        (await seller.owner.get(`/api/v1/seller/inbound/${shipment.id}/labels.pdf?lang=zh-CN`)).rawPayload,
      );
      expect(zh).toContain('纯棉T恤');
      expect(zh).toContain(a?.code as string);
      const ru = pdfText(
        (await seller.owner.get(`/api/v1/seller/inbound/${shipment.id}/labels.pdf?lang=ru-RU`)).rawPayload,
      );
      expect(ru).toContain('Хлопковая футболка');
    }
  });

  it('refuses a label file that would be too large', async () => {
    const seller = await makeSeller(t);
    const [a, b] = await skusOf(seller);
    const { shipment } = await draft(seller, [
      { skuId: a?.id as string, quantity: 4000 },
      { skuId: b?.id as string, quantity: 1500 },
    ]);
    const res = await seller.owner.get(`/api/v1/seller/inbound/${shipment.id}/labels.pdf`);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'too_many_labels' });
  });

  it('prints a box label per box: number, n of N, seller and destination', async () => {
    const seller = await makeSeller(t, { legalName: 'Hangzhou Silk Road Trading 有限公司' });
    const [a] = await skusOf(seller);
    const { shipment } = await draft(seller, [{ skuId: a?.id as string, quantity: 3 }], 3);
    const res = await seller.owner.get(`/api/v1/seller/inbound/${shipment.id}/box-labels.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCount(res.rawPayload)).toBe(3);
    if (hasPdftotext()) {
      const text = pdfText(res.rawPayload);
      expect(text).toContain(`#${shipment.number}`);
      expect(text).toMatch(/2\s*\/\s*3/);
      expect(text).toContain('Shanghai FC');
      expect(text).toContain('1 Fulfilment Avenue');
    }
  });
});

describe('receiving (operators)', () => {
  it('lists incoming shipments, receives counts, stocks only good units and notifies', async () => {
    const seller = await makeSeller(t);
    const [a, b] = await skusOf(seller);
    const { shipment, fc } = await draft(seller, [
      { skuId: a?.id as string, quantity: 10 },
      { skuId: b?.id as string, quantity: 5 },
    ]);
    const { agent: staff } = await makeOperator(t, 'warehouse');
    // Drafts are the seller's own.
    expect((await staff.get(`/api/v1/platform/inbound/${shipment.id}`)).statusCode).toBe(404);
    await seller.owner.post(`/api/v1/seller/inbound/${shipment.id}/ship`, {
      carrier: 'SF',
      trackingNumber: 'SF1',
    });

    const list = await staff.get(
      `/api/v1/platform/inbound?status=shipped&warehouseId=${fc.id}&sellerId=${seller.sellerId}`,
    );
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ id: shipment.id, sellerName: expect.any(String) });
    expect(
      (await staff.get(`/api/v1/platform/inbound?sellerId=${crypto.randomUUID()}`)).json().items,
    ).toEqual([]);

    const arrived = await staff.post(`/api/v1/platform/inbound/${shipment.id}/start-receiving`, {});
    expect(arrived.json()).toMatchObject({ status: 'receiving' });

    const missingLine = await staff.post(`/api/v1/platform/inbound/${shipment.id}/receive`, {
      lines: [{ skuId: a?.id, received: 8, damaged: 1 }],
    });
    expect(missingLine.statusCode).toBe(400);
    expect(missingLine.json().errors[0]).toMatchObject({ code: 'inbound_line_missing' });
    const negative = await staff.post(`/api/v1/platform/inbound/${shipment.id}/receive`, {
      lines: [{ skuId: a?.id, received: -1, damaged: 0 }],
    });
    expect(negative.statusCode).toBe(400);

    const received = await staff.post(`/api/v1/platform/inbound/${shipment.id}/receive`, {
      lines: [
        { skuId: a?.id, received: 8, damaged: 1 },
        { skuId: b?.id, received: 6, damaged: 1 },
      ],
      note: 'one box wet',
    });
    expect(received.statusCode).toBe(200);
    const body = received.json();
    expect(body.status).toBe('received');
    expect(body.totals).toEqual({ lines: 2, expected: 15, received: 14, damaged: 2, missing: 1, extra: 2 });
    const byCode = Object.fromEntries(body.lines.map((l: { skuId: string }) => [l.skuId, l]));
    expect(byCode[a?.id as string]).toMatchObject({
      quantity: 10,
      received: 8,
      damaged: 1,
      missing: 1,
      extra: 0,
    });
    expect(byCode[b?.id as string]).toMatchObject({
      quantity: 5,
      received: 6,
      damaged: 1,
      missing: 0,
      extra: 2,
    });
    expect(body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
      'draft',
      'shipped',
      'receiving',
      'received',
    ]);
    expect(body.history.at(-1)).toMatchObject({ actorKind: 'operator', note: 'one box wet' });

    // Only the good units are on stock at the platform warehouse, with 'received' ledger rows.
    const stock = await seller.owner.get(`/api/v1/seller/stock/skus/${a?.id}`);
    expect(stock.json()).toMatchObject({
      onHand: 8,
      available: 8,
      warehouses: [{ warehouseId: fc.id, kind: 'platform', onHand: 8 }],
    });
    const ledger = await seller.owner.get(`/api/v1/seller/stock/movements?skuId=${a?.id}`);
    expect(ledger.json().items).toEqual([
      expect.objectContaining({
        reason: 'received',
        onHandDelta: 8,
        refType: 'inbound',
        refId: String(shipment.number),
      }),
    ]);
    expect(ledger.json().items[0].note).toContain('1 damaged');

    // Receiving twice is refused.
    const twice = await staff.post(`/api/v1/platform/inbound/${shipment.id}/receive`, {
      lines: [
        { skuId: a?.id, received: 8, damaged: 1 },
        { skuId: b?.id, received: 6, damaged: 1 },
      ],
    });
    expect(twice.statusCode).toBe(409);
    expect((await seller.owner.get(`/api/v1/seller/stock/skus/${a?.id}`)).json().onHand).toBe(8);

    const { rows } = await t.database.raw(
      `select payload from outbox_events where type = 'inbound.received' and payload->>'shipmentId' = $1`,
      [shipment.id],
    );
    expect(rows[0]?.payload).toMatchObject({
      sellerId: seller.sellerId,
      number: shipment.number,
      expected: 15,
      received: 14,
      damaged: 2,
    });
  });

  it('needs inbound:receive; other operators and sellers are refused', async () => {
    const seller = await makeSeller(t);
    const [a] = await skusOf(seller);
    const { shipment } = await draft(seller, [{ skuId: a?.id as string, quantity: 1 }]);
    await seller.owner.post(`/api/v1/seller/inbound/${shipment.id}/ship`, {
      carrier: 'SF',
      trackingNumber: 'SF2',
    });
    const { agent: reviewer } = await makeOperator(t, 'reviewer');
    expect((await reviewer.get('/api/v1/platform/inbound')).statusCode).toBe(403);
    expect(
      (await reviewer.post(`/api/v1/platform/inbound/${shipment.id}/receive`, { lines: [] })).statusCode,
    ).toBe(403);
    expect((await seller.owner.get('/api/v1/platform/inbound')).statusCode).toBe(403);
    expect((await new Agent(t.app).get('/api/v1/platform/inbound')).statusCode).toBe(401);
    const { agent: admin } = await makeOperator(t, 'platform_admin');
    expect((await admin.get(`/api/v1/platform/inbound/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect(
      (await admin.post(`/api/v1/platform/inbound/${shipment.id}/receive`, { lines: [] })).statusCode,
    ).toBe(400);
    expect(
      (
        await admin.post(`/api/v1/platform/inbound/${shipment.id}/receive`, {
          lines: [{ skuId: a?.id, received: 1, damaged: 0 }],
        })
      ).statusCode,
    ).toBe(200);
  });
});

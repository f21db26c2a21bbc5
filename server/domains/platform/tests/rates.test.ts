import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeMember, makeOperator, makeSeller } from '../../accounts/factories';
import { platformAdmin } from '../factories';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await platformAdmin(t);
});
afterAll(async () => {
  await t.close();
});

const today = () => new Date().toISOString().slice(0, 10);
const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('POST /api/v1/platform/exchange-rates', () => {
  it('sets a rate for today, replaces it on the same day, and keeps the text exact', async () => {
    const res = await admin.post('/api/v1/platform/exchange-rates', {
      base: 'usd',
      quote: 'CNY',
      rate: '7.1234000',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ base: 'USD', quote: 'CNY', day: today(), rate: '7.1234' });
    const again = await admin.post('/api/v1/platform/exchange-rates', {
      base: 'USD',
      quote: 'CNY',
      rate: '7.2',
      day: today(),
    });
    expect(again.json().rate).toBe('7.2');
    const { rows } = await t.database.raw(
      "select rate from exchange_rates where base = 'USD' and quote = 'CNY' and day = $1",
      [today()],
    );
    expect(rows).toEqual([{ rate: '7.2' }]);
    const audit = await t.database.raw(
      "select changes from audit_log where action = 'exchange_rate.changed'",
    );
    expect(audit.rows[0]?.changes).toMatchObject({ rate: { from: '7.1234', to: '7.2' } });
  });

  it('answers 400 for bad rates, currencies and days', async () => {
    const cases = [
      [{ base: 'USD', quote: 'CNY', rate: '-1' }, 'body.rate'],
      [{ base: 'USD', quote: 'CNY', rate: '0' }, 'body.rate'],
      [{ base: 'USD', quote: 'CNY', rate: '1e3' }, 'body.rate'],
      [{ base: 'USD', quote: 'CNY', rate: 7.1 }, 'body.rate'],
      [{ base: 'USD', quote: 'CNY', rate: '1.1234567890123' }, 'body.rate'],
      [{ base: 'XXX', quote: 'CNY', rate: '1' }, 'body.base'],
      [{ base: 'USD', quote: 'USD', rate: '1' }, 'body.quote'],
      [{ base: 'USD', quote: 'CNY', rate: '1', day: '2024-02-30' }, 'body.day'],
      [{ base: 'USD', quote: 'CNY', rate: '1', day: daysFromNow(30) }, 'body.day'],
    ] as const;
    for (const [body, path] of cases) {
      const res = await admin.post('/api/v1/platform/exchange-rates', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const ahead = await admin.post('/api/v1/platform/exchange-rates', {
      base: 'EUR',
      quote: 'RUB',
      rate: '99.5',
      day: daysFromNow(1),
    });
    expect(ahead.statusCode).toBe(200);
  });

  it('needs rates:manage to write; any operator reads; sellers cannot', async () => {
    const body = { base: 'CNY', quote: 'KZT', rate: '66' };
    expect((await new Agent(t.app).post('/api/v1/platform/exchange-rates', body)).statusCode).toBe(401);
    const { agent: reviewer } = await makeOperator(t, 'reviewer');
    expect((await reviewer.post('/api/v1/platform/exchange-rates', body)).statusCode).toBe(403);
    expect((await reviewer.get('/api/v1/platform/exchange-rates')).statusCode).toBe(200);
    const { owner } = await makeSeller(t);
    expect((await owner.get('/api/v1/platform/exchange-rates')).statusCode).toBe(403);
    expect((await owner.post('/api/v1/platform/exchange-rates', body)).statusCode).toBe(403);
  });
});

describe('listing, latest and delete', () => {
  it('lists with filters and keyset pages, newest day first', async () => {
    for (const [day, rate] of [
      ['2023-05-01', '11.1'],
      ['2023-05-02', '11.2'],
      ['2023-05-03', '11.3'],
    ]) {
      await admin.post('/api/v1/platform/exchange-rates', { base: 'CNY', quote: 'RUB', rate, day });
    }
    await admin.post('/api/v1/platform/exchange-rates', {
      base: 'EUR',
      quote: 'KZT',
      rate: '500',
      day: '2023-05-02',
    });
    const first = await admin.get(
      '/api/v1/platform/exchange-rates?base=CNY&quote=RUB&from=2023-05-01&to=2023-05-31&limit=2',
    );
    expect(first.statusCode).toBe(200);
    expect(first.json().items.map((r: { day: string }) => r.day)).toEqual(['2023-05-03', '2023-05-02']);
    const second = await admin.get(
      `/api/v1/platform/exchange-rates?base=CNY&quote=RUB&from=2023-05-01&to=2023-05-31&limit=2&cursor=${first.json().nextCursor}`,
    );
    expect(second.json()).toMatchObject({ items: [{ day: '2023-05-01', rate: '11.1' }], nextCursor: null });
    const kzt = await admin.get('/api/v1/platform/exchange-rates?currency=KZT&to=2023-05-31');
    expect(kzt.json().items.map((r: { base: string }) => r.base)).toEqual(['EUR']);
    expect((await admin.get('/api/v1/platform/exchange-rates?from=yesterday')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/platform/exchange-rates?cursor=xyz')).statusCode).toBe(400);

    const latest = await admin.get('/api/v1/platform/exchange-rates/latest?day=2023-05-02');
    const cnyRub = latest
      .json()
      .items.find((r: { base: string; quote: string }) => r.base === 'CNY' && r.quote === 'RUB');
    expect(cnyRub).toMatchObject({ day: '2023-05-02', rate: '11.2' });
  });

  it('deletes a rate and answers 404 for one that does not exist', async () => {
    await admin.post('/api/v1/platform/exchange-rates', {
      base: 'GBP',
      quote: 'CNY',
      rate: '9.1',
      day: '2023-06-01',
    });
    expect((await admin.delete('/api/v1/platform/exchange-rates/GBP/CNY/2023-06-01')).statusCode).toBe(204);
    expect((await admin.delete('/api/v1/platform/exchange-rates/GBP/CNY/2023-06-01')).statusCode).toBe(404);
    expect((await admin.delete('/api/v1/platform/exchange-rates/GBP/XXX/2023-06-01')).statusCode).toBe(400);
    const { agent: support } = await makeOperator(t, 'support');
    expect((await support.delete('/api/v1/platform/exchange-rates/GBP/CNY/2023-06-01')).statusCode).toBe(403);
  });
});

describe('platform settings', () => {
  it('reads the default, changes the price quarantine factor, validates it', async () => {
    const { agent: support } = await makeOperator(t, 'support');
    expect((await support.get('/api/v1/platform/settings')).json()).toEqual({ priceQuarantineFactor: 3 });
    expect((await support.patch('/api/v1/platform/settings', { priceQuarantineFactor: 5 })).statusCode).toBe(
      403,
    );
    for (const bad of [1, 0.5, 101, '4', 2.555]) {
      const res = await admin.patch('/api/v1/platform/settings', { priceQuarantineFactor: bad });
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json().errors[0].path).toBe('body.priceQuarantineFactor');
    }
    const ok = await admin.patch('/api/v1/platform/settings', { priceQuarantineFactor: 2.5 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ priceQuarantineFactor: 2.5 });
    expect((await support.get('/api/v1/platform/settings')).json()).toEqual({ priceQuarantineFactor: 2.5 });
    expect((await new Agent(t.app).get('/api/v1/platform/settings')).statusCode).toBe(401);
  });
});

describe('GET /api/v1/seller/exchange-rates/latest', () => {
  it('gives sellers the latest rates without who set them', async () => {
    await admin.post('/api/v1/platform/exchange-rates', {
      base: 'CNY',
      quote: 'USD',
      rate: '0.14',
      day: '2023-07-01',
    });
    const seller = await makeSeller(t);
    const res = await seller.owner.get('/api/v1/seller/exchange-rates/latest?day=2023-07-01');
    expect(res.statusCode).toBe(200);
    const item = res
      .json()
      .items.find((r: { base: string; quote: string }) => r.base === 'CNY' && r.quote === 'USD');
    expect(item).toEqual({
      base: 'CNY',
      quote: 'USD',
      day: '2023-07-01',
      rate: '0.14',
      createdAt: expect.any(String),
    });
    const { agent: fulfillment } = await makeMember(t, seller, { role: 'fulfillment' });
    expect((await fulfillment.get('/api/v1/seller/exchange-rates/latest')).statusCode).toBe(403);
    expect((await new Agent(t.app).get('/api/v1/seller/exchange-rates/latest')).statusCode).toBe(401);
  });
});

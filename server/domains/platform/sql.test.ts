import { describe, it } from 'vitest';
import { expectSqlSnapshot, sqlOnly } from '../../../tests/helpers/sql-snapshot';
import { exchangeRatePageQuery, rateLookupQuery } from './service/exchange-rates';
import { attributeLinksQuery, documentLinksQuery } from './service/rules';

const ROOT = '01900000-0000-7000-8000-000000000001';
const LEAF = '01900000-0000-7000-8000-000000000002';
const cursor = Buffer.from(JSON.stringify(['2026-03-01', 'CNY', 'RUB'])).toString('base64url');
const ctx = { ...sqlOnly, now: new Date('2026-03-02T00:00:00Z') };
const dir = import.meta.dirname;

describe('hot queries of platform', () => {
  it('rate lookup (every currency conversion)', () =>
    expectSqlSnapshot(dir, 'rate-lookup', rateLookupQuery(ctx, 'RUB', 'CNY', '2026-03-02')));
  it('exchange rate history page with filters', () =>
    expectSqlSnapshot(
      dir,
      'exchange-rate-page',
      exchangeRatePageQuery(ctx, {
        limit: 50,
        cursor,
        currency: 'CNY',
        from: '2026-01-01',
        to: '2026-03-31',
      }),
    ));
  it('attribute and document links of a category chain (effective rules)', async () => {
    await expectSqlSnapshot(dir, 'category-attribute-links', attributeLinksQuery(ctx, [ROOT, LEAF]));
    await expectSqlSnapshot(dir, 'category-document-links', documentLinksQuery(ctx, [ROOT, LEAF]));
  });
});

import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { expectSqlSnapshot, sqlOnly } from '../../../../tests/helpers/sql-snapshot';
import type { SellerCtx } from '../../../platform/db/tenant';
import { documentPageQuery } from '../service/documents';

const SELLER = '01900000-0000-7000-8000-000000000001';
const TYPE = '01900000-0000-7000-8000-000000000002';
const cursor = Buffer.from(JSON.stringify(['2026-12-01', SELLER])).toString('base64url');
const ctx = {
  ...sqlOnly,
  sellerId: SELLER,
  storeIds: null,
  now: new Date('2026-11-01T08:00:00Z'),
} as unknown as SellerCtx;
const dir = resolve(import.meta.dirname, '..');

describe('hot queries of compliance documents', () => {
  it('document list page with filters', () =>
    expectSqlSnapshot(
      dir,
      'document-page',
      documentPageQuery(ctx, { limit: 50, cursor, documentTypeId: TYPE, expiringWithinDays: 30, q: 'cos' }),
    ));
});

import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { expectSqlSnapshot, sqlOnly } from '../../../../tests/helpers/sql-snapshot';
import type { SellerCtx } from '../../../platform/db/tenant';
import { importPageQuery } from '../service/import/imports';

const SELLER = '01900000-0000-7000-8000-000000000001';
const cursor = Buffer.from(JSON.stringify(['2026-11-01T08:00:00.000Z', SELLER])).toString('base64url');
const ctx = { ...sqlOnly, sellerId: SELLER } as unknown as SellerCtx;
const dir = resolve(import.meta.dirname, '..');

describe('hot queries of imports', () => {
  it('import list page (the console polls it)', () =>
    expectSqlSnapshot(dir, 'import-page', importPageQuery(ctx, { limit: 20, cursor, status: 'running' })));
});

import { describe, it } from 'vitest';
import { expectSqlSnapshot, sqlOnly } from '../../../tests/helpers/sql-snapshot';
import { auditLogPageQuery, sellerAuditWhere } from './service/audit-log';
import { ownLoginLogQuery, teamLoginLogQuery } from './service/login-log';
import { sellersPageQuery } from './service/seller-review';
import { sessionLookupQuery } from './service/sessions';
import { storeListQuery } from './service/stores';

const SELLER = '01900000-0000-7000-8000-000000000001';
const USER = '01900000-0000-7000-8000-000000000002';
const STORE = '01900000-0000-7000-8000-000000000003';
const cursor = Buffer.from(JSON.stringify(['2026-11-01T00:00:00.000Z', SELLER])).toString('base64url');
const seller = { ...sqlOnly, sellerId: SELLER, storeIds: [STORE] };
const dir = import.meta.dirname;

describe('hot queries of accounts', () => {
  it('session lookup (every authenticated request)', () =>
    expectSqlSnapshot(dir, 'session-lookup', sessionLookupQuery(sqlOnly.tx)));
  it('store list of a store-limited member', () =>
    expectSqlSnapshot(dir, 'store-list', storeListQuery(seller, { status: 'active' })));
  it('seller audit log page with filters', () =>
    expectSqlSnapshot(
      dir,
      'seller-audit-page',
      auditLogPageQuery(seller, sellerAuditWhere(SELLER, { limit: 50, cursor, entityType: 'store' }), 50),
    ));
  it('operator seller list page with search', () =>
    expectSqlSnapshot(
      dir,
      'platform-sellers-page',
      sellersPageQuery(sqlOnly, { limit: 50, cursor, status: 'pending_review', q: 'silk' }),
    ));
  it('own and team login log pages', async () => {
    await expectSqlSnapshot(
      dir,
      'own-login-log-page',
      ownLoginLogQuery(sqlOnly, USER, { limit: 50, cursor }),
    );
    await expectSqlSnapshot(dir, 'team-login-log-page', teamLoginLogQuery(seller, { limit: 50 }));
  });
});

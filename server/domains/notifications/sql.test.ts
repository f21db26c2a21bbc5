import { describe, it } from 'vitest';
import { expectSqlSnapshot, sqlOnly } from '../../../tests/helpers/sql-snapshot';
import { notificationsPageQuery, unreadCountQuery } from './service';

const USER = '01900000-0000-7000-8000-000000000002';
const dir = import.meta.dirname;

describe('hot queries of notifications', () => {
  it('notification page and unread count', async () => {
    await expectSqlSnapshot(
      dir,
      'notifications-page',
      notificationsPageQuery(sqlOnly, USER, { limit: 20, unread: 'true' }),
    );
    await expectSqlSnapshot(dir, 'unread-count', unreadCountQuery(sqlOnly, USER));
  });
});

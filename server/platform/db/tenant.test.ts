import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../tests/helpers/test-app';
import type { Database } from './engine';
import { newId } from './ids';
import { backgroundBase, withPlatform, withTenant } from './tenant';

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  await database.close();
  await drop();
});

const tenant = () => ({ ...backgroundBase(), sellerId: newId(), storeIds: null, currentStoreId: null });
const whoAmI = sql`select current_user as role, current_setting('transaction_read_only') as ro,
  current_setting('app.seller_id', true) as seller`;

describe('tenant transactions', () => {
  it('run as app_user with the seller set, read-only when asked', async () => {
    const base = tenant();
    const read = await withTenant(database, base, (ctx) => ctx.tx.execute(whoAmI), { readOnly: true });
    expect(read.rows[0]).toEqual({ role: 'app_user', ro: 'on', seller: base.sellerId });
    const write = await withTenant(database, base, (ctx) => ctx.tx.execute(whoAmI));
    expect(write.rows[0]).toMatchObject({ role: 'app_user', ro: 'off' });
  });

  it('refuse writes in a read-only transaction', async () => {
    const insert = sql`insert into idempotency_keys (scope, key, request_hash) values ('t', ${newId()}, 'h')`;
    await expect(
      withTenant(database, tenant(), (ctx) => ctx.tx.execute(insert), { readOnly: true }),
    ).rejects.toMatchObject({ cause: { code: '25006' } });
  });

  it('leave no role or seller behind on the pooled connection', async () => {
    await withPlatform(database, backgroundBase(), (ctx) => ctx.tx.execute(whoAmI));
    const after = await database.raw(
      "select current_user as role, coalesce(current_setting('app.seller_id', true), '') as seller",
    );
    expect(after.rows[0]).toEqual({ role: 'postgres', seller: '' });
  });
});

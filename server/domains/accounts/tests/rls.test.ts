// Row-level security, the second net under the services' own seller filters (ARCHITECTURE.md §3).
// It lives here rather than under platform/db because it needs the accounts tables and factories,
// and platform/ may import no domain (tests/unit/architecture.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { backgroundBase, withPlatform, withTenant } from '../../../platform/db/tenant';
import { makeSeller, makeStore } from '../factories';
import { sellers, stores } from '../schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const tenantBase = (sellerId: string) => ({
  ...backgroundBase(),
  sellerId,
  storeIds: null,
  currentStoreId: null,
});

describe('row-level security', () => {
  it('a query without a seller filter sees only the tenant’s rows', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const a1 = await makeStore(t, a);
    const a2 = await makeStore(t, a);
    const b1 = await makeStore(t, b);

    const seenByA = await withTenant(t.database, tenantBase(a.sellerId), (ctx) =>
      ctx.tx.select().from(stores),
    );
    expect(seenByA.map((s) => s.id).sort()).toEqual([a1.id, a2.id].sort());
    const sellersSeenByB = await withTenant(t.database, tenantBase(b.sellerId), (ctx) =>
      ctx.tx.select({ id: sellers.id }).from(sellers),
    );
    expect(sellersSeenByB).toEqual([{ id: b.sellerId }]);

    const updated = await withTenant(t.database, tenantBase(b.sellerId), (ctx) =>
      ctx.tx.update(stores).set({ name: 'taken over' }).returning({ id: stores.id }),
    );
    expect(updated).toEqual([{ id: b1.id }]);
    const { rows } = await t.database.raw('select name from stores where id = $1', [a1.id]);
    expect(rows[0]?.name).toBe(a1.name);
  });

  it('refuses to write a row for another seller', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    const attempt = withTenant(t.database, tenantBase(a.sellerId), (ctx) =>
      ctx.tx.insert(stores).values({
        id: '00000000-0000-7000-8000-0000000000aa',
        sellerId: b.sellerId,
        name: 'Smuggled',
        marketCountry: 'CN',
        currency: 'CNY',
        defaultLanguage: 'zh-CN',
      }),
    );
    await expect(attempt).rejects.toThrow();
  });

  it('operators see every seller', async () => {
    const a = await makeSeller(t);
    const b = await makeSeller(t);
    await makeStore(t, a);
    await makeStore(t, b);
    const owners = await withPlatform(
      t.database,
      backgroundBase(),
      async (ctx) =>
        new Set((await ctx.tx.select({ sellerId: stores.sellerId }).from(stores)).map((r) => r.sellerId)),
    );
    expect(owners.has(a.sellerId) && owners.has(b.sellerId)).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo, startDemo } from '../../scripts/seed-demo';
import { isValidBarcode } from '../../server/domains/catalog';
import { Agent } from '../helpers/http';
import { createTestApp, type TestApp } from '../helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Products per demo seller in this test (the real default is 300, SEED_PRODUCTS). */
const PRODUCTS = 8;
/** Seeding is real work (images, reviews): generous under a loaded CI machine (~8 s alone). */
const SEED_TIMEOUT = 120_000;

const counts = async () =>
  (
    await t.database.raw(`select (select count(*) from users)::int as users, (select count(*) from sellers)::int as sellers,
      (select count(*) from stores)::int as stores, (select count(*) from members)::int as members`)
  ).rows[0];

describe('demo seed', () => {
  it(
    'creates an operator and sellers with stores and sub-accounts, and is idempotent',
    async () => {
      const logins = await seedDemo(t.database, { products: PRODUCTS });
      const first = await counts();
      // One operator; three owners (one seller still in review) and four sub-accounts.
      expect(first).toEqual({ users: 8, sellers: 3, stores: 3, members: 7 });
      await seedDemo(t.database, { products: PRODUCTS });
      expect(await counts()).toEqual(first);

      for (const login of logins) {
        expect(login.password).toBe(DEMO_PASSWORD);
        await new Agent(t.app).signIn(login.email, login.password);
      }
      const catalog = await new Agent(t.app).signIn('catalog@demo-shop-1.sellercenter.dev', DEMO_PASSWORD);
      const session = (await catalog.get('/api/auth/session')).json();
      expect(session.stores).toHaveLength(1);
      expect(session.permissions).not.toContain('team:read');
    },
    SEED_TIMEOUT,
  );

  it(
    'builds a demo catalogue through the services, and a second run adds nothing',
    async () => {
      const catalog = async () =>
        (
          await t.database.raw(`select
          (select count(*) from products)::int as products,
          (select count(*) from skus)::int as skus,
          (select count(*) from product_images)::int as images,
          (select count(*) from store_listings)::int as listings,
          (select count(*) from listing_reviews)::int as reviews,
          (select count(*) from warehouses)::int as warehouses,
          (select count(*) from stock_levels)::int as levels,
          (select count(*) from stock_movements)::int as movements,
          (select count(*) from compliance_documents)::int as documents,
          (select count(*) from categories)::int as categories`)
        ).rows[0] as Record<
          'products' | 'skus' | 'images' | 'listings' | 'warehouses' | 'movements' | 'documents',
          number
        >;
      await seedDemo(t.database, { products: PRODUCTS });
      const first = await catalog();
      // Regular products for both sellers, plus the special ones (a revision under review for each,
      // cosmetics with a certificate expiring in 5 days and one with an expired certificate).
      expect(first.products).toBe(2 * PRODUCTS + 4);
      expect(first.skus).toBeGreaterThanOrEqual(first.products);
      expect(first.images).toBeGreaterThanOrEqual(first.products);
      expect(first.listings).toBeGreaterThan(0);
      expect(first.warehouses).toBe(5);
      expect(first.movements).toBeGreaterThan(0);
      expect(first.documents).toBe(8);
      await seedDemo(t.database, { products: PRODUCTS });
      expect(await catalog()).toEqual(first);

      const q = async (text: string, params: unknown[] = []) => (await t.database.raw(text, params)).rows;
      // Every SKU has a valid, unique EAN-13.
      const barcodes = (await q('select barcode from skus')).map((r) => String(r.barcode));
      expect(new Set(barcodes).size).toBe(barcodes.length);
      for (const b of barcodes) expect(isValidBarcode(b)).toBe(true);
      // Listings only for approved products that are on sale; an active product is listed in each store.
      const listed = await q(`select p.review_state, p.sale_state, p.published is not null as published
      from store_listings l join products p on p.id = l.product_id`);
      for (const r of listed) expect(r).toMatchObject({ sale_state: 'active', published: true });
      const active = await q(`select p.id from products p where p.sale_state = 'active'
      and not exists (select 1 from store_listings l where l.product_id = p.id)`);
      expect(active).toEqual([]);
      // The revision under review keeps its approved copy on sale.
      const revisions = await q(`select p.review_state, p.sale_state, p.title->>'en-US' as working,
      p.published->'title'->>'en-US' as live from products p where p.title->>'en-US' like '%(2026 edition)'`);
      expect(revisions).toHaveLength(2);
      for (const r of revisions) {
        expect(r).toMatchObject({ review_state: 'pending', sale_state: 'active' });
        expect(String(r.live)).not.toContain('2026 edition');
      }
      // The certificate that lapsed is expired and its product suspended; the one expiring in 5 days is valid.
      const docs = await q(`select d.status, d.expires_on::text as expires, p.sale_state
      from compliance_documents d join product_documents pd on pd.document_id = d.id
      join products p on p.id = pd.product_id where d.number like '%АЖ49.В.0%/23'`);
      expect(docs.map((d) => [d.status, d.sale_state]).sort()).toEqual([
        ['expired', 'suspended'],
        ['valid', 'active'],
      ]);

      // The storefront shows the seeded catalogue.
      const buyer = new Agent(t.app);
      const search = await buyer.get('/api/v1/store/products?limit=100');
      expect(search.statusCode).toBe(200);
      const items = search.json().items as { productId: string; storeId: string }[];
      expect(items.length).toBeGreaterThan(0);
      const first1 = items[0] as { productId: string; storeId: string };
      const page = await buyer.get(`/api/v1/store/products/${first1.productId}?storeId=${first1.storeId}`);
      expect(page.statusCode).toBe(200);
      expect(page.json().images.length).toBeGreaterThan(0);
    },
    SEED_TIMEOUT,
  );

  it(
    'leaves the rest of a larger catalogue to a background run that can stop and resume',
    async () => {
      const regular = async () =>
        Number(
          (
            await t.database.raw(
              `select count(*)::int as n from products where title->>'en-US' not like '%(2026 edition)'`,
            )
          ).rows[0]?.n,
        );
      const before = await regular();
      // The first PRODUCTS per seller exist already: only the next 4 per seller are left.
      const demo = await startDemo(t.database, { products: PRODUCTS + 4, firstPart: PRODUCTS });
      expect(await regular()).toBe(before);
      expect(demo.catalog).toMatchObject({ total: 2 * (PRODUCTS + 4), done: 2 * PRODUCTS });
      const stop = new AbortController();
      const seen: number[] = [];
      await demo.catalog.run({
        signal: stop.signal,
        progress: (done) => {
          seen.push(done);
          stop.abort();
        },
      });
      expect(seen).toHaveLength(1);
      expect(await regular()).toBe(before + (seen[0] as number) - 2 * PRODUCTS);
      // The next start picks up what is missing.
      const again = await startDemo(t.database, { products: PRODUCTS + 4, firstPart: PRODUCTS });
      expect(again.catalog.done).toBe(seen[0]);
      await again.catalog.run();
      expect(await regular()).toBe(before + 8);
    },
    SEED_TIMEOUT,
  );
});

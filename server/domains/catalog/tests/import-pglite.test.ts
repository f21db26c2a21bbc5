// The import on embedded PGlite (the default engine): one connection, array parameters, every mode.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';
import { makeSeller } from '../../accounts/factories';
import { makeCategory } from '../../platform/factories';
import { csv, importFile } from './import-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ engine: 'pglite' });
});
afterAll(async () => {
  await t.close();
});

it('validates, imports all-or-nothing and imports valid rows', async () => {
  const seller = await makeSeller(t);
  const category = await makeCategory(t, { attributes: [{ key: 'tags', type: 'multi_enum' }] });
  const tags = `attr.${category.attributes.tags?.key}`;
  const rows = [
    ['product_key', 'title.en-US', tags, 'sku_code', 'list_price'],
    ['A', 'Apron', 'a; b', 'PG-1', '10'],
    ['A', 'Apron', 'a; b', 'PG-2', '11'],
    ['B', 'Bib', '', 'PG-3', '5'],
  ];
  const query = { categoryId: category.id };
  expect(await importFile(seller.owner, csv(rows), { query: { ...query, mode: 'validate' } })).toMatchObject({
    status: 'succeeded',
    created: 3,
  });
  expect(
    await importFile(seller.owner, csv(rows), { query: { ...query, mode: 'all_or_nothing' } }),
  ).toMatchObject({
    status: 'succeeded',
    created: 3,
  });
  const again = await importFile(seller.owner, csv([...rows, ['C', 'Cap', 'z', 'PG-4', '5']]), { query });
  expect(again).toMatchObject({ status: 'succeeded', unchanged: 3, failed: 1 });
  const stored = await t.database.raw("select attributes from products where title->>'en-US' = 'Apron'");
  expect(Object.values(stored.rows[0]?.attributes as object)).toEqual([['a', 'b']]);
});

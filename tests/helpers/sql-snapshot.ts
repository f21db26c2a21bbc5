import { drizzle } from 'drizzle-orm/node-postgres';
import { expect } from 'vitest';

/** A database that only builds SQL: the builders of hot queries run against it in sql.test.ts. */
export const sqlOnly = { tx: drizzle.mock() } as unknown as { tx: never };

/**
 * Writes the SQL of a query builder to `__sql__/<name>.sql` beside the test, so that every change of a
 * hot query shows up in review as a diff of its SQL (STYLE.md §11).
 */
export async function expectSqlSnapshot(
  dir: string,
  name: string,
  query: { toSQL(): { sql: string; params: unknown[] } },
) {
  const { sql, params } = query.toSQL();
  const formatted = sql
    .replace(/ (from|inner join|left join|where|order by|limit|group by) /g, '\n$1 ')
    .replace(/ (and|or) \(/g, '\n  $1 (');
  const text = `-- ${name}\n${formatted};\n-- params: ${JSON.stringify(params)}\n`;
  await expect(text).toMatchFileSnapshot(`${dir}/__sql__/${name}.sql`);
}

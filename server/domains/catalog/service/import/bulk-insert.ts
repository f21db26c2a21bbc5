// Multi-row INSERT … SELECT FROM unnest(…) for the import's bulk writes: one parameter per column
// (an array), however many rows — no per-row parameter binding on either side.
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig } from 'drizzle-orm/pg-core';
import type { Tx } from '../../../../platform/db/tenant';

type RowOf<T extends PgTable> = T['$inferInsert'];

/** The value of one cell as the driver sends it inside an array parameter. */
function cellValue(column: PgColumn, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const type = column.getSQLType();
  if (type.endsWith('[]') || type === 'jsonb' || type === 'json') return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * Inserts `rows` (objects with the table's property names) in one statement. Array columns travel
 * as JSON and are turned back into arrays in SQL (unnest flattens multi-dimensional arrays).
 * Columns absent from every row take their defaults.
 */
export async function bulkInsert<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly RowOf<T>[],
  opts: { returning?: PgColumn[] } = {},
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const columns = Object.entries(getTableColumns(table)) as [string, PgColumn][];
  const used = columns.filter(([key]) => rows.some((r) => (r as Record<string, unknown>)[key] !== undefined));
  const names: SQL[] = [];
  const params: SQL[] = [];
  const selects: SQL[] = [];
  used.forEach(([key, column], i) => {
    const type = column.getSQLType();
    const alias = sql.identifier(`c${i}`);
    names.push(sql`${sql.identifier(column.name)}`);
    const values = rows.map((r) => cellValue(column, (r as Record<string, unknown>)[key]));
    if (type.endsWith('[]')) {
      params.push(sql`${sql.param(values)}::jsonb[]`);
      selects.push(
        sql`case when ${alias} is null then null else array(select jsonb_array_elements_text(${alias}))::${sql.raw(type)} end`,
      );
    } else {
      params.push(sql`${sql.param(values)}::${sql.raw(type)}[]`);
      selects.push(sql`${alias}`);
    }
  });
  const aliases = used.map((_, i) => sql`${sql.identifier(`c${i}`)}`);
  const { name, schema } = getTableConfig(table);
  const target = schema ? sql`${sql.identifier(schema)}.${sql.identifier(name)}` : sql.identifier(name);
  const returning = opts.returning?.length
    ? sql` returning ${sql.join(
        opts.returning.map((c) => sql`${sql.identifier(c.name)}`),
        sql`, `,
      )}`
    : sql``;
  const result = await tx.execute(
    sql`insert into ${target} (${sql.join(names, sql`, `)}) select ${sql.join(selects, sql`, `)} from unnest(${sql.join(
      params,
      sql`, `,
    )}) as u(${sql.join(aliases, sql`, `)})${returning}`,
  );
  return (result as unknown as { rows: Record<string, unknown>[] }).rows ?? [];
}

// Reading a table's rows through a view with the same columns, in drizzle's typed query builder.
import { getViewName, type View } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

// drizzle's own (registered) symbols for an aliased table: the name it is read from, and the flag.
const ORIGINAL_NAME = Symbol.for('drizzle:OriginalName');
const IS_ALIAS = Symbol.for('drizzle:IsAlias');

/**
 * The table, read through a view of the same columns: `from(readThrough(products, sellerProducts))`
 * renders `from "seller_products" "products"`, so every `products.…` column of the query (select list,
 * conditions, subqueries) refers to the view's rows. It is drizzle's table alias turned around: the
 * table's name stays as the alias and the view is the source. (sql.test.ts snapshots the SQL.)
 */
export function readThrough<T extends PgTable>(table: T, view: View): T {
  const viewName = getViewName(view);
  return new Proxy(table, {
    get: (target, prop, receiver) =>
      prop === ORIGINAL_NAME ? viewName : prop === IS_ALIAS ? true : Reflect.get(target, prop, receiver),
  });
}

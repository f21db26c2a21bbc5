// One page of rows in an indexed order when some conditions can only be checked row by row.
import { and, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Tx } from './engine';

/**
 * A page read: `plain` conditions narrow an index range in the sort order (owner, state, store, price,
 * cursor …); `selective` ones (words, category subtree, stock) are checked row by row in that order, or
 * looked up in their own indexes (trigram, category) and then sorted.
 */
export interface OrderedRead {
  plain: (SQL | undefined)[];
  selective: (SQL | undefined)[];
  order: SQL[];
  limit: number;
}

/**
 * How many rows in sort order a read checks before it looks the matches up instead. Which way is faster
 * depends on how many rows match, and PostgreSQL's estimate for `like '%…%'` or a small category can be
 * wrong by orders of magnitude (words that never occur together): a plan that walks the order looking
 * for matches that do not exist reads every row. So the walk is bounded, and the lookup is the fallback.
 */
export const ORDERED_WINDOW = 2_000;

/**
 * `offset 0`: PostgreSQL does not merge a subquery with an offset into the outer query, so it plans the
 * subquery for all its rows. (drizzle leaves out a numeric offset of 0; this SQL it writes as given.)
 */
const OFFSET_ZERO = sql`0` as unknown as number;

/**
 * The walk: the first ORDERED_WINDOW rows of `source` in sort order, then the selective conditions on
 * those. The subquery takes the source's name, so conditions and fields on its columns apply to its rows.
 */
export function walkQuery(tx: Tx, source: PgTable, fields: SelectedFields, read: OrderedRead) {
  const head = tx
    .select()
    .from(source)
    .where(and(...read.plain))
    .orderBy(...read.order)
    .limit(ORDERED_WINDOW)
    .as(getTableName(source));
  return tx
    .select(fields)
    .from(head)
    .where(and(...read.selective))
    .orderBy(...read.order)
    .limit(read.limit);
}

/** The lookup: every match, found through the selective conditions' own indexes, then sorted. */
export function lookupQuery(tx: Tx, source: PgTable, fields: SelectedFields, read: OrderedRead) {
  const matches = tx
    .select()
    .from(source)
    .where(and(...read.plain, ...read.selective))
    .offset(OFFSET_ZERO)
    .as(getTableName(source));
  return tx
    .select(fields)
    .from(matches)
    .orderBy(...read.order)
    .limit(read.limit);
}

/** Without selective conditions: the index range in order, as it is. */
export function plainQuery(tx: Tx, source: PgTable, fields: SelectedFields, read: OrderedRead) {
  return tx
    .select(fields)
    .from(source)
    .where(and(...read.plain))
    .orderBy(...read.order)
    .limit(read.limit);
}

/**
 * The first `limit` rows of a read: a bounded walk in order when it finds them, else the lookup.
 * `walkable: false` for an order that no index follows (a computed key): one plain query.
 */
export async function readOrdered<F extends SelectedFields>(
  tx: Tx,
  source: PgTable,
  fields: F,
  read: OrderedRead,
  { walkable = true }: { walkable?: boolean } = {},
): Promise<SelectResultFields<F>[]> {
  // (drizzle's row types do not follow a generic field list through its builders: typed here once.)
  const rows = async (query: PromiseLike<unknown[]>) => (await query) as SelectResultFields<F>[];
  if (read.selective.every((c) => !c)) return rows(plainQuery(tx, source, fields, read));
  // An order no index follows (a computed key): every match is sorted anyway.
  if (!walkable)
    return rows(plainQuery(tx, source, fields, { ...read, plain: [...read.plain, ...read.selective] }));
  const walked = await rows(walkQuery(tx, source, fields, read));
  // Fewer than asked: the matches are sparse in this stretch of the order (or there are no more).
  if (walked.length >= read.limit) return walked;
  return rows(lookupQuery(tx, source, fields, read));
}

import { and, eq, lt, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { isUuid } from '../db/ids';
import { badRequest } from './errors';

/** Query parameters every list accepts. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size (1–200).'),
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page.'),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** A page of results: `nextCursor` is null on the last page. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type Page<T> = { items: T[]; nextCursor: string | null };

/** Cursor = the sort key values of the last row, opaque to clients. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number | null)[] | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === arity) return parsed as (string | number | null)[];
  } catch {
    // fall through to the error below
  }
  throw badRequest('invalid_cursor');
}

/**
 * Keyset pagination: the query fetched `limit + 1` rows ordered by the key; the extra row
 * tells whether another page exists, and the last returned row becomes the cursor.
 */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number | null)[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/** The cursor key of lists ordered newest first: (created_at, id). */
export const newestFirstKey = (row: { createdAt: Date; id: string }): [string, string] => [
  row.createdAt.toISOString(),
  row.id,
];

/**
 * The rows after a newest-first cursor: older than its time, or as old with a smaller id.
 * A cursor whose time or id does not parse is a 400, not an empty page or a database error.
 */
export function olderThanCursor(
  cursor: string | undefined,
  time: AnyPgColumn,
  id: AnyPgColumn,
): SQL | undefined {
  const c = decodeCursor(cursor, 2);
  if (!c) return undefined;
  const at = new Date(String(c[0]));
  const lastId = String(c[1]);
  if (Number.isNaN(at.getTime()) || !isUuid(lastId)) throw badRequest('invalid_cursor');
  return or(lt(time, at), and(eq(time, at), lt(id, lastId)));
}

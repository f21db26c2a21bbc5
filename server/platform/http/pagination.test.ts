import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { encodeCursor, newestFirstKey, olderThanCursor } from './pagination';

const rows = pgTable('rows', { id: uuid('id'), createdAt: timestamp('created_at', { withTimezone: true }) });
const id = '01900000-0000-7000-8000-000000000001';

describe('newest-first keyset cursors', () => {
  it('round-trip a row key into a condition', () => {
    const key = newestFirstKey({ createdAt: new Date('2026-11-01T00:00:00Z'), id });
    expect(key).toEqual(['2026-11-01T00:00:00.000Z', id]);
    expect(olderThanCursor(encodeCursor(key), rows.createdAt, rows.id)).toBeDefined();
    expect(olderThanCursor(undefined, rows.createdAt, rows.id)).toBeUndefined();
  });

  it('answer 400 invalid_cursor for a cursor whose time or id does not parse', () => {
    for (const bad of [
      encodeCursor(['not a time', id]),
      encodeCursor(['2026-11-01T00:00:00Z', 'x']),
      'garbage',
    ]) {
      expect(() => olderThanCursor(bad, rows.createdAt, rows.id)).toThrow(
        expect.objectContaining({ status: 400, code: 'invalid_cursor' }),
      );
    }
  });
});

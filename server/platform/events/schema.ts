import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from '../db/columns';

/** Transactional outbox: events are inserted in the same transaction as the change they describe. */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: id(),
    type: text('type').notNull(),
    sellerId: uuid('seller_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    /** A dispatcher holds the event until this time; after a crash another one picks it up. */
    claimedUntil: ts('claimed_until'),
    dispatchedAt: ts('dispatched_at'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_pending_idx').on(t.createdAt).where(sql`dispatched_at is null`)],
);

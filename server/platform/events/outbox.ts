import { sql } from 'drizzle-orm';
import type { Database } from '../db/engine';
import { newId } from '../db/ids';
import type { AnyCtx } from '../db/tenant';
import type { Jobs } from '../jobs/queue';
import { defineJob } from '../jobs/queue';
import { outboxEvents } from './schema';

export interface DomainEvent<P = Record<string, unknown>> {
  id: string;
  type: string;
  sellerId: string | null;
  payload: P;
  createdAt: string;
}

/** What a consumer gets besides the event: the database to open its own transaction on. */
export interface ConsumerDeps {
  database: Database;
}

type Consumer = (event: DomainEvent<never>, deps: ConsumerDeps) => Promise<void>;
const consumers = new Map<string, { types: Set<string>; handle: Consumer }>();

/**
 * Inserts the event in the caller's transaction: it exists if and only if the change committed.
 */
export async function emit<P extends Record<string, unknown>>(
  ctx: AnyCtx,
  type: string,
  payload: P,
  sellerId: string | null = ctx.kind === 'seller' ? ctx.sellerId : null,
): Promise<string> {
  const id = newId();
  await ctx.tx.insert(outboxEvents).values({ id, type, sellerId, payload });
  return id;
}

const queueName = (consumer: string) => `event.${consumer}`;

/**
 * Registers a consumer of some event types. Each consumer gets its own durable queue; it must be
 * idempotent (dedupe by event id), since delivery is at least once.
 */
export function subscribe<P = Record<string, unknown>>(
  consumer: string,
  types: string[],
  handle: (event: DomainEvent<P>, deps: ConsumerDeps) => Promise<void>,
) {
  consumers.set(consumer, { types: new Set(types), handle: handle as Consumer });
  defineJob<DomainEvent<P>>(queueName(consumer), (event, { database }) => handle(event, { database }));
}

/**
 * Moves committed events to their consumers' queues, oldest first. A batch is claimed with a
 * lease in one statement (no transaction is held while sending: PGlite has one connection), and
 * marked dispatched after sending. A crash in between re-delivers after the lease; consumers dedupe.
 */
export async function dispatchOutbox(database: Database, jobs: Jobs, batch = 100): Promise<number> {
  const result =
    await database.db.execute(sql`update outbox_events set claimed_until = now() + interval '30 seconds',
        attempts = attempts + 1
      where id in (select id from outbox_events
        where dispatched_at is null and (claimed_until is null or claimed_until < now())
        order by created_at, id limit ${batch} for update skip locked)
      returning id, type, seller_id, payload, created_at`);
  const claimed = (result as unknown as { rows: unknown[] }).rows as {
    id: string;
    type: string;
    seller_id: string | null;
    payload: Record<string, unknown>;
    created_at: Date | string;
  }[];
  claimed.sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const row of claimed) {
    const event: DomainEvent = {
      id: row.id,
      type: row.type,
      sellerId: row.seller_id,
      payload: row.payload,
      createdAt: new Date(row.created_at).toISOString(),
    };
    for (const [name, c] of consumers) {
      if (c.types.has(event.type))
        await jobs.send(queueName(name), event, { singletonKey: `${event.id}:${name}` });
    }
    await database.db.execute(sql`update outbox_events set dispatched_at = now() where id = ${row.id}`);
  }
  return claimed.length;
}

/** Polls the outbox until stopped. */
export function startDispatcher(database: Database, jobs: Jobs, intervalMs = 250): { stop(): Promise<void> } {
  let running = true;
  let current: Promise<unknown> = Promise.resolve();
  const loop = async () => {
    while (running) {
      try {
        current = dispatchOutbox(database, jobs);
        const moved = (await current) as number;
        if (moved > 0) continue;
      } catch (err) {
        console.error('[outbox]', (err as Error).message);
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  };
  void loop();
  return {
    async stop() {
      running = false;
      await current.catch(() => {});
    },
  };
}

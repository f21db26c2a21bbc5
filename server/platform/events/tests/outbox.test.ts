import { afterAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../tests/helpers/test-app';
import type { Database } from '../../db/engine';
import { backgroundBase, withSystem } from '../../db/tenant';
import { startJobs } from '../../jobs/queue';
import { type DomainEvent, dispatchOutbox, emit, subscribe } from '../outbox';

const received: DomainEvent[] = [];
subscribe<Record<string, unknown>>('outbox_test', ['test.happened'], async (event) => {
  received.push(event);
});

const waitFor = async (check: () => boolean, ms = 15_000) => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe.each(['postgres', 'pglite'] as const)('outbox and jobs on %s', (engine) => {
  it('delivers committed events to consumers through pg-boss, and never rolled-back ones', async () => {
    const { database, drop } = await openTestDatabase(engine);
    const jobs = await startJobs(database as Database, { work: true, pollingSeconds: 0.5 });
    cleanups.push(async () => {
      await jobs.stop();
      await database.close();
      await drop();
    });
    const marker = `${engine}-${Date.now()}`;
    await withSystem(database, backgroundBase(), (ctx) => emit(ctx, 'test.happened', { marker, n: 1 }));
    await expect(
      withSystem(database, backgroundBase(), async (ctx) => {
        await emit(ctx, 'test.happened', { marker, n: 2 });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    expect(await dispatchOutbox(database, jobs)).toBe(1);
    expect(await dispatchOutbox(database, jobs)).toBe(0);
    await waitFor(() => received.some((e) => e.payload.marker === marker));
    await new Promise((r) => setTimeout(r, 1000));
    expect(received.filter((e) => e.payload.marker === marker).map((e) => e.payload.n)).toEqual([1]);
  });
});

import PgBoss from 'pg-boss';
import type { Database } from '../db/engine';

/** A job gets its data and the database of the queue that runs it (to open its own transactions). */
export type JobHandler<T> = (data: T, meta: { id: string; database: Database }) => Promise<void>;

interface JobDefinition {
  name: string;
  handler: JobHandler<never>;
  retryLimit: number;
  cron?: string;
}

/**
 * The one job queue: pg-boss on the application database (both engines).
 * Domains define jobs at import time; `startJobs` creates their queues and workers.
 */
const definitions = new Map<string, JobDefinition>();

export function defineJob<T>(
  name: string,
  handler: JobHandler<T>,
  opts: { retryLimit?: number; cron?: string } = {},
): void {
  definitions.set(name, {
    name,
    handler: handler as JobHandler<never>,
    retryLimit: opts.retryLimit ?? 5,
    cron: opts.cron,
  });
}

export interface Jobs {
  send<T extends object>(
    name: string,
    data: T,
    opts?: { singletonKey?: string; startAfter?: Date },
  ): Promise<void>;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startJobs(
  database: Database,
  opts: { work: boolean; pollingSeconds?: number },
): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.raw(text, values) },
    schema: 'pgboss',
    supervise: opts.work,
    schedule: opts.work,
  });
  boss.on('error', (err) => console.error('[jobs]', err.message));
  await boss.start();
  for (const def of definitions.values()) {
    await boss.createQueue(def.name, {
      name: def.name,
      retryLimit: def.retryLimit,
      retryBackoff: true,
      retryDelay: 2,
    });
  }
  let running = 0;
  if (opts.work) {
    for (const def of definitions.values()) {
      await boss.work(
        def.name,
        { pollingIntervalSeconds: opts.pollingSeconds ?? 1, batchSize: 1 },
        async (jobs) => {
          running++;
          try {
            for (const job of jobs) await def.handler(job.data as never, { id: job.id, database });
          } finally {
            running--;
          }
        },
      );
      if (def.cron) await boss.schedule(def.name, def.cron, {});
    }
  }
  return {
    async send(name, data, sendOpts = {}) {
      if (!definitions.has(name)) throw new Error(`unknown job ${name}`);
      await boss.send(name, data, { singletonKey: sendOpts.singletonKey, startAfter: sendOpts.startAfter });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      // pg-boss resolves stop() while a worker's fetch may still be in flight; that fetch can hand
      // out one more job. Let it finish before the caller closes the database under it.
      const until = Date.now() + 5000;
      await sleep(300);
      while (running > 0 && Date.now() < until) await sleep(50);
      await sleep(150); // the job's completion is recorded just after its handler returns
    },
  };
}

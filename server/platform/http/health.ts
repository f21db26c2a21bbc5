import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { type Database, MIGRATIONS_DIR, migrationsApplied } from '../db/engine';
import type { App } from './app';

const expectedMigrations = () => readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;

/** /healthz: the process answers. /readyz: the database answers and every migration is applied. */
export function registerHealth(app: App, database: Database) {
  const expected = expectedMigrations();
  app.get(
    '/healthz',
    {
      schema: {
        hide: true,
        response: { 200: z.object({ status: z.literal('ok'), uptimeSeconds: z.number() }) },
      },
    },
    async () => ({ status: 'ok' as const, uptimeSeconds: Math.round(process.uptime()) }),
  );
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      const ready = await migrationsApplied(database, expected);
      if (!ready) return reply.code(503).send({ status: 'migrating', database: database.kind });
      return { status: 'ready', database: database.kind, migrations: expected };
    } catch (err) {
      return reply
        .code(503)
        .send({ status: 'unavailable', database: database.kind, error: (err as Error).message });
    }
  });
}

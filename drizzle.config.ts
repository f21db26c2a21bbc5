import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./server/platform/*/schema.ts', './server/domains/*/schema.ts'],
  out: './server/db/migrations',
  entities: { roles: { provider: '', exclude: ['app_user'] } },
});

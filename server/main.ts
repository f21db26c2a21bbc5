import type { DemoCatalogRest } from '../scripts/seed-catalog';
import { loadConfig } from './config';
import { startRuntime } from './runtime';

/** start: config → database → migrations → jobs → app → listen (→ demo data). */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const runtime = await startRuntime(config);
  let demoCatalog: DemoCatalogRest | null = null;
  if (config.SEED_DEMO) {
    const { startDemo, demoProductCount } = await import('../scripts/seed-demo');
    const products = demoProductCount();
    // A small catalogue (tests, benchmarks) is seeded whole before listening.
    const firstPart = products <= DEMO_AT_ONCE ? products : DEMO_FIRST_PART;
    const demo = await startDemo(runtime.database, { products, firstPart });
    printLogins(demo.logins);
    if (demo.catalog.done < demo.catalog.total) demoCatalog = demo.catalog;
  }
  await runtime.app.listen({ host: config.HOST, port: config.PORT });
  const engine = runtime.database.kind === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL';
  console.log(
    `\nSeller Center is running at ${config.publicUrl}  (${engine}, ready in ${Date.now() - started} ms)`,
  );
  console.log(`  API reference: ${config.publicUrl}/api/docs`);
  if (runtime.devSmtp)
    console.log(`  Dev mailbox:   ${config.publicUrl}/dev/mailbox  (SMTP on ${runtime.devSmtp.url})`);

  // The rest of the demo catalogue fills in while the server already serves (resumed on the next
  // start if stopped half-way: the seed creates only what is missing).
  const abortSeed = new AbortController();
  const seeding = demoCatalog ? fillDemoCatalog(demoCatalog, abortSeed.signal) : Promise.resolve();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down`);
    abortSeed.abort();
    await seeding;
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Regular demo products per seller created before the server listens; the rest follow in the background. */
const DEMO_FIRST_PART = 20;
/** Up to this many products per seller, all of them are created before the server listens. */
const DEMO_AT_ONCE = 30;

async function fillDemoCatalog(catalog: DemoCatalogRest, signal: AbortSignal): Promise<void> {
  const started = Date.now();
  const step = Math.max(1, Math.ceil(catalog.total / 10));
  let logged = catalog.done;
  console.log(
    `\nDemo catalog: ${catalog.done}/${catalog.total} products so far; adding the rest in the background…`,
  );
  try {
    await catalog.run({
      signal,
      progress: (done, total) => {
        if (done < total && done - logged < step) return;
        logged = done;
        console.log(
          done < total
            ? `demo catalog: ${done}/${total} products`
            : `demo catalog: ${done}/${total} products, complete (${Math.round((Date.now() - started) / 1000)} s)`,
        );
      },
    });
    if (signal.aborted) console.log('demo catalog: paused; the next start continues it');
  } catch (err) {
    console.error('demo catalog: seeding failed (the next start retries what is missing):', err);
  }
}

function printLogins(logins: { role: string; email: string; password: string }[]) {
  if (logins.length === 0) return;
  console.log('\nDemo logins:');
  for (const l of logins) console.log(`  ${l.role.padEnd(34)} ${l.email.padEnd(42)} ${l.password}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

import { loadConfig } from './config';
import { startRuntime } from './runtime';

/** start: config → database → migrations → jobs → app → listen (→ demo data). */
async function main() {
  const started = Date.now();
  const config = loadConfig();
  const runtime = await startRuntime(config);
  if (config.SEED_DEMO) {
    const { seedDemo } = await import('../scripts/seed-demo');
    const logins = await seedDemo(runtime.database);
    printLogins(logins);
  }
  await runtime.app.listen({ host: config.HOST, port: config.PORT });
  const engine = runtime.database.kind === 'pglite' ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL';
  console.log(
    `\nSeller Center is running at ${config.publicUrl}  (${engine}, ready in ${Date.now() - started} ms)`,
  );
  console.log(`  API reference: ${config.publicUrl}/api/docs`);
  if (runtime.devSmtp)
    console.log(`  Dev mailbox:   ${config.publicUrl}/dev/mailbox  (SMTP on ${runtime.devSmtp.url})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down`);
    await runtime.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
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

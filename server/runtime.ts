import { buildApp } from './app';
import type { Config } from './config';
import { configureSecretBox, resolveAppSecret } from './platform/auth/secret-box';
import { type Database, openDatabase, runMigrations } from './platform/db/engine';
import { startDispatcher } from './platform/events/outbox';
import { configureFileStore } from './platform/files/store';
import type { App } from './platform/http/app';
import { type Jobs, startJobs } from './platform/jobs/queue';
import { type DevSmtp, startDevSmtp } from './platform/mail/dev-smtp';
import { type Mailer, smtpMailer } from './platform/mail/mailer';
import { registerMailConsumer } from './platform/mail/outbound';
import './domains/consumers';

export interface Runtime {
  app: App;
  database: Database;
  jobs: Jobs;
  devSmtp: DevSmtp | null;
  stop(): Promise<void>;
}

let currentMailer: Mailer | null = null;
let currentPublicUrl = '';
registerMailConsumer(
  () => currentMailer,
  () => currentPublicUrl,
);

/**
 * Opens the database, applies migrations, starts mail, jobs and the outbox dispatcher, and builds the app.
 * `main.ts` and the tests both start the product through here.
 */
export async function startRuntime(
  config: Config,
  opts: { database?: Database; devSmtp?: DevSmtp } = {},
): Promise<Runtime> {
  const database =
    opts.database ??
    (await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      poolSize: config.DATABASE_POOL_SIZE,
    }));
  await runMigrations(database);
  if (config.NODE_ENV === 'production' && !config.APP_SECRET) {
    throw new Error('APP_SECRET (32+ characters) is required in production: it encrypts TOTP secrets.');
  }
  configureSecretBox(resolveAppSecret(config.APP_SECRET, config.DATA_DIR));
  configureFileStore(config.FILES_DIR ?? `${config.DATA_DIR}/files`);

  let devSmtp = opts.devSmtp ?? null;
  if (!config.SMTP_URL && !devSmtp) devSmtp = await startDevSmtp(config.DEV_SMTP_PORT);
  currentMailer = smtpMailer(config.SMTP_URL ?? (devSmtp as DevSmtp).url, config.MAIL_FROM);
  currentPublicUrl = config.publicUrl;

  const work = config.ROLE !== 'api';
  const jobs = await startJobs(database, { work, pollingSeconds: config.NODE_ENV === 'test' ? 0.5 : 1 });
  const dispatcher = work ? startDispatcher(database, jobs) : null;

  const app = await buildApp({ config, database, devSmtp });

  return {
    app,
    database,
    jobs,
    devSmtp,
    async stop() {
      await app.close();
      await dispatcher?.stop();
      await jobs.stop();
      if (!opts.devSmtp) await devSmtp?.close();
      if (!opts.database) await database.close();
    },
  };
}

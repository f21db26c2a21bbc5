/**
 * Creates a platform operator account on the configured database:
 *   npm run create-operator -- --email ops@example.com --name "Ops Lead" --role platform_admin
 * The password is read from the OPERATOR_PASSWORD environment variable (kept out of shell history).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { createOperator } from '../server/domains/accounts';
import { openDatabase, runMigrations } from '../server/platform/db/engine';
import { backgroundBase, withSystem } from '../server/platform/db/tenant';
import { isAppError } from '../server/platform/http/errors';
import { translate } from '../server/platform/i18n/translate';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string', default: 'Platform operator' },
    role: { type: 'string', default: 'platform_admin' },
  },
});
const password = process.env.OPERATOR_PASSWORD;
if (!values.email || !password) {
  console.error(
    'Usage: OPERATOR_PASSWORD=… npm run create-operator -- --email <email> [--name <name>] [--role platform_admin|reviewer|support]',
  );
  process.exit(2);
}

const config = loadConfig();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await runMigrations(database);
  const created = await withSystem(database, backgroundBase(), (ctx) =>
    createOperator(ctx, {
      email: values.email as string,
      name: values.name as string,
      password,
      platformRole: values.role as 'platform_admin',
    }),
  );
  console.log(`Operator ${created.email} created.`);
} catch (err) {
  if (isAppError(err)) {
    const details = (err.errors ?? []).map((e) => `  ${e.path}: ${translate('en-US', e.message, e.params)}`);
    console.error([translate('en-US', err.code, err.params), ...details].join('\n'));
  } else {
    console.error(err);
  }
  process.exitCode = 1;
} finally {
  await database.close();
}

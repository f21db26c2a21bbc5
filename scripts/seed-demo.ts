import { createOperator, findUserByEmail } from '../server/domains/accounts';
import type { Database } from '../server/platform/db/engine';
import { backgroundBase, withSystem } from '../server/platform/db/tenant';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

export const DEMO_PASSWORD = 'Demo-Pass-2026!';

/** Idempotent demo data: skipped entirely when the demo operator already exists. */
export async function seedDemo(database: Database): Promise<DemoLogin[]> {
  const logins: DemoLogin[] = [
    { role: 'Platform operator (admin)', email: 'operator@demo.sellercenter.dev', password: DEMO_PASSWORD },
  ];
  await withSystem(database, backgroundBase(), async (ctx) => {
    if (await findUserByEmail(ctx, 'operator@demo.sellercenter.dev')) return;
    await createOperator(ctx, {
      email: 'operator@demo.sellercenter.dev',
      name: 'Olga Operator',
      password: DEMO_PASSWORD,
      platformRole: 'platform_admin',
    });
  });
  return logins;
}

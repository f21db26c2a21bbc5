// Test-only: accounts data built through the domain's own services (never raw inserts).
import { randomBytes } from 'node:crypto';
import { Agent } from '../../../tests/helpers/http';
import type { TestApp } from '../../../tests/helpers/test-app';
import type { PlatformRoleKey } from '../../platform/auth/permissions';
import { backgroundBase, withSystem } from '../../platform/db/tenant';
import type { SellerStatus } from './schema';
import { signUp } from './service/auth';
import { createOperator } from './service/operators';
import { changeSellerStatus } from './service/seller-status';
import { markEmailVerified } from './service/users';

export const TEST_PASSWORD = 'Test-Pass-2026!';
export const uniqueEmail = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}@test.local`;

export async function makeOperator(t: TestApp, platformRole: PlatformRoleKey = 'platform_admin') {
  const email = uniqueEmail(`op-${platformRole}`);
  await withSystem(t.database, backgroundBase(), (ctx) =>
    createOperator(ctx, { email, name: 'Test Operator', password: TEST_PASSWORD, platformRole }),
  );
  const agent = await new Agent(t.app).signIn(email, TEST_PASSWORD);
  return { email, agent };
}

export interface TestSeller {
  sellerId: string;
  ownerId: string;
  ownerEmail: string;
  owner: Agent;
}

/** A seller with a verified, signed-in owner; approved (active) unless another status is asked for. */
export async function makeSeller(
  t: TestApp,
  opts: { status?: SellerStatus; country?: string; currency?: string; legalName?: string } = {},
): Promise<TestSeller> {
  const email = uniqueEmail('owner');
  const created = await withSystem(t.database, backgroundBase(), async (ctx) => {
    const out = await signUp(ctx, {
      legalName: opts.legalName ?? `Test Trading ${randomBytes(3).toString('hex')} LLC`,
      country: opts.country ?? 'CN',
      defaultCurrency: opts.currency ?? 'CNY',
      name: 'Test Owner',
      email,
      password: TEST_PASSWORD,
    });
    await markEmailVerified(ctx, out.userId);
    const status = opts.status ?? 'active';
    if (status === 'active' || status === 'rejected') {
      await changeSellerStatus(ctx, {
        sellerId: out.sellerId,
        to: status,
        reason: status === 'rejected' ? 'test' : null,
      });
    }
    if (status === 'suspended') {
      await changeSellerStatus(ctx, { sellerId: out.sellerId, to: 'active' });
      await changeSellerStatus(ctx, { sellerId: out.sellerId, to: 'suspended', reason: 'test' });
    }
    return out;
  });
  const owner = await new Agent(t.app).signIn(email, TEST_PASSWORD);
  return { sellerId: created.sellerId, ownerId: created.userId, ownerEmail: email, owner };
}

// Test-only: accounts data built through the domain's own services (never raw inserts).
import { randomBytes } from 'node:crypto';
import { Agent } from '../../../tests/helpers/http';
import type { TestApp } from '../../../tests/helpers/test-app';
import {
  type PlatformRoleKey,
  type SellerRoleKey,
  sellerRolePermissions,
} from '../../platform/auth/permissions';
import { backgroundBase, withSystem, withTenant } from '../../platform/db/tenant';
import type { SellerStatus } from './schema';
import { signUp } from './service/auth';
import { acceptInvitation, issueInvitation } from './service/invitations';
import { createOperator } from './service/operators';
import { changeSellerStatus } from './service/seller-status';
import { type CreateStoreInput, createStore, type Store } from './service/stores';
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

/** A store of the seller, created through the stores service (as the seller's system actor). */
export async function makeStore(
  t: TestApp,
  seller: { sellerId: string },
  overrides: Partial<CreateStoreInput> = {},
): Promise<Store> {
  const base = { ...backgroundBase(), sellerId: seller.sellerId, storeIds: null, currentStoreId: null };
  return withTenant(t.database, base, (ctx) =>
    createStore(ctx, {
      name: `Store ${randomBytes(3).toString('hex')}`,
      marketCountry: 'CN',
      currency: 'CNY',
      defaultLanguage: 'zh-CN',
      ...overrides,
    }),
  );
}

export interface MemberOptions {
  role?: SellerRoleKey;
  customRoleId?: string;
  storeIds?: string[] | null;
}

/**
 * An invitation from the seller's owner, through the invitations service (the raw token is returned
 * so that tests need not read the mail). `now` back-dates it: 8 days ago gives an expired link.
 */
export async function makeInvitation(
  t: TestApp,
  seller: TestSeller,
  opts: MemberOptions & { email?: string; now?: Date } = {},
) {
  const email = opts.email ?? uniqueEmail(`member-${opts.role ?? 'custom'}`);
  const base = {
    ...backgroundBase(),
    now: opts.now ?? new Date(),
    actor: {
      kind: 'user' as const,
      id: seller.ownerId,
      label: seller.ownerEmail,
      permissions: sellerRolePermissions('owner'),
    },
    sellerId: seller.sellerId,
    storeIds: null,
    currentStoreId: null,
  };
  const { invitation, token } = await withTenant(t.database, base, (ctx) =>
    issueInvitation(ctx, {
      email,
      name: 'Test Member',
      ...(opts.customRoleId ? { customRoleId: opts.customRoleId } : { role: opts.role ?? 'analyst' }),
      ...(opts.storeIds !== undefined ? { storeIds: opts.storeIds } : {}),
    }),
  );
  return { email, token, invitationId: invitation.id };
}

/** A signed-in member of the seller (invited by the owner, accepted with a new account). */
export async function makeMember(t: TestApp, seller: TestSeller, opts: MemberOptions = {}) {
  const { email, token } = await makeInvitation(t, seller, opts);
  const accepted = await withSystem(t.database, backgroundBase(), (ctx) =>
    acceptInvitation(ctx, null, { token, name: 'Test Member', password: TEST_PASSWORD }),
  );
  if (accepted instanceof Error) throw accepted;
  const agent = await new Agent(t.app).signIn(email, TEST_PASSWORD);
  return { agent, userId: accepted.userId, memberId: accepted.memberId, email };
}

import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { hashPassword } from '../../../platform/auth/passwords';
import type { SellerRoleKey } from '../../../platform/auth/permissions';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx, SellerCtx, SystemCtx } from '../../../platform/db/tenant';
import { allowedFrom, type TransitionTable } from '../../../platform/db/transition';
import { conflict, invalidField, notFound } from '../../../platform/http/errors';
import { isLocale, type Locale } from '../../../platform/i18n/locale';
import { type MemberStatus, members, roles, sessions, stores, users } from '../schema';
import { memberPermissions } from './permissions';
import {
  assertCanGrant,
  oneRoleOnly,
  oneRoleOnlyMessage,
  resolveRole,
  roleChoiceFields,
  roleLabel,
} from './roles';
import { markEmailVerified } from './users';

export const MEMBER_TRANSITIONS: TransitionTable<MemberStatus> = {
  active: ['deactivated'],
  deactivated: ['active'],
};

export const storeIdsField = z
  .array(z.uuid())
  .min(1)
  .max(200)
  .nullable()
  .describe('Stores the member may work in; null means every store of the seller.');

export interface MemberItem {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: string | null;
  customRoleId: string | null;
  roleName: string;
  storeIds: string[] | null;
  status: MemberStatus;
  totpEnabled: boolean;
  createdAt: string;
}

const memberColumns = {
  id: members.id,
  userId: members.userId,
  email: users.email,
  name: users.name,
  role: members.role,
  customRoleId: members.customRoleId,
  customRoleName: roles.name,
  storeIds: members.storeIds,
  status: members.status,
  totpEnabledAt: users.totpEnabledAt,
  createdAt: members.createdAt,
};

function memberQuery(ctx: SellerCtx) {
  return ctx.tx
    .select(memberColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .leftJoin(roles, eq(roles.id, members.customRoleId));
}

type MemberRow = Awaited<ReturnType<ReturnType<typeof memberQuery>['where']>>[number];

const toItem = (locale: Locale, r: MemberRow): MemberItem => ({
  id: r.id,
  userId: r.userId,
  email: r.email,
  name: r.name,
  role: r.role,
  customRoleId: r.customRoleId,
  roleName: r.role ? roleLabel(locale, r.role) : (r.customRoleName ?? ''),
  storeIds: r.storeIds,
  status: r.status,
  totpEnabled: r.totpEnabledAt !== null,
  createdAt: r.createdAt.toISOString(),
});

/** The seller's team, oldest member first. */
export async function listMembers(ctx: SellerCtx): Promise<{ items: MemberItem[] }> {
  const rows = await memberQuery(ctx)
    .where(eq(members.sellerId, ctx.sellerId))
    .orderBy(asc(members.createdAt));
  return { items: rows.map((r) => toItem(ctx.locale, r)) };
}

async function getMember(ctx: SellerCtx, id: string): Promise<MemberItem> {
  const [row] = await memberQuery(ctx).where(and(eq(members.id, id), eq(members.sellerId, ctx.sellerId)));
  if (!row) throw notFound('member');
  return toItem(ctx.locale, row);
}

/**
 * Store scope to give someone: every id must be a store of this seller that the caller may see
 * (a member limited to some stores cannot hand out the others, nor "all stores").
 */
export async function checkStoreIds(
  ctx: SellerCtx,
  storeIds: string[] | null | undefined,
): Promise<string[] | null | undefined> {
  if (storeIds === undefined) return undefined;
  if (storeIds === null) {
    if (ctx.storeIds) throw invalidField('body.storeIds', 'store_not_allowed');
    return null;
  }
  const wanted = [...new Set(storeIds)];
  const found = await ctx.tx
    .select({ id: stores.id })
    .from(stores)
    .where(and(eq(stores.sellerId, ctx.sellerId), inArray(stores.id, wanted)));
  const allowed = new Set(found.map((s) => s.id).filter((id) => !ctx.storeIds || ctx.storeIds.includes(id)));
  if (wanted.some((id) => !allowed.has(id))) throw invalidField('body.storeIds', 'store_not_allowed');
  return wanted;
}

/** Locks the seller's active owners (so two concurrent demotions cannot both pass) and counts them. */
async function lockActiveOwners(ctx: SellerCtx): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.sellerId, ctx.sellerId), eq(members.role, 'owner'), eq(members.status, 'active')))
    .for('update');
  return rows.map((r) => r.id);
}

interface Target {
  id: string;
  userId: string;
  role: string | null;
  customRoleId: string | null;
  storeIds: string[] | null;
  status: MemberStatus;
}

/**
 * Loads a member to change, applying the rules every change shares. Nobody changes their own role or
 * stores; leaving (deactivating or removing oneself) is allowed, subject to the last-owner rule.
 */
async function targetOf(ctx: SellerCtx, id: string, opts: { allowSelf?: boolean } = {}): Promise<Target> {
  const [row] = await ctx.tx
    .select({
      id: members.id,
      userId: members.userId,
      role: members.role,
      customRoleId: members.customRoleId,
      storeIds: members.storeIds,
      status: members.status,
      customPermissions: roles.permissions,
    })
    .from(members)
    .leftJoin(roles, eq(roles.id, members.customRoleId))
    .where(and(eq(members.id, id), eq(members.sellerId, ctx.sellerId)));
  if (!row) throw notFound('member');
  if (row.userId === ctx.actor.id && !opts.allowSelf) throw conflict('cannot_change_self');
  // Only an owner may change, deactivate or remove an owner; nobody manages someone who holds more.
  assertCanGrant(ctx, { role: row.role, permissions: memberPermissions(row.role, row.customPermissions) });
  const { customPermissions: _, ...target } = row;
  return target;
}

/** Throws 409 last_owner when `target` is the only active owner left. */
async function assertNotLastOwner(ctx: SellerCtx, target: Target) {
  if (target.role !== 'owner' || target.status !== 'active') return;
  const owners = await lockActiveOwners(ctx);
  if (owners.filter((id) => id !== target.id).length === 0) throw conflict('last_owner');
}

const snapshot = (m: Pick<Target, 'role' | 'customRoleId' | 'storeIds' | 'status'>) => ({
  role: m.role,
  customRoleId: m.customRoleId,
  storeIds: m.storeIds,
  status: m.status,
});

/** Ends this user's sessions in this seller (other sellers' sessions are not touched). */
async function revokeSellerSessions(ctx: SellerCtx, userId: string) {
  await ctx.tx
    .update(sessions)
    .set({ revokedAt: ctx.now })
    .where(and(eq(sessions.userId, userId), eq(sessions.sellerId, ctx.sellerId), isNull(sessions.revokedAt)));
}

export const updateMemberInput = z
  .object({ ...roleChoiceFields, storeIds: storeIdsField.optional() })
  .strict()
  .refine(oneRoleOnly, oneRoleOnlyMessage);
export type UpdateMemberInput = z.infer<typeof updateMemberInput>;

/** Changes a member's role and/or store scope. */
export async function updateMember(
  ctx: SellerCtx,
  id: string,
  input: UpdateMemberInput,
): Promise<MemberItem> {
  const target = await targetOf(ctx, id);
  const roleChange = input.role !== undefined || input.customRoleId !== undefined;
  const next = roleChange ? await resolveRole(ctx, input) : null;
  if (next) {
    assertCanGrant(ctx, next);
    if (next.role !== 'owner') await assertNotLastOwner(ctx, target);
  }
  const storeIds = await checkStoreIds(ctx, input.storeIds);
  const [updated] = await ctx.tx
    .update(members)
    .set({
      ...(next ? { role: next.role, customRoleId: next.customRoleId } : {}),
      ...(storeIds !== undefined ? { storeIds } : {}),
      updatedAt: ctx.now,
    })
    .where(and(eq(members.id, id), eq(members.sellerId, ctx.sellerId)))
    .returning();
  if (!updated) throw notFound('member');
  await recordAudit(ctx, {
    action: 'member.updated',
    entityType: 'member',
    entityId: id,
    before: snapshot(target),
    after: snapshot(updated),
  });
  return getMember(ctx, id);
}

/** Deactivates or reactivates a member: one conditional update; deactivation ends their sessions here. */
export async function setMemberStatus(ctx: SellerCtx, id: string, to: MemberStatus): Promise<MemberItem> {
  const target = await targetOf(ctx, id, { allowSelf: to === 'deactivated' });
  if (to === 'deactivated') await assertNotLastOwner(ctx, target);
  const [updated] = await ctx.tx
    .update(members)
    .set({ status: to, updatedAt: ctx.now })
    .where(
      and(
        eq(members.id, id),
        eq(members.sellerId, ctx.sellerId),
        inArray(members.status, allowedFrom(MEMBER_TRANSITIONS, to)),
      ),
    )
    .returning();
  if (!updated) throw conflict('invalid_transition', { from: target.status, to });
  if (to === 'deactivated') await revokeSellerSessions(ctx, target.userId);
  await recordAudit(ctx, {
    action: to === 'deactivated' ? 'member.deactivated' : 'member.reactivated',
    entityType: 'member',
    entityId: id,
    before: snapshot(target),
    after: snapshot(updated),
  });
  return getMember(ctx, id);
}

/** Removes a membership (the audit log keeps its history) and ends the user's sessions here. */
export async function removeMember(ctx: SellerCtx, id: string) {
  const target = await targetOf(ctx, id, { allowSelf: true });
  await assertNotLastOwner(ctx, target);
  const deleted = await ctx.tx
    .delete(members)
    .where(and(eq(members.id, id), eq(members.sellerId, ctx.sellerId)))
    .returning({ id: members.id });
  if (deleted.length === 0) throw notFound('member');
  await revokeSellerSessions(ctx, target.userId);
  const [user] = await ctx.tx.select({ email: users.email }).from(users).where(eq(users.id, target.userId));
  await recordAudit(ctx, {
    action: 'member.removed',
    entityType: 'member',
    entityId: id,
    before: { ...snapshot(target), userId: target.userId, email: user?.email ?? null },
    after: null,
  });
  return { removed: true as const };
}

/** Is this email an active member of the seller? */
export async function isActiveMember(ctx: SellerCtx, email: string): Promise<boolean> {
  const [row] = await ctx.tx
    .select({ id: members.id })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(
      and(
        eq(members.sellerId, ctx.sellerId),
        eq(members.status, 'active'),
        eq(sql`lower(${users.email})`, email.toLowerCase()),
      ),
    );
  return Boolean(row);
}

export interface AddMemberInput {
  sellerId: string;
  userId: string;
  role?: SellerRoleKey | null;
  customRoleId?: string | null;
  storeIds?: string[] | null;
}

/**
 * Makes a user an active member of a seller with the given role (a built-in key, or a custom role),
 * reactivating and updating an earlier membership. Used by invitation acceptance and the demo seed.
 */
export async function addMember(ctx: AnyCtx, input: AddMemberInput): Promise<{ memberId: string }> {
  const role = input.customRoleId ? null : (input.role ?? 'analyst');
  const values = {
    role,
    customRoleId: input.customRoleId ?? null,
    storeIds: input.storeIds ?? null,
    status: 'active' as const,
  };
  const [before] = await ctx.tx
    .select()
    .from(members)
    .where(and(eq(members.sellerId, input.sellerId), eq(members.userId, input.userId)));
  const [row] = await ctx.tx
    .insert(members)
    .values({ id: newId(), sellerId: input.sellerId, userId: input.userId, ...values })
    .onConflictDoUpdate({
      target: [members.sellerId, members.userId],
      set: { ...values, updatedAt: ctx.now },
    })
    .returning({ id: members.id });
  if (!row) throw new Error('membership upsert returned nothing');
  await recordAudit(ctx, {
    action: before ? 'member.rejoined' : 'member.added',
    entityType: 'member',
    entityId: row.id,
    before: before ? snapshot(before) : null,
    after: { ...values, userId: input.userId },
    sellerId: input.sellerId,
  });
  return { memberId: row.id };
}

/** A new seller user whose email is already proven (an accepted invitation, or the demo seed). */
export async function createSellerUser(
  ctx: SystemCtx,
  input: { email: string; name: string; password: string; locale?: string; lastSellerId?: string },
): Promise<{ userId: string }> {
  const userId = newId();
  await ctx.tx.insert(users).values({
    id: userId,
    kind: 'seller',
    email: input.email.toLowerCase(),
    name: input.name,
    passwordHash: await hashPassword(input.password),
    locale: isLocale(input.locale) ? input.locale : ctx.locale,
    lastSellerId: input.lastSellerId ?? null,
  });
  await markEmailVerified(ctx, userId);
  return { userId };
}

import { and, desc, eq, gt, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { checkPasswordStrength, verifyPassword } from '../../../platform/auth/passwords';
import type { SellerRoleKey } from '../../../platform/auth/permissions';
import type { Principal } from '../../../platform/auth/principal';
import { hashToken, newToken } from '../../../platform/auth/tokens';
import { newId } from '../../../platform/db/ids';
import type { SellerCtx, SystemCtx } from '../../../platform/db/tenant';
import { emit } from '../../../platform/events/outbox';
import {
  AppError,
  badRequest,
  conflict,
  type FieldError,
  forbidden,
  invalid,
  notFound,
  unauthorized,
} from '../../../platform/http/errors';
import {
  newestFirstKey,
  olderThanCursor,
  type Page,
  pageQuery,
  toPage,
} from '../../../platform/http/pagination';
import { isLocale, type Locale } from '../../../platform/i18n/locale';
import { queueMail } from '../../../platform/mail/outbound';
import { invitations, roles, sellers, users } from '../schema';
import { emailSchema } from './auth';
import { lockoutError, recordLoginAttempt } from './login-log';
import { addMember, checkStoreIds, createSellerUser, isActiveMember, storeIdsField } from './members';
import {
  assertCanGrant,
  oneRoleOnly,
  oneRoleOnlyMessage,
  resolveRole,
  roleChoiceFields,
  roleLabel,
} from './roles';
import { markEmailVerified } from './users';

export const INVITATION_LIFETIME_MS = 7 * 24 * 3600_000;
export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface InvitationItem {
  id: string;
  email: string;
  name: string | null;
  role: string | null;
  customRoleId: string | null;
  roleName: string;
  storeIds: string[] | null;
  status: InvitationStatus;
  invitedBy: string;
  invitedByName: string | null;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
}

const inviter = alias(users, 'inviter');

function invitationQuery(ctx: SellerCtx) {
  return ctx.tx
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      customRoleId: invitations.customRoleId,
      customRoleName: roles.name,
      storeIds: invitations.storeIds,
      invitedBy: invitations.invitedBy,
      invitedByName: inviter.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .leftJoin(roles, eq(roles.id, invitations.customRoleId))
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy));
}
type InvitationRow = Awaited<ReturnType<ReturnType<typeof invitationQuery>['where']>>[number];

export function invitationStatus(
  r: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (r.acceptedAt) return 'accepted';
  if (r.revokedAt) return 'revoked';
  return r.expiresAt <= now ? 'expired' : 'pending';
}

const toItem = (ctx: SellerCtx, r: InvitationRow): InvitationItem => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  customRoleId: r.customRoleId,
  roleName: r.role ? roleLabel(ctx.locale, r.role) : (r.customRoleName ?? ''),
  storeIds: r.storeIds,
  status: invitationStatus(r, ctx.now),
  invitedBy: r.invitedBy,
  invitedByName: r.invitedByName,
  expiresAt: r.expiresAt.toISOString(),
  acceptedAt: r.acceptedAt?.toISOString() ?? null,
  revokedAt: r.revokedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

function statusWhere(status: InvitationStatus, now: Date): SQL | undefined {
  const open = and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
  switch (status) {
    case 'accepted':
      return isNotNull(invitations.acceptedAt);
    case 'revoked':
      return and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt));
    case 'expired':
      return and(open, lte(invitations.expiresAt, now));
    case 'pending':
      return and(open, gt(invitations.expiresAt, now));
  }
}

export const listInvitationsQuery = pageQuery.extend({
  status: z.enum(INVITATION_STATUSES).optional().describe('Only invitations in this status.'),
});
export type ListInvitationsQuery = z.infer<typeof listInvitationsQuery>;

/** The seller's invitations, newest first, each with its computed status. */
export async function listInvitations(
  ctx: SellerCtx,
  query: ListInvitationsQuery,
): Promise<Page<InvitationItem>> {
  const after = olderThanCursor(query.cursor, invitations.createdAt, invitations.id);
  const rows = await invitationQuery(ctx)
    .where(
      and(
        eq(invitations.sellerId, ctx.sellerId),
        query.status ? statusWhere(query.status, ctx.now) : undefined,
        after,
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, newestFirstKey);
  return { items: page.items.map((r) => toItem(ctx, r)), nextCursor: page.nextCursor };
}

async function getInvitation(ctx: SellerCtx, id: string): Promise<InvitationItem> {
  const [row] = await invitationQuery(ctx).where(
    and(eq(invitations.id, id), eq(invitations.sellerId, ctx.sellerId)),
  );
  if (!row) throw notFound('invitation');
  return toItem(ctx, row);
}

export const createInvitationInput = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1).max(100).optional().describe("The invitee's name, for the team list."),
    ...roleChoiceFields,
    storeIds: storeIdsField.optional(),
  })
  .strict()
  .refine(oneRoleOnly, oneRoleOnlyMessage);
export type CreateInvitationInput = z.infer<typeof createInvitationInput>;

/** Emails the link: in the invitee's language when they already have an account, else the inviter's. */
async function sendInvitationMail(
  ctx: SellerCtx,
  invitation: { email: string; role: string | null; roleName: string },
  token: string,
) {
  const [seller] = await ctx.tx
    .select({ name: sellers.displayName })
    .from(sellers)
    .where(eq(sellers.id, ctx.sellerId));
  const [from] = ctx.actor.id
    ? await ctx.tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor.id))
    : [];
  const [invitee] = await ctx.tx
    .select({ locale: users.locale })
    .from(users)
    .where(eq(sql`lower(${users.email})`, invitation.email.toLowerCase()));
  const locale: Locale = isLocale(invitee?.locale) ? invitee.locale : ctx.locale;
  await queueMail(ctx, {
    to: invitation.email,
    locale,
    template: 'invite',
    params: {
      seller: seller?.name ?? '',
      inviter: from?.name ?? ctx.actor.label,
      role: invitation.role ? roleLabel(locale, invitation.role) : invitation.roleName,
    },
    linkPath: `/accept-invitation?token=${encodeURIComponent(token)}`,
  });
}

/**
 * Creates an invitation and emails its link; returns the raw token too (only factories use it:
 * the API never shows it). An earlier open invitation of the same address stops working.
 */
export async function issueInvitation(
  ctx: SellerCtx,
  input: CreateInvitationInput,
): Promise<{ invitation: InvitationItem; token: string }> {
  const role = await resolveRole(ctx, input);
  assertCanGrant(ctx, role);
  const storeIds = (await checkStoreIds(ctx, input.storeIds)) ?? null;
  if (await isActiveMember(ctx, input.email)) throw conflict('member_exists', { email: input.email });
  await ctx.tx
    .update(invitations)
    .set({ revokedAt: ctx.now })
    .where(
      and(
        eq(invitations.sellerId, ctx.sellerId),
        eq(sql`lower(${invitations.email})`, input.email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  const token = newToken();
  const id = newId();
  const values = {
    email: input.email,
    name: input.name ?? null,
    role: role.role,
    customRoleId: role.customRoleId,
    storeIds,
    expiresAt: new Date(ctx.now.getTime() + INVITATION_LIFETIME_MS),
  };
  await ctx.tx.insert(invitations).values({
    id,
    sellerId: ctx.sellerId,
    tokenHash: hashToken(token),
    invitedBy: ctx.actor.id ?? id,
    createdAt: ctx.now,
    ...values,
  });
  await sendInvitationMail(ctx, { email: input.email, role: role.role, roleName: role.name }, token);
  await recordAudit(ctx, {
    action: 'invitation.created',
    entityType: 'invitation',
    entityId: id,
    after: { ...values, expiresAt: values.expiresAt.toISOString() },
  });
  return { invitation: await getInvitation(ctx, id), token };
}

export async function createInvitation(
  ctx: SellerCtx,
  input: CreateInvitationInput,
): Promise<InvitationItem> {
  return (await issueInvitation(ctx, input)).invitation;
}

async function invitationRow(ctx: SellerCtx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.sellerId, ctx.sellerId)));
  if (!row) throw notFound('invitation');
  return row;
}

/** Revokes an open (pending or expired) invitation: one conditional update. */
export async function revokeInvitation(ctx: SellerCtx, id: string): Promise<InvitationItem> {
  const [updated] = await ctx.tx
    .update(invitations)
    .set({ revokedAt: ctx.now })
    .where(
      and(
        eq(invitations.id, id),
        eq(invitations.sellerId, ctx.sellerId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning();
  if (!updated) {
    const row = await invitationRow(ctx, id);
    throw conflict('invalid_transition', { from: invitationStatus(row, ctx.now), to: 'revoked' });
  }
  await recordAudit(ctx, {
    action: 'invitation.revoked',
    entityType: 'invitation',
    entityId: id,
    before: { status: invitationStatus({ ...updated, revokedAt: null }, ctx.now) },
    after: { status: 'revoked', revokedAt: ctx.now.toISOString() },
  });
  return getInvitation(ctx, id);
}

/** A new link (and 7 more days) for an open invitation; the old link stops working. */
export async function resendInvitation(ctx: SellerCtx, id: string): Promise<InvitationItem> {
  const before = await invitationRow(ctx, id);
  const status = invitationStatus(before, ctx.now);
  if (status !== 'pending' && status !== 'expired') {
    throw conflict('invalid_transition', { from: status, to: 'pending' });
  }
  const role = await resolveRole(ctx, {
    role: (before.role ?? undefined) as SellerRoleKey | undefined,
    customRoleId: before.customRoleId ?? undefined,
  });
  assertCanGrant(ctx, role);
  if (await isActiveMember(ctx, before.email)) throw conflict('member_exists', { email: before.email });
  const token = newToken();
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_LIFETIME_MS);
  const [updated] = await ctx.tx
    .update(invitations)
    .set({ tokenHash: hashToken(token), expiresAt })
    .where(
      and(
        eq(invitations.id, id),
        eq(invitations.sellerId, ctx.sellerId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  if (!updated) throw conflict('invalid_transition', { from: status, to: 'pending' });
  await sendInvitationMail(ctx, { email: before.email, role: role.role, roleName: role.name }, token);
  await recordAudit(ctx, {
    action: 'invitation.resent',
    entityType: 'invitation',
    entityId: id,
    before: { expiresAt: before.expiresAt.toISOString(), tokenHash: before.tokenHash },
    after: { expiresAt: expiresAt.toISOString(), tokenHash: hashToken(token) },
  });
  return getInvitation(ctx, id);
}

const usable = (ctx: SystemCtx) =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, ctx.now));

async function usableInvitation(ctx: SystemCtx, token: string) {
  const [row] = await ctx.tx
    .select({
      id: invitations.id,
      sellerId: invitations.sellerId,
      sellerName: sellers.displayName,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      customRoleId: invitations.customRoleId,
      customRoleName: roles.name,
      storeIds: invitations.storeIds,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .innerJoin(sellers, eq(sellers.id, invitations.sellerId))
    .leftJoin(roles, eq(roles.id, invitations.customRoleId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), usable(ctx)));
  if (!row) throw badRequest('invitation_invalid');
  return row;
}

export const invitationTokenParams = z.object({
  token: z.string().min(10).max(200).describe('The token from the invitation link.'),
});

/** What the acceptance page shows before the invitee decides. */
export async function getInvitationByToken(ctx: SystemCtx, token: string) {
  const inv = await usableInvitation(ctx, token);
  const [account] = await ctx.tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, inv.email.toLowerCase()));
  return {
    sellerName: inv.sellerName,
    email: inv.email,
    role: inv.role ? roleLabel(ctx.locale, inv.role) : (inv.customRoleName ?? ''),
    hasAccount: Boolean(account),
    expiresAt: inv.expiresAt.toISOString(),
  };
}

export const acceptInvitationInput = z
  .object({
    token: z.string().min(10).max(200).describe('The token from the invitation link.'),
    name: z.string().trim().min(1).max(100).optional().describe('Required when there is no account yet.'),
    password: z
      .string()
      .max(256)
      .optional()
      .describe('The new account password, or the existing account password when not signed in as it.'),
  })
  .strict();
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;

/**
 * Finds or creates the invited account. A new account needs a name and a strong password; an existing
 * one must be the signed-in user or prove its password (a wrong one counts towards the lockout, so it
 * is returned, not thrown, to keep the logged attempt).
 */
async function inviteeAccount(
  ctx: SystemCtx,
  principal: Principal | null,
  inv: { email: string; sellerId: string },
  input: AcceptInvitationInput,
): Promise<string | AppError> {
  const [user] = await ctx.tx
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, inv.email.toLowerCase()));
  if (!user) {
    const errors: FieldError[] = [];
    if (!input.name) errors.push({ path: 'body.name', message: 'field_required', code: 'field_required' });
    if (!input.password)
      errors.push({ path: 'body.password', message: 'field_required', code: 'field_required' });
    else errors.push(...checkPasswordStrength(input.password, inv.email));
    if (errors.length > 0 || !input.name || !input.password) throw invalid(errors);
    const created = await createSellerUser(ctx, {
      email: inv.email,
      name: input.name,
      password: input.password,
      lastSellerId: inv.sellerId,
    });
    return created.userId;
  }
  if (user.kind !== 'seller') throw conflict('email_taken');
  if (user.disabledAt) throw forbidden('account_disabled');
  if (principal?.userId !== user.id) {
    if (!input.password) throw forbidden('invitation_wrong_email', { email: inv.email });
    const attempt = { email: inv.email, userId: user.id, sellerId: null, userAgent: null };
    const locked = await lockoutError(ctx, inv.email);
    if (locked) return locked;
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      await recordLoginAttempt(ctx, { ...attempt, success: false, reason: 'invalid_credentials' });
      return unauthorized('invalid_credentials');
    }
  }
  if (!user.emailVerifiedAt) await markEmailVerified(ctx, user.id);
  return user.id;
}

/**
 * Accepts an invitation: the account (found or created), then one conditional update that marks the
 * invitation used (so a link works once), then the membership and the 'member.joined' event.
 * `principal` is the signed-in user, if any (the route passes it only with a valid CSRF token).
 */
export async function acceptInvitation(
  ctx: SystemCtx,
  principal: Principal | null,
  input: AcceptInvitationInput,
): Promise<{ sellerId: string; memberId: string; userId: string } | AppError> {
  const inv = await usableInvitation(ctx, input.token);
  const userId = await inviteeAccount(ctx, principal, inv, input);
  if (userId instanceof AppError) return userId;
  const [used] = await ctx.tx
    .update(invitations)
    .set({ acceptedAt: ctx.now })
    .where(and(eq(invitations.id, inv.id), eq(invitations.tokenHash, hashToken(input.token)), usable(ctx)))
    .returning({ id: invitations.id });
  if (!used) throw badRequest('invitation_invalid');
  const { memberId } = await addMember(ctx, {
    sellerId: inv.sellerId,
    userId,
    role: (inv.role ?? undefined) as SellerRoleKey | undefined,
    customRoleId: inv.customRoleId,
    storeIds: inv.storeIds,
  });
  await recordAudit(ctx, {
    action: 'invitation.accepted',
    entityType: 'invitation',
    entityId: inv.id,
    before: { status: 'pending' },
    after: { status: 'accepted', memberId },
    sellerId: inv.sellerId,
  });
  await emit(ctx, 'member.joined', { sellerId: inv.sellerId, email: inv.email, memberId }, inv.sellerId);
  return { sellerId: inv.sellerId, memberId, userId };
}

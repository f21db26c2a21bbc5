import { and, asc, count, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import {
  SELLER_PERMISSIONS,
  SELLER_ROLE_KEYS,
  type SellerRoleKey,
  sellerRolePermissions,
} from '../../../platform/auth/permissions';
import { newId } from '../../../platform/db/ids';
import type { SellerCtx } from '../../../platform/db/tenant';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../../platform/http/errors';
import type { Locale } from '../../../platform/i18n/locale';
import { translate } from '../../../platform/i18n/translate';
import { invitations, members, roles } from '../schema';
import { memberPermissions } from './permissions';

/** Permissions a custom role may hold: every seller permission except 'account:owner' (Owner role only). */
export const GRANTABLE_PERMISSIONS = SELLER_PERMISSIONS.filter((p) => p !== 'account:owner');

export const roleLabel = (locale: Locale, key: string) => translate(locale, `role.${key}`);

/** The role fields shared by invitations and membership changes: a built-in role key or a custom role. */
export const roleChoiceFields = {
  role: z.enum(SELLER_ROLE_KEYS).optional().describe('A built-in role key.'),
  customRoleId: z.uuid().optional().describe('A custom role of this seller (instead of `role`).'),
};
export const oneRoleOnly = (v: { role?: string; customRoleId?: string }) => !(v.role && v.customRoleId);
export const oneRoleOnlyMessage = { message: 'send either role or customRoleId', path: ['customRoleId'] };

export interface ResolvedRole {
  role: SellerRoleKey | null;
  customRoleId: string | null;
  name: string;
  permissions: Set<string>;
}

/** Looks up the role a membership or invitation is given; a custom role must be this seller's. */
export async function resolveRole(
  ctx: SellerCtx,
  input: { role?: SellerRoleKey; customRoleId?: string },
): Promise<ResolvedRole> {
  if (input.customRoleId) {
    const [row] = await ctx.tx
      .select({ id: roles.id, name: roles.name, permissions: roles.permissions })
      .from(roles)
      .where(and(eq(roles.id, input.customRoleId), eq(roles.sellerId, ctx.sellerId)));
    if (!row) throw invalidField('body.customRoleId', 'unknown_role', { role: input.customRoleId });
    return {
      role: null,
      customRoleId: row.id,
      name: row.name,
      permissions: memberPermissions(null, row.permissions),
    };
  }
  const role = input.role ?? 'analyst';
  return {
    role,
    customRoleId: null,
    name: roleLabel(ctx.locale, role),
    permissions: sellerRolePermissions(role),
  };
}

/**
 * Nobody grants more than they hold: the Owner role needs 'account:owner' (403 owner_only), and
 * every other permission of the role must be one the caller has (403 permission_denied).
 */
export function assertCanGrant(ctx: SellerCtx, role: { role: string | null; permissions: Set<string> }) {
  if (role.role === 'owner' && !ctx.actor.permissions.has('account:owner')) throw forbidden('owner_only');
  for (const p of [...role.permissions].sort()) {
    if (!ctx.actor.permissions.has(p)) throw forbidden('permission_denied', { permission: p });
  }
}

const permissionList = z
  .array(z.string().max(100))
  .max(100)
  .describe('Permission keys, from GET /permissions.');

export const createRoleInput = z
  .object({
    name: z.string().trim().min(1).max(60).describe('Unique within the seller (case-insensitive).'),
    description: z.string().trim().max(500).nullish(),
    permissions: permissionList,
  })
  .strict();
export type CreateRoleInput = z.infer<typeof createRoleInput>;

export const updateRoleInput = z
  .object({
    name: z.string().trim().min(1).max(60).optional(),
    description: z.string().trim().max(500).nullish(),
    permissions: permissionList.optional(),
  })
  .strict();
export type UpdateRoleInput = z.infer<typeof updateRoleInput>;

function checkPermissions(ctx: SellerCtx, permissions: string[]): string[] {
  const known = new Set<string>(GRANTABLE_PERMISSIONS);
  const i = permissions.findIndex((p) => !known.has(p));
  const unknown = permissions[i];
  if (unknown !== undefined) {
    const params = { permission: unknown };
    throw new AppError('unknown_permission', {
      status: 400,
      params,
      errors: [
        { path: `body.permissions.${i}`, message: 'unknown_permission', code: 'unknown_permission', params },
      ],
    });
  }
  const unique = [...new Set(permissions)].sort();
  assertCanGrant(ctx, { role: null, permissions: new Set(unique) });
  return unique;
}

async function assertNameFree(ctx: SellerCtx, name: string, exceptId?: string) {
  const [taken] = await ctx.tx
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.sellerId, ctx.sellerId), eq(sql`lower(${roles.name})`, name.toLowerCase())));
  if (taken && taken.id !== exceptId) throw invalidField('body.name', 'role_name_taken', { name });
}

/** Members plus invitations that could still be accepted (pending or resendable), per custom role. */
async function roleUsage(ctx: SellerCtx, roleIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (roleIds.length === 0) return out;
  const memberCounts = await ctx.tx
    .select({ id: members.customRoleId, n: count() })
    .from(members)
    .where(and(eq(members.sellerId, ctx.sellerId), inArray(members.customRoleId, roleIds)))
    .groupBy(members.customRoleId);
  const inviteCounts = await ctx.tx
    .select({ id: invitations.customRoleId, n: count() })
    .from(invitations)
    .where(
      and(
        eq(invitations.sellerId, ctx.sellerId),
        inArray(invitations.customRoleId, roleIds),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .groupBy(invitations.customRoleId);
  for (const r of [...memberCounts, ...inviteCounts]) {
    if (r.id) out.set(r.id, (out.get(r.id) ?? 0) + r.n);
  }
  return out;
}

export interface RoleItem {
  id: string;
  builtIn: boolean;
  name: string;
  description: string | null;
  permissions: string[];
  memberCount: number;
}

/** Built-in roles (id = key, name in the caller's language) first, then the seller's custom roles. */
export async function listRoles(ctx: SellerCtx): Promise<{ items: RoleItem[] }> {
  const builtInCounts = await ctx.tx
    .select({ role: members.role, n: count() })
    .from(members)
    .where(and(eq(members.sellerId, ctx.sellerId), isNotNull(members.role)))
    .groupBy(members.role);
  const custom = await ctx.tx
    .select()
    .from(roles)
    .where(eq(roles.sellerId, ctx.sellerId))
    .orderBy(asc(roles.createdAt));
  const memberCounts = await ctx.tx
    .select({ id: members.customRoleId, n: count() })
    .from(members)
    .where(and(eq(members.sellerId, ctx.sellerId), isNotNull(members.customRoleId)))
    .groupBy(members.customRoleId);
  const builtIn: RoleItem[] = SELLER_ROLE_KEYS.map((key) => ({
    id: key,
    builtIn: true,
    name: roleLabel(ctx.locale, key),
    description: null,
    permissions: [...sellerRolePermissions(key)].sort(),
    memberCount: builtInCounts.find((c) => c.role === key)?.n ?? 0,
  }));
  const customItems: RoleItem[] = custom.map((r) => ({
    id: r.id,
    builtIn: false,
    name: r.name,
    description: r.description,
    permissions: [...r.permissions].sort(),
    memberCount: memberCounts.find((c) => c.id === r.id)?.n ?? 0,
  }));
  return { items: [...builtIn, ...customItems] };
}

/** The permissions a custom role may be built from. */
export function listPermissions() {
  return {
    items: GRANTABLE_PERMISSIONS.map((key) => {
      const [resource = key, action = ''] = key.split(':');
      return { key, resource, action };
    }),
  };
}

const customItem = (r: typeof roles.$inferSelect, memberCount: number): RoleItem => ({
  id: r.id,
  builtIn: false,
  name: r.name,
  description: r.description,
  permissions: [...r.permissions].sort(),
  memberCount,
});

export async function createRole(ctx: SellerCtx, input: CreateRoleInput): Promise<RoleItem> {
  const permissions = checkPermissions(ctx, input.permissions);
  await assertNameFree(ctx, input.name);
  const [row] = await ctx.tx
    .insert(roles)
    .values({
      id: newId(),
      sellerId: ctx.sellerId,
      name: input.name,
      description: input.description ?? null,
      permissions,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordAudit(ctx, {
    action: 'role.created',
    entityType: 'role',
    entityId: row.id,
    after: { name: row.name, description: row.description, permissions },
  });
  return customItem(row, 0);
}

async function findCustomRole(ctx: SellerCtx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(roles)
    .where(and(eq(roles.id, id), eq(roles.sellerId, ctx.sellerId)));
  if (!row) throw notFound('role');
  return row;
}

export async function updateRole(ctx: SellerCtx, id: string, input: UpdateRoleInput): Promise<RoleItem> {
  const before = await findCustomRole(ctx, id);
  // Editing a role changes what its members may do: the caller must hold what the role already grants.
  assertCanGrant(ctx, { role: null, permissions: memberPermissions(null, before.permissions) });
  const permissions = input.permissions ? checkPermissions(ctx, input.permissions) : undefined;
  if (input.name !== undefined) await assertNameFree(ctx, input.name, id);
  const [row] = await ctx.tx
    .update(roles)
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description ?? null } : {}),
      ...(permissions ? { permissions } : {}),
      updatedAt: ctx.now,
    })
    .where(and(eq(roles.id, id), eq(roles.sellerId, ctx.sellerId)))
    .returning();
  if (!row) throw notFound('role');
  await recordAudit(ctx, {
    action: 'role.updated',
    entityType: 'role',
    entityId: id,
    before: { name: before.name, description: before.description, permissions: before.permissions },
    after: { name: row.name, description: row.description, permissions: row.permissions },
  });
  const usage = await roleUsage(ctx, [id]);
  return customItem(row, usage.get(id) ?? 0);
}

/** Deletes a custom role nobody uses; accepted or revoked invitations that named it forget it. */
export async function deleteRole(ctx: SellerCtx, id: string) {
  const before = await findCustomRole(ctx, id);
  const inUse = (await roleUsage(ctx, [id])).get(id) ?? 0;
  if (inUse > 0) throw conflict('role_in_use', { count: inUse });
  await ctx.tx
    .update(invitations)
    .set({ customRoleId: null })
    .where(
      and(
        eq(invitations.sellerId, ctx.sellerId),
        eq(invitations.customRoleId, id),
        or(isNotNull(invitations.acceptedAt), isNotNull(invitations.revokedAt)),
      ),
    );
  const deleted = await ctx.tx
    .delete(roles)
    .where(and(eq(roles.id, id), eq(roles.sellerId, ctx.sellerId)))
    .returning({ id: roles.id });
  if (deleted.length === 0) throw notFound('role');
  await recordAudit(ctx, {
    action: 'role.deleted',
    entityType: 'role',
    entityId: id,
    before: { name: before.name, description: before.description, permissions: before.permissions },
    after: null,
  });
  return { deleted: true as const };
}

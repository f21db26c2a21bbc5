import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AnyCtx } from '../../../platform/db/tenant';
import { isLocale, type Locale } from '../../../platform/i18n/locale';
import { members, roles, users } from '../schema';
import { memberPermissions, operatorPermissions } from './permissions';

/** Who to tell about something, and in which language. */
export interface Recipient {
  userId: string;
  email: string;
  locale: Locale;
}

const recipientColumns = { userId: users.id, email: users.email, locale: users.locale };
const asRecipient = (r: { userId: string; email: string; locale: string }): Recipient => ({
  ...r,
  locale: isLocale(r.locale) ? r.locale : 'en-US',
});

/** The active owners and admins of a seller (enabled accounts only). */
export async function sellerManagers(ctx: AnyCtx, sellerId: string): Promise<Recipient[]> {
  const rows = await ctx.tx
    .select(recipientColumns)
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(
      and(
        eq(members.sellerId, sellerId),
        eq(members.status, 'active'),
        inArray(members.role, ['owner', 'admin']),
        isNull(users.disabledAt),
      ),
    );
  return rows.map(asRecipient);
}

/** The active members of a seller whose role grants a permission (e.g. 'inventory:read'). */
export async function sellerMembersWith(
  ctx: AnyCtx,
  sellerId: string,
  permission: string,
): Promise<Recipient[]> {
  const rows = await ctx.tx
    .select({ ...recipientColumns, role: members.role, custom: roles.permissions })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .leftJoin(roles, eq(roles.id, members.customRoleId))
    .where(and(eq(members.sellerId, sellerId), eq(members.status, 'active'), isNull(users.disabledAt)));
  return rows
    .filter((r) => memberPermissions(r.role, r.custom).has(permission))
    .map(({ role: _r, custom: _c, ...r }) => asRecipient(r));
}

/** Enabled platform operators whose role grants a permission (e.g. 'sellers:review'). */
export async function operatorsWith(ctx: AnyCtx, permission: string): Promise<Recipient[]> {
  const rows = await ctx.tx
    .select({ ...recipientColumns, platformRole: users.platformRole })
    .from(users)
    .where(and(eq(users.kind, 'operator'), isNull(users.disabledAt)));
  return rows
    .filter((r) => operatorPermissions(r.platformRole).has(permission))
    .map(({ platformRole: _, ...r }) => asRecipient(r));
}

/** One user's address and language, or null when the account is gone or disabled. */
export async function userContact(ctx: AnyCtx, userId: string): Promise<Recipient | null> {
  const [row] = await ctx.tx
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  return row ? asRecipient(row) : null;
}

import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { newId } from '../../platform/db/ids';
import type { AnyCtx } from '../../platform/db/tenant';
import type { DomainEvent } from '../../platform/events/outbox';
import { notFound } from '../../platform/http/errors';
import {
  newestFirstKey,
  olderThanCursor,
  type PageQuery,
  pageQuery,
  toPage,
} from '../../platform/http/pagination';
import type { Locale } from '../../platform/i18n/locale';
import { translate } from '../../platform/i18n/translate';
import { queueMail } from '../../platform/mail/outbound';
import { operatorsWith, type Recipient, sellerManagers, sellerMembersWith, userContact } from '../accounts';
import { notificationPreferences, notifications } from './schema';

/** Every kind of notification a user can get (and set preferences for). */
export const NOTIFICATION_TYPES = [
  'seller.approved',
  'seller.rejected',
  'seller.suspended',
  'seller.legal_change_approved',
  'seller.legal_change_rejected',
  'seller.submitted',
  'member.joined',
  'security.2fa_changed',
  'listing.approved',
  'listing.rejected',
  'listing.suspended',
  'document.expiring',
  'document.expired',
  'stock.low',
  'import.finished',
  'inbound.received',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** Domain events this domain turns into notifications. */
export const CONSUMED_EVENTS = [
  'seller.approved',
  'seller.rejected',
  'seller.suspended',
  'seller.legal_change_approved',
  'seller.legal_change_rejected',
  'seller.signed_up',
  'member.joined',
  'security.2fa_changed',
  'listing.approved',
  'listing.rejected',
  'listing.suspended',
  'document.expiring',
  'document.expired',
  'stock.low',
  'import.finished',
  'inbound.received',
] as const;

/** Seller events and the permission a member needs to hear about them, with the console page to open. */
const SELLER_TOPICS: Record<string, { permission: string; link: (p: Record<string, unknown>) => string }> = {
  'listing.approved': {
    permission: 'catalog:read',
    link: (p) => `/catalog/products/${str(p.productId) ?? ''}`,
  },
  'listing.rejected': {
    permission: 'catalog:read',
    link: (p) => `/catalog/products/${str(p.productId) ?? ''}`,
  },
  'listing.suspended': {
    permission: 'catalog:read',
    link: (p) => `/catalog/products/${str(p.productId) ?? ''}`,
  },
  'document.expiring': { permission: 'catalog:read', link: () => '/catalog/documents' },
  'document.expired': { permission: 'catalog:read', link: () => '/catalog/documents' },
  'stock.low': { permission: 'inventory:read', link: () => '/inventory/stock?state=low' },
  'inbound.received': {
    permission: 'inventory:read',
    link: (p) => `/inventory/inbound/${str(p.shipmentId) ?? ''}`,
  },
};

type Params = Record<string, string | number>;

const EMAIL_BY_DEFAULT = new Set<string>([
  'listing.rejected',
  'listing.suspended',
  'document.expiring',
  'document.expired',
  'stock.low',
]);

/** Defaults for a missing preference row: in-app always; email for account, security and at-risk sales. */
export function defaultPreference(type: NotificationType) {
  return {
    inApp: true,
    email: type.startsWith('seller.') || type.startsWith('security.') || EMAIL_BY_DEFAULT.has(type),
  };
}

/** Title and body in a language, from the type and the stored params. */
export function renderNotification(locale: Locale, type: string, params: Params) {
  const shown: Params = { ...params };
  if (type === 'security.2fa_changed' && typeof params.state === 'string')
    shown.state = translate(locale, `notification.2fa_state.${params.state}`);
  return {
    title: translate(locale, `notification.${type}.title`, shown),
    body: translate(locale, `notification.${type}.body`, shown),
  };
}

/** Only flat text and numbers of an event's payload are kept as rendering params. */
function paramsOf(payload: Record<string, unknown>): Params {
  const out: Params = {};
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  return out;
}

interface Plan {
  type: NotificationType;
  sellerId: string | null;
  link: string;
  recipients: Recipient[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

/** Who gets what for an event; an event without its ids reaches nobody. */
async function planFor(ctx: AnyCtx, event: DomainEvent<Record<string, unknown>>): Promise<Plan | null> {
  const payload = event.payload;
  const sellerId = event.sellerId ?? str(payload.sellerId);
  switch (event.type) {
    case 'seller.approved':
    case 'seller.rejected':
    case 'seller.suspended':
    case 'seller.legal_change_approved':
    case 'seller.legal_change_rejected':
      if (!sellerId) return null;
      return {
        type: event.type,
        sellerId,
        link: '/company',
        recipients: await sellerManagers(ctx, sellerId),
      };
    case 'member.joined': {
      if (!sellerId) return null;
      // The new member is not told about themselves (payload has their email, and maybe their id).
      const joinedId = str(payload.userId);
      const joinedEmail = str(payload.email)?.toLowerCase();
      const managers = await sellerManagers(ctx, sellerId);
      return {
        type: 'member.joined',
        sellerId,
        link: '/team',
        recipients: managers.filter((r) => r.userId !== joinedId && r.email.toLowerCase() !== joinedEmail),
      };
    }
    case 'security.2fa_changed': {
      const userId = str(payload.userId);
      const user = userId ? await userContact(ctx, userId) : null;
      return user
        ? { type: event.type, sellerId: null, link: '/account/security', recipients: [user] }
        : null;
    }
    case 'import.finished': {
      // Only the member who started the import hears that it finished.
      const userId = str(payload.userId);
      const user = userId ? await userContact(ctx, userId) : null;
      return user && sellerId
        ? {
            type: event.type,
            sellerId,
            link: `/catalog/imports/${str(payload.importId) ?? ''}`,
            recipients: [user],
          }
        : null;
    }
    case 'listing.approved':
    case 'listing.rejected':
    case 'listing.suspended':
    case 'document.expiring':
    case 'document.expired':
    case 'stock.low':
    case 'inbound.received': {
      const topic = SELLER_TOPICS[event.type];
      if (!sellerId || !topic) return null;
      return {
        type: event.type,
        sellerId,
        link: topic.link(payload),
        recipients: await sellerMembersWith(ctx, sellerId, topic.permission),
      };
    }
    case 'seller.signed_up':
      if (!sellerId) return null;
      return {
        type: 'seller.submitted',
        sellerId: null,
        link: `/platform/sellers/${sellerId}`,
        recipients: await operatorsWith(ctx, 'sellers:review'),
      };
    default:
      return null;
  }
}

async function preferencesOf(ctx: AnyCtx, userId: string, type: NotificationType) {
  const [row] = await ctx.tx
    .select({ inApp: notificationPreferences.inApp, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.type, type)));
  return row ?? defaultPreference(type);
}

/**
 * Turns one event into notifications and emails, in one transaction. Idempotent: a recipient who
 * already has a notification of this event is skipped, and concurrent deliveries of one event are
 * serialised by an advisory lock on its id.
 */
export async function deliverEvent(ctx: AnyCtx, event: DomainEvent<Record<string, unknown>>) {
  const plan = await planFor(ctx, event);
  if (!plan) return { created: 0, emailed: 0 };
  await ctx.tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`notify:${event.id}`}))`);
  const params = paramsOf(event.payload);
  let created = 0;
  let emailed = 0;
  for (const recipient of plan.recipients) {
    const [seen] = await ctx.tx
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.eventId, event.id), eq(notifications.userId, recipient.userId)))
      .limit(1);
    if (seen) continue;
    const prefs = await preferencesOf(ctx, recipient.userId, plan.type);
    if (prefs.inApp) {
      await ctx.tx.insert(notifications).values({
        id: newId(),
        userId: recipient.userId,
        sellerId: plan.sellerId,
        type: plan.type,
        params,
        link: plan.link,
        eventId: event.id,
      });
      created++;
    }
    if (prefs.email) {
      const text = renderNotification(recipient.locale, plan.type, params);
      await queueMail(ctx, {
        to: recipient.email,
        locale: recipient.locale,
        template: 'notification',
        params: text,
        linkPath: plan.link,
      });
      emailed++;
    }
  }
  return { created, emailed };
}

export const listNotificationsQuery = pageQuery.extend({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread ones; false: only read ones.'),
});
export type ListNotificationsQuery = z.infer<typeof listNotificationsQuery>;

const pageWhere = (cursor: PageQuery['cursor']) =>
  olderThanCursor(cursor, notifications.createdAt, notifications.id);

/** Hot query: one page of a user's notifications, newest first (the bell and the list page). */
export function notificationsPageQuery(
  ctx: Pick<AnyCtx, 'tx'>,
  userId: string,
  query: ListNotificationsQuery,
) {
  const readFilter =
    query.unread === 'true'
      ? isNull(notifications.readAt)
      : query.unread === 'false'
        ? sql`${notifications.readAt} is not null`
        : undefined;
  return ctx.tx
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), readFilter, pageWhere(query.cursor)))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
}

/** Hot query: the bell's unread count, polled by every open console. */
export const unreadCountQuery = (ctx: Pick<AnyCtx, 'tx'>, userId: string) =>
  ctx.tx
    .select({ count: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));

/** The caller's notifications, newest first, rendered in the caller's language. */
export async function listNotifications(ctx: AnyCtx, userId: string, query: ListNotificationsQuery) {
  const rows = await notificationsPageQuery(ctx, userId, query);
  const page = toPage(rows, query.limit, newestFirstKey);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      type: r.type,
      ...renderNotification(ctx.locale, r.type, r.params),
      link: r.link,
      readAt: r.readAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

export async function countUnread(ctx: AnyCtx, userId: string) {
  const [row] = await unreadCountQuery(ctx, userId);
  return { count: row?.count ?? 0 };
}

/** Marks one of the caller's notifications read (keeps the first read time); 404 for anyone else's. */
export async function markRead(ctx: AnyCtx, userId: string, id: string) {
  const [row] = await ctx.tx
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${ctx.now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id, readAt: notifications.readAt });
  if (!row) throw notFound('notification');
  return { id: row.id, readAt: (row.readAt ?? ctx.now).toISOString() };
}

export async function markAllRead(ctx: AnyCtx, userId: string) {
  const rows = await ctx.tx
    .update(notifications)
    .set({ readAt: ctx.now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}

/** Every known type with the caller's choice, or the default where none was made. */
export async function listPreferences(ctx: AnyCtx, userId: string) {
  const rows = await ctx.tx
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const saved = new Map(rows.map((r) => [r.type, r]));
  return {
    items: NOTIFICATION_TYPES.map((type) => {
      const row = saved.get(type);
      return { type, ...(row ? { inApp: row.inApp, email: row.email } : defaultPreference(type)) };
    }),
  };
}

export const preferencesInput = z
  .object({
    items: z
      .array(
        z
          .object({
            type: z.enum(NOTIFICATION_TYPES).describe('A notification type.'),
            inApp: z.boolean().describe('Show it in the console.'),
            email: z.boolean().describe('Send it by email.'),
          })
          .strict(),
      )
      .max(NOTIFICATION_TYPES.length * 2)
      .describe('Types not listed keep their current setting.'),
  })
  .strict();
export type PreferencesInput = z.infer<typeof preferencesInput>;

export async function savePreferences(ctx: AnyCtx, userId: string, input: PreferencesInput) {
  for (const item of input.items) {
    await ctx.tx
      .insert(notificationPreferences)
      .values({ userId, ...item })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.type],
        set: { inApp: item.inApp, email: item.email },
      });
  }
  return listPreferences(ctx, userId);
}

import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../platform/http/app';
import { principalOf, systemCtx } from '../../platform/http/context';
import { pageOf } from '../../platform/http/pagination';
import {
  countUnread,
  listNotifications,
  listNotificationsQuery,
  listPreferences,
  markAllRead,
  markRead,
  NOTIFICATION_TYPES,
  preferencesInput,
  savePreferences,
} from './service';

const tags = ['notifications'];

const notificationSchema = z
  .object({
    id: z.string(),
    type: z.string().describe('What happened, e.g. seller.approved.'),
    title: z.string().describe("In the caller's language."),
    body: z.string(),
    link: z.string().nullable().describe('Console path to open.'),
    readAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Notification' });

const preferencesSchema = z
  .object({
    items: z.array(z.object({ type: z.enum(NOTIFICATION_TYPES), inApp: z.boolean(), email: z.boolean() })),
  })
  .meta({ id: 'NotificationPreferences' });

const userId = (req: FastifyRequest) => principalOf(req).userId;

/** The caller's own notifications and preferences (sellers' members and operators alike). */
export async function notificationRoutes(app: App) {
  app.get(
    '/api/v1/me/notifications',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'listMyNotifications',
        tags,
        summary: 'Your notifications, newest first',
        querystring: listNotificationsQuery,
        response: { 200: pageOf(notificationSchema) },
      },
    },
    async (req) => listNotifications(systemCtx(req), userId(req), req.query),
  );

  app.get(
    '/api/v1/me/notifications/unread-count',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'countMyUnreadNotifications',
        tags,
        summary: 'How many of your notifications are unread',
        response: { 200: z.object({ count: z.number().int() }) },
      },
    },
    async (req) => countUnread(systemCtx(req), userId(req)),
  );

  app.post(
    '/api/v1/me/notifications/:id/read',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'readMyNotification',
        tags,
        summary: 'Mark one notification read',
        params: z.object({ id: z.uuid() }),
        response: { 200: z.object({ id: z.string(), readAt: z.iso.datetime() }) },
      },
    },
    async (req) => markRead(systemCtx(req), userId(req), req.params.id),
  );

  app.post(
    '/api/v1/me/notifications/read-all',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'readAllMyNotifications',
        tags,
        summary: 'Mark all your notifications read',
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (req) => markAllRead(systemCtx(req), userId(req)),
  );

  app.get(
    '/api/v1/me/notification-preferences',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'getMyNotificationPreferences',
        tags,
        summary: 'In-app and email choice for every notification type',
        response: { 200: preferencesSchema },
      },
    },
    async (req) => listPreferences(systemCtx(req), userId(req)),
  );

  app.put(
    '/api/v1/me/notification-preferences',
    {
      config: { auth: 'user' },
      schema: {
        operationId: 'setMyNotificationPreferences',
        tags,
        summary: 'Choose in-app and email delivery per notification type',
        body: preferencesInput,
        response: { 200: preferencesSchema },
      },
    },
    async (req) => savePreferences(systemCtx(req), userId(req), req.body),
  );
}

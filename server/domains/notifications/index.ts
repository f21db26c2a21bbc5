// The notifications domain's door: its routes for the app, and the consumer for tests and jobs.
export { handleNotificationEvent } from './jobs';
export { notificationRoutes } from './routes';
export { NOTIFICATION_TYPES, type NotificationType } from './service';

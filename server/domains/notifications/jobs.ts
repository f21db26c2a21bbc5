// Event consumers of the notifications domain (in-app notifications and their emails).
import { backgroundBase, withSystem } from '../../platform/db/tenant';
import { type ConsumerDeps, type DomainEvent, subscribe } from '../../platform/events/outbox';
import { CONSUMED_EVENTS, deliverEvent } from './service';

/** One event → its recipients' notifications and emails, in one system transaction. */
export const handleNotificationEvent = (event: DomainEvent, { database }: ConsumerDeps) =>
  withSystem(database, backgroundBase(), (ctx) => deliverEvent(ctx, event)).then(() => undefined);

subscribe('notifications', [...CONSUMED_EVENTS], handleNotificationEvent);

import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, optionalTenantPolicy } from '../db/columns';

export interface FieldChange {
  from: unknown;
  to: unknown;
}

/** One row per successful write through the API: who did what to which entity, and what changed. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    sellerId: uuid('seller_id'),
    actorKind: text('actor_kind').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes').$type<Record<string, FieldChange>>().notNull().default({}),
    requestId: text('request_id'),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_log_seller_time_idx').on(t.sellerId, t.createdAt.desc(), t.id.desc()),
    index('audit_log_entity_idx').on(t.sellerId, t.entityType, t.entityId),
    ...optionalTenantPolicy(t.sellerId),
  ],
);

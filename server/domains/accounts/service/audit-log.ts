import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditLog } from '../../../platform/audit/schema';
import type { PlatformCtx, SellerCtx } from '../../../platform/db/tenant';
import { newestFirstKey, olderThanCursor, pageQuery, toPage } from '../../../platform/http/pagination';

const isoTime = z.iso.datetime({ offset: true });

export const auditLogQuery = pageQuery.extend({
  action: z.string().trim().min(1).max(200).optional().describe('Exact action, e.g. store.created.'),
  entityType: z.string().trim().min(1).max(100).optional().describe('Entity type, e.g. store or seller.'),
  entityId: z.string().trim().min(1).max(100).optional().describe('One entity’s rows only.'),
  actorId: z.uuid().optional().describe('Rows written by this user or operator.'),
  from: isoTime.optional().describe('Rows at or after this time (ISO 8601).'),
  to: isoTime.optional().describe('Rows before this time (ISO 8601).'),
});
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

export const platformAuditLogQuery = auditLogQuery.extend({
  sellerId: z.uuid().optional().describe("One seller's rows only."),
});
export type PlatformAuditLogQuery = z.infer<typeof platformAuditLogQuery>;

const columns = {
  id: auditLog.id,
  sellerId: auditLog.sellerId,
  createdAt: auditLog.createdAt,
  actorKind: auditLog.actorKind,
  actorId: auditLog.actorId,
  actorLabel: auditLog.actorLabel,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  changes: auditLog.changes,
  ip: auditLog.ip,
};

function filters(q: AuditLogQuery): (SQL | undefined)[] {
  return [
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
    q.from ? gte(auditLog.createdAt, new Date(q.from)) : undefined,
    q.to ? lt(auditLog.createdAt, new Date(q.to)) : undefined,
    olderThanCursor(q.cursor, auditLog.createdAt, auditLog.id),
  ];
}

/** Hot query: one page of the audit log, newest first, with the filters of the audit page. */
export const auditLogPageQuery = (
  ctx: Pick<SellerCtx | PlatformCtx, 'tx'>,
  where: (SQL | undefined)[],
  limit: number,
) =>
  ctx.tx
    .select(columns)
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1);

/** The seller's rows with the page's filters (the seller audit page's query). */
export const sellerAuditWhere = (sellerId: string, q: AuditLogQuery) => [
  eq(auditLog.sellerId, sellerId),
  ...filters(q),
];

async function query(ctx: SellerCtx | PlatformCtx, where: (SQL | undefined)[], limit: number) {
  const rows = await auditLogPageQuery(ctx, where, limit);
  return toPage(rows, limit, newestFirstKey);
}

/**
 * The seller's own audit trail, newest first. Decisions of platform operators appear under the
 * label "platform": sellers see what was decided, not which operator's account decided it.
 */
export async function listSellerAuditLog(ctx: SellerCtx, q: AuditLogQuery) {
  const page = await query(ctx, sellerAuditWhere(ctx.sellerId, q), q.limit);
  return {
    items: page.items.map(({ sellerId: _s, ...r }) => ({
      ...r,
      actorId: r.actorKind === 'operator' ? null : r.actorId,
      actorLabel: r.actorKind === 'operator' ? 'platform' : r.actorLabel,
      ip: r.actorKind === 'operator' ? null : r.ip,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

/** Every seller's and the platform's own rows, for operators. */
export async function listPlatformAuditLog(ctx: PlatformCtx, q: PlatformAuditLogQuery) {
  const page = await query(
    ctx,
    [q.sellerId ? eq(auditLog.sellerId, q.sellerId) : undefined, ...filters(q)],
    q.limit,
  );
  return {
    items: page.items.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    nextCursor: page.nextCursor,
  };
}

import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { platformCtx, sellerCtx } from '../../../platform/http/context';
import { pageOf } from '../../../platform/http/pagination';
import {
  auditLogQuery,
  listPlatformAuditLog,
  listSellerAuditLog,
  platformAuditLogQuery,
} from '../service/audit-log';

const tags = ['audit'];

export const auditEntrySchema = z
  .object({
    id: z.string(),
    createdAt: z.string().describe('ISO 8601.'),
    actorKind: z.string().describe('user, operator, system or anonymous.'),
    actorId: z.string().nullable(),
    actorLabel: z.string().describe('Email of the actor at the time; "platform" for operator decisions.'),
    action: z.string().describe('What was done, e.g. store.created or updateCompany.'),
    entityType: z.string(),
    entityId: z.string().nullable(),
    changes: z
      .record(z.string(), z.object({ from: z.unknown(), to: z.unknown() }))
      .describe('Changed fields with their old and new values.'),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

const platformAuditEntrySchema = auditEntrySchema
  .extend({ sellerId: z.string().nullable().describe('Null for platform-level rows.') })
  .meta({ id: 'PlatformAuditEntry' });

/** Audit trails: a seller's own, and the whole platform's for operators. */
export async function auditRoutes(app: App) {
  app.get(
    '/api/v1/seller/audit-log',
    {
      config: { auth: 'seller', permission: 'audit:read' },
      schema: {
        operationId: 'listAuditLog',
        tags,
        summary: "The seller's audit log, newest first",
        querystring: auditLogQuery,
        response: { 200: pageOf(auditEntrySchema) },
      },
    },
    async (req) => listSellerAuditLog(sellerCtx(req), req.query),
  );

  app.get(
    '/api/v1/platform/audit-log',
    {
      config: { auth: 'platform', permission: 'platform_audit:read' },
      schema: {
        operationId: 'listPlatformAuditLog',
        tags,
        summary: "Every seller's and the platform's audit rows, newest first",
        querystring: platformAuditLogQuery,
        response: { 200: pageOf(platformAuditEntrySchema) },
      },
    },
    async (req) => listPlatformAuditLog(platformCtx(req), req.query),
  );
}

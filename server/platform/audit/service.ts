import { newId } from '../db/ids';
import type { AnyCtx } from '../db/tenant';
import { auditLog, type FieldChange } from './schema';

// Secrets never reach the audit log, whether they come from a row or from a request body.
const REDACTED = new Set([
  'passwordHash',
  'password',
  'currentPassword',
  'newPassword',
  'totpSecret',
  'secret',
  'code',
  'recoveryCode',
  'recoveryCodes',
  'token',
  'tokenHash',
  'csrfToken',
  'codeHash',
]);
const IGNORED = new Set(['updatedAt', 'createdAt']);

/** Shallow diff of two versions of an entity; secrets are recorded as changed but never stored. */
export function diffFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const from = before?.[key] ?? null;
    const to = after?.[key] ?? null;
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    out[key] = REDACTED.has(key) ? { from: '***', to: '***' } : { from, to };
  }
  return out;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Overrides the context's seller (system-context writes that concern one seller). */
  sellerId?: string | null;
}

/** Records one audit row in the caller's transaction. */
export async function recordAudit(ctx: AnyCtx, input: AuditInput): Promise<void> {
  const sellerId =
    input.sellerId !== undefined ? input.sellerId : ctx.kind === 'seller' ? ctx.sellerId : null;
  await ctx.tx.insert(auditLog).values({
    id: newId(),
    sellerId,
    actorKind: ctx.actor.kind,
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    changes: diffFields(input.before, input.after),
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
  ctx.audit.recorded = true;
}

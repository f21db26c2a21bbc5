import { and, asc, eq, inArray, max } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { PlatformCtx } from '../../../platform/db/tenant';
import { conflict, invalidField, notFound } from '../../../platform/http/errors';
import { rejectionReasons } from '../schema';
import type { ReadCtx } from './rules';
import { definedOnly, fieldConflict, guardUnique, keySchema, translatedNames } from './shared';

export const createRejectionReasonInput = z
  .object({
    key: keySchema,
    names: translatedNames(200).describe('What the seller reads, in zh-CN, en-US and ru-RU.'),
    position: z
      .number()
      .int()
      .min(0)
      .max(10_000)
      .optional()
      .describe('Order in the picker; last when omitted.'),
  })
  .strict();
export type CreateRejectionReasonInput = z.infer<typeof createRejectionReasonInput>;

export const updateRejectionReasonInput = z
  .object({
    names: translatedNames(200).optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export type UpdateRejectionReasonInput = z.infer<typeof updateRejectionReasonInput>;

export const reorderRejectionReasonsInput = z
  .object({
    ids: z
      .array(z.uuid())
      .min(1)
      .max(500)
      .describe('Reason ids in the new order; reasons left out keep their place after these.'),
  })
  .strict();

export const rejectionReasonListQuery = z.object({
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('Only active (true) or inactive (false) reasons.'),
});

type ReasonRow = typeof rejectionReasons.$inferSelect;

export const toRejectionReason = (r: ReasonRow) => ({
  id: r.id,
  key: r.key,
  names: r.names,
  active: r.active,
  position: r.position,
  createdAt: r.createdAt.toISOString(),
});
export type RejectionReason = ReturnType<typeof toRejectionReason>;

const keyTaken = (key: string) => fieldConflict('body.key', 'rejection_reason_key_taken', { key });

export async function listRejectionReasons(ctx: ReadCtx, q: { active?: boolean } = {}) {
  const rows = await ctx.tx
    .select()
    .from(rejectionReasons)
    .where(q.active === undefined ? undefined : eq(rejectionReasons.active, q.active))
    .orderBy(asc(rejectionReasons.position), asc(rejectionReasons.key));
  return rows.map(toRejectionReason);
}

/** The reasons with these keys (unknown keys are left out), for showing a decision's reasons. */
export async function rejectionReasonsByKeys(ctx: ReadCtx, keys: readonly string[]) {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return [];
  const rows = await ctx.tx
    .select()
    .from(rejectionReasons)
    .where(inArray(rejectionReasons.key, unique))
    .orderBy(asc(rejectionReasons.position), asc(rejectionReasons.key));
  return rows.map((r) => ({ id: r.id, key: r.key, names: r.names, active: r.active }));
}

async function loadReason(ctx: ReadCtx, id: string): Promise<ReasonRow> {
  const [row] = await ctx.tx.select().from(rejectionReasons).where(eq(rejectionReasons.id, id));
  if (!row) throw notFound('rejection_reason');
  return row;
}

export async function createRejectionReason(ctx: PlatformCtx, input: CreateRejectionReasonInput) {
  let position = input.position;
  if (position === undefined) {
    const [last] = await ctx.tx.select({ p: max(rejectionReasons.position) }).from(rejectionReasons);
    position = (last?.p ?? -1) + 1;
  }
  const [row] = await guardUnique(
    'rejection_reasons_key_idx',
    () => keyTaken(input.key),
    () =>
      ctx.tx
        .insert(rejectionReasons)
        .values({ id: newId(), key: input.key, names: input.names, position })
        .returning(),
  );
  if (!row) throw new Error('insert returned no row');
  return toRejectionReason(row);
}

export async function updateRejectionReason(ctx: PlatformCtx, id: string, input: UpdateRejectionReasonInput) {
  const before = await loadReason(ctx, id);
  const patch = definedOnly(input);
  if (Object.keys(patch).length === 0) return toRejectionReason(before);
  const [row] = await ctx.tx
    .update(rejectionReasons)
    .set(patch)
    .where(eq(rejectionReasons.id, id))
    .returning();
  if (!row) throw notFound('rejection_reason');
  await recordAudit(ctx, {
    action: 'rejection_reason.updated',
    entityType: 'rejection_reason',
    entityId: id,
    before: { names: before.names, position: before.position },
    after: { names: row.names, position: row.position },
  });
  return toRejectionReason(row);
}

/** Reasons are never deleted (past decisions refer to their keys): they are deactivated. */
export async function setRejectionReasonActive(ctx: PlatformCtx, id: string, active: boolean) {
  const [row] = await ctx.tx
    .update(rejectionReasons)
    .set({ active })
    .where(and(eq(rejectionReasons.id, id), eq(rejectionReasons.active, !active)))
    .returning();
  if (!row) {
    await loadReason(ctx, id);
    throw conflict(active ? 'rejection_reason_already_active' : 'rejection_reason_already_inactive');
  }
  return toRejectionReason(row);
}

/** Puts the given reasons first, in this order; the others follow in their current order. */
export async function reorderRejectionReasons(ctx: PlatformCtx, input: { ids: string[] }) {
  if (new Set(input.ids).size !== input.ids.length) throw invalidField('body.ids', 'duplicate_ids');
  const all = await listRejectionReasons(ctx);
  const known = new Set(all.map((r) => r.id));
  const unknown = input.ids.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw invalidField(`body.ids.${unknown}`, 'rejection_reason_unknown');
  const order = [...input.ids, ...all.map((r) => r.id).filter((id) => !input.ids.includes(id))];
  for (const [position, id] of order.entries()) {
    const current = all.find((r) => r.id === id);
    if (current?.position !== position) {
      await ctx.tx.update(rejectionReasons).set({ position }).where(eq(rejectionReasons.id, id));
    }
  }
  return listRejectionReasons(ctx);
}

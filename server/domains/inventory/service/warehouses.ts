import { and, asc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx, PlatformCtx, SellerCtx } from '../../../platform/db/tenant';
import { AppError, conflict, notFound } from '../../../platform/http/errors';
import { inboundShipments, stockLevels, stockMovements, type WarehouseKind, warehouses } from '../schema';

const line = (max: number) => z.string().trim().min(1).max(max);

export const warehouseAddressSchema = z
  .object({
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code')
      .describe('ISO 3166-1 alpha-2.'),
    region: line(100).optional().describe('Province, state or oblast.'),
    city: line(100),
    line1: line(200),
    line2: line(200).optional(),
    postalCode: line(20).optional(),
    phone: line(40)
      .regex(/^[+0-9 ()-]+$/)
      .optional(),
  })
  .strict()
  .meta({ id: 'WarehouseAddress' });

const warehouseFields = {
  code: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash or underscore')
    .describe('Short code printed on documents; unique per owner, ignoring case.'),
  name: line(100).describe('Name shown in lists.'),
  address: warehouseAddressSchema,
  handlingDays: z
    .number()
    .int()
    .min(0)
    .max(60)
    .describe('Working days from order to hand-over to the carrier (0–60).'),
  active: z.boolean().describe('Inactive warehouses take no new reservations or inbound shipments.'),
};

export const createWarehouseInput = z
  .object({
    ...warehouseFields,
    handlingDays: warehouseFields.handlingDays.default(1),
    active: warehouseFields.active.default(true),
  })
  .strict();
export type CreateWarehouseInput = z.infer<typeof createWarehouseInput>;
export const updateWarehouseInput = z.object(warehouseFields).partial().strict();
export type UpdateWarehouseInput = z.infer<typeof updateWarehouseInput>;

export const warehouseListQuery = z.object({
  kind: z.enum(['own', 'platform']).optional().describe('Only own or only platform warehouses.'),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only active (true) or inactive (false) ones.'),
});
export type WarehouseListQuery = z.infer<typeof warehouseListQuery>;

type WarehouseRow = typeof warehouses.$inferSelect;

export function toWarehouse(row: WarehouseRow) {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    address: row.address,
    handlingDays: row.handlingDays,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type Warehouse = ReturnType<typeof toWarehouse>;

/** Who owns the warehouses a context manages: a seller its own, operators the platform's. */
function ownerFilter(ctx: SellerCtx | PlatformCtx): SQL {
  return ctx.kind === 'seller' ? eq(warehouses.sellerId, ctx.sellerId) : isNull(warehouses.sellerId);
}

function codeTaken(code: string) {
  return new AppError('warehouse_code_taken', {
    status: 409,
    params: { code },
    errors: [
      { path: 'body.code', message: 'warehouse_code_taken', code: 'warehouse_code_taken', params: { code } },
    ],
  });
}

async function guardCode<T>(code: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
    const pg = e.code === '23505' ? e : e.cause;
    if (pg?.code === '23505' && pg.constraint === 'warehouses_code_idx') throw codeTaken(code ?? '');
    throw err;
  }
}

/** Hot query: the warehouses a seller may use (own and platform ones), or the platform's for operators. */
export const warehouseListQueryBuilder = (
  ctx: Pick<SellerCtx, 'tx' | 'sellerId'> | Pick<PlatformCtx, 'tx'>,
  filter: WarehouseListQuery = {},
) =>
  ctx.tx
    .select()
    .from(warehouses)
    .where(
      and(
        'sellerId' in ctx
          ? or(eq(warehouses.sellerId, ctx.sellerId), isNull(warehouses.sellerId))
          : isNull(warehouses.sellerId),
        filter.kind ? eq(warehouses.kind, filter.kind) : undefined,
        filter.active !== undefined ? eq(warehouses.active, filter.active) : undefined,
      ),
    )
    .orderBy(sql`${warehouses.kind} = 'platform' desc`, asc(warehouses.handlingDays), asc(warehouses.code));

export async function listWarehouses(ctx: SellerCtx | PlatformCtx, filter: WarehouseListQuery = {}) {
  return (await warehouseListQueryBuilder(ctx, filter)).map(toWarehouse);
}

/** A warehouse the context may read: for a seller its own and the platform's. */
export async function loadVisibleWarehouse(
  ctx: AnyCtx & { sellerId?: string },
  id: string,
  sellerId?: string,
) {
  const owner = sellerId ?? (ctx.kind === 'seller' ? ctx.sellerId : undefined);
  const [row] = await ctx.tx
    .select()
    .from(warehouses)
    .where(
      and(
        eq(warehouses.id, id),
        owner ? or(eq(warehouses.sellerId, owner), isNull(warehouses.sellerId)) : undefined,
      ),
    );
  if (!row) throw notFound('warehouse');
  return row;
}

async function loadManaged(ctx: SellerCtx | PlatformCtx, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(warehouses)
    .where(and(eq(warehouses.id, id), ownerFilter(ctx)));
  if (!row) throw notFound('warehouse');
  return row;
}

export async function getWarehouse(ctx: SellerCtx | PlatformCtx, id: string): Promise<Warehouse> {
  if (ctx.kind === 'seller') return toWarehouse(await loadVisibleWarehouse(ctx, id));
  return toWarehouse(await loadManaged(ctx, id));
}

export async function createWarehouse(
  ctx: SellerCtx | PlatformCtx,
  input: CreateWarehouseInput,
): Promise<Warehouse> {
  const kind: WarehouseKind = ctx.kind === 'seller' ? 'own' : 'platform';
  const [row] = await guardCode(input.code, () =>
    ctx.tx
      .insert(warehouses)
      .values({
        id: newId(),
        sellerId: ctx.kind === 'seller' ? ctx.sellerId : null,
        kind,
        code: input.code,
        name: input.name,
        address: input.address,
        handlingDays: input.handlingDays,
        active: input.active,
      })
      .returning(),
  );
  if (!row) throw new Error('warehouse insert returned no row');
  const out = toWarehouse(row);
  await recordAudit(ctx, {
    action: 'warehouse.created',
    entityType: 'warehouse',
    entityId: row.id,
    before: null,
    after: auditable(out),
  });
  return out;
}

/** Units physically in the warehouse (any seller's), which keep it from being switched off. */
async function unitsIn(ctx: AnyCtx, warehouseId: string): Promise<number> {
  const [row] = await ctx.tx
    .select({ units: sql<number>`coalesce(sum(${stockLevels.onHand}), 0)::int` })
    .from(stockLevels)
    .where(eq(stockLevels.warehouseId, warehouseId));
  return Number(row?.units ?? 0);
}

export async function updateWarehouse(
  ctx: SellerCtx | PlatformCtx,
  id: string,
  input: UpdateWarehouseInput,
): Promise<Warehouse> {
  const before = await loadManaged(ctx, id);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(patch).length === 0) return toWarehouse(before);
  if (input.active === false && before.active) {
    const units = await unitsIn(ctx, id);
    if (units > 0) throw conflict('warehouse_has_stock', { code: before.code, units });
  }
  const [after] = await guardCode(input.code, () =>
    ctx.tx
      .update(warehouses)
      .set({ ...patch, updatedAt: ctx.now })
      .where(and(eq(warehouses.id, id), ownerFilter(ctx)))
      .returning(),
  );
  if (!after) throw notFound('warehouse');
  await recordAudit(ctx, {
    action: 'warehouse.updated',
    entityType: 'warehouse',
    entityId: id,
    before: auditable(toWarehouse(before)),
    after: auditable(toWarehouse(after)),
  });
  return toWarehouse(after);
}

/**
 * Deletes a warehouse that was never used. One with stock history or inbound shipments keeps its
 * ledger readable: it can only be made inactive (409 warehouse_in_use).
 */
export async function deleteWarehouse(ctx: SellerCtx | PlatformCtx, id: string): Promise<void> {
  const before = await loadManaged(ctx, id);
  const [used] = await ctx.tx
    .select({ one: sql<number>`1` })
    .from(stockMovements)
    .where(
      and(
        eq(stockMovements.warehouseId, id),
        ctx.kind === 'seller' ? eq(stockMovements.sellerId, ctx.sellerId) : undefined,
      ),
    )
    .limit(1);
  const [shipped] = await ctx.tx
    .select({ one: sql<number>`1` })
    .from(inboundShipments)
    .where(eq(inboundShipments.warehouseId, id))
    .limit(1);
  const [stocked] = await ctx.tx
    .select({ one: sql<number>`1` })
    .from(stockLevels)
    .where(eq(stockLevels.warehouseId, id))
    .limit(1);
  if (used || shipped || stocked) throw conflict('warehouse_in_use', { code: before.code });
  await ctx.tx.delete(warehouses).where(and(eq(warehouses.id, id), ownerFilter(ctx)));
  await recordAudit(ctx, {
    action: 'warehouse.deleted',
    entityType: 'warehouse',
    entityId: id,
    before: auditable(toWarehouse(before)),
    after: null,
  });
}

function auditable(w: Warehouse): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = w;
  return rest;
}

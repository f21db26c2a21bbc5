import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx, PlatformCtx, SellerCtx } from '../../../platform/db/tenant';
import { allowedFrom, type TransitionTable } from '../../../platform/db/transition';
import { emit } from '../../../platform/events/outbox';
import { conflict, invalid, invalidField, notFound } from '../../../platform/http/errors';
import {
  newestFirstKey,
  olderThanCursor,
  type Page,
  pageQuery,
  toPage,
} from '../../../platform/http/pagination';
import { getCompany } from '../../accounts';
import {
  INBOUND_STATUSES,
  type InboundStatus,
  inboundHistory,
  inboundLines,
  inboundShipments,
  warehouses,
} from '../schema';
import { adjustStock } from './adjustments';
import { skuCards } from './catalog-refs';
import { loadVisibleWarehouse, toWarehouse, type Warehouse } from './warehouses';

export const INBOUND_TRANSITIONS: TransitionTable<InboundStatus> = {
  draft: ['shipped', 'cancelled'],
  shipped: ['receiving', 'received'],
  receiving: ['received'],
  received: [],
  cancelled: [],
};

const MAX_LINES = 500;

export const inboundLineInput = z
  .object({
    skuId: z.uuid().describe('One of the seller’s active SKUs.'),
    quantity: z.number().int().min(1).max(100_000).describe('Units sent (1–100,000).'),
  })
  .strict()
  .meta({ id: 'InboundLineInput' });

const boxes = z.number().int().min(1).max(999).describe('Boxes (cartons) in the shipment, 1–999.');
const note = z.string().trim().max(1000).nullable().optional().describe('Note for the warehouse.');

export const createInboundInput = z
  .object({
    warehouseId: z.uuid().describe('The platform warehouse the goods go to.'),
    boxes: boxes.default(1),
    note,
    lines: z.array(inboundLineInput).max(MAX_LINES).default([]),
  })
  .strict();
export type CreateInboundInput = z.infer<typeof createInboundInput>;

export const updateInboundInput = z
  .object({ warehouseId: z.uuid().optional(), boxes: boxes.optional(), note })
  .strict();
export type UpdateInboundInput = z.infer<typeof updateInboundInput>;

export const setLinesInput = z.object({ lines: z.array(inboundLineInput).max(MAX_LINES) }).strict();

export const shipInboundInput = z
  .object({
    carrier: z.string().trim().min(1).max(100).describe('Carrier or forwarder name.'),
    trackingNumber: z.string().trim().min(1).max(100).describe('Tracking or waybill number.'),
  })
  .strict();

export const receiveInboundInput = z
  .object({
    lines: z
      .array(
        z
          .object({
            skuId: z.uuid(),
            received: z.number().int().min(0).max(1_000_000).describe('Good units counted.'),
            damaged: z
              .number()
              .int()
              .min(0)
              .max(1_000_000)
              .describe('Damaged units counted (not put on stock).'),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_LINES),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type ReceiveInboundInput = z.infer<typeof receiveInboundInput>;

export const inboundListQuery = pageQuery.extend({
  status: z.enum(INBOUND_STATUSES).optional().describe('Only this status.'),
  warehouseId: z.uuid().optional().describe('Only shipments to this warehouse.'),
});
export type InboundListQuery = z.infer<typeof inboundListQuery>;

export const platformInboundListQuery = inboundListQuery.extend({
  sellerId: z.uuid().optional().describe('Only this seller’s shipments.'),
  number: z.coerce.number().int().min(1).optional().describe('The shipment with this number.'),
});
export type PlatformInboundListQuery = z.infer<typeof platformInboundListQuery>;

type ShipmentRow = typeof inboundShipments.$inferSelect;
type LineRow = typeof inboundLines.$inferSelect;

/** Missing and extra units of a counted line. */
export function discrepancy(line: { quantity: number; received: number | null; damaged: number | null }) {
  if (line.received === null) return { missing: 0, extra: 0 };
  const counted = line.received + (line.damaged ?? 0);
  return { missing: Math.max(0, line.quantity - counted), extra: Math.max(0, counted - line.quantity) };
}

function toLine(l: LineRow) {
  return {
    skuId: l.skuId,
    productId: l.productId,
    skuCode: l.skuCode,
    barcode: l.barcode,
    title: l.title,
    quantity: l.quantity,
    received: l.received,
    damaged: l.damaged,
    ...discrepancy(l),
  };
}
export type InboundLine = ReturnType<typeof toLine>;

function totalsOf(lines: { quantity: number; received: number | null; damaged: number | null }[]) {
  let expected = 0;
  let received = 0;
  let damaged = 0;
  let missing = 0;
  let extra = 0;
  for (const l of lines) {
    expected += l.quantity;
    received += l.received ?? 0;
    damaged += l.damaged ?? 0;
    const d = discrepancy(l);
    missing += d.missing;
    extra += d.extra;
  }
  return { lines: lines.length, expected, received, damaged, missing, extra };
}

function toSummary(row: ShipmentRow, warehouse: Warehouse | null, totals: ReturnType<typeof totalsOf>) {
  return {
    id: row.id,
    number: row.number,
    sellerId: row.sellerId,
    status: row.status,
    warehouseId: row.warehouseId,
    warehouse,
    boxes: row.boxes,
    carrier: row.carrier,
    trackingNumber: row.trackingNumber,
    note: row.note,
    totals,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    shippedAt: row.shippedAt?.toISOString() ?? null,
    receivedAt: row.receivedAt?.toISOString() ?? null,
  };
}
export type InboundSummary = ReturnType<typeof toSummary>;

/** The shipment filter of a context: a seller's own, or any for operators (not drafts: not sent yet). */
function scope(ctx: SellerCtx | PlatformCtx): SQL | undefined {
  return ctx.kind === 'seller'
    ? eq(inboundShipments.sellerId, ctx.sellerId)
    : sql`${inboundShipments.status} not in ('draft')`;
}

async function loadShipment(ctx: SellerCtx | PlatformCtx, id: string): Promise<ShipmentRow> {
  const [row] = await ctx.tx
    .select()
    .from(inboundShipments)
    .where(and(eq(inboundShipments.id, id), scope(ctx)));
  if (!row) throw notFound('inbound_shipment');
  return row;
}

async function linesOf(ctx: AnyCtx, shipmentId: string): Promise<LineRow[]> {
  return ctx.tx
    .select()
    .from(inboundLines)
    .where(eq(inboundLines.shipmentId, shipmentId))
    .orderBy(asc(inboundLines.skuCode));
}

async function warehousesByIds(ctx: AnyCtx, ids: string[]): Promise<Map<string, Warehouse>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select()
    .from(warehouses)
    .where(inArray(warehouses.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, toWarehouse(r)]));
}

/** A shipment with its lines, discrepancies and status history. */
export async function getInbound(ctx: SellerCtx | PlatformCtx, id: string) {
  const row = await loadShipment(ctx, id);
  const lines = await linesOf(ctx, id);
  const warehouse = (await warehousesByIds(ctx, [row.warehouseId])).get(row.warehouseId) ?? null;
  const history = await ctx.tx
    .select()
    .from(inboundHistory)
    .where(eq(inboundHistory.shipmentId, id))
    .orderBy(asc(inboundHistory.createdAt), asc(inboundHistory.id));
  return {
    ...toSummary(row, warehouse, totalsOf(lines)),
    sellerName: ctx.kind === 'platform' ? await sellerName(ctx, row.sellerId) : null,
    lines: lines.map(toLine),
    history: history.map((h) => ({
      id: h.id,
      fromStatus: h.fromStatus,
      toStatus: h.toStatus,
      note: h.note,
      actorKind: h.actorKind,
      actorId: h.actorId,
      createdAt: h.createdAt.toISOString(),
    })),
  };
}
export type InboundDetail = Awaited<ReturnType<typeof getInbound>>;

/** The seller's display name, read through the accounts door (as that seller, in this transaction). */
export async function sellerName(ctx: AnyCtx, sellerId: string): Promise<string> {
  const asSeller = { ...ctx, kind: 'seller', sellerId, storeIds: null, currentStoreId: null } as SellerCtx;
  try {
    const company = await getCompany(asSeller);
    return company.displayName ?? company.legalName;
  } catch {
    return sellerId;
  }
}

/** Hot query: a page of shipments, newest first (a seller's own, or incoming ones for operators). */
export const inboundPageQuery = (ctx: SellerCtx | PlatformCtx, q: PlatformInboundListQuery) =>
  ctx.tx
    .select({
      shipment: inboundShipments,
      lines: sql<number>`(select count(*) from inbound_lines l where l.shipment_id = ${inboundShipments.id})::int`,
      expected: sql<number>`(select coalesce(sum(l.quantity), 0) from inbound_lines l where l.shipment_id = ${inboundShipments.id})::int`,
      received: sql<number>`(select coalesce(sum(l.received), 0) from inbound_lines l where l.shipment_id = ${inboundShipments.id})::int`,
      damaged: sql<number>`(select coalesce(sum(l.damaged), 0) from inbound_lines l where l.shipment_id = ${inboundShipments.id})::int`,
      missing: sql<number>`(select coalesce(sum(greatest(0, l.quantity - l.received - coalesce(l.damaged, 0))), 0) from inbound_lines l where l.shipment_id = ${inboundShipments.id} and l.received is not null)::int`,
      extra: sql<number>`(select coalesce(sum(greatest(0, l.received + coalesce(l.damaged, 0) - l.quantity)), 0) from inbound_lines l where l.shipment_id = ${inboundShipments.id} and l.received is not null)::int`,
    })
    .from(inboundShipments)
    .where(
      and(
        scope(ctx),
        q.status ? eq(inboundShipments.status, q.status) : undefined,
        q.warehouseId ? eq(inboundShipments.warehouseId, q.warehouseId) : undefined,
        q.sellerId ? eq(inboundShipments.sellerId, q.sellerId) : undefined,
        q.number ? eq(inboundShipments.number, q.number) : undefined,
        olderThanCursor(q.cursor, inboundShipments.createdAt, inboundShipments.id),
      ),
    )
    .orderBy(desc(inboundShipments.createdAt), desc(inboundShipments.id))
    .limit(q.limit + 1);

export async function listInbound(
  ctx: SellerCtx | PlatformCtx,
  q: PlatformInboundListQuery,
): Promise<Page<InboundSummary & { sellerName: string | null }>> {
  const rows = await inboundPageQuery(ctx, q);
  const page = toPage(rows, q.limit, (r) => newestFirstKey(r.shipment));
  const whs = await warehousesByIds(
    ctx,
    page.items.map((r) => r.shipment.warehouseId),
  );
  const names = new Map<string, string>();
  if (ctx.kind === 'platform')
    for (const sellerId of new Set(page.items.map((r) => r.shipment.sellerId)))
      names.set(sellerId, await sellerName(ctx, sellerId));
  return {
    items: page.items.map((r) => ({
      ...toSummary(r.shipment, whs.get(r.shipment.warehouseId) ?? null, {
        lines: Number(r.lines),
        expected: Number(r.expected),
        received: Number(r.received),
        damaged: Number(r.damaged),
        missing: Number(r.missing),
        extra: Number(r.extra),
      }),
      sellerName: names.get(r.shipment.sellerId) ?? null,
    })),
    nextCursor: page.nextCursor,
  };
}

async function writeHistory(
  ctx: AnyCtx,
  row: { id: string; sellerId: string },
  from: InboundStatus | null,
  to: InboundStatus,
  historyNote: string | null = null,
) {
  await ctx.tx.insert(inboundHistory).values({
    id: newId(),
    sellerId: row.sellerId,
    shipmentId: row.id,
    fromStatus: from,
    toStatus: to,
    note: historyNote,
    actorId: ctx.actor.id,
    actorKind: ctx.actor.kind,
    createdAt: ctx.now,
  });
}

/** A destination must be an active platform warehouse. */
async function destination(ctx: SellerCtx, warehouseId: string, path: string) {
  const w = await loadVisibleWarehouse(ctx, warehouseId).catch(() => null);
  if (w?.kind !== 'platform') throw invalidField(path, 'inbound_not_platform_warehouse');
  if (!w.active) throw invalidField(path, 'warehouse_inactive_field', { code: w.code });
  return w;
}

/** Checks the lines (the seller's active SKUs, each once) and snapshots what the labels will show. */
async function lineRows(ctx: SellerCtx, shipmentId: string, lines: z.infer<typeof inboundLineInput>[]) {
  const seen = new Set<string>();
  const errors: { path: string; message: string; code: string }[] = [];
  lines.forEach((l, i) => {
    if (seen.has(l.skuId))
      errors.push({
        path: `body.lines.${i}.skuId`,
        message: 'inbound_duplicate_sku',
        code: 'inbound_duplicate_sku',
      });
    seen.add(l.skuId);
  });
  const cards = await skuCards(
    ctx,
    ctx.sellerId,
    lines.map((l) => l.skuId),
  );
  lines.forEach((l, i) => {
    const card = cards.get(l.skuId);
    if (!card)
      errors.push({
        path: `body.lines.${i}.skuId`,
        message: 'inbound_unknown_sku',
        code: 'inbound_unknown_sku',
      });
    else if (card.status !== 'active')
      errors.push({
        path: `body.lines.${i}.skuId`,
        message: 'inbound_inactive_sku',
        code: 'inbound_inactive_sku',
      });
  });
  if (errors.length > 0) throw invalid(errors);
  return lines.map((l) => {
    const card = cards.get(l.skuId) as NonNullable<ReturnType<typeof cards.get>>;
    return {
      shipmentId,
      skuId: l.skuId,
      sellerId: ctx.sellerId,
      productId: card.productId,
      skuCode: card.code,
      barcode: card.barcode,
      title: card.title,
      quantity: l.quantity,
    };
  });
}

export async function createInbound(ctx: SellerCtx, input: CreateInboundInput) {
  await destination(ctx, input.warehouseId, 'body.warehouseId');
  const id = newId();
  const lines = await lineRows(ctx, id, input.lines);
  await ctx.tx.insert(inboundShipments).values({
    id,
    sellerId: ctx.sellerId,
    warehouseId: input.warehouseId,
    boxes: input.boxes,
    note: input.note ?? null,
    createdBy: ctx.actor.id,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  });
  if (lines.length > 0) await ctx.tx.insert(inboundLines).values(lines);
  await writeHistory(ctx, { id, sellerId: ctx.sellerId }, null, 'draft');
  const out = await getInbound(ctx, id);
  await recordAudit(ctx, {
    action: 'inbound.created',
    entityType: 'inbound_shipment',
    entityId: id,
    before: null,
    after: {
      number: out.number,
      warehouseId: input.warehouseId,
      boxes: input.boxes,
      lines: input.lines.length,
    },
  });
  return out;
}

async function loadDraft(ctx: SellerCtx, id: string) {
  const row = await loadShipment(ctx, id);
  if (row.status !== 'draft') throw conflict('inbound_not_draft', { number: row.number, status: row.status });
  return row;
}

export async function updateInbound(ctx: SellerCtx, id: string, input: UpdateInboundInput) {
  const before = await loadDraft(ctx, id);
  if (input.warehouseId) await destination(ctx, input.warehouseId, 'body.warehouseId');
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(patch).length > 0) {
    const [after] = await ctx.tx
      .update(inboundShipments)
      .set({ ...patch, updatedAt: ctx.now })
      .where(
        and(
          eq(inboundShipments.id, id),
          eq(inboundShipments.sellerId, ctx.sellerId),
          eq(inboundShipments.status, 'draft'),
        ),
      )
      .returning();
    if (!after) throw conflict('inbound_not_draft', { number: before.number, status: before.status });
    await recordAudit(ctx, {
      action: 'inbound.updated',
      entityType: 'inbound_shipment',
      entityId: id,
      before: { warehouseId: before.warehouseId, boxes: before.boxes, note: before.note },
      after: { warehouseId: after.warehouseId, boxes: after.boxes, note: after.note },
    });
  }
  return getInbound(ctx, id);
}

/** Replaces the lines of a draft (the editor sends the whole list). */
export async function setInboundLines(ctx: SellerCtx, id: string, lines: z.infer<typeof inboundLineInput>[]) {
  const before = await loadDraft(ctx, id);
  // Lock the draft so that a concurrent "ship" cannot send it with half-replaced lines.
  const [locked] = await ctx.tx
    .select({ id: inboundShipments.id })
    .from(inboundShipments)
    .where(and(eq(inboundShipments.id, id), eq(inboundShipments.status, 'draft')))
    .for('update');
  if (!locked) throw conflict('inbound_not_draft', { number: before.number, status: before.status });
  const rows = await lineRows(ctx, id, lines);
  const old = await linesOf(ctx, id);
  await ctx.tx.delete(inboundLines).where(eq(inboundLines.shipmentId, id));
  if (rows.length > 0) await ctx.tx.insert(inboundLines).values(rows);
  await ctx.tx.update(inboundShipments).set({ updatedAt: ctx.now }).where(eq(inboundShipments.id, id));
  await recordAudit(ctx, {
    action: 'inbound.lines_set',
    entityType: 'inbound_shipment',
    entityId: id,
    before: { lines: old.map((l) => `${l.skuCode}×${l.quantity}`) },
    after: { lines: rows.map((l) => `${l.skuCode}×${l.quantity}`) },
  });
  return getInbound(ctx, id);
}

/** One conditional UPDATE from the allowed statuses, and a history row; 409 when not allowed now. */
async function transition(
  ctx: SellerCtx | PlatformCtx,
  id: string,
  to: InboundStatus,
  set: Partial<typeof inboundShipments.$inferInsert>,
  historyNote: string | null = null,
): Promise<{ before: InboundStatus; row: ShipmentRow }> {
  const current = await loadShipment(ctx, id);
  const [row] = await ctx.tx
    .update(inboundShipments)
    .set({ ...set, status: to, updatedAt: ctx.now })
    .where(
      and(
        eq(inboundShipments.id, id),
        scope(ctx),
        eq(inboundShipments.status, current.status),
        inArray(inboundShipments.status, allowedFrom(INBOUND_TRANSITIONS, to)),
      ),
    )
    .returning();
  if (!row) {
    const now = await loadShipment(ctx, id);
    throw conflict('invalid_transition', { from: now.status, to });
  }
  await writeHistory(ctx, row, current.status, to, historyNote);
  await recordAudit(ctx, {
    action: `inbound.${to}`,
    entityType: 'inbound_shipment',
    entityId: id,
    sellerId: row.sellerId,
    before: { status: current.status },
    after: { status: to, ...(historyNote ? { note: historyNote } : {}) },
  });
  return { before: current.status, row };
}

export async function shipInbound(ctx: SellerCtx, id: string, input: z.infer<typeof shipInboundInput>) {
  const draft = await loadDraft(ctx, id);
  const lines = await linesOf(ctx, id);
  if (lines.length === 0) throw conflict('inbound_no_lines', { number: draft.number });
  const w = await loadVisibleWarehouse(ctx, draft.warehouseId);
  if (!w.active) throw conflict('warehouse_inactive', { code: w.code });
  await transition(
    ctx,
    id,
    'shipped',
    {
      carrier: input.carrier,
      trackingNumber: input.trackingNumber,
      shippedAt: ctx.now,
    },
    `${input.carrier} ${input.trackingNumber}`,
  );
  return getInbound(ctx, id);
}

export async function cancelInbound(ctx: SellerCtx, id: string, reason?: string) {
  await loadShipment(ctx, id);
  await transition(ctx, id, 'cancelled', {}, reason ?? null);
  return getInbound(ctx, id);
}

/** The warehouse has the boxes and starts counting (shipped → receiving). */
export async function startReceiving(ctx: PlatformCtx, id: string) {
  await transition(ctx, id, 'receiving', {});
  return getInbound(ctx, id);
}

/**
 * Records the count of every line and puts the good units on stock at the destination warehouse
 * ('received' movements, whose note also tells the damaged count); damaged units are recorded on the
 * line but never become stock. Emits inbound.received.
 */
export async function receiveInbound(ctx: PlatformCtx, id: string, input: ReceiveInboundInput) {
  const shipment = await loadShipment(ctx, id);
  if (!allowedFrom(INBOUND_TRANSITIONS, 'received').includes(shipment.status))
    throw conflict('invalid_transition', { from: shipment.status, to: 'received' });
  const lines = await linesOf(ctx, id);
  const counts = new Map<string, { received: number; damaged: number }>();
  const errors: { path: string; message: string; code: string }[] = [];
  input.lines.forEach((l, i) => {
    if (counts.has(l.skuId))
      errors.push({
        path: `body.lines.${i}.skuId`,
        message: 'inbound_duplicate_sku',
        code: 'inbound_duplicate_sku',
      });
    else if (!lines.some((x) => x.skuId === l.skuId))
      errors.push({
        path: `body.lines.${i}.skuId`,
        message: 'inbound_line_unknown',
        code: 'inbound_line_unknown',
      });
    counts.set(l.skuId, { received: l.received, damaged: l.damaged });
  });
  lines.forEach((l) => {
    if (!counts.has(l.skuId))
      errors.push({ path: 'body.lines', message: 'inbound_line_missing', code: 'inbound_line_missing' });
  });
  if (errors.length > 0) throw invalid(errors);

  // The status change first: it is the guard against two operators receiving the same shipment.
  const { row } = await transition(
    ctx,
    id,
    'received',
    { receivedAt: ctx.now, receivedBy: ctx.actor.id },
    input.note ?? null,
  );
  const ref = { refType: 'inbound', refId: String(row.number) };
  for (const l of [...lines].sort((a, b) => (a.skuId < b.skuId ? -1 : 1))) {
    const c = counts.get(l.skuId) as { received: number; damaged: number };
    await ctx.tx
      .update(inboundLines)
      .set({ received: c.received, damaged: c.damaged })
      .where(and(eq(inboundLines.shipmentId, id), eq(inboundLines.skuId, l.skuId)));
    if (c.received > 0) {
      await adjustStock(ctx, {
        sellerId: row.sellerId,
        skuId: l.skuId,
        productId: l.productId,
        warehouseId: row.warehouseId,
        delta: c.received,
        reason: 'received',
        note: c.damaged > 0 ? `inbound #${row.number}: ${c.damaged} damaged` : `inbound #${row.number}`,
        ...ref,
      });
    }
  }
  const totals = totalsOf(
    lines.map((l) => ({ quantity: l.quantity, ...(counts.get(l.skuId) ?? { received: 0, damaged: 0 }) })),
  );
  await emit(
    ctx,
    'inbound.received',
    {
      sellerId: row.sellerId,
      shipmentId: row.id,
      number: row.number,
      expected: totals.expected,
      received: totals.received,
      damaged: totals.damaged,
      missing: totals.missing,
      extra: totals.extra,
    },
    row.sellerId,
  );
  return getInbound(ctx, id);
}

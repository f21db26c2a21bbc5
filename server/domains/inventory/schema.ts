import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appUser, createdAt, id, tenantPolicy, ts, updatedAt } from '../../platform/db/columns';

const currentSeller = sql`nullif(current_setting('app.seller_id', true), '')::uuid`;
const platformOn = sql`coalesce(current_setting('app.platform', true), '') = 'on'`;

export const WAREHOUSE_KINDS = ['own', 'platform'] as const;
export type WarehouseKind = (typeof WAREHOUSE_KINDS)[number];

export interface WarehouseAddress {
  country: string;
  region?: string;
  city: string;
  line1: string;
  line2?: string;
  postalCode?: string;
  phone?: string;
}

/**
 * A place that holds stock: a seller's own warehouse (seller_id set) or a platform fulfilment
 * warehouse (seller_id null, managed by operators, where sellers send inbound shipments).
 */
export const warehouses = pgTable(
  'warehouses',
  {
    id: id(),
    sellerId: uuid('seller_id'),
    kind: text('kind').$type<WarehouseKind>().notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    address: jsonb('address').$type<WarehouseAddress>().notNull(),
    handlingDays: integer('handling_days').notNull().default(1),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('warehouses_code_idx').on(
      sql`coalesce(${t.sellerId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`lower(${t.code})`,
    ),
    check('warehouses_kind_check', sql`(${t.kind} = 'platform') = (${t.sellerId} is null)`),
    check('warehouses_handling_check', sql`${t.handlingDays} between 0 and 60`),
    // Platform warehouses (no seller) are visible to every seller; only operators write them.
    pgPolicy('warehouses_read', {
      as: 'permissive',
      for: 'select',
      to: appUser,
      using: sql`${t.sellerId} is null or ${t.sellerId} = ${currentSeller} or ${platformOn}`,
    }),
    pgPolicy('warehouses_insert', {
      as: 'permissive',
      for: 'insert',
      to: appUser,
      withCheck: sql`${t.sellerId} = ${currentSeller} or ${platformOn}`,
    }),
    pgPolicy('warehouses_update', {
      as: 'permissive',
      for: 'update',
      to: appUser,
      using: sql`${t.sellerId} = ${currentSeller} or ${platformOn}`,
      withCheck: sql`${t.sellerId} = ${currentSeller} or ${platformOn}`,
    }),
    pgPolicy('warehouses_delete', {
      as: 'permissive',
      for: 'delete',
      to: appUser,
      using: sql`${t.sellerId} = ${currentSeller} or ${platformOn}`,
    }),
  ],
);

/**
 * Stock of one SKU in one warehouse. Available = on hand − reserved; the check constraint makes a
 * negative availability impossible, whatever the code above it does.
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    skuId: uuid('sku_id').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    sellerId: uuid('seller_id').notNull(),
    productId: uuid('product_id').notNull(),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.skuId, t.warehouseId] }),
    index('stock_levels_seller_idx').on(t.sellerId, t.warehouseId),
    index('stock_levels_product_idx').on(t.productId),
    check('stock_levels_never_negative', sql`${t.reserved} >= 0 and ${t.onHand} >= ${t.reserved}`),
    tenantPolicy(t.sellerId),
  ],
);

export const MOVEMENT_REASONS = [
  'received',
  'sold',
  'returned',
  'count_correction',
  'damaged',
  'transfer_in',
  'transfer_out',
  'reserved',
  'released',
] as const;
export type MovementReason = (typeof MOVEMENT_REASONS)[number];

/** The append-only stock ledger: every change of on hand or reserved, with its reason and source. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    reason: text('reason').$type<MovementReason>().notNull(),
    onHandDelta: integer('on_hand_delta').notNull().default(0),
    reservedDelta: integer('reserved_delta').notNull().default(0),
    onHandAfter: integer('on_hand_after').notNull(),
    reservedAfter: integer('reserved_after').notNull(),
    refType: text('ref_type'),
    refId: text('ref_id'),
    note: text('note'),
    actorId: uuid('actor_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('stock_movements_sku_idx').on(t.sellerId, t.skuId, t.createdAt.desc(), t.id.desc()),
    index('stock_movements_recent_idx').on(t.sellerId, t.createdAt.desc()),
    tenantPolicy(t.sellerId),
  ],
);

/** Per-SKU replenishment settings; a missing row uses the store default threshold. */
export const stockSettings = pgTable(
  'stock_settings',
  {
    skuId: uuid('sku_id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    lowThreshold: integer('low_threshold'),
    safetyStock: integer('safety_stock').notNull().default(0),
    leadTimeDays: integer('lead_time_days').notNull().default(14),
    /** Extra days of sales the restock suggestion covers beyond the lead time (the review period). */
    safetyDays: integer('safety_days').notNull().default(7),
    /** Set while the SKU is below its threshold, so `stock.low` fires once per crossing. */
    lowSince: ts('low_since'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('stock_settings_seller_idx').on(t.sellerId),
    check(
      'stock_settings_values_check',
      sql`(${t.lowThreshold} is null or ${t.lowThreshold} >= 0) and ${t.safetyStock} >= 0 and ${t.leadTimeDays} between 0 and 365 and ${t.safetyDays} between 0 and 365`,
    ),
    tenantPolicy(t.sellerId),
  ],
);

/** Default low-stock threshold of a store's SKUs. */
export const storeStockDefaults = pgTable(
  'store_stock_defaults',
  {
    storeId: uuid('store_id').primaryKey(),
    sellerId: uuid('seller_id').notNull(),
    lowThreshold: integer('low_threshold').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [tenantPolicy(t.sellerId)],
);

export const RESERVATION_STATUSES = ['held', 'committed', 'released'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** Units held for an order line between checkout and shipment (or cancellation). */
export const reservations = pgTable(
  'reservations',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    skuId: uuid('sku_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    quantity: integer('quantity').notNull(),
    refType: text('ref_type').notNull(),
    refId: text('ref_id').notNull(),
    status: text('status').$type<ReservationStatus>().notNull().default('held'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('reservations_ref_idx').on(t.refType, t.refId),
    index('reservations_seller_idx').on(t.sellerId, t.status),
    check('reservations_quantity_check', sql`${t.quantity} > 0`),
    tenantPolicy(t.sellerId),
  ],
);

export const inboundNumber = pgSequence('inbound_number_seq', { startWith: 5001 });

export const INBOUND_STATUSES = ['draft', 'shipped', 'receiving', 'received', 'cancelled'] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

/** A shipment of a seller's stock to a platform warehouse (like an FBA shipment or a WB supply). */
export const inboundShipments = pgTable(
  'inbound_shipments',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    number: bigint('number', { mode: 'number' }).notNull().default(sql`nextval('inbound_number_seq')`),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    status: text('status').$type<InboundStatus>().notNull().default('draft'),
    boxes: integer('boxes').notNull().default(1),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    shippedAt: ts('shipped_at'),
    receivedAt: ts('received_at'),
    receivedBy: uuid('received_by'),
  },
  (t) => [
    uniqueIndex('inbound_shipments_number_idx').on(t.number),
    index('inbound_shipments_seller_idx').on(t.sellerId, t.createdAt.desc(), t.id.desc()),
    index('inbound_shipments_status_idx').on(t.status, t.shippedAt),
    check(
      'inbound_shipments_status_check',
      sql`${t.status} in ('draft','shipped','receiving','received','cancelled')`,
    ),
    tenantPolicy(t.sellerId),
  ],
);

/** A SKU line of an inbound shipment; received/damaged are what the platform counted on arrival. */
export const inboundLines = pgTable(
  'inbound_lines',
  {
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => inboundShipments.id, { onDelete: 'cascade' }),
    skuId: uuid('sku_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    /** What the labels showed, kept with the shipment (operators read lines without the catalog). */
    productId: uuid('product_id').notNull(),
    skuCode: text('sku_code').notNull(),
    barcode: text('barcode'),
    title: jsonb('title').$type<Partial<Record<'zh-CN' | 'en-US' | 'ru-RU', string>>>().notNull().default({}),
    quantity: integer('quantity').notNull(),
    received: integer('received'),
    damaged: integer('damaged'),
  },
  (t) => [
    primaryKey({ columns: [t.shipmentId, t.skuId] }),
    check('inbound_lines_quantity_check', sql`${t.quantity} > 0`),
    check(
      'inbound_lines_counts_check',
      sql`(${t.received} is null or ${t.received} >= 0) and (${t.damaged} is null or ${t.damaged} >= 0)`,
    ),
    tenantPolicy(t.sellerId),
  ],
);

/** Status changes of an inbound shipment: who, when, from, to, note. */
export const inboundHistory = pgTable(
  'inbound_history',
  {
    id: id(),
    sellerId: uuid('seller_id').notNull(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => inboundShipments.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorKind: text('actor_kind').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('inbound_history_shipment_idx').on(t.shipmentId, t.createdAt), tenantPolicy(t.sellerId)],
);

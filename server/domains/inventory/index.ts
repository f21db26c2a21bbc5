// The inventory domain's door: what other domains and the app composition may use.

export { inboundRoutes, platformInboundRoutes } from './routes/inbound';
export { stockRoutes } from './routes/stock';
export { platformWarehouseRoutes, warehouseRoutes } from './routes/warehouses';
export { type AdjustResult, type AdjustStockInput, adjustStock } from './service/adjustments';
export {
  commitReservation,
  type ReservationRef,
  type ReservedLine,
  type ReserveLine,
  releaseReservation,
  reservationsOf,
  reserve,
} from './service/reservations';
export { setLowThresholds } from './service/settings';
export { availableBySku, STOCK_STATES, type StockState, stockStateFilter } from './service/stock';
export { DEFAULT_LOW_THRESHOLD } from './service/thresholds';

/** Events inventory emits (payloads in the comments). */
export const INVENTORY_EVENTS = [
  /** { sellerId, productId, skuId, available } when a SKU's total availability crosses zero. */
  'stock.availability_changed',
  /** { sellerId, skuId, productId, sku, title, titles, available, threshold } once per fall below the threshold. */
  'stock.low',
  /** { sellerId, shipmentId, number, expected, received, damaged } when the platform received a shipment. */
  'inbound.received',
] as const;

export interface StockAvailabilityChanged {
  sellerId: string;
  productId: string;
  skuId: string;
  available: number;
}
/** Warehouse services, for the demo seed (scripts/seed-demo.ts). */
export { createWarehouse, listWarehouses } from './service/warehouses';

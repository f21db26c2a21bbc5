import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, call, client, type RequestBody } from '../../shared/api/client';

export type PerLang = Record<string, string>;
export type StockState = 'in_stock' | 'low' | 'out';
export type InboundStatus = 'draft' | 'shipped' | 'receiving' | 'received' | 'cancelled';
export type MovementReason =
  | 'received'
  | 'sold'
  | 'returned'
  | 'count_correction'
  | 'damaged'
  | 'transfer_in'
  | 'transfer_out'
  | 'reserved'
  | 'released';

export interface WarehouseAddress {
  country: string;
  region?: string;
  city: string;
  line1: string;
  line2?: string;
  postalCode?: string;
  phone?: string;
}

export interface Warehouse {
  id: string;
  kind: 'own' | 'platform';
  code: string;
  name: string;
  address: WarehouseAddress;
  handlingDays: number;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WarehouseInput {
  code: string;
  name: string;
  address: WarehouseAddress;
  handlingDays: number;
  active: boolean;
}

export interface SkuSettings {
  skuId: string;
  lowThreshold: number | null;
  effectiveThreshold: number;
  thresholdSource: 'sku' | 'store' | 'default';
  safetyStock: number;
  leadTimeDays: number;
  safetyDays: number;
  lowSince: string | null;
}

export interface SkuOptionText {
  key: string;
  name: string;
  value: string;
  text: string;
}

export interface WarehouseStock {
  warehouseId: string;
  code: string;
  name: string;
  kind: 'own' | 'platform';
  onHand: number;
  reserved: number;
  available: number;
}

export interface StockItem {
  skuId: string;
  productId: string;
  code: string | null;
  barcode: string | null;
  title: PerLang;
  options: Record<string, string>;
  /** The options for display, named in the request's language. */
  optionTexts: SkuOptionText[];
  skuStatus: string | null;
  onHand: number;
  reserved: number;
  available: number;
  state: StockState;
  settings: SkuSettings;
  warehouses: WarehouseStock[];
  insight: {
    sold30d: number;
    velocity: number;
    daysOfCover: number | null;
    restock: number;
    turnover: number | null;
    ageDays: number | null;
  };
}

export interface Movement {
  id: string;
  skuId: string;
  skuCode: string | null;
  warehouseId: string;
  warehouseCode: string | null;
  reason: MovementReason;
  onHandDelta: number;
  reservedDelta: number;
  onHandAfter: number;
  reservedAfter: number;
  refType: string | null;
  refId: string | null;
  note: string | null;
  actorId: string | null;
  createdAt: string;
}

export interface SkuLookup {
  skuId: string;
  productId: string;
  code: string;
  barcode: string | null;
  title: PerLang;
  options: Record<string, string>;
  status: string;
  available: number;
}

export interface StoreStockDefault {
  storeId: string;
  storeName: string;
  lowThreshold: number | null;
}

export interface InboundTotals {
  lines: number;
  expected: number;
  received: number;
  damaged: number;
  missing: number;
  extra: number;
}

export interface InboundSummary {
  id: string;
  number: number;
  sellerId: string;
  sellerName: string | null;
  status: InboundStatus;
  warehouseId: string;
  warehouse: Warehouse | null;
  boxes: number;
  carrier: string | null;
  trackingNumber: string | null;
  note: string | null;
  totals: InboundTotals;
  createdAt: string;
  updatedAt: string;
  shippedAt: string | null;
  receivedAt: string | null;
}

export interface InboundLine {
  skuId: string;
  productId: string;
  skuCode: string;
  barcode: string | null;
  title: PerLang;
  quantity: number;
  received: number | null;
  damaged: number | null;
  missing: number;
  extra: number;
}

export interface InboundDetail extends InboundSummary {
  lines: InboundLine[];
  history: {
    id: string;
    fromStatus: string | null;
    toStatus: string;
    note: string | null;
    actorKind: string;
    actorId: string | null;
    createdAt: string;
  }[];
}

export type Adjustment =
  | { type: 'count'; skuId: string; warehouseId: string; onHand: number; note?: string }
  | { type: 'receive' | 'damaged'; skuId: string; warehouseId: string; quantity: number; note?: string }
  | {
      type: 'transfer';
      skuId: string;
      fromWarehouseId: string;
      toWarehouseId: string;
      quantity: number;
      note?: string;
    };

export interface StockFilters {
  state?: StockState;
  warehouseId?: string;
  q?: string;
  sort?: 'newest' | 'available';
}

export interface InboundFilters {
  status?: InboundStatus;
  warehouseId?: string;
  sellerId?: string;
}

type Page<T> = { items: T[]; nextCursor: string | null };

export const inventoryKeys = {
  all: ['inventory'] as const,
  warehouses: (scope: 'seller' | 'platform') => [...inventoryKeys.all, 'warehouses', scope] as const,
  stock: (filters: StockFilters, language: string) =>
    [...inventoryKeys.all, 'stock', filters, language] as const,
  movements: (skuId: string) => [...inventoryKeys.all, 'movements', skuId] as const,
  storeDefaults: () => [...inventoryKeys.all, 'store-defaults'] as const,
  lookup: (q: string) => [...inventoryKeys.all, 'lookup', q] as const,
  inbound: (scope: 'seller' | 'platform', filters: InboundFilters) =>
    [...inventoryKeys.all, 'inbound', scope, filters] as const,
  shipment: (scope: 'seller' | 'platform', id: string) =>
    [...inventoryKeys.all, 'shipment', scope, id] as const,
};

function useInventoryMutation<T, R = unknown>(fn: (input: T) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: inventoryKeys.all });
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Warehouses

export function useWarehouses() {
  return useQuery({
    queryKey: inventoryKeys.warehouses('seller'),
    queryFn: async () =>
      (await call<{ items: Warehouse[] }>(client.GET('/api/v1/seller/warehouses', { params: { query: {} } })))
        .items,
  });
}

export function useSaveWarehouse() {
  return useInventoryMutation(({ id, body }: { id?: string; body: Partial<WarehouseInput> }) =>
    id
      ? call<Warehouse>(
          client.PATCH('/api/v1/seller/warehouses/{id}', {
            params: { path: { id } },
            body: body as RequestBody<'/api/v1/seller/warehouses/{id}', 'patch'>,
          }),
        )
      : call<Warehouse>(
          client.POST('/api/v1/seller/warehouses', {
            body: body as RequestBody<'/api/v1/seller/warehouses', 'post'>,
          }),
        ),
  );
}

export function useDeleteWarehouse() {
  return useInventoryMutation((id: string) =>
    call<unknown>(client.DELETE('/api/v1/seller/warehouses/{id}', { params: { path: { id } } })),
  );
}

export function usePlatformWarehouses() {
  return useQuery({
    queryKey: inventoryKeys.warehouses('platform'),
    queryFn: async () =>
      (
        await call<{ items: Warehouse[] }>(
          client.GET('/api/v1/platform/warehouses', { params: { query: {} } }),
        )
      ).items,
  });
}

export function useSavePlatformWarehouse() {
  return useInventoryMutation(({ id, body }: { id?: string; body: Partial<WarehouseInput> }) =>
    id
      ? call<Warehouse>(
          client.PATCH('/api/v1/platform/warehouses/{id}', {
            params: { path: { id } },
            body: body as RequestBody<'/api/v1/platform/warehouses/{id}', 'patch'>,
          }),
        )
      : call<Warehouse>(
          client.POST('/api/v1/platform/warehouses', {
            body: body as RequestBody<'/api/v1/platform/warehouses', 'post'>,
          }),
        ),
  );
}

export function useDeletePlatformWarehouse() {
  return useInventoryMutation((id: string) =>
    call<unknown>(client.DELETE('/api/v1/platform/warehouses/{id}', { params: { path: { id } } })),
  );
}

// ---------------------------------------------------------------------------------------------
// Stock

export function useStock(filters: StockFilters) {
  // The items name their options in the request's language: another language is another answer.
  const { i18n } = useTranslation();
  return useInfiniteQuery({
    queryKey: inventoryKeys.stock(filters, i18n.language),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<Page<StockItem>>(
        client.GET('/api/v1/seller/stock', {
          params: { query: { ...filters, sort: filters.sort ?? 'newest', limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMovements(skuId: string | null) {
  return useInfiniteQuery({
    queryKey: inventoryKeys.movements(skuId ?? ''),
    enabled: Boolean(skuId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<Page<Movement>>(
        client.GET('/api/v1/seller/stock/movements', {
          params: { query: { skuId: skuId ?? undefined, limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSkuLookup(q: string) {
  return useQuery({
    queryKey: inventoryKeys.lookup(q),
    enabled: q.trim().length > 0,
    queryFn: async () =>
      (
        await call<{ items: SkuLookup[] }>(
          client.GET('/api/v1/seller/stock/lookup', { params: { query: { q } } }),
        )
      ).items,
  });
}

/** One-off look-up (for scanning several codes into a form). */
export async function lookupSkus(q: string): Promise<SkuLookup[]> {
  return (
    await call<{ items: SkuLookup[] }>(
      client.GET('/api/v1/seller/stock/lookup', { params: { query: { q } } }),
    )
  ).items;
}

export function useAdjustStock() {
  return useInventoryMutation((body: Adjustment) =>
    call<unknown>(
      client.POST('/api/v1/seller/stock/adjustments', {
        body: body as RequestBody<'/api/v1/seller/stock/adjustments', 'post'>,
      }),
    ),
  );
}

export function useUpdateSkuSettings() {
  return useInventoryMutation(
    ({ skuId, body }: { skuId: string; body: Partial<Omit<SkuSettings, 'skuId'>> }) =>
      call<SkuSettings>(
        client.PATCH('/api/v1/seller/stock/skus/{skuId}/settings', {
          params: { path: { skuId } },
          body: body as RequestBody<'/api/v1/seller/stock/skus/{skuId}/settings', 'patch'>,
        }),
      ),
  );
}

export function useStoreDefaults(enabled = true) {
  return useQuery({
    queryKey: inventoryKeys.storeDefaults(),
    enabled,
    queryFn: async () =>
      (await call<{ items: StoreStockDefault[] }>(client.GET('/api/v1/seller/stock/store-defaults'))).items,
  });
}

export function useSetStoreDefault() {
  return useInventoryMutation(
    ({ storeId, lowThreshold }: { storeId: string; lowThreshold: number | null }) =>
      lowThreshold === null
        ? call<StoreStockDefault>(
            client.DELETE('/api/v1/seller/stock/store-defaults/{storeId}', { params: { path: { storeId } } }),
          )
        : call<StoreStockDefault>(
            client.PUT('/api/v1/seller/stock/store-defaults/{storeId}', {
              params: { path: { storeId } },
              body: { lowThreshold },
            }),
          ),
  );
}

// ---------------------------------------------------------------------------------------------
// Inbound shipments (seller)

export function useInboundList(filters: InboundFilters) {
  return useInfiniteQuery({
    queryKey: inventoryKeys.inbound('seller', filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<Page<InboundSummary>>(
        client.GET('/api/v1/seller/inbound', {
          params: { query: { ...filters, limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useInbound(id: string) {
  return useQuery({
    queryKey: inventoryKeys.shipment('seller', id),
    queryFn: () =>
      call<InboundDetail>(client.GET('/api/v1/seller/inbound/{id}', { params: { path: { id } } })),
  });
}

export function useCreateInbound() {
  return useInventoryMutation(
    (body: {
      warehouseId: string;
      boxes: number;
      note?: string | null;
      lines: { skuId: string; quantity: number }[];
    }) =>
      call<InboundDetail>(
        client.POST('/api/v1/seller/inbound', {
          body: body as RequestBody<'/api/v1/seller/inbound', 'post'>,
        }),
      ),
  );
}

export function useUpdateInbound(id: string) {
  return useInventoryMutation((body: { warehouseId?: string; boxes?: number; note?: string | null }) =>
    call<InboundDetail>(
      client.PATCH('/api/v1/seller/inbound/{id}', {
        params: { path: { id } },
        body: body as RequestBody<'/api/v1/seller/inbound/{id}', 'patch'>,
      }),
    ),
  );
}

export function useSetInboundLines(id: string) {
  return useInventoryMutation((lines: { skuId: string; quantity: number }[]) =>
    call<InboundDetail>(
      client.PUT('/api/v1/seller/inbound/{id}/lines', { params: { path: { id } }, body: { lines } }),
    ),
  );
}

export function useShipInbound(id: string) {
  return useInventoryMutation((body: { carrier: string; trackingNumber: string }) =>
    call<InboundDetail>(client.POST('/api/v1/seller/inbound/{id}/ship', { params: { path: { id } }, body })),
  );
}

export function useCancelInbound(id: string) {
  return useInventoryMutation((reason?: string) =>
    call<InboundDetail>(
      client.POST('/api/v1/seller/inbound/{id}/cancel', {
        params: { path: { id } },
        body: reason ? { reason } : {},
      }),
    ),
  );
}

async function openPdf(request: Promise<{ data?: unknown; error?: unknown; response: Response }>) {
  const { data, error, response } = await request;
  if (!response.ok) {
    let problem = error;
    if (error instanceof Blob) {
      try {
        problem = JSON.parse(await error.text());
      } catch {
        problem = { status: response.status };
      }
    }
    throw new ApiError(response.status, (problem ?? { status: response.status }) as never);
  }
  const url = URL.createObjectURL(data as Blob);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens the SKU labels PDF in a new tab. */
export function printSkuLabels(id: string, query: { mode: 'unit' | 'line'; copies?: number; lang?: string }) {
  return openPdf(
    client.GET('/api/v1/seller/inbound/{id}/labels.pdf', {
      params: { path: { id }, query: query as never },
      parseAs: 'blob',
    }),
  );
}

/** Opens the box labels PDF in a new tab. */
export function printBoxLabels(id: string) {
  return openPdf(
    client.GET('/api/v1/seller/inbound/{id}/box-labels.pdf', { params: { path: { id } }, parseAs: 'blob' }),
  );
}

// ---------------------------------------------------------------------------------------------
// Incoming shipments (operators)

export function useIncomingShipments(filters: InboundFilters) {
  return useInfiniteQuery({
    queryKey: inventoryKeys.inbound('platform', filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<Page<InboundSummary>>(
        client.GET('/api/v1/platform/inbound', {
          params: { query: { ...filters, limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useIncomingShipment(id: string) {
  return useQuery({
    queryKey: inventoryKeys.shipment('platform', id),
    queryFn: () =>
      call<InboundDetail>(client.GET('/api/v1/platform/inbound/{id}', { params: { path: { id } } })),
  });
}

export function useStartReceiving(id: string) {
  return useInventoryMutation(() =>
    call<InboundDetail>(
      client.POST('/api/v1/platform/inbound/{id}/start-receiving', { params: { path: { id } } }),
    ),
  );
}

export function useReceiveShipment(id: string) {
  return useInventoryMutation(
    (body: { lines: { skuId: string; received: number; damaged: number }[]; note?: string }) =>
      call<InboundDetail>(
        client.POST('/api/v1/platform/inbound/{id}/receive', { params: { path: { id } }, body }),
      ),
  );
}

/** A title in the UI language, else in any language it has. */
export function titleIn(title: PerLang, language: string): string {
  return (
    title[language] ?? title['en-US'] ?? title['zh-CN'] ?? title['ru-RU'] ?? Object.values(title)[0] ?? ''
  );
}

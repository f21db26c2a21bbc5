import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, call, client, type RequestBody } from '../../shared/api/client';

export type Lang = 'zh-CN' | 'en-US' | 'ru-RU';
export const LANGS: Lang[] = ['zh-CN', 'en-US', 'ru-RU'];
export type PerLang = Partial<Record<Lang, string>>;

export const REVIEW_STATES = ['draft', 'pending', 'approved', 'rejected'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const SALE_STATES = ['unlisted', 'active', 'inactive', 'suspended', 'archived'] as const;
export type SaleState = (typeof SALE_STATES)[number];
export type SkuStatus = 'active' | 'inactive';
export type PriceMode = 'follow' | 'override';
export type AttributeValue = string | number | boolean | string[];
export type AttributeType = 'text' | 'number' | 'enum' | 'multi_enum' | 'boolean' | 'date';

type Page<T> = { items: T[]; nextCursor: string | null };

// ---------------------------------------------------------------------------------------------
// Types (mirror the server's response schemas)

export interface PriceHoldSummary {
  id: string;
  listPrice: number;
  salePrice: number | null;
  createdAt: string;
}

export interface StorePrice {
  storeId: string;
  currency: string;
  mode: PriceMode;
  listPrice: number;
  salePrice: number | null;
  priceHold: PriceHoldSummary | null;
}

export interface Sku {
  id: string;
  productId: string;
  code: string;
  barcode: string | null;
  barcodeKind: string | null;
  options: Record<string, string>;
  currency: string;
  listPrice: number;
  salePrice: number | null;
  priceHold: PriceHoldSummary | null;
  weightGrams: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  status: SkuStatus;
  backorder: boolean;
  position: number;
  storePrices: StorePrice[];
  createdAt: string;
  updatedAt: string;
}

export interface SkuWrite extends Sku {
  held: boolean;
}

export interface StorePriceInput {
  storeId: string;
  mode: PriceMode;
  listPrice?: number;
  salePrice?: number | null;
}

export interface SkuInput {
  code: string;
  barcode?: string | null;
  options?: Record<string, string>;
  listPrice: number;
  salePrice?: number | null;
  weightGrams?: number | null;
  lengthMm?: number | null;
  widthMm?: number | null;
  heightMm?: number | null;
  status?: SkuStatus;
  backorder?: boolean;
  storePrices?: StorePriceInput[];
}

export interface ReviewEntry {
  id: string;
  revision: boolean;
  decision: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  submittedAt: string;
  submittedBy: string | null;
  reasons: { key: string; text: string }[];
  note: string | null;
  decidedAt: string | null;
}

export interface HistoryEntry {
  field: 'review_state' | 'sale_state';
  from: string | null;
  to: string;
  reason: string | null;
  actorKind: string;
  actorId: string | null;
  at: string;
}

export interface ProductContent {
  categoryId: string;
  brand: string | null;
  title: PerLang;
  description: PerLang;
  keywords: PerLang;
  attributes: Record<string, AttributeValue>;
  imageIds: string[];
  videoUrl: string | null;
  documentIds: string[];
}

export interface ProductDetail {
  id: string;
  number: number;
  categoryId: string;
  brand: string | null;
  title: PerLang;
  description: PerLang;
  keywords: PerLang;
  attributes: Record<string, AttributeValue>;
  videoUrl: string | null;
  storeIds: string[];
  imageIds: string[];
  documentIds: string[];
  reviewState: ReviewState;
  saleState: SaleState;
  published: ProductContent | null;
  publishedAt: string | null;
  quality: { score: number; hints: string[] };
  version: number;
  createdAt: string;
  updatedAt: string;
  skus: Sku[];
  reviews: ReviewEntry[];
  history: HistoryEntry[];
}

export interface ProductListItem {
  id: string;
  number: number;
  title: PerLang;
  brand: string | null;
  categoryId: string;
  storeIds: string[];
  mainImageId: string | null;
  skuCount: number;
  currency: string | null;
  minPrice: number | null;
  maxPrice: number | null;
  /** The range in the applied store's currency (storeId or the store switcher); null without one. */
  storePrice: { storeId: string; currency: string; min: number; max: number } | null;
  qualityScore: number;
  qualityHints: string[];
  reviewState: ReviewState;
  saleState: SaleState;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const PRODUCT_SORTS = ['updated', 'created', 'title', 'quality', 'price'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export interface ProductFilters {
  q?: string;
  reviewState?: ReviewState;
  saleState?: SaleState;
  categoryId?: string;
  storeId?: string;
  qualityBelow?: number;
  qualityAbove?: number;
  stock?: 'in_stock' | 'low' | 'out';
  sort?: ProductSort;
  direction?: 'asc' | 'desc';
}

export interface ProductInput {
  categoryId: string;
  brand?: string | null;
  title: PerLang;
  description?: PerLang;
  keywords?: PerLang;
  attributes?: Record<string, AttributeValue>;
  videoUrl?: string | null;
  storeIds?: string[];
}

export interface CreateProductInput extends ProductInput {
  skus?: SkuInput[];
  imageIds?: string[];
  documentIds?: string[];
}

export type BulkAction = 'submit' | 'deactivate' | 'activate' | 'archive' | 'price' | 'stock_threshold';

export interface BulkInput {
  action: BulkAction;
  productIds: string[];
  price?: { kind: 'percent' | 'amount'; direction: 'up' | 'down'; value: number };
  threshold?: number | null;
}

export interface BulkResult {
  productId: string;
  ok: boolean;
  code?: string;
  detail?: string;
  errors?: { path: string; code: string; message: string }[];
  held?: number;
}

export interface PriceHold {
  id: string;
  skuId: string;
  skuCode: string;
  productId: string;
  productNumber: number;
  storeId: string | null;
  currency: string;
  oldListPrice: number;
  oldSalePrice: number | null;
  newListPrice: number;
  newSalePrice: number | null;
  status: 'held' | 'confirmed' | 'discarded';
  requestedBy: string | null;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface ProductImage {
  id: string;
  productId: string | null;
  position: number;
  main: boolean;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  originalName: string | null;
  createdAt: string;
  urls: { thumb100: string; thumb400: string; large1200: string; original: string };
}

export interface SellerCategory {
  id: string;
  parentId: string | null;
  depth: number;
  slug: string;
  names: PerLang;
  position: number;
  isLeaf: boolean;
}

export interface RuleAttribute {
  id: string;
  key: string;
  type: AttributeType;
  unit: string | null;
  names: PerLang;
  options: { value: string; names: PerLang }[];
  required: boolean;
  variant: boolean;
  position: number;
}

export interface DocumentTypeRef {
  id: string;
  key: string;
  names: PerLang;
  numberPattern: string | null;
  numberExample: string | null;
  expires: boolean;
}

export interface CategoryRules {
  id: string;
  slug: string;
  parentId: string | null;
  path: string[];
  depth: number;
  names: PerLang;
  breadcrumb: { id: string; slug: string; names: PerLang }[];
  active: boolean;
  isLeaf: boolean;
  commissionBps: number;
  minImages: number;
  maxImages: number;
  requiredLanguages: string[];
  attributes: RuleAttribute[];
  documentTypes: DocumentTypeRef[];
}

export interface ComplianceDocument {
  id: string;
  documentType: { id: string; key: string; names: PerLang; expires: boolean };
  number: string;
  issuer: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  status: 'valid' | 'expired';
  expiresInDays: number | null;
  file: { name: string; url: string } | null;
  linkedProducts: number;
  createdAt: string;
  updatedAt: string;
}

export interface ComplianceDocumentDetail extends ComplianceDocument {
  products: { id: string; number: number; title: PerLang; saleState: SaleState; reviewState: ReviewState }[];
}

export interface DocumentFilters {
  documentTypeId?: string;
  status?: 'valid' | 'expired';
  expiringWithinDays?: number;
  q?: string;
}

export interface DocumentInput {
  documentTypeId?: string;
  number?: string;
  issuer?: string | null;
  issuedOn?: string | null;
  expiresOn?: string | null;
}

export const IMPORT_MODES = ['validate', 'valid_rows', 'all_or_nothing'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export type ImportStatus = 'queued' | 'running' | 'succeeded' | 'failed';
export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'gbk', 'windows-1251'] as const;
export const IMPORT_DELIMITERS = ['auto', 'comma', 'semicolon', 'tab'] as const;

export interface ImportJob {
  id: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  mode: ImportMode;
  status: ImportStatus;
  categoryId: string | null;
  storeId: string | null;
  withImages: boolean;
  totalRows: number | null;
  doneRows: number;
  progress: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  error: { code: string; message: string } | null;
  errorFile: { csv: string; xlsx: string } | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ImportOptions {
  mode: ImportMode;
  categoryId?: string;
  storeId?: string;
  encoding: (typeof IMPORT_ENCODINGS)[number];
  delimiter: (typeof IMPORT_DELIMITERS)[number];
  imageBundleId?: string;
}

export interface ExchangeRate {
  base: string;
  quote: string;
  day: string;
  rate: string;
  createdAt: string;
}

// Operator side: the listing review queue

export interface ListingQueueItem {
  id: string;
  productId: string;
  productNumber: number;
  sellerId: string;
  sellerName: string;
  categoryId: string;
  title: PerLang;
  mainImageId: string | null;
  revision: boolean;
  submittedAt: string;
}

export interface ListingQueueFilters {
  sellerId?: string;
  categoryId?: string;
  submittedBefore?: string;
  submittedAfter?: string;
  kind?: 'new' | 'revision';
  /** Title, product number or seller name. */
  q?: string;
}

export interface ListingReviewDetail {
  id: string;
  productId: string;
  productNumber: number;
  sellerId: string;
  sellerName: string;
  decision: ReviewEntry['decision'];
  revision: boolean;
  submittedAt: string;
  submittedBy: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  reasons: { key: string; text: string }[];
  note: string | null;
  reviewState: ReviewState;
  saleState: SaleState;
  snapshot: ProductContent;
  published: ProductContent | null;
  changes: { field: string; from?: unknown; to?: unknown }[];
  category: {
    id: string;
    path: string[];
    names: PerLang;
    breadcrumb: { id: string; slug: string; names: PerLang }[];
    active: boolean;
    isLeaf: boolean;
    minImages: number;
    maxImages: number;
    requiredLanguages: string[];
    attributes: RuleAttribute[];
    documentTypes: { id: string; key: string; names: PerLang }[];
  } | null;
  skus: {
    id: string;
    code: string;
    barcode: string | null;
    options: Record<string, string>;
    status: string;
    currency: string;
    listPrice: number;
    salePrice: number | null;
    storePrices: { storeId: string; currency: string; listPrice: number; salePrice: number | null }[];
  }[];
  previousDecisions: ReviewEntry[];
  documents: ReviewDocument[];
}

export interface ReviewDocument {
  id: string;
  type: { id: string; key: string; names: PerLang; expires: boolean };
  number: string;
  issuer: string | null;
  issuedOn: string | null;
  expiresOn: string | null;
  status: 'valid' | 'expired';
  expiresInDays: number | null;
  hasFile: boolean;
}

/** Operators' download link of a document scan. */
export const reviewDocumentFileUrl = (id: string) => `/api/v1/platform/documents/${id}/file`;

export interface RejectionReason {
  id: string;
  key: string;
  names: PerLang;
  active: boolean;
  position: number;
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** A text in the UI language, else in any language it has. */
export function textIn(text: PerLang | null | undefined, language: string): string {
  if (!text) return '';
  const t = text as Record<string, string | undefined>;
  return t[language] || t['en-US'] || t['zh-CN'] || t['ru-RU'] || '';
}

export const sellerImageUrl = (id: string, size: 'thumb-100' | 'thumb-400' | 'large-1200' | 'original') =>
  `/api/v1/seller/images/${id}/${size}`;

/** Drops undefined and empty-string values so they are not sent as query parameters. */
function clean<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== ''),
  ) as T;
}

/** Saves a Blob response as a file, with the name from Content-Disposition when there is one. */
export function saveBlob(blob: Blob, response: Response | undefined, fallbackName: string) {
  const header = response?.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  const plain = /filename="([^"]+)"/i.exec(header)?.[1];
  const name = star ? decodeURIComponent(star) : (plain ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

interface BlobResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Awaits a `parseAs: 'blob'` call and downloads the file, or throws the API's problem. */
export async function download(request: Promise<BlobResult>, fallbackName: string): Promise<void> {
  const { data, error, response } = await request;
  if (!response.ok) {
    let problem: unknown = error;
    if (error instanceof Blob) {
      try {
        problem = JSON.parse(await error.text());
      } catch {
        problem = { status: response.status };
      }
    }
    throw new ApiError(response.status, (problem ?? { status: response.status }) as never);
  }
  saveBlob(data as Blob, response, fallbackName);
}

/** A multipart body with one file part named "file" (openapi-fetch sends FormData as is). */
function fileBody(file: Blob, name?: string) {
  const form = new FormData();
  if (name) form.append('file', file, name);
  else form.append('file', file);
  return form;
}
const asIs = (body: unknown) => body as FormData;

// ---------------------------------------------------------------------------------------------
// Query keys

export const catalogKeys = {
  all: ['catalog'] as const,
  products: (filters: ProductFilters) => [...catalogKeys.all, 'products', filters] as const,
  product: (id: string) => [...catalogKeys.all, 'product', id] as const,
  productImages: (id: string) => [...catalogKeys.all, 'product-images', id] as const,
  productDocuments: (id: string) => [...catalogKeys.all, 'product-documents', id] as const,
  categories: () => [...catalogKeys.all, 'categories'] as const,
  rules: (id: string) => [...catalogKeys.all, 'rules', id] as const,
  documentTypes: () => [...catalogKeys.all, 'document-types'] as const,
  documents: (filters: DocumentFilters) => [...catalogKeys.all, 'documents', filters] as const,
  document: (id: string) => [...catalogKeys.all, 'document', id] as const,
  imports: () => [...catalogKeys.all, 'imports'] as const,
  import: (id: string) => [...catalogKeys.all, 'import', id] as const,
  rates: () => [...catalogKeys.all, 'rates'] as const,
  queue: (filters: ListingQueueFilters) => ['listings', 'queue', filters] as const,
  review: (id: string) => ['listings', 'review', id] as const,
  reasons: () => ['listings', 'reasons'] as const,
};

function useCatalogMutation<T, R = unknown>(fn: (input: T) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: catalogKeys.all });
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Categories and rules (platform configuration, seller view)

export function useSellerCategories() {
  return useQuery({
    queryKey: catalogKeys.categories(),
    staleTime: 5 * 60_000,
    queryFn: async () =>
      (await call<{ items: SellerCategory[] }>(client.GET('/api/v1/seller/categories'))).items,
  });
}

export function useCategoryRules(id: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.rules(id ?? ''),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
    queryFn: () =>
      call<CategoryRules>(
        client.GET('/api/v1/seller/categories/{id}/rules', { params: { path: { id: id as string } } }),
      ),
  });
}

export function useDocumentTypes() {
  return useQuery({
    queryKey: catalogKeys.documentTypes(),
    staleTime: 5 * 60_000,
    queryFn: async () =>
      (await call<{ items: DocumentTypeRef[] }>(client.GET('/api/v1/seller/document-types'))).items,
  });
}

export function useLatestRates() {
  return useQuery({
    queryKey: catalogKeys.rates(),
    staleTime: 10 * 60_000,
    queryFn: async () =>
      (
        await call<{ items: ExchangeRate[] }>(
          client.GET('/api/v1/seller/exchange-rates/latest', { params: { query: {} } }),
        )
      ).items,
  });
}

// ---------------------------------------------------------------------------------------------
// Products

export function useProducts(filters: ProductFilters) {
  return useInfiniteQuery({
    queryKey: catalogKeys.products(filters),
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      call<Page<ProductListItem>>(
        client.GET('/api/v1/seller/products', {
          params: { query: clean({ ...filters, limit: 50, cursor: pageParam }) as never },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function fetchProduct(id: string) {
  return call<ProductDetail>(client.GET('/api/v1/seller/products/{id}', { params: { path: { id } } }));
}

export function useProduct(id: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.product(id ?? ''),
    enabled: Boolean(id),
    // The editor keeps what the seller types: no refetch on focus behind their back.
    refetchOnWindowFocus: false,
    queryFn: () => fetchProduct(id as string),
  });
}

export function createProduct(body: CreateProductInput) {
  return call<ProductDetail>(
    client.POST('/api/v1/seller/products', { body: body as RequestBody<'/api/v1/seller/products', 'post'> }),
  );
}

export function updateProduct(id: string, body: Partial<ProductInput>) {
  return call<ProductDetail>(
    client.PATCH('/api/v1/seller/products/{id}', {
      params: { path: { id } },
      body: body as RequestBody<'/api/v1/seller/products/{id}', 'patch'>,
    }),
  );
}

export function addSku(productId: string, body: SkuInput) {
  return call<SkuWrite>(
    client.POST('/api/v1/seller/products/{id}/skus', {
      params: { path: { id: productId } },
      body: body as RequestBody<'/api/v1/seller/products/{id}/skus', 'post'>,
    }),
  );
}

export function updateSku(productId: string, skuId: string, body: Partial<SkuInput>) {
  return call<SkuWrite>(
    client.PATCH('/api/v1/seller/products/{id}/skus/{skuId}', {
      params: { path: { id: productId, skuId } },
      body: body as RequestBody<'/api/v1/seller/products/{id}/skus/{skuId}', 'patch'>,
    }),
  );
}

export function removeSku(productId: string, skuId: string) {
  return call<unknown>(
    client.DELETE('/api/v1/seller/products/{id}/skus/{skuId}', {
      params: { path: { id: productId, skuId } },
    }),
  );
}

export type LifecycleAction = 'submit' | 'withdraw' | 'deactivate' | 'activate' | 'archive' | 'restore';

export function runLifecycle(id: string, action: LifecycleAction) {
  const params = { params: { path: { id } } };
  switch (action) {
    case 'submit':
      return call<ProductDetail>(client.POST('/api/v1/seller/products/{id}/submit', params));
    case 'withdraw':
      return call<ProductDetail>(client.POST('/api/v1/seller/products/{id}/withdraw', params));
    case 'deactivate':
      return call<ProductDetail>(
        client.POST('/api/v1/seller/products/{id}/deactivate', { ...params, body: {} }),
      );
    case 'activate':
      return call<ProductDetail>(
        client.POST('/api/v1/seller/products/{id}/activate', { ...params, body: {} }),
      );
    case 'archive':
      return call<ProductDetail>(
        client.POST('/api/v1/seller/products/{id}/archive', { ...params, body: {} }),
      );
    case 'restore':
      return call<ProductDetail>(
        client.POST('/api/v1/seller/products/{id}/restore', { ...params, body: {} }),
      );
  }
}

export function useLifecycle(id: string) {
  return useCatalogMutation((action: LifecycleAction) => runLifecycle(id, action));
}

export function useBulkProducts() {
  return useCatalogMutation(
    async (body: BulkInput) =>
      (
        await call<{ results: BulkResult[] }>(
          client.POST('/api/v1/seller/products/bulk', {
            body: body as RequestBody<'/api/v1/seller/products/bulk', 'post'>,
          }),
        )
      ).results,
  );
}

export function exportProducts(format: 'xlsx' | 'csv', filters: ProductFilters) {
  const query = clean({ ...filters }) as never;
  return download(
    format === 'xlsx'
      ? client.GET('/api/v1/seller/exports/products.xlsx', { params: { query }, parseAs: 'blob' })
      : client.GET('/api/v1/seller/exports/products.csv', { params: { query }, parseAs: 'blob' }),
    `products.${format}`,
  );
}

// Price holds

export function usePriceHoldDecision() {
  return useCatalogMutation(({ id, decision }: { id: string; decision: 'confirm' | 'discard' }) =>
    decision === 'confirm'
      ? call<PriceHold>(client.POST('/api/v1/seller/price-holds/{id}/confirm', { params: { path: { id } } }))
      : call<PriceHold>(client.POST('/api/v1/seller/price-holds/{id}/discard', { params: { path: { id } } })),
  );
}

// Images

export function useProductImages(productId: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.productImages(productId ?? ''),
    enabled: Boolean(productId),
    queryFn: async () =>
      (
        await call<{ items: ProductImage[] }>(
          client.GET('/api/v1/seller/products/{id}/images', {
            params: { path: { id: productId as string } },
          }),
        )
      ).items,
  });
}

/** Uploads an image to a product (productId) or unattached, for a product not saved yet. */
export function uploadImage(file: File, productId?: string) {
  return productId
    ? call<ProductImage>(
        client.POST('/api/v1/seller/products/{id}/images', {
          params: { path: { id: productId } },
          body: fileBody(file, file.name) as never,
          bodySerializer: asIs,
        }),
      )
    : call<ProductImage>(
        client.POST('/api/v1/seller/images', {
          body: fileBody(file, file.name) as never,
          bodySerializer: asIs,
        }),
      );
}

export function reorderImages(productId: string, imageIds: string[]) {
  return call<{ items: ProductImage[] }>(
    client.PUT('/api/v1/seller/products/{id}/images/order', {
      params: { path: { id: productId } },
      body: { imageIds } as RequestBody<'/api/v1/seller/products/{id}/images/order', 'put'>,
    }),
  );
}

export function deleteImage(productId: string, imageId: string) {
  return call<unknown>(
    client.DELETE('/api/v1/seller/products/{id}/images/{imageId}', {
      params: { path: { id: productId, imageId } },
    }),
  );
}

// Documents

export function useDocuments(filters: DocumentFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: catalogKeys.documents(filters),
    enabled,
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      call<Page<ComplianceDocument>>(
        client.GET('/api/v1/seller/documents', {
          params: { query: clean({ ...filters, limit: 100, cursor: pageParam }) as never },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDocument(id: string | null) {
  return useQuery({
    queryKey: catalogKeys.document(id ?? ''),
    enabled: Boolean(id),
    queryFn: () =>
      call<ComplianceDocumentDetail>(
        client.GET('/api/v1/seller/documents/{id}', { params: { path: { id: id as string } } }),
      ),
  });
}

export function useProductDocuments(productId: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.productDocuments(productId ?? ''),
    enabled: Boolean(productId),
    queryFn: async () =>
      (
        await call<{ items: ComplianceDocument[] }>(
          client.GET('/api/v1/seller/products/{id}/documents', {
            params: { path: { id: productId as string } },
          }),
        )
      ).items,
  });
}

export function setProductDocuments(productId: string, documentIds: string[]) {
  return call<{ items: ComplianceDocument[] }>(
    client.PUT('/api/v1/seller/products/{id}/documents', {
      params: { path: { id: productId } },
      body: { documentIds } as RequestBody<'/api/v1/seller/products/{id}/documents', 'put'>,
    }),
  );
}

export function useSaveDocument() {
  return useCatalogMutation(({ id, body }: { id?: string; body: DocumentInput }) =>
    id
      ? call<ComplianceDocument>(
          client.PATCH('/api/v1/seller/documents/{id}', {
            params: { path: { id } },
            body: body as RequestBody<'/api/v1/seller/documents/{id}', 'patch'>,
          }),
        )
      : call<ComplianceDocument>(
          client.POST('/api/v1/seller/documents', {
            body: body as RequestBody<'/api/v1/seller/documents', 'post'>,
          }),
        ),
  );
}

export function uploadDocumentFile(id: string, file: File) {
  return call<ComplianceDocument>(
    client.PUT('/api/v1/seller/documents/{id}/file', {
      params: { path: { id } },
      body: fileBody(file, file.name) as never,
      bodySerializer: asIs,
    }),
  );
}

export function useDeleteDocument() {
  return useCatalogMutation((id: string) =>
    call<unknown>(client.DELETE('/api/v1/seller/documents/{id}', { params: { path: { id } } })),
  );
}

export function useDeleteDocumentFile() {
  return useCatalogMutation((id: string) =>
    call<ComplianceDocument>(
      client.DELETE('/api/v1/seller/documents/{id}/file', { params: { path: { id } } }),
    ),
  );
}

export function downloadDocumentFile(id: string, name: string) {
  return download(
    client.GET('/api/v1/seller/documents/{id}/file', { params: { path: { id } }, parseAs: 'blob' }),
    name,
  );
}

// Imports

export function useImports() {
  return useInfiniteQuery({
    queryKey: catalogKeys.imports(),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<Page<ImportJob>>(
        client.GET('/api/v1/seller/imports', {
          params: { query: clean({ limit: 20, cursor: pageParam }) as never },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) =>
        p.items.some((i) => i.status === 'queued' || i.status === 'running'),
      )
        ? 3000
        : false,
  });
}

export function useImport(id: string) {
  return useQuery({
    queryKey: catalogKeys.import(id),
    queryFn: () => call<ImportJob>(client.GET('/api/v1/seller/imports/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'queued' || status === 'running' ? 1500 : false;
    },
  });
}

export function downloadTemplate(format: 'xlsx' | 'csv', categoryId: string | undefined) {
  const query = clean({ categoryId }) as never;
  return download(
    format === 'xlsx'
      ? client.GET('/api/v1/seller/imports/template.xlsx', { params: { query }, parseAs: 'blob' })
      : client.GET('/api/v1/seller/imports/template.csv', { params: { query }, parseAs: 'blob' }),
    `template.${format}`,
  );
}

export function downloadImportErrors(id: string, format: 'xlsx' | 'csv') {
  const params = { path: { id } };
  return download(
    format === 'xlsx'
      ? client.GET('/api/v1/seller/imports/{id}/errors.xlsx', { params, parseAs: 'blob' })
      : client.GET('/api/v1/seller/imports/{id}/errors.csv', { params, parseAs: 'blob' }),
    `import-errors.${format}`,
  );
}

export function useStartImport() {
  return useCatalogMutation(
    async ({ file, images, options }: { file: File; images?: File | null; options: ImportOptions }) => {
      let imageBundleId: string | undefined;
      if (images) {
        const bundle = await call<{ id: string; files: number }>(
          client.POST('/api/v1/seller/imports/image-bundles', {
            body: fileBody(images, images.name) as never,
            bodySerializer: asIs,
          }),
        );
        imageBundleId = bundle.id;
      }
      return call<ImportJob>(
        client.POST('/api/v1/seller/imports', {
          params: { query: clean({ ...options, imageBundleId }) as never },
          body: fileBody(file, file.name) as never,
          bodySerializer: asIs,
        }),
      );
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Operators: listing review

export function useListingQueue(filters: ListingQueueFilters) {
  return useInfiniteQuery({
    queryKey: catalogKeys.queue(filters),
    initialPageParam: undefined as string | undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ pageParam }) =>
      call<Page<ListingQueueItem>>(
        client.GET('/api/v1/platform/listings', {
          params: { query: clean({ ...filters, limit: 50, cursor: pageParam }) as never },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The oldest waiting submission other than `exceptId` (the one just decided), or null. */
export async function nextInQueue(exceptId: string): Promise<string | null> {
  const page = await call<Page<ListingQueueItem>>(
    client.GET('/api/v1/platform/listings', { params: { query: { limit: 5 } as never } }),
  );
  return page.items.find((i) => i.id !== exceptId)?.id ?? null;
}

export function useListingReview(id: string) {
  return useQuery({
    queryKey: catalogKeys.review(id),
    queryFn: () =>
      call<ListingReviewDetail>(client.GET('/api/v1/platform/listings/{id}', { params: { path: { id } } })),
  });
}

export function usePlatformCategories() {
  return useQuery({
    queryKey: ['listings', 'categories'],
    staleTime: 5 * 60_000,
    queryFn: async () =>
      (
        await call<{
          items: { id: string; parentId: string | null; names: PerLang; active: boolean; depth: number }[];
        }>(client.GET('/api/v1/platform/categories', { params: { query: {} as never } }))
      ).items,
  });
}

export function useRejectionReasons() {
  return useQuery({
    queryKey: catalogKeys.reasons(),
    staleTime: 5 * 60_000,
    queryFn: async () =>
      (
        await call<{ items: RejectionReason[] }>(
          client.GET('/api/v1/platform/rejection-reasons', {
            params: { query: { active: 'true' } as never },
          }),
        )
      ).items,
  });
}

export function useReviewDecision(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { decision: 'approve'; note?: string }
        | { decision: 'reject'; reasonKeys: string[]; note?: string },
    ) =>
      input.decision === 'approve'
        ? call<ListingReviewDetail>(
            client.POST('/api/v1/platform/listings/{id}/approve', {
              params: { path: { id } },
              body: (input.note ? { note: input.note } : {}) as never,
            }),
          )
        : call<ListingReviewDetail>(
            client.POST('/api/v1/platform/listings/{id}/reject', {
              params: { path: { id } },
              body: { reasonKeys: input.reasonKeys, ...(input.note ? { note: input.note } : {}) } as never,
            }),
          ),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['listings'] });
    },
  });
}

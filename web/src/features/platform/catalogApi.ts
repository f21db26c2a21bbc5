import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../shared/api/client';

export type Lang = 'zh-CN' | 'en-US' | 'ru-RU';
export const LANGS: Lang[] = ['zh-CN', 'en-US', 'ru-RU'];
export type Translated = Partial<Record<Lang, string>>;

export const ATTRIBUTE_TYPES = ['text', 'number', 'enum', 'multi_enum', 'boolean', 'date'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
/** Types that can be a variant axis (each SKU its own value). */
export const VARIANT_TYPES: AttributeType[] = ['enum', 'text', 'number'];

export interface CategoryNode {
  id: string;
  parentId: string | null;
  path: string[];
  depth: number;
  slug: string;
  names: Translated;
  position: number;
  active: boolean;
  commissionBps: number | null;
  minImages: number | null;
  maxImages: number | null;
  requiredLanguages: string[] | null;
  childCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface AttributeOption {
  value: string;
  names: Translated;
}

export interface EffectiveAttribute {
  id: string;
  key: string;
  type: AttributeType;
  unit: string | null;
  names: Translated;
  options: AttributeOption[];
  required: boolean;
  variant: boolean;
  position: number;
}

export interface CategoryDetail {
  category: Omit<CategoryNode, 'childCount'>;
  effective: {
    commissionBps: number;
    minImages: number;
    maxImages: number;
    requiredLanguages: string[];
    isLeaf: boolean;
    attributes: EffectiveAttribute[];
    documentTypes: { id: string; key: string; names: Translated }[];
    breadcrumb: { id: string; slug: string; names: Translated }[];
  };
  ruleSources: Record<'commissionBps' | 'minImages' | 'maxImages' | 'requiredLanguages', string | null>;
  defaults: { commissionBps: number; minImages: number; maxImages: number; requiredLanguages: string[] };
  attributeLinks: {
    attributeId: string;
    key: string;
    type: AttributeType;
    unit: string | null;
    names: Translated;
    required: boolean;
    variant: boolean;
    excluded: boolean;
    position: number;
    sourceCategoryId: string;
    own: boolean;
    inherited: boolean;
  }[];
  documentTypeLinks: {
    documentTypeId: string;
    key: string;
    names: Translated;
    excluded: boolean;
    sourceCategoryId: string;
    own: boolean;
    inherited: boolean;
  }[];
}

export interface Attribute {
  id: string;
  key: string;
  type: AttributeType;
  unit: string | null;
  names: Translated;
  options: AttributeOption[];
  categoryCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentType {
  id: string;
  key: string;
  names: Translated;
  numberPattern: string | null;
  numberExample: string | null;
  expires: boolean;
  categoryCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface RejectionReason {
  id: string;
  key: string;
  names: Translated;
  active: boolean;
  position: number;
  createdAt: string;
}

export interface ExchangeRate {
  base: string;
  quote: string;
  day: string;
  rate: string;
  setBy: string | null;
  createdAt: string;
}

export interface CategoryInput {
  parentId?: string | null;
  slug?: string;
  names?: Required<Translated>;
  position?: number;
  commissionBps?: number | null;
  minImages?: number | null;
  maxImages?: number | null;
  requiredLanguages?: Lang[] | null;
}

export interface AttributeInput {
  key?: string;
  type?: AttributeType;
  unit?: string | null;
  names?: Required<Translated>;
  options?: { value: string; names?: Translated }[];
}

export interface DocumentTypeInput {
  key?: string;
  names?: Required<Translated>;
  numberPattern?: string | null;
  numberExample?: string | null;
  expires?: boolean;
}

export interface RateFilters {
  currency?: string;
  from?: string;
  to?: string;
}

export const catalogKeys = {
  all: ['platform', 'catalog-config'] as const,
  categories: () => [...catalogKeys.all, 'categories'] as const,
  category: (id: string) => [...catalogKeys.all, 'category', id] as const,
  attributes: (q: { q?: string; type?: AttributeType }) => [...catalogKeys.all, 'attributes', q] as const,
  documentTypes: () => [...catalogKeys.all, 'document-types'] as const,
  reasons: () => [...catalogKeys.all, 'rejection-reasons'] as const,
  rates: (f: RateFilters) => [...catalogKeys.all, 'rates', f] as const,
  latestRates: () => [...catalogKeys.all, 'rates-latest'] as const,
  settings: () => [...catalogKeys.all, 'settings'] as const,
};

/** Every mutation here changes reference data that several pages show: refresh them all. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: catalogKeys.all });
}

// Categories

export function useCategoryTree() {
  return useQuery({
    queryKey: catalogKeys.categories(),
    queryFn: () =>
      call<{ items: CategoryNode[] }>(client.GET('/api/v1/platform/categories', { params: { query: {} } })),
  });
}

export function useCategoryDetail(id: string | null) {
  return useQuery({
    queryKey: catalogKeys.category(id ?? ''),
    enabled: Boolean(id),
    queryFn: () =>
      call<CategoryDetail>(
        client.GET('/api/v1/platform/categories/{id}', { params: { path: { id: id as string } } }),
      ),
  });
}

export function useCreateCategory() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CategoryInput) =>
      call<CategoryNode>(
        client.POST('/api/v1/platform/categories', {
          body: body as never,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useUpdateCategory() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: CategoryInput }) =>
      call<CategoryNode>(
        client.PATCH('/api/v1/platform/categories/{id}', { params: { path: { id } }, body: body as never }),
      ),
    onSuccess: invalidate,
  });
}

export function useSetCategoryActive() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      active
        ? call<{ changed: number }>(
            client.POST('/api/v1/platform/categories/{id}/activate', {
              params: { path: { id }, query: { subtree: 'true' } },
            }),
          )
        : call<{ changed: number }>(
            client.POST('/api/v1/platform/categories/{id}/deactivate', { params: { path: { id } } }),
          ),
    onSuccess: invalidate,
  });
}

export function useSetCategoryAttribute() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      categoryId,
      attributeId,
      body,
    }: {
      categoryId: string;
      attributeId: string;
      body: { required?: boolean; variant?: boolean; excluded?: boolean; position?: number };
    }) =>
      call<unknown>(
        client.PUT('/api/v1/platform/categories/{id}/attributes/{attributeId}', {
          params: { path: { id: categoryId, attributeId } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useRemoveCategoryAttribute() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ categoryId, attributeId }: { categoryId: string; attributeId: string }) =>
      call<unknown>(
        client.DELETE('/api/v1/platform/categories/{id}/attributes/{attributeId}', {
          params: { path: { id: categoryId, attributeId } },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useSetCategoryDocumentType() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({
      categoryId,
      documentTypeId,
      excluded,
    }: {
      categoryId: string;
      documentTypeId: string;
      excluded: boolean;
    }) =>
      call<unknown>(
        client.PUT('/api/v1/platform/categories/{id}/document-types/{documentTypeId}', {
          params: { path: { id: categoryId, documentTypeId } },
          body: { excluded },
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useRemoveCategoryDocumentType() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ categoryId, documentTypeId }: { categoryId: string; documentTypeId: string }) =>
      call<unknown>(
        client.DELETE('/api/v1/platform/categories/{id}/document-types/{documentTypeId}', {
          params: { path: { id: categoryId, documentTypeId } },
        }),
      ),
    onSuccess: invalidate,
  });
}

// Attributes

export function useAttributes(q: { q?: string; type?: AttributeType }) {
  return useInfiniteQuery({
    queryKey: catalogKeys.attributes(q),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<{ items: Attribute[]; nextCursor: string | null }>(
        client.GET('/api/v1/platform/attributes', {
          params: { query: { ...q, limit: 100, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSaveAttribute() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: AttributeInput }) =>
      id
        ? call<Attribute>(
            client.PATCH('/api/v1/platform/attributes/{id}', {
              params: { path: { id } },
              body: body as never,
            }),
          )
        : call<Attribute>(client.POST('/api/v1/platform/attributes', { body: body as never })),
    onSuccess: invalidate,
  });
}

export function useDeleteAttribute() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) =>
      call<unknown>(client.DELETE('/api/v1/platform/attributes/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

// Document types

export function useDocumentTypes() {
  return useQuery({
    queryKey: catalogKeys.documentTypes(),
    queryFn: () => call<{ items: DocumentType[] }>(client.GET('/api/v1/platform/document-types')),
  });
}

export function useSaveDocumentType() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: DocumentTypeInput }) =>
      id
        ? call<DocumentType>(
            client.PATCH('/api/v1/platform/document-types/{id}', {
              params: { path: { id } },
              body: body as never,
            }),
          )
        : call<DocumentType>(client.POST('/api/v1/platform/document-types', { body: body as never })),
    onSuccess: invalidate,
  });
}

export function useDeleteDocumentType() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) =>
      call<unknown>(client.DELETE('/api/v1/platform/document-types/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

// Rejection reasons

export function useRejectionReasons() {
  return useQuery({
    queryKey: catalogKeys.reasons(),
    queryFn: () =>
      call<{ items: RejectionReason[] }>(
        client.GET('/api/v1/platform/rejection-reasons', { params: { query: {} } }),
      ),
  });
}

export function useSaveRejectionReason() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, key, names }: { id?: string; key?: string; names: Required<Translated> }) =>
      id
        ? call<RejectionReason>(
            client.PATCH('/api/v1/platform/rejection-reasons/{id}', {
              params: { path: { id } },
              body: { names },
            }),
          )
        : call<RejectionReason>(
            client.POST('/api/v1/platform/rejection-reasons', { body: { key: key ?? '', names } }),
          ),
    onSuccess: invalidate,
  });
}

export function useSetRejectionReasonActive() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      active
        ? call<RejectionReason>(
            client.POST('/api/v1/platform/rejection-reasons/{id}/activate', { params: { path: { id } } }),
          )
        : call<RejectionReason>(
            client.POST('/api/v1/platform/rejection-reasons/{id}/deactivate', { params: { path: { id } } }),
          ),
    onSuccess: invalidate,
  });
}

export function useReorderRejectionReasons() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (ids: string[]) =>
      call<{ items: RejectionReason[] }>(
        client.PUT('/api/v1/platform/rejection-reasons/order', { body: { ids } }),
      ),
    onSuccess: invalidate,
  });
}

// Exchange rates and settings

export function useExchangeRates(filters: RateFilters) {
  return useInfiniteQuery({
    queryKey: catalogKeys.rates(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<{ items: ExchangeRate[]; nextCursor: string | null }>(
        client.GET('/api/v1/platform/exchange-rates', {
          params: { query: { ...filters, limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useLatestRates() {
  return useQuery({
    queryKey: catalogKeys.latestRates(),
    queryFn: () =>
      call<{ items: ExchangeRate[] }>(
        client.GET('/api/v1/platform/exchange-rates/latest', { params: { query: {} } }),
      ),
  });
}

export function useSetRate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { base: string; quote: string; day?: string; rate: string }) =>
      call<ExchangeRate>(client.POST('/api/v1/platform/exchange-rates', { body })),
    onSuccess: invalidate,
  });
}

export function useDeleteRate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (key: { base: string; quote: string; day: string }) =>
      call<unknown>(
        client.DELETE('/api/v1/platform/exchange-rates/{base}/{quote}/{day}', { params: { path: key } }),
      ),
    onSuccess: invalidate,
  });
}

export function usePlatformSettings() {
  return useQuery({
    queryKey: catalogKeys.settings(),
    queryFn: () => call<{ priceQuarantineFactor: number }>(client.GET('/api/v1/platform/settings')),
  });
}

export function useUpdatePlatformSettings() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { priceQuarantineFactor: number }) =>
      call<{ priceQuarantineFactor: number }>(client.PATCH('/api/v1/platform/settings', { body })),
    onSuccess: invalidate,
  });
}

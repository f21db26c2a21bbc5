import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type RequestBody } from '../../shared/api/client';
import { sessionKey } from '../../shared/api/session';

export interface Address {
  name: string;
  phone?: string;
  country: string;
  region?: string;
  city: string;
  line1: string;
  line2?: string;
  postalCode?: string;
}

export interface Store {
  id: string;
  name: string;
  logoUrl: string | null;
  description: string | null;
  marketCountry: string;
  currency: string;
  defaultLanguage: string;
  returnAddress: Address | null;
  shipFromAddress: Address | null;
  status: 'active' | 'archived' | string;
  createdAt: string;
}

export interface StoreInput {
  name: string;
  logoUrl?: string | null;
  description?: string | null;
  marketCountry: string;
  currency: string;
  defaultLanguage: string;
  returnAddress?: Address | null;
  shipFromAddress?: Address | null;
}

export const storeKeys = {
  all: ['stores'] as const,
  list: () => [...storeKeys.all, 'list'] as const,
  detail: (id: string) => [...storeKeys.all, 'detail', id] as const,
};

export function useStores(enabled = true) {
  return useQuery({
    queryKey: storeKeys.list(),
    queryFn: async () => (await call<{ items: Store[] }>(client.GET('/api/v1/seller/stores'))).items ?? [],
    enabled,
  });
}

export function useStore(id: string) {
  return useQuery({
    queryKey: storeKeys.detail(id),
    queryFn: () => call<Store>(client.GET('/api/v1/seller/stores/{id}', { params: { path: { id } } })),
  });
}

function useStoreMutation<T, R = unknown>(fn: (input: T) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: storeKeys.all });
      await qc.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useCreateStore() {
  return useStoreMutation((body: StoreInput) =>
    call<Store>(
      client.POST('/api/v1/seller/stores', { body: body as RequestBody<'/api/v1/seller/stores', 'post'> }),
    ),
  );
}

export function useUpdateStore(id: string) {
  return useStoreMutation((body: Partial<StoreInput>) =>
    call<Store>(
      client.PATCH('/api/v1/seller/stores/{id}', {
        params: { path: { id } },
        body: body as RequestBody<'/api/v1/seller/stores/{id}', 'patch'>,
      }),
    ),
  );
}

export function useArchiveStore() {
  return useStoreMutation((id: string) =>
    call<unknown>(client.POST('/api/v1/seller/stores/{id}/archive', { params: { path: { id } } })),
  );
}

export function useRestoreStore() {
  return useStoreMutation((id: string) =>
    call<unknown>(client.POST('/api/v1/seller/stores/{id}/restore', { params: { path: { id } } })),
  );
}

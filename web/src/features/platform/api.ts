import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../shared/api/client';
import type { SellerStatus } from '../../shared/api/session';

export interface PlatformSeller {
  id: string;
  displayName: string;
  legalName: string;
  country: string;
  defaultCurrency?: string;
  status: SellerStatus;
  statusReason: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  registrationNumber?: string | null;
  registeredAddress?: string | null;
  legalRepresentative?: string | null;
  taxId?: string | null;
  createdAt: string;
  ownerEmail?: string | null;
  pendingLegalChange?: { fields: Record<string, string>; requestedAt: string } | null;
}

export interface SellerDetail extends PlatformSeller {
  history: {
    fromStatus: string | null;
    toStatus: string;
    reason: string | null;
    actorLabel: string | null;
    createdAt: string;
  }[];
  membersCount?: number;
  memberCount?: number;
  stores?: { id: string; name: string; currency: string; status: string; marketCountry?: string }[];
}

export interface SellerFilters {
  status?: SellerStatus;
  q?: string;
}

export type SellerAction = 'approve' | 'reject' | 'suspend' | 'reinstate' | 'legal-approve' | 'legal-reject';

export const platformKeys = {
  all: ['platform'] as const,
  sellers: (filters: SellerFilters) => [...platformKeys.all, 'sellers', filters] as const,
  seller: (id: string) => [...platformKeys.all, 'seller', id] as const,
};

export function usePlatformSellers(filters: SellerFilters) {
  return useInfiniteQuery({
    queryKey: platformKeys.sellers(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<{ items: PlatformSeller[]; nextCursor: string | null }>(
        client.GET('/api/v1/platform/sellers', {
          params: { query: { ...filters, limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePlatformSeller(id: string) {
  return useQuery({
    queryKey: platformKeys.seller(id),
    queryFn: () =>
      call<SellerDetail>(client.GET('/api/v1/platform/sellers/{id}', { params: { path: { id } } })),
  });
}

export function useSellerAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: SellerAction; reason?: string }) => {
      const path = { params: { path: { id } } };
      const body = { reason: reason ?? '' };
      switch (action) {
        case 'approve':
          return call<unknown>(client.POST('/api/v1/platform/sellers/{id}/approve', path));
        case 'reject':
          return call<unknown>(client.POST('/api/v1/platform/sellers/{id}/reject', { ...path, body }));
        case 'suspend':
          return call<unknown>(client.POST('/api/v1/platform/sellers/{id}/suspend', { ...path, body }));
        case 'reinstate':
          return call<unknown>(client.POST('/api/v1/platform/sellers/{id}/reinstate', path));
        case 'legal-approve':
          return call<unknown>(client.POST('/api/v1/platform/sellers/{id}/legal-change/approve', path));
        default:
          return call<unknown>(
            client.POST('/api/v1/platform/sellers/{id}/legal-change/reject', { ...path, body }),
          );
      }
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: platformKeys.all }),
  });
}

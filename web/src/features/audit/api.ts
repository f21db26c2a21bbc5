import { useInfiniteQuery } from '@tanstack/react-query';
import { call, client } from '../../shared/api/client';

export interface AuditEntry {
  id: string;
  createdAt: string;
  actorLabel: string | null;
  actorKind: string;
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: Record<string, { from?: unknown; to?: unknown }> | null;
  ip: string | null;
  sellerId?: string | null;
}

export interface AuditFilters {
  action?: string;
  entityType?: string;
  actorId?: string;
  from?: string;
  to?: string;
}

export type AuditScope = 'seller' | 'platform';

export const auditKeys = {
  all: ['audit'] as const,
  list: (scope: AuditScope, filters: AuditFilters) => [...auditKeys.all, scope, filters] as const,
};

export function useAuditLog(scope: AuditScope, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(scope, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const query = { ...filters, limit: 50, cursor: pageParam };
      const request =
        scope === 'seller'
          ? client.GET('/api/v1/seller/audit-log', { params: { query } })
          : client.GET('/api/v1/platform/audit-log', { params: { query } });
      return call<{ items: AuditEntry[]; nextCursor: string | null }>(request);
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

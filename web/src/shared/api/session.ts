import { useQuery } from '@tanstack/react-query';
import { ApiError, call, client, setCsrfToken } from './client';

export type SellerStatus = 'pending_review' | 'active' | 'rejected' | 'suspended';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  locale: string;
  kind: 'seller' | 'operator';
  totpEnabled: boolean;
  emailVerified: boolean;
}

export interface SessionSeller {
  id: string;
  displayName: string;
  legalName: string;
  status: SellerStatus;
  statusReason: string | null;
  require2fa: boolean;
  defaultCurrency?: string;
}

export interface SessionStore {
  id: string;
  name: string;
  currency: string;
  status: string;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  mfaPending: boolean;
  seller: SessionSeller | null;
  memberships: { sellerId: string; displayName: string }[];
  permissions: string[];
  stores: SessionStore[];
  storeIds: string[] | null;
}

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await call<Session>(client.GET('/api/auth/session'));
    setCsrfToken(session.csrfToken ?? null);
    return {
      ...session,
      permissions: session.permissions ?? [],
      stores: session.stores ?? [],
      memberships: session.memberships ?? [],
    };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in user, or null. Every page reads it through this one cached query. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000, retry: 1 });
}

/** Permission check; `*` patterns from the server are honoured too. */
export function hasPermission(permissions: readonly string[] | undefined, needed: string): boolean {
  if (!permissions) return false;
  const [resource] = needed.split(':');
  return permissions.some(
    (p) => p === needed || p === '*' || p === `${resource}:*` || (p === '*:read' && needed.endsWith(':read')),
  );
}

export function usePermissions() {
  const { data } = useSession();
  const permissions = data?.permissions ?? [];
  return {
    permissions,
    can: (needed: string) => hasPermission(permissions, needed),
    canAny: (...needed: string[]) => needed.some((n) => hasPermission(permissions, n)),
    /** False for members limited to some stores (they cannot create new ones). */
    allStores: data?.storeIds === null,
  };
}

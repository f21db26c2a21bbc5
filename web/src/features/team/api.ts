import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, type RequestBody } from '../../shared/api/client';
import type { LoginLogEntry } from '../account/api';

export interface Member {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: string | null;
  customRoleId: string | null;
  roleName: string | null;
  storeIds: string[] | null;
  status: string;
  totpEnabled: boolean;
  createdAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  name?: string | null;
  role: string | null;
  customRoleId: string | null;
  roleName?: string | null;
  storeIds: string[] | null;
  status?: string;
  expiresAt?: string;
  createdAt: string;
  invitedBy?: string | null;
}

export interface Role {
  id: string;
  name: string;
  builtIn: boolean;
  permissions: string[];
  description: string | null;
}

export interface PermissionDef {
  key: string;
  resource: string;
  action: string;
}

export interface InviteInput {
  email: string;
  name?: string;
  role?: string;
  customRoleId?: string;
  storeIds?: string[] | null;
}

export const teamKeys = {
  all: ['team'] as const,
  members: () => [...teamKeys.all, 'members'] as const,
  invitations: () => [...teamKeys.all, 'invitations'] as const,
  roles: () => [...teamKeys.all, 'roles'] as const,
  permissions: () => [...teamKeys.all, 'permissions'] as const,
  loginLog: () => [...teamKeys.all, 'login-log'] as const,
};

export function useMembers(enabled = true) {
  return useQuery({
    queryKey: teamKeys.members(),
    queryFn: async () => (await call<{ items: Member[] }>(client.GET('/api/v1/seller/members'))).items ?? [],
    enabled,
  });
}

export function useInvitations(enabled = true) {
  return useQuery({
    queryKey: teamKeys.invitations(),
    queryFn: async () =>
      (await call<{ items: Invitation[] }>(client.GET('/api/v1/seller/invitations'))).items ?? [],
    enabled,
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: teamKeys.roles(),
    queryFn: async () => (await call<{ items: Role[] }>(client.GET('/api/v1/seller/roles'))).items ?? [],
    enabled,
  });
}

export function usePermissionDefs(enabled = true) {
  return useQuery({
    queryKey: teamKeys.permissions(),
    queryFn: async () =>
      (await call<{ items: PermissionDef[] }>(client.GET('/api/v1/seller/permissions'))).items ?? [],
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useTeamLoginLog(enabled = true) {
  return useInfiniteQuery({
    queryKey: teamKeys.loginLog(),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<{ items: LoginLogEntry[]; nextCursor: string | null }>(
        client.GET('/api/v1/seller/login-log', { params: { query: { limit: 20, cursor: pageParam } } }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

function useTeamMutation<T>(fn: (input: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: teamKeys.all }) });
}

export function useUpdateMember() {
  return useTeamMutation(
    ({ id, ...body }: { id: string; role?: string; customRoleId?: string; storeIds?: string[] | null }) =>
      call<unknown>(
        client.PATCH('/api/v1/seller/members/{id}', {
          params: { path: { id } },
          body: body as RequestBody<'/api/v1/seller/members/{id}', 'patch'>,
        }),
      ),
  );
}

export function useMemberAction() {
  return useTeamMutation(({ id, action }: { id: string; action: 'deactivate' | 'reactivate' | 'remove' }) => {
    const params = { params: { path: { id } } };
    if (action === 'deactivate')
      return call<unknown>(client.POST('/api/v1/seller/members/{id}/deactivate', params));
    if (action === 'reactivate')
      return call<unknown>(client.POST('/api/v1/seller/members/{id}/reactivate', params));
    return call<unknown>(client.DELETE('/api/v1/seller/members/{id}', params));
  });
}

export function useInvite() {
  return useTeamMutation((body: InviteInput) =>
    call<unknown>(
      client.POST('/api/v1/seller/invitations', {
        body: body as RequestBody<'/api/v1/seller/invitations', 'post'>,
      }),
    ),
  );
}

export function useRevokeInvitation() {
  return useTeamMutation((id: string) =>
    call<unknown>(client.DELETE('/api/v1/seller/invitations/{id}', { params: { path: { id } } })),
  );
}

export function useResendInvitation() {
  return useTeamMutation((id: string) =>
    call<unknown>(client.POST('/api/v1/seller/invitations/{id}/resend', { params: { path: { id } } })),
  );
}

export function useSaveRole() {
  return useTeamMutation(
    ({ id, ...body }: { id?: string; name: string; description?: string; permissions: string[] }) =>
      id
        ? call<unknown>(client.PATCH('/api/v1/seller/roles/{id}', { params: { path: { id } }, body }))
        : call<unknown>(client.POST('/api/v1/seller/roles', { body })),
  );
}

export function useDeleteRole() {
  return useTeamMutation((id: string) =>
    call<unknown>(client.DELETE('/api/v1/seller/roles/{id}', { params: { path: { id } } })),
  );
}

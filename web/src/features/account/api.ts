import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../shared/api/client';
import { sessionKey } from '../../shared/api/session';
import type { Locale } from '../../shared/lib/options';

export interface UserSession {
  id: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export interface LoginLogEntry {
  id: string;
  createdAt: string;
  ip: string | null;
  userAgent: string | null;
  success: boolean;
  reason: string | null;
  email: string;
  name?: string | null;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export const accountKeys = {
  all: ['account'] as const,
  sessions: () => [...accountKeys.all, 'sessions'] as const,
  loginLog: () => [...accountKeys.all, 'login-log'] as const,
};

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; locale?: Locale }) =>
      call<unknown>(client.PATCH('/api/auth/me', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      call<unknown>(client.POST('/api/auth/me/password', { body })),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: accountKeys.sessions(),
    queryFn: async () =>
      (await call<{ items: UserSession[] }>(client.GET('/api/auth/me/sessions'))).items ?? [],
  });
}

export function useRevokeSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call<unknown>(client.DELETE('/api/auth/me/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

export function useRevokeOtherSessions() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call<unknown>(client.POST('/api/auth/me/sessions/revoke-others')),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.sessions() }),
  });
}

export function useMyLoginLog() {
  return useInfiniteQuery({
    queryKey: accountKeys.loginLog(),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<{ items: LoginLogEntry[]; nextCursor: string | null }>(
        client.GET('/api/auth/me/login-log', { params: { query: { limit: 20, cursor: pageParam } } }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: () => call<TotpSetup>(client.POST('/api/auth/me/2fa/setup')) });
}

export function useTotpEnable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      call<{ recoveryCodes: string[] }>(client.POST('/api/auth/me/2fa/enable', { body: { code } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useTotpDisable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => call<unknown>(client.POST('/api/auth/me/2fa/disable', { body: { code } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useRegenerateRecoveryCodes() {
  return useMutation({
    mutationFn: (code: string) =>
      call<{ recoveryCodes: string[] }>(client.POST('/api/auth/me/2fa/recovery-codes', { body: { code } })),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client, setCsrfToken } from '../../shared/api/client';
import { sessionKey } from '../../shared/api/session';
import type { Locale } from '../../shared/lib/options';

export const authKeys = {
  all: ['auth'] as const,
  invitation: (token: string) => [...authKeys.all, 'invitation', token] as const,
};

export interface SignUpInput {
  legalName: string;
  displayName?: string;
  country: string;
  defaultCurrency: string;
  name: string;
  email: string;
  password: string;
  locale?: Locale;
}

export interface InvitationPreview {
  sellerName: string;
  email: string;
  role: string;
  hasAccount: boolean;
}

export function useSignUp() {
  return useMutation({
    mutationFn: (body: SignUpInput) =>
      call<{ userId: string; sellerId: string; email: string }>(client.POST('/api/auth/sign-up', { body })),
  });
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      call<{ mfaRequired: boolean }>(client.POST('/api/auth/sign-in', { body })),
    onSuccess: () => {
      setCsrfToken(null);
      // Drop the cached (signed-out or MFA-pending) session so guards wait for the fresh one.
      qc.removeQueries({ queryKey: sessionKey });
    },
  });
}

export function useVerifyTwoFactor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { code?: string; recoveryCode?: string }) =>
      call<{ ok: boolean }>(client.POST('/api/auth/2fa/verify', { body })),
    onSuccess: () => {
      setCsrfToken(null);
      // Drop the cached (signed-out or MFA-pending) session so guards wait for the fresh one.
      qc.removeQueries({ queryKey: sessionKey });
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call<unknown>(client.POST('/api/auth/sign-out')),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
  });
}

export function useSwitchSeller() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (sellerId: string) =>
      call<unknown>(client.POST('/api/auth/switch-seller', { body: { sellerId } })),
    onSuccess: async () => {
      await qc.resetQueries();
    },
  });
}

export function useVerifyEmail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      call<{ verified: boolean }>(client.POST('/api/auth/verify-email', { body: { token } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKey }),
  });
}

export function useResendVerification() {
  return useMutation({
    mutationFn: (email: string) =>
      call<unknown>(client.POST('/api/auth/resend-verification', { body: { email } })),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (email: string) =>
      call<unknown>(client.POST('/api/auth/forgot-password', { body: { email } })),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      call<unknown>(client.POST('/api/auth/reset-password', { body })),
  });
}

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: authKeys.invitation(token),
    queryFn: () =>
      call<InvitationPreview>(client.GET('/api/auth/invitations/{token}', { params: { path: { token } } })),
    retry: false,
    enabled: token.length > 0,
  });
}

export function useAcceptInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { token: string; name?: string; password?: string }) =>
      call<{ sellerId: string }>(client.POST('/api/auth/invitations/accept', { body })),
    onSuccess: async () => {
      setCsrfToken(null);
      await qc.resetQueries();
    },
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call, client } from '../../shared/api/client';
import { sessionKey } from '../../shared/api/session';

export const LEGAL_FIELDS = [
  'legalName',
  'registrationNumber',
  'registeredAddress',
  'legalRepresentative',
  'taxId',
] as const;
export type LegalField = (typeof LEGAL_FIELDS)[number];
export type LegalFields = Partial<Record<LegalField, string>>;

export interface Company {
  id: string;
  displayName: string;
  legalName: string;
  registrationNumber?: string | null;
  registeredAddress?: string | null;
  legalRepresentative?: string | null;
  taxId?: string | null;
  country: string;
  defaultCurrency: string;
  status: string;
  statusReason?: string | null;
  contactEmail: string;
  contactPhone: string | null;
  require2fa: boolean;
  createdAt?: string;
  pendingLegalChange: {
    fields: LegalFields;
    requestedAt: string;
    status?: string;
    reviewStatus?: string;
    reason?: string | null;
    rejectionReason?: string | null;
  } | null;
  lastLegalChange?: { status: string; reason?: string | null; reviewedAt?: string } | null;
}

export const companyKeys = {
  all: ['company'] as const,
  detail: () => [...companyKeys.all, 'detail'] as const,
};

export function useCompany(enabled = true) {
  return useQuery({
    queryKey: companyKeys.detail(),
    queryFn: () => call<Company>(client.GET('/api/v1/seller/company')),
    enabled,
  });
}

function useCompanyMutation<T>(fn: (input: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: companyKeys.all });
      await qc.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useUpdateCompany() {
  return useCompanyMutation(
    (body: { displayName?: string; contactEmail?: string; contactPhone?: string | null }) =>
      call<unknown>(client.PATCH('/api/v1/seller/company', { body })),
  );
}

export function useRequestLegalChange() {
  return useCompanyMutation((fields: LegalFields) =>
    call<unknown>(client.POST('/api/v1/seller/company/legal-change', { body: { fields } })),
  );
}

export function useCancelLegalChange() {
  return useCompanyMutation(() => call<unknown>(client.DELETE('/api/v1/seller/company/legal-change')));
}

export function useResubmitApplication() {
  return useCompanyMutation(() => call<unknown>(client.POST('/api/v1/seller/company/resubmit')));
}

export function useSetSecurityPolicy() {
  return useCompanyMutation((require2fa: boolean) =>
    call<unknown>(client.PUT('/api/v1/seller/company/security-policy', { body: { require2fa } })),
  );
}

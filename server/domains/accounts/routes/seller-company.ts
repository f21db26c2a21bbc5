import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { sellerCtx } from '../../../platform/http/context';
import { LEGAL_FIELDS, SELLER_STATUSES } from '../schema';
import {
  cancelLegalChange,
  getCompany,
  legalChangeInput,
  requestLegalChange,
  resubmitApplication,
  securityPolicyInput,
  setSecurityPolicy,
  updateCompany,
  updateCompanyInput,
} from '../service/company';

const tags = ['company'];

export const legalChangeSchema = z
  .object({
    fields: z
      .partialRecord(z.enum(LEGAL_FIELDS), z.string())
      .describe('Requested new values of legal fields.'),
    requestedAt: z.string().describe('ISO 8601 time of the request.'),
    requestedBy: z.string().describe('Email of the member who asked.'),
  })
  .meta({ id: 'LegalChangeRequest' });

export const companySchema = z
  .object({
    id: z.string(),
    legalName: z.string(),
    displayName: z.string(),
    country: z.string().describe('Country of registration, ISO 3166-1 alpha-2.'),
    defaultCurrency: z.string().describe('ISO 4217 currency the seller reports in.'),
    contactEmail: z.string(),
    contactPhone: z.string().nullable(),
    registrationNumber: z.string().nullable(),
    registeredAddress: z.string().nullable(),
    legalRepresentative: z.string().nullable(),
    taxId: z.string().nullable(),
    status: z.enum(SELLER_STATUSES),
    statusReason: z.string().nullable().describe('Why the seller was rejected or suspended.'),
    require2fa: z.boolean().describe('Every member must use two-factor authentication.'),
    pendingLegalChange: legalChangeSchema
      .nullable()
      .describe('A change of legal data waiting for platform review.'),
    createdAt: z.string().describe('ISO 8601.'),
  })
  .meta({ id: 'Company' });

/** The seller's own company profile, legal-data changes and security policy. */
export async function sellerCompanyRoutes(app: App) {
  app.get(
    '/api/v1/seller/company',
    {
      config: { auth: 'seller', permission: 'account:read' },
      schema: {
        operationId: 'getCompany',
        tags,
        summary: 'The company profile of the active seller',
        response: { 200: companySchema },
      },
    },
    async (req) => getCompany(sellerCtx(req)),
  );

  app.patch(
    '/api/v1/seller/company',
    {
      config: { auth: 'seller', permission: 'account:manage' },
      schema: {
        operationId: 'updateCompany',
        tags,
        summary: 'Change display name and contact data',
        description:
          'Legal data is changed with POST /api/v1/seller/company/legal-change and platform review.',
        body: updateCompanyInput,
        response: { 200: companySchema },
      },
    },
    async (req) => updateCompany(sellerCtx(req), req.body),
  );

  app.post(
    '/api/v1/seller/company/legal-change',
    {
      config: { auth: 'seller', permission: 'account:owner' },
      schema: {
        operationId: 'requestLegalChange',
        tags,
        summary: 'Ask the platform to change legal data',
        description:
          'Owners only. The change takes effect when a platform operator approves it; ' +
          'one request at a time (409 legal_change_pending).',
        body: legalChangeInput,
        response: { 200: companySchema },
      },
    },
    async (req) => requestLegalChange(sellerCtx(req), req.body),
  );

  app.delete(
    '/api/v1/seller/company/legal-change',
    {
      config: { auth: 'seller', permission: 'account:owner' },
      schema: {
        operationId: 'cancelLegalChange',
        tags,
        summary: 'Withdraw the pending change of legal data',
        response: { 200: companySchema },
      },
    },
    async (req) => cancelLegalChange(sellerCtx(req)),
  );

  app.put(
    '/api/v1/seller/company/security-policy',
    {
      config: { auth: 'seller', permission: 'account:owner' },
      schema: {
        operationId: 'setSecurityPolicy',
        tags,
        summary: 'Require two-factor authentication for every member',
        body: securityPolicyInput,
        response: { 200: companySchema },
      },
    },
    async (req) => setSecurityPolicy(sellerCtx(req), req.body),
  );

  app.post(
    '/api/v1/seller/company/resubmit',
    {
      config: { auth: 'seller', permission: 'account:owner' },
      schema: {
        operationId: 'resubmitApplication',
        tags,
        summary: 'Send a rejected application back to platform review',
        response: { 200: companySchema },
      },
    },
    async (req) => resubmitApplication(sellerCtx(req)),
  );
}

import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { platformCtx } from '../../../platform/http/context';
import { pageOf } from '../../../platform/http/pagination';
import { SELLER_STATUSES, STORE_STATUSES } from '../schema';
import {
  approveLegalChange,
  approveSeller,
  getSellerDetail,
  listSellers,
  reasonInput,
  reinstateSeller,
  rejectLegalChange,
  rejectSeller,
  sellerListQuery,
  suspendSeller,
} from '../service/seller-review';
import { companySchema } from './seller-company';

const tags = ['platform-sellers'];
const idParams = z.object({ id: z.uuid().describe('Seller id.') });

export const sellerDetailSchema = companySchema
  .extend({
    history: z
      .array(
        z.object({
          fromStatus: z.string().nullable().describe('Null for the sign-up row.'),
          toStatus: z.string().describe(`One of ${SELLER_STATUSES.join(', ')}.`),
          reason: z.string().nullable(),
          actorLabel: z.string(),
          createdAt: z.string().describe('ISO 8601.'),
        }),
      )
      .describe('Status changes, newest first.'),
    memberCount: z.number().int().describe('Active members.'),
    stores: z.array(
      z.object({ id: z.string(), name: z.string(), currency: z.string(), status: z.enum(STORE_STATUSES) }),
    ),
  })
  .meta({ id: 'SellerDetail' });

/** Operators: the seller directory, application review, suspension and legal-data review. */
export async function platformSellerRoutes(app: App) {
  app.get(
    '/api/v1/platform/sellers',
    {
      config: { auth: 'platform', permission: 'sellers:read' },
      schema: {
        operationId: 'listSellers',
        tags,
        summary: 'Sellers, newest first',
        querystring: sellerListQuery,
        response: { 200: pageOf(companySchema) },
      },
    },
    async (req) => listSellers(platformCtx(req), req.query),
  );

  app.get(
    '/api/v1/platform/sellers/:id',
    {
      config: { auth: 'platform', permission: 'sellers:read' },
      schema: {
        operationId: 'getSeller',
        tags,
        summary: 'A seller with its status history, team size and stores',
        params: idParams,
        response: { 200: sellerDetailSchema },
      },
    },
    async (req) => getSellerDetail(platformCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/platform/sellers/:id/approve',
    {
      config: { auth: 'platform', permission: 'sellers:review' },
      schema: {
        operationId: 'approveSeller',
        tags,
        summary: 'Approve a pending application',
        params: idParams,
        response: { 200: companySchema },
      },
    },
    async (req) => approveSeller(platformCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/platform/sellers/:id/reject',
    {
      config: { auth: 'platform', permission: 'sellers:review' },
      schema: {
        operationId: 'rejectSeller',
        tags,
        summary: 'Reject a pending application, with the reason the seller will see',
        params: idParams,
        body: reasonInput,
        response: { 200: companySchema },
      },
    },
    async (req) => rejectSeller(platformCtx(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/platform/sellers/:id/suspend',
    {
      config: { auth: 'platform', permission: 'sellers:review' },
      schema: {
        operationId: 'suspendSeller',
        tags,
        summary: 'Suspend an active seller: members can still read, not write',
        params: idParams,
        body: reasonInput,
        response: { 200: companySchema },
      },
    },
    async (req) => suspendSeller(platformCtx(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/platform/sellers/:id/reinstate',
    {
      config: { auth: 'platform', permission: 'sellers:review' },
      schema: {
        operationId: 'reinstateSeller',
        tags,
        summary: 'Lift a suspension',
        params: idParams,
        response: { 200: companySchema },
      },
    },
    async (req) => reinstateSeller(platformCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/platform/sellers/:id/legal-change/approve',
    {
      config: { auth: 'platform', permission: 'sellers:review' },
      schema: {
        operationId: 'approveLegalChange',
        tags,
        summary: 'Apply the requested legal data (409 no_legal_change when none is pending)',
        params: idParams,
        response: { 200: companySchema },
      },
    },
    async (req) => approveLegalChange(platformCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/platform/sellers/:id/legal-change/reject',
    {
      config: { auth: 'platform', permission: 'sellers:review' },
      schema: {
        operationId: 'rejectLegalChange',
        tags,
        summary: 'Refuse the requested legal data, with the reason the seller will see',
        params: idParams,
        body: reasonInput,
        response: { 200: companySchema },
      },
    },
    async (req) => rejectLegalChange(platformCtx(req), req.params.id, req.body),
  );
}

import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { platformCtx } from '../../../platform/http/context';
import { pageOf } from '../../../platform/http/pagination';
import { SALE_STATES } from '../schema';
import { operatorSuspension } from '../service/lifecycle';
import {
  approveInput,
  approveListing,
  getReviewDetail,
  listReviewQueue,
  rejectInput,
  rejectListing,
  reviewQueueQuery,
} from '../service/review';
import { reviewDetailSchema, reviewQueueItemSchema } from './schemas';

const tags = ['listing-review'];
const idParams = z.object({ id: z.uuid().describe('Review id.') });
const productParams = z.object({ id: z.uuid().describe('Product id.') });

/** The operators' listing review (listings:read to look, listings:review to decide). */
export async function listingReviewRoutes(app: App) {
  app.get(
    '/api/v1/platform/listings',
    {
      config: { auth: 'platform', permission: 'listings:read' },
      schema: {
        operationId: 'listListingQueue',
        tags,
        summary: 'Listings waiting for review, oldest submission first',
        description: 'Errors: 400 invalid_cursor.',
        querystring: reviewQueueQuery,
        response: { 200: pageOf(reviewQueueItemSchema) },
      },
    },
    async (req) => listReviewQueue(platformCtx(req), req.query),
  );

  app.get(
    '/api/v1/platform/listings/:id',
    {
      config: { auth: 'platform', permission: 'listings:read' },
      schema: {
        operationId: 'getListingReview',
        tags,
        summary:
          'One submission: snapshot, seller, category rules, changes against the published copy, earlier decisions',
        params: idParams,
        response: { 200: reviewDetailSchema },
      },
    },
    async (req) => getReviewDetail(platformCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/platform/listings/:id/approve',
    {
      config: { auth: 'platform', permission: 'listings:review' },
      schema: {
        operationId: 'approveListing',
        tags,
        summary: 'Approve a submission',
        description:
          'The snapshot becomes the published copy. A first approval puts the product on sale (unlisted → ' +
          'active); a deactivated or suspended product keeps its sale state. The seller is notified ' +
          '(listing.approved). 409 review_decided when another reviewer decided first.',
        params: idParams,
        body: approveInput.optional(),
        response: { 200: reviewDetailSchema },
      },
    },
    async (req) => approveListing(platformCtx(req), req.params.id, req.body ?? {}),
  );

  app.post(
    '/api/v1/platform/listings/:id/reject',
    {
      config: { auth: 'platform', permission: 'listings:review' },
      schema: {
        operationId: 'rejectListing',
        tags,
        summary: 'Reject a submission with reasons',
        description:
          'One or more active reasons from the platform’s list, plus a note for the seller. A listing already ' +
          'on sale keeps its published copy. The seller is notified (listing.rejected) with the reasons in ' +
          'their language. 400 rejection_reason_invalid (errors[] at body.reasonKeys.<i>), 409 review_decided.',
        params: idParams,
        body: rejectInput,
        response: { 200: reviewDetailSchema },
      },
    },
    async (req) => rejectListing(platformCtx(req), req.params.id, req.body),
  );

  const suspensionResult = z
    .object({ productId: z.string(), saleState: z.enum(SALE_STATES) })
    .meta({ id: 'ProductSuspension' });

  app.post(
    '/api/v1/platform/products/:id/suspend',
    {
      config: { auth: 'platform', permission: 'listings:review' },
      schema: {
        operationId: 'suspendProduct',
        tags,
        summary: 'Suspend a listing (take it off sale for a platform reason)',
        description:
          'active or inactive → suspended; the seller is notified (listing.suspended) with the reason. ' +
          '409 invalid_transition from other states.',
        params: productParams,
        body: z
          .object({ reason: z.string().trim().min(1).max(1000).describe('Shown to the seller.') })
          .strict(),
        response: { 200: suspensionResult },
      },
    },
    async (req) => operatorSuspension(platformCtx(req), req.params.id, 'suspend', req.body.reason),
  );

  app.post(
    '/api/v1/platform/products/:id/unsuspend',
    {
      config: { auth: 'platform', permission: 'listings:review' },
      schema: {
        operationId: 'unsuspendProduct',
        tags,
        summary: 'Lift a suspension',
        description:
          'suspended → the sale state it had before (active or inactive). 409 invalid_transition when not suspended.',
        params: productParams,
        body: z
          .object({ reason: z.string().trim().max(1000).optional() })
          .strict()
          .optional(),
        response: { 200: suspensionResult },
      },
    },
    async (req) => operatorSuspension(platformCtx(req), req.params.id, 'unsuspend', req.body?.reason ?? null),
  );
}

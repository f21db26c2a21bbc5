import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { sellerCtx } from '../../../platform/http/context';
import { pageOf } from '../../../platform/http/pagination';
import { confirmPriceHold, discardPriceHold } from '../service/price-holds';
import { listPriceHolds, priceHoldListQuery } from '../service/pricing';
import { priceHoldSchema } from './schemas';

const tags = ['products'];
const idParams = z.object({ id: z.uuid().describe('Price hold id.') });

/** Price changes held by the price quarantine, and the seller's decision on them. */
export async function priceHoldRoutes(app: App) {
  app.get(
    '/api/v1/seller/price-holds',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'listPriceHolds',
        tags,
        summary: 'Price changes held by the price quarantine',
        description:
          'A change that multiplies or divides a price by the platform’s quarantine factor (default 3) or ' +
          'more waits here; the old price stays until it is confirmed. Newest first.',
        querystring: priceHoldListQuery,
        response: { 200: pageOf(priceHoldSchema) },
      },
    },
    async (req) => listPriceHolds(sellerCtx(req), req.query),
  );

  app.post(
    '/api/v1/seller/price-holds/:id/confirm',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'confirmPriceHold',
        tags,
        summary: 'Apply a held price change',
        description:
          'The held prices apply (follow prices and store listings follow). 409 price_hold_decided when it was ' +
          'already confirmed or discarded (or replaced by a later change).',
        params: idParams,
        response: { 200: priceHoldSchema },
      },
    },
    async (req) => confirmPriceHold(sellerCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/seller/price-holds/:id/discard',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'discardPriceHold',
        tags,
        summary: 'Drop a held price change (the current price stays)',
        description: '409 price_hold_decided when it was already decided.',
        params: idParams,
        response: { 200: priceHoldSchema },
      },
    },
    async (req) => discardPriceHold(sellerCtx(req), req.params.id),
  );
}

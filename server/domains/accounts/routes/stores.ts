import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { sellerCtx } from '../../../platform/http/context';
import { STORE_STATUSES } from '../schema';
import {
  addressSchema,
  archiveStore,
  createStore,
  createStoreInput,
  getStore,
  listStores,
  restoreStore,
  STORE_LANGUAGES,
  updateStore,
  updateStoreInput,
} from '../service/stores';

const tags = ['stores'];

export const storeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    logoUrl: z.string().nullable(),
    description: z.string().nullable(),
    marketCountry: z.string().describe('ISO 3166-1 alpha-2.'),
    currency: z.string().describe('ISO 4217.'),
    defaultLanguage: z.string().describe(`One of ${STORE_LANGUAGES.join(', ')}.`),
    returnAddress: addressSchema.nullable(),
    shipFromAddress: addressSchema.nullable(),
    status: z.enum(STORE_STATUSES),
    createdAt: z.string().describe('ISO 8601.'),
    updatedAt: z.string().describe('ISO 8601.'),
  })
  .meta({ id: 'Store' });

const idParams = z.object({ id: z.uuid().describe('Store id.') });

/** The seller's stores (one per brand or market). */
export async function storeRoutes(app: App) {
  app.get(
    '/api/v1/seller/stores',
    {
      config: { auth: 'seller', permission: 'stores:read' },
      schema: {
        operationId: 'listStores',
        tags,
        summary: 'Stores of the active seller',
        description: 'A member limited to some stores sees only those.',
        querystring: z.object({ status: z.enum(STORE_STATUSES).optional().describe('Only this status.') }),
        response: { 200: z.object({ items: z.array(storeSchema) }) },
      },
    },
    async (req) => ({ items: await listStores(sellerCtx(req), req.query) }),
  );

  app.post(
    '/api/v1/seller/stores',
    {
      config: { auth: 'seller', permission: 'stores:manage' },
      schema: {
        operationId: 'createStore',
        tags,
        summary: 'Open a store',
        description: 'Names are unique within the seller, ignoring case (409 store_name_taken).',
        body: createStoreInput,
        response: { 201: storeSchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createStore(sellerCtx(req), req.body);
    },
  );

  app.get(
    '/api/v1/seller/stores/:id',
    {
      config: { auth: 'seller', permission: 'stores:read' },
      schema: {
        operationId: 'getStore',
        tags,
        summary: 'One store',
        params: idParams,
        response: { 200: storeSchema },
      },
    },
    async (req) => getStore(sellerCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/seller/stores/:id',
    {
      config: { auth: 'seller', permission: 'stores:manage' },
      schema: {
        operationId: 'updateStore',
        tags,
        summary: 'Change a store',
        description: 'Send only the fields to change; null clears an optional field.',
        params: idParams,
        body: updateStoreInput,
        response: { 200: storeSchema },
      },
    },
    async (req) => updateStore(sellerCtx(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/seller/stores/:id/archive',
    {
      config: { auth: 'seller', permission: 'stores:manage' },
      schema: {
        operationId: 'archiveStore',
        tags,
        summary: 'Archive a store (hidden from buyers, kept for history)',
        params: idParams,
        response: { 200: storeSchema },
      },
    },
    async (req) => archiveStore(sellerCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/seller/stores/:id/restore',
    {
      config: { auth: 'seller', permission: 'stores:manage' },
      schema: {
        operationId: 'restoreStore',
        tags,
        summary: 'Bring an archived store back',
        params: idParams,
        response: { 200: storeSchema },
      },
    },
    async (req) => restoreStore(sellerCtx(req), req.params.id),
  );
}

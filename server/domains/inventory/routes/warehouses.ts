import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { platformCtx, sellerCtx } from '../../../platform/http/context';
import {
  createWarehouse,
  createWarehouseInput,
  deleteWarehouse,
  getWarehouse,
  listWarehouses,
  updateWarehouse,
  updateWarehouseInput,
  warehouseListQuery,
} from '../service/warehouses';
import { warehouseSchema } from './schemas';

const tags = ['warehouses'];
const idParams = z.object({ id: z.uuid().describe('Warehouse id.') });
const list = z.object({ items: z.array(warehouseSchema) });

/** Seller warehouses: their own ones (read and write) and the platform's (read). */
export async function warehouseRoutes(app: App) {
  app.get(
    '/api/v1/seller/warehouses',
    {
      config: { auth: 'seller', permission: 'inventory:read' },
      schema: {
        operationId: 'listWarehouses',
        tags,
        summary: 'Own and platform warehouses',
        description: 'Platform warehouses first, then by handling days and code.',
        querystring: warehouseListQuery,
        response: { 200: list },
      },
    },
    async (req) => ({ items: await listWarehouses(sellerCtx(req), req.query) }),
  );

  app.post(
    '/api/v1/seller/warehouses',
    {
      config: { auth: 'seller', permission: 'inventory:write' },
      schema: {
        operationId: 'createWarehouse',
        tags,
        summary: 'Add an own warehouse',
        description: 'Codes are unique per seller, ignoring case (409 warehouse_code_taken).',
        body: createWarehouseInput,
        response: { 201: warehouseSchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createWarehouse(sellerCtx(req), req.body);
    },
  );

  app.get(
    '/api/v1/seller/warehouses/:id',
    {
      config: { auth: 'seller', permission: 'inventory:read' },
      schema: {
        operationId: 'getWarehouse',
        tags,
        summary: 'One warehouse (own or platform)',
        params: idParams,
        response: { 200: warehouseSchema },
      },
    },
    async (req) => getWarehouse(sellerCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/seller/warehouses/:id',
    {
      config: { auth: 'seller', permission: 'inventory:write' },
      schema: {
        operationId: 'updateWarehouse',
        tags,
        summary: 'Change an own warehouse',
        description: 'Deactivating a warehouse that still holds units is refused (409 warehouse_has_stock).',
        params: idParams,
        body: updateWarehouseInput,
        response: { 200: warehouseSchema },
      },
    },
    async (req) => updateWarehouse(sellerCtx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/seller/warehouses/:id',
    {
      config: { auth: 'seller', permission: 'inventory:write' },
      schema: {
        operationId: 'deleteWarehouse',
        tags,
        summary: 'Delete an own warehouse that was never used',
        description: 'One with stock history answers 409 warehouse_in_use: deactivate it instead.',
        params: idParams,
        response: { 204: z.null().describe('Deleted.') },
      },
    },
    async (req, reply) => {
      await deleteWarehouse(sellerCtx(req), req.params.id);
      reply.code(204);
      return null;
    },
  );
}

/** Platform fulfilment warehouses, managed by operators. */
export async function platformWarehouseRoutes(app: App) {
  const ptags = ['platform-warehouses'];
  app.get(
    '/api/v1/platform/warehouses',
    {
      config: { auth: 'platform', permission: 'inbound:receive' },
      schema: {
        operationId: 'listPlatformWarehouses',
        tags: ptags,
        summary: 'Platform warehouses',
        description: 'Readable by warehouse staff (inbound:receive) and by warehouse managers.',
        querystring: warehouseListQuery.omit({ kind: true }),
        response: { 200: list },
      },
    },
    async (req) => ({ items: await listWarehouses(platformCtx(req), req.query) }),
  );

  app.post(
    '/api/v1/platform/warehouses',
    {
      config: { auth: 'platform', permission: 'warehouses:manage' },
      schema: {
        operationId: 'createPlatformWarehouse',
        tags: ptags,
        summary: 'Add a platform warehouse',
        body: createWarehouseInput,
        response: { 201: warehouseSchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createWarehouse(platformCtx(req), req.body);
    },
  );

  app.get(
    '/api/v1/platform/warehouses/:id',
    {
      config: { auth: 'platform', permission: 'inbound:receive' },
      schema: {
        operationId: 'getPlatformWarehouse',
        tags: ptags,
        summary: 'One platform warehouse',
        params: idParams,
        response: { 200: warehouseSchema },
      },
    },
    async (req) => getWarehouse(platformCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/platform/warehouses/:id',
    {
      config: { auth: 'platform', permission: 'warehouses:manage' },
      schema: {
        operationId: 'updatePlatformWarehouse',
        tags: ptags,
        summary: 'Change a platform warehouse',
        params: idParams,
        body: updateWarehouseInput,
        response: { 200: warehouseSchema },
      },
    },
    async (req) => updateWarehouse(platformCtx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/platform/warehouses/:id',
    {
      config: { auth: 'platform', permission: 'warehouses:manage' },
      schema: {
        operationId: 'deletePlatformWarehouse',
        tags: ptags,
        summary: 'Delete a platform warehouse that was never used',
        params: idParams,
        response: { 204: z.null().describe('Deleted.') },
      },
    },
    async (req, reply) => {
      await deleteWarehouse(platformCtx(req), req.params.id);
      reply.code(204);
      return null;
    },
  );
}

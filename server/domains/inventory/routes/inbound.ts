import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { platformCtx, sellerCtx } from '../../../platform/http/context';
import { pageOf } from '../../../platform/http/pagination';
import { problemSchema } from '../../../platform/http/problem';
import {
  cancelInbound,
  createInbound,
  createInboundInput,
  getInbound,
  inboundListQuery,
  listInbound,
  platformInboundListQuery,
  receiveInbound,
  receiveInboundInput,
  setInboundLines,
  setLinesInput,
  shipInbound,
  shipInboundInput,
  startReceiving,
  updateInbound,
  updateInboundInput,
} from '../service/inbound';
import { boxLabelsPdf, skuLabelsPdf, skuLabelsQuery } from '../service/labels';
import { inboundDetailSchema, inboundSummarySchema, pdfResponse } from './schemas';

const tags = ['inbound'];
const idParams = z.object({ id: z.uuid().describe('Inbound shipment id.') });

function sendPdf(reply: FastifyReply, out: { pdf: Buffer; name: string }) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${out.name}"`)
    .header('cache-control', 'private, no-store')
    .send(out.pdf);
}

/** Inbound shipments of the seller's stock to platform warehouses. */
export async function inboundRoutes(app: App) {
  app.get(
    '/api/v1/seller/inbound',
    {
      config: { auth: 'seller', permission: 'inventory:read' },
      schema: {
        operationId: 'listInboundShipments',
        tags,
        summary: 'Inbound shipments, newest first',
        querystring: inboundListQuery,
        response: { 200: pageOf(inboundSummarySchema) },
      },
    },
    async (req) => listInbound(sellerCtx(req), req.query),
  );

  app.post(
    '/api/v1/seller/inbound',
    {
      config: { auth: 'seller', permission: 'inventory:write' },
      schema: {
        operationId: 'createInboundShipment',
        tags,
        summary: 'Start a draft shipment to a platform warehouse',
        description: 'Lines must be the seller’s active SKUs, each once (400 with the line paths).',
        body: createInboundInput,
        response: { 201: inboundDetailSchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createInbound(sellerCtx(req), req.body);
    },
  );

  app.get(
    '/api/v1/seller/inbound/:id',
    {
      config: { auth: 'seller', permission: 'inventory:read' },
      schema: {
        operationId: 'getInboundShipment',
        tags,
        summary: 'One shipment with its lines, counts and history',
        params: idParams,
        response: { 200: inboundDetailSchema },
      },
    },
    async (req) => getInbound(sellerCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/seller/inbound/:id',
    {
      config: { auth: 'seller', permission: 'inventory:write' },
      schema: {
        operationId: 'updateInboundShipment',
        tags,
        summary: 'Change a draft: destination, boxes, note',
        description: 'Only drafts can change (409 inbound_not_draft).',
        params: idParams,
        body: updateInboundInput,
        response: { 200: inboundDetailSchema },
      },
    },
    async (req) => updateInbound(sellerCtx(req), req.params.id, req.body),
  );

  app.put(
    '/api/v1/seller/inbound/:id/lines',
    {
      config: { auth: 'seller', permission: 'inventory:write' },
      schema: {
        operationId: 'setInboundShipmentLines',
        tags,
        summary: 'Replace the lines of a draft',
        params: idParams,
        body: setLinesInput,
        response: { 200: inboundDetailSchema },
      },
    },
    async (req) => setInboundLines(sellerCtx(req), req.params.id, req.body.lines),
  );

  app.post(
    '/api/v1/seller/inbound/:id/ship',
    {
      config: { auth: 'seller', permission: 'inventory:write' },
      schema: {
        operationId: 'shipInboundShipment',
        tags,
        summary: 'Mark a draft as shipped, with carrier and tracking number',
        description: 'A shipment without lines cannot ship (409 inbound_no_lines).',
        params: idParams,
        body: shipInboundInput,
        response: { 200: inboundDetailSchema },
      },
    },
    async (req) => shipInbound(sellerCtx(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/seller/inbound/:id/cancel',
    {
      config: { auth: 'seller', permission: 'inventory:write' },
      schema: {
        operationId: 'cancelInboundShipment',
        tags,
        summary: 'Cancel a draft',
        params: idParams,
        body: z.object({ reason: z.string().trim().max(500).optional() }).strict(),
        response: { 200: inboundDetailSchema },
      },
    },
    async (req) => cancelInbound(sellerCtx(req), req.params.id, req.body.reason),
  );

  app.get(
    '/api/v1/seller/inbound/:id/labels.pdf',
    {
      config: { auth: 'seller', permission: 'inventory:read' },
      schema: {
        operationId: 'printInboundSkuLabels',
        tags,
        summary: 'SKU barcode labels (58 × 40 mm) for the shipment',
        description:
          'EAN-13 (or EAN-8 / UPC-A) when the SKU has a valid barcode, else Code 128 of the SKU code; with ' +
          'the SKU code and title. One label per unit, or `copies` per line. More than 5000 labels: 422.',
        params: idParams,
        querystring: skuLabelsQuery,
        response: { 200: pdfResponse, 422: problemSchema, 503: problemSchema },
      },
    },
    async (req, reply) => sendPdf(reply, await skuLabelsPdf(sellerCtx(req), req.params.id, req.query)),
  );

  app.get(
    '/api/v1/seller/inbound/:id/box-labels.pdf',
    {
      config: { auth: 'seller', permission: 'inventory:read' },
      schema: {
        operationId: 'printInboundBoxLabels',
        tags,
        summary: 'Box labels (100 × 150 mm): shipment number, box n of N, seller, destination',
        params: idParams,
        response: { 200: pdfResponse, 503: problemSchema },
      },
    },
    async (req, reply) => sendPdf(reply, await boxLabelsPdf(sellerCtx(req), req.params.id)),
  );
}

/** Incoming shipments for platform warehouse staff. */
export async function platformInboundRoutes(app: App) {
  const ptags = ['platform-inbound'];
  app.get(
    '/api/v1/platform/inbound',
    {
      config: { auth: 'platform', permission: 'inbound:receive' },
      schema: {
        operationId: 'listIncomingShipments',
        tags: ptags,
        summary: 'Incoming shipments of every seller, newest first',
        description: 'Drafts are the sellers’ own until shipped and are not listed.',
        querystring: platformInboundListQuery,
        response: { 200: pageOf(inboundSummarySchema) },
      },
    },
    async (req) => listInbound(platformCtx(req), req.query),
  );

  app.get(
    '/api/v1/platform/inbound/:id',
    {
      config: { auth: 'platform', permission: 'inbound:receive' },
      schema: {
        operationId: 'getIncomingShipment',
        tags: ptags,
        summary: 'One incoming shipment',
        params: idParams,
        response: { 200: inboundDetailSchema },
      },
    },
    async (req) => getInbound(platformCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/platform/inbound/:id/start-receiving',
    {
      config: { auth: 'platform', permission: 'inbound:receive' },
      schema: {
        operationId: 'startReceivingShipment',
        tags: ptags,
        summary: 'The boxes arrived: counting starts (shipped → receiving)',
        params: idParams,
        response: { 200: inboundDetailSchema },
      },
    },
    async (req) => startReceiving(platformCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/platform/inbound/:id/receive',
    {
      config: { auth: 'platform', permission: 'inbound:receive' },
      schema: {
        operationId: 'receiveShipment',
        tags: ptags,
        summary: 'Record the counts of every line and put the good units on stock',
        description:
          'Every line needs its received and damaged count. Only received (undamaged) units become stock at the ' +
          'destination; missing and extra units are shown per line. The seller is notified (inbound.received).',
        params: idParams,
        body: receiveInboundInput,
        response: { 200: inboundDetailSchema },
      },
    },
    async (req) => receiveInbound(platformCtx(req), req.params.id, req.body),
  );
}

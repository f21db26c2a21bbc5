import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { openFileStream } from '../../../platform/files/store';
import type { App } from '../../../platform/http/app';
import { platformCtx, sellerCtx } from '../../../platform/http/context';
import { pageOf } from '../../../platform/http/pagination';
import { problemSchema } from '../../../platform/http/problem';
import { DOCUMENT_STATUSES, REVIEW_STATES, SALE_STATES } from '../schema';
import {
  changeProductDocuments,
  createDocument,
  createDocumentInput,
  DOCUMENT_FILE_LIMIT,
  deleteDocument,
  deleteDocumentFile,
  documentFile,
  documentFileTooLarge,
  documentListQuery,
  getDocument,
  linkDocumentsInput,
  listDocuments,
  listProductDocuments,
  platformDocumentFile,
  putDocumentFile,
  updateDocument,
  updateDocumentInput,
} from '../service/documents';
import { fileUploadBody, readUpload } from './uploads';

const tags = ['compliance-documents'];

const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A stored file as an attachment, with its name in ASCII and in UTF-8 (RFC 6266). */
function sendDownload(reply: FastifyReply, file: { key: string; mime: string; name: string }) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(file.mime)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(file.name)}`)
    .send(openFileStream(file.key));
}

const translated = z
  .object({ 'zh-CN': z.string().optional(), 'en-US': z.string().optional(), 'ru-RU': z.string().optional() })
  .describe('Text by language.');

export const complianceDocumentSchema = z
  .object({
    id: z.string(),
    documentType: z.object({
      id: z.string(),
      key: z.string(),
      names: translated,
      expires: z.boolean().describe('Documents of this type carry an expiry date.'),
    }),
    number: z.string(),
    issuer: z.string().nullable(),
    issuedOn: z.string().nullable().describe('YYYY-MM-DD.'),
    expiresOn: z.string().nullable().describe('YYYY-MM-DD; valid through this day.'),
    status: z.enum(DOCUMENT_STATUSES),
    expiresInDays: z
      .number()
      .int()
      .nullable()
      .describe('Days from today (UTC) to the expiry date; negative once past.'),
    file: z
      .object({ name: z.string(), url: z.string().describe('Download URL of the scan.') })
      .nullable()
      .describe('The uploaded scan, if any.'),
    linkedProducts: z.number().int().describe('Products this document is linked to.'),
    createdAt: z.string().describe('ISO 8601.'),
    updatedAt: z.string().describe('ISO 8601.'),
  })
  .meta({ id: 'ComplianceDocument' });

const documentDetailSchema = complianceDocumentSchema
  .extend({
    products: z
      .array(
        z.object({
          id: z.string(),
          number: z.number().int(),
          title: translated,
          saleState: z.enum(SALE_STATES),
          reviewState: z.enum(REVIEW_STATES),
        }),
      )
      .describe('Linked products, newest first (at most 100; linkedProducts has the count).'),
  })
  .meta({ id: 'ComplianceDocumentDetail' });

const idParams = z.object({ id: z.uuid().describe('Document id.') });
const productParams = z.object({ id: z.uuid().describe('Product id.') });

/** Compliance documents, their scans, and their links to products. */
export async function documentRoutes(app: App) {
  app.get(
    '/api/v1/seller/documents',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'listDocuments',
        tags,
        summary: "The seller's compliance documents, soonest expiry first",
        querystring: documentListQuery,
        response: { 200: pageOf(complianceDocumentSchema) },
      },
    },
    async (req) => listDocuments(sellerCtx(req), req.query),
  );

  app.post(
    '/api/v1/seller/documents',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'createDocument',
        tags,
        summary: 'Register a compliance document',
        description:
          "The number must match the type's format (400 document_number_invalid, with an example); " +
          'an expiring type needs expiresOn (today or later). One number per type (409 document_number_taken). ' +
          'Upload the scan with PUT /documents/{id}/file.',
        body: createDocumentInput,
        response: { 201: complianceDocumentSchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createDocument(sellerCtx(req), req.body);
    },
  );

  app.get(
    '/api/v1/seller/documents/:id',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'getDocument',
        tags,
        summary: 'One compliance document with its linked products',
        params: idParams,
        response: { 200: documentDetailSchema },
      },
    },
    async (req) => getDocument(sellerCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/seller/documents/:id',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'updateDocument',
        tags,
        summary: 'Change a compliance document',
        description:
          'A new expiry date resets the reminders. An expired document given a new date is valid again, ' +
          'and the listings it had suspended return to sale.',
        params: idParams,
        body: updateDocumentInput,
        response: { 200: complianceDocumentSchema },
      },
    },
    async (req) => updateDocument(sellerCtx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/seller/documents/:id',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'deleteDocument',
        tags,
        summary: 'Delete a compliance document',
        description: 'Only a document no product is linked to (409 document_linked).',
        params: idParams,
        response: { 204: z.null().describe('Deleted.') },
      },
    },
    async (req, reply) => {
      await deleteDocument(sellerCtx(req), req.params.id);
      reply.code(204);
      return null;
    },
  );

  app.put(
    '/api/v1/seller/documents/:id/file',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'uploadDocumentFile',
        tags,
        summary: "Upload (or replace) the document's scan",
        description:
          `PDF, JPEG or PNG by content (the file name does not matter), at most ${DOCUMENT_FILE_LIMIT / 1024 / 1024} MB. ` +
          'Errors: 415 unsupported_document_type, 422 document_file_corrupt, 413 document_file_too_large, 400 file_empty.',
        consumes: ['multipart/form-data'],
        params: idParams,
        body: fileUploadBody('The scan.'),
        response: { 200: complianceDocumentSchema, 413: problemSchema, 415: problemSchema },
      },
    },
    async (req) => {
      const file = await readUpload(req, { maxBytes: DOCUMENT_FILE_LIMIT, tooLarge: documentFileTooLarge });
      return putDocumentFile(sellerCtx(req), req.params.id, file);
    },
  );

  app.get(
    '/api/v1/seller/documents/:id/file',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'downloadDocumentFile',
        tags,
        summary: "Download the document's scan",
        params: idParams,
        response: {
          200: {
            description: 'The scan (application/pdf, image/jpeg or image/png).',
            content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
          },
        },
      },
    },
    async (req, reply) => sendDownload(reply, await documentFile(sellerCtx(req), req.params.id)),
  );

  app.get(
    '/api/v1/platform/documents/:id/file',
    {
      config: { auth: 'platform', permission: 'listings:read' },
      schema: {
        operationId: 'downloadPlatformDocumentFile',
        tags: ['listing-review'],
        summary: "Download any seller's document scan, for listing review",
        description: 'Errors: 404 document (unknown id), 404 document_file (no scan on file).',
        params: idParams,
        response: {
          200: {
            description: 'The scan (application/pdf, image/jpeg or image/png).',
            content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
          },
        },
      },
    },
    async (req, reply) => sendDownload(reply, await platformDocumentFile(platformCtx(req), req.params.id)),
  );

  app.delete(
    '/api/v1/seller/documents/:id/file',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'deleteDocumentFile',
        tags,
        summary: "Remove the document's scan",
        params: idParams,
        response: { 200: complianceDocumentSchema },
      },
    },
    async (req) => deleteDocumentFile(sellerCtx(req), req.params.id),
  );

  app.get(
    '/api/v1/seller/products/:id/documents',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'listProductDocuments',
        tags,
        summary: "A product's compliance documents",
        params: productParams,
        response: { 200: z.object({ items: z.array(complianceDocumentSchema) }) },
      },
    },
    async (req) => ({ items: await listProductDocuments(sellerCtx(req), req.params.id) }),
  );

  app.put(
    '/api/v1/seller/products/:id/documents',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'setProductDocuments',
        tags,
        summary: "Set a product's compliance documents",
        description:
          "Replaces the product's links. A newly linked document must be valid (400 document_expired). " +
          'A listing suspended for an expired document returns to sale once it holds a valid document of ' +
          'every type its category requires.',
        params: productParams,
        body: linkDocumentsInput,
        response: { 200: z.object({ items: z.array(complianceDocumentSchema) }) },
      },
    },
    async (req) => ({ items: await changeProductDocuments(sellerCtx(req), req.params.id, req.body) }),
  );
}

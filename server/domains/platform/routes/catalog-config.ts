import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { platformCtx } from '../../../platform/http/context';
import { pageOf } from '../../../platform/http/pagination';
import {
  attributeListQuery,
  createAttribute,
  createAttributeInput,
  deleteAttribute,
  getAttribute,
  listAttributes,
  updateAttribute,
  updateAttributeInput,
} from '../service/attributes';
import {
  createDocumentType,
  createDocumentTypeInput,
  deleteDocumentType,
  getDocumentType,
  listDocumentTypes,
  updateDocumentType,
  updateDocumentTypeInput,
} from '../service/document-types';
import {
  createRejectionReason,
  createRejectionReasonInput,
  listRejectionReasons,
  rejectionReasonListQuery,
  reorderRejectionReasons,
  reorderRejectionReasonsInput,
  setRejectionReasonActive,
  updateRejectionReason,
  updateRejectionReasonInput,
} from '../service/rejection-reasons';
import { attributeSchema, documentTypeSchema, idParams, rejectionReasonSchema } from './schemas';

const READ = 'listings:read';
const WRITE = 'catalog_config:manage';

/** Operators: attribute definitions, compliance document types and listing rejection reasons. */
export async function platformCatalogConfigRoutes(app: App) {
  // Attributes
  const attrTags = ['platform-attributes'];
  app.get(
    '/api/v1/platform/attributes',
    {
      config: { auth: 'platform', permission: READ },
      schema: {
        operationId: 'listAttributes',
        tags: attrTags,
        summary: 'Attribute definitions, by key',
        querystring: attributeListQuery,
        response: { 200: pageOf(attributeSchema) },
      },
    },
    async (req) => listAttributes(platformCtx(req), req.query),
  );

  app.post(
    '/api/v1/platform/attributes',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'createAttribute',
        tags: attrTags,
        summary: 'Define an attribute',
        description: 'enum and multi_enum need options; unit is for number only. 409 attribute_key_taken.',
        body: createAttributeInput,
        response: { 201: attributeSchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createAttribute(platformCtx(req), req.body);
    },
  );

  app.get(
    '/api/v1/platform/attributes/:id',
    {
      config: { auth: 'platform', permission: READ },
      schema: {
        operationId: 'getAttribute',
        tags: attrTags,
        summary: 'One attribute',
        params: idParams('Attribute'),
        response: { 200: attributeSchema },
      },
    },
    async (req) => getAttribute(platformCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/platform/attributes/:id',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'updateAttribute',
        tags: attrTags,
        summary: 'Change an attribute’s names, type, unit or options',
        description:
          'The key cannot change. options replaces the whole list. 409 attribute_variant_in_use when a category uses it as a variant and the new type cannot be one.',
        params: idParams('Attribute'),
        body: updateAttributeInput,
        response: { 200: attributeSchema },
      },
    },
    async (req) => updateAttribute(platformCtx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/platform/attributes/:id',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'deleteAttribute',
        tags: attrTags,
        summary: 'Delete an attribute no category links',
        description: '409 attribute_in_use (with the number of categories) while a category links it.',
        params: idParams('Attribute'),
        response: { 204: z.null().describe('Deleted.') },
      },
    },
    async (req, reply) => {
      await deleteAttribute(platformCtx(req), req.params.id);
      reply.code(204);
      return null;
    },
  );

  // Document types
  const docTags = ['platform-document-types'];
  app.get(
    '/api/v1/platform/document-types',
    {
      config: { auth: 'platform', permission: READ },
      schema: {
        operationId: 'listPlatformDocumentTypes',
        tags: docTags,
        summary: 'Compliance document types, by key',
        response: { 200: z.object({ items: z.array(documentTypeSchema) }) },
      },
    },
    async (req) => ({ items: await listDocumentTypes(platformCtx(req)) }),
  );

  app.post(
    '/api/v1/platform/document-types',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'createDocumentType',
        tags: docTags,
        summary: 'Define a compliance document type',
        description:
          '400 document_pattern_invalid when the pattern is not a valid regular expression; 400 document_example_mismatch when the example does not match it.',
        body: createDocumentTypeInput,
        response: { 201: documentTypeSchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createDocumentType(platformCtx(req), req.body);
    },
  );

  app.get(
    '/api/v1/platform/document-types/:id',
    {
      config: { auth: 'platform', permission: READ },
      schema: {
        operationId: 'getDocumentType',
        tags: docTags,
        summary: 'One document type',
        params: idParams('Document type'),
        response: { 200: documentTypeSchema },
      },
    },
    async (req) => getDocumentType(platformCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/platform/document-types/:id',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'updateDocumentType',
        tags: docTags,
        summary: 'Change a document type',
        params: idParams('Document type'),
        body: updateDocumentTypeInput,
        response: { 200: documentTypeSchema },
      },
    },
    async (req) => updateDocumentType(platformCtx(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/platform/document-types/:id',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'deleteDocumentType',
        tags: docTags,
        summary: 'Delete a document type no category requires',
        description: '409 document_type_in_use while a category links it.',
        params: idParams('Document type'),
        response: { 204: z.null().describe('Deleted.') },
      },
    },
    async (req, reply) => {
      await deleteDocumentType(platformCtx(req), req.params.id);
      reply.code(204);
      return null;
    },
  );

  // Rejection reasons
  const reasonTags = ['platform-rejection-reasons'];
  app.get(
    '/api/v1/platform/rejection-reasons',
    {
      config: { auth: 'platform', permission: READ },
      schema: {
        operationId: 'listRejectionReasons',
        tags: reasonTags,
        summary: 'Reasons reviewers pick when rejecting a listing, in order',
        querystring: rejectionReasonListQuery,
        response: { 200: z.object({ items: z.array(rejectionReasonSchema) }) },
      },
    },
    async (req) => ({ items: await listRejectionReasons(platformCtx(req), req.query) }),
  );

  app.post(
    '/api/v1/platform/rejection-reasons',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'createRejectionReason',
        tags: reasonTags,
        summary: 'Add a rejection reason',
        description: '409 rejection_reason_key_taken.',
        body: createRejectionReasonInput,
        response: { 201: rejectionReasonSchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createRejectionReason(platformCtx(req), req.body);
    },
  );

  app.put(
    '/api/v1/platform/rejection-reasons/order',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'reorderRejectionReasons',
        tags: reasonTags,
        summary: 'Reorder the reasons',
        body: reorderRejectionReasonsInput,
        response: { 200: z.object({ items: z.array(rejectionReasonSchema) }) },
      },
    },
    async (req) => ({ items: await reorderRejectionReasons(platformCtx(req), req.body) }),
  );

  app.patch(
    '/api/v1/platform/rejection-reasons/:id',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'updateRejectionReason',
        tags: reasonTags,
        summary: 'Change a reason’s texts or position',
        description: 'The key cannot change: past decisions refer to it.',
        params: idParams('Rejection reason'),
        body: updateRejectionReasonInput,
        response: { 200: rejectionReasonSchema },
      },
    },
    async (req) => updateRejectionReason(platformCtx(req), req.params.id, req.body),
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    app.post(
      `/api/v1/platform/rejection-reasons/:id/${action}`,
      {
        config: { auth: 'platform', permission: WRITE },
        schema: {
          operationId: `${action}RejectionReason`,
          tags: reasonTags,
          summary: active ? 'Offer a reason again' : 'Stop offering a reason (kept for past decisions)',
          params: idParams('Rejection reason'),
          response: { 200: rejectionReasonSchema },
        },
      },
      async (req) => setRejectionReasonActive(platformCtx(req), req.params.id, active),
    );
  }
}

import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { platformCtx } from '../../../platform/http/context';
import {
  activateCategory,
  categoryTreeQuery,
  createCategory,
  createCategoryInput,
  deactivateCategory,
  getCategoryDetail,
  listCategoryTree,
  updateCategory,
  updateCategoryInput,
} from '../service/categories';
import {
  attributeLinkInput,
  documentTypeLinkInput,
  removeCategoryAttribute,
  removeCategoryDocumentType,
  setCategoryAttribute,
  setCategoryDocumentType,
} from '../service/category-links';
import { categoryDetailSchema, categoryNodeSchema, categorySchema, idParams } from './schemas';

const tags = ['platform-categories'];
const READ = 'listings:read';
const WRITE = 'catalog_config:manage';

const attributeLinkParams = z.object({
  id: z.uuid().describe('Category id.'),
  attributeId: z.uuid().describe('Attribute id.'),
});
const documentLinkParams = z.object({
  id: z.uuid().describe('Category id.'),
  documentTypeId: z.uuid().describe('Document type id.'),
});

/** Operators: the category tree, its rules and the attributes and documents each subtree needs. */
export async function platformCategoryRoutes(app: App) {
  app.get(
    '/api/v1/platform/categories',
    {
      config: { auth: 'platform', permission: READ },
      schema: {
        operationId: 'listPlatformCategories',
        tags,
        summary: 'The whole category tree',
        description: 'Flat, depth-first (each category followed by its subtree), siblings by position.',
        querystring: categoryTreeQuery,
        response: { 200: z.object({ items: z.array(categoryNodeSchema) }) },
      },
    },
    async (req) => ({ items: await listCategoryTree(platformCtx(req), req.query) }),
  );

  app.post(
    '/api/v1/platform/categories',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'createCategory',
        tags,
        summary: 'Create a category',
        description:
          'Rules left out (null) are inherited from the parent. 409 category_slug_taken, 409 category_parent_inactive.',
        body: createCategoryInput,
        response: { 201: categorySchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createCategory(platformCtx(req), req.body);
    },
  );

  app.get(
    '/api/v1/platform/categories/:id',
    {
      config: { auth: 'platform', permission: READ },
      schema: {
        operationId: 'getPlatformCategory',
        tags,
        summary: 'A category with its effective rules and links',
        params: idParams('Category'),
        response: { 200: categoryDetailSchema },
      },
    },
    async (req) => getCategoryDetail(platformCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/platform/categories/:id',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'updateCategory',
        tags,
        summary: 'Rename, move or change the rules of a category',
        description:
          'Send only the fields to change; null clears a rule (it is then inherited). A new parentId moves the whole subtree.',
        params: idParams('Category'),
        body: updateCategoryInput,
        response: { 200: categorySchema },
      },
    },
    async (req) => updateCategory(platformCtx(req), req.params.id, req.body),
  );

  const activationResult = z.object({
    category: categorySchema,
    changed: z.number().int().describe('Categories whose state changed (the subtree included).'),
  });

  app.post(
    '/api/v1/platform/categories/:id/deactivate',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'deactivateCategory',
        tags,
        summary: 'Deactivate a category and its subtree',
        description: 'Sellers can no longer choose them; existing products keep their category.',
        params: idParams('Category'),
        response: { 200: activationResult },
      },
    },
    async (req) => {
      const out = await deactivateCategory(platformCtx(req), req.params.id);
      return { category: out.category, changed: out.deactivated };
    },
  );

  app.post(
    '/api/v1/platform/categories/:id/activate',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'activateCategory',
        tags,
        summary: 'Activate a category (its parent must be active)',
        params: idParams('Category'),
        querystring: z.object({
          subtree: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true')
            .describe('Also activate every subcategory.'),
        }),
        response: { 200: activationResult },
      },
    },
    async (req) => {
      const out = await activateCategory(platformCtx(req), req.params.id, { subtree: req.query.subtree });
      return { category: out.category, changed: out.activated };
    },
  );

  app.put(
    '/api/v1/platform/categories/:id/attributes/:attributeId',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'setCategoryAttribute',
        tags,
        summary: 'Attach an attribute to a category, or override the inherited link',
        description:
          'Applies to the whole subtree unless a subcategory overrides it. excluded: true removes an inherited attribute.',
        params: attributeLinkParams,
        body: attributeLinkInput,
        response: {
          200: z.object({
            categoryId: z.string(),
            attributeId: z.string(),
            required: z.boolean(),
            variant: z.boolean(),
            excluded: z.boolean(),
            position: z.number().int(),
          }),
        },
      },
    },
    async (req) => setCategoryAttribute(platformCtx(req), req.params.id, req.params.attributeId, req.body),
  );

  app.delete(
    '/api/v1/platform/categories/:id/attributes/:attributeId',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'removeCategoryAttribute',
        tags,
        summary: 'Remove the category’s own link (detach, or fall back to the inherited one)',
        params: attributeLinkParams,
        response: { 204: z.null().describe('Removed.') },
      },
    },
    async (req, reply) => {
      await removeCategoryAttribute(platformCtx(req), req.params.id, req.params.attributeId);
      reply.code(204);
      return null;
    },
  );

  app.put(
    '/api/v1/platform/categories/:id/document-types/:documentTypeId',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'setCategoryDocumentType',
        tags,
        summary: 'Require a document type in a subtree, or lift an inherited requirement',
        params: documentLinkParams,
        body: documentTypeLinkInput,
        response: {
          200: z.object({ categoryId: z.string(), documentTypeId: z.string(), excluded: z.boolean() }),
        },
      },
    },
    async (req) =>
      setCategoryDocumentType(platformCtx(req), req.params.id, req.params.documentTypeId, req.body),
  );

  app.delete(
    '/api/v1/platform/categories/:id/document-types/:documentTypeId',
    {
      config: { auth: 'platform', permission: WRITE },
      schema: {
        operationId: 'removeCategoryDocumentType',
        tags,
        summary: 'Remove the category’s own document requirement row',
        params: documentLinkParams,
        response: { 204: z.null().describe('Removed.') },
      },
    },
    async (req, reply) => {
      await removeCategoryDocumentType(platformCtx(req), req.params.id, req.params.documentTypeId);
      reply.code(204);
      return null;
    },
  );
}

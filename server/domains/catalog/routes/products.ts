import { z } from 'zod';
import type { App } from '../../../platform/http/app';
import { sellerCtx } from '../../../platform/http/context';
import { pageOf } from '../../../platform/http/pagination';
import { bulkInput, bulkProducts } from '../service/bulk';
import { changeSaleState, type SellerSaleAction, submitProduct, withdrawProduct } from '../service/lifecycle';
import { PRICE_ENDINGS_DOC } from '../service/price-rules';
import { listProducts, productListQuery } from '../service/product-list';
import {
  createProduct,
  createProductInput,
  getProduct,
  updateProduct,
  updateProductInput,
} from '../service/products';
import { QUALITY_HINTS_DOC } from '../service/quality';
import { addSku, removeSku, skuInput, updateSku, updateSkuInput } from '../service/skus';
import { bulkResultSchema, productDetailSchema, productListItemSchema, skuWriteSchema } from './schemas';

const tags = ['products'];
const idParams = z.object({ id: z.uuid().describe('Product id.') });
const skuParams = idParams.extend({ skuId: z.uuid().describe('SKU id.') });

const PRICING_DOC =
  'Prices are integer minor units. A SKU has a base price in the seller’s default currency; in each store of ' +
  'the product it either follows the base price (converted at the platform’s latest rate, then rounded to the ' +
  `store currency’s price ending: ${PRICE_ENDINGS_DOC}) or is overridden. A change that multiplies or divides ` +
  'the list price or the price paid by the platform’s quarantine factor (default 3) or more is held: the old ' +
  'price stays, the response says held=true, and the change waits under /api/v1/seller/price-holds.';

const SKU_ERRORS =
  'Errors: 400 with errors[] (barcode_not_digits, barcode_length, barcode_check_digit, option_unknown, ' +
  'attribute_option, sale_price_not_below_list, duplicate_sku_code, duplicate_barcode, duplicate_options, ' +
  'store_not_in_product); 409 sku_code_taken (names the product), barcode_taken (your own SKU: names the ' +
  'product and SKU), barcode_registered (another seller’s), product_archived; 422 exchange_rate_missing.';

const saleActions: { action: SellerSaleAction; summary: string; description: string }[] = [
  {
    action: 'deactivate',
    summary: 'Take a product off sale',
    description: 'active → inactive. Its store listings disappear at once; activate brings them back.',
  },
  {
    action: 'activate',
    summary: 'Put a deactivated product back on sale',
    description: 'inactive → active (the published copy is listed again).',
  },
  {
    action: 'archive',
    summary: 'Archive a product',
    description:
      'unlisted, active, inactive or suspended → archived: off sale and read-only; a pending review is withdrawn.',
  },
  {
    action: 'restore',
    summary: 'Restore an archived product',
    description: 'archived → inactive (when it was approved before) or unlisted.',
  },
];

/** Products and SKUs of the seller (catalog:read to read, catalog:write to change). */
export async function productRoutes(app: App) {
  app.get(
    '/api/v1/seller/products',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'listProducts',
        tags,
        summary: 'Products of the seller',
        description:
          'Keyset-paginated; the cursor carries the sort key. A member limited to some stores sees products of ' +
          `those stores (and products not yet in any store). ${QUALITY_HINTS_DOC} Errors: 400 invalid_cursor.`,
        querystring: productListQuery,
        response: { 200: pageOf(productListItemSchema) },
      },
    },
    async (req) => listProducts(sellerCtx(req), req.query),
  );

  app.post(
    '/api/v1/seller/products',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'createProduct',
        tags,
        summary: 'Create a product (draft)',
        description:
          'A draft may be incomplete: types and options of attribute values are checked now, required ' +
          'attributes, languages, images and documents when it is submitted. Errors: 400 with errors[] ' +
          '(category_not_found, category_inactive, category_not_leaf, attribute_unknown, attribute_is_variant, ' +
          'attribute_type, attribute_option, store_not_found, image_not_found, image_in_use, document_not_found, ' +
          `document_expired, and the SKU errors). ${SKU_ERRORS} ${PRICING_DOC}`,
        body: createProductInput,
        response: { 201: productDetailSchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return createProduct(sellerCtx(req), req.body);
    },
  );

  app.post(
    '/api/v1/seller/products/bulk',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'bulkProducts',
        tags,
        summary: 'One action on many products',
        description:
          'Each product is done on its own: the answer lists a result per product id (ok, or an error code ' +
          'with its text, e.g. not_found, invalid_transition, listing_incomplete with errors[], price_too_low). ' +
          'Price changes apply to the base prices of every SKU and respect the price quarantine (held counts).',
        body: bulkInput,
        response: { 200: z.object({ results: z.array(bulkResultSchema) }) },
      },
    },
    async (req) => bulkProducts(sellerCtx(req), req.body),
  );

  app.get(
    '/api/v1/seller/products/:id',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'getProduct',
        tags,
        summary:
          'One product: working copy, published copy, SKUs with store prices, quality and review history',
        params: idParams,
        response: { 200: productDetailSchema },
      },
    },
    async (req) => getProduct(sellerCtx(req), req.params.id),
  );

  app.patch(
    '/api/v1/seller/products/:id',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'updateProduct',
        tags,
        summary: 'Change the working copy',
        description:
          'An approved product stays on sale with its published copy; the change becomes a draft revision to ' +
          'submit. A changed category drops attribute values that do not fit it. The store list applies at once. ' +
          'Errors: 400 with errors[] (as for create), 409 product_in_review (withdraw first), product_archived, ' +
          'product_changed (edited at the same time; reload), 422 exchange_rate_missing (a new store’s currency).',
        params: idParams,
        body: updateProductInput,
        response: { 200: productDetailSchema },
      },
    },
    async (req) => updateProduct(sellerCtx(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/seller/products/:id/skus',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'addSku',
        tags,
        summary: 'Add a SKU',
        description: `Options use the category's variant attributes. ${SKU_ERRORS} ${PRICING_DOC}`,
        params: idParams,
        body: skuInput,
        response: { 201: skuWriteSchema },
      },
    },
    async (req, reply) => {
      reply.code(201);
      return addSku(sellerCtx(req), req.params.id, req.body);
    },
  );

  app.patch(
    '/api/v1/seller/products/:id/skus/:skuId',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'updateSku',
        tags,
        summary: 'Change a SKU',
        description: `Send only the fields to change. SKUs are not reviewed: changes apply at once. ${SKU_ERRORS} ${PRICING_DOC}`,
        params: skuParams,
        body: updateSkuInput,
        response: { 200: skuWriteSchema },
      },
    },
    async (req) => updateSku(sellerCtx(req), req.params.id, req.params.skuId, req.body),
  );

  app.delete(
    '/api/v1/seller/products/:id/skus/:skuId',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'removeSku',
        tags,
        summary: 'Remove a SKU that was never sold',
        description:
          'Errors: 409 sku_published (the product was approved: set the SKU inactive instead), sku_has_stock.',
        params: skuParams,
        response: { 204: z.null().describe('Removed.') },
      },
    },
    async (req, reply) => {
      await removeSku(sellerCtx(req), req.params.id, req.params.skuId);
      // Returned, not sent: the reply goes out only after the route's transaction has committed.
      reply.code(204);
      return null;
    },
  );

  app.post(
    '/api/v1/seller/products/:id/submit',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'submitProduct',
        tags,
        summary: 'Submit for review',
        description:
          'draft or rejected → pending, with a snapshot of the content. Every blocking problem at once: 400 ' +
          'listing_incomplete with errors[] whose paths name product fields (title.ru-RU, description.en-US, ' +
          'attributes.<key>, images, documents.<type key>, skus, skus.<i>.options.<axis>) and codes ' +
          '(language_required, title_required, description_required, attribute_required, too_few_images, ' +
          'too_many_images, document_required, sku_required, option_required, duplicate_options, ' +
          'category_inactive, category_not_leaf). 409 invalid_transition, product_archived.',
        params: idParams,
        response: { 200: productDetailSchema },
      },
    },
    async (req) => submitProduct(sellerCtx(req), req.params.id),
  );

  app.post(
    '/api/v1/seller/products/:id/withdraw',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'withdrawProduct',
        tags,
        summary: 'Withdraw a submission',
        description: 'pending → draft (the review is kept as withdrawn). 409 invalid_transition.',
        params: idParams,
        response: { 200: productDetailSchema },
      },
    },
    async (req) => withdrawProduct(sellerCtx(req), req.params.id),
  );

  for (const { action, summary, description } of saleActions) {
    app.post(
      `/api/v1/seller/products/:id/${action}`,
      {
        config: { auth: 'seller', permission: 'catalog:write' },
        schema: {
          operationId: `${action}Product`,
          tags,
          summary,
          description: `${description} 409 invalid_transition from another state.`,
          params: idParams,
          body: z
            .object({
              reason: z.string().trim().max(500).optional().describe('Kept in the product history.'),
            })
            .strict()
            .optional(),
          response: { 200: productDetailSchema },
        },
      },
      async (req) => changeSaleState(sellerCtx(req), req.params.id, action, req.body?.reason ?? null),
    );
  }
}

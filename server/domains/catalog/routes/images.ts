import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { openFileStream } from '../../../platform/files/store';
import type { App } from '../../../platform/http/app';
import { platformCtx, sellerCtx, systemCtx } from '../../../platform/http/context';
import { problemSchema } from '../../../platform/http/problem';
import {
  deleteProductImage,
  IMAGE_LIMITS,
  IMAGE_SIZES,
  type ImageFile,
  imageFileTooLarge,
  listProductImages,
  platformImageFile,
  publicImageFile,
  reorderImages,
  reorderImagesInput,
  sellerImageFile,
  uploadImage,
  uploadProductImage,
} from '../service/images';
import { fileUploadBody, readUpload } from './uploads';

const tags = ['product-images'];

export const productImageSchema = z
  .object({
    id: z.string(),
    productId: z.string().nullable().describe('Null until the image is attached to a product.'),
    position: z.number().int().describe('Order on the product; 0 is the main image.'),
    main: z.boolean().describe('The first image of its product, shown in lists and search.'),
    mime: z.string().describe('Type of the stored original: image/jpeg, image/png or image/webp.'),
    width: z.number().int().describe('Pixels, after rotation by the EXIF orientation.'),
    height: z.number().int(),
    bytes: z.number().int().describe('Size of the stored original.'),
    sha256: z.string().describe('Hash of the uploaded file; the same file twice on a product is one image.'),
    originalName: z.string().nullable(),
    createdAt: z.string().describe('ISO 8601.'),
    urls: z
      .object({
        thumb100: z.string(),
        thumb400: z.string(),
        large1200: z.string(),
        original: z.string(),
      })
      .describe('Console URLs of the renditions (WebP) and of the original.'),
  })
  .meta({ id: 'ProductImage' });

const limitsText =
  `JPEG, PNG or WebP by content (the file name does not matter), at most ${IMAGE_LIMITS.maxBytes / 1024 / 1024} MB, ` +
  `${IMAGE_LIMITS.minSide}–${IMAGE_LIMITS.maxSide} px per side and ${IMAGE_LIMITS.maxPixels / 1_000_000} megapixels. ` +
  'Errors: 415 unsupported_image_type, 422 image_corrupt, image_too_small, image_too_large, 413 image_file_too_large, 400 file_empty.';

const productParams = z.object({ id: z.uuid().describe('Product id.') });
const imageParams = z.object({
  id: z.uuid().describe('Image id.'),
  size: z
    .enum(IMAGE_SIZES)
    .describe('thumb-100, thumb-400 and large-1200 are WebP (never enlarged); original keeps its type.'),
});

const binary = (description: string) => ({
  description,
  content: { 'image/*': { schema: z.string().meta({ format: 'binary' }) } },
});

const uploadErrors = { 413: problemSchema, 415: problemSchema };

function sendImage(reply: FastifyReply, file: ImageFile, id: string, size: string, cache: string) {
  const etag = `"${id}-${size}"`;
  reply.header('cache-control', cache).header('etag', etag).type(file.mime);
  if (reply.request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(openFileStream(file.key));
}

/** Product images: upload (checked by content), order, delete, and the files for the console and buyers. */
export async function imageRoutes(app: App) {
  const upload = () => ({ maxBytes: IMAGE_LIMITS.maxBytes, tooLarge: imageFileTooLarge });

  app.get(
    '/api/v1/seller/products/:id/images',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'listProductImages',
        tags,
        summary: "A product's images, main image first",
        params: productParams,
        response: { 200: z.object({ items: z.array(productImageSchema) }) },
      },
    },
    async (req) => ({ items: await listProductImages(sellerCtx(req), req.params.id) }),
  );

  app.post(
    '/api/v1/seller/products/:id/images',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'uploadProductImage',
        tags,
        summary: 'Add an image to a product',
        description:
          `${limitsText} The image is appended (the first one is the main image); at most the category's ` +
          'image count (409 too_many_images). The same file again answers 200 with the existing image.',
        consumes: ['multipart/form-data'],
        params: productParams,
        body: fileUploadBody('The image file.'),
        response: { 200: productImageSchema, 201: productImageSchema, ...uploadErrors },
      },
    },
    async (req, reply) => {
      const file = await readUpload(req, upload());
      const out = await uploadProductImage(sellerCtx(req), req.params.id, file);
      reply.code(out.created ? 201 : 200);
      return out.image;
    },
  );

  app.post(
    '/api/v1/seller/images',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'uploadImage',
        tags,
        summary: 'Upload an image not yet on a product',
        description:
          `${limitsText} For the product form before its first save and for bulk imports: pass the id in ` +
          "the product's imageIds. Images never attached are removed after 7 days.",
        consumes: ['multipart/form-data'],
        body: fileUploadBody('The image file.'),
        response: { 201: productImageSchema, ...uploadErrors },
      },
    },
    async (req, reply) => {
      const file = await readUpload(req, upload());
      reply.code(201);
      return uploadImage(sellerCtx(req), file);
    },
  );

  app.put(
    '/api/v1/seller/products/:id/images/order',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'reorderProductImages',
        tags,
        summary: "Set the order of a product's images (the first is the main image)",
        description: "imageIds must be exactly the product's images (400 image_order_mismatch).",
        params: productParams,
        body: reorderImagesInput,
        response: { 200: z.object({ items: z.array(productImageSchema) }) },
      },
    },
    async (req) => ({ items: await reorderImages(sellerCtx(req), req.params.id, req.body) }),
  );

  app.delete(
    '/api/v1/seller/products/:id/images/:imageId',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'deleteProductImage',
        tags,
        summary: 'Remove an image from a product',
        description:
          'The next image becomes the main one. An image the published listing still shows stays ' +
          'visible to buyers until a revision without it is approved.',
        params: productParams.extend({ imageId: z.uuid().describe('Image id.') }),
        response: { 204: z.null().describe('Removed.') },
      },
    },
    async (req, reply) => {
      await deleteProductImage(sellerCtx(req), req.params.id, req.params.imageId);
      reply.code(204);
      return null;
    },
  );

  app.get(
    '/api/v1/seller/images/:id/:size',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'getSellerImage',
        tags,
        summary: "One of the seller's images",
        params: imageParams,
        response: { 200: binary('The image.') },
      },
    },
    async (req, reply) => {
      const file = await sellerImageFile(sellerCtx(req), req.params.id, req.params.size);
      return sendImage(reply, file, req.params.id, req.params.size, 'private, max-age=31536000, immutable');
    },
  );

  app.get(
    '/api/v1/platform/images/:id/:size',
    {
      config: { auth: 'platform', permission: 'listings:read' },
      schema: {
        operationId: 'getPlatformImage',
        tags: ['listing-review'],
        summary: "Any seller's product image, for listing review",
        description: 'Submitted, published or detached images of any seller; 404 for an unknown id.',
        params: imageParams,
        response: { 200: binary('The image.') },
      },
    },
    async (req, reply) => {
      const file = await platformImageFile(platformCtx(req), req.params.id, req.params.size);
      return sendImage(reply, file, req.params.id, req.params.size, 'private, max-age=31536000, immutable');
    },
  );

  app.get(
    '/api/v1/store/images/:id/:size',
    {
      config: { auth: 'public' },
      schema: {
        operationId: 'getStoreImage',
        tags: ['storefront'],
        summary: 'An image of a published listing',
        description: 'Only images that a published listing shows; anything else is 404. Cacheable forever.',
        params: imageParams,
        response: { 200: binary('The image.') },
      },
    },
    async (req, reply) => {
      const file = await publicImageFile(systemCtx(req), req.params.id, req.params.size);
      return sendImage(reply, file, req.params.id, req.params.size, 'public, max-age=31536000, immutable');
    },
  );
}

import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx, SellerCtx, SystemCtx } from '../../../platform/db/tenant';
import { emit } from '../../../platform/events/outbox';
import { copyFile, fileExists, putFile, removeFiles } from '../../../platform/files/store';
import { AppError, conflict, type ErrorParams, notFound } from '../../../platform/http/errors';
import { categoryRules } from '../../platform';
import { listingReviews, productImages, products } from '../schema';
import { visibleProducts } from './history';
import { assertEditable, workingCopyChanged } from './products';

/**
 * Product images. The upload is checked by its content (never its name): JPEG, PNG or WebP, within
 * the byte and pixel limits below. What is stored is a re-encoded original (auto-rotated, metadata
 * and EXIF stripped) and WebP renditions, under `<sellerId>/images/<imageId>/`.
 */
export const IMAGE_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  minSide: 500,
  maxSide: 8000,
  maxPixels: 40_000_000,
  /** The ceiling of any category's image count (categories set 1–30). */
  defaultMaxImages: 30,
} as const;

export const IMAGE_SIZES = ['thumb-100', 'thumb-400', 'large-1200', 'original'] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

const RENDITIONS: { size: Exclude<ImageSize, 'original'>; px: number; quality: number }[] = [
  { size: 'thumb-100', px: 100, quality: 80 },
  { size: 'thumb-400', px: 400, quality: 82 },
  { size: 'large-1200', px: 1200, quality: 85 },
];

const FORMATS = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
} as const;
type Format = keyof typeof FORMATS;

/** An uploaded file as the route read it. */
export interface UploadedFile {
  data: Buffer;
  filename: string | null;
}

type ImageRow = typeof productImages.$inferSelect;

export const imageUrl = (id: string, size: ImageSize) => `/api/v1/seller/images/${id}/${size}`;
export const publicImageUrl = (id: string, size: ImageSize) => `/api/v1/store/images/${id}/${size}`;

export function toImage(row: ImageRow) {
  return {
    id: row.id,
    productId: row.productId,
    position: row.position,
    main: row.productId !== null && row.position === 0,
    mime: row.mime,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    sha256: row.sha256,
    originalName: row.originalName,
    createdAt: row.createdAt.toISOString(),
    urls: {
      thumb100: imageUrl(row.id, 'thumb-100'),
      thumb400: imageUrl(row.id, 'thumb-400'),
      large1200: imageUrl(row.id, 'large-1200'),
      original: imageUrl(row.id, 'original'),
    },
  };
}
export type ProductImage = ReturnType<typeof toImage>;

/** An error about the uploaded file, pointed at the form's file field. */
function fileError(code: string, status: number, params: ErrorParams = {}) {
  return new AppError(code, { status, params, errors: [{ path: 'body.file', message: code, code, params }] });
}

const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** The upload exceeded the per-image byte limit (raised by the route while reading the stream). */
export const imageFileTooLarge = () =>
  fileError('image_file_too_large', 413, { limitMb: megabytes(IMAGE_LIMITS.maxBytes) });

interface Inspected {
  format: Format;
  width: number;
  height: number;
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The type by the file's first bytes (its magic number), whatever its name or declared type says. */
function sniffFormat(data: Buffer): Format | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  if (data.subarray(0, 8).equals(PNG_MAGIC)) return 'png';
  if (data.subarray(0, 4).toString('latin1') === 'RIFF' && data.subarray(8, 12).toString('latin1') === 'WEBP')
    return 'webp';
  return null;
}

/** A name for what a rejected file seems to be (for API clients; the message does not depend on it). */
function otherType(data: Buffer): string {
  const head = data.subarray(0, 256).toString('latin1');
  if (head.startsWith('GIF8')) return 'gif';
  if (head.startsWith('BM')) return 'bmp';
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'tiff';
  if (head.slice(4, 8) === 'ftyp') return /ftyp(avif|avis)/.test(head) ? 'avif' : 'heif';
  if (head.startsWith('%PDF-')) return 'pdf';
  if (/<svg[\s>]/i.test(head) || head.trimStart().startsWith('<?xml')) return 'svg';
  return 'unknown';
}

/** Reads the header only: type by magic bytes, then the pixel limits (before anything is decoded). */
async function inspectImage(data: Buffer): Promise<Inspected> {
  if (data.length === 0) throw fileError('file_empty', 400);
  if (data.length > IMAGE_LIMITS.maxBytes) throw imageFileTooLarge();
  const sniffed = sniffFormat(data);
  if (!sniffed) throw fileError('unsupported_image_type', 415, { type: otherType(data) });
  let meta: Metadata;
  try {
    meta = await sharp(data).metadata();
  } catch {
    throw fileError('image_corrupt', 422);
  }
  const format = meta.format as string | undefined;
  if (format !== sniffed) throw fileError('image_corrupt', 422);
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width <= 0 || height <= 0) throw fileError('image_corrupt', 422);
  const limits = {
    width,
    height,
    minSide: IMAGE_LIMITS.minSide,
    maxSide: IMAGE_LIMITS.maxSide,
    maxMegapixels: IMAGE_LIMITS.maxPixels / 1_000_000,
  };
  if (
    width > IMAGE_LIMITS.maxSide ||
    height > IMAGE_LIMITS.maxSide ||
    width * height > IMAGE_LIMITS.maxPixels
  ) {
    throw fileError('image_too_large', 422, limits);
  }
  if (width < IMAGE_LIMITS.minSide || height < IMAGE_LIMITS.minSide) {
    throw fileError('image_too_small', 422, limits);
  }
  return { format, width, height };
}

function encodeOriginal(image: Sharp, format: Format): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 90, chromaSubsampling: '4:4:4' });
    case 'png':
      return image.png({ compressionLevel: 6 });
    case 'webp':
      return image.webp({ quality: 90 });
  }
}

interface Processed {
  format: Format;
  original: { data: Buffer; width: number; height: number };
  renditions: { size: ImageSize; data: Buffer }[];
}

/**
 * Decodes the whole image (a truncated or damaged file fails here), auto-rotates it by its EXIF
 * orientation and re-encodes it without metadata; the renditions are WebP, never enlarged.
 */
async function processImage(data: Buffer): Promise<Processed> {
  const { format } = await inspectImage(data);
  const base = sharp(data, { failOn: 'truncated', limitInputPixels: IMAGE_LIMITS.maxPixels }).rotate();
  try {
    const [original, ...renditions] = await Promise.all([
      encodeOriginal(base.clone(), format).toBuffer({ resolveWithObject: true }),
      ...RENDITIONS.map((r) =>
        base
          .clone()
          .resize({ width: r.px, height: r.px, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: r.quality })
          .toBuffer(),
      ),
    ]);
    return {
      format,
      original: { data: original.data, width: original.info.width, height: original.info.height },
      renditions: RENDITIONS.map((r, i) => ({ size: r.size, data: renditions[i] as Buffer })),
    };
  } catch {
    throw fileError('image_corrupt', 422);
  }
}

const imageDir = (sellerId: string, id: string) => `${sellerId}/images/${id}`;

interface StoredFiles {
  fileKey: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
}

/**
 * The same file (by sha256) that the seller uploaded before, on any product or none: its processed
 * files are copied under `dir` instead of decoding and re-encoding it again (the same photo used on
 * several products, a re-run import). Null when there is none, or its files are gone (removed after
 * a delete): the caller then processes the upload.
 */
async function copyOfEarlierUpload(ctx: SellerCtx, sha256: string, dir: string): Promise<StoredFiles | null> {
  const [earlier] = await ctx.tx
    .select()
    .from(productImages)
    .where(and(eq(productImages.sellerId, ctx.sellerId), eq(productImages.sha256, sha256)))
    .orderBy(asc(productImages.createdAt))
    .limit(1);
  if (!earlier) return null;
  const fileKey = `${dir}/${earlier.fileKey.split('/').pop() as string}`;
  try {
    await copyFile(earlier.fileKey, fileKey);
    for (const r of RENDITIONS) await copyFile(fileOf(earlier, r.size).key, `${dir}/${r.size}.webp`);
  } catch {
    await removeFiles(dir).catch(() => {});
    return null;
  }
  return { fileKey, mime: earlier.mime, width: earlier.width, height: earlier.height, bytes: earlier.bytes };
}

/** Validates, processes and writes the upload's files under `dir`. */
async function processedFiles(data: Buffer, dir: string): Promise<StoredFiles> {
  const processed = await processImage(data);
  const { ext, mime } = FORMATS[processed.format];
  const fileKey = `${dir}/original.${ext}`;
  try {
    await putFile(fileKey, processed.original.data);
    for (const r of processed.renditions) await putFile(`${dir}/${r.size}.webp`, r.data);
  } catch (err) {
    await removeFiles(dir).catch(() => {});
    throw err;
  }
  return {
    fileKey,
    mime,
    width: processed.original.width,
    height: processed.original.height,
    bytes: processed.original.data.length,
  };
}

/**
 * Stores the upload's files (copied from an earlier upload of the same content, else validated and
 * processed) and inserts the row (the files go if the insert fails).
 */
async function storeImage(
  ctx: SellerCtx,
  file: UploadedFile,
  sha256: string,
  place: { productId: string | null; position: () => Promise<number> },
): Promise<ImageRow> {
  const id = newId();
  const dir = imageDir(ctx.sellerId, id);
  const stored =
    (file.data.length > 0 ? await copyOfEarlierUpload(ctx, sha256, dir) : null) ??
    (await processedFiles(file.data, dir));
  try {
    const [row] = await ctx.tx
      .insert(productImages)
      .values({
        id,
        sellerId: ctx.sellerId,
        productId: place.productId,
        ...stored,
        sha256,
        originalName: cleanName(file.filename),
        position: await place.position(),
        createdAt: ctx.now,
      })
      .returning();
    if (!row) throw new Error('image insert returned no row');
    return row;
  } catch (err) {
    await removeFiles(dir).catch(() => {});
    throw err;
  }
}

function cleanName(name: string | null): string | null {
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base.slice(0, 255) : null;
}

const sha256Of = (data: Buffer) => createHash('sha256').update(data).digest('hex');

interface ProductRef {
  id: string;
  categoryId: string;
  published: (typeof products.$inferSelect)['published'];
  reviewState: (typeof products.$inferSelect)['reviewState'];
  saleState: (typeof products.$inferSelect)['saleState'];
}

/** The seller's product, optionally locked against concurrent image changes; 404 for anyone else's. */
async function loadProduct(ctx: SellerCtx, productId: string, lock = false): Promise<ProductRef> {
  const query = ctx.tx
    .select({
      id: products.id,
      categoryId: products.categoryId,
      published: products.published,
      reviewState: products.reviewState,
      saleState: products.saleState,
    })
    .from(products)
    .where(and(visibleProducts(ctx), eq(products.id, productId)));
  const [row] = lock ? await query.for('no key update') : await query;
  if (!row) throw notFound('product');
  return row;
}

/** The most images a product of the category may have (the category's rule, inherited; 30 at most). */
async function maxImagesOf(ctx: AnyCtx, categoryId: string): Promise<number> {
  const rules = await categoryRules(ctx, categoryId);
  return Math.min(rules?.maxImages ?? IMAGE_LIMITS.defaultMaxImages, IMAGE_LIMITS.defaultMaxImages);
}

async function imageCount(ctx: Pick<SellerCtx, 'tx' | 'sellerId'>, productId: string): Promise<number> {
  const [row] = await ctx.tx
    .select({ n: count() })
    .from(productImages)
    .where(and(eq(productImages.sellerId, ctx.sellerId), eq(productImages.productId, productId)));
  return row?.n ?? 0;
}

async function nextPosition(ctx: Pick<SellerCtx, 'tx' | 'sellerId'>, productId: string): Promise<number> {
  const [row] = await ctx.tx
    .select({ next: sql<number>`coalesce(max(${productImages.position}) + 1, 0)::int` })
    .from(productImages)
    .where(and(eq(productImages.sellerId, ctx.sellerId), eq(productImages.productId, productId)));
  return row?.next ?? 0;
}

async function findBySha(ctx: Pick<SellerCtx, 'tx' | 'sellerId'>, productId: string, sha256: string) {
  const [row] = await ctx.tx
    .select()
    .from(productImages)
    .where(
      and(
        eq(productImages.sellerId, ctx.sellerId),
        eq(productImages.productId, productId),
        eq(productImages.sha256, sha256),
      ),
    )
    .limit(1);
  return row ?? null;
}

async function checkRoom(ctx: SellerCtx, product: ProductRef, adding: number) {
  const max = await maxImagesOf(ctx, product.categoryId);
  const current = await imageCount(ctx, product.id);
  if (current + adding > max) throw conflict('too_many_images', { max, current });
}

/**
 * Adds an image to a product (appended after the others; the first image is the main one).
 * The same file uploaded again to the same product returns the existing image (`created: false`).
 */
export async function uploadProductImage(
  ctx: SellerCtx,
  productId: string,
  file: UploadedFile,
): Promise<{ image: ProductImage; created: boolean }> {
  const product = await loadProduct(ctx, productId);
  const sha256 = sha256Of(file.data);
  const same = file.data.length > 0 ? await findBySha(ctx, productId, sha256) : null;
  if (same) return { image: toImage(same), created: false };
  assertEditable(product);
  await checkRoom(ctx, product, 1);
  // Decoding takes the time; the product is locked only for the final checks and the insert.
  const row = await storeImage(ctx, file, sha256, {
    productId,
    position: async () => {
      await loadProduct(ctx, productId, true);
      const raced = await findBySha(ctx, productId, sha256);
      if (raced) throw conflict('image_duplicate');
      await checkRoom(ctx, product, 1);
      return nextPosition(ctx, productId);
    },
  });
  await workingCopyChanged(ctx, productId);
  await recordAudit(ctx, {
    action: 'product_image.uploaded',
    entityType: 'product',
    entityId: productId,
    after: { imageId: row.id, sha256, width: row.width, height: row.height, originalName: row.originalName },
  });
  return { image: toImage(row), created: true };
}

/** An image not yet on a product (the product form before its first save, bulk-import ZIPs). */
export async function uploadImage(ctx: SellerCtx, file: UploadedFile): Promise<ProductImage> {
  const row = await storeImage(ctx, file, sha256Of(file.data), { productId: null, position: async () => 0 });
  await recordAudit(ctx, {
    action: 'product_image.uploaded',
    entityType: 'product_image',
    entityId: row.id,
    after: { sha256: row.sha256, width: row.width, height: row.height, originalName: row.originalName },
  });
  return toImage(row);
}

/** Image ids of the product's working copy, main image first. */
export async function productImageIds(
  ctx: Pick<SellerCtx, 'tx' | 'sellerId'>,
  productId: string,
): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: productImages.id })
    .from(productImages)
    .where(and(eq(productImages.sellerId, ctx.sellerId), eq(productImages.productId, productId)))
    .orderBy(asc(productImages.position), asc(productImages.id));
  return rows.map((r) => r.id);
}

export async function listProductImages(ctx: SellerCtx, productId: string): Promise<ProductImage[]> {
  await loadProduct(ctx, productId);
  const rows = await ctx.tx
    .select()
    .from(productImages)
    .where(and(eq(productImages.sellerId, ctx.sellerId), eq(productImages.productId, productId)))
    .orderBy(asc(productImages.position), asc(productImages.id));
  return rows.map(toImage);
}

/**
 * Attaches unattached uploads to a product, appended in the given order (import, product creation).
 * Ids that are not the seller's images, or belong to another product, are 400s at `path`; an image
 * whose file the product already has is skipped. Returns the product's image ids in order.
 * The caller (product creation, import) refreshes what derives from the working copy.
 */
export async function attachImages(
  ctx: SellerCtx,
  productId: string,
  imageIds: readonly string[],
  path = 'body.imageIds',
): Promise<string[]> {
  const product = await loadProduct(ctx, productId, true);
  const wanted = [...new Set(imageIds)];
  if (wanted.length === 0) return productImageIds(ctx, productId);
  const rows = await ctx.tx
    .select()
    .from(productImages)
    .where(and(eq(productImages.sellerId, ctx.sellerId), inArray(productImages.id, wanted)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const errors = imageIds.flatMap((id, i) => {
    const row = byId.get(id);
    if (!row) return [{ path: `${path}.${i}`, message: 'image_not_found', code: 'image_not_found' }];
    if (row.productId !== null && row.productId !== productId)
      return [{ path: `${path}.${i}`, message: 'image_in_use', code: 'image_in_use' }];
    return [];
  });
  if (errors.length > 0) throw new AppError('validation_failed', { status: 400, errors });
  const existing = await ctx.tx
    .select({ id: productImages.id, sha256: productImages.sha256 })
    .from(productImages)
    .where(and(eq(productImages.sellerId, ctx.sellerId), eq(productImages.productId, productId)));
  const shas = new Set(existing.map((r) => r.sha256));
  const toAttach: string[] = [];
  for (const id of wanted) {
    const row = byId.get(id) as ImageRow;
    if (row.productId === productId || shas.has(row.sha256)) continue;
    shas.add(row.sha256);
    toAttach.push(id);
  }
  if (toAttach.length > 0) {
    await checkRoom(ctx, product, toAttach.length);
    const start = await nextPosition(ctx, productId);
    await ctx.tx
      .update(productImages)
      .set({
        productId,
        position: sql`${start} + array_position(${sql.param(toAttach)}::uuid[], ${productImages.id}) - 1`,
      })
      .where(and(eq(productImages.sellerId, ctx.sellerId), inArray(productImages.id, toAttach)));
  }
  return productImageIds(ctx, productId);
}

export const reorderImagesInput = z
  .object({
    imageIds: z
      .array(z.uuid())
      .max(IMAGE_LIMITS.defaultMaxImages)
      .describe('Every image id of the product, in the new order; the first becomes the main image.'),
  })
  .strict();

/** Sets the order of the product's images; the ids must be exactly the product's images. */
export async function reorderImages(
  ctx: SellerCtx,
  productId: string,
  input: z.infer<typeof reorderImagesInput>,
): Promise<ProductImage[]> {
  const product = await loadProduct(ctx, productId, true);
  const before = await productImageIds(ctx, productId);
  const given = new Set(input.imageIds);
  const same =
    given.size === input.imageIds.length &&
    given.size === before.length &&
    before.every((id) => given.has(id));
  if (!same) {
    const params = { expected: before.length, given: input.imageIds.length };
    throw new AppError('image_order_mismatch', {
      status: 400,
      params,
      errors: [
        { path: 'body.imageIds', message: 'image_order_mismatch', code: 'image_order_mismatch', params },
      ],
    });
  }
  if (before.join() !== input.imageIds.join()) {
    assertEditable(product);
    await ctx.tx
      .update(productImages)
      .set({ position: sql`array_position(${sql.param(input.imageIds)}::uuid[], ${productImages.id}) - 1` })
      .where(and(eq(productImages.sellerId, ctx.sellerId), eq(productImages.productId, productId)));
    await recordAudit(ctx, {
      action: 'product_image.reordered',
      entityType: 'product',
      entityId: productId,
      before: { imageIds: before },
      after: { imageIds: input.imageIds },
    });
    await workingCopyChanged(ctx, productId);
  }
  return listProductImages(ctx, productId);
}

/** Whether the product's published copy or its pending review shows the image. */
async function inUseBySnapshot(ctx: SellerCtx, product: ProductRef, imageId: string): Promise<boolean> {
  if (product.published?.imageIds.includes(imageId)) return true;
  const [pending] = await ctx.tx
    .select({ id: listingReviews.id })
    .from(listingReviews)
    .where(
      and(
        eq(listingReviews.sellerId, ctx.sellerId),
        eq(listingReviews.productId, product.id),
        eq(listingReviews.decision, 'pending'),
        sql`${listingReviews.snapshot}->'imageIds' @> jsonb_build_array(${imageId}::text)`,
      ),
    )
    .limit(1);
  return pending !== undefined;
}

/**
 * Removes an image from the product's working copy; the others close up (the next becomes main).
 * An image the published copy or a pending review still shows is only detached (kept, with its
 * files, until the daily cleanup finds nothing showing it); otherwise the row goes now and its files
 * are removed after the commit by the `image.deleted` consumer.
 */
export async function deleteProductImage(ctx: SellerCtx, productId: string, imageId: string): Promise<void> {
  const product = await loadProduct(ctx, productId, true);
  const [row] = await ctx.tx
    .select()
    .from(productImages)
    .where(
      and(
        eq(productImages.sellerId, ctx.sellerId),
        eq(productImages.productId, productId),
        eq(productImages.id, imageId),
      ),
    );
  if (!row) throw notFound('image');
  assertEditable(product);
  if (await inUseBySnapshot(ctx, product, imageId)) {
    await ctx.tx
      .update(productImages)
      .set({ productId: null, position: 0 })
      .where(and(eq(productImages.sellerId, ctx.sellerId), eq(productImages.id, imageId)));
  } else {
    await ctx.tx
      .delete(productImages)
      .where(and(eq(productImages.sellerId, ctx.sellerId), eq(productImages.id, imageId)));
    await emit(ctx, 'image.deleted', { sellerId: ctx.sellerId, imageId, productId });
  }
  await ctx.tx
    .update(productImages)
    .set({ position: sql`${productImages.position} - 1` })
    .where(
      and(
        eq(productImages.sellerId, ctx.sellerId),
        eq(productImages.productId, productId),
        sql`${productImages.position} > ${row.position}`,
      ),
    );
  await recordAudit(ctx, {
    action: 'product_image.deleted',
    entityType: 'product',
    entityId: productId,
    before: { imageId, position: row.position, sha256: row.sha256 },
    after: null,
  });
  await workingCopyChanged(ctx, productId);
}

export interface ImageFile {
  key: string;
  mime: string;
}

function fileOf(row: Pick<ImageRow, 'id' | 'fileKey' | 'mime' | 'sellerId'>, size: ImageSize): ImageFile {
  if (size === 'original') return { key: row.fileKey, mime: row.mime };
  return { key: `${imageDir(row.sellerId, row.id)}/${size}.webp`, mime: 'image/webp' };
}

async function existing(file: ImageFile): Promise<ImageFile> {
  if (!(await fileExists(file.key))) throw notFound('image');
  return file;
}

/** One of the seller's own images (attached or not), for the console. */
export async function sellerImageFile(ctx: SellerCtx, imageId: string, size: ImageSize): Promise<ImageFile> {
  const [row] = await ctx.tx
    .select()
    .from(productImages)
    .where(and(eq(productImages.sellerId, ctx.sellerId), eq(productImages.id, imageId)));
  if (!row) throw notFound('image');
  return existing(fileOf(row, size));
}

const shows = (imageId: string) =>
  sql`${products.published}->'imageIds' @> jsonb_build_array(${imageId}::text)`;

/** An image for buyers: only one that some published product shows. */
export async function publicImageFile(ctx: SystemCtx, imageId: string, size: ImageSize): Promise<ImageFile> {
  const [row] = await ctx.tx.select().from(productImages).where(eq(productImages.id, imageId));
  if (!row) throw notFound('image');
  // An attached image can only be shown by its own product; a detached one (removed from a working
  // copy while the published copy still shows it) is looked for among its seller's products.
  const candidates = row.productId
    ? eq(products.id, row.productId)
    : and(eq(products.sellerId, row.sellerId), isNotNull(products.published));
  const shown = await ctx.tx
    .select({ id: products.id })
    .from(products)
    .where(and(candidates, shows(imageId)))
    .limit(1);
  if (shown.length === 0) throw notFound('image');
  return existing(fileOf(row, size));
}

/** Any seller's image, for operators (listing review): attached or not, on sale or not. */
export async function platformImageFile(
  ctx: Pick<AnyCtx, 'tx'>,
  imageId: string,
  size: ImageSize,
): Promise<ImageFile> {
  const [row] = await ctx.tx.select().from(productImages).where(eq(productImages.id, imageId));
  if (!row) throw notFound('image');
  return existing(fileOf(row, size));
}

/** After-commit removal of a deleted image's files; does nothing if the row still exists. */
export async function removeDeletedImageFiles(
  ctx: AnyCtx,
  input: { sellerId: string; imageId: string },
): Promise<void> {
  const [row] = await ctx.tx
    .select({ id: productImages.id })
    .from(productImages)
    .where(eq(productImages.id, input.imageId));
  if (row) return;
  await removeFiles(imageDir(input.sellerId, input.imageId));
}

/**
 * Daily: removes unattached images older than `olderThanDays` that no published product and no
 * pending review shows (abandoned form uploads, import leftovers, detached images no longer shown).
 * Rows go in the caller's transaction; the returned directories are removed after its commit.
 */
export async function purgeUnusedImages(
  ctx: SystemCtx,
  opts: { olderThanDays?: number; limit?: number } = {},
): Promise<string[]> {
  const cutoff = new Date(ctx.now.getTime() - (opts.olderThanDays ?? 7) * 86_400_000);
  const deleted = await ctx.tx
    .delete(productImages)
    .where(
      inArray(
        productImages.id,
        ctx.tx
          .select({ id: productImages.id })
          .from(productImages)
          .where(
            and(
              isNull(productImages.productId),
              sql`${productImages.createdAt} < ${cutoff}`,
              sql`not exists (select 1 from ${products} p where p.seller_id = ${productImages.sellerId}
                and p.published->'imageIds' @> jsonb_build_array(${productImages.id}::text))`,
              sql`not exists (select 1 from ${listingReviews} r where r.seller_id = ${productImages.sellerId}
                and r.decision = 'pending' and r.snapshot->'imageIds' @> jsonb_build_array(${productImages.id}::text))`,
            ),
          )
          .limit(opts.limit ?? 1000),
      ),
    )
    .returning({ id: productImages.id, sellerId: productImages.sellerId });
  return deleted.map((r) => imageDir(r.sellerId, r.id));
}

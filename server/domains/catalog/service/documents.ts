import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  ilike,
  inArray,
  isNotNull,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import sharp from 'sharp';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { isUuid, newId } from '../../../platform/db/ids';
import type { PlatformCtx, SellerCtx } from '../../../platform/db/tenant';
import { emit } from '../../../platform/events/outbox';
import { fileExists, putFile } from '../../../platform/files/store';
import {
  AppError,
  badRequest,
  conflict,
  type ErrorParams,
  invalidField,
  notFound,
} from '../../../platform/http/errors';
import { decodeCursor, encodeCursor, pageQuery } from '../../../platform/http/pagination';
import { documentTypesByIds, type EffectiveDocumentType } from '../../platform';
import { complianceDocuments, DOCUMENT_STATUSES, type PerLang, productDocuments, products } from '../schema';
import { requiredTypeIds, restoreCompliantProducts, saleCategory, todayOf } from './compliance';
import { visibleProducts } from './history';
import type { UploadedFile } from './images';
import { assertEditable, workingCopyChanged } from './products';

/**
 * Compliance documents (certificates, declarations of conformity) a seller holds, their scans, and
 * their links to products. A category may require document types; a product on sale in it needs a
 * valid, unexpired document of each (see compliance.ts and the daily expiry job).
 */
export const DOCUMENT_FILE_LIMIT = 20 * 1024 * 1024;

const isoDate = z.iso.date();

const documentFields = {
  documentTypeId: z.uuid().describe('A document type of the platform.'),
  number: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .transform((s) => s.replace(/\s+/g, ' '))
    .describe(
      "The document's number, in the format of its type (400 document_number_invalid shows an example).",
    ),
  issuer: z.string().trim().max(300).nullable().optional().describe('Certification body or authority.'),
  issuedOn: isoDate.nullable().optional().describe('YYYY-MM-DD; not in the future.'),
  expiresOn: isoDate
    .nullable()
    .optional()
    .describe('YYYY-MM-DD; required when the type expires; today or later. Valid through this day.'),
};

export const createDocumentInput = z.object(documentFields).strict();
export type CreateDocumentInput = z.infer<typeof createDocumentInput>;

const { documentTypeId: _type, ...updatable } = documentFields;
export const updateDocumentInput = z
  .object({ ...updatable, number: updatable.number.optional() })
  .strict()
  .describe('Send only the fields to change; null clears an optional field. The type cannot change.');
export type UpdateDocumentInput = z.infer<typeof updateDocumentInput>;

export const documentListQuery = pageQuery.extend({
  documentTypeId: z.uuid().optional().describe('Only documents of this type.'),
  status: z.enum(DOCUMENT_STATUSES).optional().describe('valid or expired.'),
  expiringWithinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .optional()
    .describe('Only valid documents that expire within this many days from today.'),
  q: z.string().trim().min(1).max(100).optional().describe('Part of the number or the issuer.'),
});
export type DocumentListQuery = z.infer<typeof documentListQuery>;

export const linkDocumentsInput = z
  .object({
    documentIds: z
      .array(z.uuid())
      .max(50)
      .describe("The product's documents after the change (replaces the current set)."),
  })
  .strict();

type DocumentRow = typeof complianceDocuments.$inferSelect;

const DAY = 86_400_000;
/** Whole days from `today` to `date` (both YYYY-MM-DD); negative once past. */
export const daysBetween = (today: string, date: string) =>
  Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);

function toDocument(
  row: DocumentRow,
  type: EffectiveDocumentType | undefined,
  linked: number,
  today: string,
) {
  return {
    id: row.id,
    documentType: type
      ? { id: type.id, key: type.key, names: type.names, expires: type.expires }
      : { id: row.documentTypeId, key: '', names: {}, expires: true },
    number: row.number,
    issuer: row.issuer,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    status: row.status,
    expiresInDays: row.expiresOn ? daysBetween(today, row.expiresOn) : null,
    file: row.fileKey
      ? {
          name: row.fileName ?? `document.${row.fileKey.split('.').pop()}`,
          url: `/api/v1/seller/documents/${row.id}/file`,
        }
      : null,
    linkedProducts: linked,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ComplianceDocument = ReturnType<typeof toDocument>;

async function typesById(ctx: SellerCtx, ids: readonly string[]) {
  return new Map((await documentTypesByIds(ctx, ids)).map((t) => [t.id, t]));
}

async function linkedCounts(ctx: SellerCtx, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.tx
    .select({ id: productDocuments.documentId, n: count() })
    .from(productDocuments)
    .where(and(eq(productDocuments.sellerId, ctx.sellerId), inArray(productDocuments.documentId, [...ids])))
    .groupBy(productDocuments.documentId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

async function present(ctx: SellerCtx, rows: DocumentRow[]): Promise<ComplianceDocument[]> {
  const types = await typesById(
    ctx,
    rows.map((r) => r.documentTypeId),
  );
  const counts = await linkedCounts(
    ctx,
    rows.map((r) => r.id),
  );
  const today = todayOf(ctx);
  return rows.map((r) => toDocument(r, types.get(r.documentTypeId), counts.get(r.id) ?? 0, today));
}

async function loadDocument(ctx: SellerCtx, id: string, lock = false): Promise<DocumentRow> {
  const query = ctx.tx
    .select()
    .from(complianceDocuments)
    .where(and(eq(complianceDocuments.sellerId, ctx.sellerId), eq(complianceDocuments.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('document');
  return row;
}

/** The whole number must match the type's pattern (an unanchored pattern is anchored here). */
export function numberMatches(pattern: string | null, number: string): boolean {
  if (!pattern) return true;
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`);
  } catch {
    return true;
  }
  return re.test(number);
}

function typeName(type: EffectiveDocumentType, locale: string): string {
  return (
    type.names[locale as keyof PerLang] ?? type.names['en-US'] ?? Object.values(type.names)[0] ?? type.key
  );
}

/**
 * Field checks that need the type and today: number format, dates, expiry. On a change only the
 * changed fields are held to today's rules (an old issue date may stay as it is).
 */
function checkFields(
  ctx: SellerCtx,
  type: EffectiveDocumentType,
  doc: { number: string; issuedOn: string | null; expiresOn: string | null },
  changed: { number: boolean; issuedOn: boolean; expiresOn: boolean } = {
    number: true,
    issuedOn: true,
    expiresOn: true,
  },
) {
  const errors: { path: string; message: string; code: string; params?: ErrorParams }[] = [];
  const add = (path: string, code: string, params?: ErrorParams) =>
    errors.push({ path, message: code, code, ...(params ? { params } : {}) });
  const today = todayOf(ctx);
  if (changed.number && !numberMatches(type.numberPattern, doc.number)) {
    add('body.number', 'document_number_invalid', {
      documentType: typeName(type, ctx.locale),
      example: type.numberExample ?? type.numberPattern ?? '',
    });
  }
  if (changed.issuedOn && doc.issuedOn && doc.issuedOn > today)
    add('body.issuedOn', 'document_issued_in_future');
  if (type.expires && !doc.expiresOn) add('body.expiresOn', 'document_expiry_required');
  if (changed.expiresOn && doc.expiresOn && doc.expiresOn < today)
    add('body.expiresOn', 'document_already_expired', { expiresOn: doc.expiresOn });
  else if (
    (changed.expiresOn || changed.issuedOn) &&
    doc.issuedOn &&
    doc.expiresOn &&
    doc.expiresOn <= doc.issuedOn
  )
    add('body.expiresOn', 'document_expires_before_issue');
  if (errors.length > 0) throw new AppError('validation_failed', { status: 400, errors });
}

async function documentType(ctx: SellerCtx, id: string): Promise<EffectiveDocumentType> {
  const [type] = await documentTypesByIds(ctx, [id]);
  if (!type) throw invalidField('body.documentTypeId', 'document_type_not_found');
  return type;
}

/** The unique index on (seller, type, number) is the guard; its violation becomes a clear 409. */
async function guardNumber<T>(number: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
    const pg = e.code === '23505' ? e : e.cause;
    if (pg?.code === '23505' && pg.constraint === 'compliance_documents_number_idx') {
      throw new AppError('document_number_taken', {
        status: 409,
        params: { number },
        errors: [
          {
            path: 'body.number',
            message: 'document_number_taken',
            code: 'document_number_taken',
            params: { number },
          },
        ],
      });
    }
    throw err;
  }
}

const auditable = (row: DocumentRow) => ({
  documentTypeId: row.documentTypeId,
  number: row.number,
  issuer: row.issuer,
  issuedOn: row.issuedOn,
  expiresOn: row.expiresOn,
  status: row.status,
  fileName: row.fileName,
});

export async function createDocument(
  ctx: SellerCtx,
  input: CreateDocumentInput,
): Promise<ComplianceDocument> {
  const type = await documentType(ctx, input.documentTypeId);
  const doc = { number: input.number, issuedOn: input.issuedOn ?? null, expiresOn: input.expiresOn ?? null };
  checkFields(ctx, type, doc);
  const [row] = await guardNumber(input.number, () =>
    ctx.tx
      .insert(complianceDocuments)
      .values({
        id: newId(),
        sellerId: ctx.sellerId,
        documentTypeId: type.id,
        number: doc.number,
        issuer: input.issuer || null,
        issuedOn: doc.issuedOn,
        expiresOn: doc.expiresOn,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning(),
  );
  if (!row) throw new Error('document insert returned no row');
  await recordAudit(ctx, {
    action: 'document.created',
    entityType: 'document',
    entityId: row.id,
    before: null,
    after: auditable(row),
  });
  return (await present(ctx, [row]))[0] as ComplianceDocument;
}

export async function getDocument(ctx: SellerCtx, id: string) {
  const row = await loadDocument(ctx, id);
  const doc = (await present(ctx, [row]))[0] as ComplianceDocument;
  const linked = await ctx.tx
    .select({
      id: products.id,
      number: products.number,
      title: products.title,
      saleState: products.saleState,
      reviewState: products.reviewState,
    })
    .from(productDocuments)
    .innerJoin(products, eq(products.id, productDocuments.productId))
    .where(and(eq(productDocuments.sellerId, ctx.sellerId), eq(productDocuments.documentId, id)))
    .orderBy(desc(products.number))
    .limit(100);
  return { ...doc, products: linked };
}

/**
 * Changes a document. A new expiry date resets the reminders; a document that had expired and gets
 * a date in the future is valid again, and the products it suspended return to sale.
 */
export async function updateDocument(
  ctx: SellerCtx,
  id: string,
  input: UpdateDocumentInput,
): Promise<ComplianceDocument> {
  const before = await loadDocument(ctx, id, true);
  const type = await documentType(ctx, before.documentTypeId);
  const next = {
    number: input.number ?? before.number,
    issuer: input.issuer !== undefined ? input.issuer || null : before.issuer,
    issuedOn: input.issuedOn !== undefined ? input.issuedOn : before.issuedOn,
    expiresOn: input.expiresOn !== undefined ? input.expiresOn : before.expiresOn,
  };
  checkFields(ctx, type, next, {
    number: next.number !== before.number,
    issuedOn: next.issuedOn !== before.issuedOn,
    expiresOn: next.expiresOn !== before.expiresOn,
  });
  const expiryChanged = next.expiresOn !== before.expiresOn;
  // checkFields let a changed date through only if it is today or later (or none, for a type that never expires).
  const revived = before.status === 'expired' && expiryChanged;
  const [after] = await guardNumber(next.number, () =>
    ctx.tx
      .update(complianceDocuments)
      .set({
        ...next,
        ...(expiryChanged ? { remindedDays: null } : {}),
        ...(revived ? { status: 'valid' as const } : {}),
        updatedAt: ctx.now,
      })
      .where(and(eq(complianceDocuments.sellerId, ctx.sellerId), eq(complianceDocuments.id, id)))
      .returning(),
  );
  if (!after) throw notFound('document');
  await recordAudit(ctx, {
    action: 'document.updated',
    entityType: 'document',
    entityId: id,
    before: auditable(before),
    after: auditable(after),
  });
  if (revived) await restoreCompliantProducts(ctx, await linkedProductIds(ctx, [id]));
  return (await present(ctx, [after]))[0] as ComplianceDocument;
}

/** Deletes a document that no product uses (409 document_linked otherwise); its scan goes after commit. */
export async function deleteDocument(ctx: SellerCtx, id: string): Promise<void> {
  const before = await loadDocument(ctx, id, true);
  const linked = (await linkedCounts(ctx, [id])).get(id) ?? 0;
  if (linked > 0) throw conflict('document_linked', { products: linked });
  await ctx.tx
    .delete(complianceDocuments)
    .where(and(eq(complianceDocuments.sellerId, ctx.sellerId), eq(complianceDocuments.id, id)));
  if (before.fileKey)
    await emit(ctx, 'document.file_removed', { sellerId: ctx.sellerId, fileKey: before.fileKey });
  await recordAudit(ctx, {
    action: 'document.deleted',
    entityType: 'document',
    entityId: id,
    before: auditable(before),
    after: null,
  });
}

/** Hot query: a page of the seller's documents, soonest expiry first (no expiry last), then id. */
export function documentPageQuery(ctx: SellerCtx, q: DocumentListQuery) {
  const expiryKey = sql<string>`coalesce(${complianceDocuments.expiresOn}, '9999-12-31'::date)`;
  const cursor = decodeCursor(q.cursor, 2);
  let after: SQL | undefined;
  if (cursor) {
    const [day, lastId] = [String(cursor[0]), String(cursor[1])];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isUuid(lastId)) throw badRequest('invalid_cursor');
    after = or(
      sql`${expiryKey} > ${day}::date`,
      and(sql`${expiryKey} = ${day}::date`, gt(complianceDocuments.id, lastId)),
    );
  }
  const today = todayOf(ctx);
  const until =
    q.expiringWithinDays !== undefined
      ? new Date(Date.parse(`${today}T00:00:00Z`) + q.expiringWithinDays * DAY).toISOString().slice(0, 10)
      : null;
  const pattern = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return ctx.tx
    .select()
    .from(complianceDocuments)
    .where(
      and(
        eq(complianceDocuments.sellerId, ctx.sellerId),
        q.documentTypeId ? eq(complianceDocuments.documentTypeId, q.documentTypeId) : undefined,
        q.status ? eq(complianceDocuments.status, q.status) : undefined,
        until
          ? and(
              eq(complianceDocuments.status, 'valid'),
              isNotNull(complianceDocuments.expiresOn),
              lte(complianceDocuments.expiresOn, until),
            )
          : undefined,
        pattern
          ? or(ilike(complianceDocuments.number, pattern), ilike(complianceDocuments.issuer, pattern))
          : undefined,
        after,
      ),
    )
    .orderBy(asc(expiryKey), asc(complianceDocuments.id))
    .limit(q.limit + 1);
}

export async function listDocuments(ctx: SellerCtx, q: DocumentListQuery) {
  const rows = await documentPageQuery(ctx, q);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: await present(ctx, page),
    nextCursor:
      rows.length > q.limit && last ? encodeCursor([last.expiresOn ?? '9999-12-31', last.id]) : null,
  };
}

// ---- Scans ----

const SCAN_TYPES = {
  pdf: { mime: 'application/pdf', ext: 'pdf' },
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
} as const;
type ScanType = keyof typeof SCAN_TYPES;

function fileError(code: string, status: number, params: ErrorParams = {}) {
  return new AppError(code, { status, params, errors: [{ path: 'body.file', message: code, code, params }] });
}

export const documentFileTooLarge = () =>
  fileError('document_file_too_large', 413, { limitMb: DOCUMENT_FILE_LIMIT / 1024 / 1024 });

/** The scan's type by its content: a PDF (header, and an end-of-file marker), a JPEG or a PNG that decodes. */
async function scanType(data: Buffer): Promise<ScanType> {
  if (data.length === 0) throw fileError('file_empty', 400);
  if (data.length > DOCUMENT_FILE_LIMIT) throw documentFileTooLarge();
  if (data.subarray(0, 1024).includes('%PDF-')) {
    if (!data.subarray(Math.max(0, data.length - 2048)).includes('%%EOF'))
      throw fileError('document_file_corrupt', 422);
    return 'pdf';
  }
  const isJpeg = data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
  const isPng = data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (!isJpeg && !isPng) throw fileError('unsupported_document_type', 415);
  try {
    await sharp(data, { failOn: 'truncated' }).stats();
  } catch {
    throw fileError('document_file_corrupt', 422);
  }
  return isJpeg ? 'jpeg' : 'png';
}

function cleanName(name: string | null, ext: string): string {
  const base = name?.split(/[\\/]/).pop()?.trim().slice(0, 200);
  return base || `document.${ext}`;
}

/** Attaches (or replaces) the document's scan; the replaced file goes after commit. */
export async function putDocumentFile(
  ctx: SellerCtx,
  id: string,
  file: UploadedFile,
): Promise<ComplianceDocument> {
  const before = await loadDocument(ctx, id, true);
  const type = await scanType(file.data);
  const { ext } = SCAN_TYPES[type];
  const fileKey = `${ctx.sellerId}/documents/${id}/${newId()}.${ext}`;
  await putFile(fileKey, file.data);
  const [after] = await ctx.tx
    .update(complianceDocuments)
    .set({ fileKey, fileName: cleanName(file.filename, ext), updatedAt: ctx.now })
    .where(and(eq(complianceDocuments.sellerId, ctx.sellerId), eq(complianceDocuments.id, id)))
    .returning();
  if (!after) throw notFound('document');
  if (before.fileKey)
    await emit(ctx, 'document.file_removed', { sellerId: ctx.sellerId, fileKey: before.fileKey });
  await recordAudit(ctx, {
    action: 'document.file_uploaded',
    entityType: 'document',
    entityId: id,
    before: { fileName: before.fileName },
    after: { fileName: after.fileName, bytes: file.data.length },
  });
  return (await present(ctx, [after]))[0] as ComplianceDocument;
}

export async function deleteDocumentFile(ctx: SellerCtx, id: string): Promise<ComplianceDocument> {
  const before = await loadDocument(ctx, id, true);
  if (!before.fileKey) throw notFound('document_file');
  const [after] = await ctx.tx
    .update(complianceDocuments)
    .set({ fileKey: null, fileName: null, updatedAt: ctx.now })
    .where(and(eq(complianceDocuments.sellerId, ctx.sellerId), eq(complianceDocuments.id, id)))
    .returning();
  if (!after) throw notFound('document');
  await emit(ctx, 'document.file_removed', { sellerId: ctx.sellerId, fileKey: before.fileKey });
  await recordAudit(ctx, {
    action: 'document.file_deleted',
    entityType: 'document',
    entityId: id,
    before: { fileName: before.fileName },
    after: null,
  });
  return (await present(ctx, [after]))[0] as ComplianceDocument;
}

export async function documentFile(ctx: SellerCtx, id: string) {
  return scanOf(await loadDocument(ctx, id));
}

/** Any seller's document scan, for operators reviewing listings. */
export async function platformDocumentFile(ctx: PlatformCtx, id: string) {
  if (!isUuid(id)) throw notFound('document');
  const [row] = await ctx.tx.select().from(complianceDocuments).where(eq(complianceDocuments.id, id));
  if (!row) throw notFound('document');
  return scanOf(row);
}

/**
 * The documents a submission links (any seller's), in the order given, for the operators' review:
 * type, number, issuer, dates, status and whether a scan is on file. Unknown ids are left out.
 */
export async function reviewDocuments(ctx: PlatformCtx, ids: readonly string[]) {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return [];
  const rows = await ctx.tx.select().from(complianceDocuments).where(inArray(complianceDocuments.id, wanted));
  const types = new Map(
    (
      await documentTypesByIds(
        ctx,
        rows.map((r) => r.documentTypeId),
      )
    ).map((t) => [t.id, t]),
  );
  const today = todayOf(ctx);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return wanted.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const type = types.get(row.documentTypeId);
    return [
      {
        id: row.id,
        type: type
          ? { id: type.id, key: type.key, names: type.names, expires: type.expires }
          : { id: row.documentTypeId, key: '', names: {}, expires: true },
        number: row.number,
        issuer: row.issuer,
        issuedOn: row.issuedOn,
        expiresOn: row.expiresOn,
        status: row.status,
        expiresInDays: row.expiresOn ? daysBetween(today, row.expiresOn) : null,
        hasFile: row.fileKey !== null,
      },
    ];
  });
}
export type ReviewDocument = Awaited<ReturnType<typeof reviewDocuments>>[number];

async function scanOf(row: DocumentRow) {
  if (!row.fileKey || !(await fileExists(row.fileKey))) throw notFound('document_file');
  const ext = row.fileKey.split('.').pop() ?? '';
  const type = (Object.values(SCAN_TYPES) as { mime: string; ext: string }[]).find((t) => t.ext === ext);
  return {
    key: row.fileKey,
    mime: type?.mime ?? 'application/octet-stream',
    name: row.fileName ?? `document.${ext}`,
  };
}

/** After-commit removal of a replaced or deleted scan; keeps it if a row still points at it. */
export async function removeDocumentFileIfUnused(
  ctx: Pick<SellerCtx, 'tx'>,
  fileKey: string,
  remove: (key: string) => Promise<void>,
) {
  const [row] = await ctx.tx
    .select({ id: complianceDocuments.id })
    .from(complianceDocuments)
    .where(eq(complianceDocuments.fileKey, fileKey));
  if (!row) await remove(fileKey);
}

// ---- Links to products ----

async function linkedProductIds(ctx: SellerCtx, documentIds: readonly string[]): Promise<string[]> {
  if (documentIds.length === 0) return [];
  const rows = await ctx.tx
    .selectDistinct({ id: productDocuments.productId })
    .from(productDocuments)
    .where(
      and(
        eq(productDocuments.sellerId, ctx.sellerId),
        inArray(productDocuments.documentId, [...documentIds]),
      ),
    );
  return rows.map((r) => r.id);
}

/** Document ids linked to the product (its working copy). */
export async function productDocumentIds(
  ctx: Pick<SellerCtx, 'tx' | 'sellerId'>,
  productId: string,
): Promise<string[]> {
  const rows = await ctx.tx
    .select({ id: productDocuments.documentId })
    .from(productDocuments)
    .where(and(eq(productDocuments.sellerId, ctx.sellerId), eq(productDocuments.productId, productId)))
    .orderBy(asc(productDocuments.documentId));
  return rows.map((r) => r.id);
}

export async function listProductDocuments(ctx: SellerCtx, productId: string): Promise<ComplianceDocument[]> {
  await loadProduct(ctx, productId);
  const rows = await ctx.tx
    .select({ doc: complianceDocuments })
    .from(productDocuments)
    .innerJoin(complianceDocuments, eq(complianceDocuments.id, productDocuments.documentId))
    .where(and(eq(productDocuments.sellerId, ctx.sellerId), eq(productDocuments.productId, productId)))
    .orderBy(asc(complianceDocuments.documentTypeId), asc(complianceDocuments.id));
  return present(
    ctx,
    rows.map((r) => r.doc),
  );
}

async function loadProduct(ctx: SellerCtx, productId: string, lock = false) {
  const query = ctx.tx
    .select({ id: products.id, reviewState: products.reviewState, saleState: products.saleState })
    .from(products)
    .where(and(visibleProducts(ctx), eq(products.id, productId)));
  const [row] = lock ? await query.for('no key update') : await query;
  if (!row) throw notFound('product');
  return row;
}

/**
 * A listing on sale keeps a valid document of every type its category requires: unlinking the last one
 * (to link another later) would leave it selling without it, and the expiry job no longer watching it.
 * 409 document_required_on_sale naming the types; link the new document first, then unlink the old one.
 */
async function keepRequiredOnSale(
  ctx: SellerCtx,
  productId: string,
  removed: string[],
  kept: DocumentRow[],
  today: string,
) {
  const [product] = await ctx.tx
    .select({ saleState: products.saleState, categoryId: saleCategory })
    .from(products)
    .where(and(eq(products.sellerId, ctx.sellerId), eq(products.id, productId)));
  if (!product || !['active', 'inactive'].includes(product.saleState)) return;
  const required = await requiredTypeIds(ctx, product.categoryId, new Map());
  if (required.length === 0) return;
  const valid = (r: DocumentRow) => r.status === 'valid' && (r.expiresOn === null || r.expiresOn >= today);
  const gone = await ctx.tx
    .select()
    .from(complianceDocuments)
    .where(and(eq(complianceDocuments.sellerId, ctx.sellerId), inArray(complianceDocuments.id, removed)));
  const stillHeld = new Set(kept.filter(valid).map((r) => r.documentTypeId));
  const lost = [...new Set(gone.filter(valid).map((r) => r.documentTypeId))].filter(
    (type) => required.includes(type) && !stillHeld.has(type),
  );
  if (lost.length > 0) {
    const types = await typesById(ctx, lost);
    throw conflict('document_required_on_sale', {
      types: lost
        .map((id) => {
          const type = types.get(id);
          return (type?.names as Record<string, string> | undefined)?.[ctx.locale] ?? type?.key ?? id;
        })
        .join(', '),
    });
  }
}

/**
 * Replaces the product's documents. Ids must be the seller's documents; a newly linked one must be
 * valid (an expired one already linked may stay). Products suspended for an expired document that
 * are now compliant return to sale. The caller refreshes what derives from the working copy.
 */
export async function setProductDocuments(
  ctx: SellerCtx,
  productId: string,
  input: z.infer<typeof linkDocumentsInput>,
): Promise<ComplianceDocument[]> {
  await loadProduct(ctx, productId, true);
  const before = await productDocumentIds(ctx, productId);
  const wanted = [...new Set(input.documentIds)];
  const rows =
    wanted.length > 0
      ? await ctx.tx
          .select()
          .from(complianceDocuments)
          .where(and(eq(complianceDocuments.sellerId, ctx.sellerId), inArray(complianceDocuments.id, wanted)))
      : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const today = todayOf(ctx);
  const had = new Set(before);
  const errors = input.documentIds.flatMap((id, i) => {
    const row = byId.get(id);
    const path = `body.documentIds.${i}`;
    if (!row) return [{ path, message: 'document_not_found', code: 'document_not_found' }];
    const expired = row.status === 'expired' || (row.expiresOn !== null && row.expiresOn < today);
    if (expired && !had.has(id)) return [{ path, message: 'document_expired', code: 'document_expired' }];
    return [];
  });
  if (errors.length > 0) throw new AppError('validation_failed', { status: 400, errors });
  const removed = before.filter((id) => !byId.has(id));
  if (removed.length > 0) await keepRequiredOnSale(ctx, productId, removed, rows, today);
  const added = wanted.filter((id) => !had.has(id));
  if (removed.length > 0)
    await ctx.tx
      .delete(productDocuments)
      .where(
        and(
          eq(productDocuments.sellerId, ctx.sellerId),
          eq(productDocuments.productId, productId),
          inArray(productDocuments.documentId, removed),
        ),
      );
  if (added.length > 0)
    await ctx.tx
      .insert(productDocuments)
      .values(added.map((documentId) => ({ productId, documentId, sellerId: ctx.sellerId })));
  if (removed.length > 0 || added.length > 0) {
    await recordAudit(ctx, {
      action: 'product.documents_set',
      entityType: 'product',
      entityId: productId,
      before: { documentIds: before },
      after: { documentIds: wanted },
    });
    if (added.length > 0) await restoreCompliantProducts(ctx, [productId]);
  }
  return listProductDocuments(ctx, productId);
}

/**
 * The product form's change of documents: like setProductDocuments, and a changed set is a change of
 * the working copy (409 while under review; an approved copy becomes a revision draft).
 */
export async function changeProductDocuments(
  ctx: SellerCtx,
  productId: string,
  input: z.infer<typeof linkDocumentsInput>,
): Promise<ComplianceDocument[]> {
  const product = await loadProduct(ctx, productId, true);
  const before = new Set(await productDocumentIds(ctx, productId));
  const wanted = new Set(input.documentIds);
  const changed = before.size !== wanted.size || [...wanted].some((id) => !before.has(id));
  if (!changed) return listProductDocuments(ctx, productId);
  assertEditable(product);
  const out = await setProductDocuments(ctx, productId, input);
  await workingCopyChanged(ctx, productId);
  return out;
}

/** Types of the product's linked documents that are valid today (for the submission checks). */
export async function validDocumentTypeIdsOf(
  ctx: Pick<SellerCtx, 'tx' | 'sellerId' | 'now'>,
  productId: string,
): Promise<string[]> {
  const today = todayOf(ctx);
  const rows = await ctx.tx
    .selectDistinct({ id: complianceDocuments.documentTypeId })
    .from(productDocuments)
    .innerJoin(complianceDocuments, eq(complianceDocuments.id, productDocuments.documentId))
    .where(
      and(
        eq(productDocuments.sellerId, ctx.sellerId),
        eq(productDocuments.productId, productId),
        eq(complianceDocuments.status, 'valid'),
        or(
          sql`${complianceDocuments.expiresOn} is null`,
          sql`${complianceDocuments.expiresOn} >= ${today}::date`,
        ),
      ),
    );
  return rows.map((r) => r.id);
}

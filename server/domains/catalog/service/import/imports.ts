// Bulk imports as the seller sees them: upload (checked at once as far as a quick read allows),
// progress, result counts and the error file.
import { rename } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../../platform/audit/service';
import { newId } from '../../../../platform/db/ids';
import type { SellerCtx } from '../../../../platform/db/tenant';
import { emit } from '../../../../platform/events/outbox';
import {
  fileExists,
  localPath,
  putStream,
  readFileBytes,
  removeFiles,
} from '../../../../platform/files/store';
import {
  AppError,
  type FieldError,
  forbidden,
  invalidField,
  notFound,
} from '../../../../platform/http/errors';
import { olderThanCursor, pageQuery, toPage } from '../../../../platform/http/pagination';
import type { Locale } from '../../../../platform/i18n/locale';
import { translate } from '../../../../platform/i18n/translate';
import { IMPORT_MODES, IMPORT_STATUSES, importJobs } from '../../schema';
import { type CategoryRules, categoryRules, listStores } from '../deps';
import { placeableCategory } from '../products';
import {
  type CsvEncoding,
  DELIMITER_CHOICES,
  type DelimiterName,
  decodeSample,
  detectDelimiter,
  detectEncoding,
  ENCODING_CHOICES,
  encodingOf,
} from './encoding';
import { writeErrorFile } from './error-file';
import type { RowProblem } from './rows';
import { headerOf, type ImportRequested, problemsKey } from './run';
import { ImportFileError, readHead, type SourceSpec } from './source';
import { readZipIndex } from './zip';

export const createImportQuery = z
  .object({
    mode: z
      .enum(IMPORT_MODES)
      .default('valid_rows')
      .describe(
        'validate: check every row and report, write nothing; valid_rows: import the products whose rows are all ' +
          'valid (a product with any bad row is skipped whole); all_or_nothing: write only when no row has a problem.',
      ),
    categoryId: z
      .uuid()
      .optional()
      .describe(
        "Category new products are created in (the template's category; an XLSX template carries it). " +
          'Without it the file can only update existing SKUs.',
      ),
    storeId: z
      .uuid()
      .optional()
      .describe('Store new products are offered in (default: the current store, if any).'),
    encoding: z
      .enum(ENCODING_CHOICES)
      .default('auto')
      .describe(
        'CSV text encoding; auto detects UTF-8 (with or without BOM), UTF-16, GBK/GB18030 and Windows-1251.',
      ),
    delimiter: z
      .enum(DELIMITER_CHOICES)
      .default('auto')
      .describe('CSV delimiter; auto detects it from the header.'),
    imageBundleId: z
      .uuid()
      .optional()
      .describe(
        'A ZIP of images uploaded before (POST /api/v1/seller/imports/image-bundles); rows name its files.',
      ),
  })
  .strict();
export type CreateImportQuery = z.infer<typeof createImportQuery>;

export const importListQuery = pageQuery.extend({
  status: z.enum(IMPORT_STATUSES).optional().describe('Only imports in this state.'),
});
export type ImportListQuery = z.infer<typeof importListQuery>;

export interface Upload {
  filename: string;
  stream: Readable;
  /** True once the stream was cut at the upload limit (checked after it was stored). */
  truncated: () => boolean;
  /** The upload limit, bytes (for the 413). */
  limit: number;
}

/** Stores an upload; a file cut at the upload limit is a 413, never a shorter file. */
async function storeUpload(key: string, upload: Upload): Promise<number> {
  const size = await putStream(key, upload.stream);
  if (upload.truncated())
    throw new AppError('upload_too_large', { status: 413, params: { limit: upload.limit } });
  return size;
}

/** Every column but the late problems (read only when the error file is written). */
const { lateProblems: _lateProblems, ...importColumns } = getTableColumns(importJobs);
type ImportRow = Omit<typeof importJobs.$inferSelect, 'lateProblems'>;

const FILE_NAME_MAX = 200;
const SAMPLE_BYTES = 1024 * 1024;

const errorUrl = (id: string, format: 'csv' | 'xlsx') => `/api/v1/seller/imports/${id}/errors.${format}`;

export function toImport(row: ImportRow, locale: Locale) {
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format,
    encoding: row.encoding,
    delimiter: row.delimiter,
    mode: row.mode,
    status: row.status,
    categoryId: row.categoryId,
    storeId: row.storeId,
    withImages: row.imagesKey !== null,
    totalRows: row.totalRows,
    doneRows: row.doneRows,
    progress: row.status === 'succeeded' ? 1 : row.totalRows ? Math.min(1, row.doneRows / row.totalRows) : 0,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    failed: row.failed,
    error: row.errorCode
      ? { code: row.errorCode, message: translate(locale, row.errorCode, row.errorParams ?? {}) }
      : null,
    errorFile: row.errorFileKey ? { csv: errorUrl(row.id, 'csv'), xlsx: errorUrl(row.id, 'xlsx') } : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
export type Import = ReturnType<typeof toImport>;

/** A problem of the uploaded file as a 400 that points at it. */
function fileProblem(code: string, params: Record<string, string | number> = {}, status = 400) {
  return new AppError(code, { status, params, errors: [{ path: 'body.file', message: code, code, params }] });
}

/** The file's format by its first bytes (the name may lie): XLSX is a ZIP, legacy .xls is OLE. */
function formatOf(head: Buffer, filename: string): 'csv' | 'xlsx' {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)
    return 'xlsx';
  if (head.length >= 4 && head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0)
    throw fileProblem('import_xls_unsupported', {}, 415);
  if (/\.xlsx?$/i.test(filename)) throw fileProblem('xlsx_unreadable');
  return 'csv';
}

/** The file name without folders and control characters (it is shown and used for the error file's name). */
const cleanName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, FILE_NAME_MAX) || 'import';

/**
 * Stores the upload and checks what can be checked quickly: type, encoding, delimiter and columns.
 * The rows are read by the import job (GET the import for progress and results).
 */
export async function createImport(
  ctx: SellerCtx,
  query: CreateImportQuery,
  upload: Upload,
): Promise<Import> {
  const id = newId();
  const dir = `${ctx.sellerId}/imports/${id}`;
  try {
    return await storeAndQueue(ctx, query, upload, id, dir);
  } catch (err) {
    await removeFiles(dir).catch(() => {});
    throw err;
  }
}

async function storeAndQueue(
  ctx: SellerCtx,
  query: CreateImportQuery,
  upload: Upload,
  id: string,
  dir: string,
): Promise<Import> {
  const fileName = cleanName(upload.filename);
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase() ?? 'dat';
  const fileKey = `${dir}/source.${ext}`;
  const size = await storeUpload(fileKey, upload);
  if (size === 0) throw fileProblem('import_file_empty');
  const head = await readHead(fileKey, SAMPLE_BYTES);
  const format = formatOf(head, fileName);
  let encoding: CsvEncoding | null = null;
  let delimiter: DelimiterName | null = null;
  if (format === 'csv') {
    const detected = detectEncoding(head, size > head.length);
    if ('binary' in detected) throw fileProblem('import_file_binary');
    encoding = encodingOf(query.encoding) ?? detected.encoding;
    const text = decodeSample(head.subarray(0, 65536), encoding);
    if (text.replace(/^\uFEFF/, '').trim() === '') throw fileProblem('import_file_empty');
    delimiter = query.delimiter === 'auto' ? detectDelimiter(text.replace(/^\uFEFF/, '')) : query.delimiter;
  }
  const spec: SourceSpec = { fileKey, format, encoding, delimiter };
  let categoryId = query.categoryId ?? null;
  let rules: CategoryRules | null = categoryId
    ? await placeableCategory(ctx, categoryId, 'querystring.categoryId')
    : null;
  let header = await readHeaderOrFail(spec, rules);
  if (!categoryId && header.categoryHint) {
    // Our XLSX template names its category in the hidden key row.
    categoryId = header.categoryHint;
    rules = await placeableCategory(ctx, categoryId, 'body.file');
    header = await readHeaderOrFail(spec, rules);
  }
  if (header.problems.length > 0) {
    const errors: FieldError[] = header.problems.map((p) => ({
      path: 'body.file',
      message: p.code,
      code: p.code,
      params: { columns: p.columns.join(', ') },
    }));
    throw new AppError(header.problems[0]?.code ?? 'import_header_invalid', {
      status: 400,
      params: { columns: header.problems[0]?.columns.join(', ') ?? '' },
      errors,
    });
  }
  if (header.columns.some((c) => c?.field === 'stock') && !ctx.actor.permissions.has('inventory:write'))
    throw forbidden('permission_denied', { permission: 'inventory:write' });
  const storeId = query.storeId ?? ctx.currentStoreId ?? null;
  if (storeId) {
    const stores = await listStores(ctx);
    if (!stores.some((s) => s.id === storeId && s.status === 'active'))
      throw invalidField('querystring.storeId', 'store_not_found');
  }
  let imagesKey: string | null = null;
  if (query.imageBundleId) {
    imagesKey = bundleKey(ctx.sellerId, query.imageBundleId);
    if (!(await fileExists(imagesKey))) throw notFound('image_bundle');
  }
  const [row] = await ctx.tx
    .insert(importJobs)
    .values({
      id,
      sellerId: ctx.sellerId,
      createdBy: ctx.actor.id,
      locale: ctx.locale,
      categoryId,
      storeId,
      fileKey,
      fileName,
      format,
      encoding,
      delimiter,
      imagesKey,
      mode: query.mode,
      createdAt: ctx.now,
    })
    .returning(importColumns);
  const request: ImportRequested = {
    importId: id,
    sellerId: ctx.sellerId,
    userId: ctx.actor.id,
    actorLabel: ctx.actor.label,
    storeIds: ctx.storeIds ? [...ctx.storeIds] : null,
    permissions: [...ctx.actor.permissions],
  };
  await emit(ctx, 'catalog.import_requested', request as unknown as Record<string, unknown>);
  await recordAudit(ctx, {
    action: 'import.created',
    entityType: 'import',
    entityId: id,
    after: { fileName, format, encoding, delimiter, mode: query.mode, categoryId, storeId },
  });
  return toImport(row as ImportRow, ctx.locale);
}

async function readHeaderOrFail(spec: SourceSpec, rules: CategoryRules | null) {
  try {
    return await headerOf(spec, rules);
  } catch (err) {
    if (err instanceof ImportFileError) throw fileProblem(err.code, err.params);
    throw err;
  }
}

const bundleKey = (sellerId: string, id: string) => `${sellerId}/import-images/${id}.zip`;

/** Stores a ZIP of product images for a following import; its file names are what rows refer to. */
export async function uploadImageBundle(
  ctx: SellerCtx,
  upload: Upload,
): Promise<{ id: string; files: number }> {
  const id = newId();
  const key = bundleKey(ctx.sellerId, id);
  try {
    const size = await storeUpload(key, upload);
    if (size === 0) throw fileProblem('import_file_empty');
    const index = await readZipIndex(key);
    if (index.entries.size === 0) throw fileProblem('zip_no_files');
    await recordAudit(ctx, {
      action: 'import.images_uploaded',
      entityType: 'import',
      entityId: id,
      after: { files: index.entries.size },
    });
    return { id, files: index.entries.size };
  } catch (err) {
    await removeFiles(key).catch(() => {});
    if (err instanceof ImportFileError) throw fileProblem(err.code, err.params);
    throw err;
  }
}

async function loadImport(ctx: SellerCtx, id: string): Promise<ImportRow> {
  const [row] = await ctx.tx
    .select(importColumns)
    .from(importJobs)
    .where(and(eq(importJobs.sellerId, ctx.sellerId), eq(importJobs.id, id)));
  if (!row) throw notFound('import');
  return row;
}

export async function getImport(ctx: SellerCtx, id: string): Promise<Import> {
  return toImport(await loadImport(ctx, id), ctx.locale);
}

export function importPageQuery(ctx: Pick<SellerCtx, 'tx' | 'sellerId'>, q: ImportListQuery) {
  return ctx.tx
    .select(importColumns)
    .from(importJobs)
    .where(
      and(
        eq(importJobs.sellerId, ctx.sellerId),
        q.status ? eq(importJobs.status, q.status) : undefined,
        olderThanCursor(q.cursor, importJobs.createdAt, importJobs.id),
      ),
    )
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(q.limit + 1);
}

export async function listImports(ctx: SellerCtx, q: ImportListQuery) {
  const rows = await importPageQuery(ctx, q);
  const page = toPage(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map((r) => toImport(r, ctx.locale)), nextCursor: page.nextCursor };
}

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * The rows that were not imported with their problems, in the reader's language; written on the
 * first download in each format and language.
 */
export async function importErrorFile(
  ctx: SellerCtx,
  id: string,
  format: 'csv' | 'xlsx',
): Promise<{ key: string; name: string; mime: string }> {
  const row = await loadImport(ctx, id);
  if (!row.errorFileKey) throw notFound('import_error_file');
  const key = `${ctx.sellerId}/imports/${id}/errors-${ctx.locale}.${format}`;
  const base = row.fileName.replace(/\.[^.]+$/, '');
  const name = `${base}-errors.${format}`;
  if (await fileExists(key)) return { key, name, mime: MIME[format] };
  const entries = JSON.parse(
    (await readFileBytes(row.errorFileKey ?? problemsKey(row.sellerId, id))).toString('utf8'),
  ) as [number, RowProblem[]][];
  const rules = row.categoryId ? await categoryRules(ctx, row.categoryId) : null;
  const spec: SourceSpec = {
    fileKey: row.fileKey,
    format: row.format,
    encoding: (row.encoding as CsvEncoding | null) ?? null,
    delimiter: (row.delimiter as DelimiterName | null) ?? null,
  };
  const header = await headerOf(spec, rules);
  // Written aside and renamed, so that a download at the same time never reads half a file.
  const partial = `${key}.${newId()}.part`;
  await writeErrorFile({
    spec,
    header,
    problems: new Map(entries),
    locale: ctx.locale,
    format,
    fileKey: partial,
  });
  await rename(localPath(partial), localPath(key));
  return { key, name, mime: MIME[format] };
}

import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { openFileStream } from '../../../platform/files/store';
import type { App } from '../../../platform/http/app';
import { sellerCtx } from '../../../platform/http/context';
import { AppError, invalidField } from '../../../platform/http/errors';
import { pageOf } from '../../../platform/http/pagination';
import { IMPORT_MODES, IMPORT_STATUSES } from '../schema';
import {
  createImport,
  createImportQuery,
  getImport,
  importErrorFile,
  importListQuery,
  listImports,
  type Upload,
  uploadImageBundle,
} from '../service/import/imports';
import { importTemplate } from '../service/import/template';
import { fileUploadBody } from './uploads';

const tags = ['imports'];

export const importSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z
      .string()
      .nullable()
      .describe('CSV: the encoding read (utf-8, gb18030, windows-1251, utf-16le/be).'),
    delimiter: z.string().nullable().describe('CSV: comma, semicolon or tab.'),
    mode: z.enum(IMPORT_MODES),
    status: z.enum(IMPORT_STATUSES).describe('queued → running → succeeded or failed.'),
    categoryId: z.string().nullable().describe('Where new products are created (null: updates only).'),
    storeId: z.string().nullable(),
    withImages: z.boolean().describe('An image ZIP came with the file.'),
    totalRows: z
      .number()
      .int()
      .nullable()
      .describe('Data rows in the file; null while the file is being read.'),
    doneRows: z
      .number()
      .int()
      .describe('Rows processed so far (the checkpoint a restarted import resumes from).'),
    progress: z.number().describe('0–1.'),
    created: z.number().int().describe('Rows whose SKU was created (validate: would be created).'),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int().describe('Rows not imported; see the error file.'),
    error: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .describe('Why the file as a whole failed (broken file, errors in all-or-nothing mode).'),
    errorFile: z
      .object({ csv: z.string(), xlsx: z.string() })
      .nullable()
      .describe('Download URLs of the rows with problems (original cells + line + problems).'),
    createdBy: z.string().nullable(),
    createdAt: z.string().describe('ISO 8601.'),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Import' });

const idParams = z.object({ id: z.uuid().describe('Import id.') });
const templateQuery = z.object({
  categoryId: z
    .uuid()
    .optional()
    .describe(
      'A leaf category: its attributes become columns. Without it: the columns to update existing SKUs.',
    ),
});

const binary = (description: string, type: string) => ({
  description,
  content: { [type]: { schema: z.string().meta({ format: 'binary' }) } },
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** A file as an attachment, its name in ASCII and in UTF-8 (RFC 6266). */
export function sendAttachment(
  reply: FastifyReply,
  file: { name: string; mime: string },
  body: Buffer | NodeJS.ReadableStream,
) {
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .type(file.mime)
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(file.name)}`)
    .send(body);
}

/** The one file part of a multipart request, as a stream (it is stored, never held in memory). */
async function uploadOf(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart())
    throw new AppError('multipart_required', {
      status: 415,
      params: { type: String(req.headers['content-type'] ?? '') },
    });
  const part = await req.file();
  if (!part) throw invalidField('body.file', 'file_required');
  return {
    filename: part.filename || 'import',
    stream: part.file,
    truncated: () => part.file.truncated,
    limit: req.server.uploadLimit,
  };
}

const IMPORT_ERRORS =
  'Errors (400 with errors[] at body.file): import_file_empty, import_file_binary, xlsx_unreadable, ' +
  'csv_line_too_long, csv_quote_not_closed, csv_bad_quote, import_too_many_rows, import_too_many_columns, ' +
  'import_unknown_columns, import_missing_columns, import_duplicate_columns (each names the columns); ' +
  '415 import_xls_unsupported, multipart_required; 413 upload_too_large; 403 permission_denied ' +
  '(a stock column needs inventory:write); 404 image_bundle.';

/** Bulk import of products and SKUs from CSV/XLSX: templates, uploads, progress, error files. */
export async function importRoutes(app: App) {
  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/v1/seller/imports/template.${format}`,
      {
        config: { auth: 'seller', permission: 'catalog:read' },
        schema: {
          operationId: format === 'xlsx' ? 'downloadImportTemplateXlsx' : 'downloadImportTemplateCsv',
          tags,
          summary: `Import template of a category (${format.toUpperCase()})`,
          description:
            format === 'xlsx'
              ? 'Column names in your language (required ones marked *), a hidden row of column keys, drop-down ' +
                'lists for option attributes and an instructions sheet. Errors: 400 category_not_found, ' +
                'category_inactive, category_not_leaf.'
              : 'UTF-8 with BOM; one header row of column keys. Errors: 400 category_not_found, category_inactive, ' +
                'category_not_leaf.',
          querystring: templateQuery,
          response: { 200: binary('The template.', format === 'xlsx' ? XLSX : 'text/csv') },
        },
      },
      async (req, reply) => {
        const file = await importTemplate(sellerCtx(req), { categoryId: req.query.categoryId, format });
        return sendAttachment(reply, file, file.data);
      },
    );
  }

  app.post(
    '/api/v1/seller/imports',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'createImport',
        tags,
        summary: 'Upload a CSV or XLSX file to import',
        description:
          'One row per SKU; rows with the same product key form one product. Existing SKUs (by SKU code, else ' +
          'barcode) are updated: prices, stock (a count correction in your own warehouse), attributes and texts; ' +
          'other rows create products (drafts) in the category. The file is checked at once (type, encoding, ' +
          'delimiter, columns); the rows are processed in the background: poll GET /api/v1/seller/imports/{id}. ' +
          IMPORT_ERRORS,
        querystring: createImportQuery,
        body: fileUploadBody(
          'The CSV (UTF-8, GBK/GB18030, Windows-1251, UTF-16; comma, semicolon or tab) or XLSX file.',
        ),
        response: { 202: importSchema },
      },
    },
    async (req, reply) => {
      const created = await createImport(sellerCtx(req), req.query, await uploadOf(req));
      reply.code(202);
      return created;
    },
  );

  app.post(
    '/api/v1/seller/imports/image-bundles',
    {
      config: { auth: 'seller', permission: 'catalog:write' },
      schema: {
        operationId: 'uploadImportImages',
        tags,
        summary: 'Upload a ZIP of images for an import',
        description:
          'Upload this first, then pass its id as imageBundleId with the file; the images column of a row lists ' +
          'file names in the ZIP (folders and case do not matter) separated by ;. Errors: 400 zip_unreadable, ' +
          'zip_unsupported (ZIP64), zip_no_files, zip_too_many_files; 413 upload_too_large.',
        body: fileUploadBody('The ZIP file.'),
        response: {
          201: z
            .object({ id: z.string(), files: z.number().int().describe('Files found in the ZIP.') })
            .meta({ id: 'ImportImageBundle' }),
        },
      },
    },
    async (req, reply) => {
      const bundle = await uploadImageBundle(sellerCtx(req), await uploadOf(req));
      reply.code(201);
      return bundle;
    },
  );

  app.get(
    '/api/v1/seller/imports',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'listImports',
        tags,
        summary: 'Imports of the seller, newest first',
        querystring: importListQuery,
        response: { 200: pageOf(importSchema) },
      },
    },
    async (req) => listImports(sellerCtx(req), req.query),
  );

  app.get(
    '/api/v1/seller/imports/:id',
    {
      config: { auth: 'seller', permission: 'catalog:read' },
      schema: {
        operationId: 'getImport',
        tags,
        summary: 'One import: progress and result',
        params: idParams,
        response: { 200: importSchema },
      },
    },
    async (req) => getImport(sellerCtx(req), req.params.id),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/v1/seller/imports/:id/errors.${format}`,
      {
        config: { auth: 'seller', permission: 'catalog:read' },
        schema: {
          operationId: format === 'csv' ? 'downloadImportErrorsCsv' : 'downloadImportErrorsXlsx',
          tags,
          summary: `Rows that were not imported (${format.toUpperCase()})`,
          description:
            'The original rows with two more columns: the line number and every problem of the row (column and ' +
            'reason) in your language. Fix them and upload the file again. 404 when the import has no problems.',
          params: idParams,
          response: { 200: binary('The error file.', format === 'xlsx' ? XLSX : 'text/csv') },
        },
      },
      async (req, reply) => {
        const file = await importErrorFile(sellerCtx(req), req.params.id, format);
        return sendAttachment(reply, file, openFileStream(file.key));
      },
    );
  }
}

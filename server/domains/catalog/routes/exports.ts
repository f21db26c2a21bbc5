import { z } from 'zod';
import { openFileStream, removeFiles } from '../../../platform/files/store';
import type { App } from '../../../platform/http/app';
import { sellerCtx } from '../../../platform/http/context';
import { EXPORT_MAX_PRODUCTS, exportProducts, exportQuery } from '../service/export';
import { sendAttachment } from './imports';

const tags = ['imports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Products and SKUs as a spreadsheet, with the product list's filters. */
export async function exportRoutes(app: App) {
  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/api/v1/seller/exports/products.${format}`,
      {
        config: { auth: 'seller', permission: 'catalog:read' },
        schema: {
          operationId: format === 'xlsx' ? 'exportProductsXlsx' : 'exportProductsCsv',
          tags,
          summary: `Export products and SKUs (${format.toUpperCase()})`,
          description:
            'Takes the query parameters of GET /api/v1/seller/products (search, filters, sort). One row per SKU, ' +
            'in the import template’s columns plus facts (product number, category, states, currency, units ' +
            `available); at most ${EXPORT_MAX_PRODUCTS.toLocaleString('en-US')} products. Uploaded again without a ` +
            'category, the file updates the same SKUs. Text cells starting with = + - @ are prefixed with an ' +
            `apostrophe.${format === 'csv' ? ' UTF-8 with BOM.' : ''}`,
          querystring: exportQuery,
          response: {
            200: {
              description: 'The export.',
              content: {
                [format === 'xlsx' ? XLSX : 'text/csv']: { schema: z.string().meta({ format: 'binary' }) },
              },
            },
          },
        },
      },
      async (req, reply) => {
        const file = await exportProducts(sellerCtx(req), format, req.query);
        const stream = openFileStream(file.key);
        stream.on('close', () => void removeFiles(file.key).catch(() => {}));
        return sendAttachment(reply, file, stream);
      },
    );
  }
}

// Writing CSV and XLSX files for sellers (templates, error files, exports): streamed to the file store,
// every text cell made safe against formula injection.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify';
import type ExcelJS from 'exceljs';
import { localPath } from '../../../../platform/files/store';
import { loadExcel } from './excel';
import { escapeFormula } from './source';

export type CellOut = string | number | null | undefined;

export interface SheetWriter {
  /** Header rows; in XLSX the second one (the key row) is hidden. */
  header(names: string[], keys: string[]): void;
  row(cells: CellOut[]): Promise<void>;
  close(): Promise<void>;
}

const safe = (v: CellOut): string | number => (typeof v === 'number' ? v : escapeFormula(v ?? ''));

async function ensureDir(fileKey: string) {
  await mkdir(dirname(localPath(fileKey)), { recursive: true });
}

/** A UTF-8 CSV with a byte-order mark (Excel opens it with the right characters); one header row of keys. */
export async function csvWriter(fileKey: string): Promise<SheetWriter> {
  await ensureDir(fileKey);
  const { createWriteStream } = await import('node:fs');
  const file = createWriteStream(localPath(fileKey));
  const csv = stringify({ bom: true, record_delimiter: '\r\n' });
  csv.pipe(file);
  const done = new Promise<void>((resolve, reject) => {
    file.on('finish', resolve);
    file.on('error', reject);
    csv.on('error', reject);
  });
  const write = (cells: (string | number)[]) =>
    new Promise<void>((resolve) => {
      if (csv.write(cells)) resolve();
      else csv.once('drain', resolve);
    });
  return {
    header(_names, keys) {
      csv.write(keys.map((k) => escapeFormula(k)));
    },
    row: (cells) => write(cells.map(safe)),
    async close() {
      csv.end();
      await done;
    },
  };
}

export interface XlsxOptions {
  sheetName: string;
  /** Column widths in characters. */
  widths?: number[];
  /** Columns (0-based) whose cells are text even when they look like numbers (codes, barcodes). */
  textColumns?: number[];
}

/**
 * A streamed XLSX workbook: the data sheet (names row, hidden key row, frozen) plus whatever the
 * caller adds through `workbook` before the first row.
 */
export async function xlsxWriter(
  fileKey: string,
  opts: XlsxOptions,
): Promise<SheetWriter & { workbook: ExcelJS.stream.xlsx.WorkbookWriter; sheet: ExcelJS.Worksheet }> {
  await ensureDir(fileKey);
  const workbook = new (await loadExcel()).stream.xlsx.WorkbookWriter({
    filename: localPath(fileKey),
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(opts.sheetName, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = (opts.widths ?? []).map((width, i) => ({
    width,
    style: opts.textColumns?.includes(i) ? { numFmt: '@' } : {},
  }));
  return {
    workbook,
    sheet,
    header(names, keys) {
      const head = sheet.addRow(names.map((n) => safe(n)));
      head.font = { bold: true };
      head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF3F8' } };
      head.commit();
      const keyRow = sheet.addRow(keys.map((k) => safe(k)));
      keyRow.hidden = true;
      keyRow.commit();
    },
    async row(cells) {
      sheet.addRow(cells.map(safe)).commit();
    },
    async close() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

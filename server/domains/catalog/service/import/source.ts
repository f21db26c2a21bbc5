// Streaming readers of uploaded sheets: CSV (any supported encoding and delimiter) and XLSX, row by row.
import { open } from 'node:fs/promises';
import type { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { localPath, openFileStream } from '../../../../platform/files/store';
import { type CsvEncoding, DELIMITERS, type DelimiterName } from './encoding';
import { loadExcel } from './excel';

/** One row of a sheet: its line (CSV line where the record starts, or XLSX row number) and cells. */
export interface SheetRow {
  line: number;
  cells: string[];
}

/** A problem with the file as a whole: the import stops with this code (never a 500). */
export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'ImportFileError';
  }
}

export const LIMITS = {
  /** Characters of one CSV record (a line, or several inside quotes). */
  maxRecordChars: 1_000_000,
  maxColumns: 300,
  /** Rows of data (header rows not counted). */
  maxRows: 200_000,
  /** Characters of one cell (Excel's own limit). */
  maxCellChars: 32_767,
} as const;

export interface SourceSpec {
  fileKey: string;
  format: 'csv' | 'xlsx';
  encoding: CsvEncoding | null;
  delimiter: DelimiterName | null;
}

/** Cells starting with one of these would be read as a formula by a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Undoes the apostrophe our exports put before formula-like cells. */
const unescapeCell = (text: string) =>
  text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;

/** Makes a cell safe to open in a spreadsheet: formula-like text gets a leading apostrophe. */
export const escapeFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** The rows of the upload, header rows included; stops with an ImportFileError on a broken file. */
export function readRows(spec: SourceSpec, opts: { maxRows?: number } = {}): AsyncGenerator<SheetRow> {
  return spec.format === 'csv' ? readCsv(spec, opts.maxRows) : readXlsx(spec.fileKey, opts.maxRows);
}

/** Counts lines as the decoder passes them on, so errors can name a line even inside a broken record. */
async function* readCsv(spec: SourceSpec, maxRows = LIMITS.maxRows + 10): AsyncGenerator<SheetRow> {
  const encoding = spec.encoding ?? 'utf-8';
  const delimiter = DELIMITERS[spec.delimiter ?? 'comma'];
  const parser = parse({
    delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: LIMITS.maxRecordChars,
  });
  const decoder = iconv.decodeStream(encoding, { stripBOM: true });
  const source = openFileStream(spec.fileKey);
  const failures: Error[] = [];
  const fail = (err: Error) => {
    failures.push(err);
    parser.destroy(err);
  };
  source.on('error', fail);
  decoder.on('error', fail);
  source.pipe(decoder).pipe(parser as unknown as Transform);
  let lastEnd = 0;
  let lastEmpty = 0;
  let rows = 0;
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; empty_lines: number };
    }>) {
      const start = lastEnd + 1 + (item.info.empty_lines - lastEmpty);
      lastEnd = item.info.lines;
      lastEmpty = item.info.empty_lines;
      if (item.record.length > LIMITS.maxColumns)
        throw new ImportFileError('import_too_many_columns', { line: start, max: LIMITS.maxColumns });
      if (++rows > maxRows) throw new ImportFileError('import_too_many_rows', { max: LIMITS.maxRows });
      yield { line: start, cells: item.record.map((c) => unescapeCell(c)) };
    }
  } catch (err) {
    throw csvError(failures[0] ?? err, lastEnd + 1);
  } finally {
    source.destroy();
  }
}

function csvError(err: unknown, line: number): Error {
  if (err instanceof ImportFileError) return err;
  const code = (err as { code?: string }).code ?? '';
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new ImportFileError('csv_quote_not_closed', { line });
    case 'CSV_MAX_RECORD_SIZE':
      return new ImportFileError('csv_line_too_long', { line, max: LIMITS.maxRecordChars });
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new ImportFileError('csv_bad_quote', {
        line: Number((err as { lines?: number }).lines ?? line),
      });
    case 'ENOENT':
      return new ImportFileError('import_file_missing');
  }
  if (code.startsWith('CSV_')) return new ImportFileError('csv_malformed', { line });
  return err as Error;
}

// --- XLSX -------------------------------------------------------------------------------------

type CellValue = ExcelJS.CellValue;

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's value as the text a seller sees (numbers without float noise, dates as YYYY-MM-DD). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const time = value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds();
    return time === 0 ? day : value.toISOString();
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText((value as { result?: CellValue }).result ?? null);
    if ('text' in value) return cellText((value as { text: CellValue }).text);
    if ('error' in value) return String((value as { error: unknown }).error);
  }
  return String(value);
}

/** The first visible worksheet is the data; a hidden worksheet (option lists) and the instructions are not. */
async function* readXlsx(fileKey: string, maxRows = LIMITS.maxRows + 10): AsyncGenerator<SheetRow> {
  const head = await readHead(fileKey, 4);
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) throw new ImportFileError('xlsx_unreadable');
  const reader = new (await loadExcel()).stream.xlsx.WorkbookReader(localPath(fileKey), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let found = false;
  let rows = 0;
  try {
    for await (const sheet of reader) {
      const state = (sheet as unknown as { state?: string }).state;
      if (found || (state && state !== 'visible')) {
        // Drain a sheet we do not read, so the reader can move on.
        for await (const _ of sheet) void _;
        continue;
      }
      found = true;
      for await (const row of sheet) {
        const values = (row.values as CellValue[] | undefined) ?? [];
        if (values.length - 1 > LIMITS.maxColumns)
          throw new ImportFileError('import_too_many_columns', { line: row.number, max: LIMITS.maxColumns });
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) {
          const text = cellText(values[c] ?? null);
          if (text.length > LIMITS.maxCellChars)
            throw new ImportFileError('xlsx_cell_too_long', { line: row.number, max: LIMITS.maxCellChars });
          cells.push(unescapeCell(text));
        }
        if (++rows > maxRows) throw new ImportFileError('import_too_many_rows', { max: LIMITS.maxRows });
        yield { line: row.number, cells };
      }
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    throw new ImportFileError('xlsx_unreadable');
  } finally {
    // Stopping early (after the header) must not leave the file open.
    (reader as unknown as { stream?: { destroy(): void } }).stream?.destroy();
  }
  if (!found) throw new ImportFileError('import_file_empty');
}

/** The first bytes of a stored file. */
export async function readHead(fileKey: string, bytes: number): Promise<Buffer> {
  const handle = await open(localPath(fileKey), 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** True when every cell is empty or blank (Excel leaves such rows behind). */
export const isBlankRow = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

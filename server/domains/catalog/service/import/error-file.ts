// The error file of an import: the rows that were not imported, as uploaded, plus the line number and
// every problem of the row in the reader's language. Fixed and uploaded again, it imports as is.
import type { Locale } from '../../../../platform/i18n/locale';
import { translate } from '../../../../platform/i18n/translate';
import { type ColumnDef, columnName, infoColumn } from './columns';
import type { Header, RowProblem } from './rows';
import { csvWriter, type SheetWriter, xlsxWriter } from './sheet-writer';
import { readRows, type SourceSpec } from './source';

export type ProblemsByLine = Map<number, RowProblem[]>;

/** A column key in a problem → its header in the reader's language (title.* means any title). */
function columnLabel(key: string, header: Header, locale: Locale): string {
  const col = header.columns.find((c) => c?.key === key);
  if (col) return columnName(col, locale, false);
  if (key.endsWith('.*')) return translate(locale, `import.column.${key.slice(0, -2)}`, { lang: '*' });
  if (key.startsWith('attr.')) return key.slice(5);
  return translate(locale, `import.column.${key}`);
}

/** "«Barcode»: the check digit is wrong" — one problem as a sentence. */
export function problemText(p: RowProblem, header: Header, locale: Locale): string {
  const message = translate(locale, p.code, p.params ?? {});
  return p.column ? `«${columnLabel(p.column, header, locale)}»: ${message}` : message;
}

export interface ErrorFileInput {
  spec: SourceSpec;
  header: Header;
  problems: ProblemsByLine;
  locale: Locale;
  format: 'csv' | 'xlsx';
  fileKey: string;
}

/** Streams the source again and writes the failed rows with their problems. */
export async function writeErrorFile(input: ErrorFileInput): Promise<void> {
  const { header, locale } = input;
  const width = Math.max(header.columns.length, ...header.headerRows.map((r) => r.length));
  // The line and problems columns of an error file uploaded again are replaced, not repeated.
  const copied = [...Array(width).keys()].filter((i) => {
    const key = header.columns[i]?.key;
    return key !== 'line' && key !== 'problems';
  });
  const keys: string[] = [];
  const names: string[] = [];
  for (const i of copied) {
    const col: ColumnDef | null = header.columns[i] ?? null;
    const original = (header.headerRows.at(-1)?.[i] ?? '').trim();
    keys.push(col?.key ?? original);
    names.push(col ? columnName(col, locale) : (header.headerRows[0]?.[i] ?? original));
  }
  keys.push('line', 'problems');
  names.push(columnName(infoColumn('line'), locale), columnName(infoColumn('problems'), locale));
  const writer: SheetWriter =
    input.format === 'csv'
      ? await csvWriter(input.fileKey)
      : await xlsxWriter(input.fileKey, {
          sheetName: translate(locale, 'import.sheet.errors'),
          widths: [...keys.slice(0, -2).map(() => 16), 8, 80],
        });
  writer.header(names, keys);
  try {
    for await (const row of readRows(input.spec)) {
      const problems = input.problems.get(row.line);
      if (!problems) continue;
      const cells: (string | number)[] = copied.map((i) => row.cells[i] ?? '');
      cells.push(
        row.line,
        problems.map((p) => problemText(p, header, locale)).join(input.format === 'csv' ? ' | ' : '\n'),
      );
      await writer.row(cells);
    }
  } finally {
    await writer.close();
  }
}

// The bulk template of a category: XLSX (names in the reader's language, a hidden key row, drop-down
// lists for option attributes, an instructions sheet) or CSV (UTF-8 with BOM, one row of keys).
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import type { SellerCtx } from '../../../../platform/db/tenant';
import type { Locale } from '../../../../platform/i18n/locale';
import { translate } from '../../../../platform/i18n/translate';
import { type CategoryRules, getCompany } from '../deps';
import { placeableCategory } from '../products';
import { type ColumnDef, columnName, templateColumns } from './columns';
import { loadExcel } from './excel';

/** Rows of the data sheet that get drop-down lists and number checks. */
const TEMPLATE_ROWS = 5000;
/** Excel keeps an inline list formula under 255 characters; longer lists go to the hidden sheet. */
const INLINE_LIST_MAX = 250;
const TEXT_FIELDS = new Set(['product_key', 'sku_code', 'barcode']);

const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

export interface TemplateFile {
  data: Buffer;
  name: string;
  mime: string;
}

/** A column's drop-down values in the reader's language (option names; yes/no for booleans). */
function listValues(col: ColumnDef, locale: Locale): string[] | null {
  const a = col.attribute;
  if (!a) return null;
  if (a.type === 'boolean') return [translate(locale, 'import.yes'), translate(locale, 'import.no')];
  if (a.type !== 'enum' && a.type !== 'multi_enum') return null;
  return a.options.map((o) => o.names[locale] ?? o.names['en-US'] ?? o.value);
}

/** What to type in a column, for the instructions sheet. */
function formatText(col: ColumnDef, locale: Locale, currency: string): string {
  const a = col.attribute;
  if (!a) return translate(locale, `import.format.${col.field}`, { currency });
  const unit = a.unit ? ` (${a.unit})` : '';
  const options = listValues(col, locale)?.join(', ') ?? '';
  const variant = a.variant ? ` ${translate(locale, 'import.format.variant')}` : '';
  return `${translate(locale, `import.format.attr_${a.type}`, { options })}${unit}${variant}`;
}

const fileBase = (rules: CategoryRules | null, locale: Locale) =>
  `${translate(locale, 'import.file.template')}-${rules?.slug ?? translate(locale, 'import.file.update')}`;

export async function importTemplate(
  ctx: SellerCtx,
  input: { categoryId?: string; format: 'csv' | 'xlsx' },
): Promise<TemplateFile> {
  const rules = input.categoryId
    ? await placeableCategory(ctx, input.categoryId, 'querystring.categoryId')
    : null;
  const columns = templateColumns(rules).filter((c) => rules || c.field !== 'attribute');
  const locale = ctx.locale;
  if (input.format === 'csv') {
    return {
      data: Buffer.from(
        stringify([columns.map((c) => c.key)], { bom: true, record_delimiter: '\r\n' }),
        'utf8',
      ),
      name: `${fileBase(rules, locale)}.csv`,
      mime: 'text/csv; charset=utf-8',
    };
  }
  const currency = (await getCompany(ctx)).defaultCurrency;
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Seller Center';
  const sheet = workbook.addWorksheet(translate(locale, 'import.sheet.products'), {
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  const instructions = workbook.addWorksheet(translate(locale, 'import.sheet.instructions'));
  const lists = workbook.addWorksheet('lists', { state: 'veryHidden' });

  sheet.columns = columns.map((c) => ({
    width: Math.min(40, Math.max(12, columnName(c, locale).length + 4)),
    style: TEXT_FIELDS.has(c.field) ? { numFmt: '@' } : {},
  }));
  const names = sheet.addRow(columns.map((c) => columnName(c, locale)));
  names.font = { bold: true };
  names.eachCell((cell, i) => {
    const col = columns[i - 1];
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: col?.required ? 'FFFFE7BA' : 'FFEFF3F8' },
    };
  });
  const keys = sheet.addRow([...columns.map((c) => c.key), ...(rules ? [`#category=${rules.id}`] : [])]);
  keys.hidden = true;

  const first = 3;
  const last = first + TEMPLATE_ROWS - 1;
  // exceljs writes range validations (typed only per cell): one rule per column range.
  const validations = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  let listColumn = 0;
  columns.forEach((col, i) => {
    const letter = colLetter(i + 1);
    const range = `${letter}${first}:${letter}${last}`;
    const values = listValues(col, locale);
    if (values?.length) {
      const inline = values.join(',');
      let formula: string;
      if (inline.length <= INLINE_LIST_MAX && !values.some((v) => v.includes(',') || v.includes('"'))) {
        formula = `"${inline}"`;
      } else {
        listColumn++;
        const listLetter = colLetter(listColumn);
        values.forEach((v, r) => {
          lists.getCell(`${listLetter}${r + 1}`).value = v;
        });
        formula = `lists!$${listLetter}$1:$${listLetter}$${values.length}`;
      }
      const multi = col.attribute?.type === 'multi_enum';
      validations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [formula],
        // Several options of a multi-choice attribute are typed as "a; b": the list only suggests.
        showErrorMessage: !multi,
        errorStyle: 'stop',
        errorTitle: columnName(col, locale, false),
        error: translate(locale, 'import.validation.list'),
      });
    } else if (col.field === 'list_price' || col.field === 'sale_price') {
      validations.add(range, {
        type: 'decimal',
        operator: 'greaterThan',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        error: translate(locale, 'import.validation.price'),
      });
    } else if (['stock', 'weight_g', 'length_mm', 'width_mm', 'height_mm'].includes(col.field)) {
      validations.add(range, {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        error: translate(locale, 'import.validation.whole'),
      });
    }
  });

  instructions.columns = [{ width: 34 }, { width: 22 }, { width: 12 }, { width: 90 }];
  const title = instructions.addRow([
    translate(locale, 'import.instructions.title', {
      category: rules ? (rules.names[locale] ?? rules.names['en-US'] ?? rules.slug) : '—',
    }),
  ]);
  title.font = { bold: true, size: 14 };
  for (let n = 1; n <= 8; n++) {
    const row = instructions.addRow([translate(locale, `import.instructions.${n}`, { currency })]);
    row.getCell(1).alignment = { wrapText: false };
  }
  instructions.addRow([]);
  const head = instructions.addRow([
    translate(locale, 'import.instructions.column'),
    translate(locale, 'import.instructions.key'),
    translate(locale, 'import.instructions.required'),
    translate(locale, 'import.instructions.format'),
  ]);
  head.font = { bold: true };
  for (const col of columns) {
    instructions.addRow([
      columnName(col, locale, false),
      col.key,
      col.required ? translate(locale, 'import.yes') : '',
      formatText(col, locale, currency),
    ]);
  }
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    data,
    name: `${fileBase(rules, locale)}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  };
}

import { existsSync } from 'node:fs';
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';
import { z } from 'zod';
import type { SellerCtx } from '../../../platform/db/tenant';
import { AppError } from '../../../platform/http/errors';
import { getInbound, type InboundDetail, sellerName } from './inbound';
import { titleIn } from './levels';

/** Noto Sans CJK covers Chinese, Japanese, Korean, Cyrillic and Latin (Debian: fonts-noto-cjk). */
export const CJK_FONT_PATHS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
];
/** The face of the collection to embed (simplified Chinese glyph shapes). */
export const CJK_FACE = 'NotoSansCJKsc-Regular';

const MM = 72 / 25.4;
/** SKU labels: 58 × 40 mm, the common thermal label of marketplace warehouses. */
const SKU_LABEL = { width: 58 * MM, height: 40 * MM };
/** Box labels: 100 × 150 mm (4 × 6 in), the common shipping label. */
const BOX_LABEL = { width: 100 * MM, height: 150 * MM };
/** A PDF of more labels than this is refused; print one label per line with copies instead. */
export const MAX_LABELS = 5000;

export const skuLabelsQuery = z.object({
  mode: z
    .enum(['unit', 'line'])
    .default('unit')
    .describe('unit: one label per unit sent; line: `copies` labels per line.'),
  copies: z.coerce.number().int().min(1).max(1000).default(1).describe('Labels per line in line mode.'),
  lang: z.enum(['zh-CN', 'en-US', 'ru-RU']).optional().describe('Language of the titles (default: yours).'),
});
export type SkuLabelsQuery = z.infer<typeof skuLabelsQuery>;

function cjkFontPath(): string | null {
  return CJK_FONT_PATHS.find((p) => existsSync(p)) ?? null;
}

/** Text outside Latin-1 needs the embedded CJK font (the PDF standard fonts cover only Latin-1). */
const needsUnicodeFont = (texts: string[]) =>
  texts.some((t) => [...t].some((c) => (c.codePointAt(0) ?? 0) > 0xff));

/**
 * A PDF document with the text font chosen: Noto Sans CJK when installed; without it, Helvetica
 * while every text is Latin-1, else 503 label_font_missing (an installation problem, said clearly).
 */
function newDocument(size: { width: number; height: number }, texts: string[], title: string) {
  const doc = new PDFDocument({
    size: [size.width, size.height],
    margin: 0,
    autoFirstPage: false,
    info: { Title: title, Creator: 'Seller Center' },
  });
  const fontPath = cjkFontPath();
  if (fontPath) {
    doc.registerFont('text', fontPath, CJK_FACE);
  } else if (needsUnicodeFont(texts)) {
    throw new AppError('label_font_missing', { status: 503, params: { font: CJK_FONT_PATHS[0] as string } });
  } else {
    doc.registerFont('text', 'Helvetica');
  }
  doc.font('text');
  return doc;
}

/** pdfkit can embed an image once and place it on many pages (its typings lack openImage). */
const openImage = (doc: PDFKit.PDFDocument, png: Buffer): Buffer =>
  (doc as unknown as { openImage(src: Buffer): Buffer }).openImage(png);

function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** GS1 mod-10 check digit over the digits before it. */
function gs1Valid(code: string): boolean {
  if (!/^\d+$/.test(code)) return false;
  const body = code.slice(0, -1);
  let sum = 0;
  for (let i = 0; i < body.length; i++)
    sum += (body.charCodeAt(body.length - 1 - i) - 48) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(code.at(-1));
}

/** What a SKU label encodes: its EAN-13 (or EAN-8 / UPC-A) when valid, else Code 128 of the SKU code. */
export function labelSymbol(barcode: string | null, skuCode: string): { bcid: string; text: string } {
  if (barcode && gs1Valid(barcode)) {
    if (barcode.length === 13) return { bcid: 'ean13', text: barcode };
    if (barcode.length === 8) return { bcid: 'ean8', text: barcode };
    if (barcode.length === 12) return { bcid: 'upca', text: barcode };
  }
  return { bcid: 'code128', text: skuCode };
}

async function barcodePng(bcid: string, text: string, heightMm: number): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid,
    text,
    scale: 3,
    height: heightMm,
    includetext: true,
    textxalign: 'center',
    textsize: 9,
    paddingwidth: 2,
    paddingheight: 1,
  } as Parameters<typeof bwipjs.toBuffer>[0]);
}

/** Cuts a text to fit a width in at most `lines` lines, with an ellipsis when cut. */
function fitText(doc: PDFKit.PDFDocument, text: string, width: number, lines: number, size: number): string {
  doc.fontSize(size);
  const lineHeight = doc.currentLineHeight(true);
  if (doc.heightOfString(text, { width }) <= lineHeight * lines + 0.5) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.heightOfString(`${text.slice(0, mid)}…`, { width }) <= lineHeight * lines + 0.5) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** The SKU labels of a shipment: barcode, SKU code and title on each 58 × 40 mm page. */
export async function skuLabelsPdf(
  ctx: SellerCtx,
  id: string,
  q: SkuLabelsQuery,
): Promise<{ pdf: Buffer; name: string }> {
  const shipment = await getInbound(ctx, id);
  const lang = q.lang ?? ctx.locale;
  const labels = shipment.lines.map((l) => ({
    line: l,
    copies: q.mode === 'unit' ? l.quantity : q.copies,
    title: titleIn(l.title, lang),
  }));
  const total = labels.reduce((n, l) => n + l.copies, 0);
  if (total === 0)
    throw new AppError('inbound_no_lines', { status: 409, params: { number: shipment.number } });
  if (total > MAX_LABELS)
    throw new AppError('too_many_labels', { status: 422, params: { count: total, max: MAX_LABELS } });

  const doc = newDocument(
    SKU_LABEL,
    labels.flatMap((l) => [l.title, l.line.skuCode]),
    `Inbound ${shipment.number} SKU labels`,
  );
  const pad = 2.5 * MM;
  const width = SKU_LABEL.width - 2 * pad;
  for (const { line, copies, title } of labels) {
    const symbol = labelSymbol(line.barcode, line.skuCode);
    const image = openImage(doc, await barcodePng(symbol.bcid, symbol.text, 10));
    const shownTitle = fitText(doc, title, width, 2, 6.5);
    const code = fitText(doc, line.skuCode, width, 1, 8);
    for (let i = 0; i < copies; i++) {
      doc.addPage({ size: [SKU_LABEL.width, SKU_LABEL.height], margin: 0 });
      doc.image(image, pad, pad, { fit: [width, 17 * MM], align: 'center', valign: 'center' });
      doc.fontSize(8).text(code, pad, pad + 18 * MM, { width, align: 'center', lineBreak: false });
      doc.fontSize(6.5).text(shownTitle, pad, pad + 22.5 * MM, { width, align: 'center', height: 10 * MM });
      doc
        .fontSize(5)
        .fillColor('#555555')
        .text(`#${shipment.number}`, pad, SKU_LABEL.height - pad - 2.2 * MM, {
          width,
          align: 'right',
          lineBreak: false,
        })
        .fillColor('black');
    }
  }
  return { pdf: await finish(doc), name: `inbound-${shipment.number}-labels.pdf` };
}

function addressLines(shipment: InboundDetail): string[] {
  const w = shipment.warehouse;
  if (!w) return [];
  const a = w.address;
  return [
    `${w.name} (${w.code})`,
    [a.line1, a.line2].filter(Boolean).join(', '),
    [a.postalCode, a.city, a.region].filter(Boolean).join(' '),
    a.country,
    a.phone ?? '',
  ].filter((l) => l.length > 0);
}

/** One 100 × 150 mm label per box: shipment number as Code 128, box n of N, seller and destination. */
export async function boxLabelsPdf(ctx: SellerCtx, id: string): Promise<{ pdf: Buffer; name: string }> {
  const shipment = await getInbound(ctx, id);
  const seller = await sellerName(ctx, ctx.sellerId);
  const destination = addressLines(shipment);
  const units = shipment.totals.expected;
  const doc = newDocument(BOX_LABEL, [seller, ...destination], `Inbound ${shipment.number} box labels`);
  const pad = 6 * MM;
  const width = BOX_LABEL.width - 2 * pad;
  const image = openImage(doc, await barcodePng('code128', `IN${shipment.number}`, 18));
  for (let box = 1; box <= shipment.boxes; box++) {
    doc.addPage({ size: [BOX_LABEL.width, BOX_LABEL.height], margin: 0 });
    doc
      .fontSize(10)
      .fillColor('#555555')
      .text('INBOUND / 入库 / ПОСТАВКА', pad, pad, { width })
      .fillColor('black');
    doc.fontSize(22).text(`#${shipment.number}`, pad, pad + 6 * MM, { width });
    doc.image(image, pad, pad + 17 * MM, { fit: [width, 30 * MM], align: 'center', valign: 'center' });
    doc.fontSize(28).text(`${box} / ${shipment.boxes}`, pad, pad + 50 * MM, { width, align: 'center' });
    doc
      .fontSize(9)
      .fillColor('#555555')
      .text('FROM', pad, pad + 66 * MM, { width })
      .fillColor('black');
    doc.fontSize(11).text(seller, pad, pad + 70 * MM, { width, height: 10 * MM });
    doc
      .fontSize(9)
      .fillColor('#555555')
      .text('TO', pad, pad + 84 * MM, { width })
      .fillColor('black');
    doc.fontSize(11).text(destination.join('\n'), pad, pad + 88 * MM, { width, height: 36 * MM });
    doc
      .fontSize(8)
      .fillColor('#555555')
      .text(`${shipment.totals.lines} SKU · ${units} units`, pad, BOX_LABEL.height - pad - 4 * MM, {
        width,
        lineBreak: false,
      })
      .fillColor('black');
  }
  return { pdf: await finish(doc), name: `inbound-${shipment.number}-boxes.pdf` };
}

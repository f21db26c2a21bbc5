import { and, eq, ne } from 'drizzle-orm';
import type { SellerCtx } from '../../../platform/db/tenant';
import { AppError } from '../../../platform/http/errors';
import { products, skus } from '../schema';

/**
 * GS1 barcodes a SKU may carry: EAN-13 (incl. ISBN-13), EAN-8, UPC-A (12 digits) and GTIN-14.
 * All four end in a mod-10 check digit computed with weights 3,1,3,1… from the right.
 */
export const BARCODE_KINDS = ['ean13', 'ean8', 'upca', 'gtin14'] as const;
export type BarcodeKind = (typeof BARCODE_KINDS)[number];

const KIND_BY_LENGTH: Record<number, BarcodeKind> = { 8: 'ean8', 12: 'upca', 13: 'ean13', 14: 'gtin14' };

/** The GS1 check digit of a digit string without its check digit. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // The digit next to the check digit weighs 3, then alternately 1 and 3.
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** The kind of a barcode by its length, whether or not its check digit is right; null if no kind fits. */
export function barcodeKind(code: string): BarcodeKind | null {
  if (!/^\d+$/.test(code)) return null;
  return KIND_BY_LENGTH[code.length] ?? null;
}

export type BarcodeCheck =
  | { ok: true; kind: BarcodeKind }
  | { ok: false; reason: 'barcode_not_digits' | 'barcode_length' | 'barcode_check_digit' };

/** Validates a barcode: digits only, 8/12/13/14 long, correct check digit. */
export function checkBarcode(code: string): BarcodeCheck {
  if (!/^\d+$/.test(code)) return { ok: false, reason: 'barcode_not_digits' };
  const kind = KIND_BY_LENGTH[code.length];
  if (!kind) return { ok: false, reason: 'barcode_length' };
  const expected = gs1CheckDigit(code.slice(0, -1));
  if (Number(code.at(-1)) !== expected) return { ok: false, reason: 'barcode_check_digit' };
  return { ok: true, kind };
}

export const isValidBarcode = (code: string): boolean => checkBarcode(code).ok;

/**
 * The barcode is already used. Barcodes are unique across the platform (index skus_barcode_idx):
 * a clash with the seller's own SKU names it; another seller's SKU is never revealed.
 */
export async function barcodeClash(
  ctx: SellerCtx,
  barcode: string,
  path: string,
  exceptSkuId?: string,
): Promise<AppError | null> {
  const [own] = await ctx.tx
    .select({ code: skus.code, number: products.number })
    .from(skus)
    .innerJoin(products, eq(products.id, skus.productId))
    .where(
      and(
        eq(skus.sellerId, ctx.sellerId),
        eq(skus.barcode, barcode),
        exceptSkuId ? ne(skus.id, exceptSkuId) : undefined,
      ),
    )
    .limit(1);
  return own ? barcodeTaken(barcode, path, own.number, own.code) : null;
}

export function barcodeTaken(barcode: string, path: string, productNumber: number, skuCode: string) {
  const params = { barcode, product: productNumber, sku: skuCode };
  return new AppError('barcode_taken', {
    status: 409,
    params,
    errors: [{ path, message: 'barcode_taken', code: 'barcode_taken', params }],
  });
}

/** Another seller's SKU (or a concurrent insert) holds the barcode: the unique index said so. */
export function barcodeRegistered(barcode: string, path: string) {
  return new AppError('barcode_registered', {
    status: 409,
    params: { barcode },
    errors: [{ path, message: 'barcode_registered', code: 'barcode_registered', params: { barcode } }],
  });
}

/**
 * GS1 barcodes a SKU may carry (EAN-13, EAN-8, UPC-A, GTIN-14), checked in the browser so the seller
 * sees a wrong check digit while typing. The server checks again; this only gives the hint early.
 */
export type BarcodeProblem =
  | { code: 'digits' }
  | { code: 'length' }
  | { code: 'check_digit'; expected: number };

/** The GS1 mod-10 check digit of a digit string without its check digit (weights 3,1,3,… from the right). */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** null when the barcode is empty or valid; else what is wrong with it. */
export function barcodeProblem(value: string | null | undefined): BarcodeProblem | null {
  const code = (value ?? '').trim();
  if (code === '') return null;
  if (!/^\d+$/.test(code)) return { code: 'digits' };
  if (![8, 12, 13, 14].includes(code.length)) return { code: 'length' };
  const expected = gs1CheckDigit(code.slice(0, -1));
  return Number(code.at(-1)) === expected ? null : { code: 'check_digit', expected };
}

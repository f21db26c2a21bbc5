import { describe, expect, it } from 'vitest';
import { barcodeProblem, gs1CheckDigit } from './barcode';

describe('barcode hints', () => {
  it('accepts valid EAN-13, EAN-8, UPC-A and GTIN-14 codes', () => {
    expect(barcodeProblem('4006381333931')).toBeNull();
    expect(barcodeProblem('96385074')).toBeNull();
    expect(barcodeProblem('036000291452')).toBeNull();
    expect(barcodeProblem('10012345678902')).toBeNull();
    expect(barcodeProblem('')).toBeNull();
    expect(barcodeProblem(null)).toBeNull();
  });

  it('names the expected check digit', () => {
    expect(barcodeProblem('4006381333932')).toEqual({ code: 'check_digit', expected: 1 });
    expect(gs1CheckDigit('400638133393')).toBe(1);
  });

  it('rejects letters and wrong lengths', () => {
    expect(barcodeProblem('40063813339A1')).toEqual({ code: 'digits' });
    expect(barcodeProblem('12345')).toEqual({ code: 'length' });
  });
});

// Text encodings and delimiters of uploaded CSV files: detected from the bytes, or chosen by the seller.
import iconv from 'iconv-lite';

/** Encodings a CSV may come in (GBK files are read as GB18030, its superset). */
export const CSV_ENCODINGS = ['utf-8', 'gb18030', 'windows-1251', 'utf-16le', 'utf-16be'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** What a seller may ask for; aliases map to the encodings above. */
export const ENCODING_CHOICES = [
  'auto',
  'utf-8',
  'gbk',
  'gb18030',
  'windows-1251',
  'utf-16le',
  'utf-16be',
] as const;
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];

export const DELIMITERS = { comma: ',', semicolon: ';', tab: '\t' } as const;
export type DelimiterName = keyof typeof DELIMITERS;
export const DELIMITER_CHOICES = ['auto', 'comma', 'semicolon', 'tab'] as const;
export type DelimiterChoice = (typeof DELIMITER_CHOICES)[number];

export function encodingOf(choice: EncodingChoice): CsvEncoding | null {
  if (choice === 'auto') return null;
  return choice === 'gbk' ? 'gb18030' : choice;
}

/** The byte-order mark at the start of the sample, if any. */
export function bomOf(sample: Uint8Array): { encoding: CsvEncoding; length: number } | null {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * True when the bytes are well-formed UTF-8. With `truncated`, a multi-byte sequence cut off at the
 * very end of the sample is accepted (the sample is the head of a longer file).
 */
export function isValidUtf8(bytes: Uint8Array, truncated: boolean): boolean {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return false;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return truncated;
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/**
 * Sequences that GB18030 cannot decode: a lead byte 0x81–0xFE must be followed by a trail byte
 * 0x40–0x7E / 0x80–0xFE, or by the four-byte form digit, lead, digit. Russian text in Windows-1251
 * breaks this almost at once (an odd-length word before a space, or "я" = 0xFF).
 */
function gbInvalidSequences(bytes: Uint8Array, truncated: boolean): number {
  let bad = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b === 0x80 || b === 0xff) {
      bad++;
      i++;
      continue;
    }
    if (i + 1 >= n) {
      if (!truncated) bad++;
      break;
    }
    const t = bytes[i + 1] as number;
    if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
      i += 2;
      continue;
    }
    if (t >= 0x30 && t <= 0x39 && i + 3 < n) {
      const t2 = bytes[i + 2] as number;
      const t3 = bytes[i + 3] as number;
      if (t2 >= 0x81 && t2 <= 0xfe && t3 >= 0x30 && t3 <= 0x39) {
        i += 4;
        continue;
      }
    }
    bad++;
    i++;
  }
  return bad;
}

/** The most frequent lower-case letters of Russian text in Windows-1251 (о е а и н т с р в л к м д п у я ы). */
const FREQUENT_CYRILLIC = new Set([
  0xee, 0xe5, 0xe0, 0xe8, 0xed, 0xf2, 0xf1, 0xf0, 0xe2, 0xeb, 0xea, 0xec, 0xe4, 0xef, 0xf3, 0xff, 0xfb,
]);

/** Share of high bytes that are frequent Russian letters when read as Windows-1251. */
function cyrillicLetterShare(bytes: Uint8Array): number {
  let high = 0;
  let frequent = 0;
  for (const b of bytes) {
    if (b < 0x80) continue;
    high++;
    if (FREQUENT_CYRILLIC.has(b)) frequent++;
  }
  return high === 0 ? 0 : frequent / high;
}

/** Zero bytes at odd or even positions: UTF-16 without a byte-order mark. */
function utf16Guess(bytes: Uint8Array): CsvEncoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

export type EncodingVerdict = { encoding: CsvEncoding; bom: boolean } | { binary: true };

/**
 * Guesses the encoding of a CSV from its first bytes: a byte-order mark wins; then UTF-16 by its
 * zero bytes; then well-formed UTF-8; otherwise GB18030 when every multi-byte sequence is valid GB
 * and the text does not read like Russian, else Windows-1251. NUL bytes or control characters in a
 * non-UTF-16 file mean it is not text at all.
 */
export function detectEncoding(sample: Uint8Array, truncated: boolean): EncodingVerdict {
  const bom = bomOf(sample);
  if (bom) return { encoding: bom.encoding, bom: true };
  const utf16 = utf16Guess(sample);
  if (utf16) return { encoding: utf16, bom: false };
  if (looksBinary(sample)) return { binary: true };
  if (isValidUtf8(sample, truncated)) return { encoding: 'utf-8', bom: false };
  const gbBad = gbInvalidSequences(sample, truncated);
  if (gbBad === 0 && cyrillicLetterShare(sample) < 0.5) return { encoding: 'gb18030', bom: false };
  return { encoding: 'windows-1251', bom: false };
}

/** NUL bytes, or more than 1 % of C0 control characters other than tab, CR, LF, FF. */
export function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  const n = Math.min(sample.length, 65536);
  for (let i = 0; i < n; i++) {
    const b = sample[i] as number;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > 0.01;
}

export const decodeSample = (sample: Uint8Array, encoding: CsvEncoding): string =>
  iconv.decode(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength), encoding);

/**
 * The delimiter of a CSV from its first record: the most frequent of comma, semicolon and tab outside
 * quotes (comma when none occurs, so that a one-column file reads as one column).
 */
export function detectDelimiter(text: string): DelimiterName {
  const counts: Record<DelimiterName, number> = { comma: 0, semicolon: 0, tab: 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') counts.comma++;
    else if (!quoted && ch === ';') counts.semicolon++;
    else if (!quoted && ch === '\t') counts.tab++;
  }
  let best: DelimiterName = 'comma';
  for (const name of ['semicolon', 'tab'] as const) if (counts[name] > counts[best]) best = name;
  return best;
}

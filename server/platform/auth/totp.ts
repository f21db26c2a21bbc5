import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

// RFC 6238 as every authenticator app implements it: SHA-1, 6 digits, 30-second steps.
const PERIOD = 30;

export const newTotpSecret = (): string => generateSecret({ length: 20 });

export async function totpEnrolment(secret: string, account: string) {
  const otpauthUrl = generateURI({
    issuer: 'Seller Center',
    label: account,
    secret,
    period: PERIOD,
    digits: 6,
  });
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 });
  return { secret, otpauthUrl, qrDataUrl };
}

/**
 * Checks a code with ±1 step of clock drift. Returns the accepted time step, or null.
 * Passing the last accepted step rejects a replay of the same (or an older) code.
 */
export async function verifyTotp(secret: string, code: string, lastStep: number | null, now = Date.now()) {
  if (!/^\d{6}$/.test(code)) return null;
  // `verify` returns an object: checking it for truthiness would accept every code.
  const result = await verify({
    secret,
    token: code,
    period: PERIOD,
    epoch: Math.floor(now / 1000),
    epochTolerance: PERIOD,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}

/** For tests and the demo: the current code of a secret. */
export const currentTotp = (secret: string, now = Date.now()) =>
  generate({ secret, period: PERIOD, epoch: Math.floor(now / 1000) });

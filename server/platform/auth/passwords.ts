import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '../http/errors';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes); Algorithm.Argon2id = 2.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | null = null;
export const dummyPasswordHash = () => {
  dummyHash ??= hashPassword('not-a-real-password-0');
  return dummyHash;
};

const COMMON = new Set([
  'password',
  'password1',
  'password123',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'qwerty12345',
  'iloveyou12',
  'letmein123',
  'welcome123',
  'admin12345',
  'abc1234567',
  '1q2w3e4r5t',
  'passw0rd12',
  'zaq12wsxcde',
  'sellercenter',
]);

/**
 * The strength rule, explained field by field: length, variety of character classes, not a common
 * password, not the email's name. Returns the broken rules as field errors (message = message key).
 */
export function checkPasswordStrength(
  password: string,
  email?: string,
  path = 'body.password',
): FieldError[] {
  const errors: FieldError[] = [];
  const add = (code: string, params?: Record<string, number>) =>
    errors.push({ path, message: code, code, params });
  if (password.length < PASSWORD_MIN) add('password_too_short', { min: PASSWORD_MIN });
  if (password.length > PASSWORD_MAX) add('password_too_long', { max: PASSWORD_MAX });
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  // Long passphrases are strong without symbols.
  if (classes < 3 && password.length < 16) add('password_too_simple');
  if (COMMON.has(password.toLowerCase())) add('password_too_common');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && password.toLowerCase().includes(local)) add('password_contains_email');
  return errors;
}

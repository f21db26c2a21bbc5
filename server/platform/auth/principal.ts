import type { FastifyRequest } from 'fastify';
import type { Locale } from '../i18n/locale';

export const SESSION_COOKIE = 'sc_session';
export const CSRF_HEADER = 'x-csrf-token';
export const STORE_HEADER = 'x-store-id';

/** Who is calling, as resolved from the session cookie by the accounts domain. */
export interface Principal {
  userId: string;
  kind: 'seller' | 'operator';
  email: string;
  name: string;
  locale: Locale;
  sessionId: string;
  csrfToken: string;
  /** Password accepted, second factor still owed: only the 2FA challenge routes accept this. */
  mfaPending: boolean;
  totpEnabled: boolean;
  /** Seller users: the active seller and membership. */
  seller: { id: string; status: string; require2fa: boolean } | null;
  memberId: string | null;
  permissions: ReadonlySet<string>;
  storeIds: readonly string[] | null;
}

/** Provided by the accounts domain when the app is composed; platform code knows only this shape. */
export type Authenticate = (req: FastifyRequest) => Promise<Principal | null>;

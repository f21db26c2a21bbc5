import type { Locale } from '../i18n/locale';
import type { Database, Tx } from './engine';

export type { Tx };

export interface Actor {
  kind: 'user' | 'operator' | 'system' | 'anonymous';
  id: string | null;
  /** Email or name, kept in the audit log so that it stays readable after the user is gone. */
  label: string;
  permissions: ReadonlySet<string>;
}

interface CtxBase {
  tx: Tx;
  requestId: string;
  locale: Locale;
  now: Date;
  actor: Actor;
  ip: string | null;
  /** Set when a service wrote its own audit row, so the route wrapper does not add a generic one. */
  audit: { recorded: boolean };
}

export interface SellerCtx extends CtxBase {
  kind: 'seller';
  sellerId: string;
  /** Stores this member may see; null means every store of the seller. */
  storeIds: readonly string[] | null;
  /** The store chosen in the console's store switcher, or null for the "all stores" view. */
  currentStoreId: string | null;
}

export interface PlatformCtx extends CtxBase {
  kind: 'platform';
}

/** Pre-authentication and background work that is not tied to one seller (sign-in, dispatchers). */
export interface SystemCtx extends CtxBase {
  kind: 'system';
}

export type AnyCtx = SellerCtx | PlatformCtx | SystemCtx;
type Without<C> = Omit<C, 'tx' | 'kind'>;

interface TxOptions {
  readOnly?: boolean;
}

const RETRYABLE = new Set(['40001', '40P01']);

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/** Runs `fn` in one transaction; a serialization failure or deadlock is retried once. */
async function inTransaction<T>(database: Database, prelude: string | null, fn: (tx: Tx) => Promise<T>) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await database.transaction(prelude, fn);
    } catch (err) {
      if (attempt === 0 && RETRYABLE.has(pgCode(err) ?? '')) continue;
      throw err;
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Read-only mode (GET requests), the non-superuser role and the tenant setting, all local to the
 * transaction (= SET TRANSACTION READ ONLY; SET LOCAL ROLE app_user). It is sent with BEGIN, so it
 * carries no parameters: the only value is a UUID checked here or the literal 'on'.
 */
function rolePrelude(
  readOnly: boolean | undefined,
  setting: 'app.seller_id' | 'app.platform',
  value: string,
) {
  if (setting === 'app.seller_id' ? !UUID.test(value) : value !== 'on')
    throw new Error('invalid tenant setting');
  return `select set_config('transaction_read_only', '${readOnly ? 'on' : 'off'}', true), set_config('role', 'app_user', true), set_config('${setting}', '${value}', true)`;
}

/**
 * The only way to reach seller data: a transaction under the non-superuser role `app_user`
 * with `app.seller_id` set, so row-level security applies even to a query that forgets its filter.
 */
export function withTenant<T>(
  database: Database,
  base: Without<SellerCtx>,
  fn: (ctx: SellerCtx) => Promise<T>,
  opts: TxOptions = {},
): Promise<T> {
  return inTransaction(database, rolePrelude(opts.readOnly, 'app.seller_id', base.sellerId), (tx) =>
    fn({ ...base, kind: 'seller', tx }),
  );
}

/** Operators: the same role, with the policy switch that allows cross-seller access. */
export function withPlatform<T>(
  database: Database,
  base: Without<PlatformCtx>,
  fn: (ctx: PlatformCtx) => Promise<T>,
  opts: TxOptions = {},
): Promise<T> {
  return inTransaction(database, rolePrelude(opts.readOnly, 'app.platform', 'on'), (tx) =>
    fn({ ...base, kind: 'platform', tx }),
  );
}

/** Authentication flows and background dispatchers; runs as the owner role. */
export function withSystem<T>(
  database: Database,
  base: Without<SystemCtx>,
  fn: (ctx: SystemCtx) => Promise<T>,
): Promise<T> {
  return inTransaction(database, null, (tx) => fn({ ...base, kind: 'system', tx }));
}

export const systemActor: Actor = { kind: 'system', id: null, label: 'system', permissions: new Set() };

/** A context for work outside a request (jobs, seeding, CLI). */
export function backgroundBase(locale: Locale = 'en-US') {
  return {
    requestId: 'background',
    locale,
    now: new Date(),
    actor: systemActor,
    ip: null,
    audit: { recorded: false },
  };
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx, SellerCtx } from '../../../platform/db/tenant';
import { allowedFrom, type TransitionTable } from '../../../platform/db/transition';
import { emit } from '../../../platform/events/outbox';
import { AppError, conflict, forbidden, notFound } from '../../../platform/http/errors';
import { isCurrency } from '../../../platform/money/currencies';
import { type StoreStatus, stores } from '../schema';

export const STORE_LANGUAGES = ['zh-CN', 'en-US', 'ru-RU'] as const;

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code');
const line = (max: number) => z.string().trim().min(1).max(max);

export const addressSchema = z
  .object({
    name: line(100).describe('Contact name or company at this address.'),
    phone: line(40)
      .regex(/^[+0-9 ()-]+$/)
      .optional(),
    country: countryCode.describe('ISO 3166-1 alpha-2.'),
    region: line(100).optional().describe('Province, state or oblast.'),
    city: line(100),
    line1: line(200),
    line2: line(200).optional(),
    postalCode: line(20).optional(),
  })
  .strict()
  .meta({ id: 'Address' });

const storeFields = {
  name: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('Store name; unique within the seller (case-insensitive).'),
  logoUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .nullable()
    .optional()
    .describe('Logo image URL (http or https).'),
  description: z.string().trim().max(2000).nullable().optional(),
  marketCountry: countryCode.describe('Market the store sells to, ISO 3166-1 alpha-2.'),
  currency: z.string().refine(isCurrency, 'unknown currency').describe('ISO 4217 currency of its prices.'),
  defaultLanguage: z.enum(STORE_LANGUAGES).describe('Language of listings and buyer messages.'),
  returnAddress: addressSchema.nullable().optional().describe('Where buyers send returns.'),
  shipFromAddress: addressSchema.nullable().optional().describe('Where parcels are shipped from.'),
};

export const createStoreInput = z.object(storeFields).strict();
export type CreateStoreInput = z.infer<typeof createStoreInput>;

export const updateStoreInput = z.object(storeFields).partial().strict();
export type UpdateStoreInput = z.infer<typeof updateStoreInput>;

type StoreRow = typeof stores.$inferSelect;

export function toStore(row: StoreRow) {
  return {
    id: row.id,
    name: row.name,
    logoUrl: row.logoUrl,
    description: row.description,
    marketCountry: row.marketCountry,
    currency: row.currency,
    defaultLanguage: row.defaultLanguage,
    returnAddress: row.returnAddress ?? null,
    shipFromAddress: row.shipFromAddress ?? null,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type Store = ReturnType<typeof toStore>;

export const STORE_TRANSITIONS: TransitionTable<StoreStatus> = {
  active: ['archived'],
  archived: ['active'],
};

/** The seller's filter plus, for members limited to some stores, those stores only. */
function visible(ctx: Pick<SellerCtx, 'sellerId' | 'storeIds'>) {
  return and(
    eq(stores.sellerId, ctx.sellerId),
    ctx.storeIds ? inArray(stores.id, [...ctx.storeIds]) : undefined,
  );
}

function nameTaken(name: string) {
  return new AppError('store_name_taken', {
    status: 409,
    params: { name },
    errors: [{ path: 'body.name', message: 'store_name_taken', code: 'store_name_taken', params: { name } }],
  });
}

/** The unique index on (seller_id, lower(name)) is the guard; its violation becomes a clear 409. */
async function guardName<T>(name: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
    const pg = e.code === '23505' ? e : e.cause;
    if (pg?.code === '23505' && pg.constraint === 'stores_seller_name_idx') throw nameTaken(name ?? '');
    throw err;
  }
}

/** Hot query: the stores this member may see (the store switcher and the stores page). */
export const storeListQuery = (
  ctx: Pick<SellerCtx, 'tx' | 'sellerId' | 'storeIds'>,
  filter: { status?: StoreStatus } = {},
) =>
  ctx.tx
    .select()
    .from(stores)
    .where(and(visible(ctx), filter.status ? eq(stores.status, filter.status) : undefined))
    .orderBy(asc(stores.createdAt), asc(stores.id));

export async function listStores(ctx: SellerCtx, filter: { status?: StoreStatus } = {}): Promise<Store[]> {
  return (await storeListQuery(ctx, filter)).map(toStore);
}

async function loadStore(ctx: SellerCtx, id: string): Promise<StoreRow> {
  const [row] = await ctx.tx
    .select()
    .from(stores)
    .where(and(visible(ctx), eq(stores.id, id)));
  if (!row) throw notFound('store');
  return row;
}

export async function getStore(ctx: SellerCtx, id: string): Promise<Store> {
  return toStore(await loadStore(ctx, id));
}

export async function createStore(ctx: SellerCtx, input: CreateStoreInput): Promise<Store> {
  // A member limited to some stores would create a store they cannot see: new stores are for
  // members with access to all stores.
  if (ctx.storeIds !== null) throw forbidden('store_not_allowed');
  const id = newId();
  const [row] = await guardName(input.name, () =>
    ctx.tx
      .insert(stores)
      .values({
        id,
        sellerId: ctx.sellerId,
        name: input.name,
        logoUrl: input.logoUrl ?? null,
        description: input.description ?? null,
        marketCountry: input.marketCountry,
        currency: input.currency,
        defaultLanguage: input.defaultLanguage,
        returnAddress: input.returnAddress ?? null,
        shipFromAddress: input.shipFromAddress ?? null,
      })
      .returning(),
  );
  if (!row) throw new Error('store insert returned no row');
  const store = toStore(row);
  await recordAudit(ctx, {
    action: 'store.created',
    entityType: 'store',
    entityId: id,
    before: null,
    after: auditable(store),
  });
  return store;
}

export async function updateStore(ctx: SellerCtx, id: string, input: UpdateStoreInput): Promise<Store> {
  const before = await loadStore(ctx, id);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(patch).length === 0) return toStore(before);
  const [after] = await guardName(input.name, () =>
    ctx.tx
      .update(stores)
      .set({ ...patch, updatedAt: ctx.now })
      .where(and(visible(ctx), eq(stores.id, id)))
      .returning(),
  );
  if (!after) throw notFound('store');
  await recordAudit(ctx, {
    action: 'store.updated',
    entityType: 'store',
    entityId: id,
    before: auditable(toStore(before)),
    after: auditable(toStore(after)),
  });
  return toStore(after);
}

/** active → archived or back, as one conditional update; 409 when the store is already there. */
export async function changeStoreStatus(ctx: SellerCtx, id: string, to: StoreStatus): Promise<Store> {
  const [after] = await ctx.tx
    .update(stores)
    .set({ status: to, updatedAt: ctx.now })
    .where(and(visible(ctx), eq(stores.id, id), inArray(stores.status, allowedFrom(STORE_TRANSITIONS, to))))
    .returning();
  if (!after) {
    const current = await loadStore(ctx, id);
    throw conflict('invalid_transition', { from: current.status, to });
  }
  await recordAudit(ctx, {
    action: to === 'archived' ? 'store.archived' : 'store.restored',
    entityType: 'store',
    entityId: id,
    before: { status: to === 'archived' ? 'active' : 'archived' },
    after: { status: to },
  });
  // The catalog takes the store's listings off the storefront, or puts them back.
  await emit(ctx, to === 'archived' ? 'store.archived' : 'store.restored', {
    sellerId: ctx.sellerId,
    storeId: id,
  });
  return toStore(after);
}

/** Which of these stores are archived (in any context: the catalog's listings skip them). */
export async function archivedStoreIds(ctx: AnyCtx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.tx
    .select({ id: stores.id })
    .from(stores)
    .where(and(inArray(stores.id, [...ids]), eq(stores.status, 'archived')));
  return new Set(rows.map((r) => r.id));
}

export const archiveStore = (ctx: SellerCtx, id: string) => changeStoreStatus(ctx, id, 'archived');
export const restoreStore = (ctx: SellerCtx, id: string) => changeStoreStatus(ctx, id, 'active');

function auditable(store: Store): Record<string, unknown> {
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = store;
  return rest;
}

import { and, asc, desc, eq, gte, lte, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import type { PlatformCtx } from '../../../platform/db/tenant';
import { emit } from '../../../platform/events/outbox';
import { invalid, notFound } from '../../../platform/http/errors';
import { decodeCursor, type Page, pageQuery, toPage } from '../../../platform/http/pagination';
import {
  convertMinorNumber,
  type Fraction,
  invert,
  isRateString,
  normalizeDecimal,
  parseDecimal,
} from '../../../platform/money/convert';
import { isCurrency } from '../../../platform/money/currencies';
import { exchangeRates } from '../schema';
import type { ReadCtx } from './rules';
import { isoDay } from './shared';

const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCurrency, 'unknown currency')
  .describe('ISO 4217 currency code.');
const dayString = z.iso.date().describe('Day, YYYY-MM-DD (UTC).');

/** How far ahead a rate may be set (central banks publish the next working day's rate in advance). */
export const MAX_DAYS_AHEAD = 7;

export const setExchangeRateInput = z
  .object({
    base: currencyCode.describe('The currency being priced (1 unit of it …).'),
    quote: currencyCode.describe('… buys `rate` units of this currency.'),
    day: dayString.optional().describe('Day the rate applies from, YYYY-MM-DD; today (UTC) when omitted.'),
    rate: z
      .string()
      .trim()
      .refine(isRateString, 'a decimal like 12.3456 (up to 12 decimals)')
      .refine((v) => !isRateString(v) || parseDecimal(v).num > 0n, 'must be greater than 0')
      .describe('Units of quote per 1 unit of base, as a decimal string (up to 12 decimals).'),
  })
  .strict();
export type SetExchangeRateInput = z.infer<typeof setExchangeRateInput>;

export const exchangeRateListQuery = pageQuery.extend({
  currency: currencyCode.optional().describe('Pairs with this currency on either side.'),
  base: currencyCode.optional().describe('Only this base currency.'),
  quote: currencyCode.optional().describe('Only this quote currency.'),
  from: dayString.optional().describe('Days on or after this one.'),
  to: dayString.optional().describe('Days on or before this one.'),
});
export type ExchangeRateListQuery = z.infer<typeof exchangeRateListQuery>;

export const latestRatesQuery = z.object({
  day: dayString.optional().describe('The latest rates on or before this day; today when omitted.'),
});

type RateRow = typeof exchangeRates.$inferSelect;

export function toExchangeRate(row: RateRow) {
  return {
    base: row.base,
    quote: row.quote,
    day: row.day,
    rate: row.rate,
    setBy: row.setBy,
    createdAt: row.createdAt.toISOString(),
  };
}
export type ExchangeRate = ReturnType<typeof toExchangeRate>;

const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** Sets (or replaces) the rate of a pair for a day. */
export async function setExchangeRate(ctx: PlatformCtx, input: SetExchangeRateInput): Promise<ExchangeRate> {
  const today = isoDay(ctx.now);
  const day = input.day ?? today;
  const errors = [];
  if (input.base === input.quote) {
    errors.push({ path: 'body.quote', message: 'rate_same_currency', code: 'rate_same_currency' });
  }
  if (day > addDays(today, MAX_DAYS_AHEAD)) {
    const params = { days: MAX_DAYS_AHEAD };
    errors.push({ path: 'body.day', message: 'rate_day_too_far', code: 'rate_day_too_far', params });
  }
  if (errors.length) throw invalid(errors);
  const rate = normalizeDecimal(input.rate);
  const [before] = await ctx.tx
    .select()
    .from(exchangeRates)
    .where(
      and(
        eq(exchangeRates.base, input.base),
        eq(exchangeRates.quote, input.quote),
        eq(exchangeRates.day, day),
      ),
    );
  const [row] = await ctx.tx
    .insert(exchangeRates)
    .values({ base: input.base, quote: input.quote, day, rate, setBy: ctx.actor.id })
    .onConflictDoUpdate({
      target: [exchangeRates.base, exchangeRates.quote, exchangeRates.day],
      set: { rate, setBy: ctx.actor.id, createdAt: ctx.now },
    })
    .returning();
  if (!row) throw new Error('exchange rate upsert returned no row');
  await recordAudit(ctx, {
    action: before ? 'exchange_rate.changed' : 'exchange_rate.set',
    entityType: 'exchange_rate',
    entityId: null,
    before: before ? { pair: `${before.base}/${before.quote}`, day, rate: before.rate } : null,
    after: { pair: `${row.base}/${row.quote}`, day, rate: row.rate },
  });
  // Stores that follow base prices are recomputed at once (catalog), not only at the next daily run.
  await emit(ctx, 'exchange_rate.set', { base: row.base, quote: row.quote, day });
  return toExchangeRate(row);
}

export async function deleteExchangeRate(
  ctx: PlatformCtx,
  key: { base: string; quote: string; day: string },
): Promise<void> {
  const [row] = await ctx.tx
    .delete(exchangeRates)
    .where(
      and(
        eq(exchangeRates.base, key.base),
        eq(exchangeRates.quote, key.quote),
        eq(exchangeRates.day, key.day),
      ),
    )
    .returning();
  if (!row) throw notFound('exchange_rate');
  await recordAudit(ctx, {
    action: 'exchange_rate.deleted',
    entityType: 'exchange_rate',
    entityId: null,
    before: { pair: `${row.base}/${row.quote}`, day: row.day, rate: row.rate },
    after: null,
  });
  // An earlier day's rate may apply again.
  await emit(ctx, 'exchange_rate.deleted', { base: row.base, quote: row.quote, day: row.day });
}

/** Hot query: a page of rates, newest day first, then by pair. */
export function exchangeRatePageQuery(ctx: ReadCtx, q: ExchangeRateListQuery) {
  const c = decodeCursor(q.cursor, 3);
  const conditions: (SQL | undefined)[] = [
    q.currency ? or(eq(exchangeRates.base, q.currency), eq(exchangeRates.quote, q.currency)) : undefined,
    q.base ? eq(exchangeRates.base, q.base) : undefined,
    q.quote ? eq(exchangeRates.quote, q.quote) : undefined,
    q.from ? gte(exchangeRates.day, q.from) : undefined,
    q.to ? lte(exchangeRates.day, q.to) : undefined,
  ];
  if (c) {
    const [day, base, quote] = c.map(String) as [string, string, string];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day))
      throw invalid([{ path: 'query.cursor', message: 'invalid_cursor' }]);
    conditions.push(
      sql`(${exchangeRates.day} < ${day} or (${exchangeRates.day} = ${day} and (${exchangeRates.base}, ${exchangeRates.quote}) > (${base}, ${quote})))`,
    );
  }
  return ctx.tx
    .select()
    .from(exchangeRates)
    .where(and(...conditions))
    .orderBy(desc(exchangeRates.day), asc(exchangeRates.base), asc(exchangeRates.quote))
    .limit(q.limit + 1);
}

export async function listExchangeRates(ctx: ReadCtx, q: ExchangeRateListQuery): Promise<Page<ExchangeRate>> {
  const rows = await exchangeRatePageQuery(ctx, q);
  const page = toPage(rows, q.limit, (r) => [r.day, r.base, r.quote]);
  return { items: page.items.map(toExchangeRate), nextCursor: page.nextCursor };
}

/** The latest rate of every pair on or before the day (default today). */
export async function latestExchangeRates(ctx: ReadCtx, q: { day?: string } = {}): Promise<ExchangeRate[]> {
  const day = q.day ?? isoDay(ctx.now);
  const rows = await ctx.tx
    .selectDistinctOn([exchangeRates.base, exchangeRates.quote])
    .from(exchangeRates)
    .where(lte(exchangeRates.day, day))
    .orderBy(asc(exchangeRates.base), asc(exchangeRates.quote), desc(exchangeRates.day));
  return rows.map(toExchangeRate);
}

/** Hot query (every conversion): the latest row of the pair or its inverse on or before the day. */
export const rateLookupQuery = (ctx: ReadCtx, from: string, to: string, day: string) =>
  ctx.tx
    .select()
    .from(exchangeRates)
    .where(
      and(
        or(
          and(eq(exchangeRates.base, from), eq(exchangeRates.quote, to)),
          and(eq(exchangeRates.base, to), eq(exchangeRates.quote, from)),
        ),
        lte(exchangeRates.day, day),
      ),
    )
    .orderBy(desc(exchangeRates.day), sql`(${exchangeRates.base} = ${from}) desc`)
    .limit(1);

/**
 * The rate to convert `from` → `to` on a day: the latest row on or before the day of either the
 * pair itself or its inverse (then inverted exactly). On the same day the direct pair wins.
 */
export async function findRate(
  ctx: ReadCtx,
  from: string,
  to: string,
  day: string,
): Promise<{ rate: Fraction; day: string; inverse: boolean } | null> {
  const [row] = await rateLookupQuery(ctx, from, to, day);
  if (!row) return null;
  const direct = parseDecimal(row.rate);
  const inverse = row.base !== from;
  if (direct.num === 0n) return null;
  return { rate: inverse ? invert(direct) : direct, day: row.day, inverse };
}

export interface ConvertInput {
  /** Integer minor units of `from`. */
  amount: number;
  from: string;
  to: string;
  /** YYYY-MM-DD or a Date; today (ctx.now, UTC) when omitted. */
  day?: string | Date;
}

/**
 * Converts minor units of `from` into minor units of `to` at the latest rate on or before the day,
 * half-even to the target currency's minor units. Null when no rate (direct or inverse) is known.
 */
export async function convertMinor(ctx: ReadCtx, input: ConvertInput): Promise<number | null> {
  if (input.from === input.to) return input.amount;
  const day = input.day instanceof Date ? isoDay(input.day) : (input.day ?? isoDay(ctx.now));
  const found = await findRate(ctx, input.from, input.to, day);
  if (!found) return null;
  return convertMinorNumber(input.amount, input.from, input.to, found.rate);
}

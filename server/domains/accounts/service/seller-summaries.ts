import { ilike, inArray, or } from 'drizzle-orm';
import { isUuid } from '../../../platform/db/ids';
import type { AnyCtx } from '../../../platform/db/tenant';
import { sellers } from '../schema';

/** What other domains show about a seller (review queues, notifications): names, country, currency. */
export interface SellerSummary {
  id: string;
  displayName: string;
  legalName: string;
  country: string;
  defaultCurrency: string;
  status: string;
}

/** Summaries of sellers by id, in any context (row-level security limits a seller context to itself). */
export async function sellerSummaries(
  ctx: Pick<AnyCtx, 'tx'>,
  ids: readonly string[],
): Promise<Map<string, SellerSummary>> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (unique.length === 0) return new Map();
  const rows = await ctx.tx
    .select({
      id: sellers.id,
      displayName: sellers.displayName,
      legalName: sellers.legalName,
      country: sellers.country,
      defaultCurrency: sellers.defaultCurrency,
      status: sellers.status,
    })
    .from(sellers)
    .where(inArray(sellers.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Ids of sellers whose display or legal name contains `text` (case-insensitive), at most `limit`. */
export async function sellerIdsByName(ctx: Pick<AnyCtx, 'tx'>, text: string, limit = 500): Promise<string[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await ctx.tx
    .select({ id: sellers.id })
    .from(sellers)
    .where(or(ilike(sellers.displayName, pattern), ilike(sellers.legalName, pattern)))
    .limit(limit);
  return rows.map((r) => r.id);
}

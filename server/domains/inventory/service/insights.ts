import { sql } from 'drizzle-orm';
import type { AnyCtx } from '../../../platform/db/tenant';

/** The window of the replenishment figures. */
export const INSIGHT_DAYS = 30;

export interface SkuInsight {
  /** Units sold in the last 30 days ('sold' movements). */
  sold30d: number;
  /** Average units sold per day over the last 30 days. */
  velocity: number;
  /** Available ÷ velocity; null when nothing sold (cover is unbounded). */
  daysOfCover: number | null;
  /** max(0, ⌈velocity × (lead time + safety days) + safety stock − available⌉). */
  restock: number;
  /** Units sold ÷ time-weighted average on hand over the 30 days; null when nothing was on hand. */
  turnover: number | null;
  /** Days since the oldest units still on hand arrived (FIFO approximation); null when none on hand. */
  ageDays: number | null;
}

interface InsightRow {
  sku_id: string;
  sold: number;
  avg_on_hand: number | null;
  oldest_at: string | Date | null;
}

/**
 * Sales and stock figures of some SKUs of one seller, in one query:
 * - sold: the 'sold' movements of the last 30 days (orders commit reservations into them);
 * - average on hand: on hand is rebuilt backwards from today's count with the window's movements, and
 *   averaged over time (each level weighted by how long it lasted);
 * - age: FIFO — the units on hand are taken to be the most recently received ones, so walking the
 *   inflows (received, returned, positive counts) from the newest, the oldest inflow needed to cover
 *   today's on hand gives the age. Stock older than the ledger counts from its first inflow.
 */
export async function skuInsights(
  ctx: AnyCtx,
  sellerId: string,
  skus: { skuId: string; onHand: number }[],
): Promise<Map<string, { sold: number; avgOnHand: number | null; oldestAt: Date | null }>> {
  if (skus.length === 0) return new Map();
  const ids = `{${skus.map((s) => s.skuId).join(',')}}`;
  const now = ctx.now.toISOString();
  const result = await ctx.tx.execute(sql`
    with cur as (
      select sl.sku_id, sum(sl.on_hand)::bigint as on_hand
      from stock_levels sl where sl.seller_id = ${sellerId} and sl.sku_id = any(${ids}::uuid[])
      group by sl.sku_id
    ),
    win as (
      select m.sku_id, m.created_at, m.id, m.on_hand_delta, m.reason
      from stock_movements m
      where m.seller_id = ${sellerId} and m.sku_id = any(${ids}::uuid[]) and m.on_hand_delta <> 0
        and m.created_at > ${now}::timestamptz - make_interval(days => ${INSIGHT_DAYS})
        and m.created_at <= ${now}::timestamptz
    ),
    start as (
      select cur.sku_id, cur.on_hand - coalesce((select sum(w.on_hand_delta) from win w where w.sku_id = cur.sku_id), 0)
        as level
      from cur
    ),
    steps as (
      select w.sku_id,
        s.level + sum(w.on_hand_delta) over (partition by w.sku_id order by w.created_at, w.id) as level,
        w.created_at as from_at,
        lead(w.created_at, 1, ${now}::timestamptz) over (partition by w.sku_id order by w.created_at, w.id) as to_at
      from win w join start s on s.sku_id = w.sku_id
    ),
    weighted as (
      select s.sku_id,
        s.level * extract(epoch from coalesce((select min(w.created_at) from win w where w.sku_id = s.sku_id),
          ${now}::timestamptz) - (${now}::timestamptz - make_interval(days => ${INSIGHT_DAYS})))
        + coalesce((select sum(st.level * extract(epoch from st.to_at - st.from_at)) from steps st
            where st.sku_id = s.sku_id), 0) as area
      from start s
    ),
    inflow as (
      select m.sku_id, m.created_at, m.on_hand_delta,
        sum(m.on_hand_delta) over (partition by m.sku_id order by m.created_at desc, m.id desc) as newer_or_this
      from stock_movements m
      where m.seller_id = ${sellerId} and m.sku_id = any(${ids}::uuid[]) and m.on_hand_delta > 0
        and m.reason in ('received', 'returned', 'count_correction')
    ),
    oldest as (
      select i.sku_id, min(i.created_at) as oldest_at
      from inflow i join cur c on c.sku_id = i.sku_id
      where c.on_hand > 0 and i.newer_or_this - i.on_hand_delta < c.on_hand
      group by i.sku_id
    )
    select cur.sku_id,
      coalesce((select -sum(w.on_hand_delta) from win w where w.sku_id = cur.sku_id and w.reason = 'sold'), 0)::int as sold,
      (select wt.area from weighted wt where wt.sku_id = cur.sku_id) / (${INSIGHT_DAYS} * 86400.0) as avg_on_hand,
      o.oldest_at
    from cur left join oldest o on o.sku_id = cur.sku_id`);
  const rows = (result as unknown as { rows: InsightRow[] }).rows;
  return new Map(
    rows.map((r) => [
      r.sku_id,
      {
        sold: Number(r.sold),
        avgOnHand: r.avg_on_hand === null ? null : Number(r.avg_on_hand),
        oldestAt: r.oldest_at ? new Date(r.oldest_at) : null,
      },
    ]),
  );
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** The replenishment figures from the raw numbers (pure, unit-tested). */
export function computeInsight(input: {
  sold: number;
  avgOnHand: number | null;
  oldestAt: Date | null;
  onHand: number;
  available: number;
  leadTimeDays: number;
  safetyDays: number;
  safetyStock: number;
  now: Date;
}): SkuInsight {
  const velocity = input.sold / INSIGHT_DAYS;
  const need = velocity * (input.leadTimeDays + input.safetyDays) + input.safetyStock - input.available;
  return {
    sold30d: input.sold,
    velocity: round(velocity, 2),
    daysOfCover: velocity > 0 ? round(Math.max(0, input.available) / velocity, 1) : null,
    restock: Math.max(0, Math.ceil(round(need, 6))),
    turnover: input.avgOnHand && input.avgOnHand > 0 ? round(input.sold / input.avgOnHand, 2) : null,
    ageDays:
      input.onHand > 0 && input.oldestAt
        ? Math.max(0, Math.floor((input.now.getTime() - input.oldestAt.getTime()) / 86_400_000))
        : null,
  };
}

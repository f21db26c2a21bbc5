// Document compliance of listings on sale: advance reminders, expiry, suspension and its lifting.
import { and, asc, eq, gte, inArray, isNotNull, lt, lte, or, sql } from 'drizzle-orm';
import { recordAudit } from '../../../platform/audit/service';
import type { Database } from '../../../platform/db/engine';
import { backgroundBase, type SellerCtx, withSystem, withTenant } from '../../../platform/db/tenant';
import { emit } from '../../../platform/events/outbox';
import { LOCALES, type Locale } from '../../../platform/i18n/locale';
import { translate } from '../../../platform/i18n/translate';
import { getCompany } from '../../accounts';
import {
  type CategoryRules,
  categoryRules,
  documentTypesByIds,
  type EffectiveDocumentType,
} from '../../platform';
import { complianceDocuments, productDocuments, productHistory, products } from '../schema';
import { sellerLanguage, suspendProducts, unsuspendProducts } from './lifecycle';

/** The calendar day (UTC) of the context: documents are valid through their expiry day. */
export const todayOf = (ctx: { now: Date }) => ctx.now.toISOString().slice(0, 10);

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const daysFrom = (today: string, day: string) =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);

/** Advance reminders, in days before expiry; each is sent once per expiry date. */
export const REMINDER_DAYS = [30, 7, 1] as const;

/**
 * The reason written on listings this module suspends, in the seller's language; lifting a
 * suspension looks for it (in any language), so an operator's suspension is never lifted here.
 */
const SUSPENDED_KEY = 'listing.suspension.document_expired';
const LIFTED_KEY = 'listing.suspension.document_valid';
export const documentSuspensionReasons = () => LOCALES.map((l) => translate(l, SUSPENDED_KEY));

async function sellerLang(ctx: SellerCtx): Promise<Locale> {
  return sellerLanguage((await getCompany(ctx)).country) as Locale;
}

type DocumentRow = typeof complianceDocuments.$inferSelect;

/** Document types a product on sale must hold: those of its published category (else its working one). */
export async function requiredTypeIds(
  ctx: SellerCtx,
  categoryId: string,
  cache: Map<string, CategoryRules | null>,
): Promise<string[]> {
  if (!cache.has(categoryId)) cache.set(categoryId, await categoryRules(ctx, categoryId));
  return cache.get(categoryId)?.documentTypes.map((t) => t.id) ?? [];
}

export const saleCategory = sql<string>`coalesce(${products.published}->>'categoryId', ${products.categoryId}::text)`;

/** Per product, the types of its linked documents valid on `today`. */
async function validTypesByProduct(
  ctx: SellerCtx,
  productIds: readonly string[],
  today: string,
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>(productIds.map((id) => [id, new Set<string>()]));
  if (productIds.length === 0) return out;
  const rows = await ctx.tx
    .selectDistinct({ productId: productDocuments.productId, typeId: complianceDocuments.documentTypeId })
    .from(productDocuments)
    .innerJoin(complianceDocuments, eq(complianceDocuments.id, productDocuments.documentId))
    .where(
      and(
        eq(productDocuments.sellerId, ctx.sellerId),
        inArray(productDocuments.productId, [...productIds]),
        eq(complianceDocuments.status, 'valid'),
        or(sql`${complianceDocuments.expiresOn} is null`, gte(complianceDocuments.expiresOn, today)),
      ),
    );
  for (const r of rows) out.get(r.productId)?.add(r.typeId);
  return out;
}

/**
 * Linked listings on sale (or paused by the seller) whose category requires the document's type and
 * that hold no other valid document of that type.
 */
async function productsLosingCompliance(ctx: SellerCtx, doc: DocumentRow, today: string): Promise<string[]> {
  const linked = await ctx.tx
    .select({ id: products.id, categoryId: saleCategory })
    .from(productDocuments)
    .innerJoin(products, eq(products.id, productDocuments.productId))
    .where(
      and(
        eq(productDocuments.sellerId, ctx.sellerId),
        eq(productDocuments.documentId, doc.id),
        inArray(products.saleState, ['active', 'inactive']),
      ),
    );
  const cache = new Map<string, CategoryRules | null>();
  const valid = await validTypesByProduct(
    ctx,
    linked.map((p) => p.id),
    today,
  );
  const out: string[] = [];
  for (const p of linked) {
    const required = await requiredTypeIds(ctx, p.categoryId, cache);
    if (required.includes(doc.documentTypeId) && !valid.get(p.id)?.has(doc.documentTypeId)) out.push(p.id);
  }
  return out;
}

/**
 * Among the products, those suspended by a document expiry (their last sale-state change says so)
 * that now hold a valid document of every type their category requires go back on sale.
 */
export async function restoreCompliantProducts(
  ctx: SellerCtx,
  productIds: readonly string[],
): Promise<string[]> {
  if (productIds.length === 0) return [];
  const suspended = await ctx.tx
    .select({ id: products.id, categoryId: saleCategory })
    .from(products)
    .where(
      and(
        eq(products.sellerId, ctx.sellerId),
        inArray(products.id, [...productIds]),
        eq(products.saleState, 'suspended'),
        sql`(select h.reason from ${productHistory} h where h.product_id = ${products.id}
          and h.field = 'sale_state' order by h.created_at desc, h.id desc limit 1)
          = any(${sql.param(documentSuspensionReasons())}::text[])`,
      ),
    );
  if (suspended.length === 0) return [];
  const today = todayOf(ctx);
  const valid = await validTypesByProduct(
    ctx,
    suspended.map((p) => p.id),
    today,
  );
  const cache = new Map<string, CategoryRules | null>();
  const compliant: string[] = [];
  for (const p of suspended) {
    const required = await requiredTypeIds(ctx, p.categoryId, cache);
    const have = valid.get(p.id) ?? new Set<string>();
    if (required.every((t) => have.has(t))) compliant.push(p.id);
  }
  if (compliant.length > 0)
    await unsuspendProducts(ctx, compliant, translate(await sellerLang(ctx), LIFTED_KEY));
  return compliant;
}

/** Active listings the document keeps on sale (the "products" count of the notifications). */
async function productsOnSale(ctx: SellerCtx, documentId: string): Promise<number> {
  const [row] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(productDocuments)
    .innerJoin(products, eq(products.id, productDocuments.productId))
    .where(
      and(
        eq(productDocuments.sellerId, ctx.sellerId),
        eq(productDocuments.documentId, documentId),
        eq(products.saleState, 'active'),
      ),
    );
  return row?.n ?? 0;
}

/** The type's name in the seller's language (by company country), for the notification text. */
async function typeNameFor(ctx: SellerCtx, type: EffectiveDocumentType | undefined): Promise<string> {
  if (!type) return '';
  const lang = await sellerLang(ctx);
  return type.names[lang] ?? type.names['en-US'] ?? Object.values(type.names)[0] ?? type.key;
}

/** The reminder due for a document `daysLeft` days before expiry, if one has not been sent. */
export function dueReminder(daysLeft: number, remindedDays: number | null): number | null {
  if (daysLeft < 0) return null;
  const due = [...REMINDER_DAYS].reverse().find((d) => daysLeft <= d);
  if (due === undefined) return null;
  return remindedDays === null || remindedDays > due ? due : null;
}

/** Sends the due advance reminder of one document (once per threshold, guarded by remindedDays). */
export async function remindDocument(ctx: SellerCtx, documentId: string, today: string): Promise<boolean> {
  const [doc] = await ctx.tx
    .select()
    .from(complianceDocuments)
    .where(and(eq(complianceDocuments.sellerId, ctx.sellerId), eq(complianceDocuments.id, documentId)));
  if (doc?.status !== 'valid' || !doc.expiresOn) return false;
  const daysLeft = daysFrom(today, doc.expiresOn);
  const due = dueReminder(daysLeft, doc.remindedDays);
  if (due === null) return false;
  const [updated] = await ctx.tx
    .update(complianceDocuments)
    .set({ remindedDays: due })
    .where(
      and(
        eq(complianceDocuments.id, doc.id),
        eq(complianceDocuments.status, 'valid'),
        eq(complianceDocuments.expiresOn, doc.expiresOn),
        or(
          sql`${complianceDocuments.remindedDays} is null`,
          sql`${complianceDocuments.remindedDays} > ${due}`,
        ),
      ),
    )
    .returning({ id: complianceDocuments.id });
  if (!updated) return false;
  const [type] = await documentTypesByIds(ctx, [doc.documentTypeId]);
  await emit(ctx, 'document.expiring', {
    sellerId: ctx.sellerId,
    documentId: doc.id,
    documentType: await typeNameFor(ctx, type),
    documentNumber: doc.number,
    expiresOn: doc.expiresOn,
    days: daysLeft,
    products: await productsOnSale(ctx, doc.id),
  });
  return true;
}

/**
 * Marks a document past its expiry day expired, suspends the listings on sale that relied on it
 * (category requires its type, no other valid document of that type) and tells the seller.
 */
export async function expireDocument(
  ctx: SellerCtx,
  documentId: string,
  today: string,
): Promise<string[] | null> {
  const [doc] = await ctx.tx
    .update(complianceDocuments)
    .set({ status: 'expired', updatedAt: ctx.now })
    .where(
      and(
        eq(complianceDocuments.sellerId, ctx.sellerId),
        eq(complianceDocuments.id, documentId),
        eq(complianceDocuments.status, 'valid'),
        isNotNull(complianceDocuments.expiresOn),
        lt(complianceDocuments.expiresOn, today),
      ),
    )
    .returning();
  if (!doc?.expiresOn) return null;
  const suspended = await productsLosingCompliance(ctx, doc, today);
  if (suspended.length > 0)
    await suspendProducts(ctx, suspended, translate(await sellerLang(ctx), SUSPENDED_KEY));
  await recordAudit(ctx, {
    action: 'document.expired',
    entityType: 'document',
    entityId: doc.id,
    before: { status: 'valid' },
    after: { status: 'expired', suspendedProductIds: suspended },
  });
  const [type] = await documentTypesByIds(ctx, [doc.documentTypeId]);
  await emit(ctx, 'document.expired', {
    sellerId: ctx.sellerId,
    documentId: doc.id,
    documentType: await typeNameFor(ctx, type),
    documentNumber: doc.number,
    expiresOn: doc.expiresOn,
    days: 0,
    products: suspended.length,
    productIds: suspended,
  });
  return suspended;
}

export interface ExpiryRun {
  reminded: number;
  expired: number;
  suspended: number;
  failed: number;
}

/**
 * The daily pass over every seller's documents for `today` (YYYY-MM-DD, UTC): reminders first,
 * then expiries. Each document is one seller transaction, so one failure does not stop the rest.
 * Safe to run again on the same day: nothing is sent or suspended twice.
 */
export async function runDocumentExpiry(
  database: Database,
  today: string,
  now = new Date(),
): Promise<ExpiryRun> {
  const horizon = addDays(today, Math.max(...REMINDER_DAYS));
  const due = await withSystem(database, { ...backgroundBase(), now }, (ctx) =>
    ctx.tx
      .select({
        id: complianceDocuments.id,
        sellerId: complianceDocuments.sellerId,
        expiresOn: complianceDocuments.expiresOn,
      })
      .from(complianceDocuments)
      .where(
        and(
          eq(complianceDocuments.status, 'valid'),
          isNotNull(complianceDocuments.expiresOn),
          lte(complianceDocuments.expiresOn, horizon),
          // Only documents with something to do: past their day, or past a reminder not yet sent.
          or(
            lt(complianceDocuments.expiresOn, today),
            ...REMINDER_DAYS.map(
              (d) =>
                sql`(${complianceDocuments.expiresOn} - ${today}::date <= ${d}
                  and coalesce(${complianceDocuments.remindedDays}, 2147483647) > ${d})`,
            ),
          ),
        ),
      )
      .orderBy(asc(complianceDocuments.expiresOn), asc(complianceDocuments.id)),
  );
  const run: ExpiryRun = { reminded: 0, expired: 0, suspended: 0, failed: 0 };
  for (const doc of due) {
    const base = { ...backgroundBase(), now, sellerId: doc.sellerId, storeIds: null, currentStoreId: null };
    try {
      await withTenant(database, base, async (ctx) => {
        if ((doc.expiresOn as string) < today) {
          const suspended = await expireDocument(ctx, doc.id, today);
          if (suspended) {
            run.expired++;
            run.suspended += suspended.length;
          }
        } else if (await remindDocument(ctx, doc.id, today)) run.reminded++;
      });
    } catch (err) {
      run.failed++;
      console.error('[documents.expiry]', doc.id, (err as Error).message);
    }
  }
  return run;
}

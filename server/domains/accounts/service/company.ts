import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import type { SellerCtx } from '../../../platform/db/tenant';
import { emit } from '../../../platform/events/outbox';
import { conflict, notFound } from '../../../platform/http/errors';
import { LEGAL_FIELDS, type LegalChangeRequest, sellers } from '../schema';
import { changeSellerStatus } from './seller-status';

type SellerRow = typeof sellers.$inferSelect;

/** The company profile as the API shows it (seller console and platform console alike). */
export function toCompany(row: SellerRow) {
  return {
    id: row.id,
    legalName: row.legalName,
    displayName: row.displayName,
    country: row.country,
    defaultCurrency: row.defaultCurrency,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    registrationNumber: row.registrationNumber,
    registeredAddress: row.registeredAddress,
    legalRepresentative: row.legalRepresentative,
    taxId: row.taxId,
    status: row.status,
    statusReason: row.statusReason,
    require2fa: row.require2fa,
    pendingLegalChange: row.pendingLegalChange ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type Company = ReturnType<typeof toCompany>;

async function loadSeller(ctx: SellerCtx): Promise<SellerRow> {
  const [row] = await ctx.tx.select().from(sellers).where(eq(sellers.id, ctx.sellerId));
  if (!row) throw notFound('seller');
  return row;
}

export async function getCompany(ctx: SellerCtx): Promise<Company> {
  return toCompany(await loadSeller(ctx));
}

export const updateCompanyInput = z
  .object({
    displayName: z.string().trim().min(2).max(100).optional().describe('Name shown to buyers.'),
    contactEmail: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email())
      .optional()
      .describe('Where the platform writes to the company.'),
    contactPhone: z
      .string()
      .trim()
      .min(3)
      .max(40)
      .regex(/^[+0-9 ()-]+$/)
      .nullable()
      .optional()
      .describe('Phone with country code; null clears it.'),
  })
  .strict();
export type UpdateCompanyInput = z.infer<typeof updateCompanyInput>;

/** Changes the non-legal contact data; legal data only changes through a reviewed legal change. */
export async function updateCompany(ctx: SellerCtx, input: UpdateCompanyInput): Promise<Company> {
  const before = await loadSeller(ctx);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  if (Object.keys(patch).length === 0) return toCompany(before);
  const [after] = await ctx.tx
    .update(sellers)
    .set({ ...patch, updatedAt: ctx.now })
    .where(eq(sellers.id, ctx.sellerId))
    .returning();
  if (!after) throw notFound('seller');
  await recordAudit(ctx, {
    action: 'seller.company.updated',
    entityType: 'seller',
    entityId: ctx.sellerId,
    before: pick(before, Object.keys(patch)),
    after: pick(after, Object.keys(patch)),
  });
  return toCompany(after);
}

const legalValue = z.string().trim().min(1).max(500);

export const legalChangeInput = z
  .object({
    fields: z
      .object({
        legalName: z.string().trim().min(2).max(200).optional().describe('Full legal name of the company.'),
        registrationNumber: legalValue.optional().describe('Company registration number.'),
        registeredAddress: legalValue.optional().describe('Registered (legal) address.'),
        legalRepresentative: legalValue.optional().describe('Legal representative (director).'),
        taxId: legalValue.optional().describe('Tax identification number.'),
      })
      .strict()
      .refine((f) => Object.values(f).some((v) => v !== undefined), {
        message: 'legal_change_empty',
      })
      .describe('The legal fields to change and their new values; at least one.'),
  })
  .strict();
export type LegalChangeInput = z.infer<typeof legalChangeInput>;

/** Stores a request to change legal data; it takes effect only when a platform operator approves it. */
export async function requestLegalChange(ctx: SellerCtx, input: LegalChangeInput): Promise<Company> {
  const fields: LegalChangeRequest['fields'] = {};
  for (const key of LEGAL_FIELDS) {
    const value = input.fields[key];
    if (value !== undefined) fields[key] = value;
  }
  const request: LegalChangeRequest = {
    fields,
    requestedAt: ctx.now.toISOString(),
    requestedBy: ctx.actor.label,
  };
  const [after] = await ctx.tx
    .update(sellers)
    .set({ pendingLegalChange: request, updatedAt: ctx.now })
    .where(and(eq(sellers.id, ctx.sellerId), isNull(sellers.pendingLegalChange)))
    .returning();
  if (!after) {
    await loadSeller(ctx);
    throw conflict('legal_change_pending');
  }
  await recordAudit(ctx, {
    action: 'seller.legal_change.requested',
    entityType: 'seller',
    entityId: ctx.sellerId,
    before: { pendingLegalChange: null },
    after: { pendingLegalChange: request },
  });
  await emit(ctx, 'seller.legal_change_requested', {
    sellerId: ctx.sellerId,
    seller: after.legalName,
    reason: '',
    fields,
  });
  return toCompany(after);
}

/** Withdraws the seller's own pending legal change. */
export async function cancelLegalChange(ctx: SellerCtx): Promise<Company> {
  const before = await loadSeller(ctx);
  const [after] = await ctx.tx
    .update(sellers)
    .set({ pendingLegalChange: null, updatedAt: ctx.now })
    .where(and(eq(sellers.id, ctx.sellerId), isNotNull(sellers.pendingLegalChange)))
    .returning();
  if (!after) throw conflict('no_legal_change');
  await recordAudit(ctx, {
    action: 'seller.legal_change.cancelled',
    entityType: 'seller',
    entityId: ctx.sellerId,
    before: { pendingLegalChange: before.pendingLegalChange },
    after: { pendingLegalChange: null },
  });
  return toCompany(after);
}

export const securityPolicyInput = z
  .object({
    require2fa: z
      .boolean()
      .describe('When true, every member must use two-factor authentication to work in this seller.'),
  })
  .strict();

export async function setSecurityPolicy(
  ctx: SellerCtx,
  input: z.infer<typeof securityPolicyInput>,
): Promise<Company> {
  const before = await loadSeller(ctx);
  const [after] = await ctx.tx
    .update(sellers)
    .set({ require2fa: input.require2fa, updatedAt: ctx.now })
    .where(eq(sellers.id, ctx.sellerId))
    .returning();
  if (!after) throw notFound('seller');
  await recordAudit(ctx, {
    action: 'seller.security_policy.updated',
    entityType: 'seller',
    entityId: ctx.sellerId,
    before: { require2fa: before.require2fa },
    after: { require2fa: after.require2fa },
  });
  return toCompany(after);
}

/** A rejected seller sends its application back to review. */
export async function resubmitApplication(ctx: SellerCtx): Promise<Company> {
  const row = await changeSellerStatus(ctx, { sellerId: ctx.sellerId, to: 'pending_review' });
  return toCompany(row);
}

function pick(row: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));
}

import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import type { PlatformCtx } from '../../../platform/db/tenant';
import { invalidField, notFound } from '../../../platform/http/errors';
import { categoryAttributes, categoryDocumentTypes } from '../schema';
import { loadAttribute, VARIANT_TYPES } from './attributes';
import { requireCategory } from './categories';
import { loadDocumentType } from './document-types';

export const attributeLinkInput = z
  .object({
    required: z.boolean().optional().describe('Products of this subtree must fill it in (default false).'),
    variant: z
      .boolean()
      .optional()
      .describe('Each variant (SKU) has its own value: size, colour (default false).'),
    excluded: z
      .boolean()
      .optional()
      .describe('Remove an inherited attribute from this subtree (default false).'),
    position: z.number().int().min(0).max(10_000).optional().describe('Order on the product form.'),
  })
  .strict();
export type AttributeLinkInput = z.infer<typeof attributeLinkInput>;

export const documentTypeLinkInput = z
  .object({
    excluded: z
      .boolean()
      .optional()
      .describe('Lift a requirement inherited from a parent for this subtree (default false).'),
  })
  .strict();
export type DocumentTypeLinkInput = z.infer<typeof documentTypeLinkInput>;

/** Whether any ancestor of the category (not itself) has a row for this link. */
async function ancestorsLink(
  ctx: PlatformCtx,
  path: string[],
  table: typeof categoryAttributes | typeof categoryDocumentTypes,
  where: (ancestorIds: string[]) => ReturnType<typeof and>,
): Promise<boolean> {
  const ancestorIds = path.slice(0, -1);
  if (ancestorIds.length === 0) return false;
  const rows = await ctx.tx.select().from(table).where(where(ancestorIds)).limit(1);
  return rows.length > 0;
}

/**
 * Attaches an attribute to a category (or overrides the inherited link for this subtree):
 * required / variant / position, or excluded to remove an inherited one.
 */
export async function setCategoryAttribute(
  ctx: PlatformCtx,
  categoryId: string,
  attributeId: string,
  input: AttributeLinkInput,
) {
  const category = await requireCategory(ctx, categoryId);
  const attribute = await loadAttribute(ctx, attributeId);
  const excluded = input.excluded ?? false;
  const values = {
    required: excluded ? false : (input.required ?? false),
    variant: excluded ? false : (input.variant ?? false),
    excluded,
    position: input.position ?? 0,
  };
  if (values.variant && !VARIANT_TYPES.includes(attribute.type)) {
    throw invalidField('body.variant', 'attribute_not_variant_capable', { type: attribute.type });
  }
  if (
    excluded &&
    !(await ancestorsLink(ctx, category.path, categoryAttributes, (ids) =>
      and(inArray(categoryAttributes.categoryId, ids), eq(categoryAttributes.attributeId, attributeId)),
    ))
  ) {
    throw invalidField('body.excluded', 'link_nothing_to_exclude');
  }
  const [before] = await ctx.tx
    .select()
    .from(categoryAttributes)
    .where(
      and(eq(categoryAttributes.categoryId, categoryId), eq(categoryAttributes.attributeId, attributeId)),
    );
  await ctx.tx
    .insert(categoryAttributes)
    .values({ categoryId, attributeId, ...values })
    .onConflictDoUpdate({
      target: [categoryAttributes.categoryId, categoryAttributes.attributeId],
      set: values,
    });
  await recordAudit(ctx, {
    action: before ? 'category_attribute.changed' : 'category_attribute.attached',
    entityType: 'category',
    entityId: categoryId,
    before: before ? { attribute: attribute.key, ...pick(before) } : null,
    after: { attribute: attribute.key, ...values },
  });
  return { categoryId, attributeId, ...values };
}

const pick = (r: { required: boolean; variant: boolean; excluded: boolean; position: number }) => ({
  required: r.required,
  variant: r.variant,
  excluded: r.excluded,
  position: r.position,
});

/** Removes the category's own row: the attribute is detached, or reverts to the inherited link. */
export async function removeCategoryAttribute(ctx: PlatformCtx, categoryId: string, attributeId: string) {
  await requireCategory(ctx, categoryId);
  const [row] = await ctx.tx
    .delete(categoryAttributes)
    .where(
      and(eq(categoryAttributes.categoryId, categoryId), eq(categoryAttributes.attributeId, attributeId)),
    )
    .returning();
  if (!row) throw notFound('category_attribute');
  await recordAudit(ctx, {
    action: 'category_attribute.detached',
    entityType: 'category',
    entityId: categoryId,
    before: { attributeId, ...pick(row) },
    after: null,
  });
}

/** Requires a document type in a category's subtree, or (excluded) lifts an inherited requirement. */
export async function setCategoryDocumentType(
  ctx: PlatformCtx,
  categoryId: string,
  documentTypeId: string,
  input: DocumentTypeLinkInput,
) {
  const category = await requireCategory(ctx, categoryId);
  const documentType = await loadDocumentType(ctx, documentTypeId);
  const excluded = input.excluded ?? false;
  if (
    excluded &&
    !(await ancestorsLink(ctx, category.path, categoryDocumentTypes, (ids) =>
      and(
        inArray(categoryDocumentTypes.categoryId, ids),
        eq(categoryDocumentTypes.documentTypeId, documentTypeId),
      ),
    ))
  ) {
    throw invalidField('body.excluded', 'link_nothing_to_exclude');
  }
  const [before] = await ctx.tx
    .select()
    .from(categoryDocumentTypes)
    .where(
      and(
        eq(categoryDocumentTypes.categoryId, categoryId),
        eq(categoryDocumentTypes.documentTypeId, documentTypeId),
      ),
    );
  await ctx.tx
    .insert(categoryDocumentTypes)
    .values({ categoryId, documentTypeId, excluded })
    .onConflictDoUpdate({
      target: [categoryDocumentTypes.categoryId, categoryDocumentTypes.documentTypeId],
      set: { excluded },
    });
  await recordAudit(ctx, {
    action: before ? 'category_document_type.changed' : 'category_document_type.attached',
    entityType: 'category',
    entityId: categoryId,
    before: before ? { documentType: documentType.key, excluded: before.excluded } : null,
    after: { documentType: documentType.key, excluded },
  });
  return { categoryId, documentTypeId, excluded };
}

export async function removeCategoryDocumentType(
  ctx: PlatformCtx,
  categoryId: string,
  documentTypeId: string,
) {
  await requireCategory(ctx, categoryId);
  const [row] = await ctx.tx
    .delete(categoryDocumentTypes)
    .where(
      and(
        eq(categoryDocumentTypes.categoryId, categoryId),
        eq(categoryDocumentTypes.documentTypeId, documentTypeId),
      ),
    )
    .returning();
  if (!row) throw notFound('category_document_type');
  await recordAudit(ctx, {
    action: 'category_document_type.detached',
    entityType: 'category',
    entityId: categoryId,
    before: { documentTypeId, excluded: row.excluded },
    after: null,
  });
}

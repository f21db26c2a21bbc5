import { and, asc, count, eq, gt, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { PlatformCtx } from '../../../platform/db/tenant';
import { conflict, type FieldError, invalid, notFound } from '../../../platform/http/errors';
import { decodeCursor, pageQuery, toPage } from '../../../platform/http/pagination';
import { ATTRIBUTE_TYPES, type AttributeType, attributes, categoryAttributes } from '../schema';
import type { ReadCtx } from './rules';
import { fieldConflict, guardUnique, keySchema, optionalNames, translatedNames } from './shared';

/** Types whose values can span the variants (SKUs) of a product: colour × size, storage. */
export const VARIANT_TYPES: readonly AttributeType[] = ['enum', 'text', 'number'];
const OPTION_TYPES: readonly AttributeType[] = ['enum', 'multi_enum'];

const optionSchema = z
  .object({
    value: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .describe('Stored value (what products hold), e.g. "XL" or "navy".'),
    names: optionalNames(100).optional(),
  })
  .strict();

const attributeFields = {
  type: z.enum(ATTRIBUTE_TYPES).describe('text, number, enum (one option), multi_enum, boolean or date.'),
  unit: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .nullable()
    .optional()
    .describe('Unit of a number attribute (mAh, in, ml, g); only for type number.'),
  names: translatedNames(100),
  options: z
    .array(optionSchema)
    .max(500)
    .optional()
    .describe('Options of an enum / multi_enum attribute, in display order.'),
};

export const createAttributeInput = z.object({ key: keySchema, ...attributeFields }).strict();
export type CreateAttributeInput = z.infer<typeof createAttributeInput>;

export const updateAttributeInput = z
  .object({
    type: attributeFields.type.optional(),
    unit: attributeFields.unit,
    names: attributeFields.names.optional(),
    options: attributeFields.options,
  })
  .strict();
export type UpdateAttributeInput = z.infer<typeof updateAttributeInput>;

export const attributeListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional().describe('Part of the key or of a name in any language.'),
  type: z.enum(ATTRIBUTE_TYPES).optional().describe('Only this type.'),
});
export type AttributeListQuery = z.infer<typeof attributeListQuery>;

type AttributeRow = typeof attributes.$inferSelect;

export const toAttribute = (row: AttributeRow, categoryCount = 0) => ({
  id: row.id,
  key: row.key,
  type: row.type,
  unit: row.unit,
  names: row.names,
  options: row.options.map((o) => ({ value: o.value, names: o.names ?? {} })),
  categoryCount,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
export type Attribute = ReturnType<typeof toAttribute>;

/** Type, unit and options must fit together; returns the field errors (empty when fine). */
function shapeErrors(type: AttributeType, unit: string | null | undefined, options: { value: string }[]) {
  const errors: FieldError[] = [];
  if (unit && type !== 'number') {
    errors.push({
      path: 'body.unit',
      message: 'attribute_unit_not_allowed',
      code: 'attribute_unit_not_allowed',
    });
  }
  if (OPTION_TYPES.includes(type) && options.length === 0) {
    errors.push({
      path: 'body.options',
      message: 'attribute_options_required',
      code: 'attribute_options_required',
    });
  }
  if (!OPTION_TYPES.includes(type) && options.length > 0) {
    errors.push({
      path: 'body.options',
      message: 'attribute_options_not_allowed',
      code: 'attribute_options_not_allowed',
    });
  }
  const seen = new Set<string>();
  options.forEach((o, i) => {
    const v = o.value.toLowerCase();
    if (seen.has(v)) {
      const params = { value: o.value };
      errors.push({
        path: `body.options.${i}.value`,
        message: 'attribute_option_duplicate',
        code: 'attribute_option_duplicate',
        params,
      });
    }
    seen.add(v);
  });
  return errors;
}

const keyTaken = (key: string) => fieldConflict('body.key', 'attribute_key_taken', { key });

const usageCount = (id: string) =>
  sql<number>`(select count(*)::int from ${categoryAttributes} where ${categoryAttributes.attributeId} = ${id})`;

export async function listAttributes(ctx: ReadCtx, q: AttributeListQuery) {
  const c = decodeCursor(q.cursor, 1);
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  const rows = await ctx.tx
    .select({
      row: attributes,
      categoryCount: sql<number>`(select count(*)::int from ${categoryAttributes} ca where ca.attribute_id = ${attributes.id})`,
    })
    .from(attributes)
    .where(
      and(
        like
          ? or(
              ilike(attributes.key, like),
              sql`exists (select 1 from jsonb_each_text(${attributes.names}) n where n.value ilike ${like})`,
            )
          : undefined,
        q.type ? eq(attributes.type, q.type) : undefined,
        c ? gt(attributes.key, String(c[0])) : undefined,
      ),
    )
    .orderBy(asc(attributes.key))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => [r.row.key]);
  return { items: page.items.map((r) => toAttribute(r.row, r.categoryCount)), nextCursor: page.nextCursor };
}

export async function loadAttribute(ctx: ReadCtx, id: string): Promise<AttributeRow> {
  const [row] = await ctx.tx.select().from(attributes).where(eq(attributes.id, id));
  if (!row) throw notFound('attribute');
  return row;
}

export async function getAttribute(ctx: ReadCtx, id: string): Promise<Attribute> {
  const row = await loadAttribute(ctx, id);
  const [used] = await ctx.tx
    .select({ n: usageCount(id) })
    .from(attributes)
    .where(eq(attributes.id, id));
  return toAttribute(row, used?.n ?? 0);
}

const cleanOptions = (options: { value: string; names?: Record<string, string | undefined> }[] = []) =>
  options.map((o) => ({
    value: o.value,
    names: Object.fromEntries(Object.entries(o.names ?? {}).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >,
  }));

export async function createAttribute(ctx: PlatformCtx, input: CreateAttributeInput): Promise<Attribute> {
  const options = cleanOptions(input.options);
  const errors = shapeErrors(input.type, input.unit, options);
  if (errors.length) throw invalid(errors);
  const [row] = await guardUnique(
    'attributes_key_idx',
    () => keyTaken(input.key),
    () =>
      ctx.tx
        .insert(attributes)
        .values({
          id: newId(),
          key: input.key,
          type: input.type,
          unit: input.unit ?? null,
          names: input.names,
          options,
        })
        .returning(),
  );
  if (!row) throw new Error('attribute insert returned no row');
  return toAttribute(row);
}

/**
 * The key never changes (products store values by key). The type may change unless a category
 * uses the attribute as a variant axis and the new type cannot be one.
 */
export async function updateAttribute(ctx: PlatformCtx, id: string, input: UpdateAttributeInput) {
  const before = await loadAttribute(ctx, id);
  const type = input.type ?? before.type;
  const unit = input.unit !== undefined ? input.unit : type === 'number' ? before.unit : null;
  const options =
    input.options !== undefined
      ? cleanOptions(input.options)
      : OPTION_TYPES.includes(type)
        ? before.options
        : [];
  const errors = shapeErrors(type, unit, options);
  if (errors.length) throw invalid(errors);
  if (type !== before.type && !VARIANT_TYPES.includes(type)) {
    const [asVariant] = await ctx.tx
      .select({ n: count() })
      .from(categoryAttributes)
      .where(and(eq(categoryAttributes.attributeId, id), eq(categoryAttributes.variant, true)));
    if ((asVariant?.n ?? 0) > 0) {
      throw fieldConflict('body.type', 'attribute_variant_in_use', { categories: asVariant?.n ?? 0 });
    }
  }
  const [row] = await ctx.tx
    .update(attributes)
    .set({ type, unit, names: input.names ?? before.names, options, updatedAt: ctx.now })
    .where(eq(attributes.id, id))
    .returning();
  if (!row) throw notFound('attribute');
  await recordAudit(ctx, {
    action: 'attribute.updated',
    entityType: 'attribute',
    entityId: id,
    before: { type: before.type, unit: before.unit, names: before.names, options: before.options },
    after: { type: row.type, unit: row.unit, names: row.names, options: row.options },
  });
  return getAttribute(ctx, id);
}

/** An attribute linked to any category cannot be deleted: unlink it first. */
export async function deleteAttribute(ctx: PlatformCtx, id: string): Promise<void> {
  const row = await loadAttribute(ctx, id);
  const [used] = await ctx.tx
    .select({ n: count() })
    .from(categoryAttributes)
    .where(eq(categoryAttributes.attributeId, id));
  if ((used?.n ?? 0) > 0) throw conflict('attribute_in_use', { categories: used?.n ?? 0 });
  await ctx.tx.delete(attributes).where(eq(attributes.id, id));
  await recordAudit(ctx, {
    action: 'attribute.deleted',
    entityType: 'attribute',
    entityId: id,
    before: { key: row.key, type: row.type, names: row.names },
    after: null,
  });
}

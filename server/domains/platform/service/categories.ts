import { and, arrayContains, eq, inArray, max, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { PlatformCtx } from '../../../platform/db/tenant';
import { emit } from '../../../platform/events/outbox';
import { AppError, conflict, invalidField, notFound } from '../../../platform/http/errors';
import { categories } from '../schema';
import {
  type CategoryRow,
  type CategoryRules,
  computeRules,
  DEFAULT_CATEGORY_RULES,
  hasActiveChildren,
  inheritScalarRules,
  linkRowsFor,
  loadChain,
  type ReadCtx,
  resolveLinks,
} from './rules';
import { definedOnly, fieldConflict, guardUnique, LANGS, translatedNames } from './shared';

/** Deepest level a category may sit at (0 = root): six levels in all. */
export const MAX_CATEGORY_DEPTH = 5;

const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'slug: lower-case letters, digits and single hyphens')
  .max(80)
  .describe('URL name, unique across the tree (a–z, 0–9, hyphens).');

const ruleFields = {
  commissionBps: z
    .number()
    .int()
    .min(0)
    .max(10_000)
    .nullable()
    .optional()
    .describe('Commission in basis points (1250 = 12.5 %); null inherits from the parent.'),
  minImages: z
    .number()
    .int()
    .min(0)
    .max(30)
    .nullable()
    .optional()
    .describe('Fewest images a product needs; null inherits.'),
  maxImages: z
    .number()
    .int()
    .min(1)
    .max(30)
    .nullable()
    .optional()
    .describe('Most images a product may have; null inherits.'),
  requiredLanguages: z
    .array(z.enum(LANGS))
    .max(LANGS.length)
    .refine((a) => new Set(a).size === a.length, 'each language once')
    .nullable()
    .optional()
    .describe('Languages a product title and description must be filled in; null inherits.'),
};

export const createCategoryInput = z
  .object({
    parentId: z.uuid().nullable().optional().describe('Parent category; omit or null for a top-level one.'),
    slug: slugSchema,
    names: translatedNames(100),
    position: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .optional()
      .describe('Order among siblings; last when omitted.'),
    ...ruleFields,
  })
  .strict();
export type CreateCategoryInput = z.infer<typeof createCategoryInput>;

export const updateCategoryInput = z
  .object({
    parentId: z.uuid().nullable().optional().describe('Move under this category (null: to the top level).'),
    slug: slugSchema.optional(),
    names: translatedNames(100).optional(),
    position: z.number().int().min(0).max(100_000).optional(),
    ...ruleFields,
  })
  .strict();
export type UpdateCategoryInput = z.infer<typeof updateCategoryInput>;

export const categoryTreeQuery = z.object({
  active: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('Only active (true) or inactive (false) categories.'),
});

export function toCategory(row: CategoryRow) {
  return {
    id: row.id,
    parentId: row.parentId,
    path: row.path,
    depth: row.depth,
    slug: row.slug,
    names: row.names,
    position: row.position,
    active: row.active,
    commissionBps: row.commissionBps,
    minImages: row.minImages,
    maxImages: row.maxImages,
    requiredLanguages: row.requiredLanguages,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type Category = ReturnType<typeof toCategory>;

/** Siblings in display order. */
const siblingOrder = (a: CategoryRow, b: CategoryRow) =>
  a.position - b.position || a.slug.localeCompare(b.slug);

/** Rows in depth-first order (each parent followed by its subtree), siblings by position. */
export function depthFirst(rows: CategoryRow[]): CategoryRow[] {
  const children = new Map<string | null, CategoryRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    // A row whose parent is filtered out is shown at the top of what remains.
    const parent = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
  }
  const out: CategoryRow[] = [];
  const visit = (parent: string | null) => {
    for (const c of (children.get(parent) ?? []).sort(siblingOrder)) {
      out.push(c);
      visit(c.id);
    }
  };
  visit(null);
  return out;
}

/** Every category (flat, depth-first) with a count of direct children; the console builds the tree. */
export async function listCategoryTree(ctx: ReadCtx, q: { active?: boolean } = {}) {
  const rows = await ctx.tx
    .select()
    .from(categories)
    .where(q.active === undefined ? undefined : eq(categories.active, q.active));
  const childCount = new Map<string, number>();
  for (const r of rows) if (r.parentId) childCount.set(r.parentId, (childCount.get(r.parentId) ?? 0) + 1);
  return depthFirst(rows).map((r) => ({ ...toCategory(r), childCount: childCount.get(r.id) ?? 0 }));
}

/** The tree sellers pick from: active categories only, with whether each may hold products. */
export async function sellerCategoryTree(ctx: ReadCtx) {
  const rows = await ctx.tx.select().from(categories).where(eq(categories.active, true));
  const withChildren = new Set(rows.map((r) => r.parentId).filter(Boolean));
  return depthFirst(rows).map((r) => ({
    id: r.id,
    parentId: r.parentId,
    depth: r.depth,
    slug: r.slug,
    names: r.names,
    position: r.position,
    isLeaf: !withChildren.has(r.id),
  }));
}

async function loadCategory(ctx: ReadCtx, id: string): Promise<CategoryRow> {
  const [row] = await ctx.tx.select().from(categories).where(eq(categories.id, id));
  if (!row) throw notFound('category');
  return row;
}

/** The effective rules, for sellers: 404 for unknown and inactive categories. */
export async function activeCategoryRules(ctx: ReadCtx, id: string): Promise<CategoryRules> {
  const chain = await loadChain(ctx, id);
  const self = chain?.at(-1);
  if (!chain || !self?.active) throw notFound('category');
  const { attributeRows, documentRows } = await linkRowsFor(
    ctx,
    chain.map((c) => c.id),
  );
  return computeRules(chain, attributeRows, documentRows, !(await hasActiveChildren(ctx, id)));
}

/**
 * The operator's view of one category: its own settings, the effective rules, where each
 * inherited rule comes from, and every attribute / document-type link in effect here
 * (excluded ones included, so the editor can show and lift them).
 */
export async function getCategoryDetail(ctx: ReadCtx, id: string) {
  const chain = await loadChain(ctx, id);
  const self = chain?.at(-1);
  if (!chain || !self) throw notFound('category');
  const chainIds = chain.map((c) => c.id);
  const { attributeRows, documentRows } = await linkRowsFor(ctx, chainIds);
  const effective = computeRules(chain, attributeRows, documentRows, !(await hasActiveChildren(ctx, id)));
  const { sources } = inheritScalarRules(chain);
  const ancestorHas = (categoryId: string) => chainIds.slice(0, -1).includes(categoryId);
  const attributeLinks = [...resolveLinks(chainIds, attributeRows, (r) => r.attributeId).values()]
    .map(({ row, sourceCategoryId, own }) => ({
      attributeId: row.attributeId,
      key: row.attribute.key,
      type: row.attribute.type,
      unit: row.attribute.unit,
      names: row.attribute.names,
      required: row.required,
      variant: row.variant,
      excluded: row.excluded,
      position: row.position,
      sourceCategoryId,
      own,
      /** An ancestor also links it: removing this category's own row reverts to the inherited one. */
      inherited: attributeRows.some((r) => r.attributeId === row.attributeId && ancestorHas(r.categoryId)),
    }))
    .sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));
  const documentTypeLinks = [...resolveLinks(chainIds, documentRows, (r) => r.documentTypeId).values()]
    .map(({ row, sourceCategoryId, own }) => ({
      documentTypeId: row.documentTypeId,
      key: row.documentType.key,
      names: row.documentType.names,
      excluded: row.excluded,
      sourceCategoryId,
      own,
      inherited: documentRows.some(
        (r) => r.documentTypeId === row.documentTypeId && ancestorHas(r.categoryId),
      ),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    category: toCategory(self),
    effective,
    ruleSources: sources,
    defaults: DEFAULT_CATEGORY_RULES,
    attributeLinks,
    documentTypeLinks,
  };
}

const slugTaken = (slug: string) => fieldConflict('body.slug', 'category_slug_taken', { slug });

/** A UUID array literal built from parameters (drizzle would spread a JS array into a list). */
function uuidArray(ids: readonly string[]): SQL {
  if (ids.length === 0) return sql`'{}'::uuid[]`;
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
}

/**
 * After a change, every category of the subtree must still have min images ≤ max images once the
 * inherited values are filled in (a parent's new max could undercut a child's own min).
 */
async function checkSubtreeImageRules(ctx: ReadCtx, root: CategoryRow) {
  const subtree = await ctx.tx
    .select()
    .from(categories)
    .where(arrayContains(categories.path, [root.id]));
  const ancestors =
    root.path.length > 1
      ? await ctx.tx
          .select()
          .from(categories)
          .where(inArray(categories.id, root.path.slice(0, -1)))
      : [];
  const byId = new Map([...ancestors, ...subtree].map((c) => [c.id, c]));
  for (const node of subtree) {
    const chain = node.path.map((id) => byId.get(id)).filter((c): c is CategoryRow => c !== undefined);
    const { values } = inheritScalarRules(chain);
    if (values.minImages > values.maxImages) {
      const params = { min: values.minImages, max: values.maxImages, category: node.slug };
      const path = node.id === root.id && root.minImages !== null ? 'body.minImages' : 'body.maxImages';
      throw new AppError('category_images_range', {
        status: 400,
        params,
        errors: [{ path, message: 'category_images_range', code: 'category_images_range', params }],
      });
    }
  }
}

async function nextPosition(ctx: ReadCtx, parentId: string | null) {
  const [row] = await ctx.tx
    .select({ p: max(categories.position) })
    .from(categories)
    .where(parentId ? eq(categories.parentId, parentId) : sql`${categories.parentId} is null`);
  return (row?.p ?? -1) + 1;
}

async function loadParent(ctx: ReadCtx, parentId: string): Promise<CategoryRow> {
  const [parent] = await ctx.tx.select().from(categories).where(eq(categories.id, parentId));
  if (!parent) throw invalidField('body.parentId', 'category_parent_not_found');
  return parent;
}

export async function createCategory(ctx: PlatformCtx, input: CreateCategoryInput): Promise<Category> {
  const parent = input.parentId ? await loadParent(ctx, input.parentId) : null;
  if (parent && !parent.active) throw fieldConflict('body.parentId', 'category_parent_inactive');
  const depth = parent ? parent.depth + 1 : 0;
  if (depth > MAX_CATEGORY_DEPTH) {
    throw invalidField('body.parentId', 'category_too_deep', { max: MAX_CATEGORY_DEPTH + 1 });
  }
  const id = newId();
  const [row] = await guardUnique(
    'categories_slug_idx',
    () => slugTaken(input.slug),
    async () =>
      ctx.tx
        .insert(categories)
        .values({
          id,
          parentId: parent?.id ?? null,
          path: [...(parent?.path ?? []), id],
          depth,
          slug: input.slug,
          names: input.names,
          position: input.position ?? (await nextPosition(ctx, parent?.id ?? null)),
          commissionBps: input.commissionBps ?? null,
          minImages: input.minImages ?? null,
          maxImages: input.maxImages ?? null,
          requiredLanguages: input.requiredLanguages ?? null,
        })
        .returning(),
  );
  if (!row) throw new Error('category insert returned no row');
  await checkSubtreeImageRules(ctx, row);
  return toCategory(row);
}

/** Height of the subtree below a category (0 for a leaf). */
async function subtreeHeight(ctx: ReadCtx, row: CategoryRow): Promise<number> {
  const [r] = await ctx.tx
    .select({ d: max(categories.depth) })
    .from(categories)
    .where(arrayContains(categories.path, [row.id]));
  return (r?.d ?? row.depth) - row.depth;
}

/** Re-parents a category: its subtree's `path` and `depth` follow in one statement. */
async function moveCategory(ctx: PlatformCtx, row: CategoryRow, parentId: string | null, position?: number) {
  const parent = parentId ? await loadParent(ctx, parentId) : null;
  if (parent?.path.includes(row.id)) throw fieldConflict('body.parentId', 'category_move_into_itself');
  if (parent && !parent.active && row.active)
    throw fieldConflict('body.parentId', 'category_parent_inactive');
  const newDepth = parent ? parent.depth + 1 : 0;
  if (newDepth + (await subtreeHeight(ctx, row)) > MAX_CATEGORY_DEPTH) {
    throw invalidField('body.parentId', 'category_too_deep', { max: MAX_CATEGORY_DEPTH + 1 });
  }
  const prefix = parent?.path ?? [];
  const delta = newDepth - row.depth;
  // path[depth+1:] is this category and everything below it (PostgreSQL arrays start at 1).
  await ctx.tx.execute(sql`update categories
      set path = ${uuidArray(prefix)} || path[${row.depth + 1}:],
          depth = depth + ${delta},
          updated_at = ${ctx.now}
      where path @> ${uuidArray([row.id])}`);
  await ctx.tx
    .update(categories)
    .set({
      parentId: parent?.id ?? null,
      position: position ?? (await nextPosition(ctx, parent?.id ?? null)),
    })
    .where(eq(categories.id, row.id));
  await emit(ctx, 'category.moved', {
    categoryId: row.id,
    fromParentId: row.parentId,
    toParentId: parent?.id ?? null,
  });
}

export async function updateCategory(
  ctx: PlatformCtx,
  id: string,
  input: UpdateCategoryInput,
): Promise<Category> {
  const before = await loadCategory(ctx, id);
  const { parentId, ...rest } = input;
  const moving = parentId !== undefined && parentId !== before.parentId;
  if (moving) await moveCategory(ctx, before, parentId, rest.position);
  const patch = definedOnly(rest);
  if (moving) delete patch.position;
  if (!moving && Object.keys(patch).length === 0) return toCategory(before);
  if (Object.keys(patch).length > 0) {
    await guardUnique(
      'categories_slug_idx',
      () => slugTaken(input.slug ?? ''),
      () =>
        ctx.tx
          .update(categories)
          .set({ ...patch, updatedAt: ctx.now })
          .where(eq(categories.id, id)),
    );
  }
  const after = await loadCategory(ctx, id);
  if (['minImages', 'maxImages'].some((f) => f in patch) || moving) await checkSubtreeImageRules(ctx, after);
  await recordAudit(ctx, {
    action: moving ? 'category.moved' : 'category.updated',
    entityType: 'category',
    entityId: id,
    before: auditable(before),
    after: auditable(after),
  });
  return toCategory(after);
}

/**
 * Deactivating hides the category and its whole subtree from sellers (existing products stay;
 * categories are never deleted, because products refer to them).
 */
export async function deactivateCategory(ctx: PlatformCtx, id: string) {
  const row = await loadCategory(ctx, id);
  if (!row.active) throw conflict('category_already_inactive');
  const changed = await ctx.tx
    .update(categories)
    .set({ active: false, updatedAt: ctx.now })
    .where(and(arrayContains(categories.path, [id]), eq(categories.active, true)))
    .returning({ id: categories.id });
  await recordAudit(ctx, {
    action: 'category.deactivated',
    entityType: 'category',
    entityId: id,
    before: { active: true },
    after: { active: false, deactivated: changed.length },
  });
  await emit(ctx, 'category.deactivated', { categoryId: id, categoryIds: changed.map((c) => c.id) });
  return { category: toCategory({ ...row, active: false }), deactivated: changed.length };
}

/** Activates the category (its parent must be active), and optionally its whole subtree. */
export async function activateCategory(ctx: PlatformCtx, id: string, opts: { subtree?: boolean } = {}) {
  const row = await loadCategory(ctx, id);
  if (row.parentId) {
    const parent = await loadCategory(ctx, row.parentId);
    if (!parent.active) throw conflict('category_parent_inactive');
  }
  if (row.active && !opts.subtree) throw conflict('category_already_active');
  const changed = await ctx.tx
    .update(categories)
    .set({ active: true, updatedAt: ctx.now })
    .where(
      and(
        opts.subtree ? arrayContains(categories.path, [id]) : eq(categories.id, id),
        eq(categories.active, false),
      ),
    )
    .returning({ id: categories.id });
  if (changed.length === 0) throw conflict('category_already_active');
  await recordAudit(ctx, {
    action: 'category.activated',
    entityType: 'category',
    entityId: id,
    before: { active: row.active },
    after: { active: true, activated: changed.length },
  });
  return { category: toCategory({ ...row, active: true }), activated: changed.length };
}

function auditable(c: CategoryRow): Record<string, unknown> {
  return {
    parentId: c.parentId,
    slug: c.slug,
    names: c.names,
    position: c.position,
    commissionBps: c.commissionBps,
    minImages: c.minImages,
    maxImages: c.maxImages,
    requiredLanguages: c.requiredLanguages,
  };
}

/** Ensures a category exists (for link routes). */
export async function requireCategory(ctx: ReadCtx, id: string) {
  return loadCategory(ctx, id);
}

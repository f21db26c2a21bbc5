import { and, arrayContains, eq, inArray } from 'drizzle-orm';
import { isUuid } from '../../../platform/db/ids';
import type { AnyCtx } from '../../../platform/db/tenant';
import {
  type AttributeOption,
  type AttributeType,
  attributes,
  categories,
  categoryAttributes,
  categoryDocumentTypes,
  documentTypes,
  type Translated,
} from '../schema';

/** Reads of platform reference data work in any context: every role may read these tables. */
export type ReadCtx = Pick<AnyCtx, 'tx' | 'now'>;

export type CategoryRow = typeof categories.$inferSelect;

/** What a category gets when neither it nor any ancestor sets a rule. */
export const DEFAULT_CATEGORY_RULES = {
  commissionBps: 1000,
  minImages: 1,
  maxImages: 10,
  requiredLanguages: [] as string[],
};

export const RULE_FIELDS = ['commissionBps', 'minImages', 'maxImages', 'requiredLanguages'] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export interface EffectiveAttribute {
  id: string;
  key: string;
  type: AttributeType;
  unit: string | null;
  names: Translated;
  options: AttributeOption[];
  required: boolean;
  variant: boolean;
  position: number;
}

export interface EffectiveDocumentType {
  id: string;
  key: string;
  names: Translated;
  numberPattern: string | null;
  numberExample: string | null;
  expires: boolean;
}

/** A category's rules after inheritance: what a product in it must satisfy. */
export interface CategoryRules {
  id: string;
  slug: string;
  parentId: string | null;
  path: string[];
  depth: number;
  names: Translated;
  /** Names from the root down to this category. */
  breadcrumb: { id: string; slug: string; names: Translated }[];
  active: boolean;
  /** No active subcategories: products may be placed here. */
  isLeaf: boolean;
  commissionBps: number;
  minImages: number;
  maxImages: number;
  requiredLanguages: string[];
  attributes: EffectiveAttribute[];
  documentTypes: EffectiveDocumentType[];
}

/** Scalar rules: the nearest category on the chain (self first) that sets one wins; else the default. */
export function inheritScalarRules(chain: readonly CategoryRow[]) {
  const values = { ...DEFAULT_CATEGORY_RULES } as {
    commissionBps: number;
    minImages: number;
    maxImages: number;
    requiredLanguages: string[];
  };
  const sources: Record<RuleField, string | null> = {
    commissionBps: null,
    minImages: null,
    maxImages: null,
    requiredLanguages: null,
  };
  for (const field of RULE_FIELDS) {
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = chain[i] as CategoryRow;
      const v = c[field];
      if (v !== null && v !== undefined) {
        (values as Record<RuleField, unknown>)[field] = v;
        sources[field] = c.id;
        break;
      }
    }
  }
  return { values, sources };
}

export interface ResolvedLink<R> {
  row: R;
  /** The category whose own row is in effect here. */
  sourceCategoryId: string;
  own: boolean;
}

/**
 * Link inheritance (attributes, document types): rows are applied from the root down, so a
 * descendant's own row overrides the inherited one. Excluded rows are kept (the caller drops them).
 */
export function resolveLinks<R extends { categoryId: string }>(
  chainIds: readonly string[],
  rows: readonly R[],
  keyOf: (row: R) => string,
): Map<string, ResolvedLink<R>> {
  const self = chainIds.at(-1);
  const out = new Map<string, ResolvedLink<R>>();
  for (const categoryId of chainIds) {
    for (const row of rows) {
      if (row.categoryId !== categoryId) continue;
      out.set(keyOf(row), { row, sourceCategoryId: categoryId, own: categoryId === self });
    }
  }
  return out;
}

/** The category and its ancestors, root first; null when the id is unknown. */
export async function loadChain(ctx: ReadCtx, id: string): Promise<CategoryRow[] | null> {
  if (!isUuid(id)) return null;
  const [self] = await ctx.tx.select().from(categories).where(eq(categories.id, id));
  if (!self) return null;
  const ancestors =
    self.path.length > 1
      ? await ctx.tx.select().from(categories).where(inArray(categories.id, self.path))
      : [self];
  const byId = new Map(ancestors.map((c) => [c.id, c]));
  return self.path.map((pid) => byId.get(pid)).filter((c): c is CategoryRow => c !== undefined);
}

export type AttributeLinkRow = typeof categoryAttributes.$inferSelect & {
  attribute: typeof attributes.$inferSelect;
};
export type DocumentTypeLinkRow = typeof categoryDocumentTypes.$inferSelect & {
  documentType: typeof documentTypes.$inferSelect;
};

/** Hot query (product form, import, review): attribute links of a category chain. */
export const attributeLinksQuery = (ctx: ReadCtx, categoryIds: string[]) =>
  ctx.tx
    .select({ link: categoryAttributes, attribute: attributes })
    .from(categoryAttributes)
    .innerJoin(attributes, eq(attributes.id, categoryAttributes.attributeId))
    .where(inArray(categoryAttributes.categoryId, categoryIds));

/** Hot query: document-type links of a category chain. */
export const documentLinksQuery = (ctx: ReadCtx, categoryIds: string[]) =>
  ctx.tx
    .select({ link: categoryDocumentTypes, documentType: documentTypes })
    .from(categoryDocumentTypes)
    .innerJoin(documentTypes, eq(documentTypes.id, categoryDocumentTypes.documentTypeId))
    .where(inArray(categoryDocumentTypes.categoryId, categoryIds));

export async function linkRowsFor(ctx: ReadCtx, categoryIds: readonly string[]) {
  if (categoryIds.length === 0) return { attributeRows: [], documentRows: [] };
  const ids = [...categoryIds];
  const attributeRows: AttributeLinkRow[] = (await attributeLinksQuery(ctx, ids)).map((r) => ({
    ...r.link,
    attribute: r.attribute,
  }));
  const documentRows: DocumentTypeLinkRow[] = (await documentLinksQuery(ctx, ids)).map((r) => ({
    ...r.link,
    documentType: r.documentType,
  }));
  return { attributeRows, documentRows };
}

export const toEffectiveDocumentType = (d: typeof documentTypes.$inferSelect): EffectiveDocumentType => ({
  id: d.id,
  key: d.key,
  names: d.names,
  numberPattern: d.numberPattern,
  numberExample: d.numberExample,
  expires: d.expires,
});

/** Pure: the effective rules of the last category of `chain` (root first). */
export function computeRules(
  chain: readonly CategoryRow[],
  attributeRows: readonly AttributeLinkRow[],
  documentRows: readonly DocumentTypeLinkRow[],
  isLeaf: boolean,
): CategoryRules {
  const self = chain.at(-1) as CategoryRow;
  const chainIds = chain.map((c) => c.id);
  const { values } = inheritScalarRules(chain);
  const attrs = [...resolveLinks(chainIds, attributeRows, (r) => r.attributeId).values()]
    .filter((l) => !l.row.excluded)
    .map(
      ({ row }): EffectiveAttribute => ({
        id: row.attribute.id,
        key: row.attribute.key,
        type: row.attribute.type,
        unit: row.attribute.unit,
        names: row.attribute.names,
        options: row.attribute.options,
        required: row.required,
        variant: row.variant,
        position: row.position,
      }),
    )
    .sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));
  const docs = [...resolveLinks(chainIds, documentRows, (r) => r.documentTypeId).values()]
    .filter((l) => !l.row.excluded)
    .map(({ row }) => toEffectiveDocumentType(row.documentType))
    .sort((a, b) => a.key.localeCompare(b.key));
  return {
    id: self.id,
    slug: self.slug,
    parentId: self.parentId,
    path: self.path,
    depth: self.depth,
    names: self.names,
    breadcrumb: chain.map((c) => ({ id: c.id, slug: c.slug, names: c.names })),
    active: self.active,
    isLeaf,
    ...values,
    attributes: attrs,
    documentTypes: docs,
  };
}

export async function hasActiveChildren(ctx: ReadCtx, id: string): Promise<boolean> {
  const rows = await ctx.tx
    .select({ id: categories.id })
    .from(categories)
    .where(and(eq(categories.parentId, id), eq(categories.active, true)))
    .limit(1);
  return rows.length > 0;
}

/**
 * The effective rules of a category after inheritance (null rules from the nearest ancestor;
 * attributes and document types inherited down the tree, overridden or excluded by a descendant's
 * own row). Null when the category does not exist; inactive categories are returned with active=false.
 */
export async function categoryRules(ctx: ReadCtx, categoryId: string): Promise<CategoryRules | null> {
  const chain = await loadChain(ctx, categoryId);
  if (!chain) return null;
  const { attributeRows, documentRows } = await linkRowsFor(
    ctx,
    chain.map((c) => c.id),
  );
  return computeRules(chain, attributeRows, documentRows, !(await hasActiveChildren(ctx, categoryId)));
}

/** The category with this slug, or null. */
export async function categoryIdBySlug(ctx: ReadCtx, slug: string): Promise<string | null> {
  const [row] = await ctx.tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
  return row?.id ?? null;
}

export async function documentTypesByIds(
  ctx: ReadCtx,
  ids: readonly string[],
): Promise<EffectiveDocumentType[]> {
  const unique = [...new Set(ids)].filter(isUuid);
  if (unique.length === 0) return [];
  const rows = await ctx.tx.select().from(documentTypes).where(inArray(documentTypes.id, unique));
  return rows.map(toEffectiveDocumentType);
}

/** The category and every category below it (active or not); empty when the id is unknown. */
export async function categorySubtreeIds(ctx: ReadCtx, categoryId: string): Promise<string[]> {
  if (!isUuid(categoryId)) return [];
  const rows = await ctx.tx
    .select({ id: categories.id })
    .from(categories)
    .where(arrayContains(categories.path, [categoryId]));
  return rows.map((r) => r.id);
}

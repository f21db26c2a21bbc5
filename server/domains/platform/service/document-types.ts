import { asc, count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../platform/audit/service';
import { newId } from '../../../platform/db/ids';
import type { PlatformCtx } from '../../../platform/db/tenant';
import { conflict, type FieldError, invalid, notFound } from '../../../platform/http/errors';
import { categoryDocumentTypes, documentTypes } from '../schema';
import type { ReadCtx } from './rules';
import { fieldConflict, guardUnique, keySchema, translatedNames } from './shared';

/**
 * A document number matches a type's pattern when the whole number matches it
 * (the pattern is anchored; Unicode mode, so Cyrillic letters like "ЕАЭС" are plain characters).
 */
export function compileNumberPattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return null;
  }
}

/** True when the number fits the pattern (no pattern: anything non-empty fits). */
export function documentNumberMatches(pattern: string | null, number: string): boolean {
  if (!pattern) return number.trim().length > 0;
  return compileNumberPattern(pattern)?.test(number.trim()) ?? false;
}

const fields = {
  names: translatedNames(200),
  numberPattern: z
    .string()
    .min(1)
    .max(500)
    .nullable()
    .optional()
    .describe('Regular expression the whole document number must match (JavaScript syntax, Unicode).'),
  numberExample: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .nullable()
    .optional()
    .describe('A sample number shown to sellers; must match the pattern.'),
  expires: z.boolean().optional().describe('Documents of this type have an expiry date (default true).'),
};

export const createDocumentTypeInput = z.object({ key: keySchema, ...fields }).strict();
export type CreateDocumentTypeInput = z.infer<typeof createDocumentTypeInput>;
export const updateDocumentTypeInput = z.object({ ...fields, names: fields.names.optional() }).strict();
export type UpdateDocumentTypeInput = z.infer<typeof updateDocumentTypeInput>;

type DocumentTypeRow = typeof documentTypes.$inferSelect;

export const toDocumentType = (row: DocumentTypeRow, categoryCount = 0) => ({
  id: row.id,
  key: row.key,
  names: row.names,
  numberPattern: row.numberPattern,
  numberExample: row.numberExample,
  expires: row.expires,
  categoryCount,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
export type DocumentType = ReturnType<typeof toDocumentType>;

function patternErrors(pattern: string | null, example: string | null): FieldError[] {
  if (pattern === null) return [];
  const compiled = compileNumberPattern(pattern);
  if (!compiled) {
    return [
      {
        path: 'body.numberPattern',
        message: 'document_pattern_invalid',
        code: 'document_pattern_invalid',
      },
    ];
  }
  if (example !== null && !compiled.test(example)) {
    const params = { example };
    return [
      {
        path: 'body.numberExample',
        message: 'document_example_mismatch',
        code: 'document_example_mismatch',
        params,
      },
    ];
  }
  return [];
}

const keyTaken = (key: string) => fieldConflict('body.key', 'document_type_key_taken', { key });

export async function listDocumentTypes(ctx: ReadCtx): Promise<DocumentType[]> {
  const rows = await ctx.tx
    .select({ row: documentTypes, n: count(categoryDocumentTypes.categoryId) })
    .from(documentTypes)
    .leftJoin(categoryDocumentTypes, eq(categoryDocumentTypes.documentTypeId, documentTypes.id))
    .groupBy(documentTypes.id)
    .orderBy(asc(documentTypes.key));
  return rows.map((r) => toDocumentType(r.row, r.n));
}

export async function loadDocumentType(ctx: ReadCtx, id: string): Promise<DocumentTypeRow> {
  const [row] = await ctx.tx.select().from(documentTypes).where(eq(documentTypes.id, id));
  if (!row) throw notFound('document_type');
  return row;
}

async function usage(ctx: ReadCtx, id: string): Promise<number> {
  const [r] = await ctx.tx
    .select({ n: count() })
    .from(categoryDocumentTypes)
    .where(eq(categoryDocumentTypes.documentTypeId, id));
  return r?.n ?? 0;
}

export async function getDocumentType(ctx: ReadCtx, id: string): Promise<DocumentType> {
  return toDocumentType(await loadDocumentType(ctx, id), await usage(ctx, id));
}

export async function createDocumentType(ctx: PlatformCtx, input: CreateDocumentTypeInput) {
  const pattern = input.numberPattern ?? null;
  const example = input.numberExample ?? null;
  const errors = patternErrors(pattern, example);
  if (errors.length) throw invalid(errors);
  const [row] = await guardUnique(
    'document_types_key_idx',
    () => keyTaken(input.key),
    () =>
      ctx.tx
        .insert(documentTypes)
        .values({
          id: newId(),
          key: input.key,
          names: input.names,
          numberPattern: pattern,
          numberExample: example,
          expires: input.expires ?? true,
        })
        .returning(),
  );
  if (!row) throw new Error('document type insert returned no row');
  return toDocumentType(row);
}

export async function updateDocumentType(ctx: PlatformCtx, id: string, input: UpdateDocumentTypeInput) {
  const before = await loadDocumentType(ctx, id);
  const pattern = input.numberPattern !== undefined ? input.numberPattern : before.numberPattern;
  const example = input.numberExample !== undefined ? input.numberExample : before.numberExample;
  const errors = patternErrors(pattern, example);
  if (errors.length) throw invalid(errors);
  const [row] = await ctx.tx
    .update(documentTypes)
    .set({
      names: input.names ?? before.names,
      numberPattern: pattern,
      numberExample: example,
      expires: input.expires ?? before.expires,
      updatedAt: ctx.now,
    })
    .where(eq(documentTypes.id, id))
    .returning();
  if (!row) throw notFound('document_type');
  await recordAudit(ctx, {
    action: 'document_type.updated',
    entityType: 'document_type',
    entityId: id,
    before: auditable(before),
    after: auditable(row),
  });
  return toDocumentType(row, await usage(ctx, id));
}

/** A type still required by a category cannot be deleted: remove the requirement first. */
export async function deleteDocumentType(ctx: PlatformCtx, id: string): Promise<void> {
  const row = await loadDocumentType(ctx, id);
  const n = await usage(ctx, id);
  if (n > 0) throw conflict('document_type_in_use', { categories: n });
  await ctx.tx.delete(documentTypes).where(eq(documentTypes.id, id));
  await recordAudit(ctx, {
    action: 'document_type.deleted',
    entityType: 'document_type',
    entityId: id,
    before: auditable(row),
    after: null,
  });
}

const auditable = (r: DocumentTypeRow) => ({
  key: r.key,
  names: r.names,
  numberPattern: r.numberPattern,
  numberExample: r.numberExample,
  expires: r.expires,
});

// The import job: reads the file (pass 1), then writes complete products in batches (pass 2) with a
// checkpoint per batch, so that a restarted worker resumes where the last commit left off.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../../platform/db/engine';
import { backgroundBase, type SellerCtx, withTenant } from '../../../../platform/db/tenant';
import { emit } from '../../../../platform/events/outbox';
import { putFile } from '../../../../platform/files/store';
import { AppError } from '../../../../platform/http/errors';
import { isLocale, type Locale } from '../../../../platform/i18n/locale';
import { CURRENCIES } from '../../../../platform/money/currencies';
import { importJobs } from '../../schema';
import { type CategoryRules, categoryRules, getCompany, listStores } from '../deps';
import { IMAGE_LIMITS } from '../images';
import {
  type ApplyEnv,
  applyBatch,
  notEditable,
  type ProductWork,
  type RowOutcome,
  rowProblems,
} from './apply';
import { type Analysis, analyzeFile, dataRows } from './plan';
import { type Header, type ParsedRow, type RowProblem, readHeader } from './rows';
import { ImportFileError, readRows, type SourceSpec } from './source';
import { readZipIndex, type ZipIndex } from './zip';

/** What the import request hands the worker (the outbox event `catalog.import_requested`). */
export interface ImportRequested {
  importId: string;
  sellerId: string;
  userId: string | null;
  actorLabel: string;
  /** Stores the member may see (null: all), as when they uploaded. */
  storeIds: string[] | null;
  permissions: string[];
}

export const IMPORT_TUNING = {
  /** Rows per transaction and checkpoint. */
  batchRows: 500,
  /** Starts after which an import that keeps failing is given up. */
  maxAttempts: 5,
  /** Test hook: awaited after each committed batch (simulating a worker stopped mid-import). */
  afterBatch: null as null | ((importId: string, doneRows: number) => Promise<void>),
};

type JobRow = typeof importJobs.$inferSelect;
type Counts = { created: number; updated: number; unchanged: number; failed: number };

class LostCheckpoint extends Error {}
class RollBack extends Error {
  constructor(readonly outcomes: RowOutcome[]) {
    super('rollback');
  }
}

export const problemsKey = (sellerId: string, importId: string) =>
  `${sellerId}/imports/${importId}/problems.json`;

/** Reads the header rows (the first few non-blank rows). */
export async function headerOf(spec: SourceSpec, rules: CategoryRules | null): Promise<Header> {
  const rows = [];
  for await (const row of readRows(spec, { maxRows: 20 })) {
    rows.push(row);
    if (rows.filter((r) => r.cells.some((c) => c.trim() !== '')).length >= 2) break;
  }
  return readHeader(rows, rules);
}

/** The header must be usable: the file error names the unknown, duplicate or missing columns. */
export function assertHeader(header: Header): void {
  const problem = header.problems[0];
  if (!problem) return;
  throw new ImportFileError(problem.code, { columns: problem.columns.join(', ') });
}

export async function runImport(database: Database, request: ImportRequested): Promise<void> {
  const base = {
    ...backgroundBase(),
    sellerId: request.sellerId,
    storeIds: request.storeIds,
    currentStoreId: null,
    actor: {
      kind: 'user' as const,
      id: request.userId,
      label: request.actorLabel,
      permissions: new Set(request.permissions),
    },
  };
  const tenant = <T>(fn: (ctx: SellerCtx) => Promise<T>) =>
    withTenant(database, { ...base, now: new Date() }, fn);
  const job = await tenant(async (ctx) => {
    const [row] = await ctx.tx
      .update(importJobs)
      .set({
        status: 'running',
        attempts: sql`${importJobs.attempts} + 1`,
        startedAt: sql`coalesce(${importJobs.startedAt}, now())`,
      })
      .where(
        and(
          eq(importJobs.id, request.importId),
          eq(importJobs.sellerId, ctx.sellerId),
          inArray(importJobs.status, ['queued', 'running']),
        ),
      )
      .returning();
    return row ?? null;
  });
  // Delivered again after it finished (at-least-once queue): nothing to do.
  if (!job) return;
  if (isLocale(job.locale)) base.locale = job.locale;
  const finish = (status: 'succeeded' | 'failed', fields: Partial<JobRow>) =>
    finishImport(tenant, job, status, fields, request.userId);
  if (job.attempts > IMPORT_TUNING.maxAttempts) {
    await finish('failed', { errorCode: 'import_gave_up', errorParams: { attempts: job.attempts - 1 } });
    return;
  }
  try {
    await execute(database, tenant, job, base.locale, finish);
  } catch (err) {
    if (err instanceof ImportFileError) {
      await finish('failed', { errorCode: err.code, errorParams: err.params });
      return;
    }
    if (err instanceof AppError && err.status < 500) {
      await finish('failed', { errorCode: err.code, errorParams: err.params });
      return;
    }
    if (err instanceof LostCheckpoint) return; // another worker owns it now
    if (job.attempts >= IMPORT_TUNING.maxAttempts) {
      console.error('[import]', request.importId, err);
      await finish('failed', { errorCode: 'import_internal_error', errorParams: { importId: job.id } });
      return;
    }
    throw err; // the queue retries; the next start resumes from the checkpoint
  }
}

type Tenant = <T>(fn: (ctx: SellerCtx) => Promise<T>) => Promise<T>;
type Finish = (status: 'succeeded' | 'failed', fields: Partial<JobRow>) => Promise<void>;

async function execute(database: Database, tenant: Tenant, job: JobRow, locale: Locale, finish: Finish) {
  const spec: SourceSpec = {
    fileKey: job.fileKey,
    format: job.format,
    encoding: (job.encoding as SourceSpec['encoding']) ?? null,
    delimiter: (job.delimiter as SourceSpec['delimiter']) ?? null,
  };
  const rulesCache = new Map<string, CategoryRules | null>();
  const rulesOf = async (ctx: SellerCtx, id: string) => {
    if (!rulesCache.has(id)) rulesCache.set(id, await categoryRules(ctx, id));
    return rulesCache.get(id) ?? null;
  };
  const { rules, currency } = await tenant(async (ctx) => ({
    rules: job.categoryId ? await rulesOf(ctx, job.categoryId) : null,
    currency: (await getCompany(ctx)).defaultCurrency,
  }));
  // The category may have changed since the upload (deactivated, or given subcategories).
  if (job.categoryId) {
    if (!rules) throw new ImportFileError('category_not_found');
    if (!rules.active) throw new ImportFileError('category_inactive');
    if (!rules.isLeaf) throw new ImportFileError('category_not_leaf');
  }
  const minorUnits = CURRENCIES[currency]?.minorUnits ?? 2;
  const header = await headerOf(spec, rules);
  assertHeader(header);
  const zip: ZipIndex | null = job.imagesKey ? await readZipIndex(job.imagesKey) : null;

  const analysis = await analyzeFile({
    spec,
    header,
    rules,
    minorUnits,
    currency,
    read: tenant,
    database,
    sellerId: job.sellerId,
    checkRow: (row) => rowProblems(row, rules, locale),
    notEditable,
    zip,
    maxImageBytes: IMAGE_LIMITS.maxBytes,
  });
  if (analysis.totalRows === 0) throw new ImportFileError('import_no_rows');
  const resumable = job.mode === 'valid_rows';
  await tenant((ctx) =>
    ctx.tx
      .update(importJobs)
      .set(
        resumable
          ? { totalRows: analysis.totalRows }
          : {
              totalRows: analysis.totalRows,
              doneRows: 0,
              created: 0,
              updated: 0,
              unchanged: 0,
              failed: 0,
              lateProblems: [],
            },
      )
      .where(eq(importJobs.id, job.id)),
  );

  const newStockWarehouse = { id: null as string | null };
  let currencies: Map<string, string> | null = null;
  const envOf = (ctx: SellerCtx, dryRun: boolean): ApplyEnv => ({
    ctx,
    importId: job.id,
    fileName: job.fileName,
    rules,
    currency,
    storeIds: job.storeId ? [job.storeId] : [],
    zip: zip && job.imagesKey ? { key: job.imagesKey, index: zip } : null,
    dryRun,
    locale,
    rulesOf: (id) => rulesOf(ctx, id),
    newStockWarehouse,
    storeCurrencies: async () => {
      currencies ??= new Map((await listStores(ctx)).map((s) => [s.id, s.currency]));
      return currencies;
    },
  });
  const batches = productBatches(spec, header, analysis, minorUnits);
  const skippedRows = (works: Work[]) =>
    works.filter((w) => w.skipped).reduce((n, w) => n + w.rows.length, 0);

  if (job.mode === 'all_or_nothing' && analysis.problems.size > 0) {
    await finish('failed', {
      errorCode: 'import_has_errors',
      errorParams: { rows: analysis.problems.size },
      doneRows: analysis.totalRows,
      failed: analysis.problems.size,
      errorFileKey: await saveProblems(job, analysis, []),
    });
    return;
  }

  if (job.mode === 'valid_rows') {
    let done = job.doneRows;
    let position = 0;
    for await (const works of batches) {
      const rows = works.reduce((n, w) => n + w.rows.length, 0);
      if (position + rows <= done) {
        position += rows; // committed before a restart
        continue;
      }
      if (position !== done)
        throw new Error(`import ${job.id}: checkpoint ${done} is not at a batch boundary`);
      await tenant(async (ctx) => {
        const outcomes = await applyBatch(
          envOf(ctx, false),
          works.filter((w) => !w.skipped),
        );
        const counts = countOutcomes(outcomes, skippedRows(works));
        const late = lateProblems(outcomes);
        const [moved] = await ctx.tx
          .update(importJobs)
          .set({
            doneRows: sql`${importJobs.doneRows} + ${rows}`,
            created: sql`${importJobs.created} + ${counts.created}`,
            updated: sql`${importJobs.updated} + ${counts.updated}`,
            unchanged: sql`${importJobs.unchanged} + ${counts.unchanged}`,
            failed: sql`${importJobs.failed} + ${counts.failed}`,
            ...(late.length
              ? { lateProblems: sql`${importJobs.lateProblems} || ${JSON.stringify(late)}::jsonb` }
              : {}),
          })
          .where(
            and(eq(importJobs.id, job.id), eq(importJobs.doneRows, done), eq(importJobs.status, 'running')),
          )
          .returning({ id: importJobs.id });
        if (!moved) throw new LostCheckpoint();
      });
      done += rows;
      position += rows;
      await IMPORT_TUNING.afterBatch?.(job.id, done);
    }
    const final = await tenant(async (ctx) => {
      const [row] = await ctx.tx.select().from(importJobs).where(eq(importJobs.id, job.id));
      return row as JobRow;
    });
    await finish('succeeded', { errorFileKey: await saveProblems(job, analysis, final.lateProblems) });
    return;
  }

  // Validate only, or all-or-nothing: every batch in one transaction (rolled back when validating or
  // when any row fails); progress is reported from outside it.
  const dryRun = job.mode === 'validate';
  const totals: Counts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const late: LateProblem[] = [];
  let done = 0;
  // Progress goes through a second connection while the import's transaction is open; embedded
  // PGlite has one connection, so there the counts appear at the end.
  const progress = async (fields: Partial<JobRow>) => {
    if (database.kind === 'pglite') return;
    await tenant((ctx) => ctx.tx.update(importJobs).set(fields).where(eq(importJobs.id, job.id)));
  };
  try {
    await tenant(async (ctx) => {
      for await (const works of batches) {
        const outcomes = await applyBatch(
          envOf(ctx, dryRun),
          works.filter((w) => !w.skipped),
        );
        const counts = countOutcomes(outcomes, skippedRows(works));
        for (const k of Object.keys(totals) as (keyof Counts)[]) totals[k] += counts[k];
        late.push(...lateProblems(outcomes));
        done += works.reduce((n, w) => n + w.rows.length, 0);
        await progress({ doneRows: done, ...totals });
      }
      if (dryRun || totals.failed > 0) throw new RollBack([]);
    });
  } catch (err) {
    if (!(err instanceof RollBack)) throw err;
  }
  const errorFileKey = await saveProblems(job, analysis, late);
  if (dryRun) {
    await finish('succeeded', { doneRows: done, ...totals, errorFileKey });
    return;
  }
  if (totals.failed > 0) {
    await finish('failed', {
      errorCode: 'import_has_errors',
      errorParams: { rows: totals.failed },
      doneRows: done,
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: totals.failed,
      errorFileKey,
    });
    return;
  }
  await finish('succeeded', { doneRows: done, ...totals, errorFileKey });
}

interface Work extends ProductWork {
  skipped: boolean;
}

type LateProblem = JobRow['lateProblems'][number];

/**
 * Products in the order their last row appears, in batches of about `batchRows` rows. Rows of a
 * product are kept only until its last row has been read (files sorted by product keep little).
 */
async function* productBatches(
  spec: SourceSpec,
  header: Header,
  analysis: Analysis,
  minorUnits: number,
): AsyncGenerator<Work[]> {
  const pending = new Map<number, { rows: ParsedRow[]; idx: number[] }>();
  let batch: Work[] = [];
  let batchRows = 0;
  let i = 0;
  for await (const parsed of dataRows(spec, header, minorUnits)) {
    const idx = i++;
    const g = analysis.groupOf[idx] as number;
    let entry = pending.get(g);
    if (!entry) {
      entry = { rows: [], idx: [] };
      pending.set(g, entry);
    }
    entry.rows.push(parsed);
    entry.idx.push(idx);
    const info = analysis.groups[g];
    if (!info || entry.rows.length < info.rows) continue;
    pending.delete(g);
    batch.push({
      productId: info.productId,
      rows: entry.rows,
      matches: entry.idx.map((x) => analysis.matches.get(x)),
      skipped: info.badLines.length > 0,
    });
    batchRows += entry.rows.length;
    if (batchRows >= IMPORT_TUNING.batchRows) {
      yield batch;
      batch = [];
      batchRows = 0;
    }
  }
  if (i !== analysis.totalRows) throw new ImportFileError('import_file_changed');
  if (batch.length) yield batch;
}

function countOutcomes(outcomes: RowOutcome[], skipped: number): Counts {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, failed: skipped };
  for (const o of outcomes) counts[o.result]++;
  return counts;
}

function lateProblems(outcomes: RowOutcome[]): LateProblem[] {
  return outcomes.flatMap((o) =>
    o.result === 'failed'
      ? o.problems.map((p) => ({ line: o.line, column: p.column, code: p.code, params: p.params }))
      : [],
  );
}

/** Every problem by line (pass 1 and writing), stored for the error file; null when there are none. */
async function saveProblems(
  job: JobRow,
  analysis: Analysis,
  late: readonly LateProblem[],
): Promise<string | null> {
  const byLine = new Map<number, RowProblem[]>();
  for (const [idx, problems] of analysis.problems) byLine.set(analysis.lines[idx] as number, problems);
  for (const p of late) {
    const list = byLine.get(p.line) ?? [];
    list.push({ column: p.column, code: p.code, params: p.params });
    byLine.set(p.line, list);
  }
  if (byLine.size === 0) return null;
  const key = problemsKey(job.sellerId, job.id);
  const entries = [...byLine.entries()].sort((a, b) => a[0] - b[0]);
  await putFile(key, JSON.stringify(entries));
  return key;
}

async function finishImport(
  tenant: Tenant,
  job: JobRow,
  status: 'succeeded' | 'failed',
  fields: Partial<JobRow>,
  userId: string | null,
) {
  await tenant(async (ctx) => {
    const [row] = await ctx.tx
      .update(importJobs)
      .set({ ...fields, status, finishedAt: new Date() })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.status, 'running')))
      .returning();
    if (!row) return;
    await emit(ctx, 'import.finished', {
      sellerId: row.sellerId,
      userId,
      importId: row.id,
      fileName: row.fileName,
      status: row.status,
      created: row.created,
      updated: row.updated,
      unchanged: row.unchanged,
      failed: row.failed,
    });
  });
}

import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/tenant';
import { AppError, unprocessable } from './errors';
import { idempotencyKeys } from './schema';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

export const requestHash = (payload: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(payload ?? null))
    .digest('hex');

/**
 * Claims the key inside the request transaction. A concurrent request with the same key waits on
 * the primary key until the first commits, then sees its stored response.
 * Returns the stored response to replay, or null when this request is the first.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  scope: string,
  key: string,
  hash: string,
): Promise<StoredResponse | null> {
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash: hash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return null;
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!row) throw new AppError('idempotency_in_progress', { status: 409 });
  if (row.requestHash !== hash) throw unprocessable('idempotency_key_reused');
  if (row.statusCode === null) throw new AppError('idempotency_in_progress', { status: 409 });
  return { statusCode: row.statusCode, body: row.responseBody };
}

export async function storeIdempotentResponse(tx: Tx, scope: string, key: string, res: StoredResponse) {
  await tx
    .update(idempotencyKeys)
    .set({ statusCode: res.statusCode, responseBody: sql`${JSON.stringify(res.body ?? null)}::jsonb` })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx, SellerCtx } from '../../../platform/db/tenant';
import { AppError } from '../../../platform/http/errors';
import { newestFirstKey, olderThanCursor, type PageQuery, toPage } from '../../../platform/http/pagination';
import { loginAttempts } from '../schema';

export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_THRESHOLD = 5;
/** Failures that count towards a lockout: wrong secrets, not unverified emails or disabled accounts. */
export const GUESS_FAILURES = ['invalid_credentials', 'totp_invalid', 'recovery_code_invalid'];

export interface AttemptInput {
  email: string;
  userId: string | null;
  sellerId: string | null;
  userAgent: string | null;
  success: boolean;
  reason: string | null;
}

export async function recordLoginAttempt(ctx: AnyCtx, input: AttemptInput): Promise<void> {
  await ctx.tx
    .insert(loginAttempts)
    .values({ id: newId(), ip: ctx.ip, ...input, email: input.email.toLowerCase() });
}

/**
 * Locked when the account, or the IP, has had 5 failures in the last 15 minutes. Returns the time
 * the lock ends (15 minutes after the oldest of those 5 failures), or null.
 */
export async function lockedUntil(ctx: AnyCtx, email: string): Promise<Date | null> {
  const since = new Date(ctx.now.getTime() - LOCKOUT_WINDOW_MS);
  const failures = (by: ReturnType<typeof eq>) =>
    ctx.tx
      .select({ at: loginAttempts.createdAt })
      .from(loginAttempts)
      .where(and(by, inArray(loginAttempts.reason, GUESS_FAILURES), gt(loginAttempts.createdAt, since)))
      .orderBy(desc(loginAttempts.createdAt))
      .limit(LOCKOUT_THRESHOLD);
  const byEmail = await failures(eq(sql`lower(${loginAttempts.email})`, email.toLowerCase()));
  const byIp = ctx.ip ? await failures(eq(loginAttempts.ip, ctx.ip)) : [];
  const ends = [byEmail, byIp]
    .filter((rows) => rows.length >= LOCKOUT_THRESHOLD)
    .map((rows) => (rows.at(-1)?.at.getTime() ?? 0) + LOCKOUT_WINDOW_MS);
  return ends.length > 0 ? new Date(Math.max(...ends)) : null;
}

/** The answer while sign-in is locked for this email or the caller's IP: 429 with the unlock time. */
export async function lockoutError(ctx: AnyCtx, email: string): Promise<AppError | null> {
  const until = await lockedUntil(ctx, email);
  if (!until) return null;
  const seconds = Math.max(1, Math.ceil((until.getTime() - ctx.now.getTime()) / 1000));
  return new AppError('account_locked', {
    status: 429,
    params: { until: until.toISOString(), seconds },
    headers: { 'retry-after': String(seconds) },
  });
}

const logColumns = {
  id: loginAttempts.id,
  createdAt: loginAttempts.createdAt,
  email: loginAttempts.email,
  ip: loginAttempts.ip,
  userAgent: loginAttempts.userAgent,
  success: loginAttempts.success,
  reason: loginAttempts.reason,
};

const pageWhere = (cursor: string | undefined) =>
  olderThanCursor(cursor, loginAttempts.createdAt, loginAttempts.id);

/** Hot query: one user's sign-in history page (keyset on created_at, id). */
export const ownLoginLogQuery = (ctx: Pick<AnyCtx, 'tx'>, userId: string, page: PageQuery) =>
  ctx.tx
    .select(logColumns)
    .from(loginAttempts)
    .where(and(eq(loginAttempts.userId, userId), pageWhere(page.cursor)))
    .orderBy(desc(loginAttempts.createdAt), desc(loginAttempts.id))
    .limit(page.limit + 1);

/** Hot query: the team's sign-in attempts page. */
export const teamLoginLogQuery = (ctx: Pick<SellerCtx, 'tx' | 'sellerId'>, page: PageQuery) =>
  ctx.tx
    .select(logColumns)
    .from(loginAttempts)
    .where(and(eq(loginAttempts.sellerId, ctx.sellerId), pageWhere(page.cursor)))
    .orderBy(desc(loginAttempts.createdAt), desc(loginAttempts.id))
    .limit(page.limit + 1);

/** A user's own sign-in history, newest first. */
export async function listOwnLoginLog(ctx: AnyCtx, userId: string, page: PageQuery) {
  const rows = await ownLoginLogQuery(ctx, userId, page);
  return toPage(rows, page.limit, newestFirstKey);
}

/** The team's sign-ins (owners and team managers). */
export async function listTeamLoginLog(ctx: SellerCtx, page: PageQuery) {
  const rows = await teamLoginLogQuery(ctx, page);
  return toPage(rows, page.limit, newestFirstKey);
}

import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Authenticate, Principal } from '../../../platform/auth/principal';
import { SESSION_COOKIE } from '../../../platform/auth/principal';
import { hashToken, newToken } from '../../../platform/auth/tokens';
import type { Database } from '../../../platform/db/engine';
import { newId } from '../../../platform/db/ids';
import type { AnyCtx } from '../../../platform/db/tenant';
import { notFound } from '../../../platform/http/errors';
import { isLocale } from '../../../platform/i18n/locale';
import { members, roles, sellers, sessions, users } from '../schema';
import { memberPermissions, operatorPermissions } from './permissions';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Set at start from the configuration. */
export const sessionPolicy: SessionPolicy = { idleMinutes: 120, absoluteHours: 24 * 7 };

export interface NewSession {
  id: string;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  ctx: AnyCtx,
  input: { userId: string; sellerId: string | null; mfaPending: boolean; userAgent: string | null },
): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken(24);
  const expiresAt = new Date(ctx.now.getTime() + sessionPolicy.absoluteHours * 3600_000);
  const id = newId();
  await ctx.tx.insert(sessions).values({
    id,
    userId: input.userId,
    sellerId: input.sellerId,
    tokenHash: hashToken(token),
    csrfToken,
    mfaPending: input.mfaPending,
    ip: ctx.ip,
    userAgent: input.userAgent,
    expiresAt,
    lastSeenAt: ctx.now,
  });
  return { id, token, csrfToken, expiresAt };
}

export const sessionCookieOptions = (expires: Date, secure: boolean) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure,
  expires,
});

const TOUCH_AFTER_MS = 60_000;

/** Hot query: session, user, membership of the session's seller and its custom role, in one query. */
export function sessionLookupQuery(db: Pick<Database['db'], 'select'>) {
  return db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      mfaPending: sessions.mfaPending,
      lastSeenAt: sessions.lastSeenAt,
      sellerId: sessions.sellerId,
      userId: users.id,
      kind: users.kind,
      email: users.email,
      name: users.name,
      locale: users.locale,
      totpEnabledAt: users.totpEnabledAt,
      platformRole: users.platformRole,
      disabledAt: users.disabledAt,
      sellerStatus: sellers.status,
      require2fa: sellers.require2fa,
      memberId: members.id,
      memberStatus: members.status,
      role: members.role,
      storeIds: members.storeIds,
      customPermissions: roles.permissions,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(members, and(eq(members.userId, sessions.userId), eq(members.sellerId, sessions.sellerId)))
    .leftJoin(sellers, eq(sellers.id, sessions.sellerId))
    .leftJoin(roles, eq(roles.id, members.customRoleId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql.placeholder('idleCutoff')),
      ),
    )
    .limit(1);
}

/** Prepared once: it runs on every authenticated request, so it is planned once per connection. */
const sessionLookup = (database: Database) => sessionLookupQuery(database.db).prepare('session_lookup');

/**
 * Resolves the session cookie into a Principal with one query (session, user, membership of the
 * session's seller, custom role). Idle and absolute expiry both end a session.
 */
export function sessionAuthenticator(database: Database): Authenticate {
  const lookup = sessionLookup(database);
  return async (req: FastifyRequest): Promise<Principal | null> => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return null;
    const idleCutoff = new Date(Date.now() - sessionPolicy.idleMinutes * 60_000);
    const [row] = await lookup.execute({ tokenHash: hashToken(token), idleCutoff });
    if (!row || row.disabledAt) return null;
    if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
      await database.db
        .update(sessions)
        .set({ lastSeenAt: sql`now()` })
        .where(eq(sessions.id, row.sessionId));
    }
    const activeMember = row.memberId !== null && row.memberStatus === 'active';
    const seller =
      row.kind === 'seller' && activeMember && row.sellerId && row.sellerStatus
        ? { id: row.sellerId, status: row.sellerStatus, require2fa: row.require2fa ?? false }
        : null;
    const permissions =
      row.kind === 'operator'
        ? operatorPermissions(row.platformRole)
        : seller
          ? memberPermissions(row.role, row.customPermissions)
          : new Set<string>();
    return {
      userId: row.userId,
      kind: row.kind,
      email: row.email,
      name: row.name,
      locale: isLocale(row.locale) ? row.locale : 'en-US',
      sessionId: row.sessionId,
      csrfToken: row.csrfToken,
      mfaPending: row.mfaPending,
      totpEnabled: row.totpEnabledAt !== null,
      seller,
      memberId: activeMember ? row.memberId : null,
      permissions,
      storeIds: seller ? (row.storeIds ?? null) : null,
    };
  };
}

export async function listSessions(ctx: AnyCtx, userId: string, currentSessionId: string) {
  const rows = await ctx.tx
    .select({
      id: sessions.id,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, ctx.now),
        gt(sessions.lastSeenAt, new Date(ctx.now.getTime() - sessionPolicy.idleMinutes * 60_000)),
      ),
    )
    .orderBy(sql`${sessions.lastSeenAt} desc`)
    // The most recent sessions are the ones a person recognises; older ones end with "sign out other sessions".
    .limit(100);
  return rows.map((r) => ({ ...r, current: r.id === currentSessionId }));
}

export async function revokeSession(ctx: AnyCtx, userId: string, sessionId: string) {
  const done = await ctx.tx
    .update(sessions)
    .set({ revokedAt: ctx.now })
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  if (done.length === 0) throw notFound('session');
}

export async function revokeOtherSessions(ctx: AnyCtx, userId: string, keepSessionId: string | null) {
  const done = await ctx.tx
    .update(sessions)
    .set({ revokedAt: ctx.now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return { revoked: done.length };
}

import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { recordAudit } from '../audit/service';
import type { Principal } from '../auth/principal';
import { CSRF_HEADER, SESSION_COOKIE, STORE_HEADER } from '../auth/principal';
import type { Database } from '../db/engine';
import { isUuid } from '../db/ids';
import {
  type Actor,
  type AnyCtx,
  type PlatformCtx,
  type SellerCtx,
  type SystemCtx,
  withPlatform,
  withSystem,
  withTenant,
} from '../db/tenant';
import { AppError, forbidden, unauthorized } from './errors';
import { claimIdempotencyKey, IDEMPOTENCY_HEADER, requestHash, storeIdempotentResponse } from './idempotency';

/**
 * Who may call a route:
 * - public: anyone (sign-in, sign-up); runs in a system transaction
 * - mfa: a session whose second factor is still owed (the 2FA challenge)
 * - user: any signed-in user, seller or operator (own account, own notifications)
 * - seller: a member of the active seller; runs in withTenant
 * - platform: a platform operator; runs in withPlatform
 */
export type RouteAuth = 'public' | 'mfa' | 'user' | 'seller' | 'platform';

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: RouteAuth;
    permission?: string;
    /** Seller routes a suspended seller may still call as writes (none by default). */
    allowSuspended?: boolean;
  }
  interface FastifyRequest {
    ctx?: AnyCtx;
    principal: Principal | null;
    /** Set by failAfterCommit: answered after the transaction committed. */
    deferredError?: AppError;
  }
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function actorOf(p: Principal | null): Actor {
  if (!p) return { kind: 'anonymous', id: null, label: 'anonymous', permissions: new Set() };
  return {
    kind: p.kind === 'operator' ? 'operator' : 'user',
    id: p.userId,
    label: p.email,
    permissions: p.permissions,
  };
}

function baseOf(req: FastifyRequest) {
  return {
    requestId: req.id,
    locale: req.locale,
    now: new Date(),
    actor: actorOf(req.principal),
    ip: req.ip,
    audit: { recorded: false },
  };
}

function requirePrincipal(req: FastifyRequest, allowMfaPending = false): Principal {
  const p = req.principal;
  if (!p) throw unauthorized(req.cookies[SESSION_COOKIE] ? 'session_expired' : 'unauthenticated');
  if (p.mfaPending && !allowMfaPending) throw unauthorized('mfa_required');
  if (!READ_METHODS.has(req.method) && req.headers[CSRF_HEADER] !== p.csrfToken)
    throw forbidden('csrf_invalid');
  return p;
}

function checkPermission(p: Principal, permission: string | undefined) {
  if (permission && !p.permissions.has(permission)) throw forbidden('permission_denied', { permission });
}

function currentStore(req: FastifyRequest, p: Principal): string | null {
  const header = req.headers[STORE_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  if (!value || value === 'all') return null;
  if (!isUuid(value)) throw forbidden('store_not_allowed');
  if (p.storeIds && !p.storeIds.includes(value)) throw forbidden('store_not_allowed');
  return value;
}

/** Accessors that narrow req.ctx; a route that asks for the wrong kind is a programming error. */
export function sellerCtx(req: FastifyRequest): SellerCtx {
  if (req.ctx?.kind !== 'seller') throw new Error(`route ${req.routeOptions.url} has no seller context`);
  return req.ctx;
}
export function platformCtx(req: FastifyRequest): PlatformCtx {
  if (req.ctx?.kind !== 'platform') throw new Error(`route ${req.routeOptions.url} has no platform context`);
  return req.ctx;
}
export function systemCtx(req: FastifyRequest): SystemCtx {
  if (req.ctx?.kind !== 'system') throw new Error(`route ${req.routeOptions.url} has no system context`);
  return req.ctx;
}
export function principalOf(req: FastifyRequest): Principal {
  if (!req.principal) throw unauthorized();
  return req.principal;
}

type Handler = (req: FastifyRequest, reply: FastifyReply) => unknown;

/** Idempotency, the handler, and the generic audit row, all inside the route's transaction. */
async function runHandler(ctx: AnyCtx, req: FastifyRequest, reply: FastifyReply, handler: Handler) {
  req.ctx = ctx;
  const key = req.method === 'POST' ? req.headers[IDEMPOTENCY_HEADER] : undefined;
  const scope = `${req.principal?.userId ?? req.ip}:${req.routeOptions.url}`;
  if (typeof key === 'string' && key.length > 0) {
    if (key.length > 255)
      throw new AppError('validation_failed', {
        status: 400,
        errors: [{ path: 'header.idempotency-key', message: 'max 255 characters' }],
      });
    const stored = await claimIdempotencyKey(
      ctx.tx,
      scope,
      key,
      requestHash({ body: req.body, params: req.params }),
    );
    if (stored) {
      reply.code(stored.statusCode).header('idempotent-replayed', 'true');
      return stored.body;
    }
    const result = await handler(req, reply);
    if (req.deferredError) return result;
    await storeIdempotentResponse(ctx.tx, scope, key, { statusCode: reply.statusCode, body: result });
    await auditWrite(ctx, req, result);
    return result;
  }
  const result = await handler(req, reply);
  if (!req.deferredError) await auditWrite(ctx, req, result);
  return result;
}

/**
 * Answers with an error but keeps the transaction's writes (a failed sign-in is still logged
 * and counts towards the lockout). Use as `return failAfterCommit(req, error)`.
 */
export function failAfterCommit(req: FastifyRequest, error: AppError): never {
  req.deferredError = error;
  return undefined as never;
}

async function committedOrThrow(req: FastifyRequest, run: Promise<unknown>) {
  const out = await run;
  if (req.deferredError) throw req.deferredError;
  return out;
}

/** Every successful write leaves an audit row; services that record a precise diff skip this. */
async function auditWrite(ctx: AnyCtx, req: FastifyRequest, result: unknown) {
  if (READ_METHODS.has(req.method) || ctx.audit.recorded || !req.principal) return;
  const params = (req.params ?? {}) as Record<string, unknown>;
  const resultId = (result as { id?: unknown } | null)?.id;
  await recordAudit(ctx, {
    action: req.routeOptions.schema?.operationId ?? `${req.method} ${req.routeOptions.url}`,
    entityType: (req.routeOptions.schema?.tags as string[] | undefined)?.[0] ?? 'api',
    entityId: String(params.id ?? resultId ?? '') || null,
    after: req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : null,
    sellerId: ctx.kind === 'seller' ? ctx.sellerId : (req.principal.seller?.id ?? null),
  });
}

/**
 * Who may call the route, checked before the body is read (so an anonymous caller learns
 * nothing about the schema): session, CSRF, account kind, 2FA policy, permission, suspension.
 */
function authorize(req: FastifyRequest, auth: RouteAuth, config: RouteConfig) {
  switch (auth) {
    case 'public':
      return;
    case 'mfa':
    case 'user':
      requirePrincipal(req, auth === 'mfa');
      return;
    case 'seller': {
      const p = requirePrincipal(req);
      if (p.kind !== 'seller' || !p.seller) throw forbidden('not_seller_user');
      if (p.seller.require2fa && !p.totpEnabled) throw forbidden('mfa_enrolment_required');
      checkPermission(p, config.permission);
      if (!READ_METHODS.has(req.method) && p.seller.status === 'suspended' && !config.allowSuspended) {
        throw forbidden('seller_suspended');
      }
      currentStore(req, p);
      return;
    }
    case 'platform': {
      const p = requirePrincipal(req);
      if (p.kind !== 'operator') throw forbidden('not_operator');
      checkPermission(p, config.permission);
      return;
    }
  }
}

type RouteConfig = { auth?: RouteAuth; permission?: string; allowSuspended?: boolean };

/** Wraps every /api route: `authorize` before the body is read, then the handler in its transaction. */
export function wrapRoute(database: Database, route: RouteOptions): void {
  const config = (route.config ?? {}) as RouteConfig;
  if (!config.auth) throw new Error(`route ${route.method} ${route.url} must declare config.auth`);
  const original = route.handler as Handler;
  const auth = config.auth;
  const existing = route.preValidation ? [route.preValidation].flat() : [];
  route.preValidation = [
    async (req: FastifyRequest) => authorize(req, auth, config),
    ...existing,
  ] as RouteOptions['preValidation'];
  route.handler = async function wrapped(req: FastifyRequest, reply: FastifyReply) {
    const readOnly = READ_METHODS.has(req.method);
    const run = (ctx: AnyCtx) => runHandler(ctx, req, reply, original);
    switch (auth) {
      case 'public':
      case 'mfa':
      case 'user':
        return committedOrThrow(req, withSystem(database, baseOf(req), run));
      case 'seller': {
        const p = principalOf(req);
        const seller = p.seller as NonNullable<Principal['seller']>;
        const base = {
          ...baseOf(req),
          sellerId: seller.id,
          storeIds: p.storeIds,
          currentStoreId: currentStore(req, p),
        };
        return committedOrThrow(req, withTenant(database, base, run, { readOnly }));
      }
      case 'platform':
        return committedOrThrow(req, withPlatform(database, baseOf(req), run, { readOnly }));
    }
  };
}

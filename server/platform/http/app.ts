import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import scalarReference from '@scalar/fastify-api-reference';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
  type RouteOptions,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import FindMyWay from 'find-my-way';
import type { Authenticate } from '../auth/principal';
import { CSRF_HEADER, SESSION_COOKIE } from '../auth/principal';
import type { Database } from '../db/engine';
import { newId } from '../db/ids';
import { DEFAULT_LOCALE, type Locale, localeFromHeader } from '../i18n/locale';
import { wrapRoute } from './context';
import { AppError } from './errors';
import { problemSchema, sendProblem } from './problem';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
  }
  interface FastifyInstance {
    /** Route `config.rateLimit` for sign-in, sign-up and other auth routes: per IP, per minute. */
    authRateLimit: { max: number; timeWindow: string; keyGenerator: (req: FastifyRequest) => string };
    /** Largest file a multipart upload may carry, in bytes. */
    uploadLimit: number;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface HttpAppOptions {
  database: Database;
  authenticate: Authenticate;
  /** Registers every domain's routes. */
  routes: (app: App) => Promise<void>;
  bodyLimit: number;
  uploadLimit: number;
  rateLimit: { authPerMinute: number; apiPerMinute: number };
  logLevel: string;
  webDist?: string;
  version: string;
}

const API_PREFIX = '/api/';
const UNWRAPPED = ['/api/docs', '/api/openapi.json'];
const ERROR_STATUSES = [400, 401, 403, 404, 409, 422, 429] as const;

const isApiRoute = (url: string) => url.startsWith(API_PREFIX) && !UNWRAPPED.some((p) => url.startsWith(p));

export async function createHttpApp(opts: HttpAppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : { level: opts.logLevel },
    bodyLimit: opts.bodyLimit,
    genReqId: () => newId(),
    trustProxy: false,
    // One line per request only when asked for (LOG_LEVEL=debug): the default log stays readable.
    logController: new LogController({ disableRequestLogging: !['debug', 'trace'].includes(opts.logLevel) }),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', null);
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorate('authRateLimit', {
    max: opts.rateLimit.authPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) => req.ip,
  });
  app.setErrorHandler((err, req, reply) => sendProblem(err, req, reply));

  // A second router that knows every path, to answer 405 (not 404) for a known path and wrong method.
  const known = FindMyWay({ ignoreTrailingSlash: true });
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // The console's catch-all file route would make every path look known.
    if (!route.url.includes('*'))
      for (const m of methods) if (m !== 'HEAD') known.on(m as 'GET', route.url, () => {});
    if (!isApiRoute(route.url)) return;
    wrapRoute(opts.database, route);
    documentRoute(route);
  });

  await app.register(fastifyCookie);
  app.decorate('uploadLimit', opts.uploadLimit);
  // Uploads are read as streams by the routes that take them (req.file()); one file per request.
  await app.register(fastifyMultipart, {
    limits: { fileSize: opts.uploadLimit, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 21 },
    throwFileSizeLimit: true,
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });

  // Locale from the header first; the authenticated user's saved language wins.
  app.addHook('onRequest', async (req) => {
    req.locale = localeFromHeader(req.headers['accept-language']);
    if (!req.url.startsWith(API_PREFIX)) return;
    req.principal = await opts.authenticate(req);
    if (req.principal) req.locale = req.principal.locale;
  });

  await app.register(fastifyRateLimit, {
    global: true,
    max: opts.rateLimit.apiPerMinute,
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith(API_PREFIX),
    keyGenerator: (req) => req.principal?.userId ?? req.ip,
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', {
        status: 429,
        params: { seconds: Math.max(1, Math.ceil(ctx.ttl / 1000)) },
      }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Seller Center API',
        version: opts.version,
        description:
          'The public API of Seller Center. Every error is RFC 9457 problem+json with a stable `code`. ' +
          'Lists use keyset pagination (`limit`, `cursor` → `nextCursor`). Creating writes accept `Idempotency-Key`. ' +
          'Each operation names the permission it needs in `x-permission`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Web session cookie.' },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: CSRF_HEADER,
            description: 'CSRF token from GET /api/auth/session, required on cookie-authenticated writes.',
          },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  await opts.routes(app);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(scalarReference, {
    routePrefix: '/api/docs',
    configuration: { url: '/api/openapi.json', title: 'Seller Center API' },
  });
  // The reference page loads its own scripts and styles: relax the CSP for it alone.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/docs')) reply.removeHeader('content-security-policy');
  });

  const webRoot = opts.webDist ? resolve(opts.webDist) : null;
  const hasWeb = webRoot !== null && existsSync(resolve(webRoot, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt console is served without a restart.
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: true, index: false });
    app.get('/', { schema: { hide: true } }, (_req, reply) => reply.type('text/html').sendFile('index.html'));
  }

  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    // Missing build files get a 404, not the page (a stale tab would otherwise parse HTML as JS).
    const isAsset = path.startsWith('/assets/');
    if (
      !path.startsWith(API_PREFIX) &&
      !isAsset &&
      hasWeb &&
      (req.method === 'GET' || req.method === 'HEAD')
    ) {
      // The console is a single-page app: every non-API path serves it.
      return reply.type('text/html').sendFile('index.html');
    }
    const allow = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => known.find(m as 'GET', path));
    if (allow.length > 0) {
      reply.header('allow', allow.join(', '));
      return sendProblem(
        new AppError('method_not_allowed', {
          status: 405,
          params: { method: req.method, allow: allow.join(', ') },
        }),
        req,
        reply,
      );
    }
    return sendProblem(
      new AppError('route_not_found', { status: 404, params: { method: req.method, url: path } }),
      req,
      reply,
    );
  });

  return app;
}

/** Adds the problem responses, the security schemes and the permission to a route's OpenAPI entry. */
function documentRoute(route: RouteOptions) {
  const config = (route.config ?? {}) as { auth?: string; permission?: string };
  const schema = (route.schema ?? {}) as Record<string, unknown> & { response?: Record<number, unknown> };
  const response = { ...(schema.response ?? {}) };
  for (const status of ERROR_STATUSES) response[status] ??= problemSchema;
  const notes: string[] = [];
  if (config.auth && config.auth !== 'public') notes.push(`**Auth:** ${config.auth}`);
  if (config.permission) notes.push(`**Permission:** \`${config.permission}\``);
  route.schema = {
    ...schema,
    response,
    description: [schema.description, ...notes].filter(Boolean).join('\n\n'),
    ...(config.auth && config.auth !== 'public'
      ? { security: [{ session: [], csrf: [] }] }
      : { security: [] }),
    ...(config.permission ? { 'x-permission': config.permission } : {}),
  };
}

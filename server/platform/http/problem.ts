import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { en as zodEn, ru as zodRu, zhCN as zodZh } from 'zod/locales';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale';
import { translate } from '../i18n/translate';
import { AppError, type FieldError } from './errors';

/** RFC 9457 problem details, the body of every error response. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable error code.'),
    detail: z.string().describe("Human-readable explanation in the caller's language."),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional()
      .describe('Field errors, with dotted paths such as body.email.'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

const zodLocales: Record<Locale, ReturnType<typeof zodEn>> = {
  'en-US': zodEn(),
  'zh-CN': zodZh(),
  'ru-RU': zodRu(),
};

interface ValidationEntry {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Zod issues → field errors in the caller's language, paths like "body.email". */
function fieldErrors(context: string | undefined, entries: ValidationEntry[], locale: Locale): FieldError[] {
  return entries.map((e) => {
    const path = [context ?? 'body', ...e.instancePath.split('/').filter(Boolean)].join('.');
    const issue = { code: e.keyword, ...e.params, message: e.message } as never;
    const localized = zodLocales[locale].localeError?.(issue);
    const message =
      typeof localized === 'string' ? localized : (localized?.message ?? e.message ?? e.keyword);
    const unknownKeys =
      e.keyword === 'unrecognized_keys' ? (e.params.keys as string[] | undefined) : undefined;
    return { path: unknownKeys?.length ? `${path}.${unknownKeys[0]}` : path, message, code: e.keyword };
  });
}

function pgError(err: unknown): { code: string; constraint?: string } | null {
  const e = err as { code?: unknown; constraint?: string; cause?: { code?: unknown; constraint?: string } };
  const source = typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e : e?.cause;
  if (source && typeof source.code === 'string' && /^[0-9A-Z]{5}$/.test(source.code)) {
    return { code: source.code, constraint: source.constraint };
  }
  return null;
}

/** Maps any thrown value to an AppError; unknown errors become 500. */
export function toAppError(err: unknown, req: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = fieldErrors(fe.validationContext, err.validation as ValidationEntry[], req.locale);
    return new AppError('validation_failed', { status: 400, errors });
  }
  if (fe.validation) {
    const errors = fe.validation.map((v) => ({
      path: [fe.validationContext ?? 'body', ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'invalid',
    }));
    return new AppError('validation_failed', { status: 400, errors });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('malformed_json', { status: 400 });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', {
        status: 413,
        params: { limit: req.routeOptions.bodyLimit ?? 0 },
      });
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('upload_too_large', { status: 413, params: { limit: req.server.uploadLimit } });
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('unsupported_media_type', {
        status: 415,
        params: { type: String(req.headers['content-type'] ?? '') },
      });
  }
  if (err instanceof SyntaxError && fe.statusCode === 400)
    return new AppError('malformed_json', { status: 400 });
  if (fe.statusCode === 429) {
    const seconds = Math.max(1, Math.ceil(Number((fe as { ttl?: number }).ttl ?? 60000) / 1000));
    return new AppError('rate_limited', { status: 429, params: { seconds } });
  }
  const pg = pgError(err);
  if (pg?.code === '23505') return new AppError('already_exists', { status: 409 });
  if (pg?.code === '23503' || pg?.code === '23514' || pg?.code === '23502' || pg?.code === '22P02') {
    return new AppError('constraint_violation', { status: 422 });
  }
  if (pg?.code === '40001' || pg?.code === '40P01') return new AppError('conflict_retry', { status: 409 });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 && !isResponseSerializationError(err)) {
    return new AppError('bad_request', { status: fe.statusCode });
  }
  return new AppError('internal_error', { status: 500, params: { requestId: req.id } });
}

export function problemBody(error: AppError, req: FastifyRequest): Problem {
  const locale = req.locale ?? DEFAULT_LOCALE;
  return {
    type: `urn:seller-center:problem:${error.code}`,
    title: translate(locale, `title.${error.status}`),
    status: error.status,
    code: error.code,
    detail: translate(locale, error.code, { requestId: req.id, ...error.params }),
    instance: req.url,
    requestId: req.id,
    ...(error.errors
      ? {
          errors: error.errors.map(({ params, ...e }) => ({
            ...e,
            message: translateField(locale, e.message, params),
          })),
        }
      : {}),
  };
}

/** Field errors raised by services carry a message key; zod's are already text. */
function translateField(locale: Locale, message: string, params: FieldError['params']): string {
  return translate(locale, message, params);
}

export async function sendProblem(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const error = toAppError(err, req);
  if (error.status >= 500) req.log.error({ err }, 'request failed');
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  if (error.status === 429 && !reply.getHeader('retry-after'))
    reply.header('retry-after', error.params.seconds);
  return reply.code(error.status).type('application/problem+json').send(problemBody(error, req));
}

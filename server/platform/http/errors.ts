export type ErrorParams = Record<string, string | number>;

/** The one error type. Services throw these; the error handler turns them into problem+json. */
export interface FieldError {
  path: string;
  /** Text, or a message key translated with `params` when the problem is rendered. */
  message: string;
  code?: string;
  params?: ErrorParams;
}

export interface AppErrorOptions {
  status: number;
  params?: ErrorParams;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly params: ErrorParams;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string>;

  constructor(code: string, opts: AppErrorOptions) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status;
    this.params = opts.params ?? {};
    this.errors = opts.errors;
    this.headers = opts.headers ?? {};
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;

/** A missing row and another seller's row get the same answer. */
export const notFound = (entity: string) => new AppError('not_found', { status: 404, params: { entity } });
export const conflict = (code: string, params?: ErrorParams) => new AppError(code, { status: 409, params });
export const unprocessable = (code: string, params?: ErrorParams) =>
  new AppError(code, { status: 422, params });
export const badRequest = (code: string, params?: ErrorParams) => new AppError(code, { status: 400, params });
export const forbidden = (code = 'forbidden', params?: ErrorParams) =>
  new AppError(code, { status: 403, params });
export const unauthorized = (code = 'unauthenticated', params?: ErrorParams) =>
  new AppError(code, { status: 401, params });
export const invalid = (errors: FieldError[], code = 'validation_failed') =>
  new AppError(code, { status: 400, errors });
/** One field is wrong: a 400 whose errors[] points at it, so forms can show it beside the input. */
export const invalidField = (path: string, code: string, params?: ErrorParams) =>
  new AppError(code, { status: 400, params, errors: [{ path, message: code, code }] });

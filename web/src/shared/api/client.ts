import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

export interface ProblemFieldError {
  path: string;
  message: string;
}

export interface ProblemDetails {
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: ProblemFieldError[];
}

/** A failed API call, carrying the server's application/problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code;
    this.problem = problem;
  }
}

export const STORE_STORAGE_KEY = 'sc.storeId';
export const ALL_STORES = 'all';

let csrfToken: string | null = null;
let currentLanguage = 'en-US';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(language: string): void {
  currentLanguage = language;
}

export function getStoreSelection(): string {
  try {
    return localStorage.getItem(STORE_STORAGE_KEY) ?? ALL_STORES;
  } catch {
    return ALL_STORES;
  }
}

export function setStoreSelection(value: string): void {
  try {
    localStorage.setItem(STORE_STORAGE_KEY, value);
  } catch {
    // storage unavailable (private mode): the selection lasts for this page only
  }
}

/** Routes that answer 401 as part of their own flow; they must not bounce the user to the sign-in page. */
const NO_REDIRECT_ON_401 = [
  '/api/auth/session',
  '/api/auth/sign-in',
  '/api/auth/sign-up',
  '/api/auth/2fa/verify',
  '/api/auth/forgot-password',
  '/api/auth/reset-password',
  '/api/auth/verify-email',
  '/api/auth/resend-verification',
  '/api/auth/invitations',
  '/api/auth/me/password',
  '/api/auth/me/2fa',
  '/api/dev/',
];

export const PUBLIC_PATHS = [
  '/sign-in',
  '/sign-up',
  '/verify-email',
  '/forgot-password',
  '/reset-password',
  '/invitations',
  '/accept-invitation',
  '/dev/mailbox',
];

async function ensureCsrfToken(): Promise<string | null> {
  if (csrfToken) return csrfToken;
  try {
    const res = await fetch('/api/auth/session', { credentials: 'include' });
    if (res.ok) {
      const body = (await res.json()) as { csrfToken?: string };
      csrfToken = body.csrfToken ?? null;
    }
  } catch {
    // not signed in or offline: the write goes without a token and the server decides
  }
  return csrfToken;
}

const sessionMiddleware: Middleware = {
  async onRequest({ request }) {
    const headers = new Headers(request.headers);
    headers.set('Accept-Language', currentLanguage);
    headers.set('X-Store-Id', getStoreSelection());
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const token = await ensureCsrfToken();
      if (token) headers.set('x-csrf-token', token);
    }
    return new Request(request, { headers, credentials: 'include' });
  },
  onResponse({ response, request }) {
    if (response.status === 401) {
      const path = new URL(request.url, window.location.origin).pathname;
      const onPublicPage = PUBLIC_PATHS.some((p) => window.location.pathname.startsWith(p));
      if (!onPublicPage && !NO_REDIRECT_ON_401.some((p) => path.startsWith(p))) {
        csrfToken = null;
        const next = encodeURIComponent(window.location.pathname + window.location.search);
        window.location.assign(`/sign-in?next=${next}`);
      }
    }
    return response;
  },
};

/** Generated paths win; hand-written ones cover routes the server has not published yet. */
/** The public API as generated from the server's OpenAPI document (npm run api:generate). */
export type ApiPaths = paths;

type JsonBodyOf<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** The JSON request body of an operation, whichever schema (generated or fallback) describes it. */
export type RequestBody<P extends keyof ApiPaths, M extends 'post' | 'put' | 'patch'> =
  ApiPaths[P] extends Record<M, infer Op> ? JsonBodyOf<Op> : never;

export const client = createClient<ApiPaths>({ baseUrl: '', credentials: 'include' });
client.use(sessionMiddleware);

interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

function toProblem(error: unknown, status: number): ProblemDetails {
  if (error && typeof error === 'object') return error as ProblemDetails;
  if (typeof error === 'string' && error.length > 0 && error.length < 300) return { status, detail: error };
  return { status };
}

/** Awaits an openapi-fetch call and returns its body, or throws an ApiError with the problem details. */
export async function call<T>(request: Promise<FetchResult>): Promise<T> {
  const { data, error, response } = await request;
  if (!response.ok) throw new ApiError(response.status, toProblem(error, response.status));
  return data as T;
}

import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { App } from '../../server/platform/http/app';

/**
 * A signed-in caller: keeps the session cookie and sends the CSRF token on writes, as the console does.
 */
export class Agent {
  cookie: string | null = null;
  csrf: string | null = null;
  storeId: string | null = null;
  locale = 'en-US';
  /** Each agent comes from its own loopback address, so per-IP limits of one test do not hit another. */
  readonly ip = `127.${rand()}.${rand()}.${rand()}`;

  constructor(readonly app: App) {}

  async request(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        'accept-language': this.locale,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(this.storeId ? { 'x-store-id': this.storeId } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === 'sc_session');
    if (setCookie) this.cookie = setCookie.value ? `sc_session=${setCookie.value}` : null;
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);

  /** Signs in with a password (and a TOTP code when asked), then loads the CSRF token. */
  async signIn(email: string, password: string, totp?: () => Promise<string> | string) {
    const res = await this.post('/api/auth/sign-in', { email, password });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    await this.refreshCsrf();
    if (res.json().mfaRequired) {
      if (!totp) throw new Error('second factor required');
      const verify = await this.post('/api/auth/2fa/verify', { code: await totp() });
      if (verify.statusCode !== 200) throw new Error(`2fa failed: ${verify.statusCode} ${verify.body}`);
    }
    return this;
  }

  async refreshCsrf() {
    const session = await this.get('/api/auth/session');
    this.csrf = session.statusCode === 200 ? session.json().csrfToken : null;
    return session;
  }
}

const rand = () => 1 + Math.floor(Math.random() * 250);

export const json = (res: LightMyRequestResponse) => res.json() as Record<string, unknown>;

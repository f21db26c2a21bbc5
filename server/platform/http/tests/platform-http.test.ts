import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent } from '../../../../tests/helpers/http';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const signUpBody = (email: string, legalName = 'Idempotent Trading LLC') => ({
  legalName,
  country: 'RU',
  defaultCurrency: 'RUB',
  name: 'Ivan Petrov',
  email,
  password: 'Strong-Passw0rd!',
});

describe('health', () => {
  it('answers /healthz and /readyz with JSON', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: 'postgres' });
  });
});

describe('OpenAPI', () => {
  it('documents every API route with an operationId, errors and security', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, Record<string, unknown>>>,
    ).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(operations.length).toBeGreaterThan(5);
    for (const { path, method, op } of operations) {
      expect(op.operationId, `${method} ${path}`).toBeTruthy();
      const responses = op.responses as Record<string, unknown>;
      expect(Object.keys(responses), `${method} ${path}`).toEqual(
        expect.arrayContaining(['400', '401', '403', '404']),
      );
    }
    expect(doc.components.securitySchemes.session).toBeTruthy();
  });

  it('serves the API reference page', async () => {
    const redirect = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 301, 302]).toContain(redirect.statusCode);
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response and refuses the same key with another body', async () => {
    const agent = new Agent(t.app);
    const email = `idem-${Date.now()}@test.local`;
    const headers = { 'idempotency-key': `key-${Date.now()}` };
    const first = await agent.post('/api/auth/sign-up', signUpBody(email), headers);
    expect(first.statusCode).toBe(201);
    const replay = await agent.post('/api/auth/sign-up', signUpBody(email), headers);
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(first.json());
    const { rows } = await t.database.raw('select count(*)::int as n from users where email = $1', [email]);
    expect(rows[0]?.n).toBe(1);

    const other = await agent.post('/api/auth/sign-up', signUpBody(`x${email}`, 'Other LLC'), headers);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
  });
});

describe('every protected route', () => {
  it('answers 401 problem+json without a session, before reading the body', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const checked: string[] = [];
    for (const [path, methods] of Object.entries(
      doc.paths as Record<string, Record<string, { security?: unknown[] }>>,
    )) {
      for (const [method, op] of Object.entries(methods)) {
        if (!op.security || op.security.length === 0) continue;
        const url = path.replace(/\{[^}]+\}/g, '01900000-0000-7000-8000-000000000009');
        const res = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          ...(method === 'get' ? {} : { payload: {} }),
        });
        expect(res.statusCode, `${method} ${path}`).toBe(401);
        expect(res.headers['content-type'], `${method} ${path}`).toContain('application/problem+json');
        checked.push(`${method} ${path}`);
      }
    }
    expect(checked.length).toBeGreaterThan(40);
  });
});

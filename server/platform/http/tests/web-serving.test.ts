import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/helpers/test-app';

const dist = mkdtempSync(join(tmpdir(), 'sc-web-'));
let t: TestApp;
beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  t = await createTestApp({ env: { WEB_DIST: dist } });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('the console is served by the same process', () => {
  it('serves the page at / and at every console path, and its files', async () => {
    for (const url of ['/', '/team', '/platform/sellers/123']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
    }
    const js = await t.app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(js.headers['content-type']).toContain('javascript');
  });

  it('serves a file built after start, and answers 404 for a missing one', async () => {
    writeFileSync(join(dist, 'assets', 'later.js'), 'console.log(2)');
    expect((await t.app.inject({ method: 'GET', url: '/assets/later.js' })).statusCode).toBe(200);
    const missing = await t.app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });

  it('keeps API answers: unknown route 404, known path with another method 405', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/nope' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/sign-in' })).statusCode).toBe(405);
  });
});

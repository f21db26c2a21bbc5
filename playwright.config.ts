import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * E2E tests drive the built web console in Debian's Chromium against a server started on a fresh
 * embedded PGlite data dir. Build the console first (`npm test` does): `npm run build:web`.
 * Never run `playwright install`: the browser is /usr/bin/chromium (Debian package `chromium`).
 */
const PORT = 3199;
const BASE_URL = `http://127.0.0.1:${PORT}`;

// Computed once in the runner process and inherited by workers, so every process agrees on it.
process.env.SC_E2E_DATA_DIR ??= join(tmpdir(), `sc-e2e-${Date.now()}`);
const dataDir = process.env.SC_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    baseURL: BASE_URL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    locale: 'en-US',
    timezoneId: 'UTC',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-dev-shm-usage',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'npx tsx server/main.ts',
    url: `${BASE_URL}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      HOST: '127.0.0.1',
      PORT: String(PORT),
      PUBLIC_URL: BASE_URL,
      DATA_DIR: dataDir,
      DEV_SMTP_PORT: '2599',
      SEED_DEMO: 'true',
      // A small demo catalogue (the default 300 products per seller takes minutes to seed on PGlite).
      SEED_PRODUCTS: process.env.SEED_PRODUCTS ?? '12',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      // Tests sign in many times from one IP; keep the auth limit out of their way.
      RATE_LIMIT_AUTH_PER_MINUTE: '1000',
      // Always the embedded engine, even when the shell has DATABASE_URL set.
      DATABASE_URL: '',
    },
  },
});

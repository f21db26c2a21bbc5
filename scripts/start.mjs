#!/usr/bin/env node
// `npm start`: builds the web console when it is missing or stale, then runs the server
// (`node --import tsx server/main.ts`) with this process's environment, stdio and signals.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

/** Newest modification time (ms) of a file or of every file below a directory. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildWebIfStale() {
  const viteConfig = 'web/vite.config.ts';
  if (!existsSync(viteConfig)) {
    console.log(`[start] ${viteConfig} not found: skipping the web console build (API only).`);
    return;
  }
  const builtAt = newestMtime('web/dist/index.html');
  const sourcesAt = Math.max(
    newestMtime('web/src'),
    newestMtime('web/index.html'),
    newestMtime(viteConfig),
    newestMtime('package-lock.json'),
  );
  if (builtAt > 0 && builtAt >= sourcesAt) return;
  console.log(
    builtAt === 0 ? '[start] building the web console…' : '[start] web console sources changed: rebuilding…',
  );
  const t0 = Date.now();
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const res = spawnSync(npx, ['vite', 'build', '--config', viteConfig, '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: process.env,
  });
  if (res.status !== 0) {
    console.error('[start] web console build failed');
    process.exit(res.status ?? 1);
  }
  console.log(`[start] web console built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

buildWebIfStale();

const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: process.env,
});

// Forward termination signals; the server shuts down cleanly and we exit with its status.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}

child.on('error', (err) => {
  console.error(`[start] could not start the server: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  if (signal) {
    // Re-raise so our parent sees the same cause of death; fall back to the conventional code.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    setTimeout(() => process.exit(128), 100).unref();
    return;
  }
  process.exit(code ?? 0);
});

/**
 * Shared helpers for benchmarks: start the product as a child process, wait for /readyz, run
 * autocannon, and make sure every process we started is gone when we finish (even on error).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export const ROOT = resolve(import.meta.dirname, '..');

/** One line of the printed table. `pass: null` means "measured, no target". */
export interface Row {
  scenario: string;
  target: string;
  result: string;
  pass: boolean | null;
}

export interface BenchOutcome {
  rows: Row[];
  /** Raw figures written to bench/results/<name>-<date>.json. */
  data: Record<string, unknown>;
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchOutcome>;
}

// ---------------------------------------------------------------------------------------------
// Child processes

const children = new Set<ChildProcess>();

export interface ServerProcess {
  proc: ChildProcess;
  baseUrl: string;
  /** Last lines of stdout + stderr, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A TCP port nobody listens on right now (on 127.0.0.1). */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

/**
 * Spawns `node --import tsx server/main.ts` (one process, no npx wrapper, so the pid we kill is the
 * server itself) with the given environment on top of ours.
 */
export function spawnServer(env: Record<string, string>): ServerProcess {
  const port = env.PORT;
  if (!port) throw new Error('spawnServer: PORT is required');
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  proc.on('exit', () => children.delete(proc));
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  return {
    proc,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => tail,
    stop: () => stopProcess(proc),
  };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
export async function stopProcess(proc: ChildProcess, graceMs = 10_000): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((ok) => proc.once('exit', () => ok()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Stops every child this process started and has not stopped yet. */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...children].map((c) => stopProcess(c, 5_000)));
}

/** Last resort on process exit: synchronous SIGKILL of whatever is left (only our own children). */
export function killAllChildrenSync(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

/**
 * Polls GET /readyz until it answers 200; returns the milliseconds since `since` (a
 * performance.now() taken just before the spawn).
 */
export async function waitReady(server: ServerProcess, since: number, timeoutMs = 120_000): Promise<number> {
  const deadline = since + timeoutMs;
  while (performance.now() < deadline) {
    if (server.proc.exitCode !== null || server.proc.signalCode !== null)
      throw new Error(`server exited before it was ready:\n${server.output()}`);
    try {
      const res = await fetch(`${server.baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - since;
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${server.output()}`);
}

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

// ---------------------------------------------------------------------------------------------
// Load

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  durationSeconds: number;
  warmupSeconds?: number;
}

export interface LoadResult {
  connections: number;
  durationSeconds: number;
  overallRate: number | null;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

function cannon(opts: LoadOptions, durationSeconds: number) {
  return autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    connections: opts.connections,
    duration: durationSeconds,
    timeout: 10,
  });
}

/** Runs autocannon (after an unmeasured warm-up) and keeps the figures we report. */
export async function load(opts: LoadOptions): Promise<LoadResult> {
  if (opts.warmupSeconds) await cannon(opts, opts.warmupSeconds);
  const r = await cannon(opts, opts.durationSeconds);
  return {
    connections: opts.connections,
    durationSeconds: opts.durationSeconds,
    overallRate: null,
    requests: r.requests.total,
    requestsPerSecond: round(r.requests.average, 1),
    latencyMs: {
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      mean: round(r.latency.mean, 2),
    },
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

export interface PacedOptions {
  url: string;
  headers?: Record<string, string>;
  /** Requests per second, evenly spaced (open loop: the schedule does not wait for answers). */
  rate: number;
  durationSeconds: number;
  /** Keep-alive sockets the requests share. */
  connections: number;
}

/**
 * Open-loop load: GETs issued on a fixed schedule over a pool of keep-alive sockets. Latency runs
 * from the scheduled time, so a stall shows up in the percentiles instead of slowing the schedule
 * (no coordinated omission). autocannon's `overallRate` fires every connection at the same tick,
 * which measures bursts of `connections` requests, not steady traffic.
 */
export async function paced(opts: PacedOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  const one = (due: number) =>
    new Promise<void>((done) => {
      const req = request(opts.url, { agent, headers: opts.headers, timeout: 10_000 }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - due);
          if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) > 299) non2xx++;
          done();
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        done();
      });
      req.end();
    });
  const total = Math.round(opts.rate * opts.durationSeconds);
  const interval = 1000 / opts.rate;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(one(due));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const pct = (p: number) => round(sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0, 1);
  return {
    connections: opts.connections,
    durationSeconds: opts.durationSeconds,
    overallRate: opts.rate,
    requests: latencies.length,
    requestsPerSecond: round(latencies.length / elapsed, 1),
    latencyMs: {
      p50: pct(0.5),
      p90: pct(0.9),
      p99: pct(0.99),
      max: round(sorted.at(-1) ?? 0, 1),
      mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length), 2),
    },
    non2xx,
    errors,
    timeouts: 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Small utilities

export const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function machine() {
  const cpu = cpus();
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 1024 ** 3, 1),
  };
}

/** The `sc_session=…` pair from a response's Set-Cookie headers. */
export function sessionCookie(res: Response, name = 'sc_session'): string | null {
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0] ?? '';
    if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
  }
  return null;
}

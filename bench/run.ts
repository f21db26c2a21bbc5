/**
 * `npm run bench [-- <name>…]`: runs each benchmark in sequence, prints a table, and writes
 * bench/results/<name>-<date>.json. Benchmarks are not tests: a missed target is reported, not fatal.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authAndList } from './auth-and-list';
import { catalogImport } from './catalog-import';
import { catalogScale } from './catalog-scale';
import { type Benchmark, killAllChildrenSync, machine, ROOT, type Row, stopAllChildren } from './harness';
import { reservations } from './reservations';

const BENCHMARKS: Benchmark[] = [authAndList, catalogImport, catalogScale, reservations];

function table(rows: Row[]): string {
  const head = ['scenario', 'target', 'result', 'pass'];
  const cells = rows.map((r) => [
    r.scenario,
    r.target,
    r.result,
    r.pass === null ? '—' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const sep = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(head), sep, ...cells.map(line)].join('\n');
}

const stamp = () => new Date().toISOString().replace(/:/g, '-').replace(/\..*$/, '');

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const selected = only.length ? BENCHMARKS.filter((b) => only.includes(b.name)) : BENCHMARKS;
  if (selected.length === 0) {
    console.error(
      `unknown benchmark: ${only.join(', ')} (have: ${BENCHMARKS.map((b) => b.name).join(', ')})`,
    );
    process.exit(2);
  }
  const resultsDir = join(ROOT, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const env = machine();
  console.log(`Node ${env.node}, ${env.cpus} × ${env.cpuModel}, ${env.memoryGb} GB`);

  const all: Row[] = [];
  let failed = false;
  for (const b of selected) {
    console.log(`\n▶ ${b.name}: ${b.description}`);
    const started = new Date();
    try {
      const outcome = await b.run();
      all.push(...outcome.rows);
      console.log(table(outcome.rows));
      const file = join(resultsDir, `${b.name}-${stamp()}.json`);
      const record = {
        name: b.name,
        startedAt: started.toISOString(),
        seconds: Math.round((Date.now() - started.getTime()) / 1000),
        machine: env,
        rows: outcome.rows,
        data: outcome.data,
      };
      writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
      console.log(`results: ${file}`);
    } catch (err) {
      failed = true;
      console.error(`✗ ${b.name} failed: ${(err as Error).stack ?? err}`);
    } finally {
      await stopAllChildren();
    }
  }
  if (selected.length > 1) console.log(`\nSummary\n${table(all)}`);
  process.exitCode = failed ? 1 : 0;
}

// Whatever happens, no server we started outlives us.
process.on('exit', killAllChildrenSync);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    void stopAllChildren().finally(() => process.exit(130));
  });

main().catch(async (err) => {
  console.error(err);
  await stopAllChildren();
  process.exit(1);
});

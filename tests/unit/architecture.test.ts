import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const serverDir = join(root, 'server');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)].map((m) =>
    resolve(dirname(file), m[1] as string),
  );

/** Which domain a path belongs to, or null for platform and other code. */
const domainOf = (path: string) => {
  const rel = relative(join(serverDir, 'domains'), path);
  return rel.startsWith('..') ? null : (rel.split('/')[0] ?? null);
};

describe('dependency rule (ARCHITECTURE.md §1)', () => {
  const files = walk(serverDir);

  it('a domain reaches another domain only through its index.ts', () => {
    const violations: string[] = [];
    for (const file of files) {
      const own = domainOf(file);
      // Files directly under domains/ (consumers.ts) compose the domains: they may import any domain's jobs.
      if (!own || own.endsWith('.ts')) continue;
      for (const target of importsOf(file)) {
        const other = domainOf(target);
        if (!other || other === own) continue;
        const allowed = [join(serverDir, 'domains', other), join(serverDir, 'domains', other, 'index')];
        // Tests (and test-only factories) build their data with other domains' test factories.
        if (file.endsWith('.test.ts') || file.endsWith('/factories.ts'))
          allowed.push(join(serverDir, 'domains', other, 'factories'));
        if (!allowed.includes(target.replace(/\.ts$/, ''))) {
          violations.push(`${relative(root, file)} → ${relative(root, target)}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('platform/ imports no domain', () => {
    const violations = files
      .filter((f) => f.startsWith(join(serverDir, 'platform')))
      .flatMap((f) =>
        importsOf(f)
          .filter((t) => domainOf(t) !== null)
          .map((t) => `${relative(root, f)} → ${relative(root, t)}`),
      );
    expect(violations).toEqual([]);
  });
});

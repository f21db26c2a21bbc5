import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureSecretBox, openSecret, resolveAppSecret, sealSecret } from './secret-box';

describe('secret box', () => {
  it('seals and opens, and refuses a tampered or foreign value', () => {
    configureSecretBox('a-test-secret-that-is-long-enough-0123456789');
    const sealed = sealSecret('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealSecret('JBSWY3DPEHPK3PXP')).not.toBe(sealed);
    expect(openSecret(sealed)).toBe('JBSWY3DPEHPK3PXP');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`;
    expect(() => openSecret(tampered)).toThrow();
    configureSecretBox('another-secret-that-is-long-enough-0123456789');
    expect(() => openSecret(sealed)).toThrow();
  });

  it('keeps a generated application secret in the data directory, readable by the owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sc-secret-'));
    const first = resolveAppSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(resolveAppSecret(undefined, dir)).toBe(first);
    expect(statSync(join(dir, 'app-secret')).mode & 0o777).toBe(0o600);
    expect(resolveAppSecret('from-env-secret-that-is-long-enough-000', dir)).toBe(
      'from-env-secret-that-is-long-enough-000',
    );
    rmSync(dir, { recursive: true, force: true });
  });
});

import { describe, expect, it } from 'vitest';
import { diffFields } from './service';

describe('audit diffs', () => {
  it('records changed fields only, and never the value of a secret', () => {
    const diff = diffFields(
      { name: 'A', updatedAt: 1, passwordHash: 'x', same: 1 },
      { name: 'B', updatedAt: 2, passwordHash: 'y', same: 1, code: '123456', token: 't' },
    );
    expect(diff).toEqual({
      name: { from: 'A', to: 'B' },
      passwordHash: { from: '***', to: '***' },
      code: { from: '***', to: '***' },
      token: { from: '***', to: '***' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../../lib/text/safe-url';

describe('safeHttpUrl', () => {
  it('keeps http and https, drops everything else', () => {
    expect(safeHttpUrl('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', '/relative', 'ftp://x', '', undefined]) {
      expect(safeHttpUrl(bad)).toBeUndefined();
    }
  });
});

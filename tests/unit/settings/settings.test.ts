import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteEnabled, normalizeSettings } from '../../../lib/settings/settings';

describe('normalizeSettings', () => {
  it('gives the defaults for nothing or garbage', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('x')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values and replaces invalid or out-of-range ones', () => {
    const s = normalizeSettings({ paused: true, highlightStyle: 'neon', hoverDelayMs: 99_999, highlightCap: -5, disabledSites: ['a.org', 3] });
    expect(s).toMatchObject({ paused: true, highlightStyle: 'underline', hoverDelayMs: 2000, highlightCap: 10, disabledSites: ['a.org'] });
  });
});

describe('isSiteEnabled', () => {
  it('is off for a disabled site and its subdomains, and everywhere when paused', () => {
    const s = normalizeSettings({ disabledSites: ['example.org'] });
    expect(isSiteEnabled(s, 'example.org')).toBe(false);
    expect(isSiteEnabled(s, 'www.example.org')).toBe(false);
    expect(isSiteEnabled(s, 'news.example.org')).toBe(false);
    expect(isSiteEnabled(s, 'notexample.org')).toBe(true);
    expect(isSiteEnabled({ ...s, paused: true }, 'other.net')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteEnabled, mayRememberReading, normalizeSettings } from '../../../lib/settings/settings';

describe('normalizeSettings', () => {
  it('gives the defaults for nothing or garbage', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('x')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values and replaces invalid or out-of-range ones', () => {
    const s = normalizeSettings({ paused: true, highlightStyle: 'neon', hoverDelayMs: 99_999, highlightCap: -5, disabledSites: ['a.org', 3] });
    expect(s).toMatchObject({ paused: true, highlightStyle: 'background', hoverDelayMs: 2000, highlightCap: 10, disabledSites: ['a.org'] });
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

describe('remember what I read', () => {
  it('is off by default, 30 seconds, no excluded sites; keeps valid values and clamps the reading time', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ rememberReading: false, readingSeconds: 30, readingExcludedSites: [] });
    expect(normalizeSettings({ rememberReading: 'yes', readingSeconds: 0.2, readingExcludedSites: ['bank.example', 7] })).toMatchObject({
      rememberReading: false,
      readingSeconds: 2,
      readingExcludedSites: ['bank.example'],
    });
    expect(normalizeSettings({ rememberReading: true, readingSeconds: 1e9 })).toMatchObject({ rememberReading: true, readingSeconds: 3600 });
  });

  it('remembers only when on, and never on excluded sites, sites Backstory is off for, or while paused', () => {
    const on = normalizeSettings({ rememberReading: true, readingExcludedSites: ['bank.example'], disabledSites: ['quiet.example'] });
    expect(mayRememberReading(on, 'www.news.example')).toBe(true);
    expect(mayRememberReading({ ...on, rememberReading: false }, 'news.example')).toBe(false);
    expect(mayRememberReading(on, 'online.bank.example')).toBe(false);
    expect(mayRememberReading(on, 'quiet.example')).toBe(false);
    expect(mayRememberReading({ ...on, paused: true }, 'news.example')).toBe(false);
  });
});

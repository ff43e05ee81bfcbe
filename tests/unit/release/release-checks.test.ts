// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sortWarnings } from '../../../scripts/release/lint-firefox';
import { SHORT_DESCRIPTION_MAX_CHARS, storeTexts } from '../../../scripts/release/store-texts';

const warning = (file: string, code = 'UNSAFE_VAR_ASSIGNMENT') => ({ code, file, message: 'Unsafe assignment to innerHTML' });

describe('web-ext lint warnings a release keeps', () => {
  it('keeps the explained ones, whatever the bundle hash', () => {
    const { kept, unexpected } = sortWarnings([warning('chunks/jsxRuntime-BLN0DJXU.js'), warning('extract.js'), warning('extract.js'), warning('card.js')]);
    expect(kept).toHaveLength(4);
    expect(unexpected).toEqual([]);
  });

  it('reports one more of a kept kind, in another file, or of another code', () => {
    const { unexpected } = sortWarnings([
      warning('card.js'),
      warning('card.js'),
      warning('popup.js'),
      warning('extract.js', 'DANGEROUS_EVAL'),
    ]);
    expect(unexpected.map((w) => `${w.code} ${w.file}`)).toEqual([
      'UNSAFE_VAR_ASSIGNMENT card.js',
      'UNSAFE_VAR_ASSIGNMENT popup.js',
      'DANGEROUS_EVAL extract.js',
    ]);
  });
});

describe('store listing texts', () => {
  const privacy = readFileSync('docs/privacy.md', 'utf8');

  it("the project's listing fits the stores and justifies every permission of the policy", () => {
    const texts = storeTexts(readFileSync('store/listing.md', 'utf8'), privacy);
    expect([...texts.shortDescription].length).toBeLessThanOrEqual(SHORT_DESCRIPTION_MAX_CHARS);
    for (const permission of ['storage', 'unlimitedStorage', 'activeTab', 'scripting', 'contextMenus', 'alarms', '<all_urls>']) {
      expect(texts.listing).toContain(`- ${permission} (required): `);
    }
  });

  it('refuses a short description the Chrome Web Store would cut', () => {
    const listing = `## Short description\n\n${'x'.repeat(SHORT_DESCRIPTION_MAX_CHARS + 1)}\n\n## Long description\n\nText.`;
    expect(() => storeTexts(listing, privacy)).toThrow(/allows 132/);
  });
});

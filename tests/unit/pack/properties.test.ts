import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_ID_PATTERN } from '../../../lib/pack/fields';
import { findJsonSyntaxError } from '../../../lib/pack/json-error';
import { parsePlainTextArticle } from '../../../lib/pack/plain-text-article';
import { slugify } from '../../../lib/pack/slug';
import { validatePack } from '../../../lib/pack/validate';

// Valid JSON, JSON damaged at one place, and soup of JSON tokens.
const jsonish = fc.oneof(
  fc.json(),
  fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n', '\\')).map(
    ([text, at, insert]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + 1);
    },
  ),
  fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '1', 'e', '-', ' ', 'true', 'null', '\\', 'u') }),
);

describe('properties', () => {
  it('findJsonSyntaxError finds an error exactly when JSON.parse fails', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonSyntaxError(text) === undefined).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('slugify gives ids the pack schema accepts, within the length asked', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 80 }), (text, max) => {
        const slug = slugify(text, max);
        expect(slug.length).toBeLessThanOrEqual(max);
        if (slug) expect(slug).toMatch(ITEM_ID_PATTERN);
      }),
    );
  });

  it('parsePlainTextArticle never throws, and what it accepts is a valid article', () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.constantFrom('', '\u00a0', 'By ana // 2025-01-02', 'More related stories:', 'Sources include: example.org'),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const result = parsePlainTextArticle(lines.join(eol));
        if (!result.ok) return;
        const pack = {
          format: 'article-pack',
          formatVersion: 1,
          pack: { id: 'p', name: 'P', version: '1.0.0' },
          entities: [],
          articles: [result.article],
        };
        expect(validatePack(pack)).toMatchObject({ ok: true });
        expect(result.article.articleBody).not.toMatch(/\r|\n{3}|^\s|\s$/);
      }),
      { numRuns: 500 },
    );
  });
});

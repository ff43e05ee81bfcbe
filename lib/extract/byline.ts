/**
 * A byline line as pages write it ("By A. Reporter · 4 July 2024", "By Jane Doe and
 * Tom Lee | Updated 5 May 2023"): the authors and the date, apart.
 */
import { normalizeDate } from './normalize-date';

const BY_PREFIX = /^\s*by\s+/iu;
/** Between the parts of a byline: a middle dot, a bullet, a bar, or a dash with spaces. */
const PART_SEPARATOR = /\s*[·•|]\s*|\s+[—–-]\s+/u;
const DATE_LEAD = /^(?:published|updated|posted|last updated)(?:\s+on)?:?\s*/iu;
const AUTHOR_SEPARATOR = /\s*,?\s+(?:and|&)\s+/iu;
/** A "byline" longer than this is a sentence Readability mistook for one. */
const MAX_BYLINE_CHARS = 120;

export interface Byline {
  author: string[];
  /** ISO 8601, when the byline carries a date. */
  datePublished?: string;
}

/** The authors and date of a byline; nothing for a missing or overlong one. */
export function splitByline(byline: string | null | undefined): Byline {
  const text = byline?.replace(/\s+/gu, ' ').trim();
  if (!text || text.length > MAX_BYLINE_CHARS) return { author: [] };
  let datePublished: string | undefined;
  const names: string[] = [];
  for (const part of text.split(PART_SEPARATOR)) {
    const date = normalizeDate(part.replace(DATE_LEAD, ''));
    if (date) datePublished ??= date;
    // The first part that is not a date names the authors; later ones are roles ("Staff writer").
    else if (names.length === 0 && part.trim()) names.push(...part.replace(BY_PREFIX, '').split(AUTHOR_SEPARATOR));
  }
  return { author: names.map((name) => name.trim()).filter(Boolean), datePublished };
}

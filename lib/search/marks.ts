import { wordSpans } from './words';

/** Text with the ranges to mark, [start, end) in UTF-16 units: rendered as text plus <mark>. */
export interface MarkedText {
  text: string;
  marks: Array<[number, number]>;
}

/** Words around a match in an article's text shown in a snippet, in characters. */
const SNIPPET_CHARS = 160;
/** How far before the first match a snippet starts, in characters. */
const SNIPPET_LEAD_CHARS = 40;

/** Marks every word of `text` whose folded form is one of `terms` (index terms the query matched). */
export function markTerms(text: string, terms: ReadonlySet<string>): MarkedText {
  const marks: Array<[number, number]> = [];
  for (const span of wordSpans(text)) {
    if (terms.has(span.folded)) marks.push([span.start, span.end]);
  }
  return { text, marks };
}

/**
 * A short excerpt of `text` around the first word in `terms`, cut at word boundaries,
 * with ellipses where it was cut and the matching words marked. Undefined when no word matches.
 */
export function snippetAround(text: string, terms: ReadonlySet<string>, maxChars = SNIPPET_CHARS): MarkedText | undefined {
  const first = wordSpans(text).find((span) => terms.has(span.folded));
  if (!first) return undefined;
  let start = Math.max(0, first.start - SNIPPET_LEAD_CHARS);
  let end = Math.min(text.length, start + maxChars);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first.start) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first.end) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const body = text.slice(start, end).replace(/\s+/gu, ' ');
  // Collapsing whitespace can shift offsets: mark the excerpt as it will be shown.
  const marked = markTerms(`${prefix}${body}${suffix}`, terms);
  return marked;
}

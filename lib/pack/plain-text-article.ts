/**
 * Reads one article in the plain-text layout of docs/pack-format.md:
 *
 *     HEADLINE
 *     By AUTHOR // YYYY-MM-DD
 *     (blank line, possibly holding only a no-break space)
 *     BODY PARAGRAPHS…
 *     More related stories:
 *     …
 *     Sources include: …
 *
 * The trailing sections are returned apart from the body.
 */
import * as v from 'valibot';
import { PackArticleSchema, isRealIsoDate, type PackArticle } from './schema';
import { slugify } from './slug';
import { formatIssue, formatPath } from './validate';

/** Result of {@link parsePlainTextArticle}. */
export type PlainTextArticleResult =
  | {
      ok: true;
      /** The article, valid under the pack schema; `articleBody` paragraphs separated by one blank line. */
      article: PackArticle;
      /** Items of a "More related stories:" section, one per story. */
      related: string[];
      /** Items of a "Sources include:" section, one per source. */
      sources: string[];
    }
  | { ok: false; message: string };

/** Longer than this, a first line is a paragraph rather than a headline. */
const MAX_HEADLINE_CHARS = 300;
/** Longer than this, a "By …" line is a sentence of the body rather than a byline. */
const MAX_BYLINE_CHARS = 200;
/** Longer than this, a paragraph after a "Sources" marker is body text, not a source. */
const MAX_SOURCE_LINE_CHARS = 300;
/** Ids stay short enough to read; the date is added after the slug. */
const MAX_ID_CHARS = 64;

// `\s` covers the no-break space (U+00A0) that such files use for empty lines.
const BLANK = /^\s*$/;
const BYLINE = /^by\s+(.*)$/i;
const RELATED_HEADING = /^(?:more\s+)?related\s+(?:stories|articles|reading|posts)\s*:?$/i;
const SOURCES_AT_LINE_START = /^sources?(?:\s+include)?\s*:\s*/i;
// Inside a line only right after a sentence, capitalised: "…camps. Sources include: RT.com".
const SOURCES_INLINE = /(?<=[.!?]["”’)]?)\s+Sources include:\s*/;
const DOMAIN_OR_URL = /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$/i;
// A sentence end followed by the capital, digit or quote that starts the next one.
const SENTENCE_BREAK = /(?<=[.!?]["”’]?)\s+(?=["“‘]?[\p{Lu}\d])/u;

/** Parses a plain-text article. Never throws; explains what is wrong with the layout. */
export function parsePlainTextArticle(text: string): PlainTextArticleResult {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  let at = lines.findIndex((line) => !BLANK.test(line));
  if (at === -1) return { ok: false, message: 'The text is empty.' };

  const headline = lines[at]!.trim();
  if (/^[{<[]/.test(headline)) {
    return { ok: false, message: 'The text looks like JSON or HTML, not a plain-text article.' };
  }
  if (headline.length > MAX_HEADLINE_CHARS) {
    return {
      ok: false,
      message: `The first line is too long for a headline (${headline.length} characters). Start the text with the headline on a line of its own.`,
    };
  }
  at++;

  const byline = parseByline(lines[at]);
  if (byline && 'error' in byline) return { ok: false, message: `Line ${at + 1}: ${byline.error}` };
  if (byline) at++;

  const paragraphs = toParagraphs(lines.slice(at));
  const { body, related, sources } = splitTrailingSections(paragraphs);
  if (body.length === 0) return { ok: false, message: 'The text has a headline but no article body.' };

  const date = byline?.date;
  const slug = slugify(headline, date ? MAX_ID_CHARS - date.length - 1 : MAX_ID_CHARS) || 'article';
  const article: PackArticle = {
    id: date ? `${slug}-${date}` : slug,
    headline,
    ...(byline?.author ? { author: [byline.author] } : {}),
    ...(date ? { datePublished: date } : {}),
    articleBody: body.join('\n\n'),
  };
  const checked = v.safeParse(PackArticleSchema, article);
  if (!checked.success) {
    const problems = checked.issues.map((i) => formatIssue({ path: formatPath(i.path?.map((item) => item.key) ?? []), message: i.message }));
    return { ok: false, message: `The article is not valid: ${problems.join('; ')}.` };
  }
  return { ok: true, article: checked.output, related, sources };
}

type Byline = { author?: string; date?: string } | { error: string };

function parseByline(line: string | undefined): Byline | undefined {
  const rest = line && line.length <= MAX_BYLINE_CHARS ? BYLINE.exec(line.trim())?.[1] : undefined;
  if (rest === undefined) return undefined;
  const separator = rest.lastIndexOf('//');
  const author = (separator === -1 ? rest : rest.slice(0, separator)).trim();
  const date = separator === -1 ? '' : rest.slice(separator + 2).trim();
  if (date && !isRealIsoDate(date)) return { error: `"${date}" is not a date in the form YYYY-MM-DD.` };
  return { ...(author ? { author } : {}), ...(date ? { date } : {}) };
}

/** Groups lines into paragraphs at blank lines; lines inside a paragraph keep their breaks. */
function toParagraphs(lines: string[]): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (BLANK.test(line)) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      current.push(line.trim());
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

function splitTrailingSections(paragraphs: string[][]): { body: string[]; related: string[]; sources: string[] } {
  let texts = paragraphs.map((paragraph) => paragraph.join('\n'));
  const sourcesStart = findSources(paragraphs);
  let sourceText: string[] = [];
  if (sourcesStart) {
    const { paragraph, line, column } = sourcesStart;
    const marked = paragraphs[paragraph]!;
    const before = [...marked.slice(0, line), marked[line]!.slice(0, column.start)].join('\n').trim();
    sourceText = [marked[line]!.slice(column.end), ...marked.slice(line + 1), ...texts.slice(paragraph + 1)];
    texts = [...texts.slice(0, paragraph), ...(before ? [before] : [])];
  }

  // The related heading must follow at least one body paragraph.
  const heading = texts.findIndex((text, index) => index > 0 && RELATED_HEADING.test(text.split('\n')[0]!));
  if (heading === -1) return { body: texts, related: [], sources: toSourceItems(sourceText) };
  const relatedText = [texts[heading]!.split('\n').slice(1).join('\n'), ...texts.slice(heading + 1)];
  return {
    body: texts.slice(0, heading),
    related: relatedText
      .flatMap((text) => text.split('\n'))
      .flatMap((line) => line.split(SENTENCE_BREAK))
      .map((item) => item.trim())
      .filter(Boolean),
    sources: toSourceItems(sourceText),
  };
}

interface SourcesMarker {
  paragraph: number;
  line: number;
  column: { start: number; end: number };
}

/**
 * Finds the last "Sources include:" marker, at the start of a line or (as in files
 * whose trailing links were flattened into one line) inside one. It counts only when
 * what follows it is short lines, so a body sentence that says "sources include" stays.
 */
function findSources(paragraphs: string[][]): SourcesMarker | undefined {
  for (let p = paragraphs.length - 1; p > 0; p--) {
    const paragraph = paragraphs[p]!;
    for (let l = paragraph.length - 1; l >= 0; l--) {
      const line = paragraph[l]!;
      const atStart = SOURCES_AT_LINE_START.exec(line);
      const inline = atStart ? null : SOURCES_INLINE.exec(line);
      const m = atStart ?? inline;
      if (!m) continue;
      const rest = [line.slice(m.index + m[0].length), ...paragraph.slice(l + 1), ...paragraphs.slice(p + 1).flat()];
      if (rest.some((item) => item.length > MAX_SOURCE_LINE_CHARS)) return undefined;
      return { paragraph: p, line: l, column: { start: m.index, end: m.index + m[0].length } };
    }
  }
  return undefined;
}

/** One item per line; a line of bare domains or URLs gives one item per domain. */
function toSourceItems(lines: string[]): string[] {
  return lines
    .flatMap((text) => text.split('\n'))
    .flatMap((line) => {
      const words = line.trim().split(/[\s,;]+/).filter(Boolean);
      return words.length > 1 && words.every((word) => DOMAIN_OR_URL.test(word)) ? words : [line.trim()];
    })
    .filter(Boolean);
}

/** A sentence of a text, with its UTF-16 offsets. */
export interface SentenceSpan {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    // An unsupported tag throws; fall back to the root locale's rules.
    try {
      segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

/**
 * Titles and initials that end in a full stop without ending a sentence ("Mr. Tokayev",
 * "S. Jaishankar"): UAX #29 alone breaks after them.
 */
const NON_FINAL_ABBREVIATION = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Col|Lt|Sgt|Capt|Sen|Rep|Gov|Pres|Rev|Hon|No|vs|etc|e\.g|i\.e|[A-Z])\.$/u;

/**
 * Sentence boundaries by the Unicode rules of `Intl.Segmenter` (UAX #29), which handle
 * quotes and CJK full stops far better than a regular expression would. Paragraph
 * breaks always end a sentence; a single line break does not (wrapped text).
 */
export function splitSentences(text: string, language = 'en'): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const segmenter = segmenterFor(language);
  for (const paragraph of paragraphs(text)) {
    // UAX #29 breaks at every line feed; a space of the same length keeps offsets exact.
    const flowed = text.slice(paragraph.start, paragraph.end).replace(/[\r\n]/gu, ' ');
    let pending: SentenceSpan | undefined;
    for (const segment of segmenter.segment(flowed)) {
      const start = paragraph.start + segment.index;
      const trimmed = trimSpan(text, start, start + segment.segment.length);
      if (trimmed.end <= trimmed.start) continue;
      const span: SentenceSpan = pending ? { start: pending.start, end: trimmed.end } : trimmed;
      pending = undefined;
      if (NON_FINAL_ABBREVIATION.test(text.slice(span.start, span.end))) pending = span;
      else spans.push(span);
    }
    if (pending) spans.push(pending);
  }
  return spans;
}

/** The sentence containing offset `at`, trimmed, or undefined. */
export function sentenceAt(text: string, sentences: readonly SentenceSpan[], at: number): string | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = sentences[mid]!;
    if (at < span.start) hi = mid - 1;
    else if (at >= span.end) lo = mid + 1;
    else return text.slice(span.start, span.end).replace(/\s+/gu, ' ');
  }
  return undefined;
}

function paragraphs(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const breaks = /\n[ \t\u00a0]*\n/gu;
  let start = 0;
  for (const match of text.matchAll(breaks)) {
    spans.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  spans.push({ start, end: text.length });
  return spans;
}

function trimSpan(text: string, start: number, end: number): SentenceSpan {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

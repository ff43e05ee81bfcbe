import type { MarkedText } from '../lib/search/types';

export interface MarkedTextViewProps {
  value: MarkedText;
}

/**
 * Text with some ranges in <mark>. Pack text is untrusted: it is only ever passed to
 * Preact as text children, never as HTML.
 */
export function MarkedTextView({ value }: MarkedTextViewProps) {
  const parts: Array<string | { mark: string; at: number }> = [];
  let at = 0;
  for (const [start, end] of value.marks) {
    if (start < at || end <= start || end > value.text.length) continue; // overlapping or out of range: skip
    if (start > at) parts.push(value.text.slice(at, start));
    parts.push({ mark: value.text.slice(start, end), at: start });
    at = end;
  }
  if (at < value.text.length) parts.push(value.text.slice(at));
  return <>{parts.map((part) => (typeof part === 'string' ? part : <mark key={part.at}>{part.mark}</mark>))}</>;
}

/**
 * A slow, obviously-correct matcher for property tests: it folds the whole text
 * with an offset map and, at each start, tries every pattern by string
 * comparison. It shares only the per-character folding and the case rules
 * with the real matcher, not the trie, the walk or the boundary logic.
 */
import { caseAccepts, caseModeOf } from '../../../lib/matcher/case-rules';
import { CLS_WORD, CLS_ZERO } from '../../../lib/text/char-fold';
import { getFoldTables } from '../../../lib/matcher/fold-tables';
import { charAt, foldString, foldWithMap } from '../../../lib/matcher/fold-text';
import type { MatcherPattern, MatchSpan } from '../../../lib/matcher/types';

interface RefPattern {
  key: string;
  keep: string;
  mode: number;
  entityKey: string;
  excludes: string[];
}

export function referenceScan(patterns: readonly MatcherPattern[], text: string): MatchSpan[] {
  const t = getFoldTables();
  const refs: RefPattern[] = [];
  for (const p of patterns) {
    const key = foldString(t, p.text);
    if (!key) continue;
    const keep = foldString(t, p.text, true);
    refs.push({
      key,
      keep,
      mode: caseModeOf(keep, p.caseSensitive),
      entityKey: p.entityKey,
      excludes: (p.exclude ?? []).map((x) => foldString(t, x)).filter((x) => x.length > key.length && x.includes(key)),
    });
  }
  const folded = foldWithMap(t, text);
  const chars: { start: number; end: number; cls: number }[] = [];
  for (let i = 0; i < text.length; ) {
    const { cls, width } = charAt(t, text, i);
    chars.push({ start: i, end: i + width, cls });
    i += width;
  }
  const classAt = (i: number): number => chars.find((c) => c.start === i)?.cls ?? 0;
  const wordUnitAt = (i: number): boolean => ((t.cls[text.charCodeAt(i)] ?? 0) & CLS_WORD) !== 0;
  const out: MatchSpan[] = [];
  let resume = 0;
  for (let ci = 0; ci < chars.length; ci++) {
    const ch = chars[ci]!;
    if (ch.start < resume || ch.cls & CLS_ZERO) continue;
    // Start boundary: a spaced-script word character cannot follow another.
    const prev = chars.slice(0, ci).findLast((c) => !(c.cls & CLS_ZERO));
    if (ch.cls & CLS_WORD && prev && prev.cls & CLS_WORD) continue;
    const a = folded.charStart.indexOf(ch.start);
    if (a < 0) continue;
    let bestEnd = -1;
    let keys: string[] = [];
    for (const r of refs) {
      if (!folded.text.startsWith(r.key, a)) continue;
      const b = a + r.key.length;
      if (b < folded.text.length && folded.charStart[b] === folded.charStart[b - 1]) continue;
      const coreEnd = folded.charEnd[b - 1]!;
      let end = coreEnd;
      while (end < text.length && classAt(end) & CLS_ZERO) end += charAt(t, text, end).width;
      const last = chars.findLast((c) => c.end <= coreEnd && !(c.cls & CLS_ZERO))!;
      if (last.cls & CLS_WORD && end < text.length && classAt(end) & CLS_WORD) continue;
      if (!caseAccepts(r.mode, r.keep, foldString(t, text.slice(ch.start, end), true))) continue;
      const excluded = r.excludes.some((x) => {
        for (let at = folded.text.indexOf(x); at >= 0; at = folded.text.indexOf(x, at + 1)) {
          const s = folded.charStart[at]!;
          const e = folded.charEnd[at + x.length - 1]!;
          // Whole words only: the phrase may not continue or begin a longer word.
          const wordAround = (s > 0 && wordUnitAt(s - 1)) || (e < text.length && wordUnitAt(e));
          if (s <= ch.start && e >= coreEnd && !wordAround) return true;
        }
        return false;
      });
      if (excluded) continue;
      if (end > bestEnd) {
        bestEnd = end;
        keys = [];
      }
      if (end === bestEnd && !keys.includes(r.entityKey)) keys.push(r.entityKey);
    }
    if (bestEnd >= 0) {
      out.push({ start: ch.start, end: bestEnd, entityKeys: keys });
      resume = bestEnd;
    }
  }
  return out;
}

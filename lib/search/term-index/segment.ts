/**
 * Turning search documents into one segment of the term index: for every folded word,
 * the documents that have it (by their number in the segment), in which fields, and
 * the word counts of the name and the shortest alias holding it (for the exact tiers).
 * Pure: no storage here (term-database.ts stores it, term-writer.ts decides when).
 */
import type { SearchDocument } from '../documents';
import { searchTerms } from '../words';
import { Field, MAX_SPAN_WORDS } from './fields';
import { reversedWord } from './suffix';

/** One word's postings in one segment, as stored (typed arrays: no per-entry objects to clone or parse). */
export interface TermRow {
  term: string;
  segment: string;
  /** Document numbers in the segment, ascending. */
  docs: Uint32Array;
  /** `Field` bits per document. */
  fields: Uint8Array;
  /** Words in the name, per document, where the name holds the term; else 0. */
  nameSpans: Uint8Array;
  /** Words in the shortest alias holding the term, per document; else 0. */
  aliasSpans: Uint8Array;
}

interface Growing {
  /** Every field the word is in, in any document. */
  anyFields: number;
  docs: number[];
  fields: number[];
  nameSpans: number[];
  aliasSpans: number[];
}

/** Collects documents into one segment's postings; `rows()` gives what is stored. */
export class SegmentBuilder {
  private readonly terms = new Map<string, Growing>();
  /** Document ids (`e:KEY`, `a:KEY`) in order: a document's number is its place here. */
  readonly ids: string[] = [];
  /** Postings so far: bounds a segment's size in memory while it is built. */
  postings = 0;

  constructor(readonly segment: string) {}

  add(doc: SearchDocument): void {
    const n = this.ids.length;
    this.ids.push(doc.id);
    if (doc.kind === 'entity') {
      const nameWords = searchTerms(doc.name ?? '');
      this.addWords(n, nameWords, Field.name, nameWords.length);
      for (const alias of (doc.aliases ?? '').split(' \n ')) {
        const words = searchTerms(alias);
        this.addWords(n, words, Field.alias, words.length);
      }
      this.addWords(n, searchTerms(doc.description ?? ''), Field.description, 0);
    } else {
      this.addWords(n, searchTerms(doc.headline ?? ''), Field.headline, 0);
      this.addWords(n, searchTerms(doc.body ?? ''), Field.text, 0);
    }
  }

  private addWords(n: number, words: readonly string[], field: number, span: number): void {
    const spanWords = Math.min(span, MAX_SPAN_WORDS);
    for (const word of words) {
      let growing = this.terms.get(word);
      if (!growing) {
        growing = { anyFields: 0, docs: [], fields: [], nameSpans: [], aliasSpans: [] };
        this.terms.set(word, growing);
      }
      let last = growing.docs.length - 1;
      if (last < 0 || growing.docs[last] !== n) {
        growing.docs.push(n);
        growing.fields.push(0);
        growing.nameSpans.push(0);
        growing.aliasSpans.push(0);
        this.postings++;
        last++;
      }
      growing.fields[last]! |= field;
      growing.anyFields |= field;
      if (field === Field.name) growing.nameSpans[last] = spanWords;
      // The shortest alias holding the word: "Erdoğan" is an exact alias of "Recep Tayyip Erdoğan, also Erdoğan".
      if (field === Field.alias && (growing.aliasSpans[last] === 0 || spanWords < growing.aliasSpans[last]!)) growing.aliasSpans[last] = spanWords;
    }
  }

  get size(): number {
    return this.ids.length;
  }

  /** One row per word, in the order IndexedDB sorts strings (UTF-16 code units, as `sort()` does). */
  *rows(): Generator<TermRow> {
    for (const term of [...this.terms.keys()].sort()) {
      const g = this.terms.get(term)!;
      yield { term, segment: this.segment, docs: Uint32Array.from(g.docs), fields: Uint8Array.from(g.fields), nameSpans: Uint8Array.from(g.nameSpans), aliasSpans: Uint8Array.from(g.aliasSpans) };
    }
  }

  /** The words a typo may find (those in any field but article text), reversed and sorted (suffix.ts). */
  reversedTypoWords(): string[] {
    const out: string[] = [];
    for (const [term, g] of this.terms) if (g.anyFields & ~Field.text) out.push(reversedWord(term));
    return out.sort();
  }

  get termCount(): number {
    return this.terms.size;
  }
}

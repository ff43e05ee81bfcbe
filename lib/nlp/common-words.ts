/**
 * What compromise's own lexicon says about a single word: whether it is an ordinary
 * English word ("Leaders", "Several") that is capitalized only because a sentence starts
 * with it, or a demonym or adjective ("Kazakh", "Russian") that describes a name
 * rather than being one.
 */
import nlp from 'compromise';

/** Tags that make a word a name even when the lexicon knows it ("Turkey", "China"). */
const NAME_TAGS = ['Person', 'Place', 'Organization', 'Country', 'City'];
/** Tags of words that qualify a name: "Kazakh officials", "Caspian-wide". */
const DESCRIBING_TAGS = ['Demonym', 'Adjective'];

interface WordFacts {
  /** compromise knows the word (lexicon or inflection), rather than guessing its tag. */
  known: boolean;
  tags: string[];
}

const cache = new Map<string, WordFacts>();

function facts(word: string): WordFacts {
  const key = word.toLowerCase();
  let found = cache.get(key);
  if (!found) {
    const term = (nlp(key).json({ terms: { tags: true } }) as Array<{ terms: Array<{ tags: string[]; confidence?: number }> }>)[0]?.terms[0];
    // compromise sets `confidence` only on words it tagged by guessing (suffixes, context).
    found = { known: !!term && term.confidence === undefined, tags: term?.tags ?? [] };
    cache.set(key, found);
  }
  return found;
}

/** An ordinary lowercase word of English ("leaders", "however"), not a name. */
export function isCommonWord(word: string): boolean {
  const { known, tags } = facts(word);
  return known && !tags.some((tag) => NAME_TAGS.includes(tag));
}

/** A demonym or adjective ("Kazakh", "Russian", "Daily"): it describes a name, it is not one. */
export function isDescribingWord(word: string): boolean {
  const { known, tags } = facts(word);
  return known && tags.some((tag) => DESCRIBING_TAGS.includes(tag)) && !tags.some((tag) => NAME_TAGS.includes(tag));
}

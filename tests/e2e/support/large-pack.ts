/**
 * A large, valid pack generated for fault tests: big enough that importing it takes a
 * noticeable time (so a fault can land in the middle), deterministic so counts are known.
 */
export interface LargePackOptions {
  id: string;
  version?: string;
  entities: number;
  articles: number;
  /** Characters of filler per article body, on top of the sentences naming entities. */
  bodyFillerChars?: number;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'sto', 'va', 'dri', 'nel', 'por', 'tu', 'zan', 'quel'];

/** A pronounceable, unique name for entity `i`. */
function nameOf(i: number): string {
  let n = i;
  let first = '';
  for (let k = 0; k < 3; k++) {
    first += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return `${first[0]!.toUpperCase()}${first.slice(1)} Testperson${i}`;
}

export function largePack(options: LargePackOptions): { json: string; entities: number; articles: number } {
  const entities = Array.from({ length: options.entities }, (_, i) => ({
    id: `e${i}`,
    name: nameOf(i),
    type: 'Person',
    description: `Generated entity number ${i}.`,
  }));
  const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(Math.ceil((options.bodyFillerChars ?? 2_000) / 57));
  const articles = Array.from({ length: options.articles }, (_, i) => {
    const named = [i % options.entities, (i * 7 + 3) % options.entities, (i * 13 + 5) % options.entities];
    return {
      id: `a${i}`,
      headline: `Generated article ${i}`,
      datePublished: `2025-01-${String((i % 28) + 1).padStart(2, '0')}`,
      articleBody: `${named.map((e) => `${nameOf(e)} spoke on day ${i}.`).join(' ')}\n\n${filler}`,
    };
  });
  const pack = {
    format: 'article-pack',
    formatVersion: 1,
    pack: { id: options.id, name: `Large generated pack ${options.id}`, version: options.version ?? '1.0.0' },
    entities,
    articles,
  };
  return { json: JSON.stringify(pack), entities: entities.length, articles: articles.length };
}

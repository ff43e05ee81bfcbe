import { it } from 'vitest';
import { entityDocument } from '../../../lib/search/documents';
import { KnowledgeSearchIndex } from '../../../lib/search/search-index';
import { ENTITIES } from './search-cases';
it('probe', () => {
  const m = KnowledgeSearchIndex.empty();
  m.add(ENTITIES.map(entityDocument));
  for (const q of ['ardogan', 'putni', 'Putni', 'vladimir putni', 'prtin', 'uptin', 'erdogna', 'edrogan', 'surkvo', 'usrkov', 'vladivotsok', 'xurkov', 'astaan', 'putn', 'pitin'])
    console.log(q, JSON.stringify(m.search(q, { entities: 5, articles: 0 }).entities.map((h) => [h.key, h.tier, h.terms])));
});

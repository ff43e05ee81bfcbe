/**
 * The search libraries compared, each behind the same small interface: build from the
 * generated knowledge base, serialize, load, and answer a query with entity ids best first.
 */
import uFuzzy from '@leeoniya/ufuzzy';
import { Charset, Document } from 'flexsearch';
import type { ArticleRow, EntityRow } from '../../lib/db/rows';
import { articleDocument, entityDocument } from '../../lib/search/documents';
import { foldText } from '../../lib/text/fold';
import { KnowledgeSearchIndex, type StoredSearchIndex } from '../../lib/search/search-index';
import type { GeneratedKb } from './generate-kb';

export interface Candidate {
  name: string;
  build(kb: GeneratedKb): void;
  serialize(): string;
  load(serialized: string): void | Promise<void>;
  /** Entity ids and article ids, best first. */
  search(query: string): { entities: string[]; articles: string[] };
}

const LIMIT = 10;

function entityRows(kb: GeneratedKb): EntityRow[] {
  return kb.entities.map((e) => ({ key: `bench/${e.id}`, packId: 'bench', id: e.id, name: e.name, type: e.type, alternateName: e.alternateName, description: e.description, sameAs: [] }));
}

function articleRows(kb: GeneratedKb): ArticleRow[] {
  return kb.articles.map((a) => ({ key: `bench/${a.id}`, packId: 'bench', id: a.id, headline: a.headline, publisher: a.publisher, datePublished: a.datePublished, articleBody: a.articleBody, author: [], about: a.about, keywords: [], entityMentions: [], mentionIndex: [] }));
}

const stripPack = (key: string) => key.slice('bench/'.length);

/** MiniSearch, through the project's own KnowledgeSearchIndex (what ships). */
export function miniSearchCandidate(): Candidate {
  let index = KnowledgeSearchIndex.empty();
  return {
    name: 'MiniSearch 7.2 (lib/search)',
    build(kb) {
      index = KnowledgeSearchIndex.empty();
      index.add(entityRows(kb).map(entityDocument));
      index.add(articleRows(kb).map(articleDocument));
    },
    serialize: () => JSON.stringify(index.toStored()),
    async load(serialized) {
      index = KnowledgeSearchIndex.fromStored(JSON.parse(serialized) as StoredSearchIndex);
      // The whole index, article text included, like the other candidates.
      await index.loadText();
    },
    search(query) {
      const r = index.search(query, { entities: LIMIT, articles: LIMIT });
      return { entities: r.entities.map((h) => stripPack(h.key)), articles: r.articles.map((h) => stripPack(h.key)) };
    },
  };
}

function flexField(name: string) {
  return { field: name, tokenize: 'forward' as const, encoder: Charset.LatinAdvanced };
}

function createFlexIndexes() {
  const field = flexField;
  return {
    entities: new Document({ document: { id: 'id', index: [field('name'), field('aliases')] } }),
    articles: new Document({ document: { id: 'id', index: [field('headline'), field('body')] } }),
  };
}

function flexIds(results: Array<{ field?: string; result: Array<string | number> }>): string[] {
  const seen = new Set<string>();
  // Field order is the ranking: name before aliases, headline before body.
  for (const group of results) for (const id of group.result) seen.add(String(id));
  return [...seen].slice(0, LIMIT);
}

/** FlexSearch 0.8: forward (prefix) tokenizer; its LatinAdvanced encoder folds diacritics and some spelling variants. */
export function flexSearchCandidate(): Candidate {
  let idx = createFlexIndexes();
  return {
    name: 'FlexSearch 0.8.212',
    build(kb) {
      idx = createFlexIndexes();
      for (const e of kb.entities) idx.entities.add({ id: e.id, name: e.name, aliases: e.alternateName.join(' ') });
      for (const a of kb.articles) idx.articles.add({ id: a.id, headline: a.headline, body: a.articleBody });
    },
    serialize() {
      const parts: Record<string, Record<string, string>> = { entities: {}, articles: {} };
      idx.entities.export((key: string, data: string) => void (parts.entities![key] = data));
      idx.articles.export((key: string, data: string) => void (parts.articles![key] = data));
      return JSON.stringify(parts);
    },
    load(serialized) {
      const parts = JSON.parse(serialized) as Record<string, Record<string, string>>;
      idx = createFlexIndexes();
      for (const [key, data] of Object.entries(parts.entities!)) idx.entities.import(key, data);
      for (const [key, data] of Object.entries(parts.articles!)) idx.articles.import(key, data);
    },
    search(query) {
      const opts = { limit: LIMIT, suggest: true };
      return {
        entities: flexIds(idx.entities.search(query, opts) as never),
        articles: flexIds(idx.articles.search(query, opts) as never),
      };
    },
  };
}

/** uFuzzy: no index, a fast scan over folded strings; one typo per word (intraMode 1). */
export function uFuzzyCandidate(): Candidate {
  const uf = new uFuzzy({ intraMode: 1 });
  let data = { entityIds: [] as string[], entityHay: [] as string[], articleIds: [] as string[], headlineHay: [] as string[], bodyHay: [] as string[] };
  const top = (hay: string[], ids: string[], needle: string): string[] => {
    const [idxs, info, order] = uf.search(hay, needle, 0, 1e3);
    if (!idxs) return [];
    if (info && order) return order.slice(0, LIMIT).map((o) => ids[info.idx[o]!]!);
    return idxs.slice(0, LIMIT).map((i) => ids[i]!);
  };
  return {
    name: 'uFuzzy 1.0.19',
    build(kb) {
      data = {
        entityIds: kb.entities.map((e) => e.id),
        entityHay: kb.entities.map((e) => foldText([e.name, ...e.alternateName].join(' | '))),
        articleIds: kb.articles.map((a) => a.id),
        headlineHay: kb.articles.map((a) => foldText(a.headline)),
        bodyHay: kb.articles.map((a) => foldText(a.articleBody)),
      };
    },
    serialize: () => JSON.stringify(data),
    load(serialized) {
      data = JSON.parse(serialized) as typeof data;
    },
    search(query) {
      const needle = foldText(query);
      const headlines = top(data.headlineHay, data.articleIds, needle);
      const bodies = headlines.length >= LIMIT ? [] : top(data.bodyHay, data.articleIds, needle);
      return { entities: top(data.entityHay, data.entityIds, needle), articles: [...new Set([...headlines, ...bodies])].slice(0, LIMIT) };
    },
  };
}

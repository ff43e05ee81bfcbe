/**
 * JSON-LD blocks of a page (`<script type="application/ld+json">`), flattened: news sites
 * put the article node at the top, inside an array, or inside `@graph`.
 */

/** One JSON-LD node, as parsed. */
export type JsonLdNode = Record<string, unknown>;

/** How deep `@graph` and arrays are followed: real pages nest two or three levels. */
const MAX_DEPTH = 4;

/** Schema.org types whose node describes the article itself. */
const ARTICLE_TYPE = /(?:^|:|\/)(?:\w*Article|BlogPosting|Report|WebPage|LiveBlogPosting)$/u;

/** Every node of every JSON-LD block of `doc`; blocks that are not valid JSON are skipped. */
export function jsonLdNodes(doc: Document): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      collect(JSON.parse(script.textContent ?? ''), nodes, 0);
    } catch {
      // A broken block on the page: the others may still be fine.
    }
  }
  return nodes;
}

function collect(value: unknown, into: JsonLdNode[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1);
  } else if (isNode(value)) {
    into.push(value);
    if (value['@graph'] !== undefined) collect(value['@graph'], into, depth + 1);
  }
}

function isNode(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node that describes the article: an `*Article`/`BlogPosting` first, a `WebPage` only when nothing better. */
export function articleNode(nodes: readonly JsonLdNode[]): JsonLdNode | undefined {
  const typed = nodes.filter((node) => types(node).some((t) => ARTICLE_TYPE.test(t)));
  return typed.find((node) => !types(node).every((t) => t.endsWith('WebPage'))) ?? typed[0];
}

/** Whether a node says it is an article (a news article, a blog post), not just a web page. */
export function isArticleNode(node: JsonLdNode | undefined): boolean {
  return !!node && types(node).some((t) => ARTICLE_TYPE.test(t) && !t.endsWith('WebPage'));
}

function types(node: JsonLdNode): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** A property as strings: a string, a `{name}` or `{@value}` object, or an array of those. */
export function jsonLdStrings(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items
    .map((item) => {
      if (typeof item === 'string') return item;
      if (isNode(item)) {
        const inner = item.name ?? item['@value'];
        return typeof inner === 'string' ? inner : undefined;
      }
      return undefined;
    })
    .filter((s): s is string => typeof s === 'string' && s.trim() !== '')
    .map((s) => s.trim());
}

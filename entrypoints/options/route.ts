/** The options page's places, addressed by the URL hash so that links and Back work. */
export type Route =
  | { name: 'packs' }
  | { name: 'articles' }
  | { name: 'article'; key: string }
  | { name: 'entities' }
  | { name: 'entity'; key: string }
  | { name: 'add' }
  | { name: 'settings' }
  | { name: 'storage' };

const WITH_KEY = /^#\/(articles|entities)\/(.+)$/u;

export function parseRoute(hash: string): Route {
  const keyed = WITH_KEY.exec(hash);
  if (keyed) return { name: keyed[1] === 'articles' ? 'article' : 'entity', key: decodeURIComponent(keyed[2]!) };
  switch (hash) {
    case '#/articles':
      return { name: 'articles' };
    case '#/entities':
      return { name: 'entities' };
    case '#/add':
      return { name: 'add' };
    case '#/settings':
      return { name: 'settings' };
    case '#/storage':
      return { name: 'storage' };
    default:
      return { name: 'packs' };
  }
}

export const articleHref = (key: string) => `#/articles/${encodeURIComponent(key)}`;
export const entityHref = (key: string) => `#/entities/${encodeURIComponent(key)}`;

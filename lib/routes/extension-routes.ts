/**
 * Every address of the extension's own pages, built and read in one place: the options
 * page's places (addressed by the URL hash, so that links and Back work), and the save
 * preview. Paths are relative to the extension's origin; callers
 * outside the options page turn them into URLs with `browser.runtime.getURL`.
 */

/** The options page's places. */
export type Route =
  | { name: 'packs' }
  | { name: 'feeds' }
  | { name: 'articles' }
  | { name: 'article'; key: string }
  | { name: 'entities' }
  | { name: 'entity'; key: string }
  | { name: 'add' }
  | { name: 'reading' }
  | { name: 'settings' }
  | { name: 'storage' };

const WITH_KEY = /^#\/(articles|entities)\/(.+)$/u;
const PLAIN: Record<string, Route['name']> = { '#/feeds': 'feeds', '#/articles': 'articles', '#/entities': 'entities', '#/add': 'add', '#/reading': 'reading', '#/settings': 'settings', '#/storage': 'storage' };

/** The options page's place for a URL hash; anything unknown is the packs list. */
export function parseRoute(hash: string): Route {
  const keyed = WITH_KEY.exec(hash);
  if (keyed) return { name: keyed[1] === 'articles' ? 'article' : 'entity', key: decodeURIComponent(keyed[2]!) };
  const name = PLAIN[hash];
  return name && name !== 'article' && name !== 'entity' ? { name } : { name: 'packs' };
}

/** The URL hash of an options page place: the inverse of {@link parseRoute}. */
export function routeHash(route: Route): `#/${string}` {
  switch (route.name) {
    case 'article':
      return `#/articles/${encodeURIComponent(route.key)}`;
    case 'entity':
      return `#/entities/${encodeURIComponent(route.key)}`;
    case 'packs':
      return '#/';
    default:
      return `#/${route.name}`;
  }
}

/** Link within the options page to one article. */
export const articleHref = (key: string) => routeHash({ name: 'article', key });
/** Link within the options page to one entity. */
export const entityHref = (key: string) => routeHash({ name: 'entity', key });

/** The options page at a place, for `browser.runtime.getURL` (from the popup, the save page, the background). */
export const optionsPath = (route: Route): `/options.html${string}` => `/options.html${routeHash(route)}`;

/** The save preview of one captured page (lib/extract/capture.ts). */
export const savePath = (captureId: string): `/save.html${string}` => `/save.html#${captureId}`;

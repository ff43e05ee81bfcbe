import { describe, expect, it } from 'vitest';
import { articleHref, entityHref, optionsPath, parseRoute, routeHash, savePath, type Route } from '../../../lib/routes/extension-routes';

const ROUTES: Route[] = [
  { name: 'packs' },
  { name: 'articles' },
  { name: 'article', key: 'my-articles/a visit' },
  { name: 'entities' },
  { name: 'entity', key: 'p/kz#1?x=%' },
  { name: 'add' },
  { name: 'reading' },
  { name: 'settings' },
  { name: 'storage' },
];

describe('extension routes', () => {
  it('reads back every place it builds, keys with slashes, spaces, # and % included', () => {
    for (const route of ROUTES) expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('builds the links every caller used to write by hand', () => {
    expect(articleHref('pack/a1')).toBe('#/articles/pack%2Fa1');
    expect(entityHref('p/kz')).toBe('#/entities/p%2Fkz');
    expect(optionsPath({ name: 'article', key: 'hostile-xss/a1' })).toBe('/options.html#/articles/hostile-xss%2Fa1');
    expect(optionsPath({ name: 'settings' })).toBe('/options.html#/settings');
    expect(savePath('0b7c')).toBe('/save.html#0b7c');
  });

  it('takes an unknown or empty hash for the packs list', () => {
    for (const hash of ['', '#', '#/', '#/nothing', '#/articles/', '#/article']) expect(parseRoute(hash)).toEqual({ name: 'packs' });
  });
});

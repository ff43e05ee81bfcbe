import { readFileSync } from 'node:fs';

/** A fixture page of tests/fixtures/pages, parsed the way the browser would (happy-dom's DOMParser). */
export function loadPage(name: string): Document {
  const html = readFileSync(`tests/fixtures/pages/${name}`, 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

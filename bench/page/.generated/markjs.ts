import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { startStaticServer } from '../../../tests/e2e/support/static-server';
const server = await startStaticServer(['/work/shared/samples/pages']);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await b.newPage();
await page.route('**/*', (r) => (r.request().url().startsWith(server.origin) ? r.continue() : r.abort()));
await page.goto(server.url('wikipedia-elvis.html'));
await page.addScriptTag({ path: resolve('node_modules/mark.js/dist/mark.min.js') });
for (const n of [50, 200]) {
  const r = await page.evaluate(`new Promise((done) => {
    const words = document.body.innerText.split(/\\s+/).filter((w) => /^[A-Z][a-z]{3,}$/.test(w));
    const names = [...new Set(words)].slice(0, ${n});
    const s = performance.now(); let m = 0;
    new Mark(document.body).mark(names, { separateWordSearch: false, acrossElements: true, diacritics: false, each: () => m++, done: () => done([names.length, performance.now() - s, m]) });
  })`);
  console.log(n, r);
}
await b.close(); await server.close();

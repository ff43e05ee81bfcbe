import { chromium } from 'playwright-core';
import { startStaticServer } from '../../../tests/e2e/support/static-server';
const server = await startStaticServer(['/work/shared/samples/pages', 'bench/page/.generated']);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await b.newPage();
await page.route('**/*', (r) => (r.request().url().startsWith(server.origin) ? r.continue() : r.abort()));
for (const f of process.argv.slice(2)) {
await page.goto(server.url(f));
await page.waitForTimeout(500);
const res = await page.evaluate(`(() => {
  const out = {};
  const t = (name, fn) => { const s = performance.now(); const r = fn(); out[name] = (performance.now() - s).toFixed(1) + 'ms ' + r; };
  t('walker SHOW_TEXT', () => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let n = 0; while (w.nextNode()) n++; return n; });
  t('walker text+parent+data', () => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); let n = 0; let last; const m = new Map(); for (let x = w.nextNode(); x; x = w.nextNode()) { const p = x.parentElement; if (p !== last) { last = p; if (!m.has(p)) m.set(p, p.tagName); } if (/\\S/.test(x.data)) n++; } return n + ' parents ' + m.size; });
  t('checkVisibility parents', () => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT); const m = new Map(); for (let x = w.nextNode(); x; x = w.nextNode()) { const p = x.parentElement; if (!m.has(p)) m.set(p, p.checkVisibility({visibilityProperty: true})); } return m.size; });
  t('walker all + filter', () => { const w = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, { acceptNode(n) { return n.nodeType === 3 ? 1 : 3; } }); let n = 0; while (w.nextNode()) n++; return n; });
  t('getElementsByTagName shadow', () => { const all = document.body.getElementsByTagName('*'); let h = 0; for (let i = 0; i < all.length; i++) if (all[i].shadowRoot) h++; return all.length + ' hosts ' + h; });
  t('qsa * shadow', () => { const all = document.body.querySelectorAll('*'); let h = 0; for (const e of all) if (e.shadowRoot) h++; return all.length; });
  t('qsa custom', () => { const all = document.body.querySelectorAll('*'); let h = 0; for (const e of all) if (e.localName.includes('-')) h++; return h; });
  return out;
})()`);
console.log(f, res);
}
await b.close(); await server.close();

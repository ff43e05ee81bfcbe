/**
 * What makes the frame after a card opens expensive on a very large page: the page alone
 * (no extension) in Chromium, with a fixed, contained host like the card's, and one change
 * at a time done in it; the frame's rendering steps (PrePaint, Layout, Paint…) traced and
 * summed per change (median over the changes). `npx tsx bench/page/prepaint-probe.ts [page.html]`;
 * `PROBE_ONLY=ranges` runs the highlight scenarios only (they build on each other, in order).
 */
import { chromium } from 'playwright-core';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { CHROMIUM_PATH } from '../../tests/e2e/support/extension-browser';
import { startStaticServer } from '../../tests/e2e/support/static-server';
import { median } from './report';

const SAMPLES = '/work/shared/samples/pages';
const GENERATED = resolve('bench/page/.generated');
const file = process.argv[2] ?? 'wikipedia-list_9_11_victims.html';
const REPEATS = Number(process.env.PROBE_REPEATS ?? 6);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
}

const server = await startStaticServer([GENERATED, SAMPLES]);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
const page = await context.newPage();
await page.route('**/*', (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
await page.goto(server.url(file), { waitUntil: 'load' });
await page.waitForTimeout(1500);

// Scenario set-up code, run once in the page; each defines window.probeStep(i) that makes one change.
const SETUP = `
window.probe = {};
const mk = (fixed, contain, extra = '') => {
  const host = document.createElement('probe-host');
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; ' + (contain ? 'contain: size layout style;' : '') + extra;
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.style.cssText = 'position: fixed; top: 0; left: 0; width: 300px; background: white; border: 1px solid #999; box-shadow: 0 4px 12px rgb(0 0 0 / 0.2); font: 14px sans-serif;';
  shadow.append(box);
  document.documentElement.append(host);
  return { host, box };
};
window.probe.mk = mk;
`;
await page.evaluate(SETUP);

const scenarios: Record<string, string> = {
  // Change text inside a kept, contained, fixed host (what a warm hover does to the card).
  'fixed contained host, text + transform': `(() => { const h = window.probe.a ??= window.probe.mk(true, true); return (i) => { h.box.textContent = 'card ' + i + ' '.repeat(i % 3) + 'x'.repeat(40 + i); h.box.style.transform = 'translate(' + (100 + i * 7) + 'px,' + (200 + i * 5) + 'px)'; }; })()`,
  'fixed contained host, text only': `(() => { const h = window.probe.b ??= window.probe.mk(true, true); return (i) => { h.box.textContent = 'card ' + i + 'x'.repeat(40 + i); }; })()`,
  'fixed contained host, transform only': `(() => { const h = window.probe.c ??= window.probe.mk(true, true); return (i) => { h.box.style.transform = 'translate(' + (100 + i * 7) + 'px,' + (200 + i * 5) + 'px)'; }; })()`,
  'fixed contained host, display toggle': `(() => { const h = window.probe.d ??= window.probe.mk(true, true); return (i) => { h.box.textContent = 'card ' + i; h.box.style.display = i % 2 ? 'none' : 'block'; }; })()`,
  'fixed host, box left/top instead of transform': `(() => { const h = window.probe.e ??= window.probe.mk(true, true); return (i) => { h.box.style.left = (100 + i * 7) + 'px'; h.box.style.top = (200 + i * 5) + 'px'; h.box.textContent = 'card ' + i; }; })()`,
  'top-layer popover, text + transform': `(() => { const h = window.probe.f ??= window.probe.mk(true, true); h.host.setAttribute('popover', 'manual'); h.host.style.setProperty('inset', 'auto'); h.host.style.setProperty('margin', '0'); h.host.style.setProperty('padding', '0'); h.host.style.setProperty('border', '0'); h.host.style.setProperty('background', 'transparent'); h.host.style.setProperty('overflow', 'visible'); h.host.showPopover(); return (i) => { h.box.textContent = 'card ' + i + 'x'.repeat(40 + i); h.box.style.transform = 'translate(' + (100 + i * 7) + 'px,' + (200 + i * 5) + 'px)'; }; })()`,
  'will-change: transform on box': `(() => { const h = window.probe.g ??= window.probe.mk(true, true); h.box.style.willChange = 'transform'; return (i) => { h.box.textContent = 'card ' + i + 'x'.repeat(40 + i); h.box.style.transform = 'translate(' + (100 + i * 7) + 'px,' + (200 + i * 5) + 'px)'; }; })()`,
  'scroller card with sticky header, re-rendered': `(() => { const h = window.probe.s ??= window.probe.mk(true, true); h.box.style.maxHeight = '300px'; h.box.style.overflow = 'auto'; return (i) => { h.box.replaceChildren(); const head = document.createElement('div'); head.style.cssText = 'position: sticky; top: 0; background: white'; head.textContent = 'Name ' + i; const body = document.createElement('div'); body.textContent = 'text '.repeat(50 + i * 20); h.box.append(head, body); h.box.style.transform = 'translate(' + (100 + i * 7) + 'px,' + (200 + i * 5) + 'px)'; }; })()`,
  'scroller card without sticky, re-rendered': `(() => { const h = window.probe.t ??= window.probe.mk(true, true); h.box.style.maxHeight = '300px'; h.box.style.overflow = 'auto'; return (i) => { h.box.replaceChildren(); const head = document.createElement('div'); head.textContent = 'Name ' + i; const body = document.createElement('div'); body.textContent = 'text '.repeat(50 + i * 20); h.box.append(head, body); h.box.style.transform = 'translate(' + (100 + i * 7) + 'px,' + (200 + i * 5) + 'px)'; }; })()`,
  'sticky, no scroller': `(() => { const h = window.probe.u ??= window.probe.mk(true, true); return (i) => { h.box.replaceChildren(); const head = document.createElement('div'); head.style.cssText = 'position: sticky; top: 0; background: white'; head.textContent = 'Name ' + i; const body = document.createElement('div'); body.textContent = 'text '.repeat(5 + i); h.box.append(head, body); }; })()`,
  'with 2,000 styled highlight ranges: card text + transform': `(() => { const st = document.createElement('style'); st.textContent = '::highlight(probe2) { text-decoration: underline 2px; }'; document.head.append(st); const hl = new Highlight(); const ts = [...document.querySelectorAll('li, td, p')].filter((e) => e.firstChild && e.firstChild.nodeType === 3).slice(0, 2000); for (const e of ts) { const r = new Range(); r.setStart(e.firstChild, 0); r.setEnd(e.firstChild, Math.min(4, e.firstChild.data.length)); hl.add(r); } CSS.highlights.set('probe2', hl); const h = window.probe.h2 ??= window.probe.mk(true, true); return (i) => { h.box.textContent = 'card ' + i + 'x'.repeat(40 + i); h.box.style.transform = 'translate(' + (100 + i * 7) + 'px,' + (200 + i * 5) + 'px)'; }; })()`,
  'underline, only the 100 ranges nearest the top': `(() => { const hl = CSS.highlights.get('probe2'); window.probe.all2 = [...hl]; const keep = [...hl].slice(0, 100); hl.clear(); for (const r of keep) hl.add(r); const h = window.probe.h2; return (i) => { h.box.textContent = 'card ' + i + 'x'.repeat(40 + i); h.box.style.transform = 'translate(' + (100 + i * 7) + 'px,' + (200 + i * 5) + 'px)'; }; })()`,
  'the same ranges painted with a background colour instead: card text + transform': `(() => { const hl = CSS.highlights.get('probe2'); for (const r of window.probe.all2) hl.add(r); CSS.highlights.delete('probe2'); const st = document.createElement('style'); st.textContent = '::highlight(probe3) { background-color: rgb(255 200 40 / 0.28); }'; document.head.append(st); CSS.highlights.set('probe3', hl); const h = window.probe.h2; return (i) => { h.box.textContent = 'card ' + i + 'x'.repeat(40 + i); h.box.style.transform = 'translate(' + (100 + i * 7) + 'px,' + (200 + i * 5) + 'px)'; }; })()`,
  'only the 100 ranges nearest the top registered: card text + transform': `(() => { const hl = CSS.highlights.get('probe3'); const keep = [...hl].slice(0, 100); hl.clear(); for (const r of keep) hl.add(r); const h = window.probe.h2; return (i) => { h.box.textContent = 'card ' + i + 'x'.repeat(40 + i); h.box.style.transform = 'translate(' + (100 + i * 7) + 'px,' + (200 + i * 5) + 'px)'; }; })()`,
  'same, reading a range rect first': `(() => { const r = [...CSS.highlights.get('probe2')][500]; const h = window.probe.h2; return (i) => { r.getClientRects(); h.box.textContent = 'card ' + i + 'x'.repeat(40 + i); h.box.style.transform = 'translate(' + (100 + i * 7) + 'px,' + (200 + i * 5) + 'px)'; }; })()`,
  'a word changed in the page (control)': `(() => { const t = document.querySelector('p, li, td'); return (i) => { t.append('.'); }; })()`,
  'a highlight range added': `(() => { const hl = new Highlight(); CSS.highlights.set('probe', hl); const ts = [...document.querySelectorAll('li, td, p')].slice(0, 4000); return (i) => { const r = new Range(); const n = ts[i * 50 % ts.length].firstChild; if (!n) return; r.selectNodeContents(n); hl.add(r); }; })()`,
};

async function trace(step: string): Promise<Map<string, { wall: number; cpu: number }>> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (event) => events.push(...(event.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  await page.evaluate(`window.probeStep = ${step}`);
  for (let i = 0; i < REPEATS; i++) {
    await page.evaluate(`new Promise((done) => requestAnimationFrame(() => { performance.mark('probe-start'); window.probeStep(${i}); requestAnimationFrame(() => setTimeout(() => { performance.mark('probe-end'); done(); }, 0)); }))`);
    await page.waitForTimeout(100);
  }
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const starts = events.filter((e) => e.name === 'probe-start').map((e) => e.ts);
  const ends = events.filter((e) => e.name === 'probe-end').map((e) => e.ts);
  const main = events.find((e) => e.name === 'probe-start')?.tid;
  // Per change, then the median over the changes (the first change may include a scenario's set-up).
  const perStep = starts.map((start, i) => {
    const end = ends[i] ?? Infinity;
    const sums = new Map<string, { wall: number; cpu: number }>();
    for (const e of events) {
      if (e.tid !== main || e.ph !== 'X' || e.ts < start || e.ts > end) continue;
      const s = sums.get(e.name) ?? { wall: 0, cpu: 0 };
      s.wall += (e.dur ?? 0) / 1000;
      s.cpu += (e.tdur ?? 0) / 1000;
      sums.set(e.name, s);
    }
    return sums;
  });
  const names = new Set(perStep.flatMap((m) => [...m.keys()]));
  return new Map([...names].map((n) => [n, { wall: median(perStep.map((m) => m.get(n)?.wall ?? 0)), cpu: median(perStep.map((m) => m.get(n)?.cpu ?? 0)) }]));
}

console.info(`${file}; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; per change, median of ${REPEATS} (ms wall / cpu)`);
const only = process.env.PROBE_ONLY;
for (const [name, step] of Object.entries(scenarios)) {
  if (only && !name.includes(only) && !name.includes('highlight')) continue;
  const sums = await trace(step);
  const pick = ['PrePaint', 'Layout', 'UpdateLayoutTree', 'Paint', 'Layerize'].map((n) => `${n} ${(sums.get(n)?.wall ?? 0).toFixed(1)}/${(sums.get(n)?.cpu ?? 0).toFixed(1)}`);
  console.info(`${name.padEnd(48)} ${pick.join('  ')}`);
}
await browser.close();
await server.close();

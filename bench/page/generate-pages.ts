/**
 * Generated benchmark pages: a long encyclopedia-style article (over 1 MB of HTML and
 * 10k text nodes, names split by inline markup, tables and lists) and an
 * infinite-scroll feed that appends items as the reader nears the end.
 */
import { pick, seededRandom } from '../random';

const WORDS = 'the of and in to a was for on with as by at from that his her their its which after during were been had who also into over under between new first city river council report plan season team market year years people government local history north south east west later early support public water trade road school station harbour festival museum union'.split(' ');

function sentence(random: () => number, names: readonly string[], nameChance: number): string {
  const length = 10 + Math.floor(random() * 18);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    if (random() < nameChance) {
      const name = pick(random, names);
      // Inline markup splits names and sentences into several text nodes, as real pages do.
      const r = random();
      parts.push(r < 0.3 ? `<a href="#${encodeURIComponent(name)}">${name}</a>` : r < 0.4 ? `<b>${name}</b>` : name);
    } else parts.push(pick(random, WORDS));
  }
  const text = parts.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function escape(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
}

/** A long article page of at least `minBytes` bytes. */
export function generateLongArticle(names: readonly string[], minBytes = 1_300_000): string {
  const random = seededRandom(7);
  const safe = names.map(escape);
  const out: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A very long article</title>',
    '<style>body{font:16px/1.6 Georgia,serif;max-width:960px;margin:0 auto;padding:0 16px;color:#202122;background:#fff}',
    'table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}.infobox{float:right;width:280px;margin:0 0 12px 16px;font-size:14px}</style></head><body>',
    '<h1>History of the regions</h1>',
  ];
  let bytes = out.join('').length;
  let section = 0;
  while (bytes < minBytes) {
    const chunk: string[] = [`<h2 id="s${section}">Section ${section}: ${pick(random, safe)}</h2>`];
    if (section % 5 === 0) {
      chunk.push('<table class="infobox"><tbody>');
      for (let r = 0; r < 8; r++) chunk.push(`<tr><th>${pick(random, WORDS)}</th><td>${pick(random, safe)}</td></tr>`);
      chunk.push('</tbody></table>');
    }
    for (let p = 0; p < 8; p++) {
      const sentences = Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(random, safe, 0.05));
      chunk.push(`<p>${sentences.join(' ')}<sup><a href="#ref">[${p + 1}]</a></sup></p>`);
    }
    chunk.push('<ul>');
    for (let li = 0; li < 6; li++) chunk.push(`<li>${sentence(random, safe, 0.08)}</li>`);
    chunk.push('</ul>');
    const html = chunk.join('\n');
    out.push(html);
    bytes += html.length;
    section++;
  }
  out.push('</body></html>');
  return out.join('\n');
}

/** An infinite feed: 30 items, 20 more each time the end comes near. */
export function generateInfiniteFeed(names: readonly string[]): string {
  const random = seededRandom(11);
  const pool = Array.from({ length: 400 }, () => sentence(random, names.map(escape), 0.07));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Infinite feed</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:680px;margin:0 auto;padding:0 12px;background:#fafafa;color:#111}
.item{background:#fff;border:1px solid #e3e3e3;border-radius:8px;margin:10px 0;padding:10px 14px}.item h3{margin:0 0 4px;font-size:16px}</style></head>
<body><h1>Feed</h1><main id="feed"></main><div id="sentinel" style="height:1px"></div>
<script>
const pool = ${JSON.stringify(pool)};
let next = 0;
function addItems(count) {
  const feed = document.getElementById('feed');
  for (let i = 0; i < count; i++, next++) {
    const item = document.createElement('article');
    item.className = 'item';
    item.innerHTML = '<h3>Post ' + next + '</h3><p>' + pool[next % pool.length] + '</p><p>' + pool[(next * 7 + 3) % pool.length] + '</p>';
    feed.append(item);
  }
}
addItems(30);
new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) addItems(20); }, { rootMargin: '800px' })
  .observe(document.getElementById('sentinel'));
</script></body></html>`;
}

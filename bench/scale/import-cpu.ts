/**
 * The import's CPU stages before IndexedDB, in Node, with the 1M-name library: read and
 * parse, validation, entity rows, the first article (the mention finder's set-up), the
 * other articles. CPU time (process.cpuUsage), the load average beside it:
 * `node --expose-gc node_modules/.bin/tsx bench/scale/import-cpu.ts [rounds]`.
 */
import { loadavg } from 'node:os';
import { readPackBytes } from '../../lib/pack/read';
import { validatePack } from '../../lib/pack/validate';
import { entityPatterns } from '../../lib/kb/matcher-patterns';
import { patternsTextCanMatch, TextWords } from '../../lib/kb/names-in-text';
import { streamPackRows } from '../../lib/kb/pack-to-rows';
import { FULL_SCALE, generateLibrary, libraryPack } from './generate-library';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function cpuMs<T>(work: () => T): [T, number] {
  gc();
  const before = process.cpuUsage();
  const value = work();
  const used = process.cpuUsage(before);
  return [value, Math.round((used.user + used.system) / 1000)];
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 1);
  const bytes = new TextEncoder().encode(libraryPack(generateLibrary(FULL_SCALE)));
  for (let round = 0; round < rounds; round++) {
    const load = loadavg()[0]!.toFixed(1);
    gc();
    const readStart = process.cpuUsage();
    const read = await readPackBytes(bytes);
    const readUsed = process.cpuUsage(readStart);
    if (!read.ok) throw new Error(read.message);
    const [validation, validateMs] = cpuMs(() => validatePack(read.data));
    if (!validation.ok) throw new Error('invalid');
    const [rows, entityMs] = cpuMs(() => streamPackRows(validation.pack, { source: { kind: 'file' }, now: 0 }));
    // The set-up of the first article, part by part (the same work again, for the split).
    const [words, wordsMs] = cpuMs(() => {
      const w = new TextWords(validation.pack.articles.reduce((n, a) => n + a.headline.length + (a.articleBody?.length ?? 0), 0));
      for (const a of validation.pack.articles) {
        w.add(a.headline);
        if (a.articleBody) w.add(a.articleBody);
      }
      return w;
    });
    const [patterns, patternsMs] = cpuMs(() => rows.entities.flatMap((entity) => entityPatterns(entity)));
    const [kept, filterMs] = cpuMs(() => patternsTextCanMatch(patterns, words));
    const iterator = rows.articles[Symbol.iterator]();
    const [first, firstMs] = cpuMs(() => iterator.next());
    let mentions = 0;
    // A digest of every mention (article, entity, sentence, role): the same in two builds means the same mentions.
    let digest = 0x811c9dc5;
    const fold = (text: string) => {
      for (let i = 0; i < text.length; i++) digest = Math.imul(digest ^ text.charCodeAt(i), 0x01000193);
    };
    const built = [first.value!];
    const [, articlesMs] = cpuMs(() => {
      for (let next = iterator.next(); !next.done; next = iterator.next()) built.push(next.value);
    });
    for (const row of built) {
      mentions += row.entityMentions.length;
      for (const m of row.entityMentions) fold(`${row.key}|${m.entityKey}|${m.sentence}|${m.role}\n`);
    }
    console.info(
      JSON.stringify({
        round,
        load,
        readMs: Math.round((readUsed.user + readUsed.system) / 1000),
        validateMs,
        entityRowsMs: entityMs,
        textWordsMs: wordsMs,
        patterns: patterns.length,
        patternsMs,
        keptPatterns: kept.length,
        filterMs,
        firstArticleMs: firstMs,
        otherArticlesMs: articlesMs,
        mentions,
        digest: (digest >>> 0).toString(16),
      }),
    );
  }
}

await main();

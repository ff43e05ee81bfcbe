/**
 * The pack builder for publishers:
 *
 *     npm run pack -- build <files or folders…> -o NAME.pack.json [options]
 *     npm run pack -- wikidata <file> -o NAME.pack.json [options]   (wikidata/command.ts)
 *
 * Reads .txt (the plain-text article layout), .html (Readability), .md (front matter
 * and Markdown) and .jsonl (one pack article per line), links the articles to the
 * entities of --entities, suggests new entities, and writes a pack only when it passes
 * the same validation an import runs.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import * as v from 'valibot';
import { PackEntitySchema, PACK_ID_PATTERN, formatIssue, formatPath, slugify, type PackEntity, type PackMeta } from '../../lib/pack';
import { buildPack, type BuildPackResult } from './build-pack';
import { collectFiles } from './collect-files';
import { createProgress } from './progress';
import { readArticles } from './read-articles';
import { WIKIDATA_USAGE, WikidataUsageError, wikidataMain } from './wikidata/command';

const USAGE = `Usage: npm run pack -- build <files or folders…> -o NAME.pack.json [options]
       npm run pack -- wikidata <file> -o NAME.pack.json [options]   (names from Wikidata; wikidata --help)

Options:
  -o, --out FILE            where to write the pack (required); with --gzip, FILE.gz
  --entities FILE           a JSON array of pack entities to link the articles to
  --suggest-entities        add suggested entities to the pack (marked "suggested": true)
  --no-suggestions          skip looking for entity suggestions (faster on big inputs)
  --gzip                    write gzip-compressed JSON (.json.gz)
  --id ID                   pack id (default: from the output file name)
  --name NAME               pack name (default: the id)
  --version SEMVER          pack version (default: 1.0.0)
  --language TAG            default language of the articles
  --publisher NAME          who publishes the pack
  --description TEXT        what the pack contains
  -h, --help                this text`;

/** Suggestions printed in the summary at most. */
const PRINTED_SUGGESTIONS = 20;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'wikidata') return wikidataMain(argv.slice(1));
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      entities: { type: 'string' },
      'suggest-entities': { type: 'boolean', default: false },
      'no-suggestions': { type: 'boolean', default: false },
      gzip: { type: 'boolean', default: false },
      id: { type: 'string' },
      name: { type: 'string' },
      version: { type: 'string', default: '1.0.0' },
      language: { type: 'string' },
      publisher: { type: 'string' },
      description: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.info(USAGE);
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (command !== 'build') throw new UsageError(command ? `Unknown command "${command}".` : 'Say what to do: build or wikidata.');
  if (inputs.length === 0) throw new UsageError('Give at least one file or folder to build from.');
  if (!values.out) throw new UsageError('Say where to write the pack: -o NAME.pack.json');
  if (values['suggest-entities'] && values['no-suggestions']) throw new UsageError('--suggest-entities and --no-suggestions contradict each other.');

  const out = values.gzip && !values.out.endsWith('.gz') ? `${values.out}.gz` : values.out;
  const id = values.id ?? (slugify(basename(values.out).replace(/(\.pack)?\.json(\.gz)?$/u, ''), 64) || 'pack');
  if (!PACK_ID_PATTERN.test(id)) throw new UsageError(`"${id}" is not a valid pack id: give one with --id (lowercase letters, digits, ".", "_", "-").`);
  const meta: PackMeta = {
    id,
    name: values.name ?? id,
    version: values.version,
    ...(values.language ? { language: values.language } : {}),
    ...(values.publisher ? { publisher: values.publisher } : {}),
    ...(values.description ? { description: values.description } : {}),
    created: new Date().toISOString().replace(/\.\d+Z$/u, 'Z'),
  };
  const entities = values.entities ? await readEntities(values.entities) : [];

  const progress = createProgress();
  const { files, skipped: skippedFiles } = await collectFiles(inputs);
  const read = await readArticles(files, (done, total) => progress.update('Reading files', done, total));
  const result = buildPack({
    meta,
    articles: read.articles,
    entities,
    suggest: !values['no-suggestions'],
    addSuggestions: values['suggest-entities'],
    onProgress: (done, total) => progress.update('Finding entity suggestions', done, total),
  });
  progress.done();
  const skipped = [...skippedFiles, ...read.skipped, ...result.skipped];

  printSummary(result, skipped, files.length);
  if (!result.validation.ok) {
    console.error(`\nNot written: the pack would not pass validation (${result.validation.total} problem(s)):`);
    for (const issue of result.validation.issues) console.error(`  ${formatIssue(issue)}`);
    return 1;
  }
  if (result.stats.articles === 0) {
    console.error('\nNot written: no article could be read from the inputs.');
    return 1;
  }
  const json = `${JSON.stringify(result.validation.pack, null, 2)}\n`;
  await writeFile(out, values.gzip ? gzipSync(json) : json);
  console.info(`\nWrote ${out}`);
  return 0;
}

async function readEntities(path: string): Promise<PackEntity[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`${path}: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new UsageError(`${path}: expected a JSON array of pack entities`);
  return data.map((item, index) => {
    const parsed = v.safeParse(PackEntitySchema, item, { abortPipeEarly: true });
    if (parsed.success) return parsed.output;
    const issue = parsed.issues[0];
    throw new UsageError(`${path}: [${index}]${formatPath(issue.path?.map((p) => p.key) ?? []).replace(/^(?=\w)/u, '.')}: ${issue.message}`);
  });
}

function printSummary(result: BuildPackResult, skipped: Array<{ path: string; reason: string }>, fileCount: number): void {
  const { stats, suggestions } = result;
  console.info(`Files read: ${fileCount}`);
  console.info(`Articles: ${stats.articles}`);
  console.info(`Entities: ${stats.entities}${stats.suggestedEntities ? ` (${stats.suggestedEntities} suggested)` : ''}`);
  console.info(`Mentions: ${stats.mentions}`);
  if (suggestions.length > 0) {
    console.info(`\nSuggested entities (${suggestions.length}; name, type, times named, articles):`);
    for (const s of suggestions.slice(0, PRINTED_SUGGESTIONS)) {
      const aliases = s.alternateName.length > 0 ? ` (also ${s.alternateName.join(', ')})` : '';
      console.info(`  ${s.name}${aliases} · ${s.type} · ${s.count} · ${s.articles}`);
    }
    if (suggestions.length > PRINTED_SUGGESTIONS) console.info(`  … and ${suggestions.length - PRINTED_SUGGESTIONS} more`);
  }
  if (skipped.length > 0) {
    console.info(`\nSkipped (${skipped.length}):`);
    for (const s of skipped) console.info(`  ${s.path}: ${s.reason}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof WikidataUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const usage = process.argv[2] === 'wikidata' ? WIKIDATA_USAGE : USAGE;
      console.error(`${(error as Error).message}\n\n${usage}`);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);

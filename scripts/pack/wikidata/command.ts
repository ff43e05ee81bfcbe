/**
 * `npm run pack -- wikidata <file> -o NAME.pack.json [options]`: a names pack from
 * Wikidata (SPARQL results, entity JSON, newline-delimited entities or the full JSON
 * dump, plain, gzip or bzip2), written only when it passes the importer's validation.
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { PACK_ID_PATTERN, slugify, validatePack, type EntityType, type PackMeta } from '../../../lib/pack';
import { ENTITY_TYPES } from '../../../lib/pack/schema';
import { ALIAS_DROP_REASONS, READY_QUERIES, buildWikidataPack, droppedTotal, isItemId, type AliasReport } from '../../../lib/wikidata';
import { createProgress } from '../progress';
import type { Bzip2Decoder } from './open-input';
import { queryItems } from './query-items';
import { readWikidata, type ReadStats } from './read-wikidata';

export const WIKIDATA_USAGE = `Usage: npm run pack -- wikidata <file> -o NAME.pack.json [options]
       npm run pack -- wikidata --query READY_QUERY -o NAME.pack.json [options]
       npm run pack -- wikidata --sparql QUERY.rq -o NAME.pack.json [options]

Reads SPARQL JSON results, entity JSON (Special:EntityData, wbgetentities), newline-
delimited entities, or the full JSON dump (latest-all.json, .gz or .bz2), streamed; or
asks the Wikidata Query Service (retries with backoff on 429 and 503).

Options:
  --query ID                a ready query: ${READY_QUERIES.map((q) => q.id).join(', ')}
  --country QID             the country of a ready query that needs one (Q183)
  --sparql FILE             your own query, selecting ?item ?itemLabel ?itemAliases…
                            (lib/wikidata/from-sparql.ts lists the variables)
  --endpoint URL            another SPARQL endpoint (QLever, a mirror)
  -o, --out FILE            where to write the pack (required); with --gzip, FILE.gz
  --language TAGS           the readers' languages, most wanted first (default: en);
                            fallbacks follow: pt-br → pt → mul → en
  --class QIDS              keep instances (P31) of these classes only: Q5,Q6256,Q7278
  --min-sitelinks N         keep items with at least N sitelinks (how well known)
  --limit N                 stop after N items
  --type QID=TYPE           map a class to a type (Person, Organization, Place, Event,
                            CreativeWork, Thing); repeatable
  --bzip2 DECODER           auto (default: lbzip2 if installed, else bzip2, else js),
                            lbzip2, bzip2 or js (unbzip2-stream)
  --gzip                    write gzip-compressed JSON (.json.gz)
  --id ID, --name NAME, --version SEMVER, --description TEXT
  -h, --help                this text`;

export class WikidataUsageError extends Error {}

function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new WikidataUsageError(`${option} wants a whole number, not "${value}".`);
  return n;
}

function parseTypes(values: string[]): Map<string, EntityType> {
  const types = new Map<string, EntityType>();
  for (const value of values) {
    const [cls, type] = value.split('=');
    if (!cls || !isItemId(cls) || !ENTITY_TYPES.includes(type as EntityType)) {
      throw new WikidataUsageError(`--type wants QID=TYPE with TYPE one of ${ENTITY_TYPES.join(', ')}, not "${value}".`);
    }
    types.set(cls, type as EntityType);
  }
  return types;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

/** Runs the subcommand; returns the exit code. */
export async function wikidataMain(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      query: { type: 'string' },
      sparql: { type: 'string' },
      country: { type: 'string' },
      endpoint: { type: 'string' },
      language: { type: 'string', default: 'en' },
      class: { type: 'string' },
      'min-sitelinks': { type: 'string' },
      limit: { type: 'string' },
      type: { type: 'string', multiple: true, default: [] },
      bzip2: { type: 'string', default: 'auto' },
      gzip: { type: 'boolean', default: false },
      id: { type: 'string' },
      name: { type: 'string' },
      version: { type: 'string', default: '1.0.0' },
      description: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.info(WIKIDATA_USAGE);
    return 0;
  }
  const [input, ...extra] = positionals;
  const asking = values.query !== undefined || values.sparql !== undefined;
  if (asking ? positionals.length > 0 || (values.query && values.sparql) : !input || extra.length > 0) {
    throw new WikidataUsageError('Give exactly one file to read, or one of --query and --sparql.');
  }
  if (values.query && !READY_QUERIES.some((q) => q.id === values.query)) throw new WikidataUsageError(`No ready query "${values.query}".`);
  if (values.country && !isItemId(values.country)) throw new WikidataUsageError(`--country wants an item id such as Q183, not "${values.country}".`);
  if (!values.out) throw new WikidataUsageError('Say where to write the pack: -o NAME.pack.json');
  if (!['auto', 'lbzip2', 'bzip2', 'js'].includes(values.bzip2)) throw new WikidataUsageError('--bzip2 is auto, lbzip2, bzip2 or js.');
  const classes = (values.class ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  const badClass = classes.find((c) => !isItemId(c));
  if (badClass) throw new WikidataUsageError(`--class wants item ids such as Q5, not "${badClass}".`);
  const languages = values.language.split(',').map((l) => l.trim()).filter(Boolean);
  const types = parseTypes(values.type);
  const out = values.gzip && !values.out.endsWith('.gz') ? `${values.out}.gz` : values.out;
  const id = values.id ?? (slugify(basename(values.out).replace(/(\.pack)?\.json(\.gz)?$/u, ''), 64) || 'wikidata');
  if (!PACK_ID_PATTERN.test(id)) throw new WikidataUsageError(`"${id}" is not a valid pack id: give one with --id.`);

  const progress = createProgress();
  const asked = asking
    ? await queryItems({
        readyQueryId: values.query,
        sparqlFile: values.sparql,
        country: values.country,
        language: languages[0] ?? 'en',
        endpoint: values.endpoint,
        onBytes: (bytes) => progress.update(`Receiving (${mb(bytes)} MB)`, 0, 1),
      })
    : undefined;
  const { items, stats } = asked ?? await readWikidata(input as string, {
    filters: { classes: new Set(classes), minSitelinks: positiveInteger(values['min-sitelinks'], '--min-sitelinks'), limit: positiveInteger(values.limit, '--limit') },
    languages,
    sparqlLanguage: languages[0],
    bzip2: values.bzip2 as Bzip2Decoder,
    onProgress: (p) => {
      const rate = p.seconds > 0 ? `${mb(p.bytes / p.seconds)} MB/s` : '';
      const percent = p.fileBytes > 0 ? Math.floor((p.fileBytesRead * 100) / p.fileBytes) : 100;
      progress.update(`Reading (${p.scanned} entities, ${p.kept} kept, ${rate}), % of the file`, percent, 100);
    },
  });
  progress.done();

  const convertStarted = performance.now();
  const meta: PackMeta = {
    id,
    name: values.name ?? id,
    version: values.version,
    ...(values.description ? { description: values.description } : {}),
    language: languages[0],
    publisher: 'Wikidata contributors',
    homepage: 'https://www.wikidata.org/',
    created: new Date().toISOString().replace(/\.\d+Z$/u, 'Z'),
  };
  const source = { languages, ...(asked ? { query: asked.query } : {}), ...(values.query ? { readyQuery: values.query } : {}) };
  const result = buildWikidataPack(items, { languages, types, meta, source });
  const validation = validatePack(result.pack);
  const convertSeconds = (performance.now() - convertStarted) / 1000;

  printSummary(stats, items.length, result.pack.entities.length, result.withoutLabel, result.aliases, convertSeconds);
  if (!validation.ok) {
    console.error(`\nNot written: the pack would not pass validation (${validation.total} problem(s)):`);
    for (const issue of validation.issues) console.error(`  ${issue.path || '(pack)'}: ${issue.message}`);
    return 1;
  }
  if (validation.pack.entities.length === 0) {
    console.error('\nNot written: no entity passed the filters.');
    return 1;
  }
  const json = JSON.stringify(validation.pack);
  const bytes = values.gzip ? gzipSync(json) : Buffer.from(json);
  await writeFile(out, bytes);
  console.info(`\nWrote ${out} (${mb(bytes.length)} MB)`);
  return 0;
}

function printSummary(stats: ReadStats, kept: number, entities: number, withoutLabel: number, aliases: AliasReport, convertSeconds: number): void {
  const decoder = stats.decoder ? `, bzip2 by ${stats.decoder}` : '';
  console.info(`Read: ${stats.shape}, ${stats.compression}${decoder}; ${mb(stats.fileBytes)} MB on disk, ${mb(stats.bytes)} MB of JSON`);
  console.info(`Entities scanned: ${stats.scanned}${stats.unreadable ? ` (${stats.unreadable} unreadable lines skipped)` : ''}; kept by the filters: ${kept}`);
  console.info(`Time: ${stats.seconds.toFixed(1)} s reading (${mb(stats.bytes / Math.max(stats.seconds, 1e-3))} MB/s of JSON, ${mb(stats.fileBytes / Math.max(stats.seconds, 1e-3))} MB/s of file), ${convertSeconds.toFixed(1)} s converting and validating`);
  console.info(`Entities in the pack: ${entities}${withoutLabel ? ` (${withoutLabel} without a label in these languages left out)` : ''}`);
  console.info(`Aliases: ${aliases.kept} kept (${aliases.restricted.count} only under the matcher's case rules), ${droppedTotal(aliases)} dropped`);
  for (const reason of ALIAS_DROP_REASONS) {
    const { count, examples } = aliases.dropped[reason];
    if (count > 0) console.info(`  ${reason}: ${count} (${examples.join(', ')})`);
  }
}

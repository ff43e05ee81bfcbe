/**
 * Writes N synthetic but realistic Wikidata entities as a JSON dump, in the real format
 * of `latest-all.json` ("[", one entity per line followed by ",", "]"), plain, gzip and
 * bzip2:
 *
 *     tsx bench/wikidata/generate-dump.ts N OUT_DIR     → OUT_DIR/dump-N.json{,.gz,.bz2}
 *
 * Entities look like real ones: labels and descriptions in many languages, aliases with
 * the usual traps (surnames that are ordinary words, two-letter codes, lower-case
 * variants, names many people share), truthy and deprecated statements with
 * qualifiers and references, external ids, sitelinks with a long-tailed popularity.
 * About 10 KB of JSON per entity (the real dump averages somewhat more; it compresses
 * less well than this repetitive text).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pick, seededRandom } from '../random';

const LANGUAGES = ['en', 'fr', 'de', 'es', 'it', 'pt', 'ru', 'zh', 'ja', 'ar', 'nl', 'pl', 'sv', 'uk', 'tr', 'ko', 'fa', 'ca', 'cs', 'hu', 'fi', 'he', 'id', 'vi'];
const FIRST = ['Anna', 'Peter', 'Maria', 'John', 'Olga', 'Ahmed', 'Li', 'Sofia', 'Carlos', 'Fatima', 'Igor', 'Emma', 'Kenji', 'Aisha', 'Pierre', 'Elena', 'Tomas', 'Nadia', 'Viktor', 'Grace'];
// Real surnames, some of them ordinary words ("May", "Brown", "Bush", "King").
const LAST = ['May', 'Brown', 'Bush', 'King', 'Young', 'Hill', 'Smith', 'Kowalski', 'Ivanov', 'Garcia', 'Rossi', 'Novak', 'Tanaka', 'Haddad', 'Schmidt', 'Dubois', 'Silva', 'Petrov', 'Nguyen', 'Okafor', 'Lindqvist', 'Moreau', 'Castillo', 'Horvat', 'Yilmaz', 'Rahimi', 'Kovacs', 'Virtanen', 'Cohen', 'Santoso'];
const ROOTS = ['Nor', 'Vel', 'Astra', 'Kor', 'Bel', 'Mar', 'Tal', 'Zen', 'Oria', 'Dun', 'Ferro', 'Lumi', 'Sol', 'Brava', 'Quin', 'Hal', 'Ves', 'Tor', 'Cal', 'Ryn'];
const ORG_KINDS = ['Holdings', 'Bank', 'Energy', 'Airlines', 'Motors', 'Telecom', 'Party', 'Union', 'Institute', 'Foundation'];
const PLACE_KINDS = ['', 'ville', 'burg', 'grad', 'abad', 'polis', 'stad', 'minster'];
const EVENT_KINDS = ['general election', 'summit', 'war', 'earthquake', 'referendum'];
const WORD_ALIASES = ['Apple', 'Chase', 'Shell', 'Target', 'Delta', 'Amazon', 'Visa', 'Orange', 'Crown', 'Star'];

interface Kind {
  cls: string;
  share: number;
}
const KINDS: Kind[] = [
  { cls: 'Q5', share: 0.45 },
  { cls: 'Q515', share: 0.17 },
  { cls: 'Q6256', share: 0.01 },
  { cls: 'Q4830453', share: 0.17 },
  { cls: 'Q7278', share: 0.05 },
  { cls: 'Q40231', share: 0.05 },
  { cls: 'Q2761147', share: 0.02 },
  { cls: 'Q43229', share: 0.08 },
];

const term = (language: string, value: string) => ({ language, value });
let statementCounter = 0;
function statement(id: string, property: string, datavalue: unknown, datatype: string, rank = 'normal', withReference = true) {
  statementCounter++;
  return {
    mainsnak: { snaktype: 'value', property, hash: (statementCounter * 2654435761).toString(16).padStart(40, '0').slice(0, 40), datavalue, datatype },
    type: 'statement',
    id: `${id}$${statementCounter.toString(16).padStart(8, '0')}-5A1E-4C3B-9D7A-${statementCounter.toString(16).padStart(12, '0')}`,
    rank,
    ...(withReference
      ? {
          references: [
            {
              hash: statementCounter.toString(16).padStart(40, 'f'),
              snaks: {
                P143: [{ snaktype: 'value', property: 'P143', datavalue: { value: { 'entity-type': 'item', 'numeric-id': 328, id: 'Q328' }, type: 'wikibase-entityid' }, datatype: 'wikibase-item' }],
                P813: [{ snaktype: 'value', property: 'P813', datavalue: { value: { time: '+2024-03-01T00:00:00Z', timezone: 0, before: 0, after: 0, precision: 11, calendarmodel: 'http://www.wikidata.org/entity/Q1985727' }, type: 'time' }, datatype: 'time' }],
              },
              'snaks-order': ['P143', 'P813'],
            },
          ],
        }
      : {}),
  };
}
const itemValue = (qid: string) => ({ value: { 'entity-type': 'item', 'numeric-id': Number(qid.slice(1)), id: qid }, type: 'wikibase-entityid' });
const timeValue = (time: string, precision: number) => ({ value: { time, timezone: 0, before: 0, after: 0, precision, calendarmodel: 'http://www.wikidata.org/entity/Q1985727' }, type: 'time' });
const stringValue = (value: string) => ({ value, type: 'string' });

/** One entity of the dump, as the dump writes it. */
function generateEntity(n: number, random: () => number, countries: readonly string[]): Record<string, unknown> {
  const id = `Q${1000 + n}`;
  let r = random();
  const kind = KINDS.find((k) => (r -= k.share) < 0) ?? KINDS[0]!;
  const root = `${pick(random, ROOTS)}${pick(random, ROOTS).toLowerCase()}`;
  let label: string;
  let description: string;
  const aliases: string[] = [];
  const claims: Record<string, unknown[]> = { P31: [statement(id, 'P31', itemValue(kind.cls), 'wikibase-item')] };
  const country = pick(random, countries);
  const year = 1900 + Math.floor(random() * 120);
  const day = `${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  if (kind.cls === 'Q5') {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    label = `${first} ${last}`;
    description = `politician and businessperson (born ${year})`;
    if (random() < 0.5) aliases.push(last);
    if (random() < 0.3) aliases.push(`${first[0]}. ${last}`);
    if (random() < 0.2) aliases.push(label.toLowerCase());
    if (random() < 0.1) aliases.push(`${first} ${root} ${last}`);
    claims.P27 = [statement(id, 'P27', itemValue(country), 'wikibase-item')];
    claims.P569 = [statement(id, 'P569', timeValue(`+${year}-${day}T00:00:00Z`, random() < 0.8 ? 11 : 9), 'time')];
    if (random() < 0.2) claims.P570 = [statement(id, 'P570', timeValue(`+${Math.min(2025, year + 60)}-${day}T00:00:00Z`, 11), 'time')];
    claims.P735 = [statement(id, 'P735', itemValue(`Q${100 + FIRST.indexOf(first)}`), 'wikibase-item')];
  } else if (kind.cls === 'Q515' || kind.cls === 'Q6256') {
    label = `${root}${pick(random, PLACE_KINDS)}`;
    description = kind.cls === 'Q6256' ? 'sovereign state' : 'city';
    if (kind.cls === 'Q6256') aliases.push(`${label.slice(0, 2).toUpperCase()}`, `Republic of ${label}`, `${label.slice(0, 3).toUpperCase()}`);
    if (random() < 0.2) aliases.push(label.toLowerCase());
    if (random() < 0.1) aliases.push(`${label} City`);
    claims.P17 = [statement(id, 'P17', itemValue(kind.cls === 'Q6256' ? id : country), 'wikibase-item')];
    claims.P571 = [statement(id, 'P571', timeValue(`+${year - 600}-00-00T00:00:00Z`, 9), 'time')];
    claims.P1082 = [statement(id, 'P1082', { value: { amount: `+${Math.floor(random() * 1e6)}`, unit: '1' }, type: 'quantity' }, 'quantity')];
    claims.P625 = [statement(id, 'P625', { value: { latitude: random() * 180 - 90, longitude: random() * 360 - 180, precision: 0.0001, globe: 'http://www.wikidata.org/entity/Q2' }, type: 'globecoordinate' }, 'globe-coordinate')];
  } else if (kind.cls === 'Q40231' || kind.cls === 'Q2761147') {
    label = `${year + 100} ${root} ${pick(random, EVENT_KINDS)}`;
    description = `${pick(random, EVENT_KINDS)} held in ${year + 100}`;
    claims.P585 = [statement(id, 'P585', timeValue(`+${year + 100}-${day}T00:00:00Z`, 11), 'time')];
    claims.P17 = [statement(id, 'P17', itemValue(country), 'wikibase-item')];
  } else {
    const orgKind = pick(random, ORG_KINDS);
    label = `${root} ${orgKind}`;
    description = kind.cls === 'Q7278' ? 'political party' : `company founded in ${year}`;
    aliases.push(`${root[0]}${orgKind[0]}`.toUpperCase() + (random() < 0.5 ? 'C' : ''));
    if (random() < 0.15) aliases.push(pick(random, WORD_ALIASES));
    if (random() < 0.2) aliases.push(`${label.toLowerCase()}`);
    if (random() < 0.3) aliases.push(root);
    claims.P17 = [statement(id, 'P17', itemValue(country), 'wikibase-item')];
    claims.P571 = [statement(id, 'P571', timeValue(`+${year}-00-00T00:00:00Z`, 9), 'time')];
    if (random() < 0.2) claims.P576 = [statement(id, 'P576', timeValue(`+${Math.min(2025, year + 30)}-00-00T00:00:00Z`, 9), 'time', 'deprecated')];
    claims.P749 = random() < 0.2 ? [statement(id, 'P749', itemValue(`Q${1000 + Math.floor(random() * n + 1)}`), 'wikibase-item')] : [];
  }
  if (random() < 0.4) claims.P18 = [statement(id, 'P18', stringValue(`${label} ${year}.jpg`), 'commonsMedia')];
  // External identifiers, most of an entity's bulk in the real dump.
  for (const property of ['P214', 'P213', 'P227', 'P244', 'P268', 'P269', 'P349', 'P646', 'P2671', 'P7859', 'P1006', 'P950']) {
    if (random() < 0.7) claims[property] = [statement(id, property, stringValue(`${Math.floor(random() * 1e9)}`), 'external-id', 'normal', random() < 0.5)];
  }
  // Popularity: a long tail, as on Wikidata (most items have a few sitelinks, some hundreds).
  const sitelinkCount = Math.min(LANGUAGES.length * 8, Math.floor(1 / (random() + 0.005)) - 1);
  const sitelinks: Record<string, unknown> = {};
  for (let i = 0; i < sitelinkCount; i++) {
    const language = LANGUAGES[i % LANGUAGES.length]!;
    const project = ['wiki', 'wikiquote', 'wikinews', 'wikisource', 'wikivoyage', 'wikibooks', 'wikiversity', 'wiktionary'][Math.floor(i / LANGUAGES.length)]!;
    sitelinks[`${language}${project}`] = { site: `${language}${project}`, title: label, badges: [] };
  }
  const labelLanguages = LANGUAGES.slice(0, 4 + Math.floor(random() * (LANGUAGES.length - 4)));
  return {
    type: 'item',
    id,
    labels: Object.fromEntries(labelLanguages.map((l) => [l, term(l, label)])),
    descriptions: Object.fromEntries(labelLanguages.slice(0, 8).map((l) => [l, term(l, l === 'en' ? description : `${description} (${l})`)])),
    aliases: aliases.length > 0 ? { en: aliases.map((a) => term('en', a)) } : {},
    claims,
    sitelinks,
    pageid: 1000 + n,
    ns: 0,
    title: id,
    lastrevid: 2_000_000_000 + n,
    modified: '2026-11-30T12:00:00Z',
  };
}

/** Writes the dump and its gzip and bzip2 forms; returns their paths. */
export async function generateDump(count: number, outDir: string, seed = 14): Promise<{ json: string; gz: string; bz2?: string }> {
  await mkdir(outDir, { recursive: true });
  const json = join(outDir, `dump-${count}.json`);
  const random = seededRandom(seed);
  const countries = Array.from({ length: 20 }, (_, i) => `Q${1000 + i}`);
  const out = createWriteStream(json);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write('[\n');
  for (let n = 0; n < count; n++) {
    await write(`${JSON.stringify(generateEntity(n, random, countries))}${n < count - 1 ? ',' : ''}\n`);
  }
  await write(']\n');
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  const gz = `${json}.gz`;
  await pipeline(createReadStream(json), createGzip(), createWriteStream(gz));
  // Wikimedia compresses with a parallel bzip2; the format is the same, block by block.
  const bz = spawnSync('bzip2', ['-k', '-f', json]);
  return { json, gz, ...(bz.status === 0 ? { bz2: `${json}.bz2` } : {}) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 100_000);
  const dir = process.argv[3] ?? 'artifacts/wikidata';
  const started = performance.now();
  const paths = await generateDump(count, dir);
  console.info(`Wrote ${Object.values(paths).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

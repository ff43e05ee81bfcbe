/**
 * The user's own articles in open formats: one Markdown file per article with YAML front
 * matter (what Obsidian and other note tools read), and JSON Lines (one pack-format
 * article per line). The pack builder reads both back (scripts/pack/markdown-article.ts,
 * jsonl-articles.ts), so leaving Backstory loses nothing and coming back is one command.
 */
import { strToU8, zipSync } from 'fflate';
import { stringify } from 'yaml';
import type { BackstoryDatabase } from '../db/database';
import type { PackArticle } from '../pack/schema';
import { exportPack } from './export-pack';
import { rowsOfPack } from './keys';
import { isUserMadeSource } from './library-marker';
import { slugify } from '../pack/slug';
import { escapeMarkdown } from '../text/markdown-escape';

/** An article with the names it mentions, as the library resolved them. */
export interface OpenArticle {
  article: PackArticle;
  names: string[];
}

const MAX_FILE_STEM = 80;

/**
 * One article as Markdown: front matter (title, author, date, url, publisher, lang,
 * description, tags, names, id), then the text, one paragraph per block, escaped so that
 * it reads back as the same text and never as headings, lists, links or HTML.
 */
export function articleToMarkdown({ article, names }: OpenArticle): string {
  const meta: Record<string, unknown> = { title: article.headline };
  if (article.author?.length) meta.author = article.author;
  if (article.datePublished) meta.date = article.datePublished;
  if (article.url) meta.url = article.url;
  if (article.publisher) meta.publisher = article.publisher;
  if (article.inLanguage) meta.lang = article.inLanguage;
  if (article.description) meta.description = article.description;
  if (article.keywords?.length) meta.tags = article.keywords;
  if (names.length) meta.names = names;
  meta.id = article.id;
  // Dates stay strings: YAML would read 2024-07-05 as a timestamp and lose the form.
  const front = stringify(meta, { defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN', lineWidth: 0 }).replace(/^date: (\d{4}-\d{2}-\d{2}[^\n]*)$/mu, 'date: "$1"');
  const paragraphs = (article.articleBody ?? '')
    .split(/\n\s*\n/u)
    .map((p) => p.replace(/\s+/gu, ' ').trim())
    .filter(Boolean)
    .map(escapeMarkdown);
  return `---\n${front}---\n\n${paragraphs.join('\n\n')}\n`;
}

/** A file name for the article, unique among `used` (which it joins): "2024-07-05-leaders-meet-in-astana.md". */
function markdownFileName(article: PackArticle, used: Set<string>): string {
  const stem = [article.datePublished?.slice(0, 10), slugify(article.headline, MAX_FILE_STEM)].filter(Boolean).join('-') || slugify(article.id, MAX_FILE_STEM) || 'article';
  let name = `${stem}.md`;
  for (let n = 2; used.has(name); n++) name = `${stem}-${n}.md`;
  used.add(name);
  return name;
}

/** The articles as JSON Lines: each line a pack-format article, with the names it mentions beside it. */
export function articlesToJsonLines(articles: readonly OpenArticle[]): string {
  return articles.map(({ article, names }) => JSON.stringify(names.length ? { ...article, names } : article)).join('\n') + (articles.length ? '\n' : '');
}

/** A zip with a folder of Markdown files per pack (the folder named after the pack), one file per article, named by date and headline. */
export function markdownZip(folders: ReadonlyArray<{ name: string; articles: readonly OpenArticle[] }>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const usedFolders = new Set<string>();
  for (const { name, articles } of folders) {
    let folder = name.replace(/[\\/:*?"<>|]+/gu, ' ').trim() || 'Articles';
    for (let n = 2; usedFolders.has(folder); n++) folder = `${name} ${n}`;
    usedFolders.add(folder);
    const used = new Set<string>();
    for (const item of articles) files[`${folder}/${markdownFileName(item.article, used)}`] = strToU8(articleToMarkdown(item));
  }
  return zipSync(files, { level: 6 });
}


/**
 * The user's own packs (saved articles, feeds, anything made in Backstory) with each
 * article's names as the library resolved them (with the user's edits' entity names).
 */
export async function userArticles(db: BackstoryDatabase): Promise<Array<{ name: string; articles: OpenArticle[] }>> {
  const packs = (await db.packs.toArray()).filter((p) => isUserMadeSource(p.source));
  const out: Array<{ name: string; articles: OpenArticle[] }> = [];
  for (const row of packs) {
    const pack = await exportPack(db, row.id);
    if (!pack) continue;
    const rows = new Map((await rowsOfPack(db.articles, row.id).toArray()).map((a) => [a.id, a]));
    const keys = [...new Set([...rows.values()].flatMap((a) => a.entityMentions.map((m) => m.entityKey)))];
    const names = new Map((await db.entities.bulkGet(keys)).flatMap((e) => (e ? [[e.key, e.name] as const] : [])));
    out.push({
      name: row.name,
      articles: pack.articles.map((article) => ({
        article,
        names: [...new Set((rows.get(article.id)?.entityMentions ?? []).flatMap((m) => names.get(m.entityKey) ?? []))],
      })),
    });
  }
  return out;
}

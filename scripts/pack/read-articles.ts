import { readFile } from 'node:fs/promises';
import { parsePlainTextArticle } from '../../lib/pack';
import type { SourcedArticle } from './build-pack';
import type { InputFile, SkippedFile } from './collect-files';
import { htmlArticle } from './html-article';
import { jsonlArticles } from './jsonl-articles';
import { markdownArticle } from './markdown-article';

/** Every article of the files, in file order; a file that gives none is skipped with the reason. */
export async function readArticles(
  files: readonly InputFile[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ articles: SourcedArticle[]; skipped: SkippedFile[] }> {
  const articles: SourcedArticle[] = [];
  const skipped: SkippedFile[] = [];
  for (const [index, file] of files.entries()) {
    const text = file.text ?? (await readFile(file.path, 'utf8'));
    switch (file.kind) {
      case 'txt': {
        const parsed = parsePlainTextArticle(text);
        if (parsed.ok) articles.push({ article: parsed.article, source: file.path });
        else skipped.push({ path: file.path, reason: parsed.message });
        break;
      }
      case 'md': {
        const parsed = markdownArticle(text);
        if ('article' in parsed) articles.push({ article: parsed.article, source: file.path });
        else skipped.push({ path: file.path, reason: parsed.reason });
        break;
      }
      case 'html': {
        const parsed = await htmlArticle(text, {});
        if ('article' in parsed) articles.push({ article: parsed.article, source: file.path });
        else skipped.push({ path: file.path, reason: parsed.reason });
        break;
      }
      case 'jsonl': {
        const parsed = jsonlArticles(text);
        for (const { article, line } of parsed.articles) articles.push({ article, source: `${file.path}:${line}` });
        for (const problem of parsed.problems) skipped.push({ path: `${file.path}:${problem.line}`, reason: problem.reason });
        break;
      }
    }
    onProgress?.(index + 1, files.length);
  }
  return { articles, skipped };
}

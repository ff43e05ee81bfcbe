import * as v from 'valibot';
import { PackArticleSchema, formatPath, type PackArticle } from '../../lib/pack';

/** Articles of a JSON Lines file, one pack-format article per line; bad lines are reported by number. */
export function jsonlArticles(source: string): { articles: Array<{ article: PackArticle; line: number }>; problems: Array<{ line: number; reason: string }> } {
  const articles: Array<{ article: PackArticle; line: number }> = [];
  const problems: Array<{ line: number; reason: string }> = [];
  source.split(/\r?\n/u).forEach((text, index) => {
    if (!text.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      problems.push({ line: index + 1, reason: 'not valid JSON' });
      return;
    }
    // An id is optional here: the builder gives one to articles that have none.
    const hasId = typeof data === 'object' && data !== null && 'id' in data;
    const parsed = v.safeParse(PackArticleSchema, hasId ? data : { ...(data as object), id: 'pending' }, { abortPipeEarly: true });
    if (parsed.success) {
      articles.push({ article: hasId ? parsed.output : { ...parsed.output, id: '' }, line: index + 1 });
    } else {
      const issue = parsed.issues[0];
      const path = formatPath(issue.path?.map((p) => p.key) ?? []);
      problems.push({ line: index + 1, reason: `${path ? `${path}: ` : ''}${issue.message}` });
    }
  });
  return { articles, problems };
}

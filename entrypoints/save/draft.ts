import type { ArticleDraft } from '../../components/SaveArticleForm';
import type { ExtractedArticle } from '../../lib/extract';
import type { UserArticleInput } from '../../lib/kb/my-articles';
import { formatIssue, type PackIssue } from '../../lib/pack';

/** The preview's fields, filled from what the page said. */
export function draftFromArticle(article: ExtractedArticle): ArticleDraft {
  return {
    headline: article.headline,
    author: article.author.join(', '),
    datePublished: article.datePublished ?? '',
    publisher: article.publisher ?? '',
    url: article.url ?? '',
    text: article.text,
  };
}

/** What will be saved, from the fields as the user left them. */
export function articleFromDraft(draft: ArticleDraft, original: ExtractedArticle): UserArticleInput {
  return {
    headline: draft.headline,
    author: draft.author.split(',').map((a) => a.trim()).filter(Boolean),
    datePublished: draft.datePublished,
    publisher: draft.publisher,
    url: draft.url,
    articleBody: draft.text,
    inLanguage: original.inLanguage,
    description: original.description,
  };
}

const FIELD_OF: Record<string, keyof ArticleDraft> = {
  'article.headline': 'headline',
  'article.author': 'author',
  'article.datePublished': 'datePublished',
  'article.publisher': 'publisher',
  'article.url': 'url',
  'article.articleBody': 'text',
};

/** Save problems shown beside their field; the rest as one list. */
export function fieldErrors(issues: readonly PackIssue[]): { fields: Partial<Record<keyof ArticleDraft, string>>; other: string[] } {
  const fields: Partial<Record<keyof ArticleDraft, string>> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = FIELD_OF[issue.path.replace(/\[\d+\]$/u, '')];
    const sentence = issue.message.charAt(0).toUpperCase() + issue.message.slice(1) + '.';
    if (field) fields[field] ??= sentence;
    else other.push(formatIssue(issue));
  }
  return { fields, other };
}

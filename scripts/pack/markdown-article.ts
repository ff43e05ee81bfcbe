import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { parse as parseYaml } from 'yaml';
import { normalizeDate } from '../../lib/extract';
import type { PackArticle } from '../../lib/pack';
import { withoutEmpty } from './article-fields';

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\r?\n?/u;

/**
 * A Markdown article: metadata from YAML front matter (`title` or `headline`, `author`,
 * `date` or `datePublished`, `url`, `publisher`, `lang`, `description`, `tags` or
 * `keywords`, `id`), text from the Markdown as plain text, one paragraph per block. With
 * no title, a leading `# Heading` is the headline.
 */
export function markdownArticle(source: string): { article: PackArticle } | { reason: string } {
  const match = FRONT_MATTER.exec(source);
  let meta: Record<string, unknown> = {};
  if (match) {
    try {
      const parsed: unknown = parseYaml(match[1]!);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
    } catch (error) {
      return { reason: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}` };
    }
  }
  const tree = fromMarkdown(match ? source.slice(match[0].length) : source);
  const blocks = [...tree.children];
  let headline = text(meta.title) ?? text(meta.headline);
  if (!headline && blocks[0]?.type === 'heading' && blocks[0].depth === 1) headline = toString(blocks.shift()!).trim();
  if (!headline) return { reason: 'no headline (no title in the front matter and no leading "# Heading")' };
  const body = blocks.flatMap(paragraphs).join('\n\n');
  if (!body) return { reason: 'no article text' };

  const date = meta.date instanceof Date ? meta.date.toISOString().slice(0, 10) : (text(meta.datePublished) ?? text(meta.date));
  const datePublished = date ? normalizeDate(date) : undefined;
  if (date && !datePublished) return { reason: `"${date}" is not a date` };
  return {
    article: withoutEmpty({
      id: text(meta.id) ?? '',
      headline,
      url: text(meta.url),
      author: list(meta.author ?? meta.authors),
      publisher: text(meta.publisher) ?? text(meta.site),
      datePublished,
      inLanguage: text(meta.inLanguage) ?? text(meta.lang) ?? text(meta.language),
      description: text(meta.description),
      articleBody: body,
      keywords: list(meta.keywords ?? meta.tags),
    }) as PackArticle,
  };
}

/** A block as paragraphs of plain text: lists and quotes give one per item or inner block; code and HTML none. */
function paragraphs(node: RootContent | Root): string[] {
  switch (node.type) {
    case 'list':
    case 'blockquote':
    case 'listItem':
      return node.children.flatMap((child) => paragraphs(child as RootContent));
    case 'code':
    case 'html':
    case 'thematicBreak':
    case 'definition':
      return [];
    default: {
      const plain = toString(node as Nodes).replace(/\s+/gu, ' ').trim();
      return plain ? [plain] : [];
    }
  }
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function list(value: unknown): string[] | undefined {
  const items = (Array.isArray(value) ? value : [value]).map(text).filter((v): v is string => v !== undefined);
  return items.length > 0 ? items : undefined;
}

/**
 * An entity's card as Markdown, for the card's "Copy as Markdown": its name, type,
 * description and dates, its Wikidata, Wikipedia and picture links, the sentences of the
 * articles that mention it with their sources (linked when the address is http(s)), and
 * the related names. Pack text is escaped, never markup.
 */
import { safeHttpUrl } from '../text/safe-url';
import { countOf } from '../text/plural';
import type { EntityCard } from './entity-card';
import { escapeMarkdown } from '../text/markdown-escape';

/** Pack text on one line, escaped. */
function text(value: string): string {
  return escapeMarkdown(value.replace(/\s+/gu, ' ').trim());
}

/** The card as Markdown: name, type, description, other names, articles with their sentence and source, related names. */
export function cardToMarkdown(card: EntityCard): string {
  const subtitle = [card.description, card.dates].filter(Boolean).map((part) => text(part!)).join(' · ');
  const lines = [`# ${text(card.name)}`, '', `*${text(card.type)}*${subtitle ? ` — ${subtitle}` : ''}`];
  if (card.alternateName.length) lines.push('', `Also known as: ${card.alternateName.map(text).join(', ')}`);
  // What the card links to (already checked to be http(s) where the card was made; checked again here).
  const links = (card.links ?? []).flatMap((link) => {
    const url = safeHttpUrl(link.url);
    return url ? [`[${link.label}](<${url}>)`] : [];
  });
  if (links.length) lines.push('', links.join(' · '));
  if (card.articles.length) {
    lines.push('', `## In ${countOf(card.articleCount, 'article')}`, '');
    for (const article of card.articles) {
      const url = safeHttpUrl(article.url);
      const title = url ? `[${text(article.headline)}](<${url}>)` : text(article.headline);
      const source = [article.publisher, article.datePublished?.slice(0, 10)].filter(Boolean).map((s) => text(s!)).join(', ');
      lines.push(`- ${title}${source ? ` — ${source}` : ''}`);
      if (article.sentence) lines.push(`  > ${text(article.sentence)}`);
    }
  }
  if (card.related.length) lines.push('', `Related: ${card.related.map((r) => text(r.name)).join(', ')}`);
  lines.push('', `Source: ${text(card.packName)} (Backstory)`);
  return `${lines.join('\n')}\n`;
}
